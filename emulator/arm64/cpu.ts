import { Insn, GPR_SLOTS } from './insn';
import { PhysicalBus, PAGE_CODE } from '../machine/bus';
import { decode } from './decode';
import { fuseCompareBranch } from './fuse';
import { OP_UNDECODED, OP_PAGE_END } from './int-ops';
import { execute } from './execute';
import { SystemUnit } from './system/system-unit';
import { DebugUnit, DEBUG_WATCHED_REGS } from './debug/debug-unit';

/**
 * Thrown (never as an Error, so no stack is captured) to abandon the current instruction after the system
 * layer has already taken the exception it caused. The run loop catches it and carries on at the new PC.
 */
export const ABORT: { readonly abort: true } = Object.freeze({ abort: true });

/** Memory access kinds passed to translation. */
export const ACC_READ = 0;
export const ACC_WRITE = 1;
export const ACC_FETCH = 2;

/** Why `run` stopped (the hyp layer turns these into `Exit` records). */
export const STOP_NONE = 0; // budget spent
export const STOP_HVC = 1; // HVC executed at EL1: stopImm holds the immediate, PC is past the HVC
export const STOP_WFI = 2; // WFI with nothing that could wake the CPU
export const STOP_EL2_TRAP = 3; // an exception routed to EL2 (stopEsrLo/Hi, stopFar*) for the hypervisor
export const STOP_NO_VECTOR = 4; // exception taken but its vector cannot be fetched (a dead guest)
export const STOP_PAUSE = 5; // asked to stop from outside
export const STOP_SMC = 6;
/** A debug exception routed to EL2 (MDCR_EL2.TDE): syndrome in sys.el2Esr / el2Far*, PC at the preferred return. */
export const STOP_DEBUG = 7;

const TLB_BITS = 8;
const TLB_SIZE = 1 << TLB_BITS;
const TLB_MASK = TLB_SIZE - 1;
/** A tag that no page-aligned address equals. */
const TLB_EMPTY = 1;

function markerInsn(op: number): Insn {
  const insn = new Insn();
  insn.op = op;
  return insn;
}
/** Fills the slots of a code page not decoded yet, so every slot holds an Insn (one elements kind, no holes). */
const UNDECODED = markerInsn(OP_UNDECODED);
/** Slot 1024 of every decoded page: sequential execution that runs off the page lands here. */
const PAGE_END = markerInsn(OP_PAGE_END);

/** A page of records: 1024 slots and the page-end marker, built by push so the array stays PACKED (no hole checks). */
function newCodePage(): Insn[] {
  const insns: Insn[] = [];
  for (let i = 0; i < 1024; i++) insns.push(UNDECODED);
  insns.push(PAGE_END);
  return insns;
}

/**
 * The A64 processing element: register files, PSTATE, the memory port with its software TLBs,
 * the decoded-instruction cache and the run loop. Instruction semantics live in execute.ts (integer),
 * fpsimd/ and system/; translation, exceptions and system registers live in `sys`.
 */
export class Arm64Cpu {
  // ---- integer register file: Xn low half at x[2n], high half at x[2n+1] (see insn.ts for 31..33)
  readonly xbuf = new ArrayBuffer(GPR_SLOTS * 8);
  readonly x = new Int32Array(this.xbuf);
  readonly x64 = new BigUint64Array(this.xbuf);

  // ---- SIMD&FP register file: Vn is 16 bytes at byte offset 16n; 16 scratch bytes after V31
  readonly vbuf = new ArrayBuffer(33 * 16);
  readonly v32 = new Int32Array(this.vbuf);
  readonly vu8 = new Uint8Array(this.vbuf);
  readonly vu16 = new Uint16Array(this.vbuf);
  readonly vf32 = new Float32Array(this.vbuf);
  readonly vf64 = new Float64Array(this.vbuf);
  readonly v64 = new BigUint64Array(this.vbuf);
  readonly vview = new DataView(this.vbuf);

