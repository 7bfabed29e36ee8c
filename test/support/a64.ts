/** Hand encodings of the few A64 instructions the machine-level tests need (checked with llvm-mc). */
export const A64 = {
  /** movz Xd, #imm16, lsl #shift */
  movz: (rd: number, imm: number, shift = 0): number => (0xd2800000 | ((shift / 16) << 21) | ((imm & 0xffff) << 5) | rd) >>> 0,
  /** movk Xd, #imm16, lsl #shift */
  movk: (rd: number, imm: number, shift = 0): number => (0xf2800000 | ((shift / 16) << 21) | ((imm & 0xffff) << 5) | rd) >>> 0,
  /** strb Wt, [Xn] */
  strb: (rt: number, rn: number): number => (0x39000000 | (rn << 5) | rt) >>> 0,
  /** add Xd, Xn, #imm12 */
  addi: (rd: number, rn: number, imm: number): number => (0x91000000 | (imm << 10) | (rn << 5) | rd) >>> 0,
  hvc0: 0xd4000002,
  wfi: 0xd503207f,
  nop: 0xd503201f,
  /** b . */
  self: 0x14000000,
  brk: (imm: number): number => (0xd4200000 | (imm << 5)) >>> 0,
};

/** movz/movk sequence loading a 32-bit constant into Xd. */
export function load32(rd: number, value: number): number[] {
  return [A64.movz(rd, value & 0xffff), A64.movk(rd, (value >>> 16) & 0xffff, 16)];
}
