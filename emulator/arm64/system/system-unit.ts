import type { Arm64Cpu } from '../cpu';
import { ABORT, STOP_HVC, STOP_WFI, STOP_NO_VECTOR, STOP_EL2_TRAP } from '../cpu';
import type { Insn } from '../insn';
import { SYSREGS, CCSIDR_BY_CSSELR, sysRegIndex } from '../sysregs';
import * as M from './mmu';
import { decodeSystem, REG_KIND, REG_TRAP_READ, REG_TRAP_WRITE } from './sys-decode';
import * as S from './sys-ops';

// Module-local copies of the constants the hot paths compare against. Imported bindings compile (tsx/esbuild,
// CommonJS) to getter calls on the exporting module, which measured 100+ ns per access; locals cost nothing.
const {
  EC_BRK64, EC_DABORT_LOWER, EC_DABORT_SAME, EC_FP_ACCESS, EC_IABORT_LOWER, EC_IABORT_SAME, EC_ILLEGAL_STATE,
  EC_PC_ALIGN, EC_SP_ALIGN, EC_SVC64, EC_SYSREG, EC_UNKNOWN, EC_WFX, EL0_ALWAYS, EL0_DZE, EL0_EL2_ONLY,
  EL0_PCTEN, EL0_PCTEN_VCTEN, EL0_PTEN, EL0_TDCC, EL0_UCI, EL0_UCT, EL0_UMA, EL0_VCTEN, EL0_VTEN,
  FSC_ADDR_SIZE, FSC_ALIGNMENT, FSC_EXTERNAL, FSC_PERMISSION, KIND_CCSIDR, KIND_CLAIMCLR, KIND_CLAIMSET,
  KIND_CNTPCT, KIND_CNTVCT, KIND_CONST, KIND_CPACR, KIND_CURRENTEL, KIND_DAIF, KIND_DCZID, KIND_FPCR,
  KIND_FPSR, KIND_MMU, KIND_NZCV, KIND_OSLAR, KIND_SCTLR, KIND_SPSEL, KIND_SP_EL0, KIND_SP_EL1, KIND_STORAGE,
  KIND_TIMER_CTL, KIND_TIMER_TVAL, OP_BARRIER, OP_BRK, OP_CLREX, OP_ERET, OP_HINT, OP_HVC, OP_MRS, OP_MSR,
  OP_MSR_IMM, OP_SVC, OP_SYS, OP_WFE, OP_WFI, PSTATE_DAIFCLR, PSTATE_DAIFSET, PSTATE_SPSEL, SYSOP_AT_S1E0R,
  SYSOP_AT_S1E0W, SYSOP_AT_S1E1W, SYSOP_DC_CVA, SYSOP_DC_IVAC, SYSOP_DC_SW, SYSOP_DC_ZVA, SYSOP_IC_ALL,
  SYSOP_IC_IVAU, SYSOP_TLBI
} = S;
const { Stage1Mmu, PERM_PRIV_R, PERM_PRIV_W, PERM_PRIV_X, PERM_USER_R, PERM_USER_W, PERM_USER_X } = M;
/** ACC_WRITE and ACC_FETCH of cpu.ts, copied because cpu.ts imports this module before defining them. */
const ACC_WRITE = 1;
const ACC_FETCH = 2;

function idx(name: string): number {
  const i = sysRegIndex(name);
  if (i < 0) throw new Error(`system register ${name} missing from the table`);
  return i;
}

const I_SCTLR = idx('SCTLR_EL1');
const I_CPACR = idx('CPACR_EL1');
const I_TCR = idx('TCR_EL1');
const I_TTBR0 = idx('TTBR0_EL1');
const I_TTBR1 = idx('TTBR1_EL1');
const I_MAIR = idx('MAIR_EL1');
const I_VBAR = idx('VBAR_EL1');
const I_ESR = idx('ESR_EL1');
const I_FAR = idx('FAR_EL1');
const I_ELR = idx('ELR_EL1');
const I_SPSR = idx('SPSR_EL1');
const I_PAR = idx('PAR_EL1');
const I_CSSELR = idx('CSSELR_EL1');
const I_CNTKCTL = idx('CNTKCTL_EL1');
const I_TPIDRRO = idx('TPIDRRO_EL0');
const I_MDSCR = idx('MDSCR_EL1');
const I_OSLSR = idx('OSLSR_EL1');
const I_CLAIMCLR = idx('DBGCLAIMCLR_EL1');
const I_CNTV_CTL = idx('CNTV_CTL_EL0');
const I_CNTV_CVAL = idx('CNTV_CVAL_EL0');
const I_CNTV_TVAL = idx('CNTV_TVAL_EL0');
const I_CNTP_CVAL = idx('CNTP_CVAL_EL0');
const I_DFR0 = idx('ID_AA64DFR0_EL1');
/** The SPE sampling-control and buffer registers (present only when the PE implements SPE). */
const SPE_REGS = ['PMSCR_EL1', 'PMSICR_EL1', 'PMSIRR_EL1', 'PMSFCR_EL1', 'PMSEVFR_EL1', 'PMSLATFR_EL1', 'PMSIDR_EL1', 'PMBLIMITR_EL1', 'PMBPTR_EL1', 'PMBSR_EL1', 'PMBIDR_EL1'].map(idx);
/** Per SYSREGS index: 1 for DBGBVR/DBGWVR, 2 for DBGBCR (QEMU's write side effects), else 0. */
const DBG_ADDR_OR_CTL = Uint8Array.from(SYSREGS, (r) => (/^DBGWVR\d+_EL1$/.test(r.name) ? 1 : /^DBGBCR\d+_EL1$/.test(r.name) ? 2 : 0));

const N = SYSREGS.length;
const RESET_LO = Int32Array.from(SYSREGS, (r) => Number(BigInt.asIntN(32, r.reset)));
const RESET_HI = Int32Array.from(SYSREGS, (r) => Number(BigInt.asIntN(32, r.reset >> 32n)));
const MASK_LO = Int32Array.from(SYSREGS, (r) => Number(BigInt.asIntN(32, r.writeMask)));
const MASK_HI = Int32Array.from(SYSREGS, (r) => Number(BigInt.asIntN(32, r.writeMask >> 32n)));
const CCSIDR = Int32Array.from({ length: 16 }, (_, i) => (i < CCSIDR_BY_CSSELR.length ? Number(CCSIDR_BY_CSSELR[i]) | 0 : 0));

const SCTLR_M = 1 << 0;
const SCTLR_A = 1 << 1;
const SCTLR_UMA = 1 << 9;
const SCTLR_DZE = 1 << 14;
const SCTLR_UCT = 1 << 15;
const SCTLR_NTWI = 1 << 16;
const SCTLR_NTWE = 1 << 18;
const SCTLR_WXN = 1 << 19;
const SCTLR_UCI = 1 << 26;

const TWO32 = 4294967296;
/** ISS of the FP access trap as QEMU builds it for AArch64 (CV = 1, COND = 0xE). */
const ISS_FP_TRAP = 0x1e00000;
/** ISS of a trapped WFI/WFE (CV = 1, COND = 0xE, TI in bit 0). */
const ISS_WFX = 0x1e00000;

