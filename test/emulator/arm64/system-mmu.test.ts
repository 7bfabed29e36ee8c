import { strict as assert } from 'assert';
import { ACC_READ, ACC_WRITE, ACC_FETCH } from '../../../emulator/arm64/cpu';
import type { Arm64Cpu } from '../../../emulator/arm64/cpu';
import { makeCpu, exec, setX, getX, setPc, sysreg, setSysreg, poke64, peek64, tr, W } from './system-harness';

/**
 * One set of hand-built tables, the same as the bare-metal cross-check program run on
 * qemu-system-aarch64 7.2 -M virt -cpu max (the expected ESR/FAR/PAR values below are what QEMU printed,
 * except where a comment names an architectural difference).
 *   TTBR0 (T0SZ 25, start level 1) L1 @0x40100000: [0] 1 GiB Device block at PA 0 (XN), [1] -> L2 @0x40101000
 *   L2: [0] 2 MiB block PA 0x40000000 EL1 RW UXN, [1] -> L3 @0x40102000, [2] 2 MiB block PA 0x40400000 EL0 RW,
 *       [3] -> L3 @0x40103000 with APTable = 01 (no EL0), [4] -> L3 @0x40104000 with PXNTable
 *   L3: [0] page EL0 RW (so never executable at EL1), [1] AF = 0, [2] RO everywhere, [3] invalid,
 *       [4] EL1 RO + XN, [5] the UART page (Device)
 *   TTBR1 (T1SZ 16, start level 0) L0 @0x40105000: [256] -> L1 @0x40106000: [0] 1 GiB block PA 0x40000000
 *   MAIR: Attr0 = Device-nGnRnE, Attr1 = Normal WB.
 */
function buildTables(cpu: Arm64Cpu): void {
  const e: [number, bigint][] = [
    [0x4010_0000, 0x0060_0000_0000_0401n],
    [0x4010_0008, 0x4010_1003n],
    [0x4010_1000, 0x0040_0000_4000_0705n],
    [0x4010_1008, 0x4010_2003n],
    [0x4010_1010, 0x4040_0445n],
    [0x4010_1018, 0x2000_0000_4010_3003n],
    [0x4010_1020, 0x0800_0000_4010_4003n],
    [0x4010_2000, 0x4030_0447n],
    [0x4010_2008, 0x4030_1047n],
    [0x4010_2010, 0x4030_24c7n],
    [0x4010_2020, 0x0060_0000_4030_4487n],
    [0x4010_2028, 0x0060_0000_0900_0403n],
    [0x4010_3000, 0x4030_6447n],
    [0x4010_4000, 0x4030_7407n],
    [0x4010_5000 + 256 * 8, 0x4010_6003n],
    [0x4010_6000, 0x4000_0405n],
  ];
  for (const [pa, v] of e) poke64(cpu, pa, v);
}

const TCR = 25n | (16n << 16n) | (2n << 30n) | (5n << 32n);
const SCTLR_ON = 0x00c50838n | 1n | 4n | (1n << 12n);

function mmuOn(cpu: Arm64Cpu): void {
  buildTables(cpu);
  setSysreg(cpu, 'MAIR_EL1', 0xff00n);
  setSysreg(cpu, 'TCR_EL1', TCR);
  setSysreg(cpu, 'TTBR0_EL1', 0x4010_0000n);
  setSysreg(cpu, 'TTBR1_EL1', 0x4010_5000n);
  setSysreg(cpu, 'SCTLR_EL1', SCTLR_ON);
}

