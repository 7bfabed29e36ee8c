/** Decoder for the scalar floating-point data-processing encodings (op0 = x111, bit 28 = 1, bit 30 = 0). */
import { Insn, dstReg, srcReg } from '../insn';
import * as O from './ops';
import { OPF_MAX, OPF_MAXNM, OPF_MIN, OPF_MINNM, RM_NEGINF, RM_POSINF, RM_TIEAWAY, RM_TIEEVEN, RM_ZERO } from './softfloat';

/** ftype field → format (0 H, 1 S, 2 D), -1 when unallocated. */
export function fmtOfType(t: number): number {
  return t === 0 ? 1 : t === 1 ? 2 : t === 3 ? 0 : -1;
}

/** VFPExpandImm for FMOV (immediate) and the AdvSIMD FMOV vector immediate. Sets insn.imm/imm2. */
export function expandFpImm(fmt: number, imm8: number, insn: Insn): void {
  const a = (imm8 >>> 7) & 1;
  const b = (imm8 >>> 6) & 1;
  const cd = (imm8 >>> 4) & 3;
  const efgh = imm8 & 15;
  if (fmt === 2) {
    insn.imm = 0;
    insn.imm2 = ((a << 31) | ((b ^ 1) << 30) | ((b ? 0xff : 0) << 22) | (cd << 20) | (efgh << 16)) | 0;
  } else if (fmt === 1) {
    insn.imm = ((a << 31) | ((b ^ 1) << 30) | ((b ? 0x1f : 0) << 25) | (cd << 23) | (efgh << 19)) | 0;
    insn.imm2 = 0;
  } else {
    insn.imm = (a << 15) | ((b ^ 1) << 14) | ((b ? 3 : 0) << 12) | (cd << 10) | (efgh << 6);
    insn.imm2 = 0;
  }
}

const RINT_MODES = [RM_TIEEVEN, RM_POSINF, RM_NEGINF, RM_ZERO, RM_TIEAWAY, -2, -1, -1];

/** Decode a scalar FP instruction; leaves op 0 when unallocated. */
export function decodeFp(w: number, insn: Insn): void {
  insn.op = 0;
  const rd = w & 31;
  const rn = (w >>> 5) & 31;
  const rm = (w >>> 16) & 31;
  const fmt = fmtOfType((w >>> 22) & 3);
  insn.rd = rd;
  insn.rn = rn;
  insn.rm = rm;
  insn.a = fmt;
  if ((w & 0x5f000000) === 0x1f000000) {
    // Data-processing (3 source): M=0, S=0.
    if ((w & 0xa0000000) !== 0 || fmt < 0) return;
    const o1 = (w >>> 21) & 1;
    const o0 = (w >>> 15) & 1;
    insn.ra = (w >>> 10) & 31;
    insn.op = O.F_MADD;
    insn.b = o1;
    insn.c = o0 ^ o1;
    return;
  }
  if ((w & 0x5f000000) !== 0x1e000000) return;
  if ((w & 0x00200000) === 0) {
    decodeFixed(w, insn, fmt);
    return;
  }
  const sf = w >>> 31;
  const s = (w >>> 29) & 1;
  const bits1510 = (w >>> 10) & 0x3f;
  if (bits1510 === 0) {
    decodeIntConv(w, insn, fmt, sf, s);
    return;
  }
  if (sf !== 0 || s !== 0 || fmt < 0) return;
  if ((bits1510 & 0x1f) === 0x10) {
    // 1 source: opcode in bits 20:15.
    const opc = (w >>> 15) & 0x3f;
    switch (opc) {
      case 0:
        insn.op = O.F_MOV;
        return;
      case 1:
        insn.op = O.F_ABS;
        return;
      case 2:
        insn.op = O.F_NEG;
        return;
      case 3:
        insn.op = O.F_SQRT;
        return;
      case 4:
      case 5:
      case 7: {
        const to = opc === 4 ? 1 : opc === 5 ? 2 : 0;
        if (to === fmt) return;
        insn.op = O.F_CVT;
        insn.b = to;
        return;
      }
      case 16:
      case 17:
      case 18:
      case 19:
        if (fmt === 0) return;
        insn.op = O.F_RINTN;
        insn.b = opc & 1 ? -1 : RM_ZERO;
        insn.c = opc >= 18 ? 64 : 32;
        return;
      default:
        if (opc >= 8 && opc <= 15) {
          const m = RINT_MODES[opc - 8];
          if (m === -2) return;
          insn.op = O.F_RINT;
          insn.b = m;
          insn.c = opc === 14 ? 1 : 0;
        }
        return;
    }
  }
  if ((bits1510 & 0xf) === 0x8) {
    // Compare: op (15:14) must be 0, opcode2 low three bits 0.
    if ((w & 0xc007) !== 0) return;
    insn.op = O.F_CMP;
    insn.b = (w >>> 4) & 1;
    insn.c = (w >>> 3) & 1;
    return;
  }
  if ((bits1510 & 0x7) === 0x4) {
    // Immediate: imm5 (9:5) must be 0.
    if (rn !== 0) return;
    insn.op = O.F_MOVI;
    expandFpImm(fmt, (w >>> 13) & 0xff, insn);
    return;
  }
  switch (bits1510 & 3) {
    case 1:
      insn.op = O.F_CCMP;
      insn.b = (w >>> 4) & 1;
      insn.c = (w >>> 12) & 15;
      insn.imm = w & 15;
      return;
    case 2: {
      const opc = (w >>> 12) & 15;
      switch (opc) {
        case 0:
          insn.op = O.F_MUL;
          return;
        case 1:
          insn.op = O.F_DIV;
          return;
        case 2:
          insn.op = O.F_ADD;
          return;
        case 3:
          insn.op = O.F_SUB;
          return;
        case 4:
        case 5:
        case 6:
        case 7:
          insn.op = O.F_BIN;
          insn.b = [OPF_MAX, OPF_MIN, OPF_MAXNM, OPF_MINNM][opc - 4];
          return;
        case 8:
          insn.op = O.F_BIN;
          insn.b = 10; // OPF_NMUL
          return;
        default:
          return;
      }
    }
    case 3:
      insn.op = O.F_CSEL;
      insn.c = (w >>> 12) & 15;
      return;
    default:
      return;
  }
}