/** Options a machine configuration may change. */
export interface SystemOptions {
  /**
   * MMU off makes every data access Device-nGnRnE, so unaligned accesses and DC ZVA fault, as the architecture
   * says. QEMU 7.2 (TCG) checks neither; set false to behave like QEMU.
   */
  strictMmuOffAlignment: boolean;
  /** OSLSR_EL1.OSLK at reset: the architecture's cold reset locks (0xA, QEMU); KVM resets unlocked (0x8). */
  osLockAtReset: boolean;
  /**
   * Implemented breakpoints / watchpoints / context-aware breakpoints (ID_AA64DFR0_EL1 BRPs+1, WRPs+1,
   * CTX_CMPs+1). At most the table's 6 / 4; registers above the counts are UNDEFINED.
   */
  breakpoints: number;
  watchpoints: number;
  contextBreakpoints: number;
  /**
   * DBGBCR<n>_EL1 writes copy BAS[0] into BAS[1] and BAS[2] into BAS[3] and DBGWVR writes clear bits [1:0],
   * as QEMU 7.2 (TCG) does; KVM stores guest values verbatim in its shadow.
   */
  qemuDebugRegWrites: boolean;
  /** The PE implements SPE (PMSVer != 0 on the host): the PMS and PMB registers exist (EL2 may still trap them). */
  spe: boolean;
}

/**
 * The system layer of one CPU: system-register storage and the MRS/MSR/SYS/hint/barrier/exception-generating
 * instructions, EL0/EL1 with synchronous exception entry and ERET, alignment checking and stage-1 translation.
 *
 * Contract with the rest of the core: `execute(insn)` runs a record with an op in 2000..2999 and leaves the PC
 * where execution continues (past the instruction, or at a vector); when it takes an exception it throws ABORT
 * so the executor never advances a PC it did not move. Every `never` method and every fault found
 * by `translate`/`checkAlignment` takes the exception (ELR = cpu.pcLo/pcHi, which must be the PC of the
 * current instruction when they are called) and throws ABORT.
 */
export class SystemUnit {
  /** Whether the page of the last successful `translate` needs naturally aligned accesses (Device, SCTLR.A). */
  lastNeedsAlignment = false;
  /** Whether the page of the last successful `translate` is Device memory. */
  lastDevice = false;

  /** Register values, indexed like SYSREGS (special registers keep their live value elsewhere; see readReg). */
  readonly lo = new Int32Array(N);
  readonly hi = new Int32Array(N);
  /** The banked stack pointers that are not live (the live one is cpu.x[62..63]). */
  spEl0Lo = 0;
  spEl0Hi = 0;
  spEl1Lo = 0;
  spEl1Hi = 0;

  readonly mmu: M.Stage1Mmu;
  readonly options: SystemOptions = {
    strictMmuOffAlignment: true,
    osLockAtReset: false,
    breakpoints: 6,
    watchpoints: 4,
    contextBreakpoints: 2,
    qemuDebugRegWrites: false,
    spe: false,
  };

  /**
   * The effective (live) MDSCR_EL1 and OS Lock the debug logic uses. They equal the guest's registers on a bare
   * CPU; a hypervisor policy changes them behind the guest's back (KVM clears MDE/SS under the emulated OS Lock,
   * sets SS/MDE for its own debugging). Maintained by the debug unit's `computeEffective`.
   */
  effMdscr = 0;
  effOsLock = 0;
  /** Stops to EL2 since reset (trapped accesses and debug events): the step logic's "did not complete" signal. */
  el2Count = 0;
  /** FAR_EL2 of the last debug event routed to EL2 (kept when the event writes none, as FAR_EL2 is). */
  el2FarLo = 0;
  el2FarHi = 0;
  /** Per SYSREGS index: 1 for a register this configuration does not implement (UNDEFINED). */
  readonly absent = new Uint8Array(N);

  /**
   * EL2 trap controls in force (bits of EL2_TRAP_BIT): an EL0/EL1 access to a register whose row lists one of
   * them stops the CPU with STOP_EL2_TRAP and the EC 0x18 syndrome in `el2Esr`, leaving the PC at the access.
   * Maintained by the hypervisor model.
   */
  el2TrapsActive = 0;
  el2Esr = 0;
  /** 1 when debug exceptions target EL2 (MDCR_EL2.TDE / HCR_EL2.TGE); maintained by the hypervisor model. */
  debugTargetEl2 = 0;

  /**
   * Called after a guest MSR (or a debugger write) changes a register marked with `watchWrites`, so another
   * unit (the debug unit, the hypervisor model) can refresh state derived from it.
   */
  onWatchedWrite: ((index: number) => void) | null = null;
  private readonly watched = new Uint8Array(N);

  /** The last exception taken (kept when a dead vector stops the CPU, for "exception with no usable vector"). */
  lastEsrLo = 0;
  lastFarLo = 0;
  lastFarHi = 0;
  lastElrLo = 0;
  lastElrHi = 0;
  /** Exceptions taken since reset. */
  exceptionCount = 0;
  /**
   * Opt-in exception exits (maintained by the hypervisor model): one bit per exception class, EC 0-31 in
   * `exitEcLo`, 32-63 in `exitEcHi`. After an exception entry of a selected class whose vector is usable,
   * `onExceptionExit` is called (it typically stops the CPU); not on the hot path, exceptions are rare.
   */
  exitEcLo = 0;
  exitEcHi = 0;
  onExceptionExit: ((ec: number, farValid: boolean) => void) | null = null;

  private sctlr = 0;
  private offHiMask0 = 0;
  private offHiMask1 = 0;
  private dataAlign = false;
  private offDevice = false;
  private vecValid = false;
  private vecLo = 0;
  private vecHi = 0;
  private vecIcount = 0;

  constructor(readonly cpu: Arm64Cpu) {
    this.mmu = new Stage1Mmu(cpu.bus);
  }

  reset(): void {
    this.lo.set(RESET_LO);
    this.hi.set(RESET_HI);
    this.lo[I_OSLSR] = this.options.osLockAtReset ? 0xa : 0x8;
    this.applyPresence();
    this.effMdscr = 0;
    this.effOsLock = this.options.osLockAtReset ? 1 : 0;
    this.el2Count = 0;
    this.el2FarLo = this.el2FarHi = 0;
    this.spEl0Lo = this.spEl0Hi = this.spEl1Lo = this.spEl1Hi = 0;
    this.lastEsrLo = this.lastFarLo = this.lastFarHi = this.lastElrLo = this.lastElrHi = 0;
    this.exceptionCount = 0;
    this.vecValid = false;
    this.el2Esr = 0;
    this.lastNeedsAlignment = false;
    this.lastDevice = false;
    this.refreshConfig();
    this.updateFpEnabled();
  }

  /** ESR of the last exception taken. */
  get lastEsr(): bigint {
    return BigInt(this.lastEsrLo >>> 0);
  }

  get lastFar(): bigint {
    return (BigInt(this.lastFarHi >>> 0) << 32n) | BigInt(this.lastFarLo >>> 0);
  }

  get lastElr(): bigint {
    return (BigInt(this.lastElrHi >>> 0) << 32n) | BigInt(this.lastElrLo >>> 0);
  }

  // ================================================================== translation

