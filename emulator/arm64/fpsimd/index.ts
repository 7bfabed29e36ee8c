import type { Arm64Cpu } from '../cpu';
import type { Insn } from '../insn';
import * as __decode_fp from './decode-fp';
// Imported names are rebound to locals: a per-file ESM->CJS transform (tsx, mocha) would otherwise turn
// every use into a getter call, which costs more than the instruction itself on these paths.
const { decodeFp } = __decode_fp;
import * as __exec_fp from './exec-fp';
const { execFp } = __exec_fp;
import * as __decode_simd from './decode-simd';
const { decodeSimd } = __decode_simd;
import * as __exec_simd from './exec-simd';
const { execSimd } = __exec_simd;
import * as __ldst from './ldst';
const { decodeLdst, execLdst } = __ldst;
import * as __ops from './ops';
const { OP_FP_LAST, OP_SIMD_LAST } = __ops;

/**
 * Decode an FP/AdvSIMD encoding into `insn` (op 1000..1999, or 0 when unallocated). Called by the top-level
 * decoder for op0 = x111 (FP and AdvSIMD data processing) and the AdvSIMD structure load/store classes.
 */
export function decodeFpSimd(word: number, insn: Insn): void {
  insn.op = 0;
  insn.word = word;
  if ((word & 0x0a000000) === 0x08000000) {
    // Loads and stores (op0 = x1x0): only the AdvSIMD structure classes reach this unit.
    decodeLdst(word, insn);
  } else if ((word & 0x50000000) === 0x10000000) {
    decodeFp(word, insn);
  } else {
    decodeSimd(word, insn);
  }
}

/**
 * Execute a record whose op lies in 1000..1999. Does not advance the PC (the caller does, as for every
 * non-branch). Traps first when CPACR_EL1.FPEN disables FP/AdvSIMD at the current EL.
 */
export function execFpSimd(cpu: Arm64Cpu, insn: Insn): void {
  if (cpu.fpEnabled === 0) cpu.sys.fpTrap();
  const op = insn.op;
  if (op <= OP_FP_LAST) execFp(cpu, insn);
  else if (op <= OP_SIMD_LAST) execSimd(cpu, insn);
  else execLdst(cpu, insn);
}
