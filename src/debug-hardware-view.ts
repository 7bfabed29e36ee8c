import * as vscode from 'vscode';
import { DEBUG_TYPE } from './config-provider';
import {
  type DebugHardwareState,
  type Slot,
  type SlotKind,
  describePair,
  isEnabled,
  mdcrEl2Fields,
  mdscrFields,
  oslsrFields,
  parseDebugHardware,
  shortHex,
  slotDiffers,
  slotName,
  slotSummary,
} from './debug-hardware-model';

export const VIEW_ID = 'stepvisor.debugHardware';

type Node =
  | { kind: 'group'; slotKind: SlotKind; slots: Slot[] }
  | { kind: 'slot'; slotKind: SlotKind; slot: Slot }
  | { kind: 'register'; id: string; label: string; value: string; detail: string; children?: Node[] }
  | { kind: 'field'; id: string; label: string; value: string; tooltip?: string };

/** Events after which the debug hardware may look different. */
const REFRESH_EVENTS = new Set(['stopped', 'stepvisor/debugHardwareChanged', 'invalidated', 'breakpoint']);

/**
 * The Debug Hardware view: every breakpoint and watchpoint slot as the guest programmed it and as the
 * hypervisor actually loaded it (and which DAP breakpoint holds it), plus MDSCR_EL1, OSLSR_EL1 and MDCR_EL2.
 * It shows the session of the focused stack item and refreshes on every stop.
 */
