/**
 * Exact IEEE 754 arithmetic for the cases the JS fast paths cannot prove correct: directed rounding,
 * flush-to-zero, subnormal and overflowing results, NaNs, fused multiply-add and half precision.
 * Values are exact rationals sig * 2^exp with a BigInt significand, rounded once by `roundPack`; the
 * semantics follow the Arm pseudocode as QEMU implements it (tininess before rounding, FZ flushes inputs
 * with IDC and outputs with UFC, FPProcessNaNs operand priority). BigInt is fine here: this is the slow path.
 *
 * Encoded operands and results are (lo, hi) int32 halves; half and single precision use lo only.
 * The high half of a result is left in `out.hi`.
 */

export interface FpState {
  fpcr: number;
  fpsr: number;
}

export const FMT_H = 0;
export const FMT_S = 1;
export const FMT_D = 2;

export const IOC = 1;
export const DZC = 2;
export const OFC = 4;
export const UFC = 8;
export const IXC = 16;
export const IDC = 128;

export const FPCR_DN = 1 << 25;
export const FPCR_FZ = 1 << 24;
export const FPCR_FZ16 = 1 << 19;
export const FPCR_AHP = 1 << 26;

/** Rounding modes in FPCR.RMode order, plus ties-away and round-to-odd for the conversions that need them. */
export const RM_TIEEVEN = 0;
export const RM_POSINF = 1;
export const RM_NEGINF = 2;
export const RM_ZERO = 3;
export const RM_TIEAWAY = 4;
export const RM_ODD = 5;

const PREC = [11, 24, 53];
const BIAS = [15, 127, 1023];
const EXPBITS = [5, 8, 11];

export const out = { hi: 0 };

export const CLS_ZERO = 0;
export const CLS_FIN = 1;
export const CLS_INF = 2;
export const CLS_QNAN = 3;
export const CLS_SNAN = 4;

/** An unpacked operand: value = (-1)^sign * sig * 2^exp for finite classes. */
export class Unp {
  cls = 0;
  sign = 0;
  exp = 0;
  sig = 0n;
  lo = 0;
  hi = 0;
}

const ua = new Unp();
const ub = new Unp();
const uc = new Unp();

export function rmodeOf(st: FpState): number {
  return (st.fpcr >>> 22) & 3;
}

/** Whether denormal inputs/outputs of format `fmt` are flushed under the current FPCR. */
export function flushes(st: FpState, fmt: number): boolean {
  return fmt === FMT_H ? (st.fpcr & FPCR_FZ16) !== 0 : (st.fpcr & FPCR_FZ) !== 0;
}

export function unpack(st: FpState, fmt: number, lo: number, hi: number, u: Unp, flush: boolean): void {
  u.lo = lo;
  u.hi = hi;
  let sign: number, e: number, fhi: number, flo: number, quiet: number;
  if (fmt === FMT_D) {
    sign = hi >>> 31;
    e = (hi >>> 20) & 0x7ff;
    fhi = hi & 0xfffff;
    flo = lo >>> 0;
    quiet = (hi >>> 19) & 1;
  } else if (fmt === FMT_S) {
    sign = lo >>> 31;
    e = (lo >>> 23) & 0xff;
    fhi = 0;
    flo = lo & 0x7fffff;
    quiet = (lo >>> 22) & 1;
  } else {
    sign = (lo >>> 15) & 1;
    e = (lo >>> 10) & 0x1f;
    fhi = 0;
    flo = lo & 0x3ff;
    quiet = (lo >>> 9) & 1;
  }
  u.sign = sign;
  const p = PREC[fmt];
  const emaxField = (1 << EXPBITS[fmt]) - 1;
  const fracZero = fhi === 0 && flo === 0;
  if (e === emaxField) {
    u.cls = fracZero ? CLS_INF : quiet ? CLS_QNAN : CLS_SNAN;
    return;
  }
  if (e === 0) {
    if (fracZero) {
      u.cls = CLS_ZERO;
      return;
    }
    if (flush) {
      // QEMU never reports IDC for FZ16 input flushing.
      if (fmt !== FMT_H) st.fpsr |= IDC;
      u.cls = CLS_ZERO;
      return;
    }
    u.cls = CLS_FIN;
    u.sig = (BigInt(fhi) << 32n) | BigInt(flo);
    u.exp = 1 - BIAS[fmt] - (p - 1);
    return;
  }
  u.cls = CLS_FIN;
  u.sig = (BigInt(fhi) << 32n) | BigInt(flo) | (1n << BigInt(p - 1));
  u.exp = e - BIAS[fmt] - (p - 1);
}

// ---------------------------------------------------------------- packing

