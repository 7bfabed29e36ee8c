import { strict as assert } from 'assert';
import { machineWith } from './int-support/run-emu';

/**
 * The interpreter loop runs straight-line code and same-page branches without its per-page checks (see
 * execute.ts). These pin the cases that must still be exact inside one `run` call: the budget, sequential
 * execution off the end of a page, and code written on the page being executed.
 */
const ADD_X0_1 = 0x91000400; // add x0, x0, #1
const B_BACK_1 = 0x17ffffff; // b .-4
const MOVZ_X0_1 = 0xd2800020; // mov x0, #1
const MOVZ_X0_2 = 0xd2800040; // mov x0, #2
const MOVZ_X3_1 = 0xd2800023; // mov x3, #1
const CBNZ_X3_20 = 0xb50000a3; // cbnz x3, .+20
const STR_W2_X1 = 0xb9000022; // str w2, [x1]
const B_BACK_16 = 0x17fffffc; // b .-16
const NOP = 0xd503201f;

describe('arm64 interpreter loop', () => {
  it('stops a same-page loop exactly at the budget', () => {
    const base = 0x40001000;
    const { cpu } = machineWith([ADD_X0_1, B_BACK_1], base);
    cpu.run(7); // add, b, add, b, add, b, add
    assert.equal(cpu.icount, 7);
    assert.equal(cpu.getX(0), 4n);
    assert.equal(cpu.pc, BigInt(base + 4));
    cpu.run(1);
    assert.equal(cpu.pc, BigInt(base));
    assert.equal(cpu.icount, 8);
  });

  it('runs sequentially across a page boundary within one run call', () => {
    const base = 0x40001ff8;
    const { cpu } = machineWith([ADD_X0_1, ADD_X0_1, ADD_X0_1, ADD_X0_1, NOP], base);
    cpu.run(4);
    assert.equal(cpu.icount, 4);
    assert.equal(cpu.getX(0), 4n);
    assert.equal(cpu.pc, 0x40002008n);
  });

  it('executes an instruction rewritten by a store on the same page (decoded before, reached by a branch)', () => {
    const base = 0x40001000;
    // 0: mov x0,#1 (patched to mov x0,#2); 4: cbnz x3 -> 0x18; 8: mov x3,#1; c: str w2,[x1]; 10: b 0
    const { cpu } = machineWith([MOVZ_X0_1, CBNZ_X3_20, MOVZ_X3_1, STR_W2_X1, B_BACK_16, NOP, NOP], base);
    cpu.setX(1, BigInt(base));
    cpu.setX(2, BigInt(MOVZ_X0_2));
    cpu.run(7);
    assert.equal(cpu.getX(0), 2n);
    assert.equal(cpu.pc, BigInt(base + 0x18));
    assert.equal(cpu.icount, 7);
  });

  it('executes the next instruction as rewritten by the store just before it (straight-line code)', () => {
    const base = 0x40001000;
    const { cpu } = machineWith([STR_W2_X1, MOVZ_X0_1, NOP], base);
    // First pass stores elsewhere, so the record for base+4 is decoded and cached as mov x0,#1.
    cpu.setX(1, 0x40010000n);
    cpu.setX(2, BigInt(MOVZ_X0_2));
    cpu.run(2);
    assert.equal(cpu.getX(0), 1n);
    cpu.pc = BigInt(base);
    cpu.setX(1, BigInt(base + 4));
    cpu.run(2);
    assert.equal(cpu.getX(0), 2n);
    assert.equal(cpu.pc, BigInt(base + 8));
  });
});
