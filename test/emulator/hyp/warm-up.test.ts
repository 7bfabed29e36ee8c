import { strict as assert } from 'assert';
import { Insn } from '../../../emulator/arm64/insn';
import { decode } from '../../../emulator/arm64/decode';
import { fuseCompareBranch } from '../../../emulator/arm64/fuse';
import { FAST_OP_LIST } from '../../../emulator/arm64/fast-ops';
import { WARM_UP_BASE, WARM_UP_CODE, WARM_UP_ROUNDS, runWarmUpRounds, warmUpVcpu } from '../../../emulator/hyp/warm-up';

describe('interpreter warm-up program', () => {
  it('reaches every op fastRun handles', () => {
    const seen = new Set<number>();
    WARM_UP_CODE.forEach((w, i) => {
      const insn = new Insn();
      decode(w | 0, insn);
      seen.add(insn.op);
      if (i + 1 < WARM_UP_CODE.length) fuseCompareBranch(insn, WARM_UP_CODE[i + 1] | 0);
      seen.add(insn.op);
    });
    const missing = FAST_OP_LIST.filter((op) => !seen.has(op));
    assert.deepEqual(missing, [], `ops without an instruction in the warm-up program: ${missing.join(', ')}`);
  });

  it('loops without taking an exception, across its page boundary, for the whole budget', () => {
    const vcpu = warmUpVcpu();
    const cpu = vcpu.cpu;
    assert.equal(runWarmUpRounds(vcpu), WARM_UP_ROUNDS * WARM_UP_CODE.length * 2, 'a round stopped before its budget');
    const end = BigInt(WARM_UP_BASE + WARM_UP_CODE.length * 4);
    assert.ok(cpu.pc >= BigInt(WARM_UP_BASE) && cpu.pc < end, `PC 0x${cpu.pc.toString(16)} left the program`);
    assert.equal(cpu.sys.readSysregByName('ESR_EL1'), 0n, 'an exception was taken');
    assert.ok((WARM_UP_BASE & 0xfff) + WARM_UP_CODE.length * 4 > 0x1000, 'the program does not cross a page');
  });
});
