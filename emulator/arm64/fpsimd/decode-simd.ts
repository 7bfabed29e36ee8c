/** Decoder for AdvSIMD data processing (vector and scalar forms). Leaves op 0 for anything unallocated. */
import { Insn, srcReg, dstReg } from '../insn';
import * as O from './ops';
import * as I from './simd-int';
import { VF_ACGE, VF_ACGT, VF_CMEQ, VF_CMGE, VF_CMGT, VF_MLA, VF_MLS, FM_ABS, FM_CMP0, FM_CVTL, FM_CVTN, FM_CVTXN, FM_FROMINT, FM_NEG, FM_RECPE, FM_RINT, FM_RSQRTE, FM_SQRT, FM_TOINT, FM_URECPE, FM_URSQRTE, FM_RINTN, FM_RECPX } from './exec-simd';
import {
  OPF_ABD,
  OPF_ADD,
  OPF_DIV,
  OPF_MAX,
  OPF_MAXNM,
  OPF_MIN,
  OPF_MINNM,
  OPF_MUL,
  OPF_MULX,
  OPF_RECPS,
  OPF_RSQRTS,
  OPF_SUB,
  RM_NEGINF,
  RM_POSINF,
  RM_TIEAWAY,
  RM_TIEEVEN,
  RM_ZERO,
} from './softfloat';
import { expandFpImm } from './decode-fp';

const X = -1;
// Three-same integer ops by opcode (15:11), for U = 0 and U = 1.
const TS0 = [I.IB_SHADD, I.IB_SQADD, I.IB_SRHADD, X, I.IB_SHSUB, I.IB_SQSUB, I.IB_CMGT, I.IB_CMGE, I.IB_SSHL, I.IB_SQSHL, I.IB_SRSHL, I.IB_SQRSHL, I.IB_SMAX, I.IB_SMIN, I.IB_SABD, I.IB_SABA, I.IB_ADD, I.IB_CMTST, I.IB_MLA, I.IB_MUL, I.IB_SMAX, I.IB_SMIN, I.IB_SQDMULH, I.IB_ADD];
const TS1 = [I.IB_UHADD, I.IB_UQADD, I.IB_URHADD, X, I.IB_UHSUB, I.IB_UQSUB, I.IB_CMHI, I.IB_CMHS, I.IB_USHL, I.IB_UQSHL, I.IB_URSHL, I.IB_UQRSHL, I.IB_UMAX, I.IB_UMIN, I.IB_UABD, I.IB_UABA, I.IB_SUB, I.IB_CMEQ, I.IB_MLS, I.IB_PMUL, I.IB_UMAX, I.IB_UMIN, I.IB_SQRDMULH, X];
/** Opcodes allowed with 64-bit elements. */
const TS_D = new Set([1, 5, 6, 7, 8, 9, 10, 11, 16, 17]);
/** Opcodes allowed in the scalar form (with any size when saturating, else size 3 only). */
const TS_SCALAR_SAT = new Set([1, 5, 9, 11]);
const TS_SCALAR_D = new Set([6, 7, 8, 10, 16, 17]);

// FP three-same: index U*16 + a*8 + (opcode - 0x18).
const FP3: number[] = [
  OPF_MAXNM, VF_MLA, OPF_ADD, OPF_MULX, VF_CMEQ, X, OPF_MAX, OPF_RECPS,
  OPF_MINNM, VF_MLS, OPF_SUB, X, X, X, OPF_MIN, OPF_RSQRTS,
  OPF_MAXNM, X, OPF_ADD, OPF_MUL, VF_CMGE, VF_ACGE, OPF_MAX, OPF_DIV,
  OPF_MINNM, X, OPF_ABD, X, VF_CMGT, VF_ACGT, OPF_MIN, X,
];
/** FP three-same entries that are pairwise (U = 1: FMAXNMP, FADDP, FMAXP / FMINNMP, FMINP). */
const FP3_PAIR = new Set([16, 18, 22, 24, 30]);
const FP3_SCALAR = new Set([3, 4, 7, 15, 20, 21, 26, 28, 29]);

function setCommon(w: number, insn: Insn): void {
  insn.rd = w & 31;
  insn.rn = (w >>> 5) & 31;
  insn.rm = (w >>> 16) & 31;
  insn.sf = (w >>> 30) & 1;
  insn.c = 0;
  insn.imm = 0;
  insn.imm2 = insn.sf ? 16 : 8;
}