  pcLo = 0;
  pcHi = 0;
  /** NZCV packed as N=8, Z=4, C=2, V=1: one load for a condition test (`condMask >>> nzcv`), one store per S op. */
  nzcv = 0;
  /** Single flags (0 or 1) for the slow paths, tests and the system layer. */
  get nf(): number {
    return (this.nzcv >>> 3) & 1;
  }
  set nf(v: number) {
    this.nzcv = (this.nzcv & 7) | ((v & 1) << 3);
  }
  get zf(): number {
    return (this.nzcv >>> 2) & 1;
  }
  set zf(v: number) {
    this.nzcv = (this.nzcv & 11) | ((v & 1) << 2);
  }
  get cf(): number {
    return (this.nzcv >>> 1) & 1;
  }
  set cf(v: number) {
    this.nzcv = (this.nzcv & 13) | ((v & 1) << 1);
  }
  get vf(): number {
    return this.nzcv & 1;
  }
  set vf(v: number) {
    this.nzcv = (this.nzcv & 14) | (v & 1);
  }
  fpcr = 0;
  fpsr = 0;
  /** Current exception level (0 or 1; EL2 is the hypervisor, modelled outside the CPU). */
  el = 1;
  /** PSTATE.SP: 1 selects SP_ELx at EL1. */
  spsel = 1;
  /** PSTATE.{D,A,I,F} as bits 9..6, exactly where SPSR and DAIF hold them. */
  daif = 0x3c0;
  /** PSTATE.SS (software step) and PSTATE.IL. */
  pstateSS = 0;
  pstateIL = 0;
  /** 1 when FP/AdvSIMD instructions may execute at the current EL (CPACR_EL1.FPEN); maintained by `sys`. */
  fpEnabled = 0;

  // ---- local exclusive monitor
  exclValid = 0;
  exclAddrLo = 0;
  exclAddrHi = 0;
  exclSize = 0;

  // ---- run control
  icount = 0;
  stopAt = 0;
  /**
   * The interpreter leaves its straight-line path for its checks (budget, fetch page) when icount reaches this.
   * Anything that stops the CPU or parks/invalidates the fetch page sets it to 0.
   */
  runLimit = 0;
  stopReason = STOP_NONE;
  stopImm = 0;

  // ---- data TLBs: virtual page -> host view. Entries only exist for plain RAM pages the current
  // translation regime allows; anything else (MMIO, code pages for writes, watched pages) takes the slow path.
  // Entry i is rTlb[4i..4i+3] = tag (page-aligned low half), high half, byte offset of the page in its view,
  // alignment mask (-1 when the page needs natural alignment: Device memory, SCTLR.A; else 0); one typed
  // array so a lookup touches one object besides the view.
  readonly rTlb = new Int32Array(TLB_SIZE * 4);
  readonly rView: DataView[];
  readonly wTlb = new Int32Array(TLB_SIZE * 4);
  readonly wView: DataView[];

  // ---- instruction fetch: the decoded records of the current code page
  fetchPageLo = TLB_EMPTY;
  fetchPageHi = 0;
  fetchInsns: Insn[] = newCodePage();
  private fetchView: DataView;
  private fetchOff = 0;
  private readonly decoded = new Map<number, Insn[]>();
  private fetchPpn = -1;
  /** The page fetchView/fetchOff describe (kept when fetchPageLo is parked on TLB_EMPTY for per-instruction checks). */
  private fetchCurLo = TLB_EMPTY;
  private fetchCurHi = 0;

  readonly sys: SystemUnit;
  readonly debug: DebugUnit;

  constructor(readonly bus: PhysicalBus) {
    const dummy = new DataView(new ArrayBuffer(8));
    this.rView = new Array<DataView>(TLB_SIZE).fill(dummy);
    this.wView = new Array<DataView>(TLB_SIZE).fill(dummy);
    this.fetchView = dummy;
    bus.onCodeWrite = (ppn) => this.invalidateCodePage(ppn);
    this.sys = new SystemUnit(this);
    this.debug = new DebugUnit(this);
    this.sys.watchWrites(DEBUG_WATCHED_REGS);
    this.sys.onWatchedWrite = () => this.debug.refresh();
    this.reset();
  }

  /** Architectural reset into EL1h with everything masked; the loader sets PC afterwards. */
  reset(): void {
    this.x.fill(0);
    this.v32.fill(0);
    this.pcLo = 0;
    this.pcHi = 0;
    this.nzcv = 0;
    this.fpcr = 0;
    this.fpsr = 0;
    this.el = 1;
    this.spsel = 1;
    this.daif = 0x3c0;
    this.pstateSS = 0;
    this.pstateIL = 0;
    this.exclValid = 0;
    this.icount = 0;
    this.stopReason = STOP_NONE;
    this.sys.reset();
    this.debug.reset();
    this.flushTlb();
    this.decoded.clear();
  }

  // ------------------------------------------------------------------ run loop

