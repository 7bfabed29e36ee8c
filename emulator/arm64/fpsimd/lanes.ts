/**
 * Lane access for the AdvSIMD executors. Results are built in a private 32-byte buffer (`T*` views, allocated
 * once) and committed to Vd at the end, so every op is safe when Vd aliases a source; `commit` also zeroes
 * the bytes above the data size (64-bit vectors and scalar forms clear the rest of the register).
 */
import type { Arm64Cpu } from '../cpu';

const TBUF = new ArrayBuffer(32);
export const T8 = new Uint8Array(TBUF);
export const T16 = new Uint16Array(TBUF);
export const T32 = new Int32Array(TBUF);
export const T64 = new BigUint64Array(TBUF);

/** The V-file index of the CPU's 16 scratch bytes (used to broadcast by-element operands). */
export const VSCRATCH = 32;

/** Cumulative saturation flag, FPSR.QC. */
export const QC = 1 << 27;

/** Unsigned lane i of V`r` for element sizes 8/16/32 (es 0..2). */
export function rdU(cpu: Arm64Cpu, r: number, i: number, es: number): number {
  if (es === 0) return cpu.vu8[(r << 4) + i];
  if (es === 1) return cpu.vu16[(r << 3) + i];
  return cpu.v32[(r << 2) + i] >>> 0;
}

/** Signed lane i of V`r` (es 0..2). */
export function rdS(cpu: Arm64Cpu, r: number, i: number, es: number): number {
  if (es === 0) return (cpu.vu8[(r << 4) + i] << 24) >> 24;
  if (es === 1) return (cpu.vu16[(r << 3) + i] << 16) >> 16;
  return cpu.v32[(r << 2) + i];
}

/** 64-bit lane i of V`r`, unsigned (slow path). */
export function rd64(cpu: Arm64Cpu, r: number, i: number): bigint {
  return cpu.v64[(r << 1) + i];
}

/** Write lane i of the result buffer; typed-array stores wrap the value modulo the lane width. */
export function wrT(i: number, es: number, v: number): void {
  if (es === 0) T8[i] = v;
  else if (es === 1) T16[i] = v;
  else T32[i] = v;
}

/** Copy `bytes` of the result buffer into V`rd` and zero the rest of the register. */
export function commit(cpu: Arm64Cpu, rd: number, bytes: number): void {
  const v = cpu.v32;
  const b = rd << 2;
  if (bytes >= 8) {
    v[b] = T32[0];
    v[b + 1] = T32[1];
    if (bytes === 16) {
      v[b + 2] = T32[2];
      v[b + 3] = T32[3];
    } else {
      v[b + 2] = 0;
      v[b + 3] = 0;
    }
    return;
  }
  v[b] = bytes === 4 ? T32[0] : bytes === 2 ? T16[0] : T8[0];
  v[b + 1] = 0;
  v[b + 2] = 0;
  v[b + 3] = 0;
}

/** Copy V`r` into the result buffer (for ops that keep part of Vd). */
export function loadT(cpu: Arm64Cpu, r: number): void {
  const v = cpu.v32;
  const b = r << 2;
  T32[0] = v[b];
  T32[1] = v[b + 1];
  T32[2] = v[b + 2];
  T32[3] = v[b + 3];
}

export function sx(v: number, es: number): number {
  return es === 0 ? (v << 24) >> 24 : es === 1 ? (v << 16) >> 16 : v | 0;
}