export function decodeSimd(w: number, insn: Insn): void {
  insn.op = 0;
  setCommon(w, insn);
  if ((w & 0x80000000) !== 0) return;
  const scalar = (w & 0x10000000) !== 0;
  if (!scalar) {
    if ((w & 0x9f60c400) === 0x0e400400) threeSameH(w, insn, false);
    else if ((w & 0x9f7e0c00) === 0x0e780800) twoMiscH(w, insn, false);
    else if ((w & 0x9f208400) === 0x0e008400) threeSameExtra(w, insn, false);
    else if ((w & 0x9f200400) === 0x0e200400) threeSame(w, insn, false);
    else if ((w & 0x9f200c00) === 0x0e200000) threeDiff(w, insn);
    else if ((w & 0x9f3e0c00) === 0x0e200800) twoMisc(w, insn, false);
    else if ((w & 0x9f3e0c00) === 0x0e300800) across(w, insn);
    else if ((w & 0x9fe08400) === 0x0e000400) copy(w, insn);
    else if ((w & 0x9ff80400) === 0x0f000400) modImm(w, insn);
    else if ((w & 0x9f800400) === 0x0f000400) shiftImm(w, insn, false);
    else if ((w & 0x9f000400) === 0x0f000000) byElem(w, insn, false);
    else if ((w & 0xbf208c00) === 0x0e000800) permute(w, insn);
    else if ((w & 0xbfe08400) === 0x2e000000) ext(w, insn);
    else if ((w & 0xbfe08c00) === 0x0e000000) tbl(w, insn);
    return;
  }
  if ((w & 0x40000000) === 0) return;
  if ((w & 0xdf60c400) === 0x5e400400) threeSameH(w, insn, true);
  else if ((w & 0xdf7e0c00) === 0x5e780800) twoMiscH(w, insn, true);
  else if ((w & 0xdf208400) === 0x5e008400) threeSameExtra(w, insn, true);
  else if ((w & 0xdf200400) === 0x5e200400) threeSame(w, insn, true);
  else if ((w & 0xdf200c00) === 0x5e200000) scalarThreeDiff(w, insn);
  else if ((w & 0xdf3e0c00) === 0x5e200800) twoMisc(w, insn, true);
  else if ((w & 0xdf3e0c00) === 0x5e300800) scalarPair(w, insn);
  else if ((w & 0xdfe08400) === 0x5e000400) scalarDup(w, insn);
  else if ((w & 0xdf800400) === 0x5f000400) shiftImm(w, insn, true);
  else if ((w & 0xdf000400) === 0x5f000000) byElem(w, insn, true);
}

function threeSame(w: number, insn: Insn, scalar: boolean): void {
  const u = (w >>> 29) & 1;
  const size = (w >>> 22) & 3;
  const opc = (w >>> 11) & 31;
  const q = insn.sf;
  if (!scalar && (size & 1) === 0 && ((u === 0 && opc === 0x1d) || (u === 1 && opc === 0x19))) {
    // FMLAL/FMLSL (FEAT_FHM): size<1> selects subtract, U the upper-half form.
    insn.op = O.V_FMLAL;
    insn.b = size >> 1;
    insn.c = u;
    insn.imm = 0;
    return;
  }
  if (opc >= 0x18) {
    const sz = size & 1;
    const idx = u * 16 + (size >> 1) * 8 + (opc - 0x18);
    const k = FP3[idx];
    if (k === X) return;
    if (scalar) {
      if (!FP3_SCALAR.has(idx)) return;
    } else if (sz === 1 && q === 0) return;
    insn.op = O.V_FBIN;
    insn.a = sz ? 2 : 1;
    insn.b = k;
    insn.c = !scalar && FP3_PAIR.has(idx) ? 1 : 0;
    if (scalar) insn.imm2 = sz ? 8 : 4;
    return;
  }
  if (opc === 3) {
    if (scalar) return;
    insn.op = O.V_LOGIC;
    insn.b = u * 4 + size;
    return;
  }
  if (opc > 23) return;
  const k = u ? TS1[opc] : TS0[opc];
  if (k === X) return;
  if (scalar) {
    if (opc === 22) {
      if (size !== 1 && size !== 2) return;
    } else if (!TS_SCALAR_SAT.has(opc) && !(TS_SCALAR_D.has(opc) && size === 3)) return;
    insn.imm2 = 1 << size;
  } else {
    if (size === 3 && (q === 0 || !(TS_D.has(opc) || (opc === 23 && u === 0)))) return;
    if (opc === 22 && (size === 0 || size === 3)) return;
    if (opc === 19 && u === 1 && size !== 0) return;
    if ((opc === 18 || opc === 19) && size === 3) return;
  }
  insn.op = O.V_BIN;
  insn.a = size;
  insn.b = k;
  insn.c = !scalar && (opc === 20 || opc === 21 || opc === 23) ? 1 : 0;
}

