/** Executor for AdvSIMD data processing (ops 1200..1799). Field conventions are documented in ops.ts. */
import type { Arm64Cpu } from '../cpu';
import type { Insn } from '../insn';
import * as O from './ops';
// Imported names are rebound to locals: a per-file ESM->CJS transform (tsx, mocha) would otherwise turn
// every use into a getter call, which costs more than the instruction itself on these paths.
const { V_FCPLX, V_ACROSS, V_BIN, V_DUPE, V_DUPG, V_ELEM, V_EXT, V_FBIN, V_FMISC, V_FMLAL, V_INSE, V_INSG, V_LOGIC, V_MISC, V_MOVG, V_MOVI, V_PERM, V_SHIFT, V_SHRN, V_TBL, V_WIDE } = O;
import * as __lanes from './lanes';
const { QC, T16, T32, T64, T8, VSCRATCH, commit, loadT, rd64, rdS, rdU, wrT } = __lanes;
import * as __simd_int from './simd-int';
const { IB_MLA, IB_MLS, IB_SABA, IB_UABA, IB_SQRDMLAH, intOp, intOp64, sat, satS, satU, shiftBy, s64, satS64, satU64, shiftBy64 } = __simd_int;
import * as __fp_arith from './fp-arith';
const { fbin, fcvt, fmuladd, fsqrt } = __fp_arith;
import * as __softfloat from './softfloat';
const { FMT_D, FMT_H, FMT_S, OPF_MAX, OPF_MAXNM, OPF_MIN, OPF_MINNM, fpCompareRel, fpConvertOdd, fpRoundInt, fpRoundIntN, fpToInt, intToFp, out, rmodeOf } = __softfloat;
import * as __exec_fp from './exec-fp';
const { intToFpFast } = __exec_fp;
import * as __estimates from './estimates';
const { fpRecipEstimate, fpRecpX, fpRsqrtEstimate, urecpe, ursqrte } = __estimates;

// V_FBIN extra codes beyond OPF_*.
export const VF_MLA = 20;
export const VF_MLS = 21;
export const VF_CMEQ = 22;
export const VF_CMGE = 23;
export const VF_CMGT = 24;
export const VF_ACGE = 25;
export const VF_ACGT = 26;

function done(cpu: Arm64Cpu): void {
  if (sat.hit) {
    cpu.fpsr |= QC;
    sat.hit = false;
  }
}

/** FP lane i of V`r` as (lo, return) with the high half in fpHi. */
let fpHi = 0;
function rdF(cpu: Arm64Cpu, r: number, i: number, fmt: number): number {
  if (fmt === FMT_D) {
    const b = (r << 2) + 2 * i;
    fpHi = cpu.v32[b + 1];
    return cpu.v32[b];
  }
  fpHi = 0;
  return fmt === FMT_S ? cpu.v32[(r << 2) + i] : cpu.vu16[(r << 3) + i];
}

function wrF(i: number, fmt: number, lo: number, hi: number): void {
  if (fmt === FMT_D) {
    T32[2 * i] = lo;
    T32[2 * i + 1] = hi;
  } else if (fmt === FMT_S) T32[i] = lo;
  else T16[i] = lo;
}

/** Broadcast element `idx` (size es) of V`r` into the scratch register, for the by-element forms. */
function broadcast(cpu: Arm64Cpu, r: number, idx: number, es: number): void {
  const s = VSCRATCH;
  if (es === 3) {
    const b = (r << 2) + 2 * idx;
    const lo = cpu.v32[b];
    const hi = cpu.v32[b + 1];
    cpu.v32[s << 2] = lo;
    cpu.v32[(s << 2) + 1] = hi;
    cpu.v32[(s << 2) + 2] = lo;
    cpu.v32[(s << 2) + 3] = hi;
    return;
  }
  const v = rdU(cpu, r, idx, es);
  const n = 16 >> es;
  for (let i = 0; i < n; i++) {
    if (es === 0) cpu.vu8[(s << 4) + i] = v;
    else if (es === 1) cpu.vu16[(s << 3) + i] = v;
    else cpu.v32[(s << 2) + i] = v;
  }
}