function packFields(fmt: number, sign: number, biasedExp: number, mant: bigint): number {
  // mant < 2^p; when it carries the implicit bit, biasedExp - 1 is stored plus that bit.
  if (fmt === FMT_D) {
    const m = mant & ((1n << 52n) - 1n);
    const top = mant >> 52n; // 0 or 1: implicit bit folds into the exponent field
    const ef = biasedExp === 0 ? Number(top) : biasedExp;
    out.hi = ((sign << 31) | (ef << 20) | Number(m >> 32n)) | 0;
    return Number(m & 0xffffffffn) | 0;
  }
  out.hi = 0;
  const p = PREC[fmt];
  const mn = Number(mant);
  const m = mn & ((1 << (p - 1)) - 1);
  const top = mn >>> (p - 1);
  const ef = biasedExp === 0 ? top : biasedExp;
  if (fmt === FMT_S) return ((sign << 31) | (ef << 23) | m) | 0;
  return (sign << 15) | (ef << 10) | m;
}

export function packZero(fmt: number, sign: number): number {
  out.hi = fmt === FMT_D ? sign << 31 : 0;
  return fmt === FMT_D ? 0 : fmt === FMT_S ? sign << 31 : sign << 15;
}

export function packInf(fmt: number, sign: number): number {
  if (fmt === FMT_D) {
    out.hi = ((sign << 31) | 0x7ff00000) | 0;
    return 0;
  }
  out.hi = 0;
  return fmt === FMT_S ? ((sign << 31) | 0x7f800000) | 0 : (sign << 15) | 0x7c00;
}

function packMax(fmt: number, sign: number): number {
  if (fmt === FMT_D) {
    out.hi = ((sign << 31) | 0x7fefffff) | 0;
    return -1;
  }
  out.hi = 0;
  return fmt === FMT_S ? ((sign << 31) | 0x7f7fffff) | 0 : (sign << 15) | 0x7bff;
}

export function defaultNaN(fmt: number): number {
  if (fmt === FMT_D) {
    out.hi = 0x7ff80000;
    return 0;
  }
  out.hi = 0;
  return fmt === FMT_S ? 0x7fc00000 : 0x7e00;
}

/** The quieted NaN of an unpacked NaN operand, or the default NaN under FPCR.DN. */
function propagate(st: FpState, fmt: number, u: Unp): number {
  if ((st.fpcr & FPCR_DN) !== 0) return defaultNaN(fmt);
  if (fmt === FMT_D) {
    out.hi = u.hi | 0x80000;
    return u.lo;
  }
  out.hi = 0;
  return fmt === FMT_S ? u.lo | 0x400000 : u.lo | 0x200;
}

/** Re-encode an unpacked finite/zero/inf operand unchanged (used after input flushing). */
function repack(fmt: number, u: Unp): number {
  if (u.cls === CLS_ZERO) return packZero(fmt, u.sign);
  out.hi = u.hi;
  return u.lo;
}

/**
 * Round the exact value (-1)^sign * sig * 2^exp (sig > 0) to format `fmt`, raising the flags.
 * Tininess is detected before rounding, as Arm does.
 */
export function roundPack(st: FpState, fmt: number, sign: number, sig: bigint, exp: number, rmode: number, flush: boolean, ahp = false): number {
  const p = PREC[fmt];
  const emin = 1 - BIAS[fmt];
  const n = bitLength(sig);
  const e = exp + n - 1;
  const tiny = e < emin;
  if (tiny && flush) {
    st.fpsr |= UFC;
    return packZero(fmt, sign);
  }
  const lsbExp = (tiny ? emin : e) - (p - 1);
  const shift = lsbExp - exp;
  let mant: bigint;
  let inexact = false;
  if (shift <= 0) {
    mant = sig << BigInt(-shift);
  } else {
    const bs = BigInt(shift);
    mant = sig >> bs;
    const rem = sig & ((1n << bs) - 1n);
    if (rem !== 0n) {
      inexact = true;
      const half = 1n << (bs - 1n);
      let inc = false;
      switch (rmode) {
        case RM_TIEEVEN:
          inc = rem > half || (rem === half && (mant & 1n) === 1n);
          break;
        case RM_POSINF:
          inc = sign === 0;
          break;
        case RM_NEGINF:
          inc = sign === 1;
          break;
        case RM_TIEAWAY:
          inc = rem >= half;
          break;
        case RM_ODD:
          mant |= 1n;
          break;
        default:
          break;
      }
      if (inc) mant += 1n;
    }
  }
  let biased = tiny ? 0 : e + BIAS[fmt];
  if (mant >> BigInt(p) !== 0n) {
    mant >>= 1n;
    biased = tiny ? 1 : biased + 1;
  }
  if (ahp && fmt === FMT_H) {
    // Arm alternative half precision: exponent 31 is a normal binade; beyond it clamps with Invalid only.
    if (biased >= 32) {
      st.fpsr |= IOC;
      return (sign << 15) | 0x7fff;
    }
    if (inexact) st.fpsr |= tiny ? UFC | IXC : IXC;
    if (mant === 0n) return packZero(fmt, sign);
    return packFields(fmt, sign, biased, mant);
  }
  if (biased >= (1 << EXPBITS[fmt]) - 1) {
    st.fpsr |= OFC | IXC;
    const toInf = rmode === RM_TIEEVEN || rmode === RM_TIEAWAY || (rmode === RM_POSINF && sign === 0) || (rmode === RM_NEGINF && sign === 1);
    return toInf ? packInf(fmt, sign) : packMax(fmt, sign);
  }
  if (inexact) {
    st.fpsr |= tiny ? UFC | IXC : IXC;
  }
  if (mant === 0n) return packZero(fmt, sign);
  return packFields(fmt, sign, biased, mant);
}