function threeDiff(w: number, insn: Insn): void {
  const size = (w >>> 22) & 3;
  const opc = (w >>> 12) & 15;
  const u = (w >>> 29) & 1;
  if (size === 3 || opc === 15) return;
  if (u === 1 && (opc === 9 || opc === 11 || opc === 13 || opc === 14)) return;
  if ((opc === 9 || opc === 11 || opc === 13) && size === 0) return;
  if (opc === 14 && size !== 0) return;
  insn.op = O.V_WIDE;
  insn.a = size;
  insn.b = opc;
  insn.c = insn.sf;
}

/** Integer misc: b = U*32 + opcode. */
function twoMisc(w: number, insn: Insn, scalar: boolean): void {
  const u = (w >>> 29) & 1;
  const size = (w >>> 22) & 3;
  const opc = (w >>> 12) & 31;
  const q = insn.sf;
  const a = size >> 1;
  const sz = size & 1;
  // FP forms.
  if (opc >= 0x0c && opc !== 0x12 && opc !== 0x13 && opc !== 0x14 && (opc > 0x0f || a === 1)) {
    fpMisc(insn, scalar, u, a, sz, opc);
    return;
  }
  const k = u * 32 + opc;
  insn.a = size;
  insn.c = q;
  if (scalar) {
    insn.imm2 = 1 << size;
    switch (k) {
      case 3:
      case 7:
      case 35:
      case 39:
        break;
      case 8:
      case 9:
      case 10:
      case 11:
      case 40:
      case 41:
      case 43:
        if (size !== 3) return;
        break;
      case 20:
      case 50:
      case 52:
        if (size === 3) return;
        insn.c = 0;
        break;
      default:
        return;
    }
    insn.op = O.V_MISC;
    insn.b = k;
    return;
  }
  switch (k) {
    case 0:
      if (size === 3) return;
      break;
    case 1:
      if (size !== 0) return;
      break;
    case 32:
      if (size > 1) return;
      break;
    case 2:
    case 6:
    case 34:
    case 38:
    case 4:
    case 36:
      if (size === 3) return;
      break;
    case 5:
      if (size !== 0) return;
      break;
    case 37:
      if (size > 1) return;
      break;
    case 3:
    case 7:
    case 8:
    case 9:
    case 10:
    case 11:
    case 35:
    case 39:
    case 40:
    case 41:
    case 43:
      if (size === 3 && q === 0) return;
      break;
    case 18:
    case 20:
    case 50:
    case 51:
    case 52:
      if (size === 3) return;
      break;
    default:
      return;
  }
  insn.op = O.V_MISC;
  insn.b = k;
  if (k === 37) insn.a = size; // NOT / RBIT: es 0 with the raw size as selector
}

