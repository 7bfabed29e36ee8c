import type { Insn } from './insn';

/** STUB INTERFACE (to be replaced): fill `insn` from the A64 word; op 0 = UNDEFINED. */
export function decode(_word: number, insn: Insn): void {
  insn.op = 0;
}
