import { strict as assert } from 'node:assert';
import { Vm } from '../../../emulator';
import { buildElf, words } from '../../support/elf-builder';
import { A64 } from '../../support/a64';

/**
 * Debug-unit configuration: the number of implemented breakpoints/watchpoints follows the VM options and
 * ID_AA64DFR0_EL1 advertises it; registers above the count are UNDEFINED (spec A.1); armed-but-unhit state
 * leaves the TLBs and the fetch path on their fast paths.
 */
const BASE = 0x4008_0000n;
const MRS_DBGBCR2 = 0xd53002a0; // mrs x0, dbgbcr2_el1
const MRS_DBGBCR1 = 0xd53001a1; // mrs x1, dbgbcr1_el1
const MRS_DFR0 = 0xd5380502; // mrs x2, id_aa64dfr0_el1
const MRS_DBGWCR2 = 0xd53002e3; // mrs x3, dbgwcr2_el1

function boot(code: number[], opts: ConstructorParameters<typeof Vm>[0] = {}) {
  const vm = new Vm(opts);
  vm.loadElf(buildElf({ entry: BASE, segments: [{ paddr: BASE, data: words(...code), memsz: 0x1000, flags: 7 }] }));
  return vm.createVcpu();
}

describe('arm64 debug unit: configuration', () => {
  it('default: 6 breakpoints, 4 watchpoints, 2 context-aware (QEMU -cpu max); DBGBCR2 exists', () => {
    const v = boot([MRS_DBGBCR2, MRS_DFR0, A64.wfi], { profile: 'bare' });
    assert.equal(v.run({ maxInstructions: 100 }).reason, 'halt');
    const dfr = v.getOneReg('x2');
    assert.equal((dfr >> 12n) & 0xfn, 5n);
    assert.equal((dfr >> 20n) & 0xfn, 3n);
    assert.equal((dfr >> 28n) & 0xfn, 1n);
    assert.equal((dfr >> 32n) & 0xfn, 0n, 'no SPE for the guest');
  });

  it('2 breakpoints / 2 watchpoints: DBGBCR2 and DBGWCR2 are UNDEFINED, DBGBCR1 exists, DFR0 says so', () => {
    const v = boot([MRS_DBGBCR1, MRS_DFR0, MRS_DBGBCR2], { profile: 'bare', breakpoints: 2, watchpoints: 2, contextBreakpoints: 1 });
    v.setOneReg('VBAR_EL1', BASE + 0x800n);
    v.run({ maxInstructions: 3 });
    assert.equal(v.getOneReg('ESR_EL1'), 0x02000000n, 'DBGBCR2_EL1 UNDEFINED');
    assert.equal(v.getOneReg('ELR_EL1'), BASE + 8n);
    const dfr = v.getOneReg('x2');
    assert.equal((dfr >> 12n) & 0xfn, 1n);
    assert.equal((dfr >> 20n) & 0xfn, 1n);
    assert.equal((dfr >> 28n) & 0xfn, 0n);
    const w = boot([MRS_DBGWCR2], { watchpoints: 2 });
    w.setOneReg('VBAR_EL1', BASE + 0x800n);
    w.run({ maxInstructions: 1 });
    assert.equal(w.getOneReg('ESR_EL1'), 0x02000000n);
  });

  it('host breakpoints beyond the implemented count are ignored (KVM uses only BRPs + 1 entries)', () => {
    const v = boot([A64.nop, A64.nop, A64.wfi], { breakpoints: 2 });
    v.setGuestDebug({ enable: true, useHw: true, bcr: [0n, 0n, 0x1e7n], bvr: [0n, 0n, BASE + 4n] });
    assert.equal(v.run({ maxInstructions: 100 }).reason, 'halt');
    v.setOneReg('pc', BASE);
    v.setGuestDebug({ enable: true, useHw: true, bcr: [0n, 0x1e7n], bvr: [0n, BASE + 4n] });
    const e = v.run({ maxInstructions: 100 });
    assert.equal(e.reason, 'debug');
    assert.equal(v.getOneReg('pc'), BASE + 4n);
  });

  it('rejects counts the register table cannot hold', () => {
    assert.throws(() => new Vm({ breakpoints: 7 }).createVcpu(), RangeError);
    assert.throws(() => new Vm({ watchpoints: 1 }).createVcpu(), RangeError);
  });

  it('armed but unhit: watched pages stay out of the TLB, other pages stay cached; bp pages only are checked per instruction', () => {
    const v = boot([A64.nop, A64.wfi]);
    v.setGuestDebug({ enable: true, useHw: true, bcr: [0x1e7n], bvr: [0x5000_0000n], wcr: [0x1fffn], wvr: [0x5000_1000n] });
    assert.equal(v.run({ maxInstructions: 100 }).reason, 'halt');
    const d = v.cpu.debug;
    assert.equal(d.bpLive, 1);
    assert.equal(d.wpLive, 1);
    assert.equal(d.pageCacheable(0x5000_1000, 0), false);
    assert.equal(d.pageCacheable(0x4008_0000, 0), true);
    assert.equal(d.slowFetchPage(0x5000_0000, 0), true);
    assert.equal(d.slowFetchPage(0x4008_0000, 0), false);
  });
});
