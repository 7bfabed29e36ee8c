import type { Arm64Cpu } from '../cpu';
import type { Insn } from '../insn';
import { condHolds } from '../cond';

/**
 * Out-of-line integer handlers: the less frequent data-processing forms, kept out of the executor's switch
 * so the hot function stays small. 64-bit values are (lo, hi) int32 halves; helpers that produce a 64-bit
 * value return the low half and leave the high half in `rHi`.
 */
export let rHi = 0;

export { condHolds };

/** 64-bit shift/rotate of (lo, hi) by 0..63; type 0 LSL, 1 LSR, 2 ASR, 3 ROR. */
export function shift64(lo: number, hi: number, type: number, s: number): number {
  if (s === 0) {
    rHi = hi;
    return lo;
  }
  switch (type) {
    case 0:
      if (s < 32) {
        rHi = (hi << s) | (lo >>> (32 - s));
        return lo << s;
      }
      rHi = lo << (s - 32);
      return 0;
    case 1:
      if (s < 32) {
        rHi = hi >>> s;
        return (lo >>> s) | (hi << (32 - s));
      }
      rHi = 0;
      return (hi >>> (s - 32)) | 0;
    case 2:
      if (s < 32) {
        rHi = hi >> s;
        return (lo >>> s) | (hi << (32 - s));
      }
      rHi = hi >> 31;
      return hi >> (s - 32);
    default:
      return ror64(lo, hi, s);
  }
}

export function ror64(lo: number, hi: number, s: number): number {
  if (s === 0) {
    rHi = hi;
    return lo;
  }
  if (s === 32) {
    rHi = lo;
    return hi;
  }
  if (s > 32) {
    const t = lo;
    lo = hi;
    hi = t;
    s -= 32;
  }
  rHi = (hi >>> s) | (lo << (32 - s));
  return (lo >>> s) | (hi << (32 - s));
}

export function shift32(v: number, type: number, s: number): number {
  switch (type) {
    case 0:
      return v << s;
    case 1:
      return (v >>> s) | 0;
    case 2:
      return v >> s;
    default:
      return s === 0 ? v : (v >>> s) | (v << (32 - s));
  }
}

/** Extended-register operand (option 0..7 = UXTB..SXTX) shifted left by 0..4, as a 64-bit value. */
export function extend64(lo: number, hi: number, option: number, s: number): number {
  let l: number;
  let h: number;
  switch (option) {
    case 0:
      l = lo & 0xff;
      h = 0;
      break;
    case 1:
      l = lo & 0xffff;
      h = 0;
      break;
    case 2:
      l = lo;
      h = 0;
      break;
    case 3:
      l = lo;
      h = hi;
      break;
    case 4:
      l = (lo << 24) >> 24;
      h = l >> 31;
      break;
    case 5:
      l = (lo << 16) >> 16;
      h = l >> 31;
      break;
    case 6:
      l = lo;
      h = lo >> 31;
      break;
    default:
      l = lo;
      h = hi;
      break;
  }
  if (s === 0) {
    rHi = h;
    return l;
  }
  rHi = (h << s) | (l >>> (32 - s));
  return l << s;
}

function extend32(v: number, option: number): number {
  switch (option & 3) {
    case 0:
      return option & 4 ? (v << 24) >> 24 : v & 0xff;
    case 1:
      return option & 4 ? (v << 16) >> 16 : v & 0xffff;
    default:
      return v;
  }
}

/**
 * Generic add/subtract: a bit 0 = subtract, bit 1 = set flags, bit 2 = carry in from C (ADC/SBC);
 * b = operand kind (0 shifted register: c = type, imm = amount; 1 extended register: c = option,
 * imm = shift; 2 plain register).
 */
export function arithX(cpu: Arm64Cpu, insn: Insn): void {
  const x = cpu.x;
  const m = insn.rm << 1;
  let blo: number;
  let bhi: number;
  if (insn.b === 0) {
    blo = shift64(x[m], x[m + 1], insn.c, insn.imm);
    bhi = rHi;
  } else if (insn.b === 1) {
    blo = extend64(x[m], x[m + 1], insn.c, insn.imm);
    bhi = rHi;
  } else {
    blo = x[m];
    bhi = x[m + 1];
  }
  const n = insn.rn << 1;
  const alo = x[n];
  const ahi = x[n + 1];
  const sub = insn.a & 1;
  if (sub) {
    blo = ~blo;
    bhi = ~bhi;
  }
  const cin = insn.a & 4 ? cpu.cf : sub;
  const s0 = (alo >>> 0) + (blo >>> 0) + cin;
  const lo = s0 | 0;
  const s1 = (ahi >>> 0) + (bhi >>> 0) + (s0 > 0xffffffff ? 1 : 0);
  const hi = s1 | 0;
  if (insn.a & 2) {
    cpu.nzcv = ((hi >>> 31) << 3) | (((lo | hi) === 0 ? 1 : 0) << 2) | ((s1 > 0xffffffff ? 1 : 0) << 1) | (((ahi ^ hi) & (bhi ^ hi)) >>> 31);
  }
  const d = insn.rd << 1;
  x[d] = lo;
  x[d + 1] = hi;
}

