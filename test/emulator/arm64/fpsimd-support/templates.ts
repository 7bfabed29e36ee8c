/** Encoding templates and operand generators for the oracle suites (see gen.ts). */
import type { CaseIn } from './harness';

let seed = 0x12345678;
export function reseed(s: number): void {
  seed = s >>> 0;
}
/** mulberry32 */
export function rnd(): number {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
export function ri(n: number): number {
  return Math.floor(rnd() * n);
}
function pick<T>(a: readonly T[]): T {
  return a[ri(a.length)];
}
function rbits(n: number): bigint {
  let v = 0n;
  for (let i = 0; i < n; i += 16) v = (v << 16n) | BigInt(ri(65536));
  return v & ((1n << BigInt(n)) - 1n);
}

const EB = [5, 8, 11];
const FB = [10, 23, 52];
const WIDTH = [16, 32, 64];

function dblBits(x: number): bigint {
  const b = Buffer.alloc(8);
  b.writeDoubleLE(x);
  return b.readBigUInt64LE();
}
function fltBits(x: number): bigint {
  const b = Buffer.alloc(4);
  b.writeFloatLE(x);
  return BigInt(b.readUInt32LE());
}
function bitsToNum(fmt: number, v: bigint): number {
  if (fmt === 2) {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(v);
    return b.readDoubleLE();
  }
  if (fmt === 1) {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(Number(v));
    return b.readFloatLE();
  }
  const e = Number((v >> 10n) & 31n);
  const f = Number(v & 1023n);
  const s = v & 0x8000n ? -1 : 1;
  if (e === 31) return f ? NaN : s * Infinity;
  return e === 0 ? s * f * 2 ** -24 : s * (1024 + f) * 2 ** (e - 25);
}
/** Nearest-ish encoding of x in fmt (half: truncating; good enough for operand generation). */
export function numToBits(fmt: number, x: number): bigint {
  if (fmt === 2) return dblBits(x);
  if (fmt === 1) return fltBits(x);
  const s = x < 0 || Object.is(x, -0) ? 0x8000n : 0n;
  const a = Math.abs(x);
  if (a === Infinity || a >= 65520) return s | 0x7c00n;
  if (a < 2 ** -14) return s | BigInt(Math.round(a * 2 ** 24));
  const e = Math.floor(Math.log2(a));
  const m = Math.floor(a * 2 ** (10 - e)) - 1024;
  return s | (BigInt(e + 15) << 10n) | BigInt(Math.max(0, Math.min(1023, m)));
}

/** An interesting FP value of format fmt (0 H, 1 S, 2 D) as bits. */
export function fpVal(fmt: number): bigint {
  const E = EB[fmt];
  const F = FB[fmt];
  const bias = (1 << (E - 1)) - 1;
  const sign = BigInt(ri(2)) << BigInt(E + F);
  const maxE = BigInt((1 << E) - 1);
  const c = ri(20);
  switch (c) {
    case 0:
      return sign;
    case 1:
      return sign | (maxE << BigInt(F));
    case 2:
      return sign | (maxE << BigInt(F)) | (1n << BigInt(F - 1)) | rbits(F - 1);
    case 3: {
      let p = rbits(F - 1);
      if (p === 0n) p = 1n;
      return sign | (maxE << BigInt(F)) | p;
    }
    case 4:
      return sign | rbits(F) | 1n;
    case 5:
      return sign | pick([1n << BigInt(F), ((maxE - 1n) << BigInt(F)) | ((1n << BigInt(F)) - 1n), 1n]);
    case 6:
    case 7:
      return sign | (BigInt(bias - 2 + ri(5)) << BigInt(F)) | rbits(F);
    case 8:
      return sign | (BigInt(1 + ri(Number(maxE) - 1)) << BigInt(F)) | rbits(F);
    case 9:
      return numToBits(fmt, (ri(2) ? -1 : 1) * ri(100));
    case 10:
      return numToBits(fmt, (ri(2) ? -1 : 1) * (ri(20) + pick([0.5, 0.25, 0.75, 0.5])));
    case 11: {
      const big = pick([2 ** 31, 2 ** 32, 2 ** 63, 2 ** 64, 2 ** 15, 2 ** 16, 2 ** 53]);
      return numToBits(fmt, (ri(3) === 0 ? -1 : 1) * big * pick([1, 0.75, 1.5, 0.999999, 1.000001, 0.5]));
    }
    default:
      return sign | (BigInt(bias - 30 + ri(60)) << BigInt(F)) | rbits(F);
  }
}

function hex16(lo: bigint, hi: bigint): string {
  const b = Buffer.alloc(16);
  b.writeBigUInt64LE(lo & 0xffffffffffffffffn);
  b.writeBigUInt64LE(hi & 0xffffffffffffffffn, 8);
  return b.toString('hex');
}

function randVec(): string {
  return hex16(rbits(64), rbits(64));
}

/** Put `bits` (a `w`-bit value) in the low lanes with random garbage above. */
function scalarVec(bits: bigint, w: number): string {
  const garbage = rbits(128);
  const mask = (1n << BigInt(w)) - 1n;
  const v = (garbage & ~mask) | (bits & mask);
  return hex16(v & 0xffffffffffffffffn, v >> 64n);
}

const FPCRS = [0, 0, 0, 0, 1 << 22, 2 << 22, 3 << 22, 1 << 24, 1 << 25, (1 << 24) | (1 << 25), 1 << 19, (2 << 22) | (1 << 24), (1 << 19) | (1 << 22), 1 << 26];

function randX(): bigint {
  switch (ri(8)) {
    case 0:
      return BigInt(ri(1000));
    case 1:
      return (1n << 64n) - BigInt(1 + ri(1000));
    case 2:
      return rbits(32);
    case 3:
      return (1n << BigInt(24 + ri(40))) + BigInt(ri(3)) - 1n;
    case 4:
      return ((1n << 64n) - (1n << BigInt(24 + ri(39)))) - BigInt(ri(3));
    default:
      return rbits(64);
  }
}

export function baseCase(word: number): CaseIn {
  return {
    word: word | 0,
    fpcr: pick(FPCRS),
    nzcv: ri(16) << 28,
    v: [randVec(), randVec(), randVec(), randVec()],
    x: [0, 1, 2, 3].map(() => randX().toString(16).padStart(16, '0')),
    mem: rbits(256).toString(16).padStart(64, '0') + rbits(256).toString(16).padStart(64, '0'),
  };
}

const TYPES = [0, 1, 3, 0, 1]; // S, D, H (weighted toward S/D)
function fmtOfType(t: number): number {
  return t === 0 ? 1 : t === 1 ? 2 : 0;
}
const r4 = (): number => ri(4);

function fpOperands(c: CaseIn, fmt: number): void {
  for (let i = 0; i < 4; i++) c.v[i] = scalarVec(fpVal(fmt), WIDTH[fmt]);
}

function scalarFp(): CaseIn[] {
  reseed(1);
  const out: CaseIn[] = [];
  for (let i = 0; i < 2400; i++) {
    const type = pick(TYPES);
    const fmt = fmtOfType(type);
    const k = ri(12);
    let w: number;
    if (k < 4) w = 0x1e200800 | (type << 22) | (r4() << 16) | (ri(9) << 12) | (r4() << 5) | r4();
    else if (k < 6) {
      let opc = pick([0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 14, 15, 3, 3]);
      if ((opc === 4 && type === 0) || (opc === 5 && type === 1) || (opc === 7 && type === 3)) opc = 3;
      w = 0x1e204000 | (type << 22) | (opc << 15) | (r4() << 5) | r4();
    } else if (k < 8) w = 0x1f000000 | (type << 22) | (ri(2) << 21) | (r4() << 16) | (ri(2) << 15) | (r4() << 10) | (r4() << 5) | r4();
    else if (k < 9) w = 0x1e202000 | (type << 22) | (r4() << 16) | (r4() << 5) | pick([0, 8, 16, 24]);
    else if (k < 10) w = 0x1e200400 | (type << 22) | (r4() << 16) | (ri(16) << 12) | (r4() << 5) | (ri(2) << 4) | ri(16);
    else if (k < 11) w = 0x1e200c00 | (type << 22) | (r4() << 16) | (ri(16) << 12) | (r4() << 5) | r4();
    else w = 0x1e201000 | (type << 22) | (ri(256) << 13) | r4();
    const c = baseCase(w);
    fpOperands(c, fmt);
    if (k >= 6 && k < 8 && fmt !== 0 && ri(3) === 0) {
      // Near-cancellation: addend close to -(n*m).
      const ra = (w >>> 10) & 31;
      const rn = (w >>> 5) & 31;
      const rm = (w >>> 16) & 31;
      if (ra !== rn && ra !== rm) {
        const n = bitsToNum(fmt, BigInt('0x' + Buffer.from(c.v[rn], 'hex').reverse().toString('hex')) & ((1n << BigInt(WIDTH[fmt])) - 1n));
        const m = bitsToNum(fmt, BigInt('0x' + Buffer.from(c.v[rm], 'hex').reverse().toString('hex')) & ((1n << BigInt(WIDTH[fmt])) - 1n));
        const o1 = (w >>> 21) & 1;
        const o0 = (w >>> 15) & 1;
        const p = (o0 ^ o1 ? -1 : 1) * n * m * (o1 ? -1 : 1);
        c.v[ra] = scalarVec(numToBits(fmt, -p * pick([1, 1, 1 + 2 ** -30, 1 - 2 ** -40])), WIDTH[fmt]);
      }
    }
    out.push(c);
  }
  return out;
}

function convFp(): CaseIn[] {
  reseed(2);
  const out: CaseIn[] = [];
  for (let i = 0; i < 1600; i++) {
    const type = pick(TYPES);
    const fmt = fmtOfType(type);
    const sf = ri(2);
    const k = ri(10);
    let w: number;
    if (k < 4) {
      const opc = pick([0, 1, 0, 1, 4, 5]);
      const rmode = opc >= 4 ? 0 : ri(4);
      w = (sf << 31) | 0x1e200000 | (type << 22) | (rmode << 19) | (opc << 16) | (r4() << 5) | r4();
    } else if (k < 6) w = (sf << 31) | 0x1e200000 | (type << 22) | ((2 + ri(2)) << 16) | (r4() << 5) | r4();
    else if (k < 8) {
      const scale = sf ? 1 + ri(63) : 32 + ri(32);
      const opc = ri(4);
      const rmode = opc < 2 ? 3 : 0;
      w = (sf << 31) | 0x1e000000 | (type << 22) | (rmode << 19) | (opc << 16) | (scale << 10) | (r4() << 5) | r4();
    } else {
      // FMOV general <-> FP
      const v = pick([
        [0, 0, 0],
        [1, 1, 0],
        [1, 2, 1],
        [0, 3, 0],
        [1, 3, 0],
      ]);
      w = (v[0] << 31) | 0x1e200000 | (v[1] << 22) | (v[2] << 19) | ((6 + ri(2)) << 16) | (r4() << 5) | r4();
    }
    const c = baseCase(w | 0);
    fpOperands(c, fmt);
    out.push(c);
  }
  return out;
}

/** A vector register image: random bits, FP lanes or small integers. */
function mixedVec(): string {
  const k = ri(10);
  if (k < 4) return randVec();
  if (k < 8) {
    const fmt = k < 5 ? 1 : k < 6 ? 0 : 2;
    const w = WIDTH[fmt];
    let v = 0n;
    for (let i = 0; i < 128 / w; i++) v |= fpVal(fmt) << BigInt(i * w);
    return hex16(v & 0xffffffffffffffffn, v >> 64n);
  }
  const b = Buffer.alloc(16);
  for (let i = 0; i < 16; i++) b[i] = (ri(2) ? ri(9) : 256 - ri(9)) & 0xff;
  if (k === 9) for (let i = 0; i < 16; i++) if (ri(3) === 0) b[i] = pick([0x7f, 0x80, 0xff, 0]);
  return b.toString('hex');
}

const q = (): number => ri(2) << 30;
const u = (): number => ri(2) << 29;
const regs = (): number => (r4() << 16) | (r4() << 5) | r4();

const SIMD_GENS: (() => number)[] = [
  () => 0x0e200400 | q() | u() | (ri(4) << 22) | regs() | (ri(32) << 11),
  () => 0x0e200400 | q() | u() | (ri(4) << 22) | regs() | (ri(32) << 11),
  () => 0x0e200000 | q() | u() | (ri(3) << 22) | regs() | (ri(15) << 12),
  () => 0x0e200800 | q() | u() | (ri(4) << 22) | regs() | (ri(32) << 12),
  () => 0x0e200800 | q() | u() | (ri(4) << 22) | regs() | (ri(32) << 12),
  () => 0x0e300800 | q() | u() | (ri(4) << 22) | regs() | (pick([3, 0xa, 0x1a, 0x1b, 0xc, 0xf]) << 12),
  () => 0x0e000400 | q() | (ri(8) === 0 ? 1 << 29 : 0) | (ri(32) << 16) | (pick([0, 1, 3, 5, 7]) << 11) | (r4() << 5) | r4(),
  () => 0x2e000400 | q() | (ri(32) << 16) | (ri(16) << 11) | (r4() << 5) | r4(),
  () => 0x0f000400 | q() | u() | (ri(8) << 16) | (ri(16) << 12) | (ri(32) << 5) | r4(),
  () => 0x0f000400 | q() | u() | ((1 + ri(15)) << 19) | (ri(8) << 16) | (pick([0, 2, 4, 6, 8, 0xa, 0xc, 0xe, 0x10, 0x11, 0x12, 0x13, 0x14, 0x1c, 0x1f]) << 11) | (r4() << 5) | r4(),
  () => 0x0f000400 | q() | u() | ((1 + ri(15)) << 19) | (ri(8) << 16) | (pick([0, 2, 4, 6, 8, 0xa, 0xc, 0xe, 0x10, 0x11, 0x12, 0x13, 0x14, 0x1c, 0x1f]) << 11) | (r4() << 5) | r4(),
  () => 0x0f000000 | q() | u() | (ri(4) << 22) | (ri(2) << 21) | regs() | (ri(16) << 12) | (ri(2) << 11),
  () => 0x0e000800 | q() | (ri(4) << 22) | regs() | (ri(8) << 12),
  () => 0x2e000000 | q() | regs() | (ri(16) << 11),
  () => 0x0e000000 | q() | (r4() << 16) | (ri(4) << 13) | (ri(2) << 12) | r4(),
  () => 0x5e200400 | u() | (ri(4) << 22) | regs() | (ri(32) << 11),
  () => 0x5e200800 | u() | (ri(4) << 22) | regs() | (ri(32) << 12),
  () => 0x5e300800 | u() | (ri(4) << 22) | regs() | (pick([0x1b, 0xc, 0xd, 0xf]) << 12),
  () => 0x5e000400 | (ri(32) << 16) | (r4() << 5) | r4(),
  () => 0x5f000400 | u() | ((1 + ri(15)) << 19) | (ri(8) << 16) | (ri(32) << 11) | (r4() << 5) | r4(),
  () => 0x5f000000 | u() | (ri(4) << 22) | (ri(2) << 21) | regs() | (ri(16) << 12) | (ri(2) << 11),
  // three-same-extra (SQRDMLAH/SH, SDOT/UDOT, FCMLA, FCADD), vector and scalar
  () => 0x0e008400 | q() | u() | (ri(4) << 22) | regs() | (ri(16) << 11),
  () => 0x5e008400 | u() | (ri(4) << 22) | regs() | (ri(16) << 11),
  // FP16 three-same and two-register misc, vector and scalar
  () => 0x0e400400 | q() | u() | (ri(2) << 23) | regs() | (ri(8) << 11),
  () => 0x0e780800 | q() | u() | (ri(2) << 23) | (r4() << 5) | r4() | (ri(32) << 12),
  () => 0x5e400400 | u() | (ri(2) << 23) | regs() | (ri(8) << 11),
  () => 0x5e780800 | u() | (ri(2) << 23) | (r4() << 5) | r4() | (ri(32) << 12),
];

function simd(): CaseIn[] {
  reseed(3);
  const out: CaseIn[] = [];
  for (let i = 0; i < 14000; i++) {
    const c = baseCase(pick(SIMD_GENS)());
    for (let r = 0; r < 4; r++) c.v[r] = mixedVec();
    out.push(c);
  }
  return out;
}

const MULT_REGS: Record<number, number> = { 0: 4, 2: 4, 4: 3, 6: 3, 7: 1, 8: 2, 10: 2 };

function ldstWord(): number {
  const post = ri(3);
  const rmField = post === 0 ? 0 : post === 1 ? 31 : r4();
  const L = ri(2);
  if (ri(2) === 0) {
    const opc = pick([0, 2, 4, 6, 7, 8, 10, 7, 7]);
    const n = MULT_REGS[opc];
    const rt = ri(5 - n);
    const base = post === 0 ? 0x0c000000 : 0x0c800000 | (rmField << 16);
    return base | q() | (L << 22) | (opc << 12) | (ri(4) << 10) | (4 << 5) | rt;
  }
  const opc = ri(8);
  const R = ri(2);
  const selem = (((opc & 1) << 1) | R) + 1;
  const rt = ri(5 - selem);
  const base = post === 0 ? 0x0d000000 : 0x0d800000 | (rmField << 16);
  return base | q() | ((opc >= 6 ? 1 : L) << 22) | (R << 21) | (opc << 13) | (ri(2) << 12) | (ri(4) << 10) | (4 << 5) | rt;
}

function ldst(): CaseIn[] {
  reseed(4);
  const out: CaseIn[] = [];
  for (let i = 0; i < 1500; i++) out.push(baseCase(ldstWord()));
  return out;
}

/** Hand-picked operands: ulp neighbours of 1, midpoint builders, range limits, conversion limits. */
function edgeVal(fmt: number): bigint {
  const eps = fmt === 2 ? 2 ** -52 : 2 ** -23;
  const k = ri(30);
  const sgn = ri(4) === 0 ? -1 : 1;
  const nums = [
    0, 1, 1 + eps, 1 - eps / 2, 1 + 2 * eps, 2 - eps, 3, 1 / 3, 0.1, 0.5, 1.5, 2.5, 3.5,
    eps, eps * eps, eps / 2, eps * eps * 2, 2 ** -60, 2 ** 31, 2 ** 31 - 1, 2 ** 32, 2 ** 63, 2 ** 64, 2 ** 52 + 0.5, 2 ** 23 + 0.5,
  ];
  if (k < nums.length) return numToBits(fmt, sgn * nums[k]);
  const E = EB[fmt];
  const F = FB[fmt];
  const top = BigInt(sgn < 0 ? 1 : 0) << BigInt(E + F);
  const maxE = BigInt((1 << E) - 1);
  switch (k - nums.length) {
    case 0:
      return top | (maxE << BigInt(F)) | 1n; // sNaN
    case 1:
      return top | (maxE << BigInt(F)) | (1n << BigInt(F - 1)) | 5n; // qNaN with payload
    case 2:
      return top | (maxE << BigInt(F)); // inf
    case 3:
      return top | 1n; // min subnormal
    case 4:
      return top | (1n << BigInt(F)); // min normal
    default:
      return top | ((maxE - 1n) << BigInt(F)) | ((1n << BigInt(F)) - 1n); // max normal
  }
}

function edgeFp(): CaseIn[] {
  reseed(5);
  const out: CaseIn[] = [];
  for (let i = 0; i < 3000; i++) {
    const type = pick([0, 1]);
    const fmt = fmtOfType(type);
    const k = ri(8);
    let w: number;
    if (k < 3) w = 0x1f000000 | (type << 22) | (ri(2) << 21) | (1 << 16) | (ri(2) << 15) | (2 << 10) | (0 << 5) | 3;
    else if (k < 5) w = 0x1e200800 | (type << 22) | (1 << 16) | (pick([0, 1, 2, 3, 8]) << 12) | (0 << 5) | 3;
    else if (k < 6) w = 0x1e204000 | (type << 22) | (pick([3, type === 0 ? 5 : 4, 7, 8, 12, 14]) << 15) | 3;
    else if (k < 7) w = (ri(2) << 31) | 0x1e200000 | (type << 22) | (ri(4) << 19) | (ri(2) << 16) | 3;
    else w = (ri(2) << 31) | 0x1e200000 | (type << 22) | ((2 + ri(2)) << 16) | (0 << 5) | 3;
    const c = baseCase(w);
    for (let r = 0; r < 3; r++) c.v[r] = scalarVec(ri(5) === 0 ? fpVal(fmt) : edgeVal(fmt), WIDTH[fmt]);
    if (ri(5) === 0) c.v[1] = scalarVec(BigInt(ri(2)) << BigInt(WIDTH[fmt] - 1), WIDTH[fmt]); // signed zero divisor/operand
    c.fpcr = pick([0, 1 << 22, 2 << 22, 3 << 22, 1 << 24, 1 << 25, (1 << 24) | (3 << 22)]);
    out.push(c);
  }
  return out;
}

/** FCVT to and from half precision with and without FPCR.AHP (alternative half precision). */
function halfFp(): CaseIn[] {
  reseed(6);
  const out: CaseIn[] = [];
  for (let i = 0; i < 1200; i++) {
    const pairs = [
      [3, 4],
      [3, 5],
      [0, 7],
      [1, 7],
    ];
    const [type, opc] = pick(pairs);
    const w = 0x1e204000 | (type << 22) | (opc << 15) | (r4() << 5) | r4();
    const c = baseCase(w);
    const fmt = fmtOfType(type);
    for (let r = 0; r < 4; r++) {
      let v = fpVal(fmt);
      if (fmt !== 0 && ri(3) === 0) v = numToBits(fmt, (ri(2) ? -1 : 1) * pick([65504, 65520, 65536, 131008, 131072, 131056, 2 ** -24, 2 ** -25, 6.1e-5]) * pick([1, 1, 1.0001, 0.9999]));
      c.v[r] = scalarVec(v, WIDTH[fmt]);
    }
    c.fpcr = pick([1 << 26, 1 << 26, (1 << 26) | (3 << 22), (1 << 26) | (1 << 25), 0, 1 << 24, 1 << 19, 2 << 22]);
    out.push(c);
  }
  return out;
}

/** FRINT32Z/X and FRINT64Z/X, scalar and vector (FEAT_FRINTTS). */
function frintts(): CaseIn[] {
  reseed(7);
  const out: CaseIn[] = [];
  for (let i = 0; i < 800; i++) {
    const type = ri(2);
    const fmt = fmtOfType(type);
    let w: number;
    if (ri(2) === 0) w = 0x1e204000 | (type << 22) | ((16 + ri(4)) << 15) | (r4() << 5) | r4();
    else w = 0x0e200800 | q() | u() | (type << 22) | ((0x1e + ri(2)) << 12) | (r4() << 5) | r4();
    if (type === 1 && (w & 0x0e000000) === 0x0e000000 && (w & 0x10000000) === 0) w |= 1 << 30;
    const c = baseCase(w);
    for (let r = 0; r < 4; r++) {
      const lanes = 128 / WIDTH[fmt];
      let v = 0n;
      for (let l = 0; l < lanes; l++) v |= (ri(2) ? edgeVal(fmt) : fpVal(fmt)) << BigInt(l * WIDTH[fmt]);
      c.v[r] = hex16(v & 0xffffffffffffffffn, v >> 64n);
    }
    c.fpcr = pick([0, 1 << 22, 2 << 22, 3 << 22, 1 << 24, 1 << 25]);
    out.push(c);
  }
  return out;
}

export const SUITES: Record<string, () => CaseIn[]> = {
  frintts,
  'half-fp': halfFp,
  'edge-fp': edgeFp,
  ldst,
  simd,
  'scalar-fp': scalarFp,
  'conv-fp': convFp,
};