function fpMisc(insn: Insn, scalar: boolean, u: number, a: number, sz: number, opc: number): void {
  const q = insn.sf;
  insn.a = sz ? 2 : 1;
  insn.c = 0;
  insn.ra = 0;
  insn.imm = 0;
  if (scalar) insn.imm2 = sz ? 8 : 4;
  else if (sz === 1 && q === 0 && opc !== 0x16 && opc !== 0x17) return;
  const key = (u << 6) | (a << 5) | opc;
  const set = (b: number, c = 0): void => {
    insn.op = O.V_FMISC;
    insn.b = b;
    insn.c = c;
  };
  switch (key) {
    case 0x2c:
      return set(FM_CMP0, 2);
    case 0x2d:
      return set(FM_CMP0, 0);
    case 0x2e:
      return set(FM_CMP0, 4);
    case 0x6c:
      return set(FM_CMP0, 1);
    case 0x6d:
      return set(FM_CMP0, 3);
    case 0x2f:
      if (scalar) return;
      return set(FM_ABS);
    case 0x6f:
      if (scalar) return;
      return set(FM_NEG);
    case 0x7f:
      if (scalar) return;
      return set(FM_SQRT);
    case 0x16:
    case 0x17:
    case 0x56: {
      if (key === 0x56 && sz === 0) return;
      if (scalar && key !== 0x56) return;
      // Narrow (FCVTN/FCVTXN) or widen (FCVTL); a = destination format.
      insn.op = O.V_FMISC;
      insn.b = key === 0x17 ? FM_CVTL : key === 0x56 ? FM_CVTXN : FM_CVTN;
      insn.a = key === 0x17 ? (sz ? 2 : 1) : sz ? 1 : 0;
      insn.c = scalar ? 0 : q;
      if (scalar) insn.imm2 = 4;
      return;
    }
    case 0x18:
    case 0x19:
    case 0x38:
    case 0x39:
    case 0x58:
    case 0x59:
    case 0x79: {
      if (scalar) return;
      const m = key === 0x18 ? RM_TIEEVEN : key === 0x19 ? RM_NEGINF : key === 0x38 ? RM_POSINF : key === 0x39 ? RM_ZERO : key === 0x58 ? RM_TIEAWAY : -1;
      insn.ra = key === 0x59 ? 1 : 0;
      return set(FM_RINT, m);
    }
    case 0x1a:
    case 0x1b:
    case 0x1c:
    case 0x3a:
    case 0x3b:
    case 0x5a:
    case 0x5b:
    case 0x5c:
    case 0x7a:
    case 0x7b: {
      const base = key & 0x3f;
      const m = base === 0x1a ? RM_TIEEVEN : base === 0x1b ? RM_NEGINF : base === 0x1c ? RM_TIEAWAY : base === 0x3a ? RM_POSINF : RM_ZERO;
      return set(FM_TOINT, m | (u ? 8 : 0));
    }
    case 0x1d:
    case 0x5d:
      return set(FM_FROMINT, u);
    case 0x1e:
    case 0x1f:
    case 0x5e:
    case 0x5f:
      if (scalar) return;
      set(FM_RINTN, u ? -1 : RM_ZERO);
      insn.imm = (opc & 1) !== 0 ? 64 : 32;
      return;
    case 0x3f:
      if (!scalar) return;
      return set(FM_RECPX);
    case 0x3d:
      return set(FM_RECPE);
    case 0x7d:
      return set(FM_RSQRTE);
    case 0x3c:
      if (sz === 1 || scalar) return;
      return set(FM_URECPE);
    case 0x7c:
      if (sz === 1 || scalar) return;
      return set(FM_URSQRTE);
    default:
      return;
  }
}

/** b: 0 ADDV, 1 SADDLV, 2 UADDLV, 3 SMAXV, 4 UMAXV, 5 SMINV, 6 UMINV, 7 FMAXNMV, 8 FMINNMV, 9 FMAXV, 10 FMINV. */
function across(w: number, insn: Insn): void {
  const u = (w >>> 29) & 1;
  const size = (w >>> 22) & 3;
  const opc = (w >>> 12) & 31;
  const q = insn.sf;
  insn.a = size;
  if (u === 0 && (opc === 0x0c || opc === 0x0f)) {
    // FP16 reduction; QEMU ignores size<0> here.
    insn.op = O.V_ACROSS;
    insn.a = 1;
    insn.b = (opc === 0x0c ? 7 : 9) + (size >> 1);
    return;
  }
  if (u === 1 && (opc === 0x0c || opc === 0x0f)) {
    if (size & 1 || q === 0) return;
    insn.op = O.V_ACROSS;
    insn.a = 2;
    insn.b = (opc === 0x0c ? 7 : 9) + (size >> 1);
    return;
  }
  if (size === 3 || (size === 2 && q === 0)) return;
  let b: number;
  if (opc === 0x1b && u === 0) b = 0;
  else if (opc === 0x03) b = u ? 2 : 1;
  else if (opc === 0x0a) b = u ? 4 : 3;
  else if (opc === 0x1a) b = u ? 6 : 5;
  else return;
  insn.op = O.V_ACROSS;
  insn.b = b;
}

function elemSize(imm5: number): number {
  if (imm5 & 1) return 0;
  if (imm5 & 2) return 1;
  if (imm5 & 4) return 2;
  if (imm5 & 8) return 3;
  return -1;
}