export function arithW(cpu: Arm64Cpu, insn: Insn): void {
  const x = cpu.x;
  const m = insn.rm << 1;
  let b: number;
  if (insn.b === 0) b = shift32(x[m], insn.c, insn.imm);
  else if (insn.b === 1) b = extend32(x[m], insn.c) << insn.imm;
  else b = x[m];
  const a = x[insn.rn << 1];
  const sub = insn.a & 1;
  if (sub) b = ~b;
  const cin = insn.a & 4 ? cpu.cf : sub;
  const s = (a >>> 0) + (b >>> 0) + cin;
  const r = s | 0;
  if (insn.a & 2) {
    cpu.nzcv = ((r >>> 31) << 3) | ((r === 0 ? 1 : 0) << 2) | ((s > 0xffffffff ? 1 : 0) << 1) | (((a ^ r) & (b ^ r)) >>> 31);
  }
  const d = insn.rd << 1;
  x[d] = r;
  x[d + 1] = 0;
}

/** Logical (shifted register) with shift/invert: a = opc (AND, ORR, EOR, ANDS), b = N, c = type, imm = amount. */
export function logicX(cpu: Arm64Cpu, insn: Insn): void {
  const x = cpu.x;
  const m = insn.rm << 1;
  let blo = shift64(x[m], x[m + 1], insn.c, insn.imm);
  let bhi = rHi;
  if (insn.b) {
    blo = ~blo;
    bhi = ~bhi;
  }
  const n = insn.rn << 1;
  let lo: number;
  let hi: number;
  switch (insn.a) {
    case 1:
      lo = x[n] | blo;
      hi = x[n + 1] | bhi;
      break;
    case 2:
      lo = x[n] ^ blo;
      hi = x[n + 1] ^ bhi;
      break;
    default:
      lo = x[n] & blo;
      hi = x[n + 1] & bhi;
      if (insn.a === 3) {
        cpu.nzcv = ((hi >>> 31) << 3) | (((lo | hi) === 0 ? 1 : 0) << 2);
      }
  }
  const d = insn.rd << 1;
  x[d] = lo;
  x[d + 1] = hi;
}

/** UBFM/SBFM/BFM: rm = R, ra = S, imm/imm2 = wmask (UBFM: wmask & tmask), a/b = tmask. */
export function ubfmX(cpu: Arm64Cpu, insn: Insn): void {
  const x = cpu.x;
  const n = insn.rn << 1;
  const lo = ror64(x[n], x[n + 1], insn.rm);
  const d = insn.rd << 1;
  x[d] = lo & insn.imm;
  x[d + 1] = rHi & insn.imm2;
}

export function sbfmX(cpu: Arm64Cpu, insn: Insn): void {
  const x = cpu.x;
  const n = insn.rn << 1;
  const slo = x[n];
  const shi = x[n + 1];
  const blo = ror64(slo, shi, insn.rm) & insn.imm;
  const bhi = rHi & insn.imm2;
  const s = insn.ra;
  const top = (s < 32 ? slo << (31 - s) : shi << (63 - s)) >> 31;
  const d = insn.rd << 1;
  x[d] = (top & ~insn.a) | (blo & insn.a);
  x[d + 1] = (top & ~insn.b) | (bhi & insn.b);
}

export function sbfmW(cpu: Arm64Cpu, insn: Insn): void {
  const x = cpu.x;
  const v = x[insn.rn << 1];
  const r = insn.rm;
  const bot = (r === 0 ? v : (v >>> r) | (v << (32 - r))) & insn.imm;
  const top = (v << (31 - insn.ra)) >> 31;
  const d = insn.rd << 1;
  x[d] = (top & ~insn.a) | (bot & insn.a);
  x[d + 1] = 0;
}