  /** Run until `maxInsns` more instructions have retired or something stops the CPU (see `stopReason`). */
  run(maxInsns: number): number {
    this.stopReason = STOP_NONE;
    this.stopAt = this.icount + maxInsns;
    while (this.icount < this.stopAt) {
      try {
        execute(this);
      } catch (e) {
        if (e !== ABORT) throw e;
      }
    }
    return this.stopReason;
  }

  /** Stop the run loop after the current instruction with `reason`. */
  requestStop(reason: number): void {
    this.stopReason = reason;
    this.stopAt = this.icount;
    this.runLimit = 0;
  }

  /** Make the fetch path look up the code page again (PC moved to a new page, translation changed). */
  refillFetch(): void {
    const lo = this.pcLo & ~0xfff;
    const hi = this.pcHi;
    const dbg = this.debug;
    // Debug work happens here, at instruction boundaries, and only while something is armed (see DebugUnit).
    const checks = dbg.fetchChecks;
    if (checks) dbg.boundaryStep();
    const pa = this.sys.translate(lo, hi, ACC_FETCH, 4); // raises the instruction abort itself and throws ABORT
    const page = this.bus.ramPage(pa);
    if (page === undefined) {
      this.sys.externalAbort(this.pcLo, this.pcHi, ACC_FETCH);
      throw ABORT;
    }
    const ppn = Math.floor(pa / 4096);
    let insns = this.decoded.get(ppn);
    if (insns === undefined) {
      insns = newCodePage();
      this.decoded.set(ppn, insns);
      this.bus.pageFlags[this.bus.ramPageIndex(pa)] |= PAGE_CODE;
      this.dropWriteTlbFor(page.view, page.offset);
    }
    this.fetchInsns = insns;
    this.fetchView = page.view;
    this.fetchOff = page.offset;
    this.fetchPpn = ppn;
    this.fetchPageLo = lo;
    this.fetchPageHi = hi;
    this.fetchCurLo = lo;
    this.fetchCurHi = hi;
    if (checks) {
      dbg.boundaryFetch(page.view.getInt32(page.offset + (this.pcLo & 0xfff), true));
      // Park the page tag so the interpreter comes back here before each instruction of this page.
      if (dbg.slowFetchPage(lo, hi)) this.fetchPageLo = TLB_EMPTY;
    }
  }

  /** Make the interpreter call refillFetch before the next instruction (debug configuration changed). */
  forceRefill(): void {
    this.fetchPageLo = TLB_EMPTY;
    this.runLimit = 0;
  }

  /** The encoding of the instruction at PC, if its page is the current fetch page (for the debug unit). */
  currentWord(): number | undefined {
    if ((this.pcLo & ~0xfff) !== this.fetchCurLo || this.pcHi !== this.fetchCurHi) return undefined;
    return this.fetchView.getInt32(this.fetchOff + (this.pcLo & 0xfff), true);
  }

  /** Decode the instruction at index `idx` of the current fetch page and cache the record. */
  decodeAt(idx: number): Insn {
    const insn = new Insn();
    insn.word = this.fetchView.getInt32(this.fetchOff + idx * 4, true);
    decode(insn.word, insn);
    if (idx < 1023) fuseCompareBranch(insn, this.fetchView.getInt32(this.fetchOff + idx * 4 + 4, true));
    this.fetchInsns[idx] = insn;
    return insn;
  }

  /** Forget decoded code on a physical page (a guest or debugger write landed there). */
  invalidateCodePage(ppn: number): void {
    this.decoded.delete(ppn);
    if (ppn === this.fetchPpn) {
      this.fetchPageLo = TLB_EMPTY;
      this.fetchPpn = -1;
      this.runLimit = 0;
    }
  }

  /** Drop every cached translation (TLBI, MMU configuration change, EL change under the MMU). */
  flushTlb(): void {
    for (let i = 0; i < TLB_SIZE * 4; i += 4) {
      this.rTlb[i] = TLB_EMPTY;
      this.wTlb[i] = TLB_EMPTY;
    }
    this.fetchPageLo = TLB_EMPTY;
    this.fetchPpn = -1;
    this.fetchCurLo = TLB_EMPTY;
    this.runLimit = 0;
  }

  /** Drop all decoded instructions (reset, debugger-initiated code changes). */
  flushDecoded(): void {
    for (const ppn of this.decoded.keys()) {
      const pa = ppn * 4096;
      if (this.bus.isRam(pa)) this.bus.pageFlags[this.bus.ramPageIndex(pa)] &= ~PAGE_CODE;
    }
    this.decoded.clear();
    this.fetchPageLo = TLB_EMPTY;
    this.fetchPpn = -1;
    this.runLimit = 0;
  }