function copy(w: number, insn: Insn): void {
  const q = insn.sf;
  const op = (w >>> 29) & 1;
  const imm5 = (w >>> 16) & 31;
  const imm4 = (w >>> 11) & 15;
  const es = elemSize(imm5);
  if (es < 0) return;
  insn.a = es;
  insn.imm = imm5 >>> (es + 1);
  if (op === 1) {
    if (q === 0) return;
    insn.op = O.V_INSE;
    insn.imm2 = imm4 >>> es;
    return;
  }
  switch (imm4) {
    case 0:
      if (es === 3 && q === 0) return;
      insn.op = O.V_DUPE;
      return;
    case 1:
      if (es === 3 && q === 0) return;
      insn.op = O.V_DUPG;
      insn.rn = srcReg(insn.rn);
      return;
    case 3:
      if (q === 0) return;
      insn.op = O.V_INSG;
      insn.rn = srcReg(insn.rn);
      return;
    case 5:
      if (es === 3 || (es === 2 && q === 0)) return;
      insn.op = O.V_MOVG;
      insn.c = 1;
      insn.rd = dstReg(insn.rd);
      return;
    case 7:
      if (es === 3 ? q === 0 : q === 1) return;
      insn.op = O.V_MOVG;
      insn.c = 0;
      insn.rd = dstReg(insn.rd);
      return;
    default:
      return;
  }
}

function modImm(w: number, insn: Insn): void {
  const q = insn.sf;
  const op = (w >>> 29) & 1;
  const cmode = (w >>> 12) & 15;
  const o2 = (w >>> 11) & 1;
  const imm8 = (((w >>> 16) & 7) << 5) | ((w >>> 5) & 31);
  if (o2 === 1) return;
  let lo = 0;
  let hi = 0;
  let kind = op; // 0 MOVI, 1 MVNI
  const c3 = cmode >>> 1;
  if (cmode < 8) {
    const v = (imm8 << (8 * c3)) | 0;
    lo = hi = v;
    if (cmode & 1) kind = op ? 3 : 2;
  } else if (cmode < 12) {
    const h = (imm8 << (8 * (c3 & 1))) & 0xffff;
    lo = hi = (h | (h << 16)) | 0;
    if (cmode & 1) kind = op ? 3 : 2;
  } else if (cmode < 14) {
    const v = cmode === 12 ? (imm8 << 8) | 0xff : (imm8 << 16) | 0xffff;
    lo = hi = v;
  } else if (cmode === 14) {
    if (op === 0) {
      lo = hi = (imm8 * 0x01010101) | 0;
    } else {
      for (let i = 0; i < 4; i++) {
        if ((imm8 >>> i) & 1) lo |= 0xff << (8 * i);
        if ((imm8 >>> (i + 4)) & 1) hi |= 0xff << (8 * i);
      }
      lo |= 0;
      hi |= 0;
      kind = 0;
    }
  } else {
    // FMOV (vector, immediate)
    if (op === 1 && q === 0) return;
    const t = new Insn();
    expandFpImm(op ? 2 : 1, imm8, t);
    if (op) {
      lo = t.imm;
      hi = t.imm2;
    } else lo = hi = t.imm;
    kind = 0;
  }
  insn.op = O.V_MOVI;
  insn.b = kind;
  insn.imm = lo;
  insn.imm2 = hi;
}