export function bfmX(cpu: Arm64Cpu, insn: Insn): void {
  const x = cpu.x;
  const n = insn.rn << 1;
  const d = insn.rd << 1;
  const rlo = ror64(x[n], x[n + 1], insn.rm);
  const rhi = rHi;
  const dlo = x[d];
  const dhi = x[d + 1];
  const botLo = (dlo & ~insn.imm) | (rlo & insn.imm);
  const botHi = (dhi & ~insn.imm2) | (rhi & insn.imm2);
  x[d] = (dlo & ~insn.a) | (botLo & insn.a);
  x[d + 1] = (dhi & ~insn.b) | (botHi & insn.b);
}

export function bfmW(cpu: Arm64Cpu, insn: Insn): void {
  const x = cpu.x;
  const v = x[insn.rn << 1];
  const d = insn.rd << 1;
  const r = insn.rm;
  const rot = r === 0 ? v : (v >>> r) | (v << (32 - r));
  const dv = x[d];
  const bot = (dv & ~insn.imm) | (rot & insn.imm);
  x[d] = (dv & ~insn.a) | (bot & insn.a);
  x[d + 1] = 0;
}

/** EXTR: (Rn:Rm) >> imm. */
export function extrX(cpu: Arm64Cpu, insn: Insn): void {
  const x = cpu.x;
  const n = insn.rn << 1;
  const m = insn.rm << 1;
  const s = insn.imm;
  const d = insn.rd << 1;
  const mlo = x[m];
  const mhi = x[m + 1];
  const nlo = x[n];
  const nhi = x[n + 1];
  let lo: number;
  let hi: number;
  if (s === 0) {
    lo = mlo;
    hi = mhi;
  } else if (s < 32) {
    lo = (mlo >>> s) | (mhi << (32 - s));
    hi = (mhi >>> s) | (nlo << (32 - s));
  } else if (s === 32) {
    lo = mhi;
    hi = nlo;
  } else {
    const t = s - 32;
    lo = (mhi >>> t) | (nlo << (32 - t));
    hi = (nlo >>> t) | (nhi << (32 - t));
  }
  x[d] = lo;
  x[d + 1] = hi;
}

export function extrW(cpu: Arm64Cpu, insn: Insn): void {
  const x = cpu.x;
  const s = insn.imm;
  const m = x[insn.rm << 1];
  const n = x[insn.rn << 1];
  const d = insn.rd << 1;
  x[d] = s === 0 ? m : (m >>> s) | (n << (32 - s));
  x[d + 1] = 0;
}

/** CCMP/CCMN: a = 1 compare (subtract), b = 1 immediate form (imm), c = cond, ra = nzcv when false. */
export function ccmp(cpu: Arm64Cpu, insn: Insn): void {
  if (!condHolds(cpu, insn.c)) {
    const f = insn.ra;
    cpu.nzcv = f & 15;
    return;
  }
  const x = cpu.x;
  const n = insn.rn << 1;
  let blo: number;
  let bhi: number;
  if (insn.b) {
    blo = insn.imm;
    bhi = 0;
  } else {
    const m = insn.rm << 1;
    blo = x[m];
    bhi = x[m + 1];
  }
  const sub = insn.a;
  if (insn.sf) {
    const alo = x[n];
    const ahi = x[n + 1];
    if (sub) {
      blo = ~blo;
      bhi = ~bhi;
    }
    const s0 = (alo >>> 0) + (blo >>> 0) + sub;
    const lo = s0 | 0;
    const s1 = (ahi >>> 0) + (bhi >>> 0) + (s0 > 0xffffffff ? 1 : 0);
    const hi = s1 | 0;
    cpu.nzcv = ((hi >>> 31) << 3) | (((lo | hi) === 0 ? 1 : 0) << 2) | ((s1 > 0xffffffff ? 1 : 0) << 1) | (((ahi ^ hi) & (bhi ^ hi)) >>> 31);
  } else {
    const a = x[n];
    if (sub) blo = ~blo;
    const s = (a >>> 0) + (blo >>> 0) + sub;
    const r = s | 0;
    cpu.nzcv = ((r >>> 31) << 3) | ((r === 0 ? 1 : 0) << 2) | ((s > 0xffffffff ? 1 : 0) << 1) | (((a ^ r) & (blo ^ r)) >>> 31);
  }
}

