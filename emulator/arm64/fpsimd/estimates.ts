/** FRECPE, FRSQRTE, URECPE, URSQRTE: the 8-bit table-free estimates of the Arm pseudocode (no FEAT_RPRES). */
import {
  CLS_INF,
  CLS_QNAN,
  CLS_SNAN,
  CLS_ZERO,
  DZC,
  FMT_D,
  FMT_H,
  FMT_S,
  FpState,
  IOC,
  IXC,
  OFC,
  UFC,
  Unp,
  defaultNaN,
  flushes,
  out,
  packInf,
  packZero,
  rmodeOf,
  unpack,
} from './softfloat';

const u = new Unp();
const EB = [5, 8, 11];
const FB = [10, 23, 52];
const BIAS = [15, 127, 1023];

function recipEstimate(a: number): number {
  const aa = a * 2 + 1;
  const b = Math.floor(2 ** 19 / aa);
  return (b + 1) >> 1;
}

function recipSqrtEstimate(a0: number): number {
  let a = a0;
  if (a < 256) a = a * 2 + 1;
  else {
    a = (a >> 1) << 1;
    a = (a + 1) * 2;
  }
  let b = 512;
  while (a * (b + 1) * (b + 1) < 2 ** 28) b++;
  return (b + 1) >> 1;
}

/** Raw fields of the operand: exponent and the fraction left-aligned in 52 bits. */
function fields(fmt: number, lo: number, hi: number): [number, bigint] {
  if (fmt === FMT_D) return [(hi >>> 20) & 0x7ff, (BigInt(hi & 0xfffff) << 32n) | BigInt(lo >>> 0)];
  if (fmt === FMT_S) return [(lo >>> 23) & 0xff, BigInt(lo & 0x7fffff) << 29n];
  return [(lo >>> 10) & 0x1f, BigInt(lo & 0x3ff) << 42n];
}

function pack(fmt: number, sign: number, exp: number, frac52: bigint): number {
  const F = FB[fmt];
  const frac = Number(frac52 >> BigInt(52 - F));
  if (fmt === FMT_D) {
    out.hi = ((sign << 31) | ((exp & 0x7ff) << 20) | Math.floor(frac / 4294967296)) | 0;
    return (frac % 4294967296) | 0;
  }
  out.hi = 0;
  return fmt === FMT_S ? ((sign << 31) | ((exp & 0xff) << 23) | frac) | 0 : (sign << 15) | ((exp & 0x1f) << 10) | frac;
}

function nanResult(st: FpState, fmt: number, lo: number, hi: number, cls: number): number {
  if (cls === CLS_SNAN) st.fpsr |= IOC;
  if ((st.fpcr & (1 << 25)) !== 0) return defaultNaN(fmt);
  if (fmt === FMT_D) {
    out.hi = hi | 0x80000;
    return lo;
  }
  out.hi = 0;
  return fmt === FMT_S ? lo | 0x400000 : lo | 0x200;
}

