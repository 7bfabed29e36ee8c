/**
 * Tier-0 integer-core micro-benchmark (not a mocha test). Prints MIPS per main-thread CPU time (best of N; the
 * machine is shared, so wall time is meaningless under load):
 *   alu:  add/add/eor/subs/b.ne loop            mem: add/ldr/add/str/subs/b.ne loop
 *   intloop: bench/guests/intloop.elf (CRC32 + sieve + insertion sort, clang -O2), whole run
 * Run: cd /work/main && npx tsx test/emulator/arm64/int-support/bench-int.ts [runs]
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { machineWith } from './run-emu';
import { Vm } from '../../../../emulator/hyp/vm';

const LOOPS: Record<string, number[]> = {
  // mov x0,#0; mov x2,#1000; lsl x2,x2,#14; 1: add x0,x0,#3; add x3,x3,x0; eor x4,x3,x0; subs x2,x2,#1; b.ne 1b
  alu: [0xd2800000, 0xd2807d02, 0xd372c442, 0x91000c00, 0x8b000063, 0xca000064, 0xf1000442, 0x54ffff81, 0],
  // mov x0,#0; movz x1,#0x4001,lsl #16; mov x2,#1000; lsl x2,x2,#14; 1: add x0,x0,#3; ldr x3,[x1,#8];
  // add x3,x3,x0; str x3,[x1,#8]; subs x2,x2,#1; b.ne 1b
  mem: [0xd2800000, 0xd2a80021, 0xd2807d02, 0xd372c442, 0x91000c00, 0xf9400423, 0x8b000063, 0xf9000423, 0xf1000442, 0x54ffff61, 0],
};

function cpuMicros(f: () => number): { n: number; us: number } {
  const c0 = process.cpuUsage();
  const n = f();
  const c = process.cpuUsage(c0);
  return { n, us: c.user + c.system };
}

const runs = Number(process.argv[2] ?? 5);
for (const [name, words] of Object.entries(LOOPS)) {
  let best = 0;
  for (let r = 0; r < runs; r++) {
    const { cpu } = machineWith(words, 0x40000000);
    const { n, us } = cpuMicros(() => {
      cpu.run(16_384_000 * (words.length - 4));
      return cpu.icount;
    });
    best = Math.max(best, n / us);
  }
  console.log(`${name.padEnd(8)} ${best.toFixed(1)} MIPS`);
}
const elfPath = join(__dirname, '../../../../bench/guests/intloop.elf');
if (existsSync(elfPath)) {
  const elf = readFileSync(elfPath);
  let best = 0;
  for (let r = 0; r < Math.min(runs, 3); r++) {
    const vm = new Vm({ onUart: () => {} });
    vm.loadElf(elf);
    const cpu = vm.createVcpu().cpu;
    const { n, us } = cpuMicros(() => {
      let total = 0;
      for (;;) {
        const b = cpu.icount;
        cpu.run(50_000_000);
        total += cpu.icount - b;
        if (cpu.stopReason !== 0) return total;
      }
    });
    best = Math.max(best, n / us);
  }
  console.log(`intloop  ${best.toFixed(1)} MIPS`);
}