  private dropWriteTlbFor(view: DataView, offset: number): void {
    for (let i = 0; i < TLB_SIZE; i++) {
      if (this.wView[i] === view && this.wTlb[4 * i + 2] === offset) this.wTlb[4 * i] = TLB_EMPTY;
    }
  }

  // ------------------------------------------------------------------ memory port (fast paths)
  // Addresses are (lo, hi) int32 halves. The fast path hits when the page is in the TLB, the access does not
  // cross the page, and (for Device/strict pages) the access is naturally aligned.

  ld8(lo: number, hi: number): number {
    const i = ((lo >>> 12) & TLB_MASK) << 2;
    const o = lo & 0xfff;
    if (this.rTlb[i] === (lo ^ o) && this.rTlb[i + 1] === hi) return this.rView[i >> 2].getUint8(this.rTlb[i + 2] + o);
    return this.loadSlow(lo, hi, 1);
  }

  ld16(lo: number, hi: number): number {
    const i = ((lo >>> 12) & TLB_MASK) << 2;
    const o = lo & 0xfff;
    if (this.rTlb[i] === (lo ^ o) && this.rTlb[i + 1] === hi && o <= 0xffe && (o & this.rTlb[i + 3] & 1) === 0)
      return this.rView[i >> 2].getUint16(this.rTlb[i + 2] + o, true);
    return this.loadSlow(lo, hi, 2);
  }

  /** 32-bit load; the value comes back as a signed int32. */
  ld32(lo: number, hi: number): number {
    const i = ((lo >>> 12) & TLB_MASK) << 2;
    const o = lo & 0xfff;
    if (this.rTlb[i] === (lo ^ o) && this.rTlb[i + 1] === hi && o <= 0xffc && (o & this.rTlb[i + 3] & 3) === 0)
      return this.rView[i >> 2].getInt32(this.rTlb[i + 2] + o, true);
    return this.loadSlow(lo, hi, 4);
  }

  /** 64-bit load: returns the low half and leaves the high half in `ldHi`. */
  ldHi = 0;
  ld64(lo: number, hi: number): number {
    const i = ((lo >>> 12) & TLB_MASK) << 2;
    const o = lo & 0xfff;
    if (this.rTlb[i] === (lo ^ o) && this.rTlb[i + 1] === hi && o <= 0xff8 && (o & this.rTlb[i + 3] & 7) === 0) {
      const v = this.rView[i >> 2];
      const b = this.rTlb[i + 2] + o;
      this.ldHi = v.getInt32(b + 4, true);
      return v.getInt32(b, true);
    }
    return this.load64Slow(lo, hi);
  }

  st8(lo: number, hi: number, val: number): void {
    const i = ((lo >>> 12) & TLB_MASK) << 2;
    const o = lo & 0xfff;
    if (this.wTlb[i] === (lo ^ o) && this.wTlb[i + 1] === hi) {
      this.wView[i >> 2].setUint8(this.wTlb[i + 2] + o, val);
      this.noteStore(lo, hi);
      return;
    }
    this.storeSlow(lo, hi, 1, val);
  }

  st16(lo: number, hi: number, val: number): void {
    const i = ((lo >>> 12) & TLB_MASK) << 2;
    const o = lo & 0xfff;
    if (this.wTlb[i] === (lo ^ o) && this.wTlb[i + 1] === hi && o <= 0xffe && (o & this.wTlb[i + 3] & 1) === 0) {
      this.wView[i >> 2].setUint16(this.wTlb[i + 2] + o, val, true);
      this.noteStore(lo, hi);
      return;
    }
    this.storeSlow(lo, hi, 2, val);
  }

  st32(lo: number, hi: number, val: number): void {
    const i = ((lo >>> 12) & TLB_MASK) << 2;
    const o = lo & 0xfff;
    if (this.wTlb[i] === (lo ^ o) && this.wTlb[i + 1] === hi && o <= 0xffc && (o & this.wTlb[i + 3] & 3) === 0) {
      this.wView[i >> 2].setInt32(this.wTlb[i + 2] + o, val, true);
      this.noteStore(lo, hi);
      return;
    }
    this.storeSlow(lo, hi, 4, val);
  }