export function bitLength(x: bigint): number {
  // Fast enough for the slow path: toString(2) would allocate more.
  let n = 0;
  let v = x;
  while (v >= 0x100000000n) {
    v >>= 32n;
    n += 32;
  }
  return n + (32 - Math.clz32(Number(v)));
}

// ---------------------------------------------------------------- NaN processing

function isNaNCls(c: number): boolean {
  return c >= CLS_QNAN;
}

/** FPProcessNaNs for two operands; returns true (result in return value of `nanResult`) when either is a NaN. */
let nanLo = 0;
function processNaNs2(st: FpState, fmt: number, a: Unp, b: Unp): boolean {
  if (!isNaNCls(a.cls) && !isNaNCls(b.cls)) return false;
  if (a.cls === CLS_SNAN || b.cls === CLS_SNAN) st.fpsr |= IOC;
  const pick = a.cls === CLS_SNAN ? a : b.cls === CLS_SNAN ? b : a.cls === CLS_QNAN ? a : b;
  nanLo = propagate(st, fmt, pick);
  return true;
}

function processNaNs3(st: FpState, fmt: number, add: Unp, n: Unp, m: Unp): boolean {
  if (!isNaNCls(add.cls) && !isNaNCls(n.cls) && !isNaNCls(m.cls)) return false;
  const infzero = (n.cls === CLS_INF && m.cls === CLS_ZERO) || (n.cls === CLS_ZERO && m.cls === CLS_INF);
  if (add.cls === CLS_SNAN || n.cls === CLS_SNAN || m.cls === CLS_SNAN) st.fpsr |= IOC;
  if (infzero && add.cls === CLS_QNAN) {
    st.fpsr |= IOC;
    nanLo = defaultNaN(fmt);
    return true;
  }
  const pick =
    add.cls === CLS_SNAN ? add : n.cls === CLS_SNAN ? n : m.cls === CLS_SNAN ? m : add.cls === CLS_QNAN ? add : n.cls === CLS_QNAN ? n : m;
  nanLo = propagate(st, fmt, pick);
  return true;
}

function invalid(st: FpState, fmt: number): number {
  st.fpsr |= IOC;
  return defaultNaN(fmt);
}

// ---------------------------------------------------------------- arithmetic

export const OPF_ADD = 0;
export const OPF_SUB = 1;
export const OPF_MUL = 2;
export const OPF_DIV = 3;
export const OPF_MAX = 4;
export const OPF_MIN = 5;
export const OPF_MAXNM = 6;
export const OPF_MINNM = 7;
export const OPF_MULX = 8;
export const OPF_ABD = 9;
export const OPF_NMUL = 10;
export const OPF_RECPS = 11;
export const OPF_RSQRTS = 12;

/** Sum of two exact finite-or-zero values, rounded. */
function addExact(st: FpState, fmt: number, sa: number, siga: bigint, ea: number, sb: number, sigb: bigint, eb: number, rmode: number, flush: boolean): number {
  const e = ea < eb ? ea : eb;
  let x = siga << BigInt(ea - e);
  let y = sigb << BigInt(eb - e);
  if (sa) x = -x;
  if (sb) y = -y;
  const s = x + y;
  if (s === 0n) return packZero(fmt, rmode === RM_NEGINF ? 1 : 0);
  return s < 0n ? roundPack(st, fmt, 1, -s, e, rmode, flush) : roundPack(st, fmt, 0, s, e, rmode, flush);
}