  /** Translate a virtual address for an access of `size` bytes; on a fault take the exception and throw ABORT. */
  translate(lo: number, hi: number, acc: number, size: number): number {
    if (!this.mmu.enabled) {
      if ((hi & ((hi & 0x00800000) !== 0 ? this.offHiMask1 : this.offHiMask0)) !== 0) this.translationFault(FSC_ADDR_SIZE, lo, hi, acc);
      const isData = acc !== ACC_FETCH;
      const align = isData && this.dataAlign;
      this.lastNeedsAlignment = align;
      this.lastDevice = isData && this.offDevice;
      if (align && (lo & (size - 1)) !== 0) this.alignmentFault(lo, hi, acc);
      return (hi & 0xffff) * TWO32 + (lo >>> 0);
    }
    return this.translateMmu(lo, hi, acc, size, this.cpu.el);
  }

  /**
   * `translate` with the permissions of `el` (LDTR/STTR and friends at EL1 pass 0). The result must not be
   * cached in the CPU's TLBs, which hold pages checked for the current EL.
   */
  translateAs(lo: number, hi: number, acc: number, size: number, el: number): number {
    if (!this.mmu.enabled) return this.translate(lo, hi, acc, size);
    return this.translateMmu(lo, hi, acc, size, el);
  }

  private translateMmu(lo: number, hi: number, acc: number, size: number, el: number): number {
    const mmu = this.mmu;
    const fault = mmu.walk(lo, hi);
    if (fault >= 0) this.translationFault(fault, lo, hi, acc);
    const need = acc === ACC_FETCH ? (el === 0 ? PERM_USER_X : PERM_PRIV_X) : acc === ACC_WRITE ? (el === 0 ? PERM_USER_W : PERM_PRIV_W) : el === 0 ? PERM_USER_R : PERM_PRIV_R;
    if ((mmu.perm & need) === 0) this.translationFault(FSC_PERMISSION + mmu.level, lo, hi, acc);
    if (acc === ACC_FETCH) {
      this.lastNeedsAlignment = false;
      this.lastDevice = false;
    } else {
      const align = mmu.device || (this.sctlr & SCTLR_A) !== 0;
      this.lastNeedsAlignment = align;
      this.lastDevice = mmu.device;
      if (align && (lo & (size - 1)) !== 0) this.alignmentFault(lo, hi, acc);
    }
    return mmu.pa;
  }

  /**
   * Translate without side effects for an access by `el`: the physical address, or -1 if the access would
   * fault (for the debugger, the vector check and the debug unit).
   */
  probe(lo: number, hi: number, acc: number, el: number): number {
    if (!this.mmu.enabled) {
      if ((hi & ((hi & 0x00800000) !== 0 ? this.offHiMask1 : this.offHiMask0)) !== 0) return -1;
      return (hi & 0xffff) * TWO32 + (lo >>> 0);
    }
    if (this.mmu.walk(lo, hi) >= 0) return -1;
    const need = acc === ACC_FETCH ? (el === 0 ? PERM_USER_X : PERM_PRIV_X) : acc === ACC_WRITE ? (el === 0 ? PERM_USER_W : PERM_PRIV_W) : el === 0 ? PERM_USER_R : PERM_PRIV_R;
    return (this.mmu.perm & need) === 0 ? -1 : this.mmu.pa;
  }

  /** May the TLB cache the page of (lo, hi)? False for pages the debug unit must see every access to. */
  cacheable(lo: number, hi: number): boolean {
    return this.cpu.debug.pageCacheable(lo, hi);
  }

  /** Raise an alignment fault if the access needs alignment and lacks it. */
  checkAlignment(lo: number, hi: number, size: number, acc: number, exclusive: boolean): void {
    if ((lo & (size - 1)) === 0) return;
    if (exclusive || (acc !== ACC_FETCH && (this.sctlr & SCTLR_A) !== 0)) this.alignmentFault(lo, hi, acc);
    if (acc === ACC_FETCH) return;
    if (!this.mmu.enabled) {
      if (this.dataAlign) this.alignmentFault(lo, hi, acc);
    } else if (this.mmu.walk(lo, hi) < 0 && this.mmu.device) {
      this.alignmentFault(lo, hi, acc);
    }
    // A walk fault here is reported by the translation that follows, with its own priority.
  }

  private translationFault(fsc: number, lo: number, hi: number, acc: number): never {
    if (acc === ACC_FETCH) this.instructionAbort(fsc);
    this.dataAbort(fsc, lo, hi, acc === ACC_WRITE, false);
  }

  private alignmentFault(lo: number, hi: number, acc: number): never {
    this.dataAbort(FSC_ALIGNMENT, lo, hi, acc === ACC_WRITE, false);
  }

  /** Data abort for the current instruction (ISV = 0: no instruction syndrome for stage-1 aborts, as QEMU). */
  private dataAbort(fsc: number, lo: number, hi: number, write: boolean, cm: boolean): never {
    const cpu = this.cpu;
    const iss = fsc | (write ? 0x40 : 0) | (cm ? 0x100 : 0);
    this.takeException(cpu.el === 0 ? EC_DABORT_LOWER : EC_DABORT_SAME, iss, lo, hi, true, cpu.pcLo, cpu.pcHi);
    throw ABORT;
  }

  /** Instruction abort on fetching the current PC (FAR = PC). */
  private instructionAbort(fsc: number): never {
    const cpu = this.cpu;
    this.takeException(cpu.el === 0 ? EC_IABORT_LOWER : EC_IABORT_SAME, fsc, cpu.pcLo, cpu.pcHi, true, cpu.pcLo, cpu.pcHi);
    throw ABORT;
  }

  /** Synchronous external abort for an access nothing answers. Does not throw; the caller throws ABORT. */
  externalAbort(lo: number, hi: number, acc: number): void {
    const cpu = this.cpu;
    if (acc === ACC_FETCH) {
      this.takeException(cpu.el === 0 ? EC_IABORT_LOWER : EC_IABORT_SAME, FSC_EXTERNAL, cpu.pcLo, cpu.pcHi, true, cpu.pcLo, cpu.pcHi);
    } else {
      const iss = FSC_EXTERNAL | (acc === ACC_WRITE ? 0x40 : 0);
      this.takeException(cpu.el === 0 ? EC_DABORT_LOWER : EC_DABORT_SAME, iss, lo, hi, true, cpu.pcLo, cpu.pcHi);
    }
  }

  // ================================================================== exceptions

  /** Take the UNDEFINED exception (EC 0) for the current instruction. */
  undef(): never {
    const cpu = this.cpu;
    this.takeException(EC_UNKNOWN, 0, 0, 0, false, cpu.pcLo, cpu.pcHi);
    throw ABORT;
  }

  /** Take the FP/AdvSIMD access trap (EC 0x07) for the current instruction (called when cpu.fpEnabled is 0). */
  fpTrap(): never {
    const cpu = this.cpu;
    this.takeException(EC_FP_ACCESS, ISS_FP_TRAP, 0, 0, false, cpu.pcLo, cpu.pcHi);
    throw ABORT;
  }

  /** PC alignment fault (EC 0x22) on executing at a misaligned PC: FAR = ELR = PC. */
  pcAlignmentFault(): never {
    const cpu = this.cpu;
    this.takeException(EC_PC_ALIGN, 0, cpu.pcLo, cpu.pcHi, true, cpu.pcLo, cpu.pcHi);
    throw ABORT;
  }

  /** SP alignment fault (EC 0x26) for a load/store with a misaligned SP base while SCTLR_EL1.SA/SA0 is set. */
  spAlignmentFault(): never {
    const cpu = this.cpu;
    this.takeException(EC_SP_ALIGN, 0, 0, 0, false, cpu.pcLo, cpu.pcHi);
    throw ABORT;
  }

