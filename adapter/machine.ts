/**
 * The VMM half of the adapter: one VM with one vCPU, breakpoints turned into debug hardware (or BRK patches),
 * and the run loop (slices, stepping, stops). No DAP types here: the session turns `StopInfo` into events.
 */
import { Vm, Vcpu, VIRT_RAM_BASE, type Exit, type GuestExceptionExit, type TrapExit } from '../emulator';
import { BreakpointStore, hitConditionMet, type CodeBreakpoint, type DataBreakpoint } from './breakpoints';
import type { LaunchConfig } from './launch-config';
import { SymbolTable, type LineEntry } from './symbols';
import { describeSyndrome, ecName, ecOf, hex } from './syndrome';
import { unwind, type Frame } from './unwind';

export type StopReason = 'entry' | 'breakpoint' | 'function breakpoint' | 'instruction breakpoint' | 'data breakpoint' | 'step' | 'pause' | 'exception';

export interface StopInfo {
  reason: StopReason;
  description: string;
  text?: string;
  hitBreakpointIds?: number[];
  exception?: { id: string; description: string; details: string };
}

/** Exception-breakpoint filters (DAP `exceptionBreakpointFilters`). */
export const EXCEPTION_FILTERS = [
  { filter: 'undef', label: 'Undefined instruction', description: 'The guest takes an exception with EC 0x00 (unknown reason / UNDEFINED).', default: false },
  { filter: 'dabort', label: 'Data abort', description: 'The guest takes a data abort (EC 0x24/0x25) or an alignment fault (0x26).', default: false },
  { filter: 'iabort', label: 'Instruction abort', description: 'The guest takes an instruction abort (EC 0x20/0x21) or a PC alignment fault (0x22).', default: false },
  { filter: 'guestDebug', label: 'Guest debug exceptions', description: "A debug exception reaches the guest's own vector (breakpoint, step, watchpoint, BRK).", default: false },
  { filter: 'oslock', label: 'OS Lock changes', description: 'The guest writes OSLAR_EL1 and the OS Lock status changes.', default: false },
  { filter: 'trappedDebugReg', label: 'Trapped debug-register access', description: 'The hypervisor traps a guest access to a debug, OS or PMU register (MDCR_EL2.TDA/TDOSA/TDRA/TPM).', default: false },
  { filter: 'other', label: 'Any other guest exception', description: 'SVC, HVC outside PSCI, trapped system instructions, FP traps, illegal state...', default: false },
] as const;

export type ExceptionFilter = (typeof EXCEPTION_FILTERS)[number]['filter'];

function filterForEc(ec: number): ExceptionFilter {
  if (ec === 0x00) return 'undef';
  if (ec === 0x24 || ec === 0x25 || ec === 0x26) return 'dabort';
  if (ec === 0x20 || ec === 0x21 || ec === 0x22) return 'iabort';
  if (ec >= 0x30 && ec <= 0x35) return 'guestDebug';
  if (ec === 0x3c) return 'guestDebug';
  return 'other';
}

interface PendingException {
  filter: ExceptionFilter;
  title: string;
  details: string;
}

export interface MachineHost {
  stopped(stop: StopInfo): void;
  output(text: string, category: 'stdout' | 'console' | 'stderr'): void;
  exited(code: number, message: string): void;
  /** A condition or log message needs the evaluator; returns the value or throws with a message. */
  evaluate(expr: string): bigint;
  interpolate(message: string): string;
  debugHardwareChanged(): void;
}

type Goal =
  | { kind: 'continue' }
  | { kind: 'instruction' }
  | { kind: 'line'; into: boolean; start: LineEntry | undefined; startPc: number; startFn: string | undefined; startSp: bigint; steps: number; runTo?: { addr: number; sp: bigint } }
  | { kind: 'out'; addr: number; sp: bigint };

const BRK_SW = 0xd43e0000; // BRK #0xf000
const SLICE_TARGET_MS = 5;

