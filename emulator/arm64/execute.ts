import type { Arm64Cpu } from './cpu';

/** STUB INTERFACE (to be replaced): the tier-0 interpreter loop; runs until cpu.icount reaches cpu.stopAt. */
export function execute(cpu: Arm64Cpu): void {
  while (cpu.icount < cpu.stopAt) {
    const pcLo = cpu.pcLo;
    if ((pcLo & ~0xfff) !== cpu.fetchPageLo || cpu.pcHi !== cpu.fetchPageHi) cpu.refillFetch();
    const idx = (pcLo & 0xfff) >>> 2;
    let insn = cpu.fetchInsns[idx];
    if (insn === undefined) insn = cpu.decodeAt(idx);
    cpu.icount++;
    switch (insn.op) {
      default:
        cpu.sys.undef();
    }
  }
}
