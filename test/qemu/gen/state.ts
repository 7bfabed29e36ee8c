/**
 * Initial register state of a generated sequence and its binary form in the guest's init table.
 * Entry layout (must match seq-support.S and driver.c; 800 bytes, little-endian):
 *   0   x0..x29 (x24..x28 hold offsets into the scratch buffer; the guest adds the buffer address)
 *   240 v0..v31 (16 bytes each)
 *   752 nzcv, 760 fpcr, 768 fpsr, 776 tpidr_el0, 784 flags (bit 0: reset and checksum scratch), 792 pad
 */
import { Prng } from './prng';
import { fpcrValue } from './int-classes';

export const ENTRY_SIZE = 800;
export const SCRATCH_SIZE = 8192;
/** x24..x28: offsets into scratch (see operands.ts for why these alignments). */
export const BASE_OFFSETS = [2048, 2561, 3072, 3592, 4096];

export interface InitState {
  x: bigint[]; // 30 values, x0..x29
  v: Uint8Array; // 512 bytes
  nzcv: number;
  fpcr: number;
  fpsr: number;
  tpidr: bigint;
  memory: boolean;
}

const M64 = (1n << 64n) - 1n;

const SPECIAL_X: bigint[] = [
  0n, 1n, 2n, M64, M64 - 1n, 0x7fffffffffffffffn, 0x8000000000000000n, 0xffffffffn, 0x80000000n, 0x7fffffffn,
  0x100000000n, 0xffffffff80000000n, 0x8000n, 0xffffn, 0x80n, 0xffn, 63n, 64n, 31n, 32n,
];

function randomX(r: Prng): bigint {
  const u = r.int(0, 99);
  if (u < 45) return r.u64();
  if (u < 57) return BigInt(r.int(0, 20));
  if (u < 65) return (M64 + 1n - BigInt(r.int(1, 20))) & M64;
  if (u < 82) return r.pick(SPECIAL_X);
  if (u < 94) return BigInt(r.u32());
  return BigInt.asUintN(64, BigInt(r.u32() | 0));
}

const F64_SPECIAL: number[] = [
  0, -0, 1, -1, 0.5, 1.5, 2, 3, -2.5, 2.5, 10, 100, 1e10, -1e-10, Math.PI, 1 / 3, Infinity, -Infinity,
  4294967295.5, 0.49999999999999994, 9007199254740993, 9223372036854775807, -9223372036854775808, 18446744073709551616,
  2147483647.5, -2147483648.5, 65504, 1e300, 2.2250738585072014e-308, 5e-324, 2.225073858507201e-308, 1e-310, 0.1,
];
const F64_BITS_SPECIAL: bigint[] = [0x7ff8000000000000n, 0xfff8000000000000n, 0x7ff0000000000001n, 0x7ff4000000000000n, 0x7ff80000deadbeefn, 0xfff0000000000123n];
const F32_SPECIAL: number[] = [
  0, -0, 1, -1, 0.5, 1.5, 2, 3, -2.5, 2.5, 100, 1e10, Math.PI, 1 / 3, Infinity, -Infinity, 16777217, 2147483648,
  -2147483648, 4294967296, 65504, 65520, 1.1754943508222875e-38, 1e-40, 1.401298464324817e-45, 3.4028234663852886e38, 0.1,
];
const F32_BITS_SPECIAL: number[] = [0x7fc00000, 0xffc00000, 0x7f800001, 0x7fa00000, 0x7fc0beef, 0xff800123];

const f64buf = new DataView(new ArrayBuffer(8));

function randomHalf(r: Prng, out: DataView, off: number): void {
  switch (r.int(0, 6)) {
    case 0:
    case 1: {
      if (r.bool(0.8)) out.setFloat64(off, r.pick(F64_SPECIAL), true);
      else out.setBigUint64(off, r.pick(F64_BITS_SPECIAL), true);
      return;
    }
    case 2:
    case 3: {
      for (let k = 0; k < 2; k++) {
        if (r.bool(0.8)) out.setFloat32(off + 4 * k, r.pick(F32_SPECIAL), true);
        else out.setUint32(off + 4 * k, r.pick(F32_BITS_SPECIAL), true);
      }
      return;
    }
    case 4: {
      // Ordinary-looking values in both precisions: random mantissas with moderate exponents.
      f64buf.setFloat64(0, (r.u32() / 4294967296 - 0.5) * Math.pow(2, r.int(-20, 40)), true);
      out.setBigUint64(off, f64buf.getBigUint64(0, true), true);
      return;
    }
    case 5: {
      for (let k = 0; k < 4; k++) out.setInt16(off + 2 * k, r.int(-300, 300), true);
      return;
    }
    default:
      out.setUint32(off, r.u32(), true);
      out.setUint32(off + 4, r.u32(), true);
  }
}

export function randomState(r: Prng, memory: boolean): InitState {
  const x: bigint[] = [];
  for (let i = 0; i < 30; i++) x.push(randomX(r));
  x[22] = BigInt(r.pick([0, 8, 16, 24, 40, 64, 100]));
  x[23] = (M64 + 1n - BigInt(r.pick([8, 16, 24, 40, 64]))) & M64;
  for (let i = 0; i < 5; i++) x[24 + i] = BigInt(BASE_OFFSETS[i]);
  const v = new Uint8Array(512);
  const dv = new DataView(v.buffer);
  for (let i = 0; i < 64; i++) randomHalf(r, dv, i * 8);
  const fpcr = r.bool(0.7) ? 0 : fpcrValue(r);
  const fpsr = r.bool(0.8) ? 0 : r.int(0, 0x9f) & 0x9f;
  return { x, v, nzcv: r.int(0, 15) << 28, fpcr, fpsr, tpidr: r.u64(), memory };
}

export function encodeState(s: InitState, out: Uint8Array, offset: number): void {
  const dv = new DataView(out.buffer, out.byteOffset + offset, ENTRY_SIZE);
  for (let i = 0; i < 30; i++) dv.setBigUint64(i * 8, s.x[i], true);
  out.set(s.v, offset + 240);
  dv.setBigUint64(752, BigInt(s.nzcv >>> 0), true);
  dv.setBigUint64(760, BigInt(s.fpcr >>> 0), true);
  dv.setBigUint64(768, BigInt(s.fpsr >>> 0), true);
  dv.setBigUint64(776, s.tpidr, true);
  dv.setBigUint64(784, s.memory ? 1n : 0n, true);
}

/** The value a guest register had on entry, as the guest prints it (hex, no prefix). */
export function initialText(s: InitState, key: string, scratch: bigint): string | undefined {
  const m = /^x(\d+)$/.exec(key);
  if (m) {
    const n = Number(m[1]);
    if (n >= 30) return undefined;
    const v = n >= 24 && n <= 28 ? s.x[n] + scratch : s.x[n];
    return v.toString(16).padStart(16, '0');
  }
  const mv = /^v(\d+)$/.exec(key);
  if (mv) {
    const n = Number(mv[1]);
    let t = '';
    for (let i = 15; i >= 0; i--) t += s.v[n * 16 + i].toString(16).padStart(2, '0');
    return t;
  }
  if (key === 'fc') return s.fpcr.toString(16);
  if (key === 'tp') return s.tpidr.toString(16).padStart(16, '0');
  return undefined;
}
