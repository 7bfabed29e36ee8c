/**
 * A64 disassembler producing the instruction text llvm-objdump 14 prints (`-d --no-show-raw-insn`
 * with --mattr=+v8a,+lse,+crc,+fp-armv8,+neon): the same alias choices, immediate spelling and
 * system-register names. Branch and literal operands are absolute addresses; `target` carries
 * them (and ADR/ADRP results) so the caller can symbolise. Never throws: anything LLVM would not
 * decode under those features is `<unknown>`.
 */
import { Decoded } from "./fmt";
import { decodeDpImm } from "./dp-imm";
import { decodeBranchSys } from "./branch-sys";
import { decodeLdSt } from "./ldst";
import { decodeDpReg } from "./dp-reg";
import { decodeScalarFp } from "./fp";
import { decodeSimd } from "./simd";

export interface Disassembly {
  mnemonic: string;
  operands: string;
  /** What llvm-objdump prints with its tab after the mnemonic as one space, and any `// comment`
   *  aligned as llvm-objdump aligns it. */
  text: string;
  target?: bigint;
}

function decode(w: number, pc: bigint): Decoded | null {
  const op0 = (w >>> 25) & 15;
  switch (op0) {
    case 0:
      return w >>> 16 === 0 ? { mnemonic: "udf", operands: `#${w & 0xffff}` } : null;
    case 8:
    case 9:
      return decodeDpImm(w, pc);
    case 10:
    case 11:
      return decodeBranchSys(w, pc);
    case 5:
    case 13:
      return decodeDpReg(w);
    case 7:
    case 15:
      // Scalar FP lives at x0x1 1110 / 1111 with bit 30 clear; everything else here is AdvSIMD.
      if ((w >>> 28) & 1 && !((w >>> 30) & 1)) return decodeScalarFp(w);
      return decodeSimd(w);
    case 4:
    case 6:
    case 12:
    case 14:
      return decodeLdSt(w, pc);
  }
  return null;
}

/**
 * llvm-objdump pads to a fixed column before a comment (at least one space). Its column counter
 * treats a tab that starts on a tab stop as zero-width, and the mnemonic starts on a tab stop, so
 * relative to the mnemonic the operands start at the mnemonic length rounded up to 8 and the
 * comment at column 32.
 */
function commentPad(mnemonic: string, operands: string): number {
  const col = Math.ceil(mnemonic.length / 8) * 8 + operands.length;
  return Math.max(32 - col, 1);
}

export function disassemble(word: number, address: bigint): Disassembly {
  const w = word >>> 0;
  let r: Decoded | null;
  try {
    r = decode(w, address);
  } catch {
    // Defensive only: a decoder bug must show as <unknown>, never break the disassembly view.
    r = null;
  }
  if (!r) return { mnemonic: "<unknown>", operands: "", text: "<unknown>" };
  let text = r.operands ? `${r.mnemonic} ${r.operands}` : r.mnemonic;
  if (r.comment) text += `${" ".repeat(commentPad(r.mnemonic, r.operands))}// ${r.comment}`;
  const out: Disassembly = { mnemonic: r.mnemonic, operands: r.operands, text };
  if (r.target !== undefined) out.target = r.target;
  return out;
}