function shiftImm(w: number, insn: Insn, scalar: boolean): void {
  const u = (w >>> 29) & 1;
  const q = insn.sf;
  const immh = (w >>> 19) & 15;
  const immb = (w >>> 16) & 7;
  if (immh === 0) return;
  const es = 31 - Math.clz32(immh);
  const esize = 8 << es;
  const immhb = (immh << 3) | immb;
  const right = 2 * esize - immhb;
  const left = immhb - esize;
  const opc = (w >>> 11) & 31;
  insn.a = es;
  if (scalar) insn.imm2 = 1 << es;
  else if (es === 3 && q === 0 && opc < 0x10) return;
  let b = -1;
  let amount = right;
  switch (opc) {
    case 0x00:
    case 0x02:
    case 0x04:
    case 0x06:
      b = opc + u;
      break;
    case 0x08:
      if (u === 0) return;
      b = 8;
      break;
    case 0x0a:
      b = u ? 10 : 9;
      amount = left;
      break;
    case 0x0c:
      if (u === 0) return;
      b = 11;
      amount = left;
      break;
    case 0x0e:
      b = u ? 13 : 12;
      amount = left;
      break;
    case 0x10:
    case 0x11:
    case 0x12:
    case 0x13: {
      if (es === 3) return;
      let k: number;
      if (opc <= 0x11) k = u ? 2 + (opc & 1) : opc & 1;
      else k = (u ? 6 : 4) + (opc & 1);
      if (scalar && k <= 1) return;
      insn.op = O.V_SHRN;
      insn.b = k;
      insn.imm = right;
      insn.c = scalar ? 0 : q;
      return;
    }
    case 0x14:
      if (es === 3 || scalar) return;
      insn.op = O.V_SHIFT;
      insn.b = u ? 15 : 14;
      insn.imm = left;
      insn.c = q;
      return;
    case 0x1c:
    case 0x1f:
      if (es === 0 || (es === 3 && q === 0 && !scalar)) return;
      b = (opc === 0x1c ? 16 : 18) + u;
      break;
    default:
      return;
  }
  if (scalar && es !== 3 && b <= 10 && b !== -1) return;
  insn.op = O.V_SHIFT;
  insn.b = b;
  insn.imm = amount;
}

function byElem(w: number, insn: Insn, scalar: boolean): void {
  const u = (w >>> 29) & 1;
  const size = (w >>> 22) & 3;
  const opc = (w >>> 12) & 15;
  const l = (w >>> 21) & 1;
  const m = (w >>> 20) & 1;
  const h = (w >>> 11) & 1;
  const q = insn.sf;
  const rm4 = (w >>> 16) & 15;
  if (u === 1 && (opc & 9) === 1 && !scalar) {
    // FCMLA (by element): rot in opc<2:1>; H uses index H:L, S uses index H with L = 0.
    if (size !== 1 && size !== 2) return;
    if (size === 2 && (l === 1 || q === 0)) return;
    if (size === 1 && h === 1 && q === 0) return; // only two complex pairs in a 64-bit vector
    insn.op = O.V_FCPLX;
    insn.a = size === 1 ? 0 : 1;
    insn.b = 2;
    insn.c = (opc >> 1) & 3;
    insn.ra = size === 1 ? (h << 1) | l : h;
    insn.rm = (m << 4) | rm4;
    return;
  }
  // FP forms: FMLA (1), FMLS (5), FMUL (9, U=0), FMULX (9, U=1).
  if (opc === 1 || opc === 5 || opc === 9) {
    if (u === 1 && opc !== 9) return;
    if (size === 1) return;
    if (size === 0) {
      insn.op = O.V_ELEM;
      insn.imm = 1;
      insn.a = 0;
      insn.b = opc === 1 ? VF_MLA : opc === 5 ? VF_MLS : u ? OPF_MULX : OPF_MUL;
      insn.ra = (h << 2) | (l << 1) | m;
      insn.rm = rm4;
      insn.c = 0;
      if (scalar) insn.imm2 = 2;
      return;
    }
    const sz = size & 1;
    if (sz === 1 && (l === 1 || (!scalar && q === 0))) return;
    insn.op = O.V_ELEM;
    insn.imm = 1;
    insn.a = sz ? 2 : 1;
    insn.b = opc === 1 ? VF_MLA : opc === 5 ? VF_MLS : u ? OPF_MULX : OPF_MUL;
    insn.ra = sz ? h : (h << 1) | l;
    insn.rm = (m << 4) | rm4;
    insn.c = 0;
    if (scalar) insn.imm2 = sz ? 8 : 4;
    return;
  }
  if (!scalar && size === 2 && (opc & 3) === 0 && (u === 1) === (opc >= 8)) {
    // FMLAL/FMLSL (by element): opc 0000/0100 (U=0), 1000/1100 (U=1, upper half).
    insn.op = O.V_FMLAL;
    insn.b = (opc >> 2) & 1;
    insn.c = u;
    insn.imm = 1;
    insn.ra = (h << 2) | (l << 1) | m;
    insn.rm = rm4;
    return;
  }
  if (size === 0 || size === 3) return;
  insn.ra = size === 1 ? (h << 2) | (l << 1) | m : (h << 1) | l;
  insn.rm = size === 1 ? rm4 : (m << 4) | rm4;
  insn.a = size;
  insn.op = O.V_ELEM;
  if (scalar) {
    if (u === 0 && (opc === 3 || opc === 7 || opc === 11)) {
      insn.imm = 2;
      insn.b = opc === 3 ? 9 : opc === 7 ? 11 : 13;
      insn.c = 0;
      insn.imm2 = 1;
      return;
    }
    if (u === 1 && (opc === 13 || opc === 15)) {
      insn.imm = 0;
      insn.b = opc === 13 ? I.IB_SQRDMLAH : I.IB_SQRDMLSH;
      insn.imm2 = 1 << size;
      insn.c = 0;
      return;
    }
    if (u === 0 && (opc === 12 || opc === 13)) {
      insn.imm = 0;
      insn.b = opc === 12 ? I.IB_SQDMULH : I.IB_SQRDMULH;
      insn.imm2 = 1 << size;
      insn.c = 0;
      return;
    }
    insn.op = 0;
    return;
  }
  switch (u * 16 + opc) {
    case 8:
    case 12:
    case 13:
      insn.imm = 0;
      insn.b = opc === 8 ? I.IB_MUL : opc === 12 ? I.IB_SQDMULH : I.IB_SQRDMULH;
      insn.c = 0;
      return;
    case 16:
    case 20:
      insn.imm = 0;
      insn.b = opc === 0 ? I.IB_MLA : I.IB_MLS;
      insn.c = 0;
      return;
    case 29:
    case 31:
      insn.imm = 0;
      insn.b = opc === 13 ? I.IB_SQRDMLAH : I.IB_SQRDMLSH;
      insn.c = 0;
      return;
    case 14:
    case 30:
      if (size !== 2) {
        insn.op = 0;
        return;
      }
      insn.imm = 0;
      insn.b = u ? I.IB_UDOT : I.IB_SDOT;
      insn.c = 0;
      return;
    case 2:
    case 6:
    case 10:
    case 3:
    case 7:
    case 11:
    case 18:
    case 22:
    case 26: {
      // Long forms map onto the three-different opcodes.
      const map: Record<number, number> = { 2: 8, 6: 10, 10: 12, 3: 9, 7: 11, 11: 13 };
      insn.imm = 2;
      insn.b = map[opc];
      insn.c = q;
      return;
    }
    default:
      insn.op = 0;
      return;
  }
}