export function execSimd(cpu: Arm64Cpu, insn: Insn): void {
  switch (insn.op) {
    case V_BIN:
      execBin(cpu, insn, insn.rm);
      return;
    case V_LOGIC:
      execLogic(cpu, insn);
      return;
    case V_FBIN:
      execFBin(cpu, insn, insn.rm);
      return;
    case V_WIDE:
      execWide(cpu, insn, insn.rm);
      return;
    case V_ELEM: {
      // FP records carry a format (H/S/D), integer records an element size.
      broadcast(cpu, insn.rm, insn.ra, insn.imm === 1 ? (insn.a === FMT_D ? 3 : insn.a === FMT_S ? 2 : 1) : insn.a);
      if (insn.imm === 0) execBin(cpu, insn, VSCRATCH);
      else if (insn.imm === 1) execFBin(cpu, insn, VSCRATCH);
      else execWide(cpu, insn, VSCRATCH);
      return;
    }
    case V_MISC:
      execMisc(cpu, insn);
      return;
    case V_FMLAL:
      execFmlal(cpu, insn);
      return;
    case V_FCPLX:
      execComplex(cpu, insn);
      return;
    case V_FMISC:
      execFMisc(cpu, insn);
      return;
    case V_ACROSS:
      execAcross(cpu, insn);
      return;
    case V_DUPE: {
      const es = insn.a;
      if (es === 3) {
        const b = (insn.rn << 2) + 2 * insn.imm;
        const lo = cpu.v32[b];
        const hi = cpu.v32[b + 1];
        T32[0] = T32[2] = lo;
        T32[1] = T32[3] = hi;
      } else {
        const v = rdU(cpu, insn.rn, insn.imm, es);
        for (let i = 0; i < 16 >> es; i++) wrT(i, es, v);
      }
      commit(cpu, insn.rd, insn.imm2);
      return;
    }
    case V_DUPG: {
      const es = insn.a;
      const lo = cpu.x[insn.rn << 1];
      if (es === 3) {
        const hi = cpu.x[(insn.rn << 1) + 1];
        T32[0] = T32[2] = lo;
        T32[1] = T32[3] = hi;
      } else for (let i = 0; i < 16 >> es; i++) wrT(i, es, lo);
      commit(cpu, insn.rd, insn.sf ? 16 : 8);
      return;
    }
    case V_INSG: {
      const es = insn.a;
      const d = insn.rd;
      const lo = cpu.x[insn.rn << 1];
      if (es === 3) {
        cpu.v32[(d << 2) + 2 * insn.imm] = lo;
        cpu.v32[(d << 2) + 2 * insn.imm + 1] = cpu.x[(insn.rn << 1) + 1];
      } else if (es === 0) cpu.vu8[(d << 4) + insn.imm] = lo;
      else if (es === 1) cpu.vu16[(d << 3) + insn.imm] = lo;
      else cpu.v32[(d << 2) + insn.imm] = lo;
      return;
    }
    case V_INSE: {
      const es = insn.a;
      const d = insn.rd;
      if (es === 3) {
        const lo = cpu.v32[(insn.rn << 2) + 2 * insn.imm2];
        const hi = cpu.v32[(insn.rn << 2) + 2 * insn.imm2 + 1];
        cpu.v32[(d << 2) + 2 * insn.imm] = lo;
        cpu.v32[(d << 2) + 2 * insn.imm + 1] = hi;
      } else {
        const v = rdU(cpu, insn.rn, insn.imm2, es);
        if (es === 0) cpu.vu8[(d << 4) + insn.imm] = v;
        else if (es === 1) cpu.vu16[(d << 3) + insn.imm] = v;
        else cpu.v32[(d << 2) + insn.imm] = v;
      }
      return;
    }
    case V_MOVG: {
      const es = insn.a;
      const d = insn.rd << 1;
      let lo: number;
      let hi = 0;
      if (es === 3) {
        lo = cpu.v32[(insn.rn << 2) + 2 * insn.imm];
        hi = cpu.v32[(insn.rn << 2) + 2 * insn.imm + 1];
      } else if (insn.c === 1) {
        lo = rdS(cpu, insn.rn, insn.imm, es);
        if (insn.sf === 1) hi = lo >> 31;
      } else lo = rdU(cpu, insn.rn, insn.imm, es);
      cpu.x[d] = lo;
      cpu.x[d + 1] = insn.sf === 1 ? hi : 0;
      return;
    }
    case V_MOVI: {
      const d = insn.rd << 2;
      const v = cpu.v32;
      const q = insn.sf === 1;
      switch (insn.b) {
        case 0:
        case 1: {
          const lo = insn.b === 1 ? ~insn.imm : insn.imm;
          const hi = insn.b === 1 ? ~insn.imm2 : insn.imm2;
          v[d] = lo;
          v[d + 1] = hi;
          v[d + 2] = q ? lo : 0;
          v[d + 3] = q ? hi : 0;
          return;
        }
        case 2:
          v[d] |= insn.imm;
          v[d + 1] |= insn.imm2;
          if (q) {
            v[d + 2] |= insn.imm;
            v[d + 3] |= insn.imm2;
          } else v[d + 2] = v[d + 3] = 0;
          return;
        default:
          v[d] &= ~insn.imm;
          v[d + 1] &= ~insn.imm2;
          if (q) {
            v[d + 2] &= ~insn.imm;
            v[d + 3] &= ~insn.imm2;
          } else v[d + 2] = v[d + 3] = 0;
          return;
      }
    }
    case V_SHIFT:
      execShift(cpu, insn);
      return;
    case V_SHRN:
      execShrn(cpu, insn);
      return;
    case V_PERM:
      execPerm(cpu, insn);
      return;
    case V_EXT: {
      const bytes = insn.sf ? 16 : 8;
      const pos = insn.imm;
      for (let i = 0; i < bytes; i++) {
        const j = pos + i;
        T8[i] = j < bytes ? cpu.vu8[(insn.rn << 4) + j] : cpu.vu8[(insn.rm << 4) + j - bytes];
      }
      commit(cpu, insn.rd, bytes);
      return;
    }
    case V_TBL: {
      const bytes = insn.sf ? 16 : 8;
      const nreg = insn.b;
      for (let i = 0; i < bytes; i++) {
        const idx = cpu.vu8[(insn.rm << 4) + i];
        if (idx < nreg * 16) T8[i] = cpu.vu8[(((insn.rn + (idx >>> 4)) & 31) << 4) + (idx & 15)];
        else T8[i] = insn.c === 1 ? cpu.vu8[(insn.rd << 4) + i] : 0;
      }
      commit(cpu, insn.rd, bytes);
      return;
    }
    default:
      cpu.sys.undef();
  }
}

function execBin(cpu: Arm64Cpu, insn: Insn, rm: number): void {
  const es = insn.a;
  const bytes = insn.imm2;
  const n = bytes >> es;
  const k = insn.b;
  const rn = insn.rn;
  const rd = insn.rd;
  const pair = insn.c === 1;
  const acc = k === IB_MLA || k === IB_MLS || k === IB_SABA || k === IB_UABA || k >= IB_SQRDMLAH;
  if (es === 3 && !pair && (k === 0 || k === 1)) {
    // ADD/SUB on 64-bit lanes with int32 halves (the common vectorised int64 case).
    const v = cpu.v32;
    for (let i = 0; i < n; i++) {
      const an = (rn << 2) + 2 * i;
      const bm = (rm << 2) + 2 * i;
      const al = v[an];
      const bl = k === 0 ? v[bm] : ~v[bm];
      const bh = k === 0 ? v[bm + 1] : ~v[bm + 1];
      const cin = k === 0 ? 0 : 1;
      const lo = (al + bl + cin) | 0;
      const carry = (al >>> 0) + (bl >>> 0) + cin > 0xffffffff ? 1 : 0;
      T32[2 * i] = lo;
      T32[2 * i + 1] = (v[an + 1] + bh + carry) | 0;
    }
  } else if (es === 3) {
    for (let i = 0; i < n; i++) {
      let a: bigint;
      let b: bigint;
      if (pair) {
        const src = 2 * i < n ? rn : rm;
        const j = (2 * i) % n;
        a = rd64(cpu, src, j);
        b = rd64(cpu, src, j + 1);
      } else {
        a = rd64(cpu, rn, i);
        b = rd64(cpu, rm, i);
      }
      T64[i] = BigInt.asUintN(64, intOp64(k, a, b, 0n));
    }
  } else {
    for (let i = 0; i < n; i++) {
      let a: number;
      let b: number;
      if (pair) {
        const src = 2 * i < n ? rn : rm;
        const j = (2 * i) % n;
        a = rdU(cpu, src, j, es);
        b = rdU(cpu, src, j + 1, es);
      } else {
        a = rdU(cpu, rn, i, es);
        b = rdU(cpu, rm, i, es);
      }
      wrT(i, es, intOp(k, es, a, b, acc ? rdU(cpu, rd, i, es) : 0));
    }
  }
  commit(cpu, rd, bytes);
  done(cpu);
}

