import type { Arm64Cpu } from '../cpu';
import type { Insn } from '../insn';

/** STUB INTERFACE (to be replaced): decode an FP/AdvSIMD encoding into `insn`; leave op 0 when unallocated. */
export function decodeFpSimd(_word: number, insn: Insn): void {
  insn.op = 0;
}

/** STUB INTERFACE (to be replaced): execute a record whose op lies in 1000..1999. */
export function execFpSimd(cpu: Arm64Cpu, _insn: Insn): void {
  cpu.sys.undef();
}
