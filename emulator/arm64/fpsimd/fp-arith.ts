/**
 * FP arithmetic entry points with JS-double fast paths. A fast path is taken only when FPCR selects
 * round-to-nearest-even without flushing and the operands/result are finite and far enough from the
 * subnormal and overflow ranges for an error-free transformation (TwoSum, Dekker's product) to decide
 * exactness; everything else goes to the exact BigInt core in softfloat.ts.
 */
import type { FpState } from './softfloat';
import * as __softfloat from './softfloat';
// Imported names are rebound to locals: a per-file ESM->CJS transform (tsx, mocha) would otherwise turn
// every use into a getter call, which costs more than the instruction itself on these paths.
const { FMT_D, FMT_S, IXC, OPF_ADD, OPF_DIV, OPF_MUL, OPF_SUB, fpBinary, fpConvert, fpMulAdd, fpSqrt, out } = __softfloat;

/** FPCR.FZ and FPCR.RMode: any of them set disables the fast paths. */
const SLOW_MODES = 0x01c00000;

const buf = new ArrayBuffer(8);
const f64 = new Float64Array(buf);
const f32 = new Float32Array(buf);
const i32 = new Int32Array(buf);

const LO = 2 ** -960;
const HI = 2 ** 960;
const F32_MIN_NORMAL = 2 ** -126;
const SPLIT = 134217729; // 2^27 + 1

function asD(lo: number, hi: number): number {
  i32[0] = lo;
  i32[1] = hi;
  return f64[0];
}

function asS(lo: number): number {
  i32[0] = lo;
  return f32[0];
}

function retD(x: number): number {
  f64[0] = x;
  out.hi = i32[1];
  return i32[0];
}

function retS(x: number): number {
  f32[0] = x;
  out.hi = 0;
  return i32[0];
}

/** Whether a*b is exactly p (Dekker's TwoProduct; needs |a|,|b|,|p| within [2^-960, 2^960]). */
function productIsExact(a: number, b: number, p: number): boolean {
  let c = SPLIT * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLIT * b;
  const bh = c - (c - b);
  const bl = b - bh;
  return al * bl - (((p - ah * bh) - al * bh) - ah * bl) === 0;
}

function inRange(x: number): boolean {
  const ax = Math.abs(x);
  return ax >= LO && ax <= HI;
}

/** Binary arithmetic op (OPF_*) on encoded operands. */
export function fbin(st: FpState, op: number, fmt: number, alo: number, ahi: number, blo: number, bhi: number): number {
  if ((st.fpcr & SLOW_MODES) === 0 && op <= OPF_DIV) {
    if (fmt === FMT_D) {
      const a = asD(alo, ahi);
      const b = asD(blo, bhi);
      switch (op) {
        case OPF_ADD:
        case OPF_SUB: {
          const bb = op === OPF_ADD ? b : -b;
          const r = a + bb;
          if (r - r === 0) {
            const z = r - a;
            if (a - (r - z) + (bb - z) !== 0) st.fpsr |= IXC;
            return retD(r);
          }
          break;
        }
        case OPF_MUL: {
          const r = a * b;
          if (inRange(a) && inRange(b) && inRange(r)) {
            if (!productIsExact(a, b, r)) st.fpsr |= IXC;
            return retD(r);
          }
          break;
        }
        case OPF_DIV: {
          const q = a / b;
          if (inRange(a) && inRange(b) && inRange(q)) {
            if (!productIsExact(q, b, a)) st.fpsr |= IXC;
            return retD(q);
          }
          break;
        }
      }
    } else if (fmt === FMT_S) {
      const a = asS(alo);
      const b = asS(blo);
      switch (op) {
        case OPF_ADD:
        case OPF_SUB: {
          const bb = op === OPF_ADD ? b : -b;
          const r = a + bb;
          const f = Math.fround(r);
          if (f - f === 0) {
            const z = r - a;
            if (f !== r || a - (r - z) + (bb - z) !== 0) st.fpsr |= IXC;
            return retS(f);
          }
          break;
        }
        case OPF_MUL: {
          const r = a * b; // exact: 24 + 24 bits
          const f = Math.fround(r);
          if (f - f === 0 && (Math.abs(r) >= F32_MIN_NORMAL || r === 0)) {
            if (f !== r) st.fpsr |= IXC;
            return retS(f);
          }
          break;
        }
        case OPF_DIV: {
          if (b - b === 0 && b !== 0 && a - a === 0) {
            const f = Math.fround(a / b);
            if (f - f === 0 && (Math.abs(f) > F32_MIN_NORMAL || a === 0)) {
              if (f * b !== a) st.fpsr |= IXC;
              return retS(f);
            }
          }
          break;
        }
      }
    }
  }
  return fpBinary(st, op, fmt, alo, ahi, blo, bhi);
}

