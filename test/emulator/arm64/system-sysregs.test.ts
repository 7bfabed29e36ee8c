import { strict as assert } from 'assert';
import { SYSREGS, sysRegKey, sysRegIndex, sysRegByName, decodeFields, BREAKPOINTS, WATCHPOINTS } from '../../../emulator/arm64/sysregs';
import { OP_UNDEF } from '../../../emulator/arm64/ops';
import * as S from '../../../emulator/arm64/system/sys-ops';
import { makeCpu, exec, opOf, setX, getX, setPc, sysreg, setSysreg, W } from './system-harness';
import { ACC_READ, ACC_WRITE, ACC_FETCH } from '../../../emulator/arm64/cpu';
import type { Arm64Cpu } from '../../../emulator/arm64/cpu';

const PC = 0x4008_0000n;
const VBAR = 0x4000_0000n;

function atEl0(cpu: Arm64Cpu): void {
  cpu.sys.setExceptionLevel(0, 0);
}

describe('arm64 system registers: the table', () => {
  it('has unique names and encodings, fields inside 64 bits and not overlapping', () => {
    const names = new Set<string>();
    const keys = new Set<number>();
    for (const r of SYSREGS) {
      assert.ok(!names.has(r.name), r.name);
      names.add(r.name);
      const k = sysRegKey(r.op0, r.op1, r.crn, r.crm, r.op2);
      assert.ok(!keys.has(k), r.name);
      keys.add(k);
      let used = 0n;
      for (const f of r.fields) {
        assert.ok(f.msb >= f.lsb && f.msb < 64, `${r.name}.${f.name}`);
        const m = ((1n << BigInt(f.msb - f.lsb + 1)) - 1n) << BigInt(f.lsb);
        assert.equal(used & m, 0n, `${r.name}.${f.name} overlaps`);
        used |= m;
      }
    }
  });

  it('has the debug registers of spec A.1 for every architecturally possible slot (presence follows the VM config)', () => {
    for (let n = 0; n < 17; n++) {
      assert.equal(sysRegIndex(`DBGBVR${n}_EL1`) >= 0, n < 16, `DBGBVR${n}`);
      assert.equal(sysRegIndex(`DBGWCR${n}_EL1`) >= 0, n < 16, `DBGWCR${n}`);
    }
    assert.deepEqual([BREAKPOINTS, WATCHPOINTS], [6, 4], 'QEMU -cpu max defaults');
    const bcr5 = sysRegByName('DBGBCR5_EL1')!;
    assert.deepEqual([bcr5.op0, bcr5.op1, bcr5.crn, bcr5.crm, bcr5.op2], [2, 0, 0, 5, 5]);
    assert.deepEqual(bcr5.el2Traps, ['MDCR_EL2.TDA']);
    assert.deepEqual(sysRegByName('OSLAR_EL1')!.el2Traps, ['MDCR_EL2.TDOSA']);
    assert.deepEqual(sysRegByName('MDRAR_EL1')!.el2Traps, ['MDCR_EL2.TDRA']);
    assert.equal(sysRegByName('MDCR_EL2')!.minEl, 2);
  });

  it('splits values into named fields', () => {
    const dfr0 = sysRegByName('ID_AA64DFR0_EL1')!;
    const f = Object.fromEntries(decodeFields(dfr0, dfr0.reset).map((x) => [x.field.name, x.value]));
    assert.equal(f.DebugVer, 6n);
    assert.equal(f.BRPs, 5n);
    assert.equal(f.WRPs, 3n);
    assert.equal(f.CTX_CMPs, 1n);
    assert.equal(f.PMSVer, 0n);
    assert.equal(f.DoubleLock, 0xfn);
  });
});

