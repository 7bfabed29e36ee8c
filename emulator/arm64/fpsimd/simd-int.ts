/**
 * Element operations of the AdvSIMD integer instructions: number arithmetic for 8/16/32-bit lanes (exact:
 * every intermediate stays below 2^53 or is a power-of-two scaling) and BigInt for 64-bit lanes (slow path).
 * `satHit` records saturation; the executor turns it into FPSR.QC.
 */

export const IB_ADD = 0;
export const IB_SUB = 1;
export const IB_MUL = 2;
export const IB_MLA = 3;
export const IB_MLS = 4;
export const IB_CMEQ = 5;
export const IB_CMGT = 6;
export const IB_CMGE = 7;
export const IB_CMHI = 8;
export const IB_CMHS = 9;
export const IB_CMTST = 10;
export const IB_SMAX = 11;
export const IB_SMIN = 12;
export const IB_UMAX = 13;
export const IB_UMIN = 14;
export const IB_SABD = 15;
export const IB_UABD = 16;
export const IB_SABA = 17;
export const IB_UABA = 18;
export const IB_SHADD = 19;
export const IB_UHADD = 20;
export const IB_SRHADD = 21;
export const IB_URHADD = 22;
export const IB_SHSUB = 23;
export const IB_UHSUB = 24;
export const IB_SQADD = 25;
export const IB_UQADD = 26;
export const IB_SQSUB = 27;
export const IB_UQSUB = 28;
export const IB_SSHL = 29;
export const IB_USHL = 30;
export const IB_SRSHL = 31;
export const IB_URSHL = 32;
export const IB_SQSHL = 33;
export const IB_UQSHL = 34;
export const IB_SQRSHL = 35;
export const IB_UQRSHL = 36;
export const IB_SQDMULH = 37;
export const IB_SQRDMULH = 38;
export const IB_PMUL = 39;
export const IB_SQRDMLAH = 40;
export const IB_SQRDMLSH = 41;
export const IB_SDOT = 42;
export const IB_UDOT = 43;

export const sat = { hit: false };

export function satS(v: number, es: number): number {
  const bits = 8 << es;
  const max = 2 ** (bits - 1) - 1;
  if (v > max) {
    sat.hit = true;
    return max;
  }
  if (v < -max - 1) {
    sat.hit = true;
    return -max - 1;
  }
  return v;
}

export function satU(v: number, es: number): number {
  const max = 2 ** (8 << es) - 1;
  if (v > max) {
    sat.hit = true;
    return max;
  }
  if (v < 0) {
    sat.hit = true;
    return 0;
  }
  return v;
}

function sxe(v: number, es: number): number {
  return es === 0 ? (v << 24) >> 24 : es === 1 ? (v << 16) >> 16 : v | 0;
}

/** Shift `a` (an exact integer) by the signed amount `sh`: left multiplies, right floors (optionally rounding). */
export function shiftBy(a: number, sh: number, round: boolean): number {
  if (sh >= 0) return a * 2 ** sh;
  const s = -sh;
  if (s > 64) return round ? 0 : a < 0 ? -1 : 0;
  return Math.floor(round ? (a + 2 ** (s - 1)) / 2 ** s : a / 2 ** s);
}