export function fpBinary(st: FpState, op: number, fmt: number, alo: number, ahi: number, blo: number, bhi: number): number {
  const flush = flushes(st, fmt);
  const rmode = rmodeOf(st);
  unpack(st, fmt, alo, ahi, ua, flush);
  unpack(st, fmt, blo, bhi, ub, flush);
  const a = ua;
  const b = ub;
  switch (op) {
    case OPF_ADD:
    case OPF_SUB:
    case OPF_ABD: {
      if (processNaNs2(st, fmt, a, b)) return op === OPF_ABD ? absBits(fmt, nanLo) : nanLo;
      const bs = op === OPF_ADD ? b.sign : b.sign ^ 1;
      let r: number;
      if (a.cls === CLS_INF || b.cls === CLS_INF) {
        if (a.cls === CLS_INF && b.cls === CLS_INF && a.sign !== bs) r = invalid(st, fmt);
        else r = packInf(fmt, a.cls === CLS_INF ? a.sign : bs);
      } else if (a.cls === CLS_ZERO && b.cls === CLS_ZERO) {
        r = packZero(fmt, a.sign === bs ? a.sign : rmode === RM_NEGINF ? 1 : 0);
      } else if (b.cls === CLS_ZERO) {
        r = repack(fmt, a);
      } else if (a.cls === CLS_ZERO) {
        r = repack(fmt, b);
        if (bs !== b.sign) r = negBits(fmt, r);
      } else {
        r = addExact(st, fmt, a.sign, a.sig, a.exp, bs, b.sig, b.exp, rmode, flush);
      }
      return op === OPF_ABD ? absBits(fmt, r) : r;
    }
    case OPF_MUL:
    case OPF_NMUL:
    case OPF_MULX: {
      let r: number;
      if (processNaNs2(st, fmt, a, b)) r = nanLo;
      else r = mulCore(st, fmt, a, b, rmode, flush, op === OPF_MULX);
      return op === OPF_NMUL ? negBits(fmt, r) : r;
    }
    case OPF_DIV: {
      if (processNaNs2(st, fmt, a, b)) return nanLo;
      const sign = a.sign ^ b.sign;
      if (a.cls === CLS_INF) return b.cls === CLS_INF ? invalid(st, fmt) : packInf(fmt, sign);
      if (a.cls === CLS_ZERO) return b.cls === CLS_ZERO ? invalid(st, fmt) : packZero(fmt, sign);
      if (b.cls === CLS_INF) return packZero(fmt, sign);
      if (b.cls === CLS_ZERO) {
        st.fpsr |= DZC;
        return packInf(fmt, sign);
      }
      const p = PREC[fmt];
      let k = p + 3 + bitLength(b.sig) - bitLength(a.sig);
      if (k < 0) k = 0;
      const num = a.sig << BigInt(k);
      const q = num / b.sig;
      const sticky = num - q * b.sig !== 0n ? 1n : 0n;
      return roundPack(st, fmt, sign, (q << 1n) | sticky, a.exp - b.exp - k - 1, rmode, flush);
    }
    case OPF_MAX:
    case OPF_MIN:
    case OPF_MAXNM:
    case OPF_MINNM: {
      if (op >= OPF_MAXNM) {
        // A single quiet NaN loses to a number (FPMaxNum/FPMinNum).
        if (a.cls === CLS_QNAN && !isNaNCls(b.cls)) return repack(fmt, b);
        if (b.cls === CLS_QNAN && !isNaNCls(a.cls)) return repack(fmt, a);
      }
      if (processNaNs2(st, fmt, a, b)) return nanLo;
      const isMax = op === OPF_MAX || op === OPF_MAXNM;
      const c = compareUnp(a, b);
      if (c === 0) {
        // Equal values: only zeros of different signs differ; max prefers +0, min prefers -0.
        if (a.cls === CLS_ZERO && a.sign !== b.sign) return packZero(fmt, isMax ? 0 : 1);
        return repack(fmt, a);
      }
      return (c > 0) === isMax ? repack(fmt, a) : repack(fmt, b);
    }
    case OPF_RECPS:
    case OPF_RSQRTS:
      return stepFused(st, fmt, op, a, b, rmode, flush);
    default:
      return invalid(st, fmt);
  }
}

function mulCore(st: FpState, fmt: number, a: Unp, b: Unp, rmode: number, flush: boolean, mulx: boolean): number {
  const sign = a.sign ^ b.sign;
  if ((a.cls === CLS_INF && b.cls === CLS_ZERO) || (a.cls === CLS_ZERO && b.cls === CLS_INF)) {
    if (mulx) return twoBits(fmt, sign);
    return invalid(st, fmt);
  }
  if (a.cls === CLS_INF || b.cls === CLS_INF) return packInf(fmt, sign);
  if (a.cls === CLS_ZERO || b.cls === CLS_ZERO) return packZero(fmt, sign);
  return roundPack(st, fmt, sign, a.sig * b.sig, a.exp + b.exp, rmode, flush);
}

function twoBits(fmt: number, sign: number): number {
  if (fmt === FMT_D) {
    out.hi = ((sign << 31) | 0x40000000) | 0;
    return 0;
  }
  out.hi = 0;
  return fmt === FMT_S ? ((sign << 31) | 0x40000000) | 0 : (sign << 15) | 0x4000;
}

