/**
 * Operand pickers for the sequence generator. The register conventions are the contract with the guest
 * driver (seq-support.S / driver.c):
 * - x0-x21 are free: generated instructions write only these (and v0-v31).
 * - x22 (small non-negative) and x23 (small negative) are index registers for register-offset addressing.
 * - x24-x28 point into the scratch buffer (x25 is odd, x27 only 8-byte aligned, the rest 16-byte aligned);
 *   only addressing writeback modifies them, by small amounts.
 * - x29, x30 and SP are read-only (SP is the driver's state area; reading it is deterministic).
 */
import { Prng } from './prng';

export const DST_MAX = 21;
export const BASES = ['x24', 'x25', 'x26', 'x27', 'x28'] as const;
export const ALIGNED_BASES = ['x24', 'x26', 'x28'] as const;
export const CONDS = ['eq', 'ne', 'cs', 'cc', 'mi', 'pl', 'vs', 'vc', 'hi', 'ls', 'ge', 'lt', 'gt', 'le'] as const;
export const CONDS_ALL = [...CONDS, 'al', 'nv'] as const;

export function xd(r: Prng): number {
  return r.int(0, DST_MAX);
}

/** A source register number; 31 means the zero register. */
export function srcNum(r: Prng): number {
  const u = r.int(0, 99);
  if (u < 80) return r.int(0, 23);
  if (u < 94) return r.int(24, 30);
  return 31;
}

export function X(n: number): string {
  return n === 31 ? 'xzr' : `x${n}`;
}

export function W(n: number): string {
  return n === 31 ? 'wzr' : `w${n}`;
}

export function R(n: number, is64: boolean): string {
  return is64 ? X(n) : W(n);
}

/** Destination/source pair as text for the chosen width. */
export function rd(r: Prng, is64: boolean): string {
  return R(xd(r), is64);
}

export function rs(r: Prng, is64: boolean): string {
  return R(srcNum(r), is64);
}

/** Store-source registers: never a base register (writeback with Rt == Rn is UNPREDICTABLE). */
export function storeSrc(r: Prng, is64: boolean): string {
  const u = r.int(0, 99);
  const n = u < 85 ? r.int(0, 23) : u < 95 ? r.pick([29, 30]) : 31;
  return R(n, is64);
}

export function hex(v: bigint | number): string {
  return `#0x${v.toString(16)}`;
}

/** A valid logical (bitmask) immediate for a 32- or 64-bit operation. */
export function bitmaskImm(r: Prng, is64: boolean): bigint {
  const sizes = is64 ? [2, 4, 8, 16, 32, 64] : [2, 4, 8, 16, 32];
  const e = r.pick(sizes);
  const ones = r.int(1, e - 1);
  const rot = r.int(0, e - 1);
  const emask = (1n << BigInt(e)) - 1n;
  let elem = (1n << BigInt(ones)) - 1n;
  elem = ((elem >> BigInt(rot)) | (elem << BigInt(e - rot))) & emask;
  const width = is64 ? 64 : 32;
  let v = 0n;
  for (let i = 0; i < width; i += e) v |= elem << BigInt(i);
  return v;
}

export function vreg(r: Prng): number {
  return r.int(0, 31);
}

export const ARR_ALL = ['8b', '16b', '4h', '8h', '2s', '4s', '2d'] as const;
export const ARR_NO2D = ['8b', '16b', '4h', '8h', '2s', '4s'] as const;
export const ARR_HS = ['4h', '8h', '2s', '4s'] as const;
export const ARR_B = ['8b', '16b'] as const;
export const ARR_F = ['2s', '4s', '2d'] as const;

export function esize(arr: string): number {
  const c = arr[arr.length - 1];
  return c === 'b' ? 8 : c === 'h' ? 16 : c === 's' ? 32 : c === 'd' ? 64 : 128;
}

export function lanes(arr: string): number {
  return parseInt(arr, 10);
}

/** Element-size letter of an arrangement ("4s" -> "s"). */
export function elt(arr: string): string {
  return arr[arr.length - 1];
}

/** An fmov-encodable floating-point immediate: +-(16..31)/16 * 2^(-3..4). */
export function fpImm(r: Prng): string {
  const v = (r.int(16, 31) / 16) * Math.pow(2, r.int(-3, 4)) * (r.bool() ? -1 : 1);
  return `#${v.toString()}`;
}
