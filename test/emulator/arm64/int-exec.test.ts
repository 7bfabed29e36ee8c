import { strict as assert } from 'assert';
import { machineWith } from './int-support/run-emu';

/** Executor plumbing: page crossings inside one run, code modified by the guest, the instruction budget. */
describe('arm64 integer core: executor', () => {
  it('keeps running across a page boundary and a branch back to the previous page within one run', () => {
    // 0x40001ff8: add x0, x0, #1 / add x0, x0, #1 | 0x40002000: add x0, x0, #1 / b .-8 (back onto the first page)
    const words = [0x91000400, 0x91000400, 0x91000400, 0x17fffffe];
    const { cpu } = machineWith(words, 0x40001ff8);
    cpu.setX(0, 0n);
    cpu.run(7); // add, add | add, b | add (0x40001ffc), add | b
    assert.equal(cpu.getX(0), 5n);
    assert.equal(cpu.icount, 7);
    assert.equal(cpu.pc, 0x40001ffcn);
  });

  it('executes a store-patched instruction of the current page', () => {
    // ldr w1, [x2]; str w1, [x3]; movz x0, #1 (overwritten with movz x0, #2 by the store)
    const { cpu, bus } = machineWith([0xb9400041, 0xb9000061, 0xd2800020]);
    const patch = new Uint8Array(4);
    new DataView(patch.buffer).setUint32(0, 0xd2800040, true);
    bus.writeBytes(0x40008000, patch);
    cpu.setX(2, 0x40008000n);
    cpu.setX(3, 0x40001008n);
    cpu.run(3);
    assert.equal(cpu.getX(0), 2n);
  });

  it('stops exactly at the instruction budget and resumes where it stopped', () => {
    const { cpu } = machineWith([0x91000400, 0x91000400, 0x91000400, 0x17fffffd]); // 3 adds, b back
    cpu.setX(0, 0n);
    assert.equal(cpu.run(5), 0);
    assert.equal(cpu.getX(0), 4n);
    assert.equal(cpu.pc, 0x40001004n);
    cpu.run(1000);
    assert.equal(cpu.getX(0), 754n);
    assert.equal(cpu.icount, 1005);
  });

  it('writes to W registers clear the upper half, also through SP-capable forms', () => {
    // add w0, w1, #1; orr w2, w3, #1; add wsp, w4, #0
    const { cpu } = machineWith([0x11000420, 0x32000062, 0x1100009f]);
    cpu.setX(0, 0xffffffffffffffffn);
    cpu.setX(1, 0xffffffff00000005n);
    cpu.setX(2, 0xffffffffffffffffn);
    cpu.setX(3, 0x1234567800000010n);
    cpu.setX(4, 0xabcdef0140001000n);
    cpu.run(3);
    assert.deepEqual([cpu.getX(0), cpu.getX(2), cpu.getX(31)], [6n, 0x11n, 0x40001000n]);
  });
});