/** FRECPS (2 - a*b) and FRSQRTS ((3 - a*b) / 2), fused, as the Arm pseudocode defines them. */
function stepFused(st: FpState, fmt: number, op: number, a: Unp, b: Unp, rmode: number, flush: boolean): number {
  // The first operand is negated before anything else, so a NaN there comes back with its sign flipped.
  a.sign ^= 1;
  if (fmt === FMT_D) a.hi ^= 0x80000000;
  else a.lo ^= fmt === FMT_S ? 0x80000000 : 0x8000;
  if (processNaNs2(st, fmt, a, b)) return nanLo;
  const infzero = (a.cls === CLS_INF && b.cls === CLS_ZERO) || (a.cls === CLS_ZERO && b.cls === CLS_INF);
  if (infzero) return op === OPF_RECPS ? twoBits(fmt, 0) : oneHalfBits(fmt);
  const sign = a.sign ^ b.sign;
  if (a.cls === CLS_INF || b.cls === CLS_INF) return packInf(fmt, sign);
  const cSig = op === OPF_RECPS ? 2n : 3n;
  if (a.cls === CLS_ZERO || b.cls === CLS_ZERO) return op === OPF_RECPS ? twoBits(fmt, 0) : oneHalfBits(fmt);
  const prod = a.sig * b.sig;
  const pe = a.exp + b.exp;
  const extra = op === OPF_RSQRTS ? 1 : 0;
  return addExact(st, fmt, sign, prod, pe - extra, 0, cSig, -extra, rmode, flush);
}

/** 1.5 encoded. */
function oneHalfBits(fmt: number): number {
  if (fmt === FMT_D) {
    out.hi = 0x3ff80000;
    return 0;
  }
  out.hi = 0;
  return fmt === FMT_S ? 0x3fc00000 : 0x3e00;
}

function compareUnp(a: Unp, b: Unp): number {
  // Both non-NaN. Returns -1, 0, 1.
  const va = a.cls === CLS_ZERO ? 0 : a.cls === CLS_INF ? 2 : 1;
  const vb = b.cls === CLS_ZERO ? 0 : b.cls === CLS_INF ? 2 : 1;
  if (va === 0 && vb === 0) return 0;
  const sa = va === 0 ? 0 : a.sign ? -1 : 1;
  const sb = vb === 0 ? 0 : b.sign ? -1 : 1;
  if (sa !== sb) return sa < sb ? -1 : 1;
  // Same sign, both nonzero.
  let mag: number;
  if (va === 2 || vb === 2) mag = va === vb ? 0 : va === 2 ? 1 : -1;
  else {
    const e = a.exp < b.exp ? a.exp : b.exp;
    const x = a.sig << BigInt(a.exp - e);
    const y = b.sig << BigInt(b.exp - e);
    mag = x === y ? 0 : x > y ? 1 : -1;
  }
  return sa < 0 ? -mag : mag;
}

export function negBits(fmt: number, lo: number): number {
  if (fmt === FMT_D) {
    out.hi ^= 0x80000000;
    out.hi |= 0;
    return lo;
  }
  return fmt === FMT_S ? lo ^ 0x80000000 : lo ^ 0x8000;
}

function absBits(fmt: number, lo: number): number {
  if (fmt === FMT_D) {
    out.hi &= 0x7fffffff;
    return lo;
  }
  return fmt === FMT_S ? lo & 0x7fffffff : lo & 0x7fff;
}

/** Fused a + n*m with one rounding (FMADD family after the operand negations). */
export function fpMulAdd(st: FpState, fmt: number, alo: number, ahi: number, nlo: number, nhi: number, mlo: number, mhi: number): number {
  const flush = flushes(st, fmt);
  const rmode = rmodeOf(st);
  unpack(st, fmt, alo, ahi, uc, flush);
  unpack(st, fmt, nlo, nhi, ua, flush);
  unpack(st, fmt, mlo, mhi, ub, flush);
  const c = uc;
  const n = ua;
  const m = ub;
  if (processNaNs3(st, fmt, c, n, m)) return nanLo;
  if ((n.cls === CLS_INF && m.cls === CLS_ZERO) || (n.cls === CLS_ZERO && m.cls === CLS_INF)) return invalid(st, fmt);
  const ps = n.sign ^ m.sign;
  if (n.cls === CLS_INF || m.cls === CLS_INF) {
    if (c.cls === CLS_INF && c.sign !== ps) return invalid(st, fmt);
    return packInf(fmt, ps);
  }
  if (c.cls === CLS_INF) return packInf(fmt, c.sign);
  const pzero = n.cls === CLS_ZERO || m.cls === CLS_ZERO;
  if (pzero) {
    if (c.cls === CLS_ZERO) return packZero(fmt, c.sign === ps ? ps : rmode === RM_NEGINF ? 1 : 0);
    return repack(fmt, c);
  }
  if (c.cls === CLS_ZERO) return roundPack(st, fmt, ps, n.sig * m.sig, n.exp + m.exp, rmode, flush);
  return addExact(st, fmt, ps, n.sig * m.sig, n.exp + m.exp, c.sign, c.sig, c.exp, rmode, flush);
}

