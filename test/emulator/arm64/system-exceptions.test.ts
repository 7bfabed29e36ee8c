import { strict as assert } from 'assert';
import { ACC_READ, ACC_WRITE, ACC_FETCH, STOP_HVC, STOP_WFI, STOP_NO_VECTOR, STOP_NONE, ABORT } from '../../../emulator/arm64/cpu';
import type { Arm64Cpu } from '../../../emulator/arm64/cpu';
import { makeCpu, exec, setX, getX, setPc, sysreg, setSysreg, W } from './system-harness';

const PC = 0x4008_0000n;
const VBAR = 0x4000_0000n;
const SP1 = 0x4010_0000n;
const SP0 = 0x4020_0000n;

function esr(cpu: Arm64Cpu): bigint {
  return sysreg(cpu, 'ESR_EL1');
}

describe('arm64 system: exception entry and return', () => {
  let cpu: Arm64Cpu;
  beforeEach(() => {
    cpu = makeCpu();
    setPc(cpu, PC);
    setSysreg(cpu, 'VBAR_EL1', VBAR);
    cpu.setX(31, SP1);
    setSysreg(cpu, 'SP_EL0', SP0);
  });

  it('SVC from EL1h: ESR, ELR past the SVC, SPSR = PSTATE, vector +0x200, DAIF masked', () => {
    cpu.daif = 0;
    cpu.nf = 1;
    cpu.cf = 1;
    exec(cpu, W.SVC_42);
    assert.equal(esr(cpu), 0x5600_0042n);
    assert.equal(sysreg(cpu, 'ELR_EL1'), PC + 4n);
    assert.equal(sysreg(cpu, 'SPSR_EL1'), 0xa000_0005n);
    assert.equal(cpu.pc, VBAR + 0x200n);
    assert.equal(cpu.daif, 0x3c0);
    assert.equal(cpu.el, 1);
    assert.equal(cpu.getX(31), SP1);
    assert.equal(cpu.stopReason, STOP_NONE);
  });

  it('SVC from EL1t uses the SP0 vector and switches to SP_EL1', () => {
    exec(cpu, W.MSR_SPSEL_0);
    assert.equal(cpu.getX(31), SP0);
    setPc(cpu, PC);
    exec(cpu, W.SVC_42);
    assert.equal(cpu.pc, VBAR);
    assert.equal(sysreg(cpu, 'SPSR_EL1'), 0x3c4n);
    assert.equal(cpu.getX(31), SP1);
    assert.equal(cpu.spsel, 1);
  });

  it('ERET to EL0, SVC back to EL1, ERET again: a full round trip with banked SPs', () => {
    setSysreg(cpu, 'SPSR_EL1', 0x0n); // EL0t, everything unmasked
    setSysreg(cpu, 'ELR_EL1', 0x4009_0000n);
    exec(cpu, W.ERET);
    assert.equal(cpu.el, 0);
    assert.equal(cpu.pc, 0x4009_0000n);
    assert.equal(cpu.daif, 0);
    assert.equal(cpu.getX(31), SP0);
    cpu.setX(31, SP0 - 0x40n); // EL0 code moves its SP
    cpu.zf = 1;
    exec(cpu, W.SVC_42);
    assert.equal(esr(cpu), 0x5600_0042n);
    assert.equal(sysreg(cpu, 'ELR_EL1'), 0x4009_0004n);
    assert.equal(sysreg(cpu, 'SPSR_EL1'), 0x4000_0000n);
    assert.equal(cpu.pc, VBAR + 0x400n);
    assert.equal(cpu.el, 1);
    assert.equal(cpu.getX(31), SP1);
    assert.equal(sysreg(cpu, 'SP_EL0'), SP0 - 0x40n);
    exec(cpu, W.ERET);
    assert.equal(cpu.el, 0);
    assert.equal(cpu.zf, 1);
    assert.equal(cpu.pc, 0x4009_0004n);
    assert.equal(cpu.getX(31), SP0 - 0x40n);
  });

  it('ERET restores NZCV, DAIF and IL and clears the exclusive monitor', () => {
    setSysreg(cpu, 'SPSR_EL1', 0x9000_0145n); // N V, A F masked, EL1h
    setSysreg(cpu, 'ELR_EL1', 0x4008_1000n);
    cpu.exclValid = 1;
    exec(cpu, W.ERET);
    assert.deepEqual([cpu.nf, cpu.zf, cpu.cf, cpu.vf], [1, 0, 0, 1]);
    assert.equal(cpu.daif, 0x140);
    assert.equal(cpu.el, 1);
    assert.equal(cpu.spsel, 1);
    assert.equal(cpu.exclValid, 0);
    assert.equal(cpu.pc, 0x4008_1000n);
  });

  it('an illegal return (to EL2) sets PSTATE.IL and the next instruction takes EC 0x0E', () => {
    setSysreg(cpu, 'SPSR_EL1', 0x9n); // EL2h
    setSysreg(cpu, 'ELR_EL1', 0x4008_1000n);
    exec(cpu, W.ERET);
    assert.equal(esr(cpu), 0x3a00_0000n);
    assert.equal(sysreg(cpu, 'ELR_EL1'), 0x4008_1000n);
    assert.equal(sysreg(cpu, 'SPSR_EL1'), 0x0010_0005n); // IL set, EL and SP unchanged (EL1h), D A I F from SPSR
    assert.equal(cpu.pstateIL, 0);
    assert.equal(cpu.pc, VBAR + 0x200n);
  });

  it('ERET to a misaligned ELR takes a PC alignment fault there (FAR = ELR)', () => {
    setSysreg(cpu, 'SPSR_EL1', 0x0n);
    setSysreg(cpu, 'ELR_EL1', 0x4009_0002n);
    exec(cpu, W.ERET);
    assert.equal(esr(cpu), 0x8a00_0000n);
    assert.equal(sysreg(cpu, 'FAR_EL1'), 0x4009_0002n);
    assert.equal(sysreg(cpu, 'ELR_EL1'), 0x4009_0002n);
    assert.equal(cpu.pc, VBAR + 0x400n); // taken from EL0
  });

  it('ERET and SPSel are UNDEFINED at EL0', () => {
    cpu.sys.setExceptionLevel(0, 0);
    exec(cpu, W.ERET);
    assert.equal(esr(cpu), 0x0200_0000n);
    assert.equal(sysreg(cpu, 'ELR_EL1'), PC);
    assert.equal(cpu.pc, VBAR + 0x400n);
  });

  it('ERET computes PSTATE.SS from MDSCR_EL1.SS and SPSR.SS (stepping EL0 from an EL1 handler)', () => {
    setSysreg(cpu, 'MDSCR_EL1', 1n);
    setSysreg(cpu, 'SPSR_EL1', 0x0020_0000n); // EL0t with SS = 1
    setSysreg(cpu, 'ELR_EL1', 0x4009_0000n);
    exec(cpu, W.ERET);
    assert.equal(cpu.pstateSS, 1);
    cpu.sys.setExceptionLevel(1, 1);
    setSysreg(cpu, 'MDSCR_EL1', 0n);
    setPc(cpu, PC);
    exec(cpu, W.ERET);
    assert.equal(cpu.pstateSS, 0);
  });

  it('BRK: EC 0x3C with the comment, ELR = the BRK itself', () => {
    exec(cpu, W.BRK_3E8);
    assert.equal(esr(cpu), 0xf200_03e8n);
    assert.equal(sysreg(cpu, 'ELR_EL1'), PC);
    assert.equal(cpu.pc, VBAR + 0x200n);
  });

  it('UNDEFINED (SMC, HLT): EC 0 and ELR = the instruction; FAR untouched', () => {
    setSysreg(cpu, 'FAR_EL1', 0x1234n);
    exec(cpu, W.SMC_0);
    assert.equal(esr(cpu), 0x0200_0000n);
    assert.equal(sysreg(cpu, 'ELR_EL1'), PC);
    assert.equal(sysreg(cpu, 'FAR_EL1'), 0x1234n);
    setPc(cpu, PC + 8n);
    cpu.sys.setExceptionLevel(1, 1);
    exec(cpu, W.HLT_0);
    assert.equal(sysreg(cpu, 'ELR_EL1'), PC + 8n);
  });

  it('HVC at EL1 stops for the hypervisor with the immediate and PC past it; UNDEF at EL0', () => {
    cpu.run(0); // resets stopReason
    exec(cpu, W.HVC_1234);
    assert.equal(cpu.stopReason, STOP_HVC);
    assert.equal(cpu.stopImm, 0x1234);
    assert.equal(cpu.pc, PC + 4n);
    assert.equal(cpu.sys.exceptionCount, 0);
    cpu.sys.setExceptionLevel(0, 0);
    exec(cpu, W.HVC_0);
    assert.equal(esr(cpu), 0x0200_0000n);
  });

  it('WFI stops with PC past it; at EL0 with SCTLR_EL1.nTWI = 0 it traps (EC 0x01)', () => {
    exec(cpu, W.WFI);
    assert.equal(cpu.stopReason, STOP_WFI);
    assert.equal(cpu.pc, PC + 4n);
    setSysreg(cpu, 'SCTLR_EL1', 0x00c50838n & ~((1n << 16n) | (1n << 18n)));
    cpu.sys.setExceptionLevel(0, 0);
    setPc(cpu, PC);
    exec(cpu, W.WFI);
    assert.equal(esr(cpu), 0x07e0_0000n);
    cpu.sys.setExceptionLevel(0, 0);
    setPc(cpu, PC);
    exec(cpu, W.WFE);
    assert.equal(esr(cpu), 0x07e0_0001n);
  });

  it('hints and barriers only advance the PC', () => {
    for (const w of [W.NOP, W.YIELD, W.WFE, W.SEV, W.SEVL, W.DSB_SY, W.DMB_ISH, W.ISB, W.SB, W.PACIASP, W.BTI_C]) exec(cpu, w);
    assert.equal(cpu.pc, PC + 44n);
    assert.equal(cpu.sys.exceptionCount, 0);
  });

  it('externalAbort: data abort (DFSC 0x10, WnR) and instruction abort (IFSC 0x10) with FAR', () => {
    cpu.sys.externalAbort(0x0a00_0000, 0, ACC_WRITE);
    assert.equal(esr(cpu), 0x9600_0050n);
    assert.equal(sysreg(cpu, 'FAR_EL1'), 0x0a00_0000n);
    assert.equal(sysreg(cpu, 'ELR_EL1'), PC);
    cpu.sys.setExceptionLevel(0, 0);
    setPc(cpu, 0x1000n);
    cpu.sys.externalAbort(0x1000, 0, ACC_FETCH);
    assert.equal(esr(cpu), 0x8200_0010n);
    assert.equal(sysreg(cpu, 'FAR_EL1'), 0x1000n);
  });

  it('pcAlignmentFault and fpTrap throw ABORT after taking the exception', () => {
    setPc(cpu, PC + 2n);
    assert.throws(() => cpu.sys.pcAlignmentFault(), (e) => e === ABORT);
    assert.equal(esr(cpu), 0x8a00_0000n);
    assert.equal(sysreg(cpu, 'FAR_EL1'), PC + 2n);
    setPc(cpu, PC);
    assert.throws(() => cpu.sys.fpTrap(), (e) => e === ABORT);
    assert.equal(esr(cpu), 0x1fe0_0000n);
  });

  it('takeException serves other units (a same-EL watchpoint: ESR, FAR, ELR)', () => {
    cpu.sys.takeException(0x35, 0x62, 0x4010_0008, 0, true, Number(PC), 0);
    assert.equal(esr(cpu), 0xd600_0062n);
    assert.equal(sysreg(cpu, 'FAR_EL1'), 0x4010_0008n);
    assert.equal(sysreg(cpu, 'ELR_EL1'), PC);
  });

  it('exclusive and SCTLR_EL1.A alignment faults (DFSC 0x21) from checkAlignment', () => {
    cpu.sys.options.strictMmuOffAlignment = false;
    cpu.sys.applyOptions();
    cpu.sys.checkAlignment(0x4010_0004, 0, 4, ACC_READ, false); // aligned: nothing
    cpu.sys.checkAlignment(0x4010_0002, 0, 4, ACC_READ, false); // unaligned, normal memory, A = 0: allowed
    assert.equal(cpu.sys.exceptionCount, 0);
    assert.throws(() => cpu.sys.checkAlignment(0x4010_0004, 0, 8, ACC_WRITE, true), (e) => e === ABORT);
    assert.equal(esr(cpu), 0x9600_0061n);
    assert.equal(sysreg(cpu, 'FAR_EL1'), 0x4010_0004n);
    cpu.sys.setExceptionLevel(1, 1);
    setPc(cpu, PC);
    setSysreg(cpu, 'SCTLR_EL1', 0x00c50838n | 2n);
    assert.throws(() => cpu.sys.checkAlignment(0x4010_0001, 0, 2, ACC_READ, false), (e) => e === ABORT);
    assert.equal(esr(cpu), 0x9600_0021n);
  });
});