function execLogic(cpu: Arm64Cpu, insn: Insn): void {
  const words = insn.sf ? 4 : 2;
  const v = cpu.v32;
  const n = insn.rn << 2;
  const m = insn.rm << 2;
  const d = insn.rd << 2;
  for (let i = 0; i < words; i++) {
    const a = v[n + i];
    const b = v[m + i];
    const c = v[d + i];
    let r: number;
    switch (insn.b) {
      case 0:
        r = a & b;
        break;
      case 1:
        r = a & ~b;
        break;
      case 2:
        r = a | b;
        break;
      case 3:
        r = a | ~b;
        break;
      case 4:
        r = a ^ b;
        break;
      case 5:
        r = b ^ ((b ^ a) & c);
        break;
      case 6:
        r = c ^ ((c ^ a) & b);
        break;
      default:
        r = c ^ ((c ^ a) & ~b);
        break;
    }
    T32[i] = r;
  }
  commit(cpu, insn.rd, words * 4);
}

function execFBin(cpu: Arm64Cpu, insn: Insn, rm: number): void {
  const fmt = insn.a;
  const es = fmt === FMT_D ? 3 : fmt === FMT_S ? 2 : 1;
  const bytes = insn.imm2;
  const n = bytes >> es;
  const k = insn.b;
  const rn = insn.rn;
  const pair = insn.c === 1;
  const sb = fmt === FMT_H ? 0x8000 : 0x80000000 | 0;
  for (let i = 0; i < n; i++) {
    let alo: number;
    let ahi: number;
    let blo: number;
    let bhi: number;
    if (pair) {
      const src = 2 * i < n ? rn : rm;
      const j = (2 * i) % n;
      alo = rdF(cpu, src, j, fmt);
      ahi = fpHi;
      blo = rdF(cpu, src, j + 1, fmt);
      bhi = fpHi;
    } else {
      alo = rdF(cpu, rn, i, fmt);
      ahi = fpHi;
      blo = rdF(cpu, rm, i, fmt);
      bhi = fpHi;
    }
    let r: number;
    let rh = 0;
    switch (k) {
      case VF_MLA:
      case VF_MLS: {
        const dlo = rdF(cpu, insn.rd, i, fmt);
        const dhi = fpHi;
        if (k === VF_MLS) {
          if (fmt === FMT_D) ahi ^= sb;
          else alo ^= sb;
        }
        r = fmuladd(cpu, fmt, dlo, dhi, alo, ahi, blo, bhi);
        rh = out.hi;
        break;
      }
      case VF_CMEQ:
      case VF_CMGE:
      case VF_CMGT:
        r = fpCompareRel(cpu, fmt, alo, ahi, blo, bhi, k - VF_CMEQ) ? -1 : 0;
        rh = r;
        break;
      case VF_ACGE:
      case VF_ACGT:
        if (fmt === FMT_D) {
          ahi &= 0x7fffffff;
          bhi &= 0x7fffffff;
        } else {
          alo &= ~sb;
          blo &= ~sb;
        }
        r = fpCompareRel(cpu, fmt, alo, ahi, blo, bhi, k === VF_ACGE ? 1 : 2) ? -1 : 0;
        rh = r;
        break;
      default:
        r = fbin(cpu, k, fmt, alo, ahi, blo, bhi);
        rh = out.hi;
        break;
    }
    wrF(i, fmt, r, rh);
  }
  commit(cpu, insn.rd, bytes);
}

/** Three-different ops: b = opcode (15:12), imm = U, c = upper-half form. */
function execWide(cpu: Arm64Cpu, insn: Insn, rm: number): void {
  const es = insn.a;
  const k = insn.b;
  const uns = (insn.word >>> 29) & 1;
  const part = insn.c;
  const scalarForm = insn.imm2 === 1;
  const n = scalarForm ? 1 : 8 >> es;
  const off = part ? n : 0;
  const rn = insn.rn;
  const rd = insn.rd;
  // Narrowing high-half ops.
  if (k === 4 || k === 6) {
    loadT(cpu, rd);
    const bits = 8 << es;
    for (let i = 0; i < n; i++) {
      if (es === 2) {
        const a = rd64(cpu, rn, i);
        const b = rd64(cpu, rm, i);
        let s = k === 4 ? a + b : a - b;
        if (uns) s += 1n << 31n;
        T32[off + i] = Number(BigInt.asUintN(64, s) >> 32n) | 0;
      } else {
        const a = rdU(cpu, rn, i, es + 1);
        const b = rdU(cpu, rm, i, es + 1);
        let s = k === 4 ? a + b : a - b;
        if (uns) s += 2 ** (bits - 1);
        s = ((s % 2 ** (2 * bits)) + 2 ** (2 * bits)) % 2 ** (2 * bits);
        wrT(off + i, es, Math.floor(s / 2 ** bits));
      }
    }
    if (part) commit(cpu, rd, 16);
    else commit(cpu, rd, 8);
    return;
  }
  const wideSrc = k === 1 || k === 3;
  if (es === 2 && (k <= 3 || k === 8 || k === 10 || k === 12)) {
    wide32Halves(cpu, k, uns === 1, rn, rm, rd, off, wideSrc);
    return;
  }
  for (let i = 0; i < n; i++) {
    if (es === 2) {
      const a = wideSrc ? (uns ? rd64(cpu, rn, i) : s64(rd64(cpu, rn, i))) : BigInt(uns ? rdU(cpu, rn, off + i, 2) : rdS(cpu, rn, off + i, 2));
      const b = BigInt(uns ? rdU(cpu, rm, off + i, 2) : rdS(cpu, rm, off + i, 2));
      const d = uns ? rd64(cpu, rd, i) : s64(rd64(cpu, rd, i));
      T64[i] = BigInt.asUintN(64, wideOp64(k, a, b, d));
    } else {
      const a = wideSrc ? (uns ? rdU(cpu, rn, i, es + 1) : rdS(cpu, rn, i, es + 1)) : uns ? rdU(cpu, rn, off + i, es) : rdS(cpu, rn, off + i, es);
      const b = uns ? rdU(cpu, rm, off + i, es) : rdS(cpu, rm, off + i, es);
      const d = uns ? rdU(cpu, rd, i, es + 1) : rdS(cpu, rd, i, es + 1);
      wrT(i, es + 1, wideOp(k, es, a, b, d));
    }
  }
  commit(cpu, rd, scalarForm ? 2 << es : 16);
  done(cpu);
}

let mLo = 0;
let mHi = 0;

/** Exact 32x32 -> 64 product into (mLo, mHi); operands are int32 bit patterns. */
function mul32(a: number, b: number, signed: boolean): void {
  const au = a >>> 0;
  const bu = b >>> 0;
  const ah = au >>> 16;
  const al = au & 0xffff;
  const bh = bu >>> 16;
  const bl = bu & 0xffff;
  const mid = ah * bl + al * bh; // < 2^33
  const low = al * bl; // < 2^32
  let hi = ah * bh + Math.floor((mid * 65536 + low) / 4294967296);
  if (signed) {
    if (a < 0) hi -= bu;
    if (b < 0) hi -= au;
  }
  mLo = Math.imul(a, b);
  mHi = hi | 0;
}