export function fpSqrt(st: FpState, fmt: number, lo: number, hi: number): number {
  const flush = flushes(st, fmt);
  unpack(st, fmt, lo, hi, ua, flush);
  const a = ua;
  if (a.cls === CLS_SNAN) {
    st.fpsr |= IOC;
    return propagate(st, fmt, a);
  }
  if (a.cls === CLS_QNAN) return propagate(st, fmt, a);
  if (a.cls === CLS_ZERO) return packZero(fmt, a.sign);
  if (a.sign) return invalid(st, fmt);
  if (a.cls === CLS_INF) return packInf(fmt, 0);
  const p = PREC[fmt];
  let shift = 2 * (p + 3) - bitLength(a.sig);
  if (shift < 0) shift = 0;
  if (((a.exp - shift) & 1) !== 0) shift++;
  const s = a.sig << BigInt(shift);
  const r = isqrt(s);
  const sticky = s - r * r !== 0n ? 1n : 0n;
  return roundPack(st, fmt, 0, (r << 1n) | sticky, (a.exp - shift) / 2 - 1, rmodeOf(st), flush);
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  // Newton steps from a float estimate; converge to floor(sqrt(n)).
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) break;
    x = y;
  }
  while (x * x > n) x -= 1n;
  while ((x + 1n) * (x + 1n) <= n) x += 1n;
  return x;
}

// ---------------------------------------------------------------- compare

/** FPCompare: returns NZCV as a 4-bit value. `signalAll` makes quiet NaNs raise Invalid (FCMPE). */
export function fpCompare(st: FpState, fmt: number, alo: number, ahi: number, blo: number, bhi: number, signalAll: boolean): number {
  const flush = flushes(st, fmt);
  unpack(st, fmt, alo, ahi, ua, flush);
  unpack(st, fmt, blo, bhi, ub, flush);
  if (isNaNCls(ua.cls) || isNaNCls(ub.cls)) {
    if (signalAll || ua.cls === CLS_SNAN || ub.cls === CLS_SNAN) st.fpsr |= IOC;
    return 0b0011;
  }
  const c = compareUnp(ua, ub);
  return c === 0 ? 0b0110 : c < 0 ? 0b1000 : 0b0010;
}

/** Comparison for the AdvSIMD FCMxx family: 1 when the relation holds. rel: 0 EQ, 1 GE, 2 GT. */
export function fpCompareRel(st: FpState, fmt: number, alo: number, ahi: number, blo: number, bhi: number, rel: number): boolean {
  const flush = flushes(st, fmt);
  unpack(st, fmt, alo, ahi, ua, flush);
  unpack(st, fmt, blo, bhi, ub, flush);
  if (isNaNCls(ua.cls) || isNaNCls(ub.cls)) {
    if (rel !== 0 || ua.cls === CLS_SNAN || ub.cls === CLS_SNAN) st.fpsr |= IOC;
    return false;
  }
  const c = compareUnp(ua, ub);
  return rel === 0 ? c === 0 : rel === 1 ? c >= 0 : c > 0;
}

// ---------------------------------------------------------------- conversions

/** Convert between formats (FCVT). Half-precision inputs are never flushed and half outputs never flushed (QEMU). */
export function fpConvert(st: FpState, from: number, to: number, lo: number, hi: number): number {
  const ahp = (st.fpcr & FPCR_AHP) !== 0;
  unpack(st, from, lo, hi, ua, from !== FMT_H && flushes(st, from));
  const a = ua;
  if (ahp && from === FMT_H && (lo & 0x7c00) === 0x7c00) {
    // No Inf/NaN in the alternative format: exponent 31 is (1 + f/1024) * 2^16.
    return roundPack(st, to, a.sign, BigInt((lo & 0x3ff) | 0x400), 16 - 10, rmodeOf(st), false);
  }
  if (ahp && to === FMT_H) {
    if (isNaNCls(a.cls)) {
      st.fpsr |= IOC;
      return packZero(FMT_H, a.sign);
    }
    if (a.cls === CLS_INF) {
      st.fpsr |= IOC;
      return (a.sign << 15) | 0x7fff;
    }
    if (a.cls === CLS_ZERO) return packZero(FMT_H, a.sign);
    return roundPack(st, FMT_H, a.sign, a.sig, a.exp, rmodeOf(st), false, true);
  }
  if (isNaNCls(a.cls)) {
    if (a.cls === CLS_SNAN) st.fpsr |= IOC;
    if ((st.fpcr & FPCR_DN) !== 0) return defaultNaN(to);
    // Keep the sign and the top fraction bits, set the quiet bit.
    const fracBits = PREC[from] - 1;
    let frac: bigint;
    if (from === FMT_D) frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo >>> 0);
    else frac = BigInt(lo & ((1 << fracBits) - 1));
    const toBits = PREC[to] - 1;
    frac = toBits >= fracBits ? frac << BigInt(toBits - fracBits) : frac >> BigInt(fracBits - toBits);
    frac |= 1n << BigInt(toBits - 1);
    const biased = (1 << EXPBITS[to]) - 1;
    return packFields(to, a.sign, biased, frac);
  }
  if (a.cls === CLS_INF) return packInf(to, a.sign);
  if (a.cls === CLS_ZERO) return packZero(to, a.sign);
  return roundPack(st, to, a.sign, a.sig, a.exp, rmodeOf(st), to !== FMT_H && flushes(st, to));
}

