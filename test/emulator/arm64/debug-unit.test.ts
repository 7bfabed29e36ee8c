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

  it('rejects counts the architecture cannot encode', () => {
    assert.throws(() => new Vm({ breakpoints: 17 }).createVcpu(), RangeError);
    assert.throws(() => new Vm({ watchpoints: 1 }).createVcpu(), RangeError);
    assert.throws(() => new Vm({ breakpoints: 4, contextBreakpoints: 5 }).createVcpu(), RangeError);
    assert.throws(() => new Vm({ breakpoints: 2.5 }).createVcpu(), RangeError);
  });

  it('16 breakpoints / 16 watchpoints: DFR0 advertises them, DBGBCR15/DBGWCR15 exist, a host bp in slot 12 fires', () => {
    const MRS_DBGBCR15 = 0xd5300fa0; // mrs x0, dbgbcr15_el1
    const MRS_DBGWCR15 = 0xd5300fe3; // mrs x3, dbgwcr15_el1
    const v = boot([MRS_DBGBCR15, MRS_DBGWCR15, MRS_DFR0, A64.nop, A64.wfi], { profile: 'bare', breakpoints: 16, watchpoints: 16, contextBreakpoints: 4 });
    assert.equal(v.run({ maxInstructions: 100 }).reason, 'halt', 'no UNDEF on slot 15');
    const dfr = v.getOneReg('x2');
    assert.deepEqual([(dfr >> 12n) & 0xfn, (dfr >> 20n) & 0xfn, (dfr >> 28n) & 0xfn], [15n, 15n, 3n]);
    const h = boot([A64.nop, A64.nop, A64.nop, A64.wfi], { breakpoints: 16 });
    const bcr = new Array<bigint>(16).fill(0n);
    const bvr = new Array<bigint>(16).fill(0n);
    bcr[12] = 0x1e7n;
    bvr[12] = BASE + 8n;
    h.setGuestDebug({ enable: true, useHw: true, bcr, bvr });
    const e = h.run({ maxInstructions: 100 });
    assert.equal(e.reason, 'debug');
    if (e.reason === 'debug' && 'arm64' in e) assert.equal(e.arm64.hsr, 0xc2000022);
    assert.equal(h.getOneReg('pc'), BASE + 8n);
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
