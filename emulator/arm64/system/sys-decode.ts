import { Insn, dstReg, srcReg } from '../insn';
import { OP_UNDEF } from '../ops';
import { SYSREGS, SysRegBehaviour, El0Access, EL2_TRAP_BIT, sysRegKey, sysRegIndexByKey } from '../sysregs';
import * as S from './sys-ops';

const KIND_OF: Readonly<Record<SysRegBehaviour, number>> = {
  storage: S.KIND_STORAGE,
  const: S.KIND_CONST,
  'raz-wi': S.KIND_RAZWI,
  nzcv: S.KIND_NZCV,
  daif: S.KIND_DAIF,
  currentel: S.KIND_CURRENTEL,
  spsel: S.KIND_SPSEL,
  fpcr: S.KIND_FPCR,
  fpsr: S.KIND_FPSR,
  'sp-el0': S.KIND_SP_EL0,
  'sp-el1': S.KIND_SP_EL1,
  sctlr: S.KIND_SCTLR,
  mmu: S.KIND_MMU,
  cpacr: S.KIND_CPACR,
  ccsidr: S.KIND_CCSIDR,
  dczid: S.KIND_DCZID,
  'counter-virtual': S.KIND_CNTVCT,
  'counter-physical': S.KIND_CNTPCT,
  'timer-ctl': S.KIND_TIMER_CTL,
  'timer-tval': S.KIND_TIMER_TVAL,
  oslar: S.KIND_OSLAR,
  claimset: S.KIND_CLAIMSET,
  claimclr: S.KIND_CLAIMCLR,
};

const EL0_OF: Readonly<Record<El0Access, number>> = {
  always: S.EL0_ALWAYS,
  'SCTLR_EL1.UCT': S.EL0_UCT,
  'SCTLR_EL1.DZE': S.EL0_DZE,
  'SCTLR_EL1.UMA': S.EL0_UMA,
  'SCTLR_EL1.UCI': S.EL0_UCI,
  'CNTKCTL_EL1.EL0PCTEN': S.EL0_PCTEN,
  'CNTKCTL_EL1.EL0VCTEN': S.EL0_VCTEN,
  'CNTKCTL_EL1.EL0PCTEN|EL0VCTEN': S.EL0_PCTEN_VCTEN,
  'CNTKCTL_EL1.EL0VTEN': S.EL0_VTEN,
  'CNTKCTL_EL1.EL0PTEN': S.EL0_PTEN,
  'MDSCR_EL1.TDCC': S.EL0_TDCC,
};

/** Per SYSREGS index: behaviour code, EL0 rule, EL2 trap bits for reads and for writes. */
export const REG_KIND = Int32Array.from(SYSREGS, (r) => KIND_OF[r.behaviour]);
export const REG_EL0 = Int32Array.from(SYSREGS, (r) => (r.minEl === 2 ? S.EL0_EL2_ONLY : r.minEl === 1 ? S.EL0_NONE : EL0_OF[r.el0 ?? 'always']));
export const REG_TRAP_READ = Int32Array.from(SYSREGS, (r) => r.el2Traps.reduce((m, t) => (t === 'HCR_EL2.TVM' ? m : m | EL2_TRAP_BIT[t]), 0));
export const REG_TRAP_WRITE = Int32Array.from(SYSREGS, (r) => r.el2Traps.reduce((m, t) => (t === 'HCR_EL2.TRVM' ? m : m | EL2_TRAP_BIT[t]), 0));

/**
 * Decode the system-instruction space: exception generation (0xD4...), system (0xD5...) and ERET. Anything
 * else, and every encoding this CPU does not implement, leaves op 0 (UNDEFINED).
 */
export function decodeSystem(w: number, insn: Insn): void {
  insn.op = OP_UNDEF;
  insn.word = w;
  if (w === (0xd69f03e0 | 0)) {
    insn.op = S.OP_ERET;
    return;
  }
  if ((w & 0xff000000) === (0xd4000000 | 0)) {
    decodeException(w, insn);
    return;
  }
  if ((w & 0xffc00000) !== (0xd5000000 | 0)) return;
  const l = (w >>> 21) & 1;
  const op0 = (w >>> 19) & 3;
  const op1 = (w >>> 16) & 7;
  const crn = (w >>> 12) & 15;
  const crm = (w >>> 8) & 15;
  const op2 = (w >>> 5) & 7;
  const rt = w & 31;
  const key = sysRegKey(op0, op1, crn, crm, op2);
  insn.c = key;
  insn.ra = rt;
  if (op0 === 0) {
    if (l !== 0 || rt !== 31) return;
    if (crn === 2) decodeHint((crm << 3) | op2, insn);
    else if (crn === 3 && op1 === 3) decodeBarrier(crm, op2, insn);
    else if (crn === 4) decodeMsrImm(op1, op2, crm, insn);
    return;
  }
  if (op0 === 1) {
    if (l === 0) decodeSys(op1, crn, crm, op2, rt, insn);
    return; // SYSL: no implemented encodings
  }
  let idx = sysRegIndexByKey(key);
  let kind: number;
  let el0: number;
  if (idx >= 0) {
    const def = SYSREGS[idx];
    if (l === 1 ? def.access === 'WO' : def.access === 'RO') return;
    kind = REG_KIND[idx];
    el0 = REG_EL0[idx];
  } else if (l === 1 && op0 === 3 && op1 === 0 && crn === 0 && crm >= 1 && crm <= 7) {
    idx = -1;
    kind = S.KIND_ID_RAZ;
    el0 = S.EL0_NONE;
  } else {
    return;
  }
  insn.op = l === 1 ? S.OP_MRS : S.OP_MSR;
  insn.imm = idx;
  insn.a = kind;
  insn.b = el0;
  insn.rd = l === 1 ? dstReg(rt) : srcReg(rt);
}