/** Widening add/sub/mul(-accumulate) from 32-bit lanes into 64-bit lanes, on int32 halves. */
function wide32Halves(cpu: Arm64Cpu, k: number, uns: boolean, rn: number, rm: number, rd: number, off: number, wideSrc: boolean): void {
  const v = cpu.v32;
  for (let i = 0; i < 2; i++) {
    const bw = v[(rm << 2) + off + i];
    let alo: number;
    let ahi: number;
    let blo: number;
    let bhi: number;
    if (k >= 8) {
      mul32(v[(rn << 2) + off + i], bw, !uns);
      const dl = v[(rd << 2) + 2 * i];
      const dh = v[(rd << 2) + 2 * i + 1];
      if (k === 12) {
        T32[2 * i] = mLo;
        T32[2 * i + 1] = mHi;
        continue;
      }
      alo = dl;
      ahi = dh;
      blo = mLo;
      bhi = mHi;
      if (k === 10) {
        blo = ~blo;
        bhi = ~bhi;
      }
    } else {
      if (wideSrc) {
        alo = v[(rn << 2) + 2 * i];
        ahi = v[(rn << 2) + 2 * i + 1];
      } else {
        alo = v[(rn << 2) + off + i];
        ahi = uns ? 0 : alo >> 31;
      }
      blo = bw;
      bhi = uns ? 0 : bw >> 31;
      if (k >= 2) {
        blo = ~blo;
        bhi = ~bhi;
      }
    }
    const cin = k === 2 || k === 3 || k === 10 ? 1 : 0;
    const lo = (alo + blo + cin) | 0;
    const carry = (alo >>> 0) + (blo >>> 0) + cin > 0xffffffff ? 1 : 0;
    T32[2 * i] = lo;
    T32[2 * i + 1] = (ahi + bhi + carry) | 0;
  }
  commit(cpu, rd, 16);
}

function wideOp(k: number, es: number, a: number, b: number, d: number): number {
  switch (k) {
    case 0:
    case 1:
      return a + b;
    case 2:
    case 3:
      return a - b;
    case 5:
      return d + Math.abs(a - b);
    case 7:
      return Math.abs(a - b);
    case 8:
      return d + a * b;
    case 10:
      return d - a * b;
    case 12:
      return a * b;
    case 9:
      return satS(d + satS(2 * a * b, es + 1), es + 1);
    case 11:
      return satS(d - satS(2 * a * b, es + 1), es + 1);
    case 13:
      return satS(2 * a * b, es + 1);
    case 14: {
      let r = 0;
      for (let i = 0; i < 8; i++) if ((b >>> i) & 1) r ^= (a & 0xff) << i;
      return r;
    }
    default:
      return 0;
  }
}

function wideOp64(k: number, a: bigint, b: bigint, d: bigint): bigint {
  switch (k) {
    case 0:
    case 1:
      return a + b;
    case 2:
    case 3:
      return a - b;
    case 5:
      return d + (a > b ? a - b : b - a);
    case 7:
      return a > b ? a - b : b - a;
    case 8:
      return d + a * b;
    case 10:
      return d - a * b;
    case 12:
      return a * b;
    case 9:
      return satS64(d + satS64(2n * a * b));
    case 11:
      return satS64(d - satS64(2n * a * b));
    case 13:
      return satS64(2n * a * b);
    default:
      return 0n;
  }
}

// ---------------------------------------------------------------- two-register misc (integer)