  st64(lo: number, hi: number, vlo: number, vhi: number): void {
    const i = ((lo >>> 12) & TLB_MASK) << 2;
    const o = lo & 0xfff;
    if (this.wTlb[i] === (lo ^ o) && this.wTlb[i + 1] === hi && o <= 0xff8 && (o & this.wTlb[i + 3] & 7) === 0) {
      const v = this.wView[i >> 2];
      const b = this.wTlb[i + 2] + o;
      v.setInt32(b, vlo, true);
      v.setInt32(b + 4, vhi, true);
      this.noteStore(lo, hi);
      return;
    }
    this.store64Slow(lo, hi, vlo, vhi);
  }

  /**
   * Any store clears the local exclusive monitor when it hits the monitored granule. Kept out of line of
   * the hot path's common case by the cheap `exclValid` test.
   */
  private noteStore(lo: number, hi: number): void {
    if (this.exclValid !== 0 && ((lo ^ this.exclAddrLo) & ~63) === 0 && hi === this.exclAddrHi) this.exclValid = 0;
  }

  // ------------------------------------------------------------------ memory port (slow paths)

  /** Translate for a data access of `size` bytes at (lo, hi); raises the fault and throws ABORT on failure. */
  private translateData(lo: number, hi: number, acc: number, size: number): number {
    return this.sys.translate(lo, hi, acc, size);
  }

  private loadSlow(lo: number, hi: number, size: number): number {
    const o = lo & 0xfff;
    if (o + size > 4096) {
      // Crosses a page: assemble from bytes (each byte translated; the first fault wins, as on hardware).
      this.sys.checkAlignment(lo, hi, size, ACC_READ, false);
      if (this.debug.wpLive !== 0) {
        this.translateData(lo, hi, ACC_READ, 1);
        this.debug.watch(lo, hi, size, false);
      }
      let v = 0;
      for (let k = 0; k < size; k++) {
        const alo = (lo + k) | 0;
        const ahi = (alo >>> 0) < (lo >>> 0) ? (hi + 1) | 0 : hi;
        v |= this.loadByteSlow(alo, ahi) << (8 * k);
      }
      return size === 2 ? v & 0xffff : v;
    }
    const pa = this.translateData(lo, hi, ACC_READ, size);
    if (this.debug.wpLive !== 0) this.debug.watch(lo, hi, size, false);
    const page = this.bus.ramPage(pa);
    if (page !== undefined) {
      const i = (lo >>> 12) & TLB_MASK;
      if (this.sys.cacheable(lo, hi)) {
        const t = this.rTlb;
        t[4 * i] = lo ^ o;
        t[4 * i + 1] = hi;
        t[4 * i + 2] = page.offset;
        t[4 * i + 3] = this.sys.lastNeedsAlignment ? -1 : 0;
        this.rView[i] = page.view;
      }
      const b = page.offset + o;
      return size === 4 ? page.view.getInt32(b, true) : size === 2 ? page.view.getUint16(b, true) : page.view.getUint8(b);
    }
    const v = this.bus.readSmall(pa, size);
    if (v === undefined) {
      this.sys.externalAbort(lo, hi, ACC_READ);
      throw ABORT;
    }
    return v;
  }

  private loadByteSlow(lo: number, hi: number): number {
    const pa = this.translateData(lo, hi, ACC_READ, 1);
    const v = this.bus.read8(pa);
    if (v === undefined) {
      this.sys.externalAbort(lo, hi, ACC_READ);
      throw ABORT;
    }
    return v;
  }

  private load64Slow(lo: number, hi: number): number {
    const o = lo & 0xfff;
    if (o + 8 > 4096) {
      // Two 32-bit halves (each may itself cross the page). Alignment is checked on the whole access first.
      this.sys.checkAlignment(lo, hi, 8, ACC_READ, false);
      if (this.debug.wpLive !== 0) {
        this.translateData(lo, hi, ACC_READ, 1);
        this.debug.watch(lo, hi, 8, false);
      }
      const l = this.ld32(lo, hi);
      const alo = (lo + 4) | 0;
      const h = this.ld32(alo, (alo >>> 0) < (lo >>> 0) ? (hi + 1) | 0 : hi);
      this.ldHi = h;
      return l;
    }
    const pa = this.translateData(lo, hi, ACC_READ, 8);
    if (this.debug.wpLive !== 0) this.debug.watch(lo, hi, 8, false);
    const page = this.bus.ramPage(pa);
    if (page !== undefined) {
      this.loadSlow(lo, hi, 4); // fills the TLB entry
      const b = page.offset + o;
      this.ldHi = page.view.getInt32(b + 4, true);
      return page.view.getInt32(b, true);
    }
    const l = this.bus.readSmall(pa, 4);
    const h = this.bus.readSmall(pa + 4, 4);
    if (l === undefined || h === undefined) {
      this.sys.externalAbort(lo, hi, ACC_READ);
      throw ABORT;
    }
    this.ldHi = h;
    return l;
  }