  /** Whether SP alignment checking applies at the current EL (SCTLR_EL1.SA at EL1, SA0 at EL0). */
  get spAlignCheck(): boolean {
    return (this.sctlr & (this.cpu.el === 0 ? 0x10 : 0x8)) !== 0;
  }

  /**
   * Take a synchronous exception to EL1: ESR = EC/IL=1/ISS, FAR if `farValid` (else left as it was), ELR =
   * (elrLo, elrHi), SPSR = PSTATE; then EL1h with DAIF masked, SS = IL = 0, PC at the vector. Does not throw.
   * If the vector cannot be fetched, or its first instruction faults straight back into the same vector, the CPU
   * stops with STOP_NO_VECTOR and lastEsr/lastFar/lastElr describe the original exception.
   */
  takeException(ec: number, iss: number, farLo: number, farHi: number, farValid: boolean, elrLo: number, elrHi: number): void {
    const cpu = this.cpu;
    if (this.vecValid && elrLo === this.vecLo && elrHi === this.vecHi && cpu.icount - this.vecIcount <= 1) {
      // The handler's first instruction faulted into the same vector: it would do so forever.
      cpu.requestStop(STOP_NO_VECTOR);
      return;
    }
    const esr = (ec << 26) | (1 << 25) | (iss & 0x1ffffff);
    const fromEl = cpu.el;
    const fromSp = cpu.spsel;
    this.lo[I_SPSR] = cpu.pstate | 0;
    this.hi[I_SPSR] = 0;
    this.lo[I_ELR] = elrLo;
    this.hi[I_ELR] = elrHi;
    this.lo[I_ESR] = esr;
    this.hi[I_ESR] = 0;
    if (farValid) {
      this.lo[I_FAR] = farLo;
      this.hi[I_FAR] = farHi;
    }
    this.lastEsrLo = esr;
    this.lastFarLo = farValid ? farLo : 0;
    this.lastFarHi = farValid ? farHi : 0;
    this.lastElrLo = elrLo;
    this.lastElrHi = elrHi;
    this.exceptionCount++;
    this.setElSp(1, 1);
    cpu.daif = 0x3c0;
    cpu.pstateSS = 0;
    cpu.pstateIL = 0;
    cpu.exclValid = 0;
    const vlo = this.lo[I_VBAR] + (fromEl === 0 ? 0x400 : fromSp !== 0 ? 0x200 : 0); // VBAR[10:0] are 0: no carry
    const vhi = this.hi[I_VBAR];
    cpu.pcLo = vlo;
    cpu.pcHi = vhi;
    this.vecValid = true;
    this.vecLo = vlo;
    this.vecHi = vhi;
    this.vecIcount = cpu.icount;
    const pa = this.probe(vlo, vhi, ACC_FETCH, 1);
    if (pa < 0 || !cpu.bus.isRam(pa, 4)) cpu.requestStop(STOP_NO_VECTOR);
    else if ((((ec < 32 ? this.exitEcLo >>> ec : this.exitEcHi >>> (ec - 32)) & 1) !== 0) && this.onExceptionExit !== null) this.onExceptionExit(ec, farValid);
  }

  /** Switch EL and SPSel, banking the live stack pointer. */
  private setElSp(el: number, spsel: number): void {
    const cpu = this.cpu;
    const x = cpu.x;
    if (cpu.el === 0 || cpu.spsel === 0) {
      this.spEl0Lo = x[62];
      this.spEl0Hi = x[63];
    } else {
      this.spEl1Lo = x[62];
      this.spEl1Hi = x[63];
    }
    const elChanged = el !== cpu.el;
    cpu.el = el;
    cpu.spsel = spsel;
    if (el === 0 || spsel === 0) {
      x[62] = this.spEl0Lo;
      x[63] = this.spEl0Hi;
    } else {
      x[62] = this.spEl1Lo;
      x[63] = this.spEl1Hi;
    }
    if (elChanged) {
      // The TLB caches permission-checked pages by VA only: EL0 and EL1 see different permissions.
      if (this.mmu.enabled) cpu.flushTlb();
      this.updateFpEnabled();
    }
  }

  private updateFpEnabled(): void {
    const fpen = (this.lo[I_CPACR] >>> 20) & 3;
    this.cpu.fpEnabled = fpen === 3 || (fpen === 1 && this.cpu.el === 1) ? 1 : 0;
  }

  /**
   * DebugExceptionsEnabled() for a source EL and PSTATE.D value (Non-secure, no EL3): false under the OS Lock;
   * at the debug target EL only with MDSCR_EL1.KDE and D = 0; always from a lower EL.
   */
  debugExceptionsEnabled(el: number, dMasked: boolean): boolean {
    if (this.effOsLock !== 0) return false;
    const eld = this.debugTargetEl2 !== 0 ? 2 : 1;
    if (el === eld) return (this.effMdscr & (1 << 13)) !== 0 && !dMasked;
    return eld > el;
  }

  /** Stop for EL2 with ESR_EL2 = esr (a debug event); FAR_EL2 only when `farValid`. */
  stopToEl2(esr: number, farLo: number, farHi: number, farValid: boolean): void {
    this.el2Esr = esr;
    if (farValid) {
      this.el2FarLo = farLo;
      this.el2FarHi = farHi;
    }
    this.el2Count++;
  }

  private advance(): void {
    const cpu = this.cpu;
    const n = (cpu.pcLo + 4) | 0;
    if (n === 0) cpu.pcHi = (cpu.pcHi + 1) | 0;
    cpu.pcLo = n;
  }

  /** EC 0x18 trap to EL1 of an EL0 access (ISS: Op0, Op2, Op1, CRn, Rt, CRm, direction). */
  private sysregTrap(key: number, rt: number, read: boolean): never {
    const cpu = this.cpu;
    this.takeException(EC_SYSREG, this.sysregIss(key, rt, read), 0, 0, false, cpu.pcLo, cpu.pcHi);
    throw ABORT;
  }

  private sysregIss(key: number, rt: number, read: boolean): number {
    const op0 = (key >>> 14) & 3;
    const op1 = (key >>> 11) & 7;
    const crn = (key >>> 7) & 15;
    const crm = (key >>> 3) & 15;
    const op2 = key & 7;
    return (op0 << 20) | (op2 << 17) | (op1 << 14) | (crn << 10) | (rt << 5) | (crm << 1) | (read ? 1 : 0);
  }

  /** Hand an access to the hypervisor: stop with the EC 0x18 syndrome, PC still at the instruction. */
  private trapToEl2(insn: Insn, read: boolean): void {
    this.el2Esr = (EC_SYSREG << 26) | (1 << 25) | this.sysregIss(insn.c, insn.ra, read);
    this.el2Count++;
    this.cpu.requestStop(STOP_EL2_TRAP);
    throw ABORT;
  }