function rbit32(v: number): number {
  v = ((v >>> 1) & 0x55555555) | ((v & 0x55555555) << 1);
  v = ((v >>> 2) & 0x33333333) | ((v & 0x33333333) << 2);
  v = ((v >>> 4) & 0x0f0f0f0f) | ((v & 0x0f0f0f0f) << 4);
  v = ((v >>> 8) & 0x00ff00ff) | ((v & 0x00ff00ff) << 8);
  return (v >>> 16) | (v << 16);
}

function rev32(v: number): number {
  return ((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24);
}

function rev16(v: number): number {
  return ((v & 0x00ff00ff) << 8) | ((v >>> 8) & 0x00ff00ff);
}

/** 1-source: a = 0 RBIT, 1 REV16, 2 REV32 (X) / REV (W), 3 REV (X), 4 CLZ, 5 CLS. */
export function dp1(cpu: Arm64Cpu, insn: Insn): void {
  const x = cpu.x;
  const n = insn.rn << 1;
  const d = insn.rd << 1;
  const lo = x[n];
  const hi = x[n + 1];
  let rlo: number;
  let rhi = 0;
  if (insn.sf) {
    switch (insn.a) {
      case 0:
        rlo = rbit32(hi);
        rhi = rbit32(lo);
        break;
      case 1:
        rlo = rev16(lo);
        rhi = rev16(hi);
        break;
      case 2:
        rlo = rev32(lo);
        rhi = rev32(hi);
        break;
      case 3:
        rlo = rev32(hi);
        rhi = rev32(lo);
        break;
      case 4:
        rlo = hi !== 0 ? Math.clz32(hi) : 32 + Math.clz32(lo);
        break;
      default: {
        // CLS = CLZ(x ^ (x >> 1)) - 1
        const tlo = lo ^ ((lo >>> 1) | (hi << 31));
        const thi = hi ^ (hi >> 1);
        rlo = (thi !== 0 ? Math.clz32(thi) : 32 + Math.clz32(tlo)) - 1;
      }
    }
  } else {
    switch (insn.a) {
      case 0:
        rlo = rbit32(lo);
        break;
      case 1:
        rlo = rev16(lo);
        break;
      case 2:
        rlo = rev32(lo);
        break;
      case 4:
        rlo = Math.clz32(lo);
        break;
      default:
        rlo = Math.clz32(lo ^ (lo >> 1)) - 1;
    }
  }
  x[d] = rlo;
  x[d + 1] = rhi;
}

const CRC_TABLE = makeCrcTable(0xedb88320);
const CRC32C_TABLE = makeCrcTable(0x82f63b78);

function makeCrcTable(poly: number): Int32Array {
  const t = new Int32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ poly : c >>> 1;
    t[i] = c;
  }
  return t;
}

function u64(lo: number, hi: number): bigint {
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}

function setX(x: Int32Array, d: number, v: bigint): void {
  x[d] = Number(v & 0xffffffffn) | 0;
  x[d + 1] = Number((v >> 32n) & 0xffffffffn) | 0;
}

/** 2-source: a = opcode (2 UDIV, 3 SDIV, 8..11 LSLV/LSRV/ASRV/RORV, 16..23 CRC32/CRC32C). */
export function dp2(cpu: Arm64Cpu, insn: Insn): void {
  const x = cpu.x;
  const n = insn.rn << 1;
  const m = insn.rm << 1;
  const d = insn.rd << 1;
  const op = insn.a;
  if (op >= 16) {
    const t = op & 4 ? CRC32C_TABLE : CRC_TABLE;
    let crc = x[n];
    const bytes = 1 << (op & 3);
    let vlo = x[m];
    const vhi = x[m + 1];
    for (let i = 0; i < bytes; i++) {
      if (i === 4) vlo = vhi;
      crc = t[(crc ^ vlo) & 0xff] ^ (crc >>> 8);
      vlo >>>= 8;
    }
    x[d] = crc;
    x[d + 1] = 0;
    return;
  }
  if (insn.sf) {
    const alo = x[n];
    const ahi = x[n + 1];
    const blo = x[m];
    const bhi = x[m + 1];
    let rlo: number;
    let rhi: number;
    switch (op) {
      case 2:
        if ((blo | bhi) === 0) {
          rlo = rhi = 0;
        } else if (ahi === 0 && bhi === 0) {
          rlo = Math.floor((alo >>> 0) / (blo >>> 0)) | 0;
          rhi = 0;
        } else {
          setX(x, d, u64(alo, ahi) / u64(blo, bhi));
          return;
        }
        break;
      case 3:
        if ((blo | bhi) === 0) {
          rlo = rhi = 0;
        } else if (ahi === alo >> 31 && bhi === blo >> 31) {
          const q = Math.trunc(alo / blo);
          rlo = q | 0;
          rhi = q < 0 ? -1 : 0;
        } else {
          const a = BigInt.asIntN(64, u64(alo, ahi));
          const b = BigInt.asIntN(64, u64(blo, bhi));
          setX(x, d, BigInt.asUintN(64, a / b));
          return;
        }
        break;
      default:
        rlo = shift64(alo, ahi, op - 8, blo & 63);
        rhi = rHi;
    }
    x[d] = rlo;
    x[d + 1] = rhi;
    return;
  }
  const a = x[n];
  const b = x[m];
  let r: number;
  switch (op) {
    case 2:
      r = b === 0 ? 0 : Math.floor((a >>> 0) / (b >>> 0)) | 0;
      break;
    case 3:
      r = b === 0 ? 0 : Math.trunc(a / b) | 0;
      break;
    default:
      r = shift32(a, op - 8, b & 31);
  }
  x[d] = r;
  x[d + 1] = 0;
}