export class Machine {
  readonly vm: Vm;
  readonly vcpu: Vcpu;
  readonly symbols: SymbolTable;
  readonly bps: BreakpointStore;
  readonly filters = new Set<ExceptionFilter>();
  state: 'stopped' | 'running' | 'exited' = 'stopped';
  lastExit: Exit | undefined;
  lastStop: StopInfo | undefined;
  /** Bumped on every stop: variable references and frame ids from older stops are stale. */
  stopEpoch = 0;
  private slice: number;
  private pauseRequested = false;
  private goal: Goal | undefined;
  private resumeFromWatch = false;
  /** Software breakpoints in memory: address → the original instruction word. */
  private readonly patches = new Map<number, number>();
  private tempBp: number | undefined;
  private useHw = false;
  private uart: number[] = [];
  private framesCache: Frame[] | undefined;
  readonly hostDebug: boolean;

  constructor(
    readonly config: LaunchConfig,
    private readonly host: MachineHost,
  ) {
    this.vm = new Vm({
      machine: 'virt',
      memoryBytes: config.memoryBytes,
      profile: config.profile,
      breakpoints: config.breakpoints,
      watchpoints: config.watchpoints,
      contextBreakpoints: Math.min(2, config.breakpoints),
      onUart: (b) => {
        this.uart.push(b);
        if (b === 0x0a || this.uart.length >= 4096) this.flushUart();
      },
    });
    this.vm.loadElf(config.bytes);
    this.vcpu = this.vm.createVcpu();
    this.symbols = new SymbolTable(config.image, config.sourceMap);
    this.hostDebug = config.profile !== 'bare';
    this.bps = new BreakpointStore(config.breakpoints, config.watchpoints, config.breakpointMode, this.hostDebug);
    this.slice = config.sliceInstructions;
    this.applyExceptionFilters();
  }

  /** Opt-in exits for the enabled exception filters (guest exceptions by class, served traps). */
  applyExceptionFilters(): void {
    const classes: number[] = [];
    for (let ec = 0; ec < 64; ec++) if (this.filters.has(filterForEc(ec))) classes.push(ec);
    this.vcpu.setExceptionExits(classes.length > 0 ? { classes } : null);
    this.vcpu.setTrapExits(this.filters.has('oslock') || this.filters.has('trappedDebugReg'));
  }

  /** A guest-exception exit as an exception stop, when its filter is on. */
  private exceptionStop(e: GuestExceptionExit): PendingException | undefined {
    const filter = filterForEc(e.ec);
    if (!this.filters.has(filter)) return undefined;
    const elr = e.elr;
    return {
      filter,
      title: ecName(e.ec),
      details: `guest exception at ${hex(elr)}${this.sym(Number(elr))}: ESR_EL1 ${describeSyndrome(Number(e.esr), e.farValid ? e.far : undefined).replace(/^hsr=/, '')}; vector ${hex(e.pc)}`,
    };
  }

  /** A trap exit as an exception stop, when its filter is on. */
  private trapStop(e: TrapExit): PendingException | undefined {
    const dir = e.write ? 'write to' : 'read of';
    const at = `${hex(e.accessPc)}${this.sym(Number(e.accessPc))}`;
    if (e.osLockChanged === true && this.filters.has('oslock')) {
      const after = this.oslsr();
      const before = after ^ 2n;
      return { filter: 'oslock', title: 'OS Lock changed', details: `OSLSR_EL1 ${hex(before)} → ${hex(after)} (OSLK=${(after >> 1n) & 1n}) by the ${dir} ${e.register} at ${at}` };
    }
    if (this.filters.has('trappedDebugReg'))
      return { filter: 'trappedDebugReg', title: `Trapped ${dir} ${e.register}`, details: `hsr=${hex(e.esr, 8)} EC=0x18: guest ${dir} ${e.register} at ${at} served by the hypervisor (${this.config.profile})` };
    return undefined;
  }

  oslsr(): bigint {
    try {
      return this.vcpu.getOneReg('OSLSR_EL1');
    } catch {
      return 0n;
    }
  }

  private sym(addr: number): string {
    const d = this.symbols.describe(addr);
    return d === undefined ? '' : ` <${d}>`;
  }

  flushUart(): void {
    if (this.uart.length === 0) return;
    const text = Buffer.from(this.uart).toString('utf8');
    this.uart = [];
    this.host.output(text, 'stdout');
  }

  get pc(): number {
    return Number(this.vcpu.getOneReg('pc'));
  }

  // ------------------------------------------------------------------ memory (software breakpoints hidden)

  /** Whether [addr, addr + len) is mapped (current stage-1 translation) to guest RAM. */
  isRam(addr: number, len = 1): boolean {
    return addr >= 0 && this.vcpu.isBackedVirtual(BigInt(addr), len);
  }

