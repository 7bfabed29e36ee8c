import type { Arm64Cpu } from '../cpu';
import { ABORT } from '../cpu';
import { sysRegIndex } from '../sysregs';

/**
 * The self-hosted debug unit of one A64 PE (spec §A.10-A.14): breakpoint and watchpoint matching, the
 * software-step state machine and the routing of debug exceptions to EL1 (the guest's vector) or to EL2 (the
 * hypervisor model: the CPU stops with STOP_DEBUG and the syndrome in `el2Esr*`).
 *
 * It never reads the guest's DBG*_EL1 registers directly: it matches against the *live* set (`bcr`/`bvr`/
 * `wcr`/`wvr` here) and the effective MDSCR_EL1 / OS Lock held by the system layer (`sys.effMdscr`,
 * `sys.effOsLock`). Who fills them is the policy's business: `computeEffective` (installed by hyp/, default:
 * the bare CPU, where the live set *is* the guest's registers).
 *
 * Cost model: nothing here runs on the hot path. Breakpoints and stepping are checked in `Arm64Cpu.refillFetch`,
 * which the interpreter only calls per instruction on pages holding an armed breakpoint address, or while
 * MDSCR_EL1.SS is set (`slowFetchPage`); watchpoints are checked on the memory port's slow paths, which every
 * access to a watched page takes because such pages are never cached in the TLBs (`pageCacheable`).
 */

/** Exception classes (LOW variants; the CUR variant is LOW + 1). */
export const EC_BREAKPOINT_LOW = 0x30;
export const EC_SOFTSTEP_LOW = 0x32;
export const EC_WATCHPOINT_LOW = 0x34;
export const EC_BRK64 = 0x3c;
const DEBUG_FSC = 0x22;
/** A copy of cpu.ts's STOP_DEBUG (cpu.ts imports this module before it defines its constants). */
const STOP_DEBUG = 7;

const MDSCR_SS = 1;
const MDSCR_MDE = 1 << 15;

/** Upper bound of slots the live set can hold (KVM's ABI carries 16 of each). */
export const MAX_SLOTS = 16;

export interface DebugCounts {
  /** Breakpoints (BRPs + 1), 2..6 with the current register table. */
  breakpoints: number;
  /** Watchpoints (WRPs + 1), 2..4. */
  watchpoints: number;
  /** Context-aware breakpoints (CTX_CMPs + 1): the highest-numbered ones. */
  contextBreakpoints: number;
}

/** One complete debug-register set as 64-bit values (guest shadow, host debugger set or live set). */
export interface DebugRegSet {
  bcr: bigint[];
  bvr: bigint[];
  wcr: bigint[];
  wvr: bigint[];
}

export function emptyRegSet(): DebugRegSet {
  const z = (): bigint[] => new Array<bigint>(MAX_SLOTS).fill(0n);
  return { bcr: z(), bvr: z(), wcr: z(), wvr: z() };
}

const I_BVR = Array.from({ length: MAX_SLOTS }, (_, n) => sysRegIndex(`DBGBVR${n}_EL1`));
const I_BCR = Array.from({ length: MAX_SLOTS }, (_, n) => sysRegIndex(`DBGBCR${n}_EL1`));
const I_WVR = Array.from({ length: MAX_SLOTS }, (_, n) => sysRegIndex(`DBGWVR${n}_EL1`));
const I_WCR = Array.from({ length: MAX_SLOTS }, (_, n) => sysRegIndex(`DBGWCR${n}_EL1`));
const I_CONTEXTIDR = sysRegIndex('CONTEXTIDR_EL1');
const I_MDSCR = sysRegIndex('MDSCR_EL1');
const I_OSLSR = sysRegIndex('OSLSR_EL1');
/** Registers whose guest writes change what the bare CPU's debug unit does. */
export const DEBUG_WATCHED_REGS: readonly string[] = [
  'MDSCR_EL1',
  'OSLAR_EL1',
  'CONTEXTIDR_EL1',
  ...I_BVR.flatMap((i, n) => (i >= 0 ? [`DBGBVR${n}_EL1`, `DBGBCR${n}_EL1`] : [])),
  ...I_WVR.flatMap((i, n) => (i >= 0 ? [`DBGWVR${n}_EL1`, `DBGWCR${n}_EL1`] : [])),
];

const MASK64 = 0xffff_ffff_ffff_ffffn;

function sext49(v: bigint): bigint {
  return BigInt.asUintN(64, BigInt.asIntN(49, v));
}