/** Round-to-odd double→single (FCVTXN). */
export function fpConvertOdd(st: FpState, lo: number, hi: number): number {
  unpack(st, FMT_D, lo, hi, ua, flushes(st, FMT_D));
  const a = ua;
  if (isNaNCls(a.cls)) {
    const saved = st.fpcr;
    const r = fpConvert(st, FMT_D, FMT_S, lo, hi);
    st.fpcr = saved;
    return r;
  }
  if (a.cls === CLS_INF) return packInf(FMT_S, a.sign);
  if (a.cls === CLS_ZERO) return packZero(FMT_S, a.sign);
  return roundPack(st, FMT_S, a.sign, a.sig, a.exp, RM_ODD, flushes(st, FMT_S));
}

const cvtBuf = new ArrayBuffer(8);
const cvtF64 = new Float64Array(cvtBuf);
const cvtF32 = new Float32Array(cvtBuf);
const cvtI32 = new Int32Array(cvtBuf);

/** Decoded value as a JS double (exact for every format); NaNs come back as NaN. Applies input flushing. */
export function toDouble(st: FpState, fmt: number, lo: number, hi: number, flush: boolean): number {
  if (fmt === FMT_D) {
    if (flush && (hi & 0x7ff00000) === 0 && ((hi & 0xfffff) | lo) !== 0) {
      st.fpsr |= IDC;
      return hi < 0 ? -0 : 0;
    }
    cvtI32[0] = lo;
    cvtI32[1] = hi;
    return cvtF64[0];
  }
  if (fmt === FMT_S) {
    if (flush && (lo & 0x7f800000) === 0 && (lo & 0x7fffff) !== 0) {
      st.fpsr |= IDC;
      return lo < 0 ? -0 : 0;
    }
    cvtI32[0] = lo;
    return cvtF32[0];
  }
  const e = (lo >>> 10) & 0x1f;
  const f = lo & 0x3ff;
  const s = (lo & 0x8000) !== 0 ? -1 : 1;
  if (e === 0x1f) return f === 0 ? s * Infinity : NaN;
  if (e === 0) {
    if (f !== 0 && flush) {
      return s * 0;
    }
    return s * f * 2 ** -24;
  }
  return s * (f + 1024) * 2 ** (e - 25);
}

export function isSNaNBits(fmt: number, lo: number, hi: number): boolean {
  if (fmt === FMT_D) return (hi & 0x7ff80000) === 0x7ff00000 && ((hi & 0x7ffff) | lo) !== 0;
  if (fmt === FMT_S) return (lo & 0x7fc00000) === 0x7f800000 && (lo & 0x3fffff) !== 0;
  return (lo & 0x7e00) === 0x7c00 && (lo & 0x1ff) !== 0;
}

/** Round a double to an integral double in `rmode` (exact; sign of zero kept). */
export function roundIntegral(x: number, rmode: number): number {
  switch (rmode) {
    case RM_POSINF:
      return Math.ceil(x);
    case RM_NEGINF:
      return Math.floor(x);
    case RM_ZERO:
      return Math.trunc(x);
    default: {
      const ax = Math.abs(x);
      if (!(ax < 4503599627370496)) return x;
      const f = Math.floor(ax);
      const d = ax - f;
      let r: number;
      if (rmode === RM_TIEAWAY) r = d >= 0.5 ? f + 1 : f;
      else r = d > 0.5 ? f + 1 : d < 0.5 ? f : f % 2 === 0 ? f : f + 1;
      return x < 0 || Object.is(x, -0) ? -r : r;
    }
  }
}

/**
 * FP → integer (FCVT*S/U, fixed point with `fbits`). `bits` is 32 or 64. Returns lo, high half in out.hi.
 * NaN gives 0 and Invalid; out-of-range saturates with Invalid only (no Inexact), as QEMU does.
 */