  /** EL0 (and EL2-only) access rules for MRS/MSR/SYS records; returns normally when the access is allowed. */
  private checkAccess(rule: number, key: number, rt: number, read: boolean): void {
    if (rule === EL0_EL2_ONLY) this.undef();
    if (this.cpu.el !== 0) return;
    let ok: number;
    switch (rule) {
      case EL0_ALWAYS:
        return;
      case EL0_UCT:
        ok = this.sctlr & SCTLR_UCT;
        break;
      case EL0_DZE:
        ok = this.sctlr & SCTLR_DZE;
        break;
      case EL0_UMA:
        ok = this.sctlr & SCTLR_UMA;
        break;
      case EL0_UCI:
        ok = this.sctlr & SCTLR_UCI;
        break;
      case EL0_PCTEN:
        ok = this.lo[I_CNTKCTL] & 1;
        break;
      case EL0_VCTEN:
        ok = this.lo[I_CNTKCTL] & 2;
        break;
      case EL0_PCTEN_VCTEN:
        ok = this.lo[I_CNTKCTL] & 3;
        break;
      case EL0_VTEN:
        ok = this.lo[I_CNTKCTL] & 0x100;
        break;
      case EL0_PTEN:
        ok = this.lo[I_CNTKCTL] & 0x200;
        break;
      case EL0_TDCC:
        ok = (this.lo[I_MDSCR] & (1 << 12)) === 0 ? 1 : 0;
        break;
      default:
        this.undef();
    }
    if (ok === 0) this.sysregTrap(key, rt, read);
  }

  // ================================================================== decode / execute

  decode(word: number, insn: Insn): void {
    decodeSystem(word, insn);
  }

  execute(insn: Insn): void {
    const cpu = this.cpu;
    switch (insn.op) {
      case OP_MRS:
        this.mrs(insn);
        return;
      case OP_MSR:
        this.msr(insn);
        return;
      case OP_MSR_IMM:
        this.msrImm(insn);
        return;
      case OP_HINT:
      case OP_BARRIER:
        this.advance();
        return;
      case OP_CLREX:
        cpu.exclValid = 0;
        this.advance();
        return;
      case OP_WFE:
        if (cpu.el === 0 && (this.sctlr & SCTLR_NTWE) === 0) this.wfxTrap(1);
        this.advance();
        return;
      case OP_WFI:
        if (cpu.el === 0 && (this.sctlr & SCTLR_NTWI) === 0) this.wfxTrap(0);
        this.advance();
        cpu.requestStop(STOP_WFI);
        return;
      case OP_SVC: {
        // A stepped SVC advances the step state machine before the call is taken (SPSR.SS = 0).
        if (cpu.debug.stepping()) cpu.pstateSS = 0;
        const n = (cpu.pcLo + 4) | 0;
        this.takeException(EC_SVC64, insn.imm, 0, 0, false, n, n === 0 ? (cpu.pcHi + 1) | 0 : cpu.pcHi);
        throw ABORT; // the PC is where it must be even if it did not move (a dead vector)
      }
      case OP_HVC:
        if (cpu.el === 0) this.undef();
        if (cpu.debug.stepping()) cpu.pstateSS = 0;
        this.el2Count++; // taken to EL2: not a plain completion for the step logic
        cpu.stopImm = insn.imm;
        this.advance();
        cpu.requestStop(STOP_HVC);
        return;
      case OP_BRK:
        // Never masked; with MDCR_EL2.TDE it goes to the hypervisor (KVM: a debug exit).
        if (this.debugTargetEl2 !== 0) cpu.debug.raise(EC_BRK64, insn.imm, 0n, false);
        this.takeException(EC_BRK64, insn.imm, 0, 0, false, cpu.pcLo, cpu.pcHi);
        throw ABORT;
      case OP_ERET: {
        const lo = cpu.pcLo;
        const hi = cpu.pcHi;
        this.eret();
        if (cpu.pcLo === lo && cpu.pcHi === hi) throw ABORT; // returned to itself: the executor must not advance
        return;
      }
      case OP_SYS:
        this.sys(insn);
        return;
      default:
        this.undef();
    }
  }

  private wfxTrap(ti: number): never {
    const cpu = this.cpu;
    this.takeException(EC_WFX, ISS_WFX | ti, 0, 0, false, cpu.pcLo, cpu.pcHi);
    throw ABORT;
  }

  private mrs(insn: Insn): void {
    const cpu = this.cpu;
    const i = insn.imm;
    if (insn.b !== EL0_ALWAYS && (cpu.el === 0 || insn.b === EL0_EL2_ONLY)) this.checkAccess(insn.b, insn.c, insn.ra, true);
    if (i >= 0 && this.absent[i] !== 0) this.undef();
    if (this.el2TrapsActive !== 0 && i >= 0 && (REG_TRAP_READ[i] & this.el2TrapsActive) !== 0) this.trapToEl2(insn, true);
    let vlo: number;
    let vhi = 0;
    switch (insn.a) {
      case KIND_STORAGE:
      case KIND_CONST:
      case KIND_SCTLR:
      case KIND_MMU:
      case KIND_CPACR:
        vlo = this.lo[i];
        vhi = this.hi[i];
        break;
      case KIND_NZCV:
        vlo = (cpu.nf << 31) | (cpu.zf << 30) | (cpu.cf << 29) | (cpu.vf << 28);
        break;
      case KIND_DAIF:
        vlo = cpu.daif;
        break;
      case KIND_FPCR:
        if (cpu.fpEnabled === 0) this.fpTrap();
        vlo = cpu.fpcr;
        break;
      case KIND_FPSR:
        if (cpu.fpEnabled === 0) this.fpTrap();
        vlo = cpu.fpsr;
        break;
      case KIND_CNTVCT:
      case KIND_CNTPCT: {
        const t = cpu.icount;
        vlo = t | 0; // ToInt32 is exact modulo 2^32 for any integer below 2^53
        vhi = (t / TWO32) | 0;
        break;
      }
      case KIND_CURRENTEL:
        vlo = cpu.el << 2;
        break;
      case KIND_SPSEL:
        vlo = cpu.spsel;
        break;
      case KIND_SP_EL0:
        if (cpu.spsel === 0) this.undef();
        vlo = this.spEl0Lo;
        vhi = this.spEl0Hi;
        break;
      default: {
        const v = this.readSpecial(i, insn.a);
        vlo = Number(BigInt.asIntN(32, v));
        vhi = Number(BigInt.asIntN(32, v >> 32n));
      }
    }
    const d = insn.rd * 2;
    cpu.x[d] = vlo;
    cpu.x[d + 1] = vhi;
    this.advance();
  }

  private msr(insn: Insn): void {
    const cpu = this.cpu;
    const i = insn.imm;
    if (insn.b !== EL0_ALWAYS && (cpu.el === 0 || insn.b === EL0_EL2_ONLY)) this.checkAccess(insn.b, insn.c, insn.ra, false);
    else if (i === I_TPIDRRO && cpu.el === 0) this.undef(); // read-only at EL0
    if (this.absent[i] !== 0) this.undef();
    if (this.el2TrapsActive !== 0 && (REG_TRAP_WRITE[i] & this.el2TrapsActive) !== 0) this.trapToEl2(insn, false);
    const s = insn.rd * 2;
    const vlo = cpu.x[s];
    const vhi = cpu.x[s + 1];
    switch (insn.a) {
      case KIND_STORAGE:
        this.store(i, vlo, vhi);
        if (this.options.qemuDebugRegWrites && DBG_ADDR_OR_CTL[i] !== 0) this.qemuDebugWrite(i);
        break;
      case KIND_NZCV:
        cpu.nf = vlo >>> 31;
        cpu.zf = (vlo >>> 30) & 1;
        cpu.cf = (vlo >>> 29) & 1;
        cpu.vf = (vlo >>> 28) & 1;
        break;
      case KIND_DAIF:
        cpu.daif = vlo & 0x3c0;
        break;
      case KIND_FPCR:
        if (cpu.fpEnabled === 0) this.fpTrap();
        cpu.fpcr = vlo & MASK_LO[i];
        break;
      case KIND_FPSR:
        if (cpu.fpEnabled === 0) this.fpTrap();
        cpu.fpsr = vlo & MASK_LO[i];
        break;
      case KIND_SP_EL0:
        if (cpu.spsel === 0) this.undef();
        this.spEl0Lo = vlo;
        this.spEl0Hi = vhi;
        break;
      default:
        this.writeSpecial(i, insn.a, vlo, vhi);
    }
    if (this.watched[i] !== 0 && this.onWatchedWrite !== null) this.onWatchedWrite(i);
    this.advance();
  }