function permute(w: number, insn: Insn): void {
  const size = (w >>> 22) & 3;
  const opc = (w >>> 12) & 7;
  if (opc === 0 || opc === 4) return;
  if (size === 3 && insn.sf === 0) return;
  insn.op = O.V_PERM;
  insn.a = size;
  insn.b = opc;
}

function ext(w: number, insn: Insn): void {
  const imm4 = (w >>> 11) & 15;
  if (insn.sf === 0 && imm4 >= 8) return;
  insn.op = O.V_EXT;
  insn.imm = imm4;
}

function tbl(w: number, insn: Insn): void {
  insn.op = O.V_TBL;
  insn.b = ((w >>> 13) & 3) + 1;
  insn.c = (w >>> 12) & 1;
}

function scalarPair(w: number, insn: Insn): void {
  const u = (w >>> 29) & 1;
  const size = (w >>> 22) & 3;
  const opc = (w >>> 12) & 31;
  if (u === 0 && (opc === 0x0c || opc === 0x0d || opc === 0x0f)) {
    // FP16 pairwise; QEMU ignores size<0> here.
    const a = size >> 1;
    if (opc === 0x0d && a === 1) return;
    insn.op = O.V_FBIN;
    insn.a = 0;
    insn.b = opc === 0x0c ? (a ? OPF_MINNM : OPF_MAXNM) : opc === 0x0d ? OPF_ADD : a ? OPF_MIN : OPF_MAX;
    insn.c = 1;
    insn.imm2 = 2;
    return;
  }
  if (u === 0) {
    if (opc !== 0x1b || size !== 3) return;
    insn.op = O.V_BIN;
    insn.a = 3;
    insn.b = I.IB_ADD;
    insn.c = 1;
    insn.imm2 = 8;
    return;
  }
  const sz = size & 1;
  const a = size >> 1;
  let k: number;
  if (opc === 0x0c) k = a ? OPF_MINNM : OPF_MAXNM;
  else if (opc === 0x0d && a === 0) k = OPF_ADD;
  else if (opc === 0x0f) k = a ? OPF_MIN : OPF_MAX;
  else return;
  insn.op = O.V_FBIN;
  insn.a = sz ? 2 : 1;
  insn.b = k;
  insn.c = 1;
  insn.imm2 = sz ? 8 : 4;
}