  /** Guest memory as the program wrote it: BRK patches show their original words. Undefined outside RAM. */
  readMemory(addr: number, len: number): Uint8Array | undefined {
    if (addr < 0) return undefined;
    let out: Uint8Array;
    try {
      out = this.vcpu.readVirtual(BigInt(addr), len);
    } catch (e) {
      if (e instanceof RangeError) return undefined; // unmapped, or not RAM
      throw e;
    }
    for (const [a, word] of this.patches) {
      for (let i = 0; i < 4; i++) {
        const o = a + i - addr;
        if (o >= 0 && o < len) out[o] = (word >>> (8 * i)) & 0xff;
      }
    }
    return out;
  }

  /** Write guest memory; bytes landing on a patched word update the saved original and keep the BRK. */
  writeMemory(addr: number, data: Uint8Array): void {
    if (!this.isRam(addr, data.length)) throw new RangeError(`${hex(addr)}+${data.length} is not guest RAM or not mapped (RAM is ${hex(VIRT_RAM_BASE)}-${hex(VIRT_RAM_BASE + this.config.memoryBytes)})`);
    this.vcpu.writeVirtual(BigInt(addr), data);
    for (const [a, word] of this.patches) {
      if (a + 4 <= addr || a >= addr + data.length) continue;
      const cur = this.vcpu.readVirtual(BigInt(a), 4);
      let w = word;
      for (let i = 0; i < 4; i++) {
        const o = a + i - addr;
        if (o >= 0 && o < data.length) w = (w & ~(0xff << (8 * i))) | (cur[i] << (8 * i));
      }
      this.patches.set(a, w >>> 0);
      this.pokeWord(a, BRK_SW);
    }
    this.framesCache = undefined;
  }

  read64(addr: number): bigint | undefined {
    const b = this.readMemory(addr, 8);
    if (b === undefined) return undefined;
    return Buffer.from(b).readBigUInt64LE(0);
  }