  private storeSlow(lo: number, hi: number, size: number, val: number): void {
    const o = lo & 0xfff;
    if (o + size > 4096) {
      this.sys.checkAlignment(lo, hi, size, ACC_WRITE, false);
      // Translate every byte before writing any, so a fault on the second page leaves memory untouched.
      const alo2 = (lo + size - 1) | 0;
      this.translateData(lo, hi, ACC_WRITE, 1);
      this.translateData(alo2, (alo2 >>> 0) < (lo >>> 0) ? (hi + 1) | 0 : hi, ACC_WRITE, 1);
      if (this.debug.wpLive !== 0) this.debug.watch(lo, hi, size, true);
      for (let k = 0; k < size; k++) {
        const alo = (lo + k) | 0;
        const ahi = (alo >>> 0) < (lo >>> 0) ? (hi + 1) | 0 : hi;
        const pa = this.translateData(alo, ahi, ACC_WRITE, 1);
        if (!this.bus.write8(pa, (val >>> (8 * k)) & 0xff)) {
          this.sys.externalAbort(alo, ahi, ACC_WRITE);
          throw ABORT;
        }
      }
      this.noteStore(lo, hi);
      return;
    }
    const pa = this.translateData(lo, hi, ACC_WRITE, size);
    if (this.debug.wpLive !== 0) this.debug.watch(lo, hi, size, true);
    const page = this.bus.ramPage(pa);
    if (page !== undefined) {
      const b = page.offset + o;
      const ri = this.bus.ramPageIndex(pa);
      if ((this.bus.pageFlags[ri] & PAGE_CODE) === 0 && this.sys.cacheable(lo, hi)) {
        const i = (lo >>> 12) & TLB_MASK;
        const t = this.wTlb;
        t[4 * i] = lo ^ o;
        t[4 * i + 1] = hi;
        t[4 * i + 2] = page.offset;
        t[4 * i + 3] = this.sys.lastNeedsAlignment ? -1 : 0;
        this.wView[i] = page.view;
      }
      this.bus.writeSmall(pa, size, val); // also invalidates decoded code on this page
      this.noteStore(lo, hi);
      return;
    }
    if (!this.bus.writeSmall(pa, size, val)) {
      this.sys.externalAbort(lo, hi, ACC_WRITE);
      throw ABORT;
    }
    this.noteStore(lo, hi);
  }

  private store64Slow(lo: number, hi: number, vlo: number, vhi: number): void {
    this.sys.checkAlignment(lo, hi, 8, ACC_WRITE, false);
    const alo = (lo + 4) | 0;
    const ahi = (alo >>> 0) < (lo >>> 0) ? (hi + 1) | 0 : hi;
    // Probe both halves first so a fault on the second leaves memory untouched.
    this.translateData(lo, hi, ACC_WRITE, 1);
    this.translateData((lo + 7) | 0, ((lo + 7) >>> 0) < (lo >>> 0) ? (hi + 1) | 0 : hi, ACC_WRITE, 1);
    if (this.debug.wpLive !== 0) this.debug.watch(lo, hi, 8, true);
    this.st32(lo, hi, vlo);
    this.st32(alo, ahi, vhi);
  }

  // ------------------------------------------------------------------ register helpers for the slow paths

  /** Xn as a bigint (API edges and the debugger only). */
  getX(n: number): bigint {
    return this.x64[n];
  }

  setX(n: number, value: bigint): void {
    this.x64[n] = BigInt.asUintN(64, value);
  }

  get pc(): bigint {
    return (BigInt(this.pcHi >>> 0) << 32n) | BigInt(this.pcLo >>> 0);
  }

  set pc(value: bigint) {
    const v = BigInt.asUintN(64, value);
    this.pcLo = Number(v & 0xffffffffn) | 0;
    this.pcHi = Number(v >> 32n) | 0;
  }

  /** PSTATE as SPSR_ELx encodes it (NZCV, DAIF, SS, IL, EL, SP). */
  get pstate(): number {
    return (
      ((this.nzcv << 28) | (this.pstateSS << 21) | (this.pstateIL << 20) | this.daif | (this.el << 2) | this.spsel) >>> 0
    );
  }
}