function execMisc(cpu: Arm64Cpu, insn: Insn): void {
  const es = insn.a;
  const bytes = insn.imm2;
  const n = bytes >> es;
  const rn = insn.rn;
  const rd = insn.rd;
  const k = insn.b;
  const bits = 8 << es;
  const all = 2 ** bits - 1;
  switch (k) {
    case 0: // REV64
    case 1: // REV16
    case 32: {
      // REV32: reverse elements within 64/16/32-bit containers.
      const cont = k === 0 ? 8 : k === 1 ? 2 : 4;
      const esz = 1 << es;
      for (let i = 0; i < bytes; i++) {
        const base = i - (i % cont);
        const within = i % cont;
        const elem = Math.floor(within / esz);
        const byteIn = within % esz;
        const srcElem = cont / esz - 1 - elem;
        T8[i] = cpu.vu8[(rn << 4) + base + srcElem * esz + byteIn];
      }
      commit(cpu, rd, bytes);
      return;
    }
    case 2:
    case 6:
    case 34:
    case 38: {
      // SADDLP/SADALP/UADDLP/UADALP: es is the source size.
      const uns = k >= 32;
      const acc = k === 6 || k === 38;
      const m = bytes >> (es + 1);
      for (let i = 0; i < m; i++) {
        if (es === 2) {
          const a = uns ? BigInt(rdU(cpu, rn, 2 * i, 2)) + BigInt(rdU(cpu, rn, 2 * i + 1, 2)) : BigInt(rdS(cpu, rn, 2 * i, 2)) + BigInt(rdS(cpu, rn, 2 * i + 1, 2));
          T64[i] = BigInt.asUintN(64, acc ? rd64(cpu, rd, i) + a : a);
        } else {
          const a = uns ? rdU(cpu, rn, 2 * i, es) + rdU(cpu, rn, 2 * i + 1, es) : rdS(cpu, rn, 2 * i, es) + rdS(cpu, rn, 2 * i + 1, es);
          wrT(i, es + 1, acc ? rdU(cpu, rd, i, es + 1) + a : a);
        }
      }
      commit(cpu, rd, bytes);
      return;
    }
    case 18:
    case 20:
    case 50:
    case 52: {
      // XTN/SQXTN/SQXTUN/UQXTN: es is the destination size; c = upper half.
      loadT(cpu, rd);
      const scalarForm = insn.imm2 < 8;
      const m = scalarForm ? 1 : 8 >> es;
      const off = insn.c ? m : 0;
      for (let i = 0; i < m; i++) {
        if (es === 2) {
          if (k === 18) {
            T32[off + i] = cpu.v32[(rn << 2) + 2 * i];
            continue;
          }
          const w = rd64(cpu, rn, i);
          let r: bigint;
          if (k === 20) r = satS64Narrow(s64(w), 32, true);
          else if (k === 50) r = satS64Narrow(s64(w), 32, false);
          else r = satS64Narrow(w, 32, false);
          T32[off + i] = Number(BigInt.asUintN(32, r)) | 0;
        } else {
          let r: number;
          if (k === 18) r = rdU(cpu, rn, i, es + 1);
          else if (k === 20) r = satS(rdS(cpu, rn, i, es + 1), es);
          else if (k === 50) r = satU(rdS(cpu, rn, i, es + 1), es);
          else r = satU(rdU(cpu, rn, i, es + 1), es);
          wrT(off + i, es, r);
        }
      }
      commit(cpu, rd, scalarForm ? insn.imm2 : insn.c ? 16 : 8);
      done(cpu);
      return;
    }
    case 51: {
      // SHLL: widen and shift by the element size.
      const m = 8 >> es;
      const off = insn.c ? m : 0;
      for (let i = 0; i < m; i++) {
        if (es === 2) T64[i] = BigInt(rdU(cpu, rn, off + i, 2)) << 32n;
        else wrT(i, es + 1, rdU(cpu, rn, off + i, es) * 2 ** bits);
      }
      commit(cpu, rd, 16);
      return;
    }
    case 37: {
      // NOT (size 00) or RBIT (size 01); insn.a holds the raw size.
      for (let i = 0; i < bytes; i++) {
        const x = cpu.vu8[(rn << 4) + i];
        if (insn.a === 0) T8[i] = ~x;
        else {
          let r = 0;
          for (let j = 0; j < 8; j++) r |= ((x >>> j) & 1) << (7 - j);
          T8[i] = r;
        }
      }
      commit(cpu, rd, bytes);
      return;
    }
    default:
      break;
  }
  for (let i = 0; i < n; i++) {
    if (es === 3) {
      const a = rd64(cpu, rn, i);
      const s = s64(a);
      let r: bigint;
      switch (k) {
        case 8:
          r = s > 0n ? -1n : 0n;
          break;
        case 9:
          r = a === 0n ? -1n : 0n;
          break;
        case 10:
          r = s < 0n ? -1n : 0n;
          break;
        case 40:
          r = s >= 0n ? -1n : 0n;
          break;
        case 41:
          r = s <= 0n ? -1n : 0n;
          break;
        case 11:
          r = s < 0n ? -s : s;
          break;
        case 43:
          r = -a;
          break;
        case 7:
          r = satS64(s < 0n ? -s : s);
          break;
        case 39:
          r = satS64(-s);
          break;
        case 3: // SUQADD: signed accumulator plus unsigned source
          r = satS64(s64(rd64(cpu, rd, i)) + a);
          break;
        case 35: // USQADD: unsigned accumulator plus signed source
          r = satU64(rd64(cpu, rd, i) + s);
          break;
        default:
          r = 0n;
      }
      T64[i] = BigInt.asUintN(64, r);
      continue;
    }
    const a = rdU(cpu, rn, i, es);
    const s = rdS(cpu, rn, i, es);
    let r: number;
    switch (k) {
      case 4: {
        // CLS
        const x = s < 0 ? ~s : s;
        r = Math.clz32(x) - (32 - bits) - 1;
        break;
      }
      case 36:
        r = Math.clz32(a) - (32 - bits);
        break;
      case 5: {
        let x = a;
        let c = 0;
        while (x) {
          c += x & 1;
          x >>>= 1;
        }
        r = c;
        break;
      }
      case 8:
        r = s > 0 ? all : 0;
        break;
      case 9:
        r = a === 0 ? all : 0;
        break;
      case 10:
        r = s < 0 ? all : 0;
        break;
      case 40:
        r = s >= 0 ? all : 0;
        break;
      case 41:
        r = s <= 0 ? all : 0;
        break;
      case 11:
        r = Math.abs(s);
        break;
      case 43:
        r = -a;
        break;
      case 7:
        r = satS(Math.abs(s), es);
        break;
      case 39:
        r = satS(-s, es);
        break;
      case 3:
        r = satS(rdS(cpu, rd, i, es) + a, es);
        break;
      case 35:
        r = satU(rdU(cpu, rd, i, es) + s, es);
        break;
      default:
        r = 0;
    }
    wrT(i, es, r);
  }
  commit(cpu, rd, bytes);
  done(cpu);
}

function satS64Narrow(v: bigint, bits: number, signed: boolean): bigint {
  const max = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  const min = signed ? -(1n << BigInt(bits - 1)) : 0n;
  if (v > max) {
    sat.hit = true;
    return max;
  }
  if (v < min) {
    sat.hit = true;
    return min;
  }
  return v;
}

// ---------------------------------------------------------------- FP two-register misc

export const FM_ABS = 1;
export const FM_NEG = 2;
export const FM_SQRT = 3;
export const FM_RINT = 4;
export const FM_TOINT = 5;
export const FM_FROMINT = 6;
export const FM_CMP0 = 7;
export const FM_CVTN = 8;
export const FM_CVTL = 9;
export const FM_CVTXN = 10;
export const FM_RECPE = 11;
export const FM_RSQRTE = 12;
export const FM_URECPE = 13;
export const FM_URSQRTE = 14;
export const FM_RECPX = 15;
/** FRINT32/64 (vector): c = rounding mode (-1 FPCR), imm = integer width. */
export const FM_RINTN = 16;

/**
 * FP misc: a = format, b = FM_*, c = op detail (rounding mode for RINT/TOINT, -1 = FPCR; unsigned for
 * conversions; relation for CMP0: 0 EQ, 1 GE, 2 GT, 3 LE, 4 LT), ra = 1 for FRINTX, imm = fbits.
 */
