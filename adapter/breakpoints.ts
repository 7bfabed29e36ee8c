import type { BreakpointMode } from './launch-config';
import { hex } from './syndrome';

/**
 * DAP breakpoints as debug-hardware resources: code breakpoints take DBGBCR/DBGBVR slots (or a BRK patched into
 * memory), data breakpoints take DBGWCR/DBGWVR slots programmed with BAS or MASK. What cannot be held is marked
 * unverified with the cause, at set time.
 */

export type CodeKind = 'source' | 'function' | 'instruction';

export interface CodeBreakpoint {
  id: number;
  kind: CodeKind;
  address: number;
  requestedMode?: 'hardware' | 'software';
  /** Resolved: undefined while unplaced. */
  mode?: 'hardware' | 'software';
  slot?: number;
  verified: boolean;
  message?: string;
  condition?: string;
  hitCondition?: string;
  logMessage?: string;
  hits: number;
  description: string;
  source?: { path: string; line: number; column?: number };
}

export type DataAccess = 'read' | 'write' | 'readWrite';

export interface DataBreakpoint {
  id: number;
  address: number;
  size: number;
  access: DataAccess;
  slot?: number;
  wcr: bigint;
  wvr: bigint;
  verified: boolean;
  message?: string;
  condition?: string;
  hitCondition?: string;
  hits: number;
  description: string;
}

/** DBGBCR: E=1, PMC=0b11 (EL1 and EL0), BAS=0b1111 (A64), unlinked address match. */
export const BCR_ADDRESS_MATCH = 0x1e7n;

/** DBGWCR/DBGWVR for [address, address+size), or the reason no single watchpoint covers it. */
export function watchpointFor(address: number, size: number, access: DataAccess): { wcr: bigint; wvr: bigint } | { error: string } {
  const lsc = access === 'read' ? 1 : access === 'write' ? 2 : 3;
  if (!Number.isSafeInteger(address) || address < 0) return { error: `address ${address} is not a valid guest address` };
  if (!Number.isInteger(size) || size < 1) return { error: `size ${size} is not a positive number of bytes` };
  const base = Math.floor(address / 8) * 8;
  const off = address - base;
  if (off + size <= 8) {
    // BAS selects contiguous bytes of one aligned doubleword.
    const bas = ((1 << size) - 1) << off;
    return { wcr: BigInt(1 | (3 << 1) | (lsc << 3) | (bas << 5)), wvr: BigInt(base) };
  }
  const pow2 = (size & (size - 1)) === 0;
  if (pow2 && size >= 8 && address % size === 0 && size <= 2 ** 31) {
    const mask = Math.log2(size);
    if (mask < 3) return { error: 'internal: mask below 3' };
    return { wcr: BigInt(1 | (3 << 1) | (lsc << 3) | (0xff << 5)) | (BigInt(mask) << 24n), wvr: BigInt(address) };
  }
  return {
    error: `no watchpoint can cover ${size} bytes at ${hex(address)}: a watchpoint covers bytes within one aligned 8-byte doubleword (BAS) or a naturally aligned power-of-two block of 8 bytes to 2 GiB (MASK)`,
  };
}

export class BreakpointStore {
  private nextId = 1;
  /** Source breakpoints by client path. */
  readonly sourceBps = new Map<string, CodeBreakpoint[]>();
  functionBps: CodeBreakpoint[] = [];
  instructionBps: CodeBreakpoint[] = [];
  dataBps: DataBreakpoint[] = [];

  constructor(
    public hwBreakpoints: number,
    public hwWatchpoints: number,
    public defaultMode: BreakpointMode,
    /** false under the bare profile: there is no hypervisor to route debug events to the debugger. */
    public hostDebug: boolean,
  ) {}

  newId(): number {
    return this.nextId++;
  }

  allCode(): CodeBreakpoint[] {
    return [...[...this.sourceBps.values()].flat(), ...this.functionBps, ...this.instructionBps];
  }

  /**
   * Assign slots: explicit hardware requests first, then the default mode; auto falls back to software.
   * Breakpoints already holding a slot keep it so slots do not shuffle under the user.
   */
  /** Set for Run Without Debugging: nothing is armed and every breakpoint says why. */
  disabledReason: string | undefined;

