/** Operand spelling shared by the decoders, following LLVM's AArch64InstPrinter. */

/** A decoded instruction before it is joined into text. `comment` is LLVM's trailing `// ...`. */
export interface Decoded {
  mnemonic: string;
  operands: string;
  comment?: string;
  target?: bigint;
}

export function d(mnemonic: string, operands = "", target?: bigint, comment?: string): Decoded {
  return { mnemonic, operands, target, comment };
}

export const COND = ["eq", "ne", "hs", "lo", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le", "al", "nv"];

/** General register, 31 = zero register. */
export function rz(r: number, sf: number | boolean): string {
  if (sf) return r === 31 ? "xzr" : `x${r}`;
  return r === 31 ? "wzr" : `w${r}`;
}
/** General register, 31 = stack pointer. */
export function rsp(r: number, sf: number | boolean): string {
  if (sf) return r === 31 ? "sp" : `x${r}`;
  return r === 31 ? "wsp" : `w${r}`;
}
export const xz = (r: number): string => rz(r, 1);
export const xsp = (r: number): string => rsp(r, 1);

/** `#n` in decimal. */
export function imm(n: number | bigint): string {
  return `#${n}`;
}
/** `#0x..` in hex, zero as `#0` (LLVM's printImmHex). */
export function immHex(n: number): string {
  return n === 0 ? "#0" : `#0x${n.toString(16)}`;
}

const MASK64 = (1n << 64n) - 1n;
/** A code address as LLVM prints a branch target: absolute, lowercase hex. */
export function addr(a: bigint): string {
  return `0x${(a & MASK64).toString(16)}`;
}
export function wrap64(a: bigint): bigint {
  return a & MASK64;
}

/** Sign-extends the low `bits` bits of `v`. */
export function sext(v: number, bits: number): number {
  const s = 32 - bits;
  return (v << s) >> s;
}

/** Vector register with arrangement, e.g. `v3.4s`. */
export function vr(n: number, t: string): string {
  return `v${n}.${t}`;
}
/** Arrangement for element size (0..3 = b,h,s,d) and Q. */
export function arr(size: number, q: number): string {
  return ["8b", "16b", "4h", "8h", "2s", "4s", "1d", "2d"][size * 2 + q];
}
export const ELT = ["b", "h", "s", "d", "q"];
/** Scalar SIMD&FP register of element size `size` (0..4 = b,h,s,d,q). */
export function fr(n: number, size: number): string {
  return `${ELT[size]}${n}`;
}

/** LLVM's "%.8f" for FP immediates. */
export function fpImm(v: number): string {
  return `#${v.toFixed(8)}`;
}

/** VFPExpandImm for an 8-bit FP immediate, as a JS double (exact: sign, 4-bit fraction, exponent -3..4). */
export function fp8(imm8: number): number {
  const sign = imm8 & 0x80 ? -1 : 1;
  const mant = 16 + (imm8 & 15);
  const e3 = (imm8 >> 4) & 3;
  const exponent = (imm8 >> 6) & 1 ? e3 - 3 : e3 + 1;
  return (sign * mant * Math.pow(2, exponent)) / 16;
}