describe('arm64 system: stage-1 MMU', () => {
  let cpu: Arm64Cpu;
  beforeEach(() => {
    cpu = makeCpu();
    setPc(cpu, 0x4008_0000n);
    setSysreg(cpu, 'VBAR_EL1', 0x4000_0000n);
    mmuOn(cpu);
  });

  function fault(va: bigint, acc: number, size = 8): string {
    setPc(cpu, 0x4008_0000n);
    cpu.sys.setExceptionLevel(cpu.el, 1);
    const r = tr(cpu, va, acc, size);
    assert.equal(typeof r, 'string', `0x${va.toString(16)} translated to 0x${r.toString(16)}`);
    assert.equal(sysreg(cpu, 'FAR_EL1'), va);
    return r as string;
  }

  const el1Faults: [string, bigint, number, string][] = [
    ['load, invalid level-3 entry', 0x4020_3000n, ACC_READ, 'esr:0x96000007'],
    ['store, invalid level-3 entry', 0x4020_3000n, ACC_WRITE, 'esr:0x96000047'],
    ['load, access flag 0', 0x4020_1008n, ACC_READ, 'esr:0x9600000b'],
    ['store to a read-only page', 0x4020_2010n, ACC_WRITE, 'esr:0x9600004f'],
    ['store to an EL1 read-only page', 0x4020_4000n, ACC_WRITE, 'esr:0x9600004f'],
    ['load above the T0SZ range', 0x80_0000_0000n, ACC_READ, 'esr:0x96000004'],
    ['load through an invalid TTBR1 level-0 entry', 0xffff_0000_0000_0000n, ACC_READ, 'esr:0x96000004'],
    ['tagged address without TBI', 0x00ff_0000_4000_0000n, ACC_READ, 'esr:0x96000004'],
    // QEMU 7.2 does not fault unaligned Device accesses; the architecture does (alignment fault).
    ['unaligned load from Device memory', 0x4020_5001n, ACC_READ, 'esr:0x96000021'],
  ];
  for (const [what, va, acc, esr] of el1Faults) {
    it(`EL1 ${what}: ${esr}, FAR = VA`, () => {
      assert.equal(fault(va, acc, acc === ACC_READ && va === 0x4020_5001n ? 4 : 8), esr);
      assert.equal(sysreg(cpu, 'ELR_EL1'), 0x4008_0000n);
      assert.equal(cpu.pc, 0x4000_0200n);
    });
  }

  it('translates pages, blocks and TTBR1 addresses', () => {
    assert.equal(tr(cpu, 0x4008_1234n, ACC_READ), 0x4008_1234);
    assert.equal(tr(cpu, 0x4020_0010n, ACC_WRITE), 0x4030_0010);
    assert.equal(tr(cpu, 0x4020_2ff8n, ACC_READ), 0x4030_2ff8);
    assert.equal(tr(cpu, 0x4040_1234n, ACC_WRITE), 0x4040_1234);
    assert.equal(tr(cpu, 0xffff_8000_0008_0000n, ACC_READ), 0x4008_0000);
    assert.equal(tr(cpu, 0xffff_8000_3fff_fff8n, ACC_READ), 0x7fff_fff8);
    assert.equal(tr(cpu, 0x0900_0000n, ACC_WRITE, 4), 0x0900_0000);
    assert.equal(cpu.sys.lastDevice, true);
    assert.equal(cpu.sys.lastNeedsAlignment, true);
    assert.equal(tr(cpu, 0x4020_2001n, ACC_READ, 4), 0x4030_2001); // Normal memory, SCTLR.A = 0
    assert.equal(cpu.sys.lastNeedsAlignment, false);
    assert.equal(cpu.sys.exceptionCount, 0);
  });

  const fetchFaults: [string, bigint][] = [
    ['an EL0-writable page (implicit PXN)', 0x4020_0000n],
    ['an XN page', 0x4020_4000n],
    ['a page under PXNTable', 0x4080_0000n],
    ['Device memory', 0x4020_5000n],
  ];
  for (const [what, va] of fetchFaults) {
    it(`EL1 instruction fetch from ${what}: 0x8600000f, FAR = ELR = PC`, () => {
      setPc(cpu, va);
      assert.equal(tr(cpu, va, ACC_FETCH, 4), 'esr:0x8600000f');
      assert.equal(sysreg(cpu, 'FAR_EL1'), va);
      assert.equal(sysreg(cpu, 'ELR_EL1'), va);
    });
  }

  const el0: [string, bigint, number, string | number][] = [
    ['load from an EL1-only block', 0x4000_0000n, ACC_READ, 'esr:0x9200000e'],
    ['load from an EL0 RW page', 0x4020_0000n, ACC_READ, 0x4030_0000],
    ['store to an EL0 RW page', 0x4020_0000n, ACC_WRITE, 0x4030_0000],
    ['load from an EL1 RO page', 0x4020_4000n, ACC_READ, 'esr:0x9200000f'],
    ['store to a RO page', 0x4020_2000n, ACC_WRITE, 'esr:0x9200004f'],
    ['load from a RO page', 0x4020_2000n, ACC_READ, 0x4030_2000],
    ['load under APTable = 01', 0x4060_0000n, ACC_READ, 'esr:0x9200000f'],
    ['load from an invalid entry', 0x4020_3000n, ACC_READ, 'esr:0x92000007'],
    ['fetch from a UXN EL1-only block', 0x4000_0000n, ACC_FETCH, 'esr:0x8200000e'],
    ['fetch from a RO page', 0x4020_2000n, ACC_FETCH, 0x4030_2000],
    ['fetch from an EL0 RW page', 0x4020_0000n, ACC_FETCH, 0x4030_0000],
  ];
  for (const [what, va, acc, want] of el0) {
    it(`EL0 ${what}: ${typeof want === 'string' ? want : 'PA 0x' + want.toString(16)}`, () => {
      cpu.sys.setExceptionLevel(0, 0);
      setPc(cpu, acc === ACC_FETCH ? va : 0x4040_0000n);
      assert.equal(tr(cpu, va, acc), want);
      if (typeof want === 'string') {
        assert.equal(sysreg(cpu, 'FAR_EL1'), va);
        assert.equal(cpu.pc, 0x4000_0400n);
      }
    });
  }

  const at: [string, number, bigint, bigint][] = [
    ['S1E1R', W.AT_S1E1R_X0, 0x4020_2008n, 0xff00_0000_4030_2a00n],
    ['S1E1W', W.AT_S1E1W_X0, 0x4020_2008n, 0x81fn],
    ['S1E0R', W.AT_S1E0R_X0, 0x4020_0010n, 0xff00_0000_4030_0a00n],
    ['S1E0R', W.AT_S1E0R_X0, 0x4000_0000n, 0x81dn],
    ['S1E1R', W.AT_S1E1R_X0, 0x4020_3000n, 0x80fn],
    ['S1E1R', W.AT_S1E1R_X0, 0x4020_1000n, 0x817n],
    ['S1E1R', W.AT_S1E1R_X0, 0xffff_8000_0012_3456n, 0xff00_0000_4012_3a00n],
    ['S1E1R', W.AT_S1E1R_X0, 0x4020_5000n, 0x0900_0a00n],
    ['S1E0W', W.AT_S1E0W_X0, 0x4020_2000n, 0x81fn],
    ['S1E1R', W.AT_S1E1R_X0, 0x80_0000_0000n, 0x809n],
  ];
  for (const [name, word, va, par] of at) {
    it(`AT ${name} 0x${va.toString(16)} -> PAR_EL1 0x${par.toString(16)}`, () => {
      setX(cpu, 0, va);
      exec(cpu, word);
      exec(cpu, W.MRS_X0_PAR);
      assert.equal(getX(cpu, 0), par);
      assert.equal(cpu.sys.exceptionCount, 0);
    });
  }

  it('AT with the MMU off reports the flat mapping (QEMU: PA | NS | RES1)', () => {
    setSysreg(cpu, 'SCTLR_EL1', 0x00c50838n);
    setX(cpu, 0, 0x4008_0000n);
    exec(cpu, W.AT_S1E1R_X0);
    assert.equal(sysreg(cpu, 'PAR_EL1'), 0x4008_0a00n);
  });

  it('honours TCR_EL1.EPD0, TBI0 and unsupported granules', () => {
    setSysreg(cpu, 'TCR_EL1', TCR | (1n << 37n)); // TBI0
    assert.equal(tr(cpu, 0x5a00_0000_4008_0000n, ACC_READ), 0x4008_0000);
    setSysreg(cpu, 'TCR_EL1', TCR | (1n << 7n)); // EPD0
    assert.equal(fault(0x4008_0000n, ACC_READ), 'esr:0x96000004');
    setSysreg(cpu, 'TCR_EL1', TCR | (1n << 14n)); // TG0 = 64 KiB: not implemented -> level-0 translation fault
    assert.equal(fault(0x4008_0000n, ACC_READ), 'esr:0x96000004');
  });

  it('reports output addresses beyond TCR_EL1.IPS as address size faults', () => {
    setSysreg(cpu, 'TCR_EL1', (TCR & ~(7n << 32n)) | (0n << 32n)); // IPS = 32 bits
    poke64(cpu, 0x4010_2018, 0x1_0000_0000n | 0x447n); // L3[3]: a page at 4 GiB
    assert.equal(fault(0x4020_3000n, ACC_READ), 'esr:0x96000003');
  });

  it('reports a descriptor fetch from outside RAM as an external abort on the walk (level of the descriptor)', () => {
    poke64(cpu, 0x4010_1028, 0x0a00_0003n); // L2[5] -> a table at 0x0a000000 (nothing there)
    assert.equal(fault(0x40a0_0000n, ACC_READ), 'esr:0x96000017');
  });

  it('SCTLR_EL1.WXN makes writable memory execute-never', () => {
    setSysreg(cpu, 'SCTLR_EL1', SCTLR_ON | (1n << 19n));
    setPc(cpu, 0x4008_0000n);
    assert.equal(tr(cpu, 0x4008_0000n, ACC_FETCH), 'esr:0x8600000e');
    setSysreg(cpu, 'SCTLR_EL1', SCTLR_ON);
    setPc(cpu, 0x4008_0000n);
    assert.equal(tr(cpu, 0x4008_0000n, ACC_FETCH), 0x4008_0000);
  });

  it('flushes the CPU TLBs on TLBI, translation register writes and EL changes', () => {
    let flushes = 0;
    const orig = cpu.flushTlb.bind(cpu);
    cpu.flushTlb = () => {
      flushes++;
      orig();
    };
    exec(cpu, W.TLBI_VMALLE1);
    exec(cpu, W.TLBI_VAE1IS_X0);
    setX(cpu, 0, 0x4010_0000n);
    exec(cpu, W.MSR_TTBR0_X0);
    setX(cpu, 0, TCR);
    exec(cpu, W.MSR_TCR_X0);
    setX(cpu, 0, 0xff00n);
    exec(cpu, W.MSR_MAIR_X0);
    assert.equal(flushes, 5);
    setSysreg(cpu, 'SPSR_EL1', 0n);
    setSysreg(cpu, 'ELR_EL1', 0x4040_0000n);
    exec(cpu, W.ERET);
    assert.equal(cpu.el, 0);
    assert.equal(flushes, 6);
  });

  it('DC ZVA zeroes the 64-byte block through the MMU; EL0 needs SCTLR_EL1.DZE', () => {
    for (let a = 0x4030_0000; a < 0x4030_0080; a += 8) poke64(cpu, a, 0x1111_2222_3333_4444n);
    setX(cpu, 0, 0x4020_0013n);
    exec(cpu, W.DC_ZVA_X0);
    assert.equal(peek64(cpu, 0x4030_0000), 0n);
    assert.equal(peek64(cpu, 0x4030_0038), 0n);
    assert.equal(peek64(cpu, 0x4030_0040), 0x1111_2222_3333_4444n);
    cpu.sys.setExceptionLevel(0, 0);
    setPc(cpu, 0x4040_0000n);
    exec(cpu, W.DC_ZVA_X0);
    assert.equal(sysreg(cpu, 'ESR_EL1'), 0x6212_dc08n); // EC 0x18: op0 1, op1 3, CRn 7, CRm 4, op2 1, Rt 0
    cpu.sys.setExceptionLevel(1, 1);
    setX(cpu, 0, 0x4020_2000n); // read-only page: a store fault
    setPc(cpu, 0x4008_0000n);
    exec(cpu, W.DC_ZVA_X0);
    assert.equal(sysreg(cpu, 'ESR_EL1'), 0x9600_004fn);
  });

  it('DC CIVAC faults on translation with CM = 1 and WnR = 1; DC IVAC needs write permission', () => {
    setX(cpu, 0, 0x4020_3000n);
    exec(cpu, W.DC_CIVAC_X0);
    assert.equal(sysreg(cpu, 'ESR_EL1'), 0x9600_0147n);
    cpu.sys.setExceptionLevel(1, 1);
    setPc(cpu, 0x4008_0000n);
    setX(cpu, 0, 0x4020_2000n);
    exec(cpu, W.DC_CIVAC_X0);
    assert.equal(cpu.pc, 0x4008_0004n);
    exec(cpu, W.DC_IVAC_X0);
    assert.equal(sysreg(cpu, 'ESR_EL1'), 0x9600_014fn);
  });
});

