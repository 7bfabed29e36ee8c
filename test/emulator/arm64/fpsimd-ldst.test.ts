import { strict as assert } from 'node:assert';
import { fixtureTest, undefTest } from './fpsimd-support/suite';
import { theCpu } from './fpsimd-support/runner';
import { Insn } from '../../../emulator/arm64/insn';
import { ABORT } from '../../../emulator/arm64/cpu';
import { decodeFpSimd, execFpSimd } from '../../../emulator/arm64/fpsimd';

describe('arm64 fpsimd: AdvSIMD structure loads/stores (oracle: qemu-aarch64 -cpu max)', () => {
  fixtureTest('ldst', 'LD1-4/ST1-4 multiple and single structures, LDnR, post-index');
  undefTest('ldst');

  it('a load that faults part-way leaves the registers and the base untouched', () => {
    const cpu = theCpu();
    cpu.fpEnabled = 1;
    const ramEnd = 0x40000000 + (16 << 20);
    for (let i = 0; i < 16; i++) cpu.v32[i] = 0x11111111 * (i % 4);
    const before = Array.from(cpu.v32.subarray(0, 16));
    cpu.x[8] = ramEnd - 32; // x4: the second half of the 64 bytes lies outside RAM
    cpu.x[9] = 0;
    const insn = new Insn();
    decodeFpSimd(0x4cdf0080, insn); // ld4 {v0.16b-v3.16b}, [x4], #64
    assert.notEqual(insn.op, 0);
    assert.throws(() => execFpSimd(cpu, insn), (e: unknown) => e === ABORT);
    assert.deepEqual(Array.from(cpu.v32.subarray(0, 16)), before);
    assert.equal(cpu.x[8], ramEnd - 32);
    decodeFpSimd(0x4cdf2080, insn); // ld1 {v0.16b-v3.16b}, [x4], #64 (the 64-bit-chunk path)
    assert.throws(() => execFpSimd(cpu, insn), (e: unknown) => e === ABORT);
    assert.deepEqual(Array.from(cpu.v32.subarray(0, 16)), before);
    assert.equal(cpu.x[8], ramEnd - 32);
  });
});
