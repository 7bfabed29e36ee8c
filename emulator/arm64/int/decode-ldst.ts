import { type Insn, REG_ZR, REG_SINK } from '../insn';
import * as O from '../int-ops';
import { decodeFpSimd } from '../fpsimd';

/**
 * Loads and stores (op0 = x1x0): GPR and scalar SIMD&FP registers in every addressing mode, exclusives,
 * ordered accesses, LSE atomics. AdvSIMD structure loads/stores go to fpsimd.
 *
 * Record layouts (see also int-ops.ts):
 *   single GPR, hot ops (LDRX..STRH): rd = Rt, rn = base (31 = SP), imm/imm2 = byte offset
 *   register-offset hot ops (*_R):    rd = Rt, rn, rm, a = extend option, b = shift
 *   LDST_GEN:   rd = Rt, rn, rm, imm/imm2, a = size*4+opc, b = mode (0 offset, 1 pre, 2 post, 3 register,
 *               4 unprivileged offset),
 *               c = extend option, ra = shift
 *   LDP_X/STP_X: rd = Rt, ra = Rt2, rn, imm/imm2
 *   LDSTP_GEN:  as LDP_X plus a = (kind << 1) | L with kind 0 = W, 1 = SW, 2 = X; b = mode
 *   LDR_LIT:    rd, imm/imm2 = PC offset, a = 0 W, 1 X, 2 SW
 *   FP_LDST:    rd = Vt, rn, rm, imm/imm2, sf = log2 size, a = L, b = mode, c = option, ra = shift
 *   FP_LDSTP:   rd = Vt, ra = Vt2, rn, imm/imm2, sf = log2 size, a = L, b = mode
 *   FP_LDR_LIT: rd = Vt, sf = log2 size, imm/imm2
 *   EXCL:       a = kind (0 STXR, 1 LDXR, 2 STXP, 3 LDXP, 4 store-release, 5 load-acquire, 6 CAS, 7 CASP),
 *               sf = log2 element size, rn = base, rd = Rt, ra = Rt2, rm = Rs (status / compare),
 *               c = Rs as destination (CAS), b = sign extension for LDAPURS* (1 = to 64, 2 = to 32),
 *               imm/imm2 = offset (LDAPUR/STLUR); CASP keeps raw register numbers in rm/rd.
 *   ATOMIC:     rd = Rt (destination), rm = Rs (source), rn, sf = log2 size, a = 0..7 LDADD..LDUMIN, 8 SWP
 */
export function decodeLoadStore(w: number, insn: Insn): void {
  const b2928 = (w >>> 28) & 3;
  const v = (w >>> 26) & 1;
  const b24 = (w >>> 24) & 1;
  const rt = w & 31;
  if (b2928 === 0 && v === 1) {
    decodeFpSimd(w, insn); // AdvSIMD structure loads/stores; `insn` is still untouched
    return;
  }
  insn.rn = (w >>> 5) & 31;
  switch (b2928) {
    case 0:
      if (b24 === 0) decodeExclusive(w, insn);
      return;
    case 1:
      if (b24 === 0) {
        decodeLiteral(w, insn);
        return;
      }
      if (v === 0 && ((w >>> 21) & 1) === 0 && ((w >>> 10) & 3) === 0) decodeLdapur(w, insn);
      return;
    case 2:
      decodePair(w, insn);
      return;
    default:
      break;
  }
  // b2928 == 3: single register
  const size = w >>> 30;
  const opc = (w >>> 22) & 3;
  let mode: number;
  let scale = 0;
  if (b24 === 1) {
    mode = 0;
    insn.imm = (w >>> 10) & 0xfff;
    insn.imm2 = 0;
    scale = 1;
  } else if (((w >>> 21) & 1) === 0) {
    const op4 = (w >>> 10) & 3;
    const imm9 = ((w >>> 12) << 23) >> 23;
    insn.imm = imm9;
    insn.imm2 = imm9 >> 31;
    if (op4 === 0) mode = 0;
    else if (op4 === 2) mode = 4; // LDTR/STTR family: checked with EL0 permissions
    else mode = op4 === 1 ? 2 : 1;
    if (op4 === 2 && (v === 1 || (size === 3 && opc === 2))) return; // no unprivileged SIMD&FP or PRFM
  } else {
    const op4 = (w >>> 10) & 3;
    if (op4 === 0) {
      if (v === 0) decodeAtomic(w, insn);
      return;
    }
    if (op4 !== 2) return; // PAC loads
    const option = (w >>> 13) & 7;
    if ((option & 2) === 0) return;
    mode = 3;
    insn.rm = src((w >>> 16) & 31);
    insn.c = option;
  }
  if (v === 1) {
    if ((opc & 2) !== 0 && size !== 0) return;
    const log2 = (opc & 2) !== 0 ? 4 : size;
    insn.op = O.OP_FP_LDST;
    insn.rd = rt;
    insn.sf = log2;
    insn.a = opc & 1;
    insn.b = mode;
    if (scale) insn.imm <<= log2;
    if (mode === 3) insn.ra = (w >>> 12) & 1 ? log2 : 0;
    return;
  }
  const kind = size * 4 + opc;
  if (kind === 11 || kind === 15) return;
  if (kind === 14) {
    // PRFM: only the offset and register forms exist
    if (mode === 1 || mode === 2) return;
    insn.op = O.OP_NOP;
    return;
  }
  const isLoad = opc !== 0;
  insn.rd = isLoad ? dst(rt) : src(rt);
  insn.sf = size;
  if (scale) insn.imm <<= size;
  if (mode === 0) {
    insn.op = OFFSET_OPS[kind];
    return;
  }
  if (mode === 3) {
    const shift = (w >>> 12) & 1 ? size : 0;
    const hot = REG_OPS[kind];
    if (hot !== 0) {
      insn.op = hot;
      insn.a = insn.c;
      insn.b = shift;
      return;
    }
    insn.ra = shift;
  }
  insn.op = O.OP_LDST_GEN;
  insn.a = kind;
  insn.b = mode;
}