/** One lane of an integer op on 8/16/32-bit lanes; a, b, d are the unsigned lane values. */
export function intOp(k: number, es: number, a: number, b: number, d: number): number {
  const bits = 8 << es;
  const all = 2 ** bits - 1;
  switch (k) {
    case IB_ADD:
      return a + b;
    case IB_SUB:
      return a - b;
    case IB_MUL:
      return Math.imul(a, b);
    case IB_MLA:
      return d + Math.imul(a, b);
    case IB_MLS:
      return d - Math.imul(a, b);
    case IB_CMEQ:
      return a === b ? all : 0;
    case IB_CMGT:
      return sxe(a, es) > sxe(b, es) ? all : 0;
    case IB_CMGE:
      return sxe(a, es) >= sxe(b, es) ? all : 0;
    case IB_CMHI:
      return a > b ? all : 0;
    case IB_CMHS:
      return a >= b ? all : 0;
    case IB_CMTST:
      return (a & b) !== 0 ? all : 0;
    case IB_SMAX:
      return Math.max(sxe(a, es), sxe(b, es));
    case IB_SMIN:
      return Math.min(sxe(a, es), sxe(b, es));
    case IB_UMAX:
      return Math.max(a, b);
    case IB_UMIN:
      return Math.min(a, b);
    case IB_SABD:
      return Math.abs(sxe(a, es) - sxe(b, es));
    case IB_UABD:
      return Math.abs(a - b);
    case IB_SABA:
      return d + Math.abs(sxe(a, es) - sxe(b, es));
    case IB_UABA:
      return d + Math.abs(a - b);
    case IB_SHADD:
      return Math.floor((sxe(a, es) + sxe(b, es)) / 2);
    case IB_UHADD:
      return Math.floor((a + b) / 2);
    case IB_SRHADD:
      return Math.floor((sxe(a, es) + sxe(b, es) + 1) / 2);
    case IB_URHADD:
      return Math.floor((a + b + 1) / 2);
    case IB_SHSUB:
      return Math.floor((sxe(a, es) - sxe(b, es)) / 2);
    case IB_UHSUB:
      return Math.floor((a - b) / 2);
    case IB_SQADD:
      return satS(sxe(a, es) + sxe(b, es), es);
    case IB_UQADD:
      return satU(a + b, es);
    case IB_SQSUB:
      return satS(sxe(a, es) - sxe(b, es), es);
    case IB_UQSUB:
      return satU(a - b, es);
    case IB_SSHL:
    case IB_SRSHL:
      return shiftBy(sxe(a, es), sxe(b & 0xff, 0), k === IB_SRSHL);
    case IB_USHL:
    case IB_URSHL:
      return shiftBy(a, sxe(b & 0xff, 0), k === IB_URSHL);
    case IB_SQSHL:
    case IB_SQRSHL: {
      const sh = sxe(b & 0xff, 0);
      const x = sxe(a, es);
      if (sh >= 0 && x !== 0 && sh >= bits) return satS(x < 0 ? -Infinity : Infinity, es);
      return satS(shiftBy(x, sh, k === IB_SQRSHL), es);
    }
    case IB_UQSHL:
    case IB_UQRSHL: {
      const sh = sxe(b & 0xff, 0);
      if (sh >= 0 && a !== 0 && sh >= bits) return satU(Infinity, es);
      return satU(shiftBy(a, sh, k === IB_UQRSHL), es);
    }
    case IB_SQDMULH:
    case IB_SQRDMULH: {
      if (es === 2) {
        // 2*a*b needs 64 bits: use BigInt.
        let q = 2n * BigInt(sxe(a, es)) * BigInt(sxe(b, es));
        if (k === IB_SQRDMULH) q += 1n << 31n;
        return satS(Number(q >> 32n), es);
      }
      const p = sxe(a, es) * sxe(b, es);
      return satS(Math.floor((2 * p + (k === IB_SQRDMULH ? 2 ** (bits - 1) : 0)) / 2 ** bits), es);
    }
    case IB_SQRDMLAH:
    case IB_SQRDMLSH: {
      const sa = sxe(a, es);
      const sb = sxe(b, es);
      const sd = sxe(d, es);
      if (es === 2) {
        let q = (BigInt(sd) << 32n) + 2n * BigInt(sa) * BigInt(sb) * (k === IB_SQRDMLAH ? 1n : -1n) + (1n << 31n);
        q >>= 32n;
        return satS(Number(q), es);
      }
      const acc = sd * 2 ** bits + (k === IB_SQRDMLAH ? 2 : -2) * sa * sb + 2 ** (bits - 1);
      return satS(Math.floor(acc / 2 ** bits), es);
    }
    case IB_SDOT:
    case IB_UDOT: {
      let acc = d;
      for (let i = 0; i < 32; i += 8) {
        const x = (a >>> i) & 0xff;
        const y = (b >>> i) & 0xff;
        acc += k === IB_SDOT ? sxe(x, 0) * sxe(y, 0) : x * y;
      }
      return acc;
    }
    case IB_PMUL: {
      let r = 0;
      for (let i = 0; i < 8; i++) if ((b >>> i) & 1) r ^= a << i;
      return r;
    }
    default:
      return 0;
  }
}

const M64 = (1n << 64n) - 1n;
const ALL64 = M64;

function s64(v: bigint): bigint {
  return BigInt.asIntN(64, v);
}

function satS64(v: bigint): bigint {
  if (v > 0x7fffffffffffffffn) {
    sat.hit = true;
    return 0x7fffffffffffffffn;
  }
  if (v < -0x8000000000000000n) {
    sat.hit = true;
    return -0x8000000000000000n;
  }
  return v;
}

function satU64(v: bigint): bigint {
  if (v > M64) {
    sat.hit = true;
    return M64;
  }
  if (v < 0n) {
    sat.hit = true;
    return 0n;
  }
  return v;
}

function shiftBy64(a: bigint, sh: number, round: boolean): bigint {
  if (sh >= 0) return a << BigInt(sh);
  const s = BigInt(-sh);
  return round ? (a + (1n << (s - 1n))) >> s : a >> s;
}

/** One 64-bit lane (unsigned operands); returns any bigint, wrapped on store. */
export function intOp64(k: number, a: bigint, b: bigint, d: bigint): bigint {
  switch (k) {
    case IB_ADD:
      return a + b;
    case IB_SUB:
      return a - b;
    case IB_CMEQ:
      return a === b ? ALL64 : 0n;
    case IB_CMGT:
      return s64(a) > s64(b) ? ALL64 : 0n;
    case IB_CMGE:
      return s64(a) >= s64(b) ? ALL64 : 0n;
    case IB_CMHI:
      return a > b ? ALL64 : 0n;
    case IB_CMHS:
      return a >= b ? ALL64 : 0n;
    case IB_CMTST:
      return (a & b) !== 0n ? ALL64 : 0n;
    case IB_SQADD:
      return satS64(s64(a) + s64(b));
    case IB_UQADD:
      return satU64(a + b);
    case IB_SQSUB:
      return satS64(s64(a) - s64(b));
    case IB_UQSUB:
      return satU64(a - b);
    case IB_SSHL:
    case IB_SRSHL:
      return shiftBy64(s64(a), sxe(Number(b & 0xffn), 0), k === IB_SRSHL);
    case IB_USHL:
    case IB_URSHL:
      return shiftBy64(a, sxe(Number(b & 0xffn), 0), k === IB_URSHL);
    case IB_SQSHL:
    case IB_SQRSHL:
      return satS64(shiftBy64(s64(a), sxe(Number(b & 0xffn), 0), k === IB_SQRSHL));
    case IB_UQSHL:
    case IB_UQRSHL:
      return satU64(shiftBy64(a, sxe(Number(b & 0xffn), 0), k === IB_UQRSHL));
    case IB_SMAX:
      return s64(a) > s64(b) ? a : b;
    case IB_SMIN:
      return s64(a) < s64(b) ? a : b;
    case IB_UMAX:
      return a > b ? a : b;
    case IB_UMIN:
      return a < b ? a : b;
    default:
      return d;
  }
}

export { s64, satS64, satU64, shiftBy64 };