/** A watched byte range [start, end] (inclusive) of one live watchpoint, as the matcher and the TLB filter see it. */
interface WatchRange {
  n: number;
  start: bigint;
  end: bigint;
  /** LSC: bit 0 loads, bit 1 stores. */
  lsc: number;
}

export class DebugUnit {
  readonly counts: DebugCounts = { breakpoints: 6, watchpoints: 4, contextBreakpoints: 2 };
  /** The live (hardware) registers the matcher uses. */
  readonly live: DebugRegSet = emptyRegSet();
  /**
   * Fills the live set and the system layer's effective MDSCR/OS Lock from the guest's registers and whatever
   * the policy adds. Called on every change of the guest's debug registers and by the hypervisor on entry.
   */
  computeEffective: (d: DebugUnit) => void = (d) => d.loadBare();

  /** Non-zero while any live breakpoint is enabled (E = 1, address type, BAS != 0). */
  bpLive = 0;
  /** Non-zero while any live watchpoint is enabled: the memory slow paths call `watch`. */
  wpLive = 0;
  /** Page numbers (VA >> 12, exact as doubles below 2^53) of live breakpoints, and watched page spans. */
  private bpPages: number[] = [];
  private wpPageLo: number[] = [];
  private wpPageHi: number[] = [];
  private wpRanges: WatchRange[] = [];

  /** Software step bookkeeping: the instruction being stepped (active-not-pending when it started). */
  private stepRec = 0;
  private stepIcount = 0;
  private stepExc = 0;
  private stepEl2 = 0;
  private stepEx = 0;
  /** Instruction (icount) whose whole access range the watch check already covered, for loads and stores. */
  private checkedR = -1;
  private checkedW = -1;

  /** Debug events routed to EL2 since reset (the hypervisor reads the last one's syndrome from sys.el2Esr*). */
  el2Events = 0;

  constructor(readonly cpu: Arm64Cpu) {}

  reset(): void {
    this.stepRec = 0;
    this.checkedR = this.checkedW = -1;
    this.el2Events = 0;
    this.refresh();
  }

  /** Re-evaluate the effective state (policy + live set) and what the fetch/TLB filters must catch. */
  refresh(): void {
    const o = this.cpu.sys.options;
    this.counts.breakpoints = o.breakpoints;
    this.counts.watchpoints = o.watchpoints;
    this.counts.contextBreakpoints = o.contextBreakpoints;
    this.computeEffective(this);
    this.rebuildFilters();
  }

  /** The bare CPU: the guest's own registers are live; MDSCR and the OS Lock are the guest's. */
  loadBare(): void {
    this.loadFromGuest();
    const sys = this.cpu.sys;
    sys.effMdscr = sys.lo[I_MDSCR];
    sys.effOsLock = (sys.lo[I_OSLSR] >>> 1) & 1;
  }

  /** Copy the guest's DBGB*R / DBGW*R registers into the live set (the world switch loading the guest's set). */
  loadFromGuest(): void {
    const set = this.guestRegs();
    this.loadLive(set);
  }

  loadLive(set: DebugRegSet): void {
    for (let n = 0; n < MAX_SLOTS; n++) {
      this.live.bcr[n] = n < this.counts.breakpoints ? set.bcr[n] : 0n;
      this.live.bvr[n] = n < this.counts.breakpoints ? set.bvr[n] : 0n;
      this.live.wcr[n] = n < this.counts.watchpoints ? set.wcr[n] : 0n;
      this.live.wvr[n] = n < this.counts.watchpoints ? set.wvr[n] : 0n;
    }
  }

  /** Nothing loaded (the hypervisor's own, empty, set stays in the hardware: lazy switch not done). */
  loadEmpty(): void {
    this.loadLive(emptyRegSet());
  }

  /** The guest's debug registers as it reads them (the shadow when a hypervisor traps them). */
  guestRegs(): DebugRegSet {
    const sys = this.cpu.sys;
    const set = emptyRegSet();
    const get = (i: number): bigint => (i < 0 ? 0n : sys.readReg(i));
    for (let n = 0; n < MAX_SLOTS; n++) {
      set.bcr[n] = get(I_BCR[n]);
      set.bvr[n] = get(I_BVR[n]);
      set.wcr[n] = get(I_WCR[n]);
      set.wvr[n] = get(I_WVR[n]);
    }
    return set;
  }

  // ---------------------------------------------------------------- filters (what the fast paths must not skip)