  /** QEMU's write side effects on DBGBCR (BAS copies) and DBGWVR (bits [1:0] cleared; DBGBVR is stored as written). */
  private qemuDebugWrite(i: number): void {
    if (DBG_ADDR_OR_CTL[i] === 1) {
      this.lo[i] &= ~3;
    } else {
      const v = this.lo[i];
      this.lo[i] = (v & ~0x140) | ((v & 0x20) << 1) | ((v & 0x80) << 1);
    }
  }

  /** Recompute which registers exist from the options (debug-register counts, SPE). */
  private applyPresence(): void {
    const o = this.options;
    this.absent.fill(0);
    for (let n = 0; n < 16; n++) {
      for (const [name, present] of [
        [`DBGBVR${n}_EL1`, n < o.breakpoints],
        [`DBGBCR${n}_EL1`, n < o.breakpoints],
        [`DBGWVR${n}_EL1`, n < o.watchpoints],
        [`DBGWCR${n}_EL1`, n < o.watchpoints],
      ] as const) {
        const k = sysRegIndex(name);
        if (k >= 0 && !present) this.absent[k] = 1;
      }
    }
    for (const k of SPE_REGS) if (!o.spe) this.absent[k] = 1;
    // ID_AA64DFR0_EL1: BRPs [15:12], WRPs [23:20], CTX_CMPs [31:28], PMSVer [35:32].
    const dfr = I_DFR0;
    this.lo[dfr] = (this.lo[dfr] & ~0xf0f0f000) | ((o.breakpoints - 1) << 12) | ((o.watchpoints - 1) << 20) | ((o.contextBreakpoints - 1) << 28);
    this.hi[dfr] = (this.hi[dfr] & ~0xf) | (o.spe ? 1 : 0);
  }

  /** Mark registers (by SYSREGS name) whose writes call `onWatchedWrite`. */
  watchWrites(names: readonly string[]): void {
    for (const n of names) this.watched[idx(n)] = 1;
  }

  private store(i: number, vlo: number, vhi: number): void {
    const ml = MASK_LO[i];
    const mh = MASK_HI[i];
    this.lo[i] = (this.lo[i] & ~ml) | (vlo & ml);
    this.hi[i] = (this.hi[i] & ~mh) | (vhi & mh);
  }

  /** Values of the registers whose reads are computed (not hot). */
  private readSpecial(i: number, kind: number): bigint {
    const cpu = this.cpu;
    switch (kind) {
      case KIND_SP_EL1:
        return this.pair(this.spEl1Lo, this.spEl1Hi);
      case KIND_CCSIDR:
        return BigInt(CCSIDR[this.lo[I_CSSELR] & 15] >>> 0);
      case KIND_DCZID:
        return BigInt(this.lo[i] | (cpu.el === 0 && (this.sctlr & SCTLR_DZE) === 0 ? 0x10 : 0));
      case KIND_TIMER_CTL: {
        const cval = i === I_CNTV_CTL ? I_CNTV_CVAL : I_CNTP_CVAL;
        const ctl = this.lo[i] & 3;
        const fired = (ctl & 1) !== 0 && BigInt(cpu.icount) >= this.pair(this.lo[cval], this.hi[cval]);
        return BigInt(ctl | (fired ? 4 : 0));
      }
      case KIND_TIMER_TVAL: {
        const cval = i === I_CNTV_TVAL ? I_CNTV_CVAL : I_CNTP_CVAL;
        return BigInt.asUintN(64, BigInt.asIntN(32, this.pair(this.lo[cval], this.hi[cval]) - BigInt(cpu.icount)));
      }
      case KIND_CLAIMSET:
        return 0xffn;
      case KIND_CLAIMCLR:
        return BigInt(this.lo[I_CLAIMCLR] & 0xff);
      default: // KIND_RAZWI, KIND_ID_RAZ
        return 0n;
    }
  }

  private writeSpecial(i: number, kind: number, vlo: number, vhi: number): void {
    const cpu = this.cpu;
    switch (kind) {
      case KIND_SCTLR:
      case KIND_MMU:
        this.store(i, vlo, vhi);
        this.refreshConfig();
        cpu.flushTlb();
        break;
      case KIND_CPACR:
        this.store(i, vlo, vhi);
        this.updateFpEnabled();
        break;
      case KIND_SPSEL:
        this.setElSp(cpu.el, vlo & 1);
        break;
      case KIND_SP_EL1:
        this.spEl1Lo = vlo;
        this.spEl1Hi = vhi;
        break;
      case KIND_TIMER_CTL:
        this.store(i, vlo, vhi);
        break;
      case KIND_TIMER_TVAL: {
        const cval = i === I_CNTV_TVAL ? I_CNTV_CVAL : I_CNTP_CVAL;
        const v = BigInt.asUintN(64, BigInt(cpu.icount) + BigInt(vlo));
        this.lo[cval] = Number(BigInt.asIntN(32, v));
        this.hi[cval] = Number(BigInt.asIntN(32, v >> 32n));
        break;
      }
      case KIND_OSLAR:
        this.lo[I_OSLSR] = (this.lo[I_OSLSR] & ~2) | ((vlo & 1) << 1);
        break;
      case KIND_CLAIMSET:
        this.lo[I_CLAIMCLR] |= vlo & 0xff;
        break;
      case KIND_CLAIMCLR:
        this.lo[I_CLAIMCLR] &= ~(vlo & 0xff);
        break;
      default: // KIND_RAZWI
        break;
    }
  }

  private pair(lo: number, hi: number): bigint {
    return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
  }

  private msrImm(insn: Insn): void {
    const cpu = this.cpu;
    switch (insn.a) {
      case PSTATE_SPSEL:
        if (cpu.el === 0) this.undef();
        this.setElSp(cpu.el, insn.imm & 1);
        break;
      case PSTATE_DAIFSET:
      case PSTATE_DAIFCLR:
        if (cpu.el === 0 && (this.sctlr & SCTLR_UMA) === 0) this.sysregTrap(insn.c, 31, false);
        if (insn.a === PSTATE_DAIFSET) cpu.daif |= (insn.imm & 0xf) << 6;
        else cpu.daif &= ~((insn.imm & 0xf) << 6);
        break;
    }
    this.advance();
  }