function decodeException(w: number, insn: Insn): void {
  const opc = (w >>> 21) & 7;
  const op2 = (w >>> 2) & 7;
  const ll = w & 3;
  if (op2 !== 0) return;
  insn.imm = (w >>> 5) & 0xffff;
  if (opc === 0 && ll === 1) insn.op = S.OP_SVC;
  else if (opc === 0 && ll === 2) insn.op = S.OP_HVC;
  else if (opc === 1 && ll === 0) insn.op = S.OP_BRK;
  // SMC: UNDEFINED without EL3 (as QEMU virt without secure=on). HLT: halting debug is disabled.
  // DCPS1-3: UNDEFINED outside Debug state.
}

function decodeHint(crmOp2: number, insn: Insn): void {
  switch (crmOp2) {
    case 2:
      insn.op = S.OP_WFE;
      break;
    case 3:
      insn.op = S.OP_WFI;
      break;
    default:
      // NOP, YIELD, SEV, SEVL, ESB, PSB, BTI, the PAuth hints (no PAuth) and every unallocated hint: NOPs.
      insn.op = S.OP_HINT;
  }
}

function decodeBarrier(crm: number, op2: number, insn: Insn): void {
  switch (op2) {
    case 2:
      insn.op = S.OP_CLREX;
      break;
    case 4: // DSB (and SSBB/PSSBB)
    case 5: // DMB
    case 6: // ISB: the decoded-instruction cache is kept coherent by write tracking, nothing to resynchronise
      insn.op = S.OP_BARRIER;
      break;
    case 7:
      if (crm === 0) insn.op = S.OP_BARRIER; // SB
      break;
  }
}

function decodeMsrImm(op1: number, op2: number, crm: number, insn: Insn): void {
  insn.imm = crm;
  if (op1 === 0 && op2 === 5) insn.a = S.PSTATE_SPSEL;
  else if (op1 === 3 && op2 === 6) insn.a = S.PSTATE_DAIFSET;
  else if (op1 === 3 && op2 === 7) insn.a = S.PSTATE_DAIFCLR;
  else return; // UAO, PAN, SSBS, DIT, TCO, CFINV...: features not implemented
  insn.op = S.OP_MSR_IMM;
}

function decodeSys(op1: number, crn: number, crm: number, op2: number, rt: number, insn: Insn): void {
  let sysop = -1;
  if (crn === 7) {
    const k = (op1 << 7) | (crm << 3) | op2;
    switch (k) {
      case (0 << 7) | (1 << 3) | 0:
      case (0 << 7) | (5 << 3) | 0:
        sysop = S.SYSOP_IC_ALL;
        break;
      case (3 << 7) | (5 << 3) | 1:
        sysop = S.SYSOP_IC_IVAU;
        break;
      case (3 << 7) | (4 << 3) | 1:
        sysop = S.SYSOP_DC_ZVA;
        break;
      case (0 << 7) | (6 << 3) | 1:
        sysop = S.SYSOP_DC_IVAC;
        break;
      case (0 << 7) | (6 << 3) | 2:
      case (0 << 7) | (10 << 3) | 2:
      case (0 << 7) | (14 << 3) | 2:
        sysop = S.SYSOP_DC_SW;
        break;
      case (3 << 7) | (10 << 3) | 1:
      case (3 << 7) | (11 << 3) | 1:
      case (3 << 7) | (14 << 3) | 1:
        sysop = S.SYSOP_DC_CVA;
        break;
      case (0 << 7) | (8 << 3) | 0:
        sysop = S.SYSOP_AT_S1E1R;
        break;
      case (0 << 7) | (8 << 3) | 1:
        sysop = S.SYSOP_AT_S1E1W;
        break;
      case (0 << 7) | (8 << 3) | 2:
        sysop = S.SYSOP_AT_S1E0R;
        break;
      case (0 << 7) | (8 << 3) | 3:
        sysop = S.SYSOP_AT_S1E0W;
        break;
    }
  } else if (crn === 8 && op1 === 0 && (crm === 3 || crm === 7) && op2 !== 4 && op2 !== 6) {
    sysop = S.SYSOP_TLBI;
  }
  if (sysop < 0) return;
  insn.op = S.OP_SYS;
  insn.a = sysop;
  insn.rn = srcReg(rt);
}