describe('arm64 system registers: MRS/MSR', () => {
  let cpu: Arm64Cpu;
  beforeEach(() => {
    cpu = makeCpu();
    setPc(cpu, PC);
    setSysreg(cpu, 'VBAR_EL1', VBAR);
  });

  const resets: [number, string, bigint][] = [
    [W.MRS_X0_MIDR, 'MIDR_EL1', 0x000f0510n],
    [W.MRS_X0_MPIDR, 'MPIDR_EL1', 0x80000000n],
    [W.MRS_X0_DFR0, 'ID_AA64DFR0_EL1', 0xf010305006n],
    [W.MRS_X0_PFR0, 'ID_AA64PFR0_EL1', 0x1000000000000011n],
    [W.MRS_X0_DCZID, 'DCZID_EL0', 4n],
    [W.MRS_X0_CCSIDR, 'CCSIDR_EL1', 0x701fe00an],
    [W.MRS_X0_OSLSR, 'OSLSR_EL1', 8n],
    [W.MRS_X0_CNTFRQ, 'CNTFRQ_EL0', 62_500_000n],
    [W.MRS_X0_MDSCR, 'MDSCR_EL1', 0n],
    [W.MRS_X0_MVFR0, 'reserved ID space (RAZ)', 0n],
    [W.MRS_X0_S3_0_C0_C7_7, 'reserved ID space (RAZ)', 0n],
  ];
  for (const [word, name, value] of resets) {
    it(`reads ${name} = 0x${value.toString(16)} after reset`, () => {
      setX(cpu, 0, 0xdeadn);
      exec(cpu, word);
      assert.equal(getX(cpu, 0), value);
      assert.equal(cpu.pc, PC + 4n);
    });
  }

  it('resets SCTLR_EL1 to QEMU max value and CPACR_EL1 to 0 (FP trapped)', () => {
    exec(cpu, W.MRS_X9_SCTLR);
    assert.equal(getX(cpu, 9), 0x00c50838n);
    assert.equal(cpu.fpEnabled, 0);
    exec(cpu, W.MRS_X5_CURRENTEL);
    assert.equal(getX(cpu, 5), 4n);
    exec(cpu, W.MRS_X4_DAIF);
    assert.equal(getX(cpu, 4), 0x3c0n);
  });

  it('reads back TPIDR_EL0 with all 64 bits', () => {
    setX(cpu, 1, 0x8123_4567_89ab_cdefn);
    exec(cpu, W.MSR_TPIDR_EL0_X1);
    exec(cpu, W.MRS_X0_TPIDR_EL0);
    assert.equal(getX(cpu, 0), 0x8123_4567_89ab_cdefn);
    assert.equal(cpu.pc, PC + 8n);
  });

  it('maps NZCV onto the cpu flags', () => {
    setX(cpu, 3, 0xffff_ffff_a000_0fffn);
    exec(cpu, W.MSR_NZCV_X3);
    assert.deepEqual([cpu.nf, cpu.zf, cpu.cf, cpu.vf], [1, 0, 1, 0]);
    cpu.vf = 1;
    exec(cpu, W.MRS_X2_NZCV);
    assert.equal(getX(cpu, 2), 0xb000_0000n);
  });

  it('DAIFSet / DAIFClr / MRS DAIF', () => {
    cpu.daif = 0;
    exec(cpu, W.MSR_DAIFSET_F);
    assert.equal(cpu.daif, 0x3c0);
    exec(cpu, W.MSR_DAIFCLR_2);
    assert.equal(cpu.daif, 0x340);
    exec(cpu, W.MRS_X4_DAIF);
    assert.equal(getX(cpu, 4), 0x340n);
  });

  it('masks VBAR_EL1 bits 10:0 and SPSR_EL1 RES0 bits', () => {
    setX(cpu, 11, 0x4008_07ffn);
    exec(cpu, W.MSR_VBAR_X11);
    assert.equal(sysreg(cpu, 'VBAR_EL1'), 0x4008_0000n);
    setX(cpu, 16, 0xffff_ffff_ffff_ffffn);
    exec(cpu, W.MSR_SPSR_X16);
    exec(cpu, W.MRS_X17_SPSR);
    assert.equal(getX(cpu, 17), 0xf030_03dfn);
  });

  it('selects CCSIDR_EL1 with CSSELR_EL1', () => {
    setX(cpu, 0, 1n);
    exec(cpu, W.MSR_CSSELR_X0);
    exec(cpu, W.MRS_X0_CCSIDR);
    assert.equal(getX(cpu, 0), 0x201fe012n);
    setX(cpu, 0, 2n);
    exec(cpu, W.MSR_CSSELR_X0);
    exec(cpu, W.MRS_X0_CCSIDR);
    assert.equal(getX(cpu, 0), 0x70ffe07an);
  });

  it('OSLAR_EL1 sets OSLSR_EL1.OSLK; OSLAR reads and OSLSR writes are UNDEFINED', () => {
    setX(cpu, 0, 1n);
    exec(cpu, W.MSR_OSLAR_X0);
    exec(cpu, W.MRS_X0_OSLSR);
    assert.equal(getX(cpu, 0), 0xan);
    assert.equal(opOf(0xd5301080), OP_UNDEF); // mrs x0, oslar_el1
    assert.equal(opOf(0xd5101180), OP_UNDEF); // msr oslsr_el1, x0
  });

  it('CPACR_EL1.FPEN controls FP register access at EL1 and EL0', () => {
    exec(cpu, W.MRS_X0_FPCR);
    assert.equal(sysreg(cpu, 'ESR_EL1'), 0x1fe0_0000n); // EC 0x07 as QEMU builds it
    assert.equal(sysreg(cpu, 'ELR_EL1'), PC);
    setPc(cpu, PC);
    setX(cpu, 0, 1n << 20n); // FPEN = 0b01: EL1 only
    exec(cpu, W.MSR_CPACR_X0);
    assert.equal(cpu.fpEnabled, 1);
    setX(cpu, 0, 0xffff_ffffn);
    exec(cpu, W.MSR_FPCR_X0);
    assert.equal(cpu.fpcr, 0x07c0_0000);
    cpu.sys.setExceptionLevel(0, 0);
    assert.equal(cpu.fpEnabled, 0);
    cpu.sys.setExceptionLevel(1, 1);
    setX(cpu, 0, 3n << 20n);
    exec(cpu, W.MSR_CPACR_X0);
    cpu.sys.setExceptionLevel(0, 0);
    assert.equal(cpu.fpEnabled, 1);
  });

  it('CNTVCT_EL0 counts retired instructions; CNTV_TVAL is CVAL - count', () => {
    cpu.icount = 0x1_2345_6789;
    exec(cpu, W.MRS_X0_CNTVCT);
    assert.equal(getX(cpu, 0), 0x1_2345_678an); // exec counts the MRS itself
    setX(cpu, 0, 1000n);
    exec(cpu, W.MSR_CNTV_TVAL_X0);
    assert.equal(sysreg(cpu, 'CNTV_CVAL_EL0'), 0x1_2345_678bn + 1000n);
    cpu.icount += 10;
    exec(cpu, W.MRS_X0_CNTV_TVAL);
    assert.equal(getX(cpu, 0), 1000n - 11n);
  });

  it('CNTV_CTL_EL0.ISTATUS reports an enabled timer whose compare value has passed', () => {
    setSysreg(cpu, 'CNTV_CVAL_EL0', 100n);
    setSysreg(cpu, 'CNTV_CTL_EL0', 7n); // ISTATUS is read-only
    cpu.icount = 50;
    exec(cpu, W.MRS_X0_CNTV_CTL);
    assert.equal(getX(cpu, 0), 3n);
    cpu.icount = 100;
    exec(cpu, W.MRS_X0_CNTV_CTL);
    assert.equal(getX(cpu, 0), 7n);
  });

  it('UNDEFs unknown, unimplemented and higher-EL registers (EC 0)', () => {
    for (const w of [W.MRS_X0_S3_0_C15_C0_0, W.MSR_DBGBVR6_X0, W.MRS_X0_MDCR_EL2, W.MRS_X0_SP_EL1, W.MSR_PAN_1]) {
      setPc(cpu, PC);
      setSysreg(cpu, 'ESR_EL1', 0x1234n);
      exec(cpu, w);
      assert.equal(sysreg(cpu, 'ESR_EL1'), 0x0200_0000n, w.toString(16));
      assert.equal(sysreg(cpu, 'ELR_EL1'), PC);
      assert.equal(cpu.pc, VBAR + 0x200n); // current EL with SPx
      cpu.sys.setExceptionLevel(1, 1);
    }
  });

  it('SP_EL0 is accessible at EL1 only while SPSel = 1, and SPSel banks SP', () => {
    cpu.setX(31, 0x4010_0000n); // SP_EL1 (live)
    setX(cpu, 7, 0x4020_0000n);
    exec(cpu, W.MSR_SP_EL0_X7);
    exec(cpu, W.MRS_X6_SP_EL0);
    assert.equal(getX(cpu, 6), 0x4020_0000n);
    exec(cpu, W.MSR_SPSEL_0);
    assert.equal(cpu.spsel, 0);
    assert.equal(cpu.getX(31), 0x4020_0000n);
    assert.equal(sysreg(cpu, 'SP_EL1'), 0x4010_0000n);
    const pc = cpu.pc;
    exec(cpu, W.MRS_X6_SP_EL0);
    assert.equal(sysreg(cpu, 'ESR_EL1'), 0x0200_0000n);
    assert.equal(sysreg(cpu, 'ELR_EL1'), pc);
    assert.equal(cpu.pc, VBAR); // current EL with SP0
    assert.equal(cpu.getX(31), 0x4010_0000n); // exception entry selected SP_EL1
  });

  it('EL0: TPIDRRO_EL0 readable, not writable; TPIDR_EL0 and NZCV always accessible', () => {
    setX(cpu, 0, 0x77n);
    exec(cpu, W.MSR_TPIDRRO_X0);
    atEl0(cpu);
    exec(cpu, W.MRS_X0_TPIDRRO);
    assert.equal(getX(cpu, 0), 0x77n);
    setX(cpu, 1, 5n);
    exec(cpu, W.MSR_TPIDR_EL0_X1);
    exec(cpu, W.MRS_X2_NZCV);
    assert.equal(cpu.sys.exceptionCount, 0);
    const pc = cpu.pc;
    exec(cpu, W.MSR_TPIDRRO_X0);
    assert.equal(sysreg(cpu, 'ESR_EL1'), 0x0200_0000n);
    assert.equal(sysreg(cpu, 'ELR_EL1'), pc);
    assert.equal(cpu.pc, VBAR + 0x400n); // lower EL, AArch64
    assert.equal(sysreg(cpu, 'SPSR_EL1'), 0x3c0n); // EL0t with DAIF masked
  });

  it('EL0: EL1 registers UNDEF; SCTLR_EL1.UCT/UMA and CNTKCTL_EL1 gate EL0 access with EC 0x18 traps', () => {
    atEl0(cpu);
    exec(cpu, W.MRS_X9_SCTLR);
    assert.equal(sysreg(cpu, 'ESR_EL1'), 0x0200_0000n);
    // CTR_EL0 with UCT = 0: ISS = Op0 3, Op2 1, Op1 3, CRn 0, Rt 8, CRm 0, read
    cpu.sys.setExceptionLevel(0, 0);
    setPc(cpu, PC);
    exec(cpu, W.MRS_X8_CTR_EL0);
    assert.equal(sysreg(cpu, 'ESR_EL1'), 0x6232_c101n);
    cpu.sys.setExceptionLevel(0, 0);
    setPc(cpu, PC);
    exec(cpu, W.MSR_DAIFSET_F); // UMA = 0: op0 0, op1 3, CRn 4, CRm 15, op2 6, Rt 31, write
    assert.equal(sysreg(cpu, 'ESR_EL1'), 0x620c_d3fen);
    cpu.sys.setExceptionLevel(0, 0);
    setPc(cpu, PC);
    exec(cpu, W.MRS_X0_CNTVCT);
    assert.equal(sysreg(cpu, 'ESR_EL1'), 0x6234_f801n);
    // Now allow them.
    cpu.sys.setExceptionLevel(1, 1);
    setSysreg(cpu, 'SCTLR_EL1', 0x00c50838n | (1n << 15n) | (1n << 9n));
    setSysreg(cpu, 'CNTKCTL_EL1', 2n);
    atEl0(cpu);
    const n = cpu.sys.exceptionCount;
    exec(cpu, W.MRS_X8_CTR_EL0);
    assert.equal(getX(cpu, 8), 0x8444c004n);
    exec(cpu, W.MSR_DAIFSET_F);
    exec(cpu, W.MRS_X0_CNTVCT);
    assert.equal(cpu.sys.exceptionCount, n);
  });

  it('DCZID_EL0.DZP reflects SCTLR_EL1.DZE at EL0', () => {
    atEl0(cpu);
    exec(cpu, W.MRS_X0_DCZID);
    assert.equal(getX(cpu, 0), 0x14n);
  });

  it('decodes the system space: hints are NOPs, SMC/HLT UNDEF, PAuth hints NOP', () => {
    assert.equal(opOf(W.NOP), S.OP_HINT);
    assert.equal(opOf(W.YIELD), S.OP_HINT);
    assert.equal(opOf(W.SEV), S.OP_HINT);
    assert.equal(opOf(W.SEVL), S.OP_HINT);
    assert.equal(opOf(W.PACIASP), S.OP_HINT);
    assert.equal(opOf(W.BTI_C), S.OP_HINT);
    assert.equal(opOf(0xd50323ff), S.OP_HINT); // unallocated hint #0x1f... as NOP
    assert.equal(opOf(W.WFE), S.OP_WFE);
    assert.equal(opOf(W.WFI), S.OP_WFI);
    for (const w of [W.DSB_SY, W.DMB_ISH, W.ISB, W.SB]) assert.equal(opOf(w), S.OP_BARRIER);
    assert.equal(opOf(W.CLREX), S.OP_CLREX);
    assert.equal(opOf(W.SMC_0), OP_UNDEF);
    assert.equal(opOf(W.HLT_0), OP_UNDEF);
    assert.equal(opOf(0xd6bf03e0), OP_UNDEF); // DRPS
    assert.equal(opOf(0xd69f0bff), OP_UNDEF); // ERETAA
    assert.equal(opOf(0xd5000000 | (1 << 21) | (1 << 19)), OP_UNDEF); // SYSL
    assert.equal(opOf(W.ERET), S.OP_ERET);
    assert.equal(opOf(W.TLBI_VAE1IS_X0), S.OP_SYS);
  });

  it('CLREX clears the exclusive monitor', () => {
    cpu.exclValid = 1;
    exec(cpu, W.CLREX);
    assert.equal(cpu.exclValid, 0);
    assert.equal(cpu.pc, PC + 4n);
  });
});

describe('arm64 system registers: hooks for other units', () => {
  it('calls onWatchedWrite for guest MSR and debugger writes of watched registers only', () => {
    const cpu = makeCpu();
    setPc(cpu, PC);
    const seen: string[] = [];
    cpu.sys.watchWrites(['MDSCR_EL1', 'DBGBCR0_EL1']);
    cpu.sys.onWatchedWrite = (i) => seen.push(SYSREGS[i].name);
    setX(cpu, 0, 0x8000n);
    exec(cpu, W.MSR_MDSCR_X0);
    exec(cpu, W.MSR_TPIDR_EL0_X1);
    setSysreg(cpu, 'DBGBCR0_EL1', 0x1e7n);
    assert.deepEqual(seen, ['MDSCR_EL1', 'DBGBCR0_EL1']);
    assert.equal(sysreg(cpu, 'MDSCR_EL1'), 0x8000n);
  });

  it('keeps its private copies of the cpu.ts access kinds in sync', () => {
    // system-unit.ts cannot read these at load time (cpu.ts imports it first); the values are fixed here.
    assert.deepEqual([ACC_READ, ACC_WRITE, ACC_FETCH], [0, 1, 2]);
  });
});