  private rebuildFilters(): void {
    const cpu = this.cpu;
    const pages: number[] = [];
    for (let n = 0; n < this.counts.breakpoints; n++) {
      const bcr = this.live.bcr[n];
      const bt = Number((bcr >> 20n) & 0xfn);
      if ((bcr & 1n) === 0n || (bt !== 0 && bt !== 1) || ((bcr >> 5n) & 0xfn) === 0n) continue;
      const page = Number(sext49(this.live.bvr[n]) >> 12n);
      if (!pages.includes(page)) pages.push(page);
    }
    this.bpPages = pages;
    this.bpLive = pages.length;
    const ranges: WatchRange[] = [];
    for (let n = 0; n < this.counts.watchpoints; n++) {
      const r = this.watchRange(n);
      if (r !== undefined) ranges.push(r);
    }
    const changed = ranges.length !== this.wpRanges.length || ranges.some((r, k) => r.start !== this.wpRanges[k].start || r.end !== this.wpRanges[k].end);
    this.wpRanges = ranges;
    this.wpPageLo = ranges.map((r) => Number(r.start >> 12n));
    this.wpPageHi = ranges.map((r) => Number(r.end >> 12n));
    this.wpLive = ranges.length;
    if (changed) cpu.flushTlb();
    // The fetch path decides per page whether to check every instruction: make it decide again.
    cpu.forceRefill();
  }

  /** Watched bytes of live watchpoint n, as QEMU computes them (first run of BAS ones; MASK 1/2 reserved). */
  private watchRange(n: number): WatchRange | undefined {
    const wcr = this.live.wcr[n];
    if ((wcr & 1n) === 0n) return undefined;
    const lsc = Number((wcr >> 3n) & 3n);
    if (lsc === 0) return undefined;
    const mask = Number((wcr >> 24n) & 0x1fn);
    let wvr = sext49(this.live.wvr[n]) & ~3n;
    if (mask === 1 || mask === 2) return undefined;
    if (mask !== 0) {
      const len = 1n << BigInt(mask);
      wvr &= ~(len - 1n);
      return { n, start: wvr, end: (wvr + len - 1n) & MASK64, lsc };
    }
    let bas = Number((wcr >> 5n) & 0xffn);
    if ((wvr & 4n) !== 0n) bas &= 0xf;
    if (bas === 0) return undefined;
    let first = 0;
    while (((bas >>> first) & 1) === 0) first++;
    let len = 0;
    while (((bas >>> (first + len)) & 1) === 1) len++;
    const start = (wvr + BigInt(first)) & MASK64;
    return { n, start, end: (start + BigInt(len) - 1n) & MASK64, lsc };
  }

  /** May the data TLB cache the page of (lo, hi)? Not if a live watchpoint watches any byte of it. */
  pageCacheable(lo: number, hi: number): boolean {
    if (this.wpLive === 0) return true;
    const page = (hi >>> 0) * 1048576 + (lo >>> 12);
    const plo = this.wpPageLo;
    const phi = this.wpPageHi;
    for (let k = 0; k < plo.length; k++) if (plo[k] <= page && phi[k] >= page) return false;
    return true;
  }

  /** Must the fetch path stop at every instruction of this page (armed breakpoint on it, or stepping possible)? */
  slowFetchPage(lo: number, hi: number): boolean {
    const sys = this.cpu.sys;
    if ((sys.effMdscr & MDSCR_SS) !== 0) return true;
    if (this.bpLive === 0) return false;
    const page = (hi >>> 0) * 1048576 + (lo >>> 12);
    const pages = this.bpPages;
    for (let k = 0; k < pages.length; k++) if (pages[k] === page) return true;
    return false;
  }

  /** Whether the refill path has any debug work at all. */
  get fetchChecks(): boolean {
    return this.bpLive !== 0 || (this.cpu.sys.effMdscr & MDSCR_SS) !== 0;
  }

  // ---------------------------------------------------------------- software step (A.14)

  /** Stepping enabled at the current EL: MDSCR.SS (effective) and debug exceptions enabled. */
  stepEnabled(): boolean {
    const cpu = this.cpu;
    const sys = cpu.sys;
    return (sys.effMdscr & MDSCR_SS) !== 0 && sys.debugExceptionsEnabled(cpu.el, (cpu.daif & 0x200) !== 0);
  }