describe('arm64 system: MMU off', () => {
  let cpu: Arm64Cpu;
  beforeEach(() => {
    cpu = makeCpu();
    setPc(cpu, 0x4008_0000n);
    setSysreg(cpu, 'VBAR_EL1', 0x4000_0000n);
  });

  it('maps VA to PA; data is Device (alignment needed), fetches are Normal', () => {
    assert.equal(tr(cpu, 0x4008_0004n, ACC_READ, 4), 0x4008_0004);
    assert.equal(cpu.sys.lastNeedsAlignment, true);
    assert.equal(tr(cpu, 0x4008_0000n, ACC_FETCH, 4), 0x4008_0000);
    assert.equal(cpu.sys.lastNeedsAlignment, false);
    assert.equal(tr(cpu, 0x4008_0002n, ACC_READ, 4), 'esr:0x96000021');
    assert.equal(sysreg(cpu, 'FAR_EL1'), 0x4008_0002n);
  });

  it('QEMU-compatible option: no alignment requirement with the MMU off', () => {
    cpu.sys.options.strictMmuOffAlignment = false;
    cpu.sys.applyOptions();
    assert.equal(tr(cpu, 0x4008_0002n, ACC_READ, 4), 0x4008_0002);
    assert.equal(cpu.sys.lastNeedsAlignment, false);
  });

  it('faults addresses beyond the 48-bit PA space (address size fault, level 0)', () => {
    assert.equal(tr(cpu, 0x0001_0000_0000_0000n, ACC_READ), 'esr:0x96000000');
    setSysreg(cpu, 'TCR_EL1', 1n << 37n); // TBI0 hides bits 63:56
    setPc(cpu, 0x4008_0000n);
    cpu.sys.setExceptionLevel(1, 1);
    assert.equal(tr(cpu, 0xab00_0000_4008_0000n, ACC_READ), 0x4008_0000);
  });

  it('SCTLR_EL1.A with the MMU off still faults unaligned accesses (QEMU-compatible mode too)', () => {
    cpu.sys.options.strictMmuOffAlignment = false;
    setSysreg(cpu, 'SCTLR_EL1', 0x00c50838n | 2n);
    assert.equal(tr(cpu, 0x4008_0001n, ACC_WRITE, 2), 'esr:0x96000061');
  });
});

describe('arm64 system: unprivileged translation', () => {
  it('translateAs(el = 0) at EL1 applies EL0 permissions (LDTR/STTR)', () => {
    const cpu = makeCpu();
    setPc(cpu, 0x4008_0000n);
    setSysreg(cpu, 'VBAR_EL1', 0x4000_0000n);
    mmuOn(cpu);
    assert.equal(cpu.sys.translateAs(0x4020_0008, 0, ACC_WRITE, 8, 0), 0x4030_0008);
    assert.throws(() => cpu.sys.translateAs(0x4000_1000, 0, ACC_READ, 8, 0));
    assert.equal(sysreg(cpu, 'ESR_EL1'), 0x9600_000en); // taken from EL1: same-EL data abort, EL0 permission fault
    assert.equal(sysreg(cpu, 'FAR_EL1'), 0x4000_1000n);
  });
});