/** High 32 bits of the unsigned 64-bit product of two uint32 values. */
function umulhi32(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const mid = ((a0 * b0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  return (a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16)) | 0;
}

/**
 * UMULH / SMULH: the high 64 bits of the 128-bit product, from 32x32 partial products (compilers emit these
 * for every division by a constant, so they stay off BigInt). Signed: mulhs(a, b) = mulhu(a, b) - (a < 0 ? b : 0)
 * - (b < 0 ? a : 0), modulo 2^64.
 */
function mulHigh64(x: Int32Array, d: number, alo: number, ahi: number, blo: number, bhi: number, signed: boolean): void {
  const ll = umulhi32(alo, blo) >>> 0; // the low x low product's high word (its low word cannot carry up)
  const lhLo = Math.imul(alo, bhi) >>> 0;
  const lhHi = umulhi32(alo, bhi) >>> 0;
  const hlLo = Math.imul(ahi, blo) >>> 0;
  const hlHi = umulhi32(ahi, blo) >>> 0;
  const hhLo = Math.imul(ahi, bhi) >>> 0;
  const hhHi = umulhi32(ahi, bhi) >>> 0;
  const carry = Math.floor((ll + lhLo + hlLo) / 0x1_0000_0000); // sums below 2^34 are exact in a double
  const sumLo = hhLo + lhHi + hlHi + carry;
  let lo = sumLo | 0;
  let hi = (hhHi + Math.floor(sumLo / 0x1_0000_0000)) | 0;
  if (signed) {
    if (ahi < 0) {
      const r = (lo - blo) | 0;
      hi = (hi - bhi - ((lo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
      lo = r;
    }
    if (bhi < 0) {
      const r = (lo - alo) | 0;
      hi = (hi - ahi - ((lo >>> 0) < (alo >>> 0) ? 1 : 0)) | 0;
      lo = r;
    }
  }
  x[d] = lo;
  x[d + 1] = hi;
}

/** SMADDL/SMSUBL (a = 2/3), SMULH (4), UMADDL/UMSUBL (10/11), UMULH (12). */
export function mul3(cpu: Arm64Cpu, insn: Insn): void {
  const x = cpu.x;
  const n = insn.rn << 1;
  const m = insn.rm << 1;
  const d = insn.rd << 1;
  const op = insn.a;
  if (op === 4 || op === 12) {
    mulHigh64(x, d, x[n], x[n + 1], x[m], x[m + 1], op === 4);
    return;
  }
  const av = x[n];
  const bv = x[m];
  let plo = Math.imul(av, bv);
  let phi = umulhi32(av, bv);
  if (op < 8) {
    // signed 32x32: correct the unsigned high word
    if (av < 0) phi = (phi - bv) | 0;
    if (bv < 0) phi = (phi - av) | 0;
  }
  if (op & 1) {
    plo = ~plo;
    phi = ~phi;
    plo = (plo + 1) | 0;
    if (plo === 0) phi = (phi + 1) | 0;
  }
  const a = insn.ra << 1;
  const clo = x[a];
  const lo = (clo + plo) | 0;
  const hi = (x[a + 1] + phi + ((lo >>> 0) < (clo >>> 0) ? 1 : 0)) | 0;
  x[d] = lo;
  x[d + 1] = hi;
}