  private eret(): void {
    const cpu = this.cpu;
    if (cpu.el === 0) this.undef();
    const spsr = this.lo[I_SPSR];
    const m = spsr & 0x1f;
    const tEl = (m >>> 2) & 3;
    const tSp = m & 1;
    // Illegal return: AArch32 (not implemented), a higher EL, reserved M encodings, EL0 with SP_EL1.
    const illegal = (m & 0x10) !== 0 || (m & 2) !== 0 || tEl > cpu.el || (tEl === 0 && tSp === 1);
    const dMasked = (spsr & 0x200) !== 0;
    let ss = 0;
    if ((this.effMdscr & 1) !== 0 && (spsr & (1 << 21)) !== 0) {
      const src = this.debugExceptionsEnabled(cpu.el, (cpu.daif & 0x200) !== 0);
      const dest = this.debugExceptionsEnabled(illegal ? cpu.el : tEl, dMasked);
      ss = !src && dest ? 1 : 0;
    }
    cpu.nf = spsr >>> 31;
    cpu.zf = (spsr >>> 30) & 1;
    cpu.cf = (spsr >>> 29) & 1;
    cpu.vf = (spsr >>> 28) & 1;
    cpu.daif = spsr & 0x3c0;
    cpu.pstateSS = ss;
    cpu.exclValid = 0;
    if (illegal) {
      cpu.pstateIL = 1;
    } else {
      cpu.pstateIL = (spsr >>> 20) & 1;
      this.setElSp(tEl, tSp);
    }
    cpu.pcLo = this.lo[I_ELR];
    cpu.pcHi = this.hi[I_ELR];
    // Nothing (no interrupt controller yet) can come between the return and the first instruction there, so
    // the exceptions that instruction would take for the new state are taken now.
    if ((cpu.pcLo & 3) !== 0) this.takeException(EC_PC_ALIGN, 0, cpu.pcLo, cpu.pcHi, true, cpu.pcLo, cpu.pcHi);
    else if (cpu.pstateIL !== 0) this.takeException(EC_ILLEGAL_STATE, 0, 0, 0, false, cpu.pcLo, cpu.pcHi);
  }

  // ---------------------------------------------------------------- SYS: cache, TLB and address translation

  private sys(insn: Insn): void {
    const cpu = this.cpu;
    const op = insn.a;
    const r = insn.rn * 2;
    const vlo = cpu.x[r];
    const vhi = cpu.x[r + 1];
    switch (op) {
      case SYSOP_IC_IVAU:
        // The decoded-instruction cache follows writes, so there is nothing to invalidate.
        if (cpu.el === 0 && (this.sctlr & SCTLR_UCI) === 0) this.sysregTrap(insn.c, insn.ra, false);
        break;
      case SYSOP_DC_ZVA:
        if (cpu.el === 0 && (this.sctlr & SCTLR_DZE) === 0) this.sysregTrap(insn.c, insn.ra, false);
        this.dcZva(vlo & ~63, vhi);
        break;
      case SYSOP_DC_CVA:
        if (cpu.el === 0 && (this.sctlr & SCTLR_UCI) === 0) this.sysregTrap(insn.c, insn.ra, false);
        this.cacheMaintenanceCheck(vlo, vhi, false);
        break;
      case SYSOP_DC_IVAC:
        if (cpu.el === 0) this.undef();
        this.cacheMaintenanceCheck(vlo, vhi, true);
        break;
      case SYSOP_IC_ALL:
      case SYSOP_DC_SW:
        if (cpu.el === 0) this.undef();
        break;
      case SYSOP_TLBI:
        if (cpu.el === 0) this.undef();
        cpu.flushTlb();
        break;
      default: // AT
        if (cpu.el === 0) this.undef();
        this.addressTranslate(vlo, vhi, op === SYSOP_AT_S1E0R || op === SYSOP_AT_S1E0W ? 0 : 1, op === SYSOP_AT_S1E1W || op === SYSOP_AT_S1E0W);
    }
    this.advance();
  }

  private dcZva(lo: number, hi: number): void {
    const cpu = this.cpu;
    this.translate(lo, hi, ACC_WRITE, 1);
    // DC ZVA to Device memory is an alignment fault whatever the address.
    if (this.lastDevice) this.alignmentFault(lo, hi, ACC_WRITE);
    // A store of the whole block for watchpoints, checked before any byte is written.
    if (cpu.debug.wpLive !== 0) cpu.debug.watchRangeAccess((BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0), 64, true);
    for (let k = 0; k < 64; k += 8) cpu.st64(lo + k, hi, 0, 0);
  }

  /** DC by VA: may fault on translation (CM = 1, WnR = 1); permission only at EL0 (read) or for DC IVAC (write). */
  private cacheMaintenanceCheck(lo: number, hi: number, invalidate: boolean): void {
    if (!this.mmu.enabled) {
      if ((hi & ((hi & 0x00800000) !== 0 ? this.offHiMask1 : this.offHiMask0)) !== 0) this.dataAbort(FSC_ADDR_SIZE, lo, hi, true, true);
      return;
    }
    const fault = this.mmu.walk(lo, hi);
    if (fault >= 0) this.dataAbort(fault, lo, hi, true, true);
    const el = this.cpu.el;
    const need = invalidate ? (el === 0 ? PERM_USER_W : PERM_PRIV_W) : el === 0 ? PERM_USER_R : 0;
    if ((this.mmu.perm & need) !== need) this.dataAbort(FSC_PERMISSION + this.mmu.level, lo, hi, true, true);
  }

  /** AT S1E{0,1}{R,W}: fill PAR_EL1 (never faults). */
  private addressTranslate(lo: number, hi: number, el: number, write: boolean): void {
    let fsc = -1;
    let pa = 0;
    let attr = 0;
    let sh = 0;
    if (!this.mmu.enabled) {
      if ((hi & ((hi & 0x00800000) !== 0 ? this.offHiMask1 : this.offHiMask0)) !== 0) fsc = FSC_ADDR_SIZE;
      pa = (hi & 0xffff) * TWO32 + (lo >>> 0);
      attr = 0x00; // Device-nGnRnE; SH reads 0 as on QEMU 7.2
    } else {
      fsc = this.mmu.walk(lo, hi);
      if (fsc < 0) {
        const need = write ? (el === 0 ? PERM_USER_W : PERM_PRIV_W) : el === 0 ? PERM_USER_R : PERM_PRIV_R;
        if ((this.mmu.perm & need) === 0) fsc = FSC_PERMISSION + this.mmu.level;
        pa = this.mmu.pa;
        attr = this.mmu.attr;
        sh = this.mmu.sh;
      }
    }
    if (fsc >= 0) {
      this.lo[I_PAR] = 1 | (fsc << 1) | (1 << 11);
      this.hi[I_PAR] = 0;
    } else {
      this.lo[I_PAR] = (pa % TWO32 & 0xfffff000) | (sh << 7) | (1 << 9) | (1 << 11);
      this.hi[I_PAR] = (Math.floor(pa / TWO32) & 0xffff) | (attr << 24);
    }
  }

  // ---------------------------------------------------------------- configuration caches