  /**
   * Instruction boundary, before the fetch translates (priority: a pending step exception comes first).
   * Settles the instruction that was being stepped: if it completed (no exception, no EL2 stop) PSTATE.SS
   * becomes 0 and, while stepping is still enabled, the step exception is taken with ISV = 1.
   */
  boundaryStep(): void {
    const cpu = this.cpu;
    if (this.stepRec !== 0) {
      this.stepRec = 0;
      if (this.completed()) {
        cpu.pstateSS = 0;
        if (this.stepEnabled()) this.raise(EC_SOFTSTEP_LOW, (1 << 24) | (this.stepEx << 6) | DEBUG_FSC, 0n, false);
      }
    }
    if (cpu.pstateSS === 0 && (cpu.sys.effMdscr & MDSCR_SS) !== 0 && this.stepEnabled()) this.raise(EC_SOFTSTEP_LOW, DEBUG_FSC, 0n, false);
  }

  /** Instruction boundary after the fetch translated: breakpoints, then note an instruction about to be stepped. */
  boundaryFetch(word: number): void {
    const cpu = this.cpu;
    if (this.bpLive !== 0) this.checkBreakpoints();
    if (cpu.pstateSS !== 0 && (cpu.sys.effMdscr & MDSCR_SS) !== 0 && this.stepEnabled()) {
      this.stepRec = 1;
      this.stepIcount = cpu.icount;
      this.stepExc = cpu.sys.exceptionCount;
      this.stepEl2 = cpu.sys.el2Count;
      this.stepEx = isLoadExclusive(word) ? 1 : 0;
    }
  }

  private completed(): boolean {
    const cpu = this.cpu;
    return cpu.icount === this.stepIcount + 1 && cpu.sys.exceptionCount === this.stepExc && cpu.sys.el2Count === this.stepEl2;
  }

  /**
   * An asynchronous exit came between instructions (the hypervisor's 'intr'): settle a completed step so
   * PSTATE.SS is architectural (0 = active-pending) and the step exception that follows has ISV = 0. Budget and
   * pause stops do not call this: they stay invisible to the guest (the step completes with ISV = 1).
   */
  settle(): void {
    if (this.stepRec !== 0 && this.completed()) {
      this.stepRec = 0;
      this.cpu.pstateSS = 0;
    }
  }

  /** PSTATE.SS as the architecture has it now (a stepped instruction that completed leaves it 0). */
  architecturalSS(): number {
    return this.stepRec !== 0 && this.completed() ? 0 : this.cpu.pstateSS;
  }

  /** The hypervisor emulated the current instruction (a trapped access): the step state machine advances. */
  emulatedInstruction(): void {
    if (this.stepRec !== 0) {
      this.stepRec = 0;
      this.cpu.pstateSS = 0;
    }
  }

  /** Whether the instruction now executing is being stepped (SVC/HVC advance the state machine first). */
  stepping(): boolean {
    return this.stepRec !== 0 && this.cpu.icount === this.stepIcount + 1;
  }

  /** Forget a pending "stepped instruction" (state written from outside: PC or PSTATE changed by the VMM). */
  dropStepRecord(): void {
    this.stepRec = 0;
  }

  // ---------------------------------------------------------------- breakpoints (A.10)

  private checkBreakpoints(): void {
    const cpu = this.cpu;
    const sys = cpu.sys;
    if ((sys.effMdscr & MDSCR_MDE) === 0 || !sys.debugExceptionsEnabled(cpu.el, (cpu.daif & 0x200) !== 0)) return;
    const pc = (BigInt(cpu.pcHi >>> 0) << 32n) | BigInt(cpu.pcLo >>> 0);
    for (let n = 0; n < this.counts.breakpoints; n++) {
      const bcr = this.live.bcr[n];
      if ((bcr & 1n) === 0n) continue;
      const bt = Number((bcr >> 20n) & 0xfn);
      if (bt !== 0 && bt !== 1) continue;
      if (((bcr >> 5n) & 0xfn) === 0n) continue;
      if ((sext49(this.live.bvr[n]) & ~3n) !== pc) continue;
      if (!this.privilegeMatches(bcr)) continue;
      if (bt === 1 && !this.linkedContextMatches(Number((bcr >> 16n) & 0xfn))) continue;
      this.raise(EC_BREAKPOINT_LOW, DEBUG_FSC, 0n, false);
    }
  }

  /** PMC/PAC, HMC and SSC for a Non-secure PE without EL3 (QEMU's rule, spec A.10 step 2). */
  private privilegeMatches(ctl: bigint): boolean {
    const ssc = Number((ctl >> 14n) & 3n);
    if (ssc === 2) return false; // Secure state only
    const pmc = Number((ctl >> 1n) & 3n);
    return this.cpu.el === 0 ? (pmc & 2) !== 0 : (pmc & 1) !== 0;
  }