describe('arm64 system: exceptions with no usable vector', () => {
  let cpu: Arm64Cpu;
  beforeEach(() => {
    cpu = makeCpu();
    setPc(cpu, PC);
    cpu.run(0);
  });

  it('stops with STOP_NO_VECTOR when VBAR_EL1 (reset value 0) points at nothing, keeping the syndrome', () => {
    exec(cpu, W.SVC_42);
    assert.equal(cpu.stopReason, STOP_NO_VECTOR);
    assert.equal(cpu.sys.lastEsr, 0x5600_0042n);
    assert.equal(cpu.sys.lastElr, PC + 4n);
    assert.equal(cpu.pc, 0x200n);
  });

  it('stops when the vector faults straight back into itself, keeping the original exception', () => {
    setSysreg(cpu, 'VBAR_EL1', VBAR); // RAM full of zeros: UDF #0 at the vector
    setX(cpu, 0, 0x4010_0000n);
    cpu.sys.externalAbort(0x0a00_0000, 0, ACC_READ);
    assert.equal(cpu.stopReason, STOP_NONE);
    assert.equal(cpu.pc, VBAR + 0x200n);
    exec(cpu, 0x0000_0000); // UDF at the vector
    assert.equal(cpu.stopReason, STOP_NO_VECTOR);
    assert.equal(cpu.sys.lastEsr, 0x9600_0010n);
    assert.equal(cpu.sys.lastFar, 0x0a00_0000n);
    assert.equal(cpu.sys.lastElr, PC);
    assert.equal(getX(cpu, 0), 0x4010_0000n);
  });

  it('stops when the vector is not executable under the MMU', () => {
    setSysreg(cpu, 'VBAR_EL1', 0xffff_0000_0000_0000n); // TTBR1 walks disabled by TCR_EL1.EPD1 below
    setSysreg(cpu, 'TCR_EL1', (1n << 23n) | 25n);
    setSysreg(cpu, 'SCTLR_EL1', 0x00c50839n);
    exec(cpu, W.BRK_3E8);
    assert.equal(cpu.stopReason, STOP_NO_VECTOR);
    assert.equal(cpu.sys.lastEsr, 0xf200_03e8n);
  });
});