  allocate(): void {
    const code = this.allCode();
    const used = new Set<number>();
    const noHost = this.disabledReason ?? 'the bare profile has no hypervisor between the debugger and the guest: breakpoints need hypervisor.profile "kvm" or "kvm-5.16"';
    const hostDebug = this.hostDebug && this.disabledReason === undefined;
    for (const b of code) {
      b.mode = undefined;
      if (!hostDebug) {
        b.verified = false;
        b.message = noHost;
        b.slot = undefined;
        continue;
      }
      const want = b.requestedMode ?? (this.defaultMode === 'software' ? 'software' : 'hardware');
      if (want === 'software') {
        b.slot = undefined;
        b.mode = 'software';
      } else if (b.slot !== undefined && b.slot < this.hwBreakpoints && !used.has(b.slot)) {
        used.add(b.slot);
        b.mode = 'hardware';
      } else b.slot = undefined;
    }
    for (const b of code) {
      if (!hostDebug || b.mode !== undefined) continue;
      let s = 0;
      while (s < this.hwBreakpoints && used.has(s)) s++;
      if (s < this.hwBreakpoints) {
        used.add(s);
        b.slot = s;
        b.mode = 'hardware';
      } else if (b.requestedMode === undefined && this.defaultMode === 'auto') {
        b.mode = 'software';
      }
    }
    // Two breakpoints on one address share the placement of the first.
    const byAddr = new Map<number, CodeBreakpoint>();
    for (const b of code) {
      if (!hostDebug) continue;
      if (b.mode === undefined) {
        b.verified = false;
        b.message = `all ${this.hwBreakpoints} hardware breakpoint slots are in use (DBGBCR0-${this.hwBreakpoints - 1}); remove one, or use breakpointMode "auto" or "software"`;
        continue;
      }
      b.verified = true;
      b.message = undefined;
      const first = byAddr.get(b.address);
      if (first === undefined) byAddr.set(b.address, b);
    }
    const wused = new Set<number>();
    for (const d of this.dataBps) {
      if (!hostDebug) {
        d.verified = false;
        d.message = noHost;
        d.slot = undefined;
        continue;
      }
      if (d.wcr === 0n) continue; // unverified at creation (no watchpoint shape)
      if (d.slot !== undefined && d.slot < this.hwWatchpoints && !wused.has(d.slot)) wused.add(d.slot);
      else d.slot = undefined;
    }
    for (const d of this.dataBps) {
      if (!hostDebug || d.wcr === 0n) continue;
      if (d.slot === undefined) {
        let s = 0;
        while (s < this.hwWatchpoints && wused.has(s)) s++;
        if (s < this.hwWatchpoints) {
          wused.add(s);
          d.slot = s;
        }
      }
      d.verified = d.slot !== undefined;
      d.message = d.verified ? undefined : `all ${this.hwWatchpoints} hardware watchpoint slots are in use (DBGWCR0-${this.hwWatchpoints - 1}); remove a data breakpoint first`;
    }
  }

  /** The live register images: slot → value. */
  hardwareImage(): { bcr: bigint[]; bvr: bigint[]; wcr: bigint[]; wvr: bigint[] } {
    const bcr = new Array<bigint>(16).fill(0n);
    const bvr = new Array<bigint>(16).fill(0n);
    const wcr = new Array<bigint>(16).fill(0n);
    const wvr = new Array<bigint>(16).fill(0n);
    for (const b of this.allCode()) {
      if (b.verified && b.mode === 'hardware' && b.slot !== undefined) {
        bcr[b.slot] = BCR_ADDRESS_MATCH;
        bvr[b.slot] = BigInt(b.address) & ~3n;
      }
    }
    for (const d of this.dataBps) {
      if (d.verified && d.slot !== undefined) {
        wcr[d.slot] = d.wcr;
        wvr[d.slot] = d.wvr;
      }
    }
    return { bcr, bvr, wcr, wvr };
  }

  softwareAddresses(): Set<number> {
    const s = new Set<number>();
    for (const b of this.allCode()) if (b.verified && b.mode === 'software') s.add(b.address);
    return s;
  }

  codeAt(address: number): CodeBreakpoint[] {
    return this.allCode().filter((b) => b.verified && b.address === address);
  }

  /** The data breakpoints a watchpoint hit at `far` belongs to (the one whose watched region holds FAR). */
  dataAt(far: number): DataBreakpoint[] {
    const hits = this.dataBps.filter((d) => {
      if (!d.verified) return false;
      const mask = Number((d.wcr >> 24n) & 31n);
      const lo = mask > 0 ? d.address : Math.floor(d.address / 8) * 8;
      const hi = mask > 0 ? d.address + 2 ** mask : lo + 8;
      return far >= lo && far < hi;
    });
    return hits;
  }

  slotOwner(kind: 'bp' | 'wp', slot: number): { dapBreakpointId: number; description: string } | undefined {
    if (kind === 'bp') {
      const b = this.allCode().find((x) => x.verified && x.mode === 'hardware' && x.slot === slot);
      return b === undefined ? undefined : { dapBreakpointId: b.id, description: b.description };
    }
    const d = this.dataBps.find((x) => x.verified && x.slot === slot);
    return d === undefined ? undefined : { dapBreakpointId: d.id, description: d.description };
  }

  hasAny(): boolean {
    return this.allCode().some((b) => b.verified) || this.dataBps.some((d) => d.verified);
  }
}

/** DAP hit conditions: "5" (break on the 5th hit), ">= 5", "> 5", "== 5", "% 3" (every 3rd). */
export function hitConditionMet(cond: string | undefined, hits: number): boolean | string {
  if (cond === undefined || cond.trim() === '') return true;
  const m = /^\s*(>=|<=|==|>|<|%|=)?\s*(\d+)\s*$/.exec(cond);
  if (m === null) return `bad hit condition '${cond}': use a number, '>= N', '== N' or '% N'`;
  const n = Number(m[2]);
  switch (m[1]) {
    case '>=':
      return hits >= n;
    case '<=':
      return hits <= n;
    case '>':
      return hits > n;
    case '<':
      return hits < n;
    case '%':
      return n > 0 && hits % n === 0;
    default:
      return hits === n;
  }
}