export function fpRecipEstimate(st: FpState, fmt: number, lo: number, hi: number): number {
  unpack(st, fmt, lo, hi, u, flushes(st, fmt));
  const sign = u.sign;
  if (u.cls === CLS_QNAN || u.cls === CLS_SNAN) return nanResult(st, fmt, lo, hi, u.cls);
  if (u.cls === CLS_INF) return packZero(fmt, sign);
  if (u.cls === CLS_ZERO) {
    st.fpsr |= DZC;
    return packInf(fmt, sign);
  }
  const [exp0, frac0] = fields(fmt, lo, hi);
  const tinyLimit = fmt === FMT_H ? -16 : fmt === FMT_S ? -128 : -1024;
  // |value| < 2^tinyLimit: value = frac * 2^(exp...) — compare through the exponent and fraction.
  const bias = BIAS[fmt];
  const unbiased = exp0 === 0 ? 1 - bias + log2Frac(frac0) : exp0 - bias;
  if (unbiased < tinyLimit) {
    const rm = rmodeOf(st);
    const toInf = rm === 0 || (rm === 1 && sign === 0) || (rm === 2 && sign === 1);
    st.fpsr |= OFC | IXC;
    if (toInf) return packInf(fmt, sign);
    const maxExp = (1 << EB[fmt]) - 2;
    return pack(fmt, sign, maxExp, (1n << 52n) - 1n);
  }
  const bigLimit = fmt === FMT_H ? 14 : fmt === FMT_S ? 126 : 1022;
  if (flushes(st, fmt) && unbiased >= bigLimit) {
    st.fpsr |= UFC;
    return packZero(fmt, sign);
  }
  let exp = exp0;
  let fraction = frac0;
  if (exp === 0) {
    if (((fraction >> 51n) & 1n) === 0n) {
      exp = -1;
      fraction = (fraction << 2n) & ((1n << 52n) - 1n);
    } else fraction = (fraction << 1n) & ((1n << 52n) - 1n);
  }
  const scaled = 256 + Number((fraction >> 44n) & 0xffn);
  let resultExp = 2 * bias - 1 - exp;
  const estimate = recipEstimate(scaled);
  let f = BigInt(estimate & 0xff) << 44n;
  if (resultExp === 0) f = (1n << 51n) | (f >> 1n);
  else if (resultExp === -1) {
    f = (1n << 50n) | (f >> 2n);
    resultExp = 0;
  }
  return pack(fmt, sign, resultExp, f);
}

function log2Frac(frac52: bigint): number {
  // Position of the top set bit of a subnormal fraction relative to the binary point.
  let n = 0;
  let f = frac52;
  while (f > 0n) {
    f >>= 1n;
    n++;
  }
  return n - 53;
}

export function fpRsqrtEstimate(st: FpState, fmt: number, lo: number, hi: number): number {
  unpack(st, fmt, lo, hi, u, flushes(st, fmt));
  const sign = u.sign;
  if (u.cls === CLS_QNAN || u.cls === CLS_SNAN) return nanResult(st, fmt, lo, hi, u.cls);
  if (u.cls === CLS_ZERO) {
    st.fpsr |= DZC;
    return packInf(fmt, sign);
  }
  if (sign === 1) {
    st.fpsr |= IOC;
    return defaultNaN(fmt);
  }
  if (u.cls === CLS_INF) return packZero(fmt, 0);
  let [exp, fraction] = fields(fmt, lo, hi);
  if (exp === 0) {
    while (((fraction >> 51n) & 1n) === 0n) {
      fraction = (fraction << 1n) & ((1n << 52n) - 1n);
      exp--;
    }
    fraction = (fraction << 1n) & ((1n << 52n) - 1n);
  }
  const scaled = (exp & 1) === 0 ? 256 + Number((fraction >> 44n) & 0xffn) : 128 + Number((fraction >> 45n) & 0x7fn);
  const bias = BIAS[fmt];
  const resultExp = Math.floor((3 * bias - 1 - exp) / 2);
  const estimate = recipSqrtEstimate(scaled);
  return pack(fmt, 0, resultExp, BigInt(estimate & 0xff) << 44n);
}

/** FRECPX: the exponent complemented, fraction cleared (zero/denormal exponent gives max_exp - 1). */
export function fpRecpX(st: FpState, fmt: number, lo: number, hi: number): number {
  unpack(st, fmt, lo, hi, u, flushes(st, fmt));
  if (u.cls === CLS_QNAN || u.cls === CLS_SNAN) return nanResult(st, fmt, lo, hi, u.cls);
  const [exp] = fields(fmt, lo, hi);
  const maxE = (1 << EB[fmt]) - 1;
  const e = exp === 0 || u.cls === CLS_ZERO ? maxE - 1 : ~exp & maxE;
  return pack(fmt, u.sign, e, 0n);
}

export function urecpe(lo: number): number {
  if (lo >= 0) return -1;
  const est = recipEstimate((lo >>> 23) & 0x1ff);
  return (est & 0x1ff) << 23;
}

export function ursqrte(lo: number): number {
  if ((lo >>> 30) === 0) return -1;
  const est = recipSqrtEstimate((lo >>> 23) & 0x1ff);
  return (est & 0x1ff) << 23;
}