  /** A link to breakpoint `lbn` matches if it is a context-aware, enabled linked-context-ID breakpoint matching CONTEXTIDR_EL1. */
  private linkedContextMatches(lbn: number): boolean {
    const c = this.counts;
    if (lbn >= c.breakpoints || lbn < c.breakpoints - c.contextBreakpoints) return false;
    const bcr = this.live.bcr[lbn];
    if ((bcr & 1n) === 0n || Number((bcr >> 20n) & 0xfn) !== 3) return false;
    const ctx = this.cpu.sys.lo[I_CONTEXTIDR] >>> 0;
    return Number(this.live.bvr[lbn] & 0xffff_ffffn) === ctx;
  }

  // ---------------------------------------------------------------- watchpoints (A.11)

  /**
   * Called by the memory port's slow paths (every access to a watched page, MMIO and page-crossing accesses)
   * before memory is touched. Checks the whole access of the current instruction once (a pair's 16 bytes on its
   * first element), so a watchpoint on the second element stops the instruction before the first is stored.
   */
  watch(lo: number, hi: number, size: number, write: boolean): void {
    const cpu = this.cpu;
    const ic = cpu.icount;
    if (write ? this.checkedW === ic : this.checkedR === ic) return;
    const sys = cpu.sys;
    if ((sys.effMdscr & MDSCR_MDE) === 0 || !sys.debugExceptionsEnabled(cpu.el, (cpu.daif & 0x200) !== 0)) return;
    let total = size;
    const word = cpu.currentWord();
    if (word !== undefined && (word & 0x3a000000) === 0x28000000 && (((word >>> 22) & 1) === 0) === write) {
      // LDP/STP/LDNP/STNP/LDPSW (GPR and SIMD&FP): both elements at once.
      const opc = word >>> 30;
      const elem = (word & (1 << 26)) !== 0 ? 4 << opc : opc === 2 ? 8 : 4;
      total = 2 * elem;
    }
    if (total !== size) {
      // The second element's own call must not check (and possibly raise) again.
      if (write) this.checkedW = ic;
      else this.checkedR = ic;
    }
    this.watchRangeAccess((BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0), total, write);
  }

  /** Check an access of `size` bytes at `addr` (DC ZVA's block, a pair) against the live watchpoints. */
  watchRangeAccess(addr: bigint, size: number, write: boolean): void {
    const last = addr + BigInt(size - 1);
    for (const r of this.wpRanges) {
      if ((r.lsc & (write ? 2 : 1)) === 0) continue;
      if (r.start > last || r.end < addr) continue;
      const wcr = this.live.wcr[r.n];
      if (!this.privilegeMatches(wcr)) continue;
      if (((wcr >> 20n) & 1n) !== 0n && !this.linkedContextMatches(Number((wcr >> 16n) & 0xfn))) continue;
      const far = addr > r.start ? addr : r.start;
      this.raise(EC_WATCHPOINT_LOW, (write ? 0x40 : 0) | DEBUG_FSC, far, true);
    }
  }

  // ---------------------------------------------------------------- routing

  /**
   * Take a debug exception for the current instruction: to EL2 (stop the CPU for the hypervisor: MDCR_EL2.TDE)
   * or to EL1 with the LOW or CUR exception class. Throws ABORT.
   */
  raise(ecLow: number, iss: number, far: bigint, farValid: boolean): never {
    const cpu = this.cpu;
    const sys = cpu.sys;
    const farLo = Number(BigInt.asIntN(32, far));
    const farHi = Number(BigInt.asIntN(32, far >> 32n));
    if (sys.debugTargetEl2 !== 0) {
      // The guest runs at EL0/EL1, below the target: always the LOW class.
      sys.stopToEl2((ecLow << 26) | (1 << 25) | iss, farLo, farHi, farValid);
      this.el2Events++;
      cpu.requestStop(STOP_DEBUG);
      throw ABORT;
    }
    const ec = ecLow === EC_BRK64 || cpu.el === 0 ? ecLow : ecLow + 1;
    sys.takeException(ec, iss, farLo, farHi, farValid, cpu.pcLo, cpu.pcHi);
    throw ABORT;
  }
}

/** LDXR/LDAXR/LDXP/LDAXP (any size): load-exclusive (o2 = 0, L = 1, o0 any, bits 29:24 = 001000). */
function isLoadExclusive(w: number): boolean {
  // CASP/CASPA share the space with o1 = 1 and sz bit 31 = 0; LDXP/LDAXP always have bit 31 set.
  return (w & 0x3fc00000) === 0x08400000 && !((w & (1 << 21)) !== 0 && w >= 0);
}