  private pokeWord(addr: number, word: number): void {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, word >>> 0, true);
    this.vcpu.writeVirtual(BigInt(addr), b);
  }

  private peekWord(addr: number): number {
    return new DataView(this.vcpu.readVirtual(BigInt(addr), 4).buffer).getUint32(0, true);
  }

  // ------------------------------------------------------------------ debug hardware

  /** Re-place every breakpoint and program the hardware; call after any breakpoint change (also while running). */
  syncBreakpoints(): void {
    this.bps.allocate();
    for (const b of this.bps.allCode()) {
      if (b.verified && (b.address % 4 !== 0 || !this.isRam(b.address, 4))) {
        b.verified = false;
        b.message = b.address % 4 !== 0 ? `${hex(b.address)} is not 4-byte aligned: A64 instructions are` : `${hex(b.address)} is outside guest RAM: no code can run there`;
      }
    }
    this.syncPatches();
    this.applyDebug(false);
    this.host.debugHardwareChanged();
  }

  private syncPatches(): void {
    const want = this.bps.softwareAddresses();
    if (this.tempBp !== undefined) want.add(this.tempBp);
    for (const [a, word] of [...this.patches]) {
      if (!want.has(a)) {
        this.pokeWord(a, word);
        this.patches.delete(a);
      }
    }
    for (const a of want) {
      if (this.patches.has(a) || !this.isRam(a, 4)) continue;
      this.patches.set(a, this.peekWord(a));
      this.pokeWord(a, BRK_SW);
    }
  }

  /** KVM_SET_GUEST_DEBUG for the next run: our slots, BRK routing, optional single-step. */
  private applyDebug(singlestep: boolean, suppressAt?: number, noWatch = false): void {
    if (!this.hostDebug) return;
    const img = this.bps.hardwareImage();
    if (suppressAt !== undefined) for (let i = 0; i < 16; i++) if (img.bcr[i] !== 0n && Number(img.bvr[i]) === suppressAt) img.bcr[i] = 0n;
    if (noWatch) img.wcr.fill(0n);
    const enable = singlestep || this.patches.size > 0 || this.bps.hasAny();
    // USE_HW only while a slot is ours: otherwise the guest's own breakpoints and watchpoints stay live and
    // their exceptions, routed to the VMM while debugging, are handed back (re-injected).
    const useHw = img.bcr.some((v) => v !== 0n) || img.wcr.some((v) => v !== 0n);
    this.vcpu.setGuestDebug({ enable, singlestep, useSwBp: true, useHw, ...img });
    this.useHw = useHw;
  }

  // ------------------------------------------------------------------ execution

  reset(): void {
    this.vm.reset();
    this.patches.clear(); // RAM was reloaded: every patch is gone
    this.tempBp = undefined;
    this.goal = undefined;
    this.resumeFromWatch = false;
    this.lastExit = undefined;
    this.uart = [];
    this.syncBreakpoints();
    this.state = 'stopped';
    this.invalidate();
  }

  private invalidate(): void {
    this.stopEpoch++;
    this.framesCache = undefined;
  }

  requestPause(): void {
    if (this.state === 'running') this.pauseRequested = true;
  }

  start(goal: Goal): void {
    this.goal = goal;
    this.state = 'running';
    this.pauseRequested = false;
    this.invalidate();
    setImmediate(() => this.drive());
  }

  continue(): void {
    this.start({ kind: 'continue' });
  }

  stepInstruction(): void {
    this.start({ kind: 'instruction' });
  }

  stepLine(into: boolean): void {
    const pc = this.pc;
    const start = this.symbols.lineAt(pc);
    if (start === undefined) {
      this.stepInstruction();
      return;
    }
    this.start({ kind: 'line', into, start, startPc: pc, startFn: this.symbols.functionAt(pc)?.name, startSp: this.vcpu.getOneReg('sp'), steps: 0 });
  }

  stepOut(): void {
    const frames = this.frames();
    const caller = frames[1];
    const addr = caller !== undefined ? caller.pc : Number(this.vcpu.getOneReg('x30'));
    const sp = caller?.regs.get(31) ?? this.vcpu.getOneReg('sp');
    this.start({ kind: 'out', addr, sp });
  }

  /** Stop now (before any instruction) with `stop`; used for entry and resets. */
  announce(stop: StopInfo): void {
    this.state = 'stopped';
    this.invalidate();
    this.lastStop = stop;
    this.flushUart();
    this.host.stopped(stop);
    this.host.debugHardwareChanged();
  }

  private stop(stop: StopInfo): void {
    this.goal = undefined;
    this.pauseRequested = false;
    if (this.tempBp !== undefined) {
      this.tempBp = undefined;
      this.syncPatches();
    }
    this.applyDebug(false);
    this.announce(stop);
  }

  private finish(code: number, message: string): void {
    this.goal = undefined;
    this.state = 'exited';
    this.flushUart();
    this.host.exited(code, message);
  }

  /** One guest instruction under the hypervisor's single-step, with the breakpoint at PC out of the way. */
  private stepOne(): Exit {
    const pc = this.pc;
    const patched = this.patches.get(pc);
    if (patched !== undefined) this.pokeWord(pc, patched);
    const noWatch = this.resumeFromWatch;
    this.resumeFromWatch = false;
    try {
      if (!this.hostDebug) {
        const e = this.vcpu.run({ maxInstructions: 1 });
        return e.reason === 'budget' ? { reason: 'debug', arm64: { hsr: 0xce000022, hsrHigh: 0, far: 0n }, flags: 0 } : e;
      }
      this.applyDebug(true, pc, noWatch);
      return this.vcpu.run({ maxInstructions: 64 });
    } finally {
      if (patched !== undefined && this.patches.has(pc)) this.pokeWord(pc, BRK_SW);
    }
  }

  private drive(): void {
    const goal = this.goal;
    if (goal === undefined || this.state !== 'running') return;
    try {
      if (this.pauseRequested) {
        this.stop({ reason: 'pause', description: `Paused at ${hex(this.pc)}${this.sym(this.pc)}` });
        return;
      }
      const done = goal.kind === 'continue' || goal.kind === 'out' || (goal.kind === 'line' && goal.runTo !== undefined) ? this.runSlice(goal) : this.stepBatch(goal);
      this.flushUart();
      if (done) return;
    } catch (e) {
      this.stop({ reason: 'exception', description: `internal error: ${(e as Error).message}`, text: String((e as Error).stack ?? e) });
      return;
    }
    setImmediate(() => this.drive());
  }

  /** Run flat out for about SLICE_TARGET_MS. Returns true when the goal ended (stopped or exited). */
  private runSlice(goal: Goal): boolean {
    const pc = this.pc;
    // Leave a breakpoint or watchpoint we are sitting on with one step first, as GDB and QEMU do.
    if (this.resumeFromWatch || this.bps.codeAt(pc).length > 0 || this.patches.has(pc)) {
      const e = this.stepOne();
      if (!(e.reason === 'debug' && 'arm64' in e && (ecOf(e.arm64.hsr) & 0x3e) === 0x32)) return this.handleExit(e, goal);
    }
    const target = goal.kind === 'out' ? goal.addr : goal.kind === 'line' ? goal.runTo?.addr : undefined;
    if (target !== this.tempBp) {
      this.tempBp = this.hostDebug ? target : undefined;
      this.syncPatches();
    }
    this.applyDebug(false);
    const t0 = performance.now();
    const exit = this.vcpu.run({ maxInstructions: this.slice });
    const dt = performance.now() - t0;
    if (exit.reason === 'budget' && dt > 0) this.slice = Math.max(10_000, Math.min(50_000_000, Math.round((this.slice * SLICE_TARGET_MS) / Math.max(dt, 0.5))));
    return this.handleExit(exit, goal);
  }

  /** Up to ~8 ms of single steps toward a step goal. */
  private stepBatch(goal: Goal): boolean {
    const t0 = performance.now();
    for (let n = 0; ; n++) {
      const prevPc = this.pc;
      const prevSp = this.vcpu.getOneReg('sp');
      const exit = this.stepOne();
      const isStep = exit.reason === 'debug' && 'arm64' in exit && (ecOf(exit.arm64.hsr) & 0x3e) === 0x32;
      if (!isStep) return this.handleExit(exit, goal);
      this.lastExit = exit;
      if (goal.kind === 'instruction') {
        this.stop({ reason: 'step', description: `Stepped to ${hex(this.pc)}${this.sym(this.pc)}` });
        return true;
      }
      if (goal.kind !== 'line') return false;
      goal.steps++;
      const verdict = this.lineVerdict(goal, prevPc, prevSp);
      if (verdict === 'stop') {
        this.stop({ reason: 'step', description: `Stepped to ${hex(this.pc)}${this.sym(this.pc)}` });
        return true;
      }
      if (verdict === 'runTo') return false;
      if (goal.steps > 2_000_000) {
        this.stop({ reason: 'step', description: `Step gave up after ${goal.steps} instructions without reaching another line` });
        return true;
      }
      if ((n & 63) === 63 && performance.now() - t0 > SLICE_TARGET_MS) return false;
    }
  }

  private lineVerdict(goal: Extract<Goal, { kind: 'line' }>, prevPc: number, prevSp: bigint): 'stop' | 'go' | 'runTo' {
    const pc = this.pc;
    const vbar = Number(this.vcpu.getOneReg('VBAR_EL1'));
    if (vbar !== 0 && pc >= vbar && pc < vbar + 0x800 && !(prevPc >= vbar && prevPc < vbar + 0x800)) return 'stop'; // entered an exception vector
    const word = this.readMemory(prevPc, 4);
    const w = word === undefined ? 0 : new DataView(word.buffer).getUint32(0, true);
    const wasCall = (w & 0xfc000000) >>> 0 === 0x94000000 || (w & 0xfffffc1f) >>> 0 === 0xd63f0000;
    if (wasCall && pc !== prevPc + 4) {
      const hasLines = this.symbols.lineAt(pc) !== undefined;
      if (!goal.into || !hasLines) {
        if (!this.hostDebug) return 'go';
        goal.runTo = { addr: prevPc + 4, sp: prevSp };
        return 'runTo';
      }
      // Into a function with line info: continue to its first line after the prologue, as debuggers do.
      goal.start = this.symbols.lineAt(pc);
      goal.startFn = this.symbols.functionAt(pc)?.name;
      goal.startSp = this.vcpu.getOneReg('sp');
      goal.startPc = -1;
      return 'go';
    }
    const l = this.symbols.lineAt(pc);
    if (l === undefined) return goal.start === undefined ? 'stop' : 'go';
    const start = goal.start;
    if (start === undefined) return 'stop';
    const sp = this.vcpu.getOneReg('sp');
    const fn = this.symbols.functionAt(pc)?.name;
    if (fn !== goal.startFn && sp > goal.startSp) {
      // Returned into the caller mid-statement: finish that statement.
      goal.start = l;
      goal.startFn = fn;
      goal.startSp = sp;
      goal.startPc = pc;
      return 'go';
    }
    if (pc !== l.address || !this.symbols.isStmt(pc) || l.line === 0) return 'go';
    if (l.line !== start.line || l.file !== start.file || fn !== goal.startFn || pc === goal.startPc) return 'stop';
    return 'go';
  }

  /** Turn an exit into a stop, or decide to keep going. Returns true when the goal ended. */
  private handleExit(exit: Exit, goal: Goal): boolean {
    this.lastExit = exit;
    switch (exit.reason) {
      case 'guest-exception':
      case 'trap': {
        const p = exit.reason === 'trap' ? this.trapStop(exit) : this.exceptionStop(exit);
        if (p === undefined) return false;
        this.stop({ reason: 'exception', description: `${p.title}: ${p.details}`, text: p.title, exception: { id: p.filter, description: p.title, details: p.details } });
        return true;
      }
      case 'budget':
      case 'intr':
        return false;
      case 'pause':
        if (this.pauseRequested) {
          this.stop({ reason: 'pause', description: `Paused at ${hex(this.pc)}${this.sym(this.pc)}` });
          return true;
        }
        return false;
      case 'shutdown':
        if (exit.kind === 'system-reset') {
          this.host.output('[stepvisor] guest requested PSCI SYSTEM_RESET: machine reset\n', 'console');
          this.vm.reset();
          this.patches.clear();
          this.syncPatches();
          return false;
        }
        this.finish(0, 'guest powered off (PSCI SYSTEM_OFF)');
        return true;
      case 'halt':
        this.stop({ reason: 'exception', description: `Guest halted: WFI at ${hex(exit.pc)} with no interrupt source to wake it`, text: 'WFI forever', exception: { id: 'halt', description: 'WFI with no wake-up source', details: `PC=${hex(exit.pc)}` } });
        return true;
      case 'internal-error':
        this.stop({ reason: 'exception', description: exit.message, text: 'no usable vector', exception: { id: 'no-vector', description: 'Exception with no usable vector', details: `${exit.message}; ESR ${describeSyndrome(Number(exit.esr), exit.far)}` } });
        return true;
      case 'debug':
        if ('arm64' in exit) return this.handleDebug(exit.arm64.hsr, exit.arm64.far, goal);
        return false;
    }
    return false;
  }

  private handleDebug(hsr: number, far: bigint, goal: Goal): boolean {
    const ec = ecOf(hsr);
    const pc = this.pc;
    const syn = describeSyndrome(hsr, ec === 0x34 || ec === 0x35 ? far : undefined);
    if (ec === 0x3c && (hsr & 0xffff) === 0xf000 && this.patches.has(pc)) {
      if (this.tempBp === pc) {
        const sp = this.vcpu.getOneReg('sp');
        const want = goal.kind === 'out' ? goal.sp : goal.kind === 'line' ? goal.runTo?.sp : undefined;
        if (want !== undefined && sp >= want) {
          if (goal.kind === 'out') {
            this.stop({ reason: 'step', description: `Stepped out to ${hex(pc)}${this.sym(pc)}` });
            return true;
          }
          if (goal.kind === 'line') {
            goal.runTo = undefined;
            this.tempBp = undefined;
            this.syncPatches();
            return false; // back to stepping toward the next line
          }
        }
        if (this.bps.codeAt(pc).length === 0) return false;
      }
      return this.codeHit(pc, syn, 'software');
    }
    // With USE_HW the live slots are ours alone (the guest's registers stay in its shadow), so every breakpoint
    // and watchpoint exit is ours; without it, they are the guest's own.
    const ours = (ec === 0x30 || ec === 0x31 || ec === 0x34 || ec === 0x35) && this.useHw;
    if (ours && (ec === 0x30 || ec === 0x31)) return this.codeHit(pc, syn, 'hardware');
    if (ours) return this.dataHit(Number(far), hsr, syn);
    // Not ours (the guest's own BRK, breakpoint, watchpoint or step): hand it back as QEMU does with KVM.
    this.vcpu.injectException({ hsr, far });
    this.host.output(`[stepvisor] guest debug event re-injected: ${syn} at ${hex(pc)}${this.sym(pc)}\n`, 'console');
    if (this.filters.has('guestDebug')) {
      // Injected by us, so no guest-exception exit reports it: the guest's state after entry tells the same story.
      const reg = (n: string): bigint => this.vcpu.getOneReg(n);
      const esr = reg('ESR_EL1');
      const ec = Number(esr >> 26n) & 0x3f;
      const farValid = ec === 0x34 || ec === 0x35;
      const p = this.exceptionStop({ reason: 'guest-exception', ec, esr, farValid, far: reg('FAR_EL1'), elr: reg('ELR_EL1'), spsr: reg('SPSR_EL1'), pc: reg('pc'), flags: 0 });
      if (p !== undefined) {
        this.stop({ reason: 'exception', description: `${p.title}: ${p.details}`, text: p.title, exception: { id: p.filter, description: p.title, details: p.details } });
        return true;
      }
    }
    return false;
  }

  private check(b: CodeBreakpoint | DataBreakpoint): boolean {
    b.hits++;
    if (b.condition !== undefined && b.condition.trim() !== '') {
      try {
        if (this.host.evaluate(b.condition) === 0n) {
          b.hits--;
          return false;
        }
      } catch (e) {
        this.host.output(`[stepvisor] breakpoint ${b.id} condition '${b.condition}' failed: ${(e as Error).message}; stopping\n`, 'stderr');
        return true;
      }
    }
    const hc = hitConditionMet(b.hitCondition, b.hits);
    if (typeof hc === 'string') {
      this.host.output(`[stepvisor] breakpoint ${b.id}: ${hc}\n`, 'stderr');
      return true;
    }
    if (!hc) return false;
    if ('logMessage' in b && b.logMessage !== undefined && b.logMessage !== '') {
      this.host.output(this.host.interpolate(b.logMessage) + '\n', 'console');
      return false;
    }
    return true;
  }

  private codeHit(pc: number, syn: string, how: 'hardware' | 'software'): boolean {
    const hit = this.bps.codeAt(pc);
    if (hit.length === 0) {
      this.stop({ reason: 'breakpoint', description: `${how} breakpoint at ${hex(pc)}${this.sym(pc)} owned by no DAP breakpoint (${syn})` });
      return true;
    }
    const stopping = hit.filter((b) => this.check(b));
    if (stopping.length === 0) return false;
    const k = stopping[0].kind;
    const reason: StopReason = k === 'function' ? 'function breakpoint' : k === 'instruction' ? 'instruction breakpoint' : 'breakpoint';
    const slot = stopping[0].slot !== undefined ? ` in DBGBCR${stopping[0].slot}/DBGBVR${stopping[0].slot}` : ' (BRK patched in)';
    this.stop({ reason, description: `${reason[0].toUpperCase()}${reason.slice(1)} at ${hex(pc)}${this.sym(pc)}: ${how}${slot}; ${syn}`, hitBreakpointIds: stopping.map((b) => b.id) });
    return true;
  }

  private dataHit(far: number, hsr: number, syn: string): boolean {
    this.resumeFromWatch = true;
    const matched = this.bps.dataAt(far);
    // FAR may lie outside the watched bytes (it is the access's address, e.g. a 16-byte STP starting below them).
    const hit = matched.length > 0 ? matched : this.bps.dataBps.filter((d) => d.verified);
    const stopping = hit.filter((d) => this.check(d));
    if (stopping.length === 0) return false;
    const write = ((hsr >>> 6) & 1) === 1;
    const d = stopping[0];
    this.stop({
      reason: 'data breakpoint',
      description: `Data breakpoint: ${write ? 'write' : 'read'} of ${hex(far)} by ${hex(this.pc)}${this.sym(this.pc)}${d.slot !== undefined ? ` (DBGWCR${d.slot})` : ''}; ${syn}`,
      hitBreakpointIds: stopping.map((x) => x.id),
    });
    return true;
  }

  // ------------------------------------------------------------------ inspection helpers

  topRegs(): Map<number, bigint> {
    const m = new Map<number, bigint>();
    for (let i = 0; i <= 30; i++) m.set(i, this.vcpu.getOneReg(`x${i}`));
    m.set(31, this.vcpu.getOneReg('sp'));
    return m;
  }

  frames(): Frame[] {
    if (this.framesCache === undefined) this.framesCache = unwind(this.topRegs(), this.pc, this.symbols, (a) => this.read64(a));
    return this.framesCache;
  }

  dropFrames(): void {
    this.framesCache = undefined;
  }
}