export function fsqrt(st: FpState, fmt: number, lo: number, hi: number): number {
  if ((st.fpcr & SLOW_MODES) === 0) {
    if (fmt === FMT_D) {
      const a = asD(lo, hi);
      if (inRange(a) && a > 0) {
        const s = Math.sqrt(a);
        if (!productIsExact(s, s, a)) st.fpsr |= IXC;
        return retD(s);
      }
    } else if (fmt === FMT_S) {
      const a = asS(lo);
      if (a > 0 && a - a === 0) {
        const s = Math.fround(Math.sqrt(a));
        if (s * s !== a) st.fpsr |= IXC;
        return retS(s);
      }
    }
  }
  return fpSqrt(st, fmt, lo, hi);
}

/**
 * addend + n*m with a single rounding. Single precision: the product is exact in a double, the sum's
 * rounding error comes from TwoSum, and a sum that lands exactly on a single-precision midpoint is nudged
 * toward the error so the final rounding to single is correct (no double rounding).
 */
export function fmuladd(st: FpState, fmt: number, alo: number, ahi: number, nlo: number, nhi: number, mlo: number, mhi: number): number {
  if ((st.fpcr & SLOW_MODES) === 0 && fmt === FMT_S) {
    const c = asS(alo);
    const n = asS(nlo);
    const m = asS(mlo);
    const p = n * m;
    const s = p + c;
    if (s - s === 0 && Math.abs(s) > F32_MIN_NORMAL) {
      const z = s - p;
      const e = p - (s - z) + (c - z);
      let f = Math.fround(s);
      if (e !== 0 && f !== s) {
        const d = s - f;
        const other = s + d;
        if (Math.fround(other) === other && other !== f) {
          // s is the midpoint between f and other: the true value lies on e's side of it.
          f = (e > 0) === (other > f) ? other : f;
        }
      }
      if (f - f === 0 && Math.abs(f) >= F32_MIN_NORMAL) {
        if (e !== 0 || f !== s) st.fpsr |= IXC;
        return retS(f);
      }
    }
  }
  if ((st.fpcr & SLOW_MODES) === 0 && fmt === FMT_D) {
    const r = fmaDouble(st, asD(alo, ahi), asD(nlo, nhi), asD(mlo, mhi));
    if (r === r) return retD(r);
  }
  return fpMulAdd(st, fmt, alo, ahi, nlo, nhi, mlo, mhi);
}

/**
 * c + a*b in double with one rounding, or NaN when this quick method cannot decide. The product is split
 * exactly (p + e, Dekker), the sum p + c exactly (s + t, TwoSum); when t + e is itself exact the exact
 * result is s + w for doubles s, w, and one JS addition rounds it correctly.
 */
function fmaDouble(st: FpState, c: number, a: number, b: number): number {
  const p = a * b;
  if (!(inRange(a) && inRange(b) && inRange(p)) || !(c - c === 0)) return NaN;
  let x = SPLIT * a;
  const ah = x - (x - a);
  const al = a - ah;
  x = SPLIT * b;
  const bh = x - (x - b);
  const bl = b - bh;
  const e = al * bl - (((p - ah * bh) - al * bh) - ah * bl);
  const s = p + c;
  let z = s - p;
  const t = p - (s - z) + (c - z);
  const w = t + e;
  z = w - t;
  if (t - (w - z) + (e - z) !== 0) return NaN;
  const r = s + w;
  if (!inRange(r)) return NaN;
  z = r - s;
  if (s - (r - z) + (w - z) !== 0) st.fpsr |= IXC;
  return r;
}

/** FCVT between precisions. */
export function fcvt(st: FpState, from: number, to: number, lo: number, hi: number): number {
  if ((st.fpcr & SLOW_MODES) === 0) {
    if (from === FMT_S && to === FMT_D) {
      const a = asS(lo);
      if (a - a === 0) return retD(a);
    } else if (from === FMT_D && to === FMT_S) {
      const a = asD(lo, hi);
      const f = Math.fround(a);
      if (f - f === 0 && (Math.abs(f) >= F32_MIN_NORMAL || a === 0)) {
        if (f !== a) st.fpsr |= IXC;
        return retS(f);
      }
    }
  }
  return fpConvert(st, from, to, lo, hi);
}

