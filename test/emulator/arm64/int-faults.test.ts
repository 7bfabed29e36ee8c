import { strict as assert } from 'assert';
import { machineWith } from './int-support/run-emu';
import type { Arm64Cpu } from '../../../emulator/arm64/cpu';

/**
 * Faults inside integer-core instructions: the exception is taken with the right syndrome and nothing
 * architectural (registers, base writeback, memory) changes before the last possible fault.
 * RAM is 0x4000_0000..0x4100_0000, so an access that straddles 0x4100_0000 faults on its second part.
 */
const CODE = 0x40001000;
const VBAR = 0x40100000;
const RAM_END = 0x41000000;

function setup(words: number[]): Arm64Cpu {
  const { cpu } = machineWith(words, CODE);
  cpu.sys.options.strictMmuOffAlignment = false;
  cpu.sys.applyOptions();
  cpu.sys.writeSysregByName('VBAR_EL1', BigInt(VBAR));
  cpu.sys.writeSysregByName('CPACR_EL1', 3n << 20n);
  cpu.pc = BigInt(CODE);
  return cpu;
}

function ec(cpu: Arm64Cpu): number {
  return Number(cpu.sys.lastEsr >> 26n) & 0x3f;
}
function fsc(cpu: Arm64Cpu): number {
  return Number(cpu.sys.lastEsr) & 0x3f;
}
const SYNC_CURRENT_SPX = BigInt(VBAR + 0x200);

describe('arm64 integer core: faults', () => {
  it('LDP whose second register faults writes neither register nor the base', () => {
    const cpu = setup([0xa9c10861]); // ldp x1, x2, [x3, #16]!
    const base = BigInt(RAM_END - 16 - 8);
    cpu.setX(1, 0x1111n);
    cpu.setX(2, 0x2222n);
    cpu.setX(3, base);
    cpu.run(1);
    assert.equal(cpu.pc, SYNC_CURRENT_SPX);
    assert.equal(ec(cpu), 0x25); // data abort, same EL
    assert.equal(fsc(cpu), 0x10); // synchronous external abort
    assert.deepEqual([cpu.getX(1), cpu.getX(2), cpu.getX(3)], [0x1111n, 0x2222n, base]);
    assert.equal(cpu.sys.lastElr, BigInt(CODE));
  });

  it('STP that straddles the end of RAM leaves the first half unwritten', () => {
    const cpu = setup([0xa9000861]); // stp x1, x2, [x3]
    const addr = RAM_END - 8;
    cpu.bus.writeBytes(addr, new Uint8Array(8).fill(0xaa));
    cpu.setX(1, 0x0102030405060708n);
    cpu.setX(2, 0x1112131415161718n);
    cpu.setX(3, BigInt(addr));
    cpu.run(1);
    assert.equal(ec(cpu), 0x25);
    assert.deepEqual(Array.from(cpu.bus.readBytes(addr, 8)), new Array(8).fill(0xaa));
  });

  it('STP of Q registers that straddles the end of RAM leaves memory untouched', () => {
    const cpu = setup([0xad000861]); // stp q1, q2, [x3]
    const addr = RAM_END - 24;
    cpu.bus.writeBytes(addr, new Uint8Array(24).fill(0x5a));
    cpu.setX(3, BigInt(addr));
    cpu.run(1);
    assert.equal(ec(cpu), 0x25);
    assert.deepEqual(Array.from(cpu.bus.readBytes(addr, 24)), new Array(24).fill(0x5a));
  });

  it('BR to a misaligned address takes the PC alignment fault at the target', () => {
    const cpu = setup([0xd61f0080]); // br x4
    cpu.setX(4, BigInt(CODE + 0x102));
    cpu.run(1);
    assert.equal(cpu.pc, BigInt(CODE + 0x102));
    cpu.run(1);
    assert.equal(ec(cpu), 0x22);
    assert.equal(cpu.sys.lastElr, BigInt(CODE + 0x102));
    assert.equal(cpu.sys.lastFar, BigInt(CODE + 0x102));
  });

  it('exclusives and atomics need natural alignment even where plain accesses do not', () => {
    for (const w of [0xc85f7c61 /* ldxr x1, [x3] */, 0xf8210062 /* ldadd x1, x2, [x3] */]) {
      const cpu = setup([0xf9400061 /* ldr x1, [x3] */, w]);
      cpu.setX(3, 0x40200004n);
      cpu.run(1);
      assert.equal(cpu.pc, BigInt(CODE + 4), 'the plain unaligned load completes');
      cpu.run(1);
      assert.equal(ec(cpu), 0x25, `0x${w.toString(16)}`);
      assert.equal(fsc(cpu), 0x21, 'alignment fault');
    }
  });

  it('scalar FP loads trap when CPACR_EL1.FPEN disables FP', () => {
    const cpu = setup([0x3dc00060]); // ldr q0, [x3]
    cpu.sys.writeSysregByName('CPACR_EL1', 0n);
    cpu.setX(3, 0x40200000n);
    cpu.run(1);
    assert.equal(ec(cpu), 0x07);
  });

  it('a load with a misaligned SP base takes the SP alignment fault when SCTLR_EL1.SA is set', () => {
    const cpu = setup([0xf94003e1, 0xf94003e1]); // ldr x1, [sp] twice
    cpu.sys.writeSysregByName('SCTLR_EL1', cpu.sys.readSysregByName('SCTLR_EL1') & ~8n);
    cpu.setX(31, 0x40200008n);
    cpu.run(1);
    assert.equal(cpu.pc, BigInt(CODE + 4), 'no check with SA clear');
    cpu.sys.writeSysregByName('SCTLR_EL1', cpu.sys.readSysregByName('SCTLR_EL1') | 8n);
    cpu.run(1);
    assert.equal(ec(cpu), 0x26);
  });

  it('an unallocated encoding takes the UNDEFINED exception', () => {
    const cpu = setup([0x00000000]);
    cpu.run(1);
    assert.equal(cpu.pc, SYNC_CURRENT_SPX);
    assert.equal(ec(cpu), 0x00);
  });
});
