/** Shared setup for the system-layer tests: a CPU on a bare bus, driven one system record at a time. */
import { Arm64Cpu, ABORT } from '../../../emulator/arm64/cpu';
import { PhysicalBus } from '../../../emulator/machine/bus';
import { Insn } from '../../../emulator/arm64/insn';
import { OP_UNDEF } from '../../../emulator/arm64/ops';
import { decodeSystem } from '../../../emulator/arm64/system/sys-decode';

export const RAM_BASE = 0x4000_0000;
export const RAM_SIZE = 64 * 1024 * 1024;

export function makeCpu(): Arm64Cpu {
  return new Arm64Cpu(new PhysicalBus(RAM_BASE, RAM_SIZE));
}

/** Decode and execute one system-space word at the current PC, as the core's executor would. */
export function exec(cpu: Arm64Cpu, word: number): void {
  const insn = new Insn();
  cpu.sys.decode(word | 0, insn);
  cpu.icount++;
  try {
    if (insn.op === OP_UNDEF) cpu.sys.undef();
    else cpu.sys.execute(insn);
  } catch (e) {
    if (e !== ABORT) throw e;
  }
}

/** Decode only: the op number the system decoder gives a word. */
export function opOf(word: number): number {
  const insn = new Insn();
  insn.op = -1;
  decodeSystem(word | 0, insn);
  return insn.op;
}

export function setX(cpu: Arm64Cpu, n: number, v: bigint): void {
  cpu.setX(n, v);
}

export function getX(cpu: Arm64Cpu, n: number): bigint {
  return cpu.getX(n);
}

export function setPc(cpu: Arm64Cpu, v: bigint): void {
  cpu.pc = v;
}

export function sysreg(cpu: Arm64Cpu, name: string): bigint {
  return cpu.sys.readSysregByName(name);
}

export function setSysreg(cpu: Arm64Cpu, name: string, v: bigint): void {
  cpu.sys.writeByName(name, v);
}

/** Store a 64-bit little-endian value into guest RAM (page tables). */
export function poke64(cpu: Arm64Cpu, pa: number, v: bigint): void {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, BigInt.asUintN(64, v), true);
  cpu.bus.writeBytes(pa, b);
}

export function peek64(cpu: Arm64Cpu, pa: number): bigint {
  const b = cpu.bus.readBytes(pa, 8);
  return new DataView(b.buffer, b.byteOffset).getBigUint64(0, true);
}

/** Translate and return the PA, or the ESR of the exception taken (as 'esr:0x...'). */
export function tr(cpu: Arm64Cpu, va: bigint, acc: number, size = 1): number | string {
  const before = cpu.sys.exceptionCount;
  const lo = Number(va & 0xffff_ffffn) | 0;
  const hi = Number((va >> 32n) & 0xffff_ffffn) | 0;
  try {
    return cpu.sys.translate(lo, hi, acc, size);
  } catch (e) {
    if (e !== ABORT) throw e;
    if (cpu.sys.exceptionCount === before) throw new Error('ABORT without an exception');
    return 'esr:0x' + cpu.sys.lastEsr.toString(16);
  }
}