function execFMisc(cpu: Arm64Cpu, insn: Insn): void {
  const fmt = insn.a;
  const k = insn.b;
  const rn = insn.rn;
  const rd = insn.rd;
  if (k === FM_CVTN || k === FM_CVTXN) {
    // Narrow: fmt is the destination format; source is the double-width format.
    loadT(cpu, rd);
    const src = fmt + 1;
    const m = insn.imm2 === 4 ? 1 : fmt === FMT_S ? 2 : 4;
    const off = insn.c ? m : 0;
    for (let i = 0; i < m; i++) {
      const lo = rdF(cpu, rn, i, src);
      const r = k === FM_CVTXN ? fpConvertOdd(cpu, lo, fpHi) : fcvt(cpu, src, fmt, lo, fpHi);
      wrF(off + i, fmt, r, 0);
    }
    commit(cpu, rd, insn.imm2 === 4 ? 4 : insn.c ? 16 : 8);
    return;
  }
  if (k === FM_CVTL) {
    // Widen: fmt is the destination format.
    const src = fmt - 1;
    const m = fmt === FMT_D ? 2 : 4;
    const off = insn.c ? m : 0;
    for (let i = 0; i < m; i++) {
      const lo = rdF(cpu, rn, off + i, src);
      const r = fcvt(cpu, src, fmt, lo, 0);
      wrF(i, fmt, r, out.hi);
    }
    commit(cpu, rd, 16);
    return;
  }
  const es = fmt === FMT_D ? 3 : fmt === FMT_S ? 2 : 1;
  const bytes = insn.imm2;
  const n = bytes >> es;
  const sb = fmt === FMT_H ? 0x8000 : 0x80000000 | 0;
  const width = 8 << es;
  for (let i = 0; i < n; i++) {
    let lo = rdF(cpu, rn, i, fmt);
    let hi = fpHi;
    let r = 0;
    let rh = 0;
    switch (k) {
      case FM_ABS:
      case FM_NEG:
        if (fmt === FMT_D) hi = k === FM_ABS ? hi & 0x7fffffff : hi ^ sb;
        else lo = k === FM_ABS ? lo & ~sb : lo ^ sb;
        r = lo;
        rh = hi;
        break;
      case FM_SQRT:
        r = fsqrt(cpu, fmt, lo, hi);
        rh = out.hi;
        break;
      case FM_RINT:
        r = fpRoundInt(cpu, fmt, lo, hi, insn.c < 0 ? rmodeOf(cpu) : insn.c, insn.ra === 1);
        rh = out.hi;
        break;
      case FM_RINTN:
        r = fpRoundIntN(cpu, fmt, lo, hi, insn.c < 0 ? rmodeOf(cpu) : insn.c, insn.imm);
        rh = out.hi;
        break;
      case FM_TOINT:
        r = fpToInt(cpu, fmt, lo, hi, insn.imm, insn.c < 0 ? rmodeOf(cpu) : insn.c & 7, (insn.c & 8) !== 0, width);
        rh = out.hi;
        break;
      case FM_FROMINT:
        if (fmt === FMT_H) r = intToFpHalf(cpu, lo, insn.c === 1, insn.imm);
        else r = intToFpFast(cpu, fmt, lo, hi, width, insn.c === 1, insn.imm);
        rh = out.hi;
        break;
      case FM_CMP0: {
        const rel = insn.c;
        const z = 0;
        const res = rel <= 2 ? fpCompareRel(cpu, fmt, lo, hi, z, 0, rel) : fpCompareRel(cpu, fmt, z, 0, lo, hi, rel === 3 ? 1 : 2);
        r = res ? -1 : 0;
        rh = r;
        break;
      }
      case FM_RECPE:
        r = fpRecipEstimate(cpu, fmt, lo, hi);
        rh = out.hi;
        break;
      case FM_RSQRTE:
        r = fpRsqrtEstimate(cpu, fmt, lo, hi);
        rh = out.hi;
        break;
      case FM_RECPX:
        r = fpRecpX(cpu, fmt, lo, hi);
        rh = out.hi;
        break;
      case FM_URECPE:
        r = urecpe(lo);
        break;
      case FM_URSQRTE:
        r = ursqrte(lo);
        break;
      default:
        r = 0;
    }
    wrF(i, fmt, r, rh);
  }
  commit(cpu, rd, bytes);
}

function intToFpHalf(cpu: Arm64Cpu, lo: number, unsigned: boolean, fbits: number): number {
  const v = unsigned ? lo & 0xffff : (lo << 16) >> 16;
  return intToFp(cpu, FMT_H, v, v < 0 ? -1 : 0, 32, false, fbits);
}

// ---------------------------------------------------------------- across lanes

/** b: 0 ADDV, 1 SADDLV, 2 UADDLV, 3 SMAXV, 4 UMAXV, 5 SMINV, 6 UMINV, 7 FMAXNMV, 8 FMINNMV, 9 FMAXV, 10 FMINV. */
function execAcross(cpu: Arm64Cpu, insn: Insn): void {
  const es = insn.a;
  const bytes = insn.sf ? 16 : 8;
  const k = insn.b;
  const rn = insn.rn;
  if (k >= 7) {
    // FP reductions pair up recursively (Reduce() in the pseudocode), not left to right.
    const fmt = es === 2 ? FMT_S : FMT_H;
    const opf = k === 7 ? OPF_MAXNM : k === 8 ? OPF_MINNM : k === 9 ? OPF_MAX : OPF_MIN;
    const n = bytes >> es;
    const vals = reduceBuf;
    for (let i = 0; i < n; i++) vals[i] = rdF(cpu, rn, i, fmt);
    let m = n;
    while (m > 1) {
      for (let i = 0; i < m / 2; i++) vals[i] = fbin(cpu, opf, fmt, vals[2 * i], 0, vals[2 * i + 1], 0);
      m >>= 1;
    }
    T32[0] = vals[0];
    commit(cpu, insn.rd, fmt === FMT_S ? 4 : 2);
    return;
  }
  const n = bytes >> es;
  if (k === 1 || k === 2) {
    let s = 0;
    for (let i = 0; i < n; i++) s += k === 1 ? rdS(cpu, rn, i, es) : rdU(cpu, rn, i, es);
    if (es === 2) {
      const h = Math.floor(s / 4294967296);
      T32[0] = s - h * 4294967296;
      T32[1] = h;
      commit(cpu, insn.rd, 8);
    } else {
      wrT(0, es + 1, s);
      commit(cpu, insn.rd, 2 << es);
    }
    return;
  }
  let r = k === 0 ? 0 : k === 3 || k === 5 ? rdS(cpu, rn, 0, es) : rdU(cpu, rn, 0, es);
  for (let i = k === 0 ? 0 : 1; i < n; i++) {
    switch (k) {
      case 0:
        r += rdU(cpu, rn, i, es);
        break;
      case 3:
        r = Math.max(r, rdS(cpu, rn, i, es));
        break;
      case 5:
        r = Math.min(r, rdS(cpu, rn, i, es));
        break;
      case 4:
        r = Math.max(r, rdU(cpu, rn, i, es));
        break;
      default:
        r = Math.min(r, rdU(cpu, rn, i, es));
        break;
    }
  }
  wrT(0, es, r);
  commit(cpu, insn.rd, 1 << es);
}
const reduceBuf = new Int32Array(16);

// ---------------------------------------------------------------- shifts by immediate

/**
 * b: 0 SSHR, 1 USHR, 2 SSRA, 3 USRA, 4 SRSHR, 5 URSHR, 6 SRSRA, 7 URSRA, 8 SRI, 9 SHL, 10 SLI,
 * 11 SQSHLU, 12 SQSHL, 13 UQSHL, 14 SSHLL, 15 USHLL, 16 SCVTF, 17 UCVTF, 18 FCVTZS, 19 FCVTZU.
 * imm = shift (right amount for right shifts, left amount for left shifts, fbits for conversions).
 */
