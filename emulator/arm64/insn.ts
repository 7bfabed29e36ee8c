/**
 * A decoded A64 instruction. Every decoder fills the same monomorphic shape so the
 * executor's switch sees one hidden class; fields are int32 and their meaning depends on `op`.
 *
 * Register-number convention (set by the decoders, relied on by the executor):
 *   0..30  X0..X30
 *   31     SP (the current stack pointer; banked by the system layer on EL/SPSel change)
 *   32     ZR as a source: always reads 0
 *   33     ZR as a destination: a sink that is written and never read
 * so the executor never special-cases register 31.
 */
export class Insn {
  op = 0;
  rd = 0;
  rn = 0;
  rm = 0;
  ra = 0;
  /** Primary immediate (low 32 bits when 64-bit). */
  imm = 0;
  /** Second immediate or high 32 bits of `imm`. */
  imm2 = 0;
  /** 1 for the 64-bit form (sf/size), 0 for 32-bit; for loads/stores the log2 access size. */
  sf = 0;
  /** Op-specific small fields (shift type, extend type, condition, flags, element size...). */
  a = 0;
  b = 0;
  c = 0;
  /** The raw instruction word (for syndromes and the slow paths). */
  word = 0;
}

export const REG_SP = 31;
export const REG_ZR = 32;
export const REG_SINK = 33;
/** Registers in the integer file: X0-X30, SP, ZR, sink. */
export const GPR_SLOTS = 34;

/** Map an encoded register field to a source index: 31 means ZR. */
export function srcReg(r: number): number {
  return r === 31 ? REG_ZR : r;
}
/** Map an encoded register field to a destination index: 31 means ZR (discard). */
export function dstReg(r: number): number {
  return r === 31 ? REG_SINK : r;
}