/** Encodings used across the tests (checked with llvm-mc -show-encoding). */
export const W = {
  MRS_X0_TPIDR_EL0: 0xd53bd040,
  MSR_TPIDR_EL0_X1: 0xd51bd041,
  MRS_X2_NZCV: 0xd53b4202,
  MSR_NZCV_X3: 0xd51b4203,
  MRS_X4_DAIF: 0xd53b4224,
  MSR_DAIFSET_F: 0xd5034fdf,
  MSR_DAIFCLR_2: 0xd50342ff,
  MSR_SPSEL_0: 0xd50040bf,
  MRS_X5_CURRENTEL: 0xd5384245,
  MRS_X6_SP_EL0: 0xd5384106,
  MSR_SP_EL0_X7: 0xd5184107,
  MRS_X8_CTR_EL0: 0xd53b0028,
  MRS_X9_SCTLR: 0xd5381009,
  MSR_SCTLR_X10: 0xd518100a,
  MSR_VBAR_X11: 0xd518c00b,
  MRS_X12_ESR: 0xd538520c,
  MRS_X13_FAR: 0xd538600d,
  MRS_X14_ELR: 0xd538402e,
  MSR_ELR_X15: 0xd518402f,
  MSR_SPSR_X16: 0xd5184010,
  MRS_X17_SPSR: 0xd5384011,
  MSR_TCR_X0: 0xd5182040,
  MSR_TTBR0_X0: 0xd5182000,
  MSR_TTBR1_X0: 0xd5182020,
  MSR_MAIR_X0: 0xd518a200,
  MSR_CPACR_X0: 0xd5181040,
  MRS_X0_FPCR: 0xd53b4400,
  MSR_FPCR_X0: 0xd51b4400,
  MRS_X0_CNTVCT: 0xd53be040,
  MRS_X0_CNTFRQ: 0xd53be000,
  MSR_OSLAR_X0: 0xd5101080,
  MRS_X0_OSLSR: 0xd5301180,
  MRS_X0_DCZID: 0xd53b00e0,
  MRS_X0_PAR: 0xd5387400,
  MRS_X0_DFR0: 0xd5380500,
  MRS_X0_MDSCR: 0xd5300240,
  MSR_MDSCR_X0: 0xd5100240,
  MRS_X0_DBGBCR5: 0xd53005a0,
  MRS_X0_DBGWCR3: 0xd53003e0,
  MRS_X0_MDCR_EL2: 0xd53c1120,
  MRS_X0_MIDR: 0xd5380000,
  MRS_X0_CCSIDR: 0xd5390000,
  MSR_CSSELR_X0: 0xd51a0000,
  MSR_TPIDRRO_X0: 0xd51bd060,
  MRS_X0_TPIDRRO: 0xd53bd060,
  SVC_42: 0xd4000841,
  HVC_0: 0xd4000002,
  HVC_1234: 0xd4024682,
  SMC_0: 0xd4000003,
  BRK_3E8: 0xd4207d00,
  HLT_0: 0xd4400000,
  ERET: 0xd69f03e0,
  NOP: 0xd503201f,
  YIELD: 0xd503203f,
  WFE: 0xd503205f,
  WFI: 0xd503207f,
  SEV: 0xd503209f,
  SEVL: 0xd50320bf,
  CLREX: 0xd5033f5f,
  DSB_SY: 0xd5033f9f,
  DMB_ISH: 0xd5033bbf,
  ISB: 0xd5033fdf,
  SB: 0xd50330ff,
  DC_ZVA_X0: 0xd50b7420,
  DC_CIVAC_X0: 0xd50b7e20,
  DC_CVAC_X0: 0xd50b7a20,
  DC_IVAC_X0: 0xd5087620,
  IC_IALLU: 0xd508751f,
  IC_IVAU_X0: 0xd50b7520,
  TLBI_VMALLE1: 0xd508871f,
  TLBI_VAE1IS_X0: 0xd5088320,
  AT_S1E1R_X0: 0xd5087800,
  AT_S1E1W_X0: 0xd5087820,
  AT_S1E0R_X0: 0xd5087840,
  AT_S1E0W_X0: 0xd5087860,
  PACIASP: 0xd503233f,
  BTI_C: 0xd503245f,
  MRS_X0_MVFR0: 0xd5380300,
  MRS_X0_S3_0_C0_C7_7: 0xd53807e0,
  MRS_X0_PFR0: 0xd5380400,
  MRS_X0_CNTV_CTL: 0xd53be320,
  MSR_CNTV_TVAL_X0: 0xd51be300,
  MRS_X0_CNTV_TVAL: 0xd53be300,
  MRS_X0_SP_EL1: 0xd53c4100,
  MRS_X0_S3_0_C15_C0_0: 0xd538f000,
  MSR_PAN_1: 0xd500419f,
  MRS_X0_CNTKCTL: 0xd538e100,
  MSR_CNTKCTL_X0: 0xd518e100,
  MRS_X0_MPIDR: 0xd53800a0,
  MSR_DBGBVR6_X0: 0xd5100680,
} as const;