  /** Re-read SCTLR/TCR/TTBR/MAIR into the fields translation uses. */
  private refreshConfig(): void {
    const mmu = this.mmu;
    this.sctlr = this.lo[I_SCTLR];
    mmu.enabled = (this.sctlr & SCTLR_M) !== 0;
    mmu.wxn = (this.sctlr & SCTLR_WXN) !== 0;
    mmu.tcrLo = this.lo[I_TCR];
    mmu.tcrHi = this.hi[I_TCR];
    mmu.ttbr0Lo = this.lo[I_TTBR0];
    mmu.ttbr0Hi = this.hi[I_TTBR0];
    mmu.ttbr1Lo = this.lo[I_TTBR1];
    mmu.ttbr1Hi = this.hi[I_TTBR1];
    mmu.mairLo = this.lo[I_MAIR];
    mmu.mairHi = this.hi[I_MAIR];
    // MMU off: addresses above the 48-bit PA space are an address size fault; TBI hides bits 63:56.
    this.offHiMask0 = (mmu.tcrHi & (1 << 5)) !== 0 ? 0x00ff0000 : -65536;
    this.offHiMask1 = (mmu.tcrHi & (1 << 6)) !== 0 ? 0x00ff0000 : -65536;
    this.offDevice = this.options.strictMmuOffAlignment;
    this.dataAlign = this.offDevice || (this.sctlr & SCTLR_A) !== 0;
  }

  /** Re-apply options changed after reset (SystemOptions). */
  applyOptions(): void {
    this.applyPresence();
    this.refreshConfig();
    this.cpu.flushTlb();
  }

  // ================================================================== debugger / hypervisor access (no access checks)

  /** Current value of a register by SYSREGS index, as the guest at EL1 would read it. */
  readReg(i: number): bigint {
    const cpu = this.cpu;
    switch (REG_KIND[i]) {
      case KIND_NZCV:
        return BigInt(((cpu.nf << 31) | (cpu.zf << 30) | (cpu.cf << 29) | (cpu.vf << 28)) >>> 0);
      case KIND_DAIF:
        return BigInt(cpu.daif);
      case KIND_FPCR:
        return BigInt(cpu.fpcr >>> 0);
      case KIND_FPSR:
        return BigInt(cpu.fpsr >>> 0);
      case KIND_CURRENTEL:
        return BigInt(cpu.el << 2);
      case KIND_SPSEL:
        return BigInt(cpu.spsel);
      case KIND_CNTVCT:
      case KIND_CNTPCT:
        return BigInt(cpu.icount);
      case KIND_SP_EL0:
        return cpu.el === 0 || cpu.spsel === 0 ? this.pair(cpu.x[62], cpu.x[63]) : this.pair(this.spEl0Lo, this.spEl0Hi);
      case KIND_SP_EL1:
        return cpu.el === 1 && cpu.spsel === 1 ? this.pair(cpu.x[62], cpu.x[63]) : this.pair(this.spEl1Lo, this.spEl1Hi);
      case KIND_STORAGE:
      case KIND_CONST:
      case KIND_SCTLR:
      case KIND_MMU:
      case KIND_CPACR:
        return this.pair(this.lo[i], this.hi[i]);
      case KIND_OSLAR:
        return 0n;
      default:
        return this.readSpecial(i, REG_KIND[i]);
    }
  }

  /** Set a register by SYSREGS index (write mask applied; read-only registers are set directly). */
  writeReg(i: number, value: bigint): void {
    this.writeRegInner(i, value);
    if (this.watched[i] !== 0 && this.onWatchedWrite !== null) this.onWatchedWrite(i);
  }

  private writeRegInner(i: number, value: bigint): void {
    const cpu = this.cpu;
    const v = BigInt.asUintN(64, value);
    const vlo = Number(BigInt.asIntN(32, v));
    const vhi = Number(BigInt.asIntN(32, v >> 32n));
    switch (REG_KIND[i]) {
      case KIND_NZCV:
        cpu.nf = vlo >>> 31;
        cpu.zf = (vlo >>> 30) & 1;
        cpu.cf = (vlo >>> 29) & 1;
        cpu.vf = (vlo >>> 28) & 1;
        return;
      case KIND_DAIF:
        cpu.daif = vlo & 0x3c0;
        return;
      case KIND_FPCR:
        cpu.fpcr = vlo & MASK_LO[i];
        return;
      case KIND_FPSR:
        cpu.fpsr = vlo & MASK_LO[i];
        return;
      case KIND_CURRENTEL:
        this.setElSp((vlo >>> 2) & 1, cpu.spsel);
        return;
      case KIND_SP_EL0:
        if (cpu.el === 0 || cpu.spsel === 0) {
          cpu.x[62] = vlo;
          cpu.x[63] = vhi;
        } else {
          this.spEl0Lo = vlo;
          this.spEl0Hi = vhi;
        }
        return;
      case KIND_SP_EL1:
        if (cpu.el === 1 && cpu.spsel === 1) {
          cpu.x[62] = vlo;
          cpu.x[63] = vhi;
        } else {
          this.spEl1Lo = vlo;
          this.spEl1Hi = vhi;
        }
        return;
      case KIND_CONST:
      case KIND_CNTVCT:
      case KIND_CNTPCT:
      case KIND_CCSIDR:
      case KIND_DCZID:
        this.lo[i] = vlo;
        this.hi[i] = vhi;
        return;
      case KIND_STORAGE:
        if (SYSREGS[i].access === 'RO') {
          this.lo[i] = vlo;
          this.hi[i] = vhi;
        } else {
          this.store(i, vlo, vhi);
        }
        return;
      default:
        this.writeSpecial(i, REG_KIND[i], vlo, vhi);
    }
  }

  readByName(name: string): bigint {
    return this.readReg(idx(name));
  }

  writeByName(name: string, value: bigint): void {
    this.writeReg(idx(name), value);
  }

  /** Read a system register by name (debugger/hypervisor view). Throws RangeError for an unknown name. */
  readSysregByName(name: string): bigint {
    const i = sysRegIndex(name);
    if (i < 0) throw new RangeError(`unknown system register ${name}`);
    return this.readReg(i);
  }

  /** Write a system register by name. Throws RangeError for an unknown or read-only register. */
  writeSysregByName(name: string, value: bigint): void {
    const i = sysRegIndex(name);
    if (i < 0) throw new RangeError(`unknown system register ${name}`);
    const def = SYSREGS[i];
    if (def.access === 'RO' && def.behaviour !== 'storage') throw new RangeError(`${def.name} is read-only`);
    this.writeReg(i, value);
  }

  get vbar(): bigint {
    return this.pair(this.lo[I_VBAR], this.hi[I_VBAR]);
  }

  /** Set PSTATE from an SPSR-format value (NZCV, SS, IL, DAIF, EL and SP; AArch32 and EL2+ are refused). */
  writePstate(v: number): void {
    const cpu = this.cpu;
    const m = v & 0x1f;
    if ((m & 0x12) !== 0 || ((m >>> 2) & 3) > 1) throw new RangeError(`PSTATE mode 0x${m.toString(16)} is not EL0t/EL1t/EL1h`);
    cpu.nf = v >>> 31;
    cpu.zf = (v >>> 30) & 1;
    cpu.cf = (v >>> 29) & 1;
    cpu.vf = (v >>> 28) & 1;
    cpu.pstateSS = (v >>> 21) & 1;
    cpu.pstateIL = (v >>> 20) & 1;
    cpu.daif = v & 0x3c0;
    this.setElSp((m >>> 2) & 3, (m >>> 2) === 0 ? 0 : m & 1);
  }

  /** Put the CPU at `el` (0 or 1) with `spsel`, banking SP (hypervisor/debugger state changes). */
  setExceptionLevel(el: number, spsel: number): void {
    this.setElSp(el, spsel);
  }
}