function execShift(cpu: Arm64Cpu, insn: Insn): void {
  const es = insn.a;
  const k = insn.b;
  const sh = insn.imm;
  const rn = insn.rn;
  const rd = insn.rd;
  if (k === 14 || k === 15) {
    const m = 8 >> es;
    const off = insn.c ? m : 0;
    for (let i = 0; i < m; i++) {
      if (es === 2) {
        // |a| * 2^sh < 2^63 is exact in a double; split it into halves.
        const a = (k === 14 ? rdS(cpu, rn, off + i, 2) : rdU(cpu, rn, off + i, 2)) * 2 ** sh;
        const h = Math.floor(a / 4294967296);
        T32[2 * i] = a - h * 4294967296;
        T32[2 * i + 1] = h;
      } else {
        const a = k === 14 ? rdS(cpu, rn, off + i, es) : rdU(cpu, rn, off + i, es);
        wrT(i, es + 1, a * 2 ** sh);
      }
    }
    commit(cpu, rd, 16);
    return;
  }
  if (k >= 16) {
    const fmt = es === 3 ? FMT_D : es === 2 ? FMT_S : FMT_H;
    const n = insn.imm2 >> es;
    for (let i = 0; i < n; i++) {
      const lo = rdF(cpu, rn, i, fmt);
      const hi = fpHi;
      let r: number;
      if (k <= 17) {
        if (fmt === FMT_H) r = intToFpHalf(cpu, lo, k === 17, sh);
        else r = intToFp(cpu, fmt, lo, hi, fmt === FMT_D ? 64 : 32, k === 17, sh);
      } else r = fpToInt(cpu, fmt, lo, hi, sh, 3, k === 19, 8 << es);
      wrF(i, fmt, r, out.hi);
    }
    if (fmt === FMT_H && insn.imm2 === 2 && k === 18) {
      // QEMU 7.2 writes the scalar half-precision FCVTZS (fixed-point) result sign-extended to 32 bits;
      // QEMU is the reference here, so do the same.
      T32[0] = (T16[0] << 16) >> 16;
      commit(cpu, rd, 4);
      return;
    }
    commit(cpu, rd, insn.imm2);
    return;
  }
  const bytes = insn.imm2;
  const n = bytes >> es;
  const bits = 8 << es;
  if (es === 3 && (k === 0 || k === 1 || k === 9)) {
    // SSHR/USHR/SHL on 64-bit lanes with int32 halves (common in vectorised 64-bit code).
    const v = cpu.v32;
    for (let i = 0; i < n; i++) {
      const b = (rn << 2) + 2 * i;
      const lo = v[b];
      const hi = v[b + 1];
      let rl: number;
      let rh: number;
      if (k === 9) {
        if (sh === 0) {
          rl = lo;
          rh = hi;
        } else if (sh < 32) {
          rl = lo << sh;
          rh = (hi << sh) | (lo >>> (32 - sh));
        } else {
          rl = 0;
          rh = lo << (sh - 32);
        }
      } else {
        const fill = k === 0 ? hi >> 31 : 0;
        if (sh === 64) {
          rl = rh = fill;
        } else if (sh >= 32) {
          rl = k === 0 ? hi >> (sh - 32) : hi >>> (sh - 32);
          rh = fill;
        } else {
          rl = (lo >>> sh) | (sh === 0 ? 0 : hi << (32 - sh));
          rh = k === 0 ? hi >> sh : hi >>> sh;
        }
      }
      T32[2 * i] = rl;
      T32[2 * i + 1] = rh;
    }
    commit(cpu, rd, bytes);
    return;
  }
  for (let i = 0; i < n; i++) {
    if (es === 3) {
      const a = rd64(cpu, rn, i);
      const d = rd64(cpu, rd, i);
      let r: bigint;
      switch (k) {
        case 0:
        case 4:
          r = shiftBy64(s64(a), -sh, k === 4);
          break;
        case 1:
        case 5:
          r = shiftBy64(a, -sh, k === 5);
          break;
        case 2:
        case 6:
          r = d + shiftBy64(s64(a), -sh, k === 6);
          break;
        case 3:
        case 7:
          r = d + shiftBy64(a, -sh, k === 7);
          break;
        case 8: {
          const mask = sh === 64 ? 0n : BigInt.asUintN(64, -1n) >> BigInt(sh);
          r = (d & ~mask) | ((a >> BigInt(sh)) & mask);
          break;
        }
        case 9:
          r = a << BigInt(sh);
          break;
        case 10: {
          const mask = BigInt.asUintN(64, BigInt.asUintN(64, -1n) << BigInt(sh));
          r = (d & ~mask) | ((a << BigInt(sh)) & mask);
          break;
        }
        case 11:
          r = satU64(s64(a) << BigInt(sh));
          break;
        case 12:
          r = satS64(s64(a) << BigInt(sh));
          break;
        default:
          r = satU64(a << BigInt(sh));
          break;
      }
      T64[i] = BigInt.asUintN(64, r);
      continue;
    }
    const a = rdU(cpu, rn, i, es);
    const s = rdS(cpu, rn, i, es);
    const d = rdU(cpu, rd, i, es);
    let r: number;
    switch (k) {
      case 0:
      case 4:
        r = shiftBy(s, -sh, k === 4);
        break;
      case 1:
      case 5:
        r = shiftBy(a, -sh, k === 5);
        break;
      case 2:
      case 6:
        r = d + shiftBy(s, -sh, k === 6);
        break;
      case 3:
      case 7:
        r = d + shiftBy(a, -sh, k === 7);
        break;
      case 8: {
        const mask = sh === bits ? 0 : Math.floor((2 ** bits - 1) / 2 ** sh);
        r = (d - (d % (mask + 1))) + Math.floor(a / 2 ** sh);
        if (sh === bits) r = d;
        break;
      }
      case 9:
        r = a * 2 ** sh;
        break;
      case 10: {
        const low = d % 2 ** sh;
        r = ((a * 2 ** sh) % 2 ** bits) + low;
        break;
      }
      case 11:
        r = satU(s * 2 ** sh, es);
        break;
      case 12:
        r = satS(s * 2 ** sh, es);
        break;
      default:
        r = satU(a * 2 ** sh, es);
        break;
    }
    wrT(i, es, r);
  }
  commit(cpu, rd, bytes);
  done(cpu);
}

/**
 * Narrowing right shifts: b = 0 SHRN, 1 RSHRN, 2 SQSHRUN, 3 SQRSHRUN, 4 SQSHRN, 5 SQRSHRN, 6 UQSHRN, 7 UQRSHRN.
 * a = destination element size; imm = shift; c = upper half (or scalar when imm2 = element bytes).
 */