function decodeFixed(w: number, insn: Insn, fmt: number): void {
  const sf = w >>> 31;
  if ((w & 0x20000000) !== 0 || fmt < 0) return;
  const scale = (w >>> 10) & 0x3f;
  if (sf === 0 && scale < 32) return;
  const rmode = (w >>> 19) & 3;
  const opc = (w >>> 16) & 7;
  insn.sf = sf;
  insn.imm = 64 - scale;
  if (rmode === 3 && opc <= 1) {
    insn.op = O.F_TOINT;
    insn.b = RM_ZERO;
    insn.c = opc;
    insn.rd = dstReg(insn.rd);
  } else if (rmode === 0 && (opc === 2 || opc === 3)) {
    insn.op = O.F_FROMINT;
    insn.c = opc & 1;
    insn.rn = srcReg(insn.rn);
  }
}

function decodeIntConv(w: number, insn: Insn, fmt: number, sf: number, s: number): void {
  if (s !== 0) return;
  const rmode = (w >>> 19) & 3;
  const opc = (w >>> 16) & 7;
  const type = (w >>> 22) & 3;
  insn.sf = sf;
  insn.imm = 0;
  if (opc <= 1 || opc === 4 || opc === 5) {
    if (fmt < 0) return;
    if (opc >= 4 && rmode !== 0) return;
    insn.op = O.F_TOINT;
    insn.b = opc >= 4 ? RM_TIEAWAY : [RM_TIEEVEN, RM_POSINF, RM_NEGINF, RM_ZERO][rmode];
    insn.c = opc & 1;
    insn.rd = dstReg(insn.rd);
    return;
  }
  if (opc === 2 || opc === 3) {
    if (fmt < 0 || rmode !== 0) return;
    insn.op = O.F_FROMINT;
    insn.c = opc & 1;
    insn.rn = srcReg(insn.rn);
    return;
  }
  // FMOV general <-> FP, FJCVTZS.
  const toGen = opc === 6;
  if (rmode === 3 && opc === 6 && type === 1 && sf === 0) {
    insn.op = O.F_JCVT;
    insn.rd = dstReg(insn.rd);
    return;
  }
  let kind = -1;
  if (rmode === 0) {
    if (type === 0 && sf === 0) kind = toGen ? O.FMOVG_S_TO_W : O.FMOVG_W_TO_S;
    else if (type === 1 && sf === 1) kind = toGen ? O.FMOVG_D_TO_X : O.FMOVG_X_TO_D;
    else if (type === 3) kind = toGen ? (sf ? O.FMOVG_H_TO_X : O.FMOVG_H_TO_W) : O.FMOVG_R_TO_H;
  } else if (rmode === 1 && type === 2 && sf === 1) {
    kind = toGen ? O.FMOVG_D1_TO_X : O.FMOVG_X_TO_D1;
  }
  if (kind < 0) return;
  insn.op = O.F_MOVG;
  insn.b = kind;
  if (toGen) insn.rd = dstReg(insn.rd);
  else insn.rn = srcReg(insn.rn);
}