export function fpToInt(st: FpState, fmt: number, lo: number, hi: number, fbits: number, rmode: number, unsigned: boolean, bits: number): number {
  const x0 = toDouble(st, fmt, lo, hi, flushes(st, fmt));
  out.hi = 0;
  if (x0 !== x0) {
    st.fpsr |= IOC;
    return 0;
  }
  const x = fbits === 0 ? x0 : x0 * 2 ** fbits;
  const r = roundIntegral(x, rmode);
  const inexact = r !== x;
  if (unsigned) {
    if (r < 0) {
      st.fpsr |= IOC;
      return 0;
    }
    if (r >= 2 ** bits) {
      st.fpsr |= IOC;
      out.hi = bits === 64 ? -1 : 0;
      return bits === 16 ? 0xffff : -1;
    }
  } else {
    const lim = 2 ** (bits - 1);
    if (r >= lim) {
      st.fpsr |= IOC;
      out.hi = bits === 64 ? 0x7fffffff : 0;
      return bits === 64 ? -1 : lim - 1;
    }
    if (r < -lim) {
      st.fpsr |= IOC;
      out.hi = bits === 64 ? 0x80000000 | 0 : 0;
      return bits === 64 ? 0 : -lim;
    }
  }
  if (inexact) st.fpsr |= IXC;
  const h = Math.floor(r / 4294967296);
  out.hi = bits === 64 ? h | 0 : 0;
  return (r - h * 4294967296) | 0;
}

/** FRINT*: round to an integral value in the same format. `exact` raises Inexact (FRINTX). */
export function fpRoundInt(st: FpState, fmt: number, lo: number, hi: number, rmode: number, exact: boolean): number {
  unpack(st, fmt, lo, hi, ua, flushes(st, fmt));
  const a = ua;
  if (a.cls === CLS_SNAN) {
    st.fpsr |= IOC;
    return propagate(st, fmt, a);
  }
  if (a.cls === CLS_QNAN) return propagate(st, fmt, a);
  if (a.cls === CLS_ZERO) return packZero(fmt, a.sign);
  if (a.cls === CLS_INF) return packInf(fmt, a.sign);
  const x = toDouble(st, fmt, lo, hi, false);
  const r = roundIntegral(x, rmode);
  if (exact && r !== x) st.fpsr |= IXC;
  return fromDoubleExact(fmt, r);
}

/**
 * FRINT32Z/X, FRINT64Z/X: round to an integral value that fits an n-bit signed integer; out of range,
 * NaN and infinity give the most negative n-bit integer with Invalid (and no Inexact), as QEMU does.
 */
export function fpRoundIntN(st: FpState, fmt: number, lo: number, hi: number, rmode: number, n: number): number {
  unpack(st, fmt, lo, hi, ua, flushes(st, fmt));
  const a = ua;
  const min = -(2 ** (n - 1));
  if (a.cls === CLS_ZERO) return packZero(fmt, a.sign);
  if (a.cls === CLS_FIN) {
    const x = toDouble(st, fmt, lo, hi, false);
    const r = roundIntegral(x, rmode);
    if (r >= min && r < -min) {
      if (r !== x) st.fpsr |= IXC;
      return fromDoubleExact(fmt, r);
    }
  }
  st.fpsr |= IOC;
  return fromDoubleExact(fmt, min);
}

/** Encode a double known to be exactly representable in `fmt`. */
export function fromDoubleExact(fmt: number, x: number): number {
  if (fmt === FMT_D) {
    cvtF64[0] = x;
    out.hi = cvtI32[1];
    return cvtI32[0];
  }
  out.hi = 0;
  if (fmt === FMT_S) {
    cvtF32[0] = x;
    return cvtI32[0];
  }
  if (x === 0) return Object.is(x, -0) ? 0x8000 : 0;
  const sign = x < 0 ? 1 : 0;
  const ax = Math.abs(x);
  if (ax === Infinity) return (sign << 15) | 0x7c00;
  let e = Math.floor(Math.log2(ax));
  if (2 ** e > ax) e--;
  if (2 ** (e + 1) <= ax) e++;
  if (e < -14) return (sign << 15) | Math.round(ax * 2 ** 24);
  return (sign << 15) | ((e + 15) << 10) | (Math.round(ax * 2 ** (10 - e)) - 1024);
}

/**
 * Integer (lo, hi) → FP, dividing by 2^fbits, correctly rounded in the FPCR mode (SCVTF/UCVTF).
 * `bits` is the source width (32 or 64).
 */
export function intToFp(st: FpState, fmt: number, lo: number, hi: number, bits: number, unsigned: boolean, fbits: number): number {
  let neg = 0;
  let mag: bigint;
  if (bits === 32) {
    const v = unsigned ? lo >>> 0 : lo | 0;
    if (v < 0) neg = 1;
    mag = BigInt(Math.abs(v));
  } else {
    let v = (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
    if (!unsigned && hi < 0) {
      v = (1n << 64n) - v;
      neg = 1;
    }
    mag = v;
  }
  if (mag === 0n) return packZero(fmt, 0);
  return roundPack(st, fmt, neg, mag, -fbits, rmodeOf(st), flushes(st, fmt));
}