export class DebugHardwareView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly treeView: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[] = [];
  private session: vscode.DebugSession | undefined;
  private state: DebugHardwareState | undefined;
  private running = false;
  private inFlight: Promise<void> | undefined;
  private again = false;

  constructor() {
    this.treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.treeView,
      this.changed,
      vscode.debug.onDidChangeActiveStackItem((item) => this.follow(item?.session ?? vscode.debug.activeDebugSession)),
      vscode.debug.onDidChangeActiveDebugSession((s) => this.follow(vscode.debug.activeStackItem?.session ?? s)),
      vscode.debug.onDidTerminateDebugSession((s) => {
        if (s.id === this.session?.id) this.follow(vscode.debug.activeDebugSession);
      }),
      vscode.debug.registerDebugAdapterTrackerFactory(DEBUG_TYPE, {
        createDebugAdapterTracker: (session) => ({
          onDidSendMessage: (m: { type?: string; event?: string }) => {
            if (m.type !== 'event' || m.event === undefined) return;
            if (m.event === 'continued') this.onRunning(session);
            else if (REFRESH_EVENTS.has(m.event)) this.onChanged(session);
          },
        }),
      }),
    );
    this.follow(vscode.debug.activeStackItem?.session ?? vscode.debug.activeDebugSession);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** Show `session` (if it is ours) and fetch its state. */
  private follow(session: vscode.DebugSession | undefined): void {
    const ours = session?.type === DEBUG_TYPE ? session : undefined;
    if (ours?.id === this.session?.id && ours !== undefined) return;
    this.session = ours;
    this.state = undefined;
    this.running = false;
    this.render();
    if (ours) void this.refresh();
  }

  private onRunning(session: vscode.DebugSession): void {
    if (session.id !== this.session?.id) return;
    this.running = true;
    this.updateChrome();
  }

  private onChanged(session: vscode.DebugSession): void {
    if (this.session === undefined && session.type === DEBUG_TYPE) this.session = session;
    if (session.id !== this.session?.id) return;
    this.running = false;
    void this.refresh();
  }

  /** Fetch the state; requests are coalesced so a burst of events costs at most two round trips. */
  refresh(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    this.inFlight = (async () => {
      do {
        this.again = false;
        const session = this.session;
        if (session === undefined) break;
        try {
          const body: unknown = await session.customRequest('stepvisor/debugHardware');
          if (session.id !== this.session?.id) continue;
          this.state = parseDebugHardware(body);
          this.treeView.message = undefined;
        } catch (e) {
          if (session.id !== this.session?.id) continue;
          this.treeView.message = `Debug hardware unavailable: ${e instanceof Error ? e.message : String(e)}`;
        }
        this.render();
      } while (this.again);
    })().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private render(): void {
    this.updateChrome();
    this.changed.fire(undefined);
  }

  private updateChrome(): void {
    if (this.session === undefined) {
      this.treeView.description = undefined;
      return;
    }
    const parts = [this.state?.profile ? `profile ${this.state.profile}` : undefined, this.running ? 'running' : undefined];
    this.treeView.description = parts.filter((p) => p !== undefined).join(' · ') || undefined;
  }

  getChildren(node?: Node): Node[] {
    const s = this.state;
    if (node === undefined) {
      if (this.session === undefined || s === undefined) return [];
      return [
        { kind: 'group', slotKind: 'breakpoint', slots: s.breakpoints },
        { kind: 'group', slotKind: 'watchpoint', slots: s.watchpoints },
        {
          kind: 'register',
          id: 'mdscr',
          label: 'MDSCR_EL1',
          value:
            s.mdscr.guest === s.mdscr.effective
              ? `${shortHex(s.mdscr.guest)} ${mdscrFields(s.mdscr.guest)}`
              : `effective ${shortHex(s.mdscr.effective)} | guest ${shortHex(s.mdscr.guest)}`,
          detail: 'Monitor Debug System Control Register: MDE enables breakpoints/watchpoints, KDE lets them fire at EL1, SS is software step.',
          children: [
            { kind: 'field', id: 'mdscr/guest', label: 'guest', value: `${shortHex(s.mdscr.guest)} (${mdscrFields(s.mdscr.guest)})`, tooltip: 'What the guest wrote (what it reads back).' },
            { kind: 'field', id: 'mdscr/effective', label: 'effective', value: `${shortHex(s.mdscr.effective)} (${mdscrFields(s.mdscr.effective)})`, tooltip: 'What the hypervisor loaded into the CPU for this run.' },
          ],
        },
        { kind: 'register', id: 'oslsr', label: 'OSLSR_EL1', value: `${shortHex(s.oslsr)} ${oslsrFields(s.oslsr)}`, detail: 'OS Lock Status Register (the guest view). While OSLK is set, breakpoint, watchpoint and step exceptions are suppressed.' },
        { kind: 'register', id: 'mdcr', label: 'MDCR_EL2', value: `${shortHex(s.mdcrEl2)} ${mdcrEl2Fields(s.mdcrEl2)}`, detail: "The hypervisor's debug trap controls (TDE routes debug exceptions to EL2; TDA/TDOSA/TDRA trap debug register accesses)." },
      ];
    }
    if (node.kind === 'group') return node.slots.map((slot) => ({ kind: 'slot', slotKind: node.slotKind, slot }));
    if (node.kind === 'register') return node.children ?? [];
    if (node.kind === 'slot') {
      const { slot, slotKind } = node;
      const c = slotKind === 'breakpoint' ? 'DBGBCR' : 'DBGWCR';
      const v = slotKind === 'breakpoint' ? 'DBGBVR' : 'DBGWVR';
      const id = `${slotName(slotKind, slot.index)}`;
      const fields: Node[] = [
        { kind: 'field', id: `${id}/effective`, label: 'effective', value: `${describePair(slotKind, slot.effective)}  ${c}${slot.index}=${shortHex(slot.effective.ctrl)} ${v}${slot.index}=${shortHex(slot.effective.value)}`, tooltip: 'Loaded into the CPU by the hypervisor for this run.' },
        { kind: 'field', id: `${id}/guest`, label: 'guest', value: `${describePair(slotKind, slot.guest)}  ${c}${slot.index}=${shortHex(slot.guest.ctrl)} ${v}${slot.index}=${shortHex(slot.guest.value)}`, tooltip: 'What the guest programmed (and reads back).' },
      ];
      if (slot.owner) fields.push({ kind: 'field', id: `${id}/owner`, label: 'held by', value: `breakpoint ${slot.owner.dapBreakpointId}: ${slot.owner.description}` });
      return fields;
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'group': {
        const used = node.slots.filter((s) => s.owner !== undefined || isEnabled(s.effective) || isEnabled(s.guest)).length;
        const item = new vscode.TreeItem(node.slotKind === 'breakpoint' ? 'Breakpoints' : 'Watchpoints', vscode.TreeItemCollapsibleState.Expanded);
        item.id = `group/${node.slotKind}`;
        item.description = `${used} of ${node.slots.length} in use`;
        return item;
      }
      case 'slot': {
        const { slot, slotKind } = node;
        const name = slotName(slotKind, slot.index);
        const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `slot/${name}`;
        item.description = slotSummary(slotKind, slot);
        const effOn = isEnabled(slot.effective);
        const guestOn = isEnabled(slot.guest);
        item.iconPath = new vscode.ThemeIcon(
          slot.owner ? 'debug-breakpoint' : effOn || guestOn ? 'debug-breakpoint-unverified' : 'circle-small',
          slot.owner ? new vscode.ThemeColor('debugIcon.breakpointForeground') : undefined,
        );
        const md = new vscode.MarkdownString(undefined, true);
        md.appendMarkdown(`**${name}**${slotDiffers(slot) ? ' — guest and effective differ' : ''}\n\n`);
        md.appendMarkdown(`| | ctrl | value |\n|---|---|---|\n`);
        md.appendMarkdown(`| effective | \`${slot.effective.ctrl}\` | \`${slot.effective.value}\` |\n`);
        md.appendMarkdown(`| guest | \`${slot.guest.ctrl}\` | \`${slot.guest.value}\` |\n`);
        if (slot.owner) md.appendMarkdown(`\nHeld by breakpoint ${slot.owner.dapBreakpointId}: ${slot.owner.description}`);
        item.tooltip = md;
        item.contextValue = slot.owner ? 'slot.owned' : 'slot';
        return item;
      }
      case 'register': {
        const item = new vscode.TreeItem(node.label, node.children ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `reg/${node.id}`;
        item.description = node.value;
        item.tooltip = `${node.label} = ${node.value}\n\n${node.detail}`;
        item.iconPath = new vscode.ThemeIcon('symbol-variable');
        return item;
      }
      case 'field': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.id = `field/${node.id}`;
        item.description = node.value;
        item.tooltip = node.tooltip;
        return item;
      }
    }
  }

  get currentSession(): vscode.DebugSession | undefined {
    return this.session;
  }
}