function scalarDup(w: number, insn: Insn): void {
  const imm5 = (w >>> 16) & 31;
  const imm4 = (w >>> 11) & 15;
  if ((w >>> 29) & 1 || imm4 !== 0) return;
  const es = elemSize(imm5);
  if (es < 0) return;
  insn.op = O.V_DUPE;
  insn.a = es;
  insn.imm = imm5 >>> (es + 1);
  insn.imm2 = 1 << es;
}

/** FP16 three-same: same operation table as single/double with opcode 0x18 + opcode<2:0>. */
function threeSameH(w: number, insn: Insn, scalar: boolean): void {
  const u = (w >>> 29) & 1;
  const a = (w >>> 23) & 1;
  const opc = (w >>> 11) & 7;
  const idx = u * 16 + a * 8 + opc;
  const k = FP3[idx];
  if (k === X) return;
  if (scalar && !FP3_SCALAR.has(idx)) return;
  insn.op = O.V_FBIN;
  insn.a = 0;
  insn.b = k;
  insn.c = !scalar && FP3_PAIR.has(idx) ? 1 : 0;
  if (scalar) insn.imm2 = 2;
}

/** FP16 two-register misc: the single/double table with the format forced to half. */
function twoMiscH(w: number, insn: Insn, scalar: boolean): void {
  const u = (w >>> 29) & 1;
  const a = (w >>> 23) & 1;
  const opc = (w >>> 12) & 31;
  if (opc === 0x16 || opc === 0x17 || opc === 0x1e || (opc === 0x1f && a === 0)) return;
  if (scalar && a === 1 && opc === 0x0f && u === 1) {
    // QEMU 7.2 also executes the (architecturally unallocated) scalar FP16 FNEG encoding.
    insn.op = O.V_FMISC;
    insn.b = FM_NEG;
    insn.c = 0;
    insn.a = 0;
    insn.imm2 = 2;
    return;
  }
  fpMisc(insn, scalar, u, a, 0, opc);
  if (insn.op === 0) return;
  insn.a = 0;
  insn.imm2 = scalar ? 2 : insn.sf ? 16 : 8;
  if (insn.b === FM_URECPE || insn.b === FM_URSQRTE) insn.op = 0;
}

/** SQRDMLAH/SQRDMLSH (FEAT_RDM) and SDOT/UDOT (FEAT_DotProd). */
function threeSameExtra(w: number, insn: Insn, scalar: boolean): void {
  const u = (w >>> 29) & 1;
  const size = (w >>> 22) & 3;
  const opc = (w >>> 11) & 15;
  if (u === 1 && opc <= 1) {
    if (size === 0 || size === 3) return;
    insn.op = O.V_BIN;
    insn.a = size;
    insn.b = opc === 0 ? I.IB_SQRDMLAH : I.IB_SQRDMLSH;
    insn.c = 0;
    if (scalar) insn.imm2 = 1 << size;
    return;
  }
  if (u === 1 && !scalar && opc >= 8 && opc !== 0xd && opc !== 0xf && size !== 0) {
    // FCMLA (10rr) and FCADD (11r0), FEAT_FCMA.
    if (size === 3 && insn.sf === 0) return;
    insn.op = O.V_FCPLX;
    insn.a = size === 1 ? 0 : size === 2 ? 1 : 2;
    insn.b = opc < 0xc ? 1 : 0;
    insn.c = opc < 0xc ? opc & 3 : (opc >> 1) & 1;
    return;
  }
  if (opc === 2 && !scalar) {
    if (size !== 2) return;
    insn.op = O.V_BIN;
    insn.a = 2;
    insn.b = u ? I.IB_UDOT : I.IB_SDOT;
    insn.c = 0;
  }
}

/** Scalar SQDMLAL/SQDMLSL/SQDMULL. */
function scalarThreeDiff(w: number, insn: Insn): void {
  const size = (w >>> 22) & 3;
  const opc = (w >>> 12) & 15;
  if ((w >>> 29) & 1 || (size !== 1 && size !== 2)) return;
  if (opc !== 9 && opc !== 11 && opc !== 13) return;
  insn.op = O.V_WIDE;
  insn.a = size;
  insn.b = opc;
  insn.c = 0;
  insn.imm2 = 1;
}