const src = (r: number): number => (r === 31 ? REG_ZR : r);
const dst = (r: number): number => (r === 31 ? REG_SINK : r);

const OFFSET_OPS = [
  O.OP_STRB, O.OP_LDRB, O.OP_LDRSBX, O.OP_LDRSBW,
  O.OP_STRH, O.OP_LDRH, O.OP_LDRSHX, O.OP_LDRSHW,
  O.OP_STRW, O.OP_LDRW, O.OP_LDRSW, 0,
  O.OP_STRX, O.OP_LDRX, 0, 0,
];
const REG_OPS = [
  O.OP_STRB_R, O.OP_LDRB_R, 0, 0,
  0, 0, 0, 0,
  O.OP_STRW_R, O.OP_LDRW_R, 0, 0,
  O.OP_STRX_R, O.OP_LDRX_R, 0, 0,
];

function decodeLiteral(w: number, insn: Insn): void {
  const opc = w >>> 30;
  const v = (w >>> 26) & 1;
  const s = ((((w >>> 5) & 0x7ffff) << 2) << 11) >> 11;
  insn.imm = s;
  insn.imm2 = s >> 31;
  const rt = w & 31;
  if (v === 1) {
    if (opc === 3) return;
    insn.op = O.OP_FP_LDR_LIT;
    insn.rd = rt;
    insn.sf = opc + 2;
    return;
  }
  if (opc === 3) {
    insn.op = O.OP_NOP; // PRFM (literal)
    return;
  }
  insn.op = O.OP_LDR_LIT;
  insn.rd = dst(rt);
  insn.a = opc;
}

function decodePair(w: number, insn: Insn): void {
  const opc = w >>> 30;
  const v = (w >>> 26) & 1;
  const m = (w >>> 23) & 3; // 0 no-allocate, 1 post, 2 offset, 3 pre
  const l = (w >>> 22) & 1;
  const imm7 = ((w >>> 15) << 25) >> 25;
  const rt = w & 31;
  const rt2 = (w >>> 10) & 31;
  const mode = m === 1 ? 2 : m === 3 ? 1 : 0;
  if (v === 1) {
    if (opc === 3) return;
    const log2 = opc + 2;
    insn.op = O.OP_FP_LDSTP;
    insn.rd = rt;
    insn.ra = rt2;
    insn.sf = log2;
    insn.a = l;
    insn.b = mode;
    const off = imm7 << log2;
    insn.imm = off;
    insn.imm2 = off >> 31;
    return;
  }
  if (opc === 3) return;
  if (opc === 1 && (l === 0 || m === 0)) return; // STGP (MTE) and LDNP with opc 01
  const log2 = opc === 2 ? 3 : 2;
  const off = imm7 << log2;
  insn.imm = off;
  insn.imm2 = off >> 31;
  insn.rd = l ? dst(rt) : src(rt);
  insn.ra = l ? dst(rt2) : src(rt2);
  insn.sf = log2;
  if (opc === 2 && mode === 0) {
    insn.op = l ? O.OP_LDP_X : O.OP_STP_X;
    return;
  }
  insn.op = O.OP_LDSTP_GEN;
  insn.a = ((opc === 2 ? 2 : opc) << 1) | l;
  insn.b = mode;
}

