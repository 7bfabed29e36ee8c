import { strict as assert } from 'assert';
import { machineWith } from './int-support/run-emu';
import { SNIPPET_BASE } from './int-support/layout';
import { OP_CMP_WR_BCOND, OP_CMP_XI_BCOND } from '../../../emulator/arm64/int-ops';

// Two nested loops closed by compare + B.cond pairs (fused into one record each):
//   loop: add x0, x0, #1 / cmp x0, #10 / b.ne loop / mov x0, #0 / add x1, x1, #1 / cmp w1, w2 / b.lt loop / nop
const LOOPS = [0x91000400, 0xf100281f, 0x54ffffc1, 0xd2800000, 0x91000421, 0x6b02003f, 0x54ffff4b, 0xd503201f];
const TOTAL = 3 * (3 * 10 + 4); // three outer rounds of ten inner ones: the nop is next after this many

function loops(): ReturnType<typeof machineWith> {
  const m = machineWith(LOOPS);
  m.cpu.setX(0, 0n);
  m.cpu.setX(1, 0n);
  m.cpu.setX(2, 3n);
  return m;
}

function assertDone(cpu: ReturnType<typeof machineWith>['cpu']): void {
  assert.equal(cpu.icount, TOTAL);
  assert.equal(cpu.pc, BigInt(SNIPPET_BASE + 7 * 4), 'at the nop');
  assert.equal(cpu.getX(0), 0n);
  assert.equal(cpu.getX(1), 3n);
}

describe('arm64 compare + B.cond fusion', () => {
  it('decodes each compare followed by a B.cond into one record and runs the loops exactly', () => {
    const { cpu } = loops();
    assert.equal(cpu.run(TOTAL), 0);
    assertDone(cpu);
    assert.equal(cpu.fetchInsns[1].op, OP_CMP_XI_BCOND);
    assert.equal(cpu.fetchInsns[5].op, OP_CMP_WR_BCOND);
    assert.equal(cpu.nzcv, 0b0110, 'NZCV of the last compare (3 - 3: Z and C)');
  });

  it('stops between the compare and its B.cond when the budget ends there, and resumes', () => {
    const { cpu } = loops();
    cpu.run(2);
    assert.equal(cpu.pc, BigInt(SNIPPET_BASE + 8), 'at the B.cond');
    assert.equal(cpu.zf, 0);
    cpu.run(TOTAL - 2);
    assertDone(cpu);
  });

  it('single-stepping retires the pair as two instructions', () => {
    const { cpu } = loops();
    const pcs: bigint[] = [];
    for (let i = 0; i < TOTAL; i++) {
      cpu.run(1);
      pcs.push(cpu.pc);
    }
    assertDone(cpu);
    assert.deepEqual(pcs.slice(0, 4).map((p) => Number(p) - SNIPPET_BASE), [4, 8, 0, 4]);
  });

  it('does not fuse a compare that writes a register, or one not followed by a B.cond', () => {
    // subs x3, x0, #10 / b.ne .+8 / cmp x0, #1 / add x0, x0, #1
    const { cpu } = machineWith([0xf1002803, 0x54000041, 0xf100041f, 0x91000400]);
    cpu.run(1);
    cpu.run(1);
    cpu.run(1);
    assert.notEqual(cpu.fetchInsns[0].op, OP_CMP_XI_BCOND);
    assert.notEqual(cpu.fetchInsns[2].op, OP_CMP_XI_BCOND);
  });
});