function execShrn(cpu: Arm64Cpu, insn: Insn): void {
  const es = insn.a;
  const k = insn.b;
  const sh = insn.imm;
  const rn = insn.rn;
  const rd = insn.rd;
  const scalar = insn.imm2 < 8;
  loadT(cpu, rd);
  const m = scalar ? 1 : 8 >> es;
  const off = insn.c ? m : 0;
  const round = (k & 1) === 1;
  for (let i = 0; i < m; i++) {
    if (es === 2) {
      const w = rd64(cpu, rn, i);
      const src = k === 6 || k === 7 || k <= 1 ? w : s64(w);
      const v = shiftBy64(src, -sh, round);
      let r: bigint;
      if (k <= 1) r = v;
      else if (k <= 3) r = satS64Narrow(v, 32, false);
      else if (k <= 5) r = satS64Narrow(v, 32, true);
      else r = satS64Narrow(v, 32, false);
      T32[off + i] = Number(BigInt.asUintN(32, r)) | 0;
    } else {
      const src = k === 6 || k === 7 || k <= 1 ? rdU(cpu, rn, i, es + 1) : rdS(cpu, rn, i, es + 1);
      const v = shiftBy(src, -sh, round);
      let r: number;
      if (k <= 1) r = v;
      else if (k <= 3) r = satU(v, es);
      else if (k <= 5) r = satS(v, es);
      else r = satU(v, es);
      wrT(off + i, es, r);
    }
  }
  commit(cpu, rd, scalar ? insn.imm2 : insn.c ? 16 : 8);
  done(cpu);
}

// ---------------------------------------------------------------- permutes

function execPerm(cpu: Arm64Cpu, insn: Insn): void {
  const es = insn.a;
  const bytes = insn.sf ? 16 : 8;
  const n = bytes >> es;
  const rn = insn.rn;
  const rm = insn.rm;
  const k = insn.b;
  const half = n >> 1;
  for (let i = 0; i < n; i++) {
    let src: number;
    let idx: number;
    switch (k) {
      case 1: // UZP1
      case 5: {
        const j = 2 * i + (k === 5 ? 1 : 0);
        src = j < n ? rn : rm;
        idx = j < n ? j : j - n;
        break;
      }
      case 2: // TRN1
      case 6: {
        const base = i & ~1;
        const p = k === 6 ? 1 : 0;
        src = (i & 1) === 0 ? rn : rm;
        idx = base + p;
        break;
      }
      default: {
        // ZIP1 / ZIP2
        const p = k === 7 ? half : 0;
        src = (i & 1) === 0 ? rn : rm;
        idx = p + (i >> 1);
        break;
      }
    }
    if (es === 3) T64[i] = rd64(cpu, src, idx);
    else wrT(i, es, rdU(cpu, src, idx, es));
  }
  commit(cpu, insn.rd, bytes);
}


/** Exact half -> single widening as QEMU's float16_to_float32_by_bits (FZ16 flushes silently). */
function h2s(h: number, fz16: boolean): number {
  const sign = (h >>> 15) & 1;
  let exp = (h >>> 10) & 0x1f;
  let frac = h & 0x3ff;
  if (exp === 0x1f) exp = 0xff;
  else if (exp === 0) {
    if (frac !== 0) {
      if (fz16) frac = 0;
      else {
        const shift = Math.clz32(frac) - 21;
        frac = (frac << shift) & 0x3ff;
        exp = 127 - 15 - shift + 1;
      }
    }
  } else exp += 127 - 15;
  return (sign << 31) | (exp << 23) | (frac << 13);
}

function execFmlal(cpu: Arm64Cpu, insn: Insn): void {
  const q = insn.sf === 1;
  const n = q ? 4 : 2;
  const base = insn.c ? n : 0;
  const fz16 = (cpu.fpcr & (1 << 19)) !== 0;
  const neg = insn.b === 1 ? 0x8000 : 0;
  const m0 = insn.imm === 1 ? cpu.vu16[(insn.rm << 3) + insn.ra] : 0;
  for (let i = 0; i < n; i++) {
    const nh = cpu.vu16[(insn.rn << 3) + base + i] ^ neg;
    const mh = insn.imm === 1 ? m0 : cpu.vu16[(insn.rm << 3) + base + i];
    const d = cpu.v32[(insn.rd << 2) + i];
    T32[i] = fmuladd(cpu, FMT_S, d, 0, h2s(nh, fz16), 0, h2s(mh, fz16), 0);
  }
  commit(cpu, insn.rd, q ? 16 : 8);
}

/** FCADD / FCMLA on (real, imaginary) lane pairs, with the operand negations QEMU applies (NaN signs too). */
function execComplex(cpu: Arm64Cpu, insn: Insn): void {
  const fmt = insn.a;
  const es = fmt === FMT_D ? 3 : fmt === FMT_S ? 2 : 1;
  const bytes = insn.sf ? 16 : 8;
  const n = bytes >> es;
  const sb = fmt === FMT_H ? 0x8000 : 0x80000000 | 0;
  const rot = insn.c;
  for (let i = 0; i < n; i += 2) {
    if (insn.b === 0) {
      // FCADD: rot 0 is #90, rot 1 is #270.
      const negImag = rot === 0;
      for (let j = 0; j < 2; j++) {
        const alo = rdF(cpu, insn.rn, i + j, fmt);
        const ahi = fpHi;
        let blo = rdF(cpu, insn.rm, i + 1 - j, fmt);
        let bhi = fpHi;
        if ((j === 0) === negImag) {
          if (fmt === FMT_D) bhi ^= sb;
          else blo ^= sb;
        }
        const r = fbin(cpu, 0, fmt, alo, ahi, blo, bhi);
        wrF(i + j, fmt, r, out.hi);
      }
    } else {
      const flip = rot & 1;
      const negImag = (rot >> 1) & 1;
      const negReal = flip ^ negImag;
      const nlo = rdF(cpu, insn.rn, i + flip, fmt);
      const nhi = fpHi;
      // By element (b = 2): the complex pair at index ra of each 128-bit segment of Vm.
      const mb = insn.b === 2 ? (i & ~((16 >> es) - 1)) + 2 * insn.ra : i;
      for (let j = 0; j < 2; j++) {
        let mlo = rdF(cpu, insn.rm, j === 0 ? mb + flip : mb + 1 - flip, fmt);
        let mhi = fpHi;
        if ((j === 0 ? negReal : negImag) === 1) {
          if (fmt === FMT_D) mhi ^= sb;
          else mlo ^= sb;
        }
        const dlo = rdF(cpu, insn.rd, i + j, fmt);
        const r = fmuladd(cpu, fmt, dlo, fpHi, nlo, nhi, mlo, mhi);
        wrF(i + j, fmt, r, out.hi);
      }
    }
  }
  commit(cpu, insn.rd, bytes);
}