function decodeExclusive(w: number, insn: Insn): void {
  const size = w >>> 30;
  const o2 = (w >>> 23) & 1;
  const l = (w >>> 22) & 1;
  const o1 = (w >>> 21) & 1;
  const rs = (w >>> 16) & 31;
  const rt2 = (w >>> 10) & 31;
  const rt = w & 31;
  insn.sf = size;
  insn.imm = 0;
  insn.imm2 = 0;
  if (o2 === 0 && o1 === 0) {
    insn.op = O.OP_EXCL;
    insn.a = l;
    if (l) insn.rd = dst(rt);
    else {
      insn.rd = src(rt);
      insn.rm = dst(rs);
    }
    return;
  }
  if (o2 === 0 && o1 === 1) {
    if (size >= 2) {
      insn.op = O.OP_EXCL;
      insn.a = 2 + l;
      if (l) {
        insn.rd = dst(rt);
        insn.ra = dst(rt2);
      } else {
        insn.rd = src(rt);
        insn.ra = src(rt2);
        insn.rm = dst(rs);
      }
      return;
    }
    // CASP family
    if (rt2 !== 31 || (rs & 1) !== 0 || (rt & 1) !== 0) return;
    insn.op = O.OP_EXCL;
    insn.a = 7;
    insn.sf = 2 + size;
    insn.rm = rs;
    insn.rd = rt;
    return;
  }
  if (o2 === 1 && o1 === 0) {
    insn.op = O.OP_EXCL;
    insn.a = l ? 5 : 4;
    insn.rd = l ? dst(rt) : src(rt);
    insn.b = 0;
    return;
  }
  // CAS family
  if (rt2 !== 31) return;
  insn.op = O.OP_EXCL;
  insn.a = 6;
  insn.rm = src(rs);
  insn.c = dst(rs);
  insn.rd = src(rt);
}

function decodeLdapur(w: number, insn: Insn): void {
  const size = w >>> 30;
  const opc = (w >>> 22) & 3;
  const rt = w & 31;
  const imm9 = ((w >>> 12) << 23) >> 23;
  if (opc === 2 && size === 3) return;
  if (opc === 3 && size >= 2) return;
  insn.op = O.OP_EXCL;
  insn.sf = size;
  insn.imm = imm9;
  insn.imm2 = imm9 >> 31;
  if (opc === 0) {
    insn.a = 4;
    insn.rd = src(rt);
    return;
  }
  insn.a = 5;
  insn.rd = dst(rt);
  insn.b = opc === 1 ? 0 : opc === 2 ? 1 : 2;
}

function decodeAtomic(w: number, insn: Insn): void {
  const size = w >>> 30;
  const a = (w >>> 23) & 1;
  const r = (w >>> 22) & 1;
  const rs = (w >>> 16) & 31;
  const o3 = (w >>> 15) & 1;
  const opc = (w >>> 12) & 7;
  const rt = w & 31;
  insn.sf = size;
  if (o3 === 1) {
    if (opc === 0) {
      insn.op = O.OP_ATOMIC;
      insn.a = 8;
      insn.rd = dst(rt);
      insn.rm = src(rs);
      return;
    }
    if (opc === 4 && a === 1 && r === 0 && rs === 31) {
      // LDAPR
      insn.op = O.OP_EXCL;
      insn.a = 5;
      insn.b = 0;
      insn.imm = 0;
      insn.imm2 = 0;
      insn.rd = dst(rt);
    }
    return;
  }
  insn.op = O.OP_ATOMIC;
  insn.a = opc;
  insn.rd = dst(rt);
  insn.rm = src(rs);
}
