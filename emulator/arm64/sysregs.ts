/**
 * The A64 system-register database: one declarative row per register the emulated CPU knows, read by the
 * system layer (encodings, reset values, access rules), the adapter's register views and the language
 * server's hovers (descriptions and named fields). Nothing here is on a hot path: the system layer turns the
 * table into typed arrays once.
 *
 * Feature choices (the CPU implements ARMv8.0 + LSE atomics + CRC32, AArch64 only, EL0/EL1 with the EL2
 * behaviour supplied by the hypervisor model). Values follow `qemu-system-aarch64 -M virt -cpu max` (QEMU 7.2)
 * with every feature the emulator lacks removed:
 *   ID_AA64PFR0_EL1  QEMU 0x1201001120110022 -> 0x1000000000000011: EL0/EL1 AArch64 only, no EL2/EL3 (a KVM
 *                    guest's view), FP/AdvSIMD v8.0 (no FP16), no GIC sysregs, RAS, SVE, DIT; CSV3 kept
 *                    (an emulator has no speculative side channels).
 *   ID_AA64PFR1_EL1  QEMU 0x01000021 -> 0: no BTI enforcement, SSBS, MTE, SME.
 *   ID_AA64ISAR0_EL1 QEMU 0x1221111110212120 -> 0x210000: CRC32 (1) and LSE atomics (2) only.
 *   ID_AA64ISAR1_EL1 QEMU 0x0011111101211012 -> 0x1000000000: SB only (no PAuth: the PAC hints are NOPs).
 *   ID_AA64MMFR0_EL1 QEMU 0x0000032310201126 -> 0x0F000025: 48-bit PA, 16-bit ASIDs, 4 KiB granule only
 *                    (TGran16 = 0 and TGran64 = 0xF: not supported), no mixed endian, no Secure memory.
 *   ID_AA64MMFR1/2   QEMU -> 0: no HAFDBS (no hardware Access-flag update), PAN, LO, VH, UAO, CnP, TTL...
 *   ID_AA64DFR0_EL1  QEMU 0x10305609 -> 0xF010305006: Debug v8.0, no PMU, 6 breakpoints, 4 watchpoints,
 *                    2 context-aware breakpoints, no SPE, no Double Lock (spec A.7 default).
 *   ID_AA64ZFR0_EL1  0 (no SVE).
 * MIDR/MPIDR/REVIDR/CTR/DCZID/CLIDR/CCSIDR, SCTLR_EL1 (0x00c50838) and CNTFRQ_EL0 (62.5 MHz) are QEMU's.
 */

export interface SysRegField {
  readonly name: string;
  readonly msb: number;
  readonly lsb: number;
  readonly description: string;
}

/** How the system layer implements the register (beyond plain storage of the written value). */
export type SysRegBehaviour =
  | 'storage' // reads return the last write (masked by writeMask)
  | 'const' // read-only constant (the reset value)
  | 'raz-wi' // reads zero, writes ignored
  | 'nzcv'
  | 'daif'
  | 'currentel'
  | 'spsel'
  | 'fpcr'
  | 'fpsr'
  | 'sp-el0'
  | 'sp-el1'
  | 'sctlr' // storage; changes the MMU/alignment configuration (flushes TLBs)
  | 'mmu' // storage; part of the translation configuration (flushes TLBs)
  | 'cpacr' // storage; maintains cpu.fpEnabled
  | 'ccsidr' // value selected by CSSELR_EL1
  | 'dczid' // DZP reflects SCTLR_EL1.DZE at EL0
  | 'counter-virtual'
  | 'counter-physical'
  | 'timer-ctl'
  | 'timer-tval'
  | 'oslar'
  | 'claimset'
  | 'claimclr';

/**
 * What an EL0 access needs (minEl = 0 registers only). A control bit that is 0 traps the access to EL1 with
 * EC 0x18; the FP registers additionally need CPACR_EL1.FPEN (EC 0x07).
 */
export type El0Access =
  | 'always'
  | 'SCTLR_EL1.UCT'
  | 'SCTLR_EL1.DZE'
  | 'SCTLR_EL1.UMA'
  | 'SCTLR_EL1.UCI'
  | 'CNTKCTL_EL1.EL0PCTEN'
  | 'CNTKCTL_EL1.EL0VCTEN'
  | 'CNTKCTL_EL1.EL0PCTEN|EL0VCTEN'
  | 'CNTKCTL_EL1.EL0VTEN'
  | 'CNTKCTL_EL1.EL0PTEN'
  | 'MDSCR_EL1.TDCC';

/** EL2 trap controls that can send an EL0/EL1 access of the register to EL2 (for the hypervisor model). */
export type El2Trap =
  | 'MDCR_EL2.TDA'
  | 'MDCR_EL2.TDOSA'
  | 'MDCR_EL2.TDRA'
  | 'MDCR_EL2.TPM'
  | 'MDCR_EL2.TPMCR'
  | 'MDCR_EL2.TPMS'
  | 'MDCR_EL2.E2PB'
  | 'HCR_EL2.TID1'
  | 'HCR_EL2.TID2'
  | 'HCR_EL2.TID3'
  | 'HCR_EL2.TVM'
  | 'HCR_EL2.TRVM'
  | 'CPTR_EL2.TFP'
  | 'CNTHCTL_EL2.EL1PCTEN'
  | 'CNTHCTL_EL2.EL1PCEN';

/** Bit numbers of each EL2 trap in the system layer's `el2TrapsActive` mask. */
export const EL2_TRAP_BIT: Readonly<Record<El2Trap, number>> = {
  'MDCR_EL2.TDA': 1 << 0,
  'MDCR_EL2.TDOSA': 1 << 1,
  'MDCR_EL2.TDRA': 1 << 2,
  'MDCR_EL2.TPM': 1 << 3,
  'MDCR_EL2.TPMCR': 1 << 4,
  'HCR_EL2.TID1': 1 << 5,
  'HCR_EL2.TID2': 1 << 6,
  'HCR_EL2.TID3': 1 << 7,
  'HCR_EL2.TVM': 1 << 8, // writes only
  'HCR_EL2.TRVM': 1 << 9, // reads only
  'CPTR_EL2.TFP': 1 << 10,
  'CNTHCTL_EL2.EL1PCTEN': 1 << 11,
  'CNTHCTL_EL2.EL1PCEN': 1 << 12,
  'MDCR_EL2.TPMS': 1 << 13,
  /** MDCR_EL2.E2PB = 0b00: the profiling buffer is owned by EL2 and EL1 accesses to PMB* trap. */
  'MDCR_EL2.E2PB': 1 << 14,
};

export interface SysRegDef {
  readonly name: string;
  readonly op0: number;
  readonly op1: number;
  readonly crn: number;
  readonly crm: number;
  readonly op2: number;
  /** Value after reset (for 'const' registers: the value). */
  readonly reset: bigint;
  readonly access: 'RW' | 'RO' | 'WO';
  /** Lowest EL that may access it: 0, 1, or 2 (an EL2 register: UNDEFINED from EL0/EL1). */
  readonly minEl: 0 | 1 | 2;
  readonly el0?: El0Access;
  readonly el2Traps: readonly El2Trap[];
  /** Bits a write may change; the rest keep their value. */
  readonly writeMask: bigint;
  readonly behaviour: SysRegBehaviour;
  readonly description: string;
  readonly fields: readonly SysRegField[];
}

const ALL = 0xffff_ffff_ffff_ffffn;

function f(name: string, msb: number, lsb: number, description: string): SysRegField {
  return { name, msb, lsb, description };
}

interface RowOpts {
  reset?: bigint;
  access?: 'RW' | 'RO' | 'WO';
  minEl?: 0 | 1 | 2;
  el0?: El0Access;
  traps?: readonly El2Trap[];
  mask?: bigint;
  behaviour?: SysRegBehaviour;
  fields?: readonly SysRegField[];
}

function row(name: string, enc: readonly [number, number, number, number, number], description: string, o: RowOpts = {}): SysRegDef {
  const access = o.access ?? 'RW';
  const behaviour = o.behaviour ?? (access === 'RO' ? 'const' : 'storage');
  return {
    name,
    op0: enc[0],
    op1: enc[1],
    crn: enc[2],
    crm: enc[3],
    op2: enc[4],
    reset: o.reset ?? 0n,
    access,
    minEl: o.minEl ?? (o.el0 !== undefined ? 0 : 1),
    el0: o.el0,
    el2Traps: o.traps ?? [],
    writeMask: o.mask ?? ALL,
    behaviour,
    description,
    fields: o.fields ?? [],
  };
}

const TID3: readonly El2Trap[] = ['HCR_EL2.TID3'];
const TID2: readonly El2Trap[] = ['HCR_EL2.TID2'];
const TVM: readonly El2Trap[] = ['HCR_EL2.TVM', 'HCR_EL2.TRVM'];
const TDA: readonly El2Trap[] = ['MDCR_EL2.TDA'];
const TDOSA: readonly El2Trap[] = ['MDCR_EL2.TDOSA'];

function idReg(name: string, crm: number, op2: number, reset: bigint, description: string, fields: readonly SysRegField[]): SysRegDef {
  return row(name, [3, 0, 0, crm, op2], description, { reset, access: 'RO', traps: TID3, fields });
}

/** ID register fields are 4 bits wide; list them as [name, lsb, description]. */
function nibbles(list: readonly (readonly [string, number, string])[]): SysRegField[] {
  return list.map(([n, lsb, d]) => f(n, lsb + 3, lsb, d));
}

const SPSR_FIELDS = [
  f('N', 31, 31, 'Negative flag'),
  f('Z', 30, 30, 'Zero flag'),
  f('C', 29, 29, 'Carry flag'),
  f('V', 28, 28, 'Overflow flag'),
  f('SS', 21, 21, 'Software step state'),
  f('IL', 20, 20, 'Illegal execution state'),
  f('D', 9, 9, 'Debug exception mask'),
  f('A', 8, 8, 'SError mask'),
  f('I', 7, 7, 'IRQ mask'),
  f('F', 6, 6, 'FIQ mask'),
  f('M4', 4, 4, 'Execution state (0 = AArch64)'),
  f('M', 3, 0, 'Exception level and SP: 0b0000 EL0t, 0b0100 EL1t, 0b0101 EL1h'),
];

function dbgRows(): SysRegDef[] {
  const out: SysRegDef[] = [];
  const bcr = [
    f('BT', 23, 20, 'Breakpoint type (0 unlinked address, 1 linked address, 2/3 context ID)'),
    f('LBN', 19, 16, 'Linked breakpoint number'),
    f('SSC', 15, 14, 'Security state control'),
    f('HMC', 13, 13, 'Higher mode control'),
    f('BAS', 8, 5, 'Byte address select (0b1111 for A64)'),
    f('PMC', 2, 1, 'Privilege mode control (bit 0 EL1, bit 1 EL0)'),
    f('E', 0, 0, 'Enable'),
  ];
  const wcr = [
    f('MASK', 28, 24, 'Address mask: ignore this many low address bits (0 = use BAS)'),
    f('WT', 20, 20, 'Watchpoint type (1 = linked)'),
    f('LBN', 19, 16, 'Linked breakpoint number'),
    f('SSC', 15, 14, 'Security state control'),
    f('HMC', 13, 13, 'Higher mode control'),
    f('BAS', 12, 5, 'Byte address select, one bit per byte of the doubleword'),
    f('LSC', 4, 3, 'Load/store control: 1 loads, 2 stores, 3 both'),
    f('PAC', 2, 1, 'Privilege access control (bit 0 EL1, bit 1 EL0)'),
    f('E', 0, 0, 'Enable'),
  ];
  // Rows for every architecturally possible slot; the system layer makes those above the configured
  // ID_AA64DFR0_EL1 counts UNDEFINED.
  for (let n = 0; n < MAX_DEBUG_SLOTS; n++) {
    out.push(row(`DBGBVR${n}_EL1`, [2, 0, 0, n, 4], `Breakpoint ${n} value (context ID in bits 31:0 when context-aware)`, { traps: TDA, fields: [f('VA', 63, 2, 'Instruction address (or context ID in bits 31:0)')] }));
    out.push(row(`DBGBCR${n}_EL1`, [2, 0, 0, n, 5], `Breakpoint ${n} control`, { traps: TDA, mask: 0xffff_ffffn, fields: bcr }));
  }
  for (let n = 0; n < MAX_DEBUG_SLOTS; n++) {
    out.push(row(`DBGWVR${n}_EL1`, [2, 0, 0, n, 6], `Watchpoint ${n} value`, { traps: TDA, fields: [f('VA', 63, 2, 'Data address')] }));
    out.push(row(`DBGWCR${n}_EL1`, [2, 0, 0, n, 7], `Watchpoint ${n} control`, { traps: TDA, mask: 0xffff_ffffn, fields: wcr }));
  }
  return out;
}

/**
 * SPE registers (spec A.1, C.2.8). ID_AA64DFR0_EL1.PMSVer is 0 by default, so the system layer treats them as
 * UNDEFINED unless SystemOptions.spe is set; with SPE, EL2 traps them with MDCR_EL2.TPMS / E2PB.
 */
function speRows(): SysRegDef[] {
  const TPMS: readonly El2Trap[] = ['MDCR_EL2.TPMS'];
  const E2PB: readonly El2Trap[] = ['MDCR_EL2.E2PB'];
  return [
    row('PMSCR_EL1', [3, 0, 9, 9, 0], 'SPE sampling control', { traps: TPMS, mask: 0xffn, fields: [f('PCT', 7, 6, 'Physical timestamp'), f('TS', 5, 5, 'Timestamp enable'), f('PA', 4, 4, 'Physical address sample enable'), f('CX', 3, 3, 'CONTEXTIDR sample enable'), f('E1SPE', 1, 1, 'EL1 sampling enable'), f('E0SPE', 0, 0, 'EL0 sampling enable')] }),
    row('PMSICR_EL1', [3, 0, 9, 9, 2], 'SPE sampling interval counter', { traps: TPMS }),
    row('PMSIRR_EL1', [3, 0, 9, 9, 3], 'SPE sampling interval reload', { traps: TPMS }),
    row('PMSFCR_EL1', [3, 0, 9, 9, 4], 'SPE sampling filter control', { traps: TPMS }),
    row('PMSEVFR_EL1', [3, 0, 9, 9, 5], 'SPE sampling event filter', { traps: TPMS }),
    row('PMSLATFR_EL1', [3, 0, 9, 9, 6], 'SPE sampling latency filter', { traps: TPMS }),
    row('PMSIDR_EL1', [3, 0, 9, 9, 7], 'SPE sampling profiling ID', { access: 'RO', traps: TPMS }),
    row('PMBLIMITR_EL1', [3, 0, 9, 10, 0], 'SPE profiling buffer limit', { traps: E2PB, fields: [f('LIMIT', 63, 12, 'Buffer limit'), f('FM', 2, 1, 'Fill mode'), f('E', 0, 0, 'Buffer enable')] }),
    row('PMBPTR_EL1', [3, 0, 9, 10, 1], 'SPE profiling buffer write pointer', { traps: E2PB }),
    row('PMBSR_EL1', [3, 0, 9, 10, 3], 'SPE profiling buffer status', { traps: E2PB }),
    row('PMBIDR_EL1', [3, 0, 9, 10, 7], 'SPE profiling buffer ID', { access: 'RO', traps: E2PB, fields: [f('F', 5, 5, 'Flag updates'), f('P', 4, 4, 'Owned by a higher EL'), f('Align', 3, 0, 'Alignment')] }),
  ];
}

/** Debug resources advertised by default in ID_AA64DFR0_EL1 (BRPs + 1, WRPs + 1, CTX_CMPs + 1), as QEMU -cpu max. */
export const BREAKPOINTS = 6;
export const WATCHPOINTS = 4;
export const CONTEXT_BREAKPOINTS = 2;
/** The architecture's limit on breakpoints and watchpoints (4-bit BRPs/WRPs fields). */
export const MAX_DEBUG_SLOTS = 16;

/** The cache geometry QEMU's `max` CPU reports, by CSSELR_EL1 value (Level << 1 | InD). */
export const CCSIDR_BY_CSSELR: readonly bigint[] = [0x701fe00an, 0x201fe012n, 0x70ffe07an];

export const SYSREGS: readonly SysRegDef[] = [
  // ---------------------------------------------------------------- identification
  row('MIDR_EL1', [3, 0, 0, 0, 0], 'Main ID register (QEMU max: implementer 0, architecture 0xF, part 0x051)', {
    reset: 0x000f0510n,
    access: 'RO',
    fields: [f('Implementer', 31, 24, 'Implementer code'), f('Variant', 23, 20, 'Variant'), f('Architecture', 19, 16, '0xF: by ID registers'), f('PartNum', 15, 4, 'Part number'), f('Revision', 3, 0, 'Revision')],
  }),
  row('MPIDR_EL1', [3, 0, 0, 0, 5], 'Multiprocessor affinity (single core 0)', {
    reset: 0x80000000n,
    access: 'RO',
    fields: [f('Aff3', 39, 32, 'Affinity level 3'), f('U', 30, 30, 'Uniprocessor'), f('MT', 24, 24, 'Multithreading'), f('Aff2', 23, 16, 'Affinity level 2'), f('Aff1', 15, 8, 'Affinity level 1'), f('Aff0', 7, 0, 'Affinity level 0')],
  }),
  row('REVIDR_EL1', [3, 0, 0, 0, 6], 'Revision ID (implementation defined)', { access: 'RO', traps: ['HCR_EL2.TID1'] }),
  idReg('ID_AA64PFR0_EL1', 4, 0, 0x1000000000000011n, 'AArch64 processor feature register 0', nibbles([
    ['EL0', 0, '1: AArch64 only'], ['EL1', 4, '1: AArch64 only'], ['EL2', 8, '0: not visible to the guest'], ['EL3', 12, '0: not implemented'],
    ['FP', 16, '0: FP v8.0'], ['AdvSIMD', 20, '0: AdvSIMD v8.0'], ['GIC', 24, '0: no GIC system registers'], ['RAS', 28, '0: no RAS'],
    ['SVE', 32, '0: no SVE'], ['SEL2', 36, 'Secure EL2'], ['MPAM', 40, 'MPAM'], ['AMU', 44, 'Activity monitors'], ['DIT', 48, 'Data-independent timing'],
    ['RME', 52, 'Realm management'], ['CSV2', 56, 'Branch target speculation'], ['CSV3', 60, '1: no speculative data leaks'],
  ])),
  idReg('ID_AA64PFR1_EL1', 4, 1, 0n, 'AArch64 processor feature register 1', nibbles([['BT', 0, 'Branch target identification'], ['SSBS', 4, 'Speculative store bypass safe'], ['MTE', 8, 'Memory tagging'], ['RAS_frac', 12, 'RAS fraction'], ['MPAM_frac', 16, 'MPAM fraction'], ['SME', 24, 'Scalable matrix extension']])),
  idReg('ID_AA64ZFR0_EL1', 4, 4, 0n, 'SVE feature register 0 (no SVE)', []),
  idReg('ID_AA64DFR0_EL1', 5, 0, 0x000000f010305006n, 'AArch64 debug feature register 0', nibbles([
    ['DebugVer', 0, '6: Armv8.0 debug'], ['TraceVer', 4, '0: no system-register trace'], ['PMUVer', 8, '0: no PMU'], ['BRPs', 12, 'Breakpoints - 1 (5: six)'],
    ['WRPs', 20, 'Watchpoints - 1 (3: four)'], ['CTX_CMPs', 28, 'Context-aware breakpoints - 1 (1: two)'], ['PMSVer', 32, '0: no SPE'],
    ['DoubleLock', 36, '0xF: OS Double Lock not implemented'], ['TraceFilt', 40, 'Trace filter'], ['TraceBuffer', 44, 'Trace buffer'], ['MTPMU', 48, 'Multi-threaded PMU'],
    ['BRBE', 52, 'Branch record buffer'], ['HPMN0', 60, 'Zero PMU counters for EL1'],
  ])),
  idReg('ID_AA64DFR1_EL1', 5, 1, 0n, 'AArch64 debug feature register 1', []),
  idReg('ID_AA64AFR0_EL1', 5, 4, 0n, 'AArch64 auxiliary feature register 0', []),
  idReg('ID_AA64AFR1_EL1', 5, 5, 0n, 'AArch64 auxiliary feature register 1', []),
  idReg('ID_AA64ISAR0_EL1', 6, 0, 0x0000000000210000n, 'AArch64 instruction set attribute register 0', nibbles([
    ['AES', 4, 'AES instructions'], ['SHA1', 8, 'SHA1 instructions'], ['SHA2', 12, 'SHA2 instructions'], ['CRC32', 16, '1: CRC32 instructions'],
    ['Atomic', 20, '2: LSE atomics'], ['TME', 24, 'Transactional memory'], ['RDM', 28, 'SQRDMLAH/SQRDMLSH'], ['SHA3', 32, 'SHA3'], ['SM3', 36, 'SM3'],
    ['SM4', 40, 'SM4'], ['DP', 44, 'Dot product'], ['FHM', 48, 'FMLAL/FMLSL'], ['TS', 52, 'Flag manipulation'], ['TLB', 56, 'TLB maintenance range/outer'], ['RNDR', 60, 'Random number'],
  ])),
  idReg('ID_AA64ISAR1_EL1', 6, 1, 0x0000001000000000n, 'AArch64 instruction set attribute register 1', nibbles([
    ['DPB', 0, 'DC CVAP'], ['APA', 4, 'PAuth (QARMA)'], ['API', 8, 'PAuth (IMP DEF)'], ['JSCVT', 12, 'FJCVTZS'], ['FCMA', 16, 'FCMLA/FCADD'],
    ['LRCPC', 20, 'LDAPR'], ['GPA', 24, 'Generic PAuth (QARMA)'], ['GPI', 28, 'Generic PAuth (IMP DEF)'], ['FRINTTS', 32, 'FRINT32/64'],
    ['SB', 36, '1: SB barrier'], ['SPECRES', 40, 'Prediction restriction'], ['BF16', 44, 'BFloat16'], ['DGH', 48, 'DGH hint'], ['I8MM', 52, 'Int8 matrix multiply'],
  ])),
  idReg('ID_AA64ISAR2_EL1', 6, 2, 0n, 'AArch64 instruction set attribute register 2', []),
  idReg('ID_AA64MMFR0_EL1', 7, 0, 0x000000000f000025n, 'AArch64 memory model feature register 0', nibbles([
    ['PARange', 0, '5: 48-bit physical addresses'], ['ASIDBits', 4, '2: 16-bit ASIDs'], ['BigEnd', 8, '0: no mixed endian'], ['SNSMem', 12, '0: no Secure memory'],
    ['BigEndEL0', 16, '0: no mixed endian at EL0'], ['TGran16', 20, '0: 16 KiB granule not supported'], ['TGran64', 24, '0xF: 64 KiB granule not supported'],
    ['TGran4', 28, '0: 4 KiB granule supported'], ['TGran16_2', 32, 'Stage 2 16 KiB'], ['TGran64_2', 36, 'Stage 2 64 KiB'], ['TGran4_2', 40, 'Stage 2 4 KiB'], ['ExS', 44, 'Exception context sync control'],
  ])),
  idReg('ID_AA64MMFR1_EL1', 7, 1, 0n, 'AArch64 memory model feature register 1', nibbles([
    ['HAFDBS', 0, '0: no hardware Access flag/dirty update'], ['VMIDBits', 4, 'VMID size'], ['VH', 8, 'Virtualization host extensions'], ['HPDS', 12, 'Hierarchical permission disables'],
    ['LO', 16, 'LORegions'], ['PAN', 20, '0: no PAN'], ['SpecSEI', 24, 'SError on speculative reads'], ['XNX', 28, 'EL0/EL1 execute never at stage 2'],
  ])),
  idReg('ID_AA64MMFR2_EL1', 7, 2, 0n, 'AArch64 memory model feature register 2', nibbles([['CnP', 0, 'Common not private'], ['UAO', 4, '0: no UAO'], ['LSM', 8, 'Load/store multiple'], ['IESB', 12, 'Implicit error sync'], ['VARange', 16, '0: 48-bit VAs'], ['CCIDX', 20, 'CCSIDR format'], ['NV', 24, 'Nested virtualization'], ['ST', 28, 'Small translation tables'], ['AT', 32, 'Unaligned single-copy atomicity'], ['IDS', 36, 'ID register trap syndrome'], ['FWB', 40, 'Stage 2 forced write-back'], ['TTL', 48, 'TTL hint'], ['BBM', 52, 'Break-before-make levels'], ['EVT', 56, 'Enhanced virtualization traps'], ['E0PD', 60, 'E0PD']])),
  row('CTR_EL0', [3, 3, 0, 0, 1], 'Cache type register', {
    reset: 0x8444c004n,
    access: 'RO',
    el0: 'SCTLR_EL1.UCT',
    traps: TID2,
    fields: [f('DIC', 29, 29, 'Instruction cache invalidation not required'), f('IDC', 28, 28, 'Data cache clean not required'), f('CWG', 27, 24, 'Cache writeback granule (log2 words)'), f('ERG', 23, 20, 'Exclusives reservation granule (log2 words)'), f('DminLine', 19, 16, 'Smallest data cache line (log2 words)'), f('L1Ip', 15, 14, 'L1 instruction cache policy (3: PIPT)'), f('IminLine', 3, 0, 'Smallest instruction cache line (log2 words)')],
  }),
  row('DCZID_EL0', [3, 3, 0, 0, 7], 'Data cache zero ID: DC ZVA block size', {
    reset: 0x4n,
    access: 'RO',
    el0: 'always',
    behaviour: 'dczid',
    fields: [f('DZP', 4, 4, 'DC ZVA prohibited'), f('BS', 3, 0, 'Block size, log2 words (4: 64 bytes)')],
  }),
  row('CLIDR_EL1', [3, 1, 0, 0, 1], 'Cache level ID', {
    reset: 0x02000023n,
    access: 'RO',
    traps: TID2,
    fields: [f('LoUU', 29, 27, 'Level of unification uniprocessor'), f('LoC', 26, 24, 'Level of coherence'), f('LoUIS', 23, 21, 'Level of unification inner shareable'), f('Ctype2', 5, 3, 'Level 2 cache type (4: unified)'), f('Ctype1', 2, 0, 'Level 1 cache type (3: separate I and D)')],
  }),
  row('CCSIDR_EL1', [3, 1, 0, 0, 0], 'Current cache size ID (the cache CSSELR_EL1 selects)', {
    reset: CCSIDR_BY_CSSELR[0],
    access: 'RO',
    traps: TID2,
    behaviour: 'ccsidr',
    fields: [f('NumSets', 27, 13, 'Sets - 1'), f('Associativity', 12, 3, 'Ways - 1'), f('LineSize', 2, 0, 'log2(line bytes) - 4')],
  }),
  row('CSSELR_EL1', [3, 2, 0, 0, 0], 'Cache size selection', { traps: TID2, mask: 0xfn, fields: [f('Level', 3, 1, 'Cache level - 1'), f('InD', 0, 0, '1: instruction cache')] }),
  row('AIDR_EL1', [3, 1, 0, 0, 7], 'Auxiliary ID (implementation defined)', { access: 'RO', traps: ['HCR_EL2.TID1'] }),

  // ---------------------------------------------------------------- system control and translation
  row('SCTLR_EL1', [3, 0, 1, 0, 0], 'System control (EL1&0)', {
    reset: 0x00c50838n,
    behaviour: 'sctlr',
    traps: TVM,
    fields: [
      f('UCI', 26, 26, 'EL0 may execute DC CVAU/CVAC/CIVAC and IC IVAU'),
      f('EE', 25, 25, 'Endianness at EL1 (0: little)'),
      f('E0E', 24, 24, 'Endianness at EL0 (0: little)'),
      f('WXN', 19, 19, 'Write permission implies execute-never'),
      f('nTWE', 18, 18, 'EL0 WFE not trapped'),
      f('nTWI', 16, 16, 'EL0 WFI not trapped'),
      f('UCT', 15, 15, 'EL0 may read CTR_EL0'),
      f('DZE', 14, 14, 'EL0 may execute DC ZVA'),
      f('I', 12, 12, 'Instruction cacheability'),
      f('UMA', 9, 9, 'EL0 may access DAIF'),
      f('SED', 8, 8, 'SETEND disable (AArch32)'),
      f('ITD', 7, 7, 'IT disable (AArch32)'),
      f('CP15BEN', 5, 5, 'CP15 barrier enable (AArch32)'),
      f('SA0', 4, 4, 'SP alignment check at EL0'),
      f('SA', 3, 3, 'SP alignment check at EL1'),
      f('C', 2, 2, 'Data cacheability'),
      f('A', 1, 1, 'Alignment check'),
      f('M', 0, 0, 'Stage 1 MMU enable'),
    ],
  }),
  row('ACTLR_EL1', [3, 0, 1, 0, 1], 'Auxiliary control (implementation defined, storage only)', {}),
  row('CPACR_EL1', [3, 0, 1, 0, 2], 'Architectural feature access control', {
    behaviour: 'cpacr',
    mask: 0x1030_0000n,
    fields: [f('TTA', 28, 28, 'Trap trace register access'), f('FPEN', 21, 20, 'FP/AdvSIMD enable: 0b11 EL0 and EL1, 0b01 EL1 only, else trapped (EC 0x07)')],
  }),
  row('TTBR0_EL1', [3, 0, 2, 0, 0], 'Translation table base 0 (lower VA range)', { behaviour: 'mmu', traps: TVM, fields: [f('ASID', 63, 48, 'Address space ID'), f('BADDR', 47, 1, 'Table base address'), f('CnP', 0, 0, 'Common not private')] }),
  row('TTBR1_EL1', [3, 0, 2, 0, 1], 'Translation table base 1 (upper VA range)', { behaviour: 'mmu', traps: TVM, fields: [f('ASID', 63, 48, 'Address space ID'), f('BADDR', 47, 1, 'Table base address'), f('CnP', 0, 0, 'Common not private')] }),
  row('TCR_EL1', [3, 0, 2, 0, 2], 'Translation control', {
    behaviour: 'mmu',
    traps: TVM,
    fields: [
      f('TBI1', 38, 38, 'Top byte ignored (TTBR1 range)'),
      f('TBI0', 37, 37, 'Top byte ignored (TTBR0 range)'),
      f('AS', 36, 36, 'ASID size (1: 16 bits)'),
      f('IPS', 34, 32, 'Intermediate physical address size (0:32 1:36 2:40 3:42 4:44 5:48 bits)'),
      f('TG1', 31, 30, 'TTBR1 granule (2: 4 KiB; others fault)'),
      f('SH1', 29, 28, 'TTBR1 walk shareability'),
      f('ORGN1', 27, 26, 'TTBR1 walk outer cacheability'),
      f('IRGN1', 25, 24, 'TTBR1 walk inner cacheability'),
      f('EPD1', 23, 23, 'Disable TTBR1 walks'),
      f('A1', 22, 22, 'ASID from TTBR1'),
      f('T1SZ', 21, 16, 'TTBR1 region size: 2^(64-T1SZ) bytes'),
      f('TG0', 15, 14, 'TTBR0 granule (0: 4 KiB; others fault)'),
      f('SH0', 13, 12, 'TTBR0 walk shareability'),
      f('ORGN0', 11, 10, 'TTBR0 walk outer cacheability'),
      f('IRGN0', 9, 8, 'TTBR0 walk inner cacheability'),
      f('EPD0', 7, 7, 'Disable TTBR0 walks'),
      f('T0SZ', 5, 0, 'TTBR0 region size: 2^(64-T0SZ) bytes'),
    ],
  }),
  row('MAIR_EL1', [3, 0, 10, 2, 0], 'Memory attribute indirection', {
    behaviour: 'mmu',
    traps: TVM,
    fields: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => f(`Attr${i}`, i * 8 + 7, i * 8, `Attributes for AttrIndx ${i} (0x00-0x0C Device, else Normal)`)),
  }),
  row('AMAIR_EL1', [3, 0, 10, 3, 0], 'Auxiliary memory attribute indirection (storage only)', { traps: TVM }),
  row('VBAR_EL1', [3, 0, 12, 0, 0], 'Vector base address', { mask: ~0x7ffn & ALL, fields: [f('VBA', 63, 11, 'Vector table base (2 KiB aligned)')] }),
  row('CONTEXTIDR_EL1', [3, 0, 13, 0, 1], 'Context ID (compared by context breakpoints)', { traps: TVM, mask: 0xffff_ffffn, fields: [f('PROCID', 31, 0, 'Process identifier')] }),
  row('TPIDR_EL1', [3, 0, 13, 0, 4], 'EL1 software thread ID', {}),
  row('TPIDR_EL0', [3, 3, 13, 0, 2], 'EL0 read/write software thread ID (TLS)', { el0: 'always' }),
  row('TPIDRRO_EL0', [3, 3, 13, 0, 3], 'EL0 read-only software thread ID (writable at EL1)', { el0: 'always' }),
  row('PAR_EL1', [3, 0, 7, 4, 0], 'Physical address register (AT results)', {
    fields: [f('ATTR', 63, 56, 'MAIR attribute of the translation'), f('PA', 47, 12, 'Output address'), f('NS', 9, 9, 'Non-secure'), f('SH', 8, 7, 'Shareability'), f('FST', 6, 1, 'Fault status when F = 1'), f('F', 0, 0, 'Translation aborted')],
  }),

  // ---------------------------------------------------------------- exception handling
  row('ESR_EL1', [3, 0, 5, 2, 0], 'Exception syndrome', { traps: TVM, fields: [f('ISS2', 36, 32, 'Instruction-specific syndrome 2'), f('EC', 31, 26, 'Exception class'), f('IL', 25, 25, 'Instruction length (1: 32-bit)'), f('ISS', 24, 0, 'Instruction-specific syndrome')] }),
  row('AFSR0_EL1', [3, 0, 5, 1, 0], 'Auxiliary fault status 0 (storage only)', { traps: TVM }),
  row('AFSR1_EL1', [3, 0, 5, 1, 1], 'Auxiliary fault status 1 (storage only)', { traps: TVM }),
  row('FAR_EL1', [3, 0, 6, 0, 0], 'Fault address', { traps: TVM, fields: [f('VA', 63, 0, 'Faulting virtual address')] }),
  row('ELR_EL1', [3, 0, 4, 0, 1], 'Exception link register (preferred return address)', {}),
  row('SPSR_EL1', [3, 0, 4, 0, 0], 'Saved program status', { mask: 0xf030_03dfn, fields: SPSR_FIELDS }),
  row('SP_EL0', [3, 0, 4, 1, 0], 'EL0 stack pointer (accessible at EL1 while SPSel = 1)', { behaviour: 'sp-el0' }),
  row('SP_EL1', [3, 4, 4, 1, 0], 'EL1 stack pointer (an EL2 register view)', { minEl: 2, behaviour: 'sp-el1' }),
  row('SPSel', [3, 0, 4, 2, 0], 'Stack pointer select', { behaviour: 'spsel', fields: [f('SP', 0, 0, '1: use SP_ELx at ELx')] }),
  row('CurrentEL', [3, 0, 4, 2, 2], 'Current exception level', { access: 'RO', behaviour: 'currentel', fields: [f('EL', 3, 2, 'Exception level')] }),
  row('DAIF', [3, 3, 4, 2, 1], 'Interrupt mask bits', { el0: 'SCTLR_EL1.UMA', behaviour: 'daif', fields: [f('D', 9, 9, 'Debug'), f('A', 8, 8, 'SError'), f('I', 7, 7, 'IRQ'), f('F', 6, 6, 'FIQ')] }),
  row('NZCV', [3, 3, 4, 2, 0], 'Condition flags', { el0: 'always', behaviour: 'nzcv', fields: [f('N', 31, 31, 'Negative'), f('Z', 30, 30, 'Zero'), f('C', 29, 29, 'Carry'), f('V', 28, 28, 'Overflow')] }),
  row('FPCR', [3, 3, 4, 4, 0], 'Floating-point control', {
    el0: 'always',
    behaviour: 'fpcr',
    traps: ['CPTR_EL2.TFP'],
    mask: 0x07c0_0000n,
    fields: [f('AHP', 26, 26, 'Alternative half precision'), f('DN', 25, 25, 'Default NaN'), f('FZ', 24, 24, 'Flush to zero'), f('RMode', 23, 22, 'Rounding mode (0 RN, 1 RP, 2 RM, 3 RZ)')],
  }),
  row('FPSR', [3, 3, 4, 4, 1], 'Floating-point status', {
    el0: 'always',
    behaviour: 'fpsr',
    traps: ['CPTR_EL2.TFP'],
    mask: 0x0800_009fn,
    fields: [f('QC', 27, 27, 'Saturation'), f('IDC', 7, 7, 'Input denormal'), f('IXC', 4, 4, 'Inexact'), f('UFC', 3, 3, 'Underflow'), f('OFC', 2, 2, 'Overflow'), f('DZC', 1, 1, 'Divide by zero'), f('IOC', 0, 0, 'Invalid operation')],
  }),

  // ---------------------------------------------------------------- generic timer (virtual time: one tick per retired instruction)
  row('CNTFRQ_EL0', [3, 3, 14, 0, 0], 'Counter frequency (62.5 MHz, as QEMU virt; writable only above EL1)', { reset: 62_500_000n, access: 'RO', el0: 'CNTKCTL_EL1.EL0PCTEN|EL0VCTEN' }),
  row('CNTPCT_EL0', [3, 3, 14, 0, 1], 'Physical count (the instruction count)', { access: 'RO', el0: 'CNTKCTL_EL1.EL0PCTEN', behaviour: 'counter-physical', traps: ['CNTHCTL_EL2.EL1PCTEN'] }),
  row('CNTVCT_EL0', [3, 3, 14, 0, 2], 'Virtual count (physical count, CNTVOFF = 0)', { access: 'RO', el0: 'CNTKCTL_EL1.EL0VCTEN', behaviour: 'counter-virtual' }),
  row('CNTKCTL_EL1', [3, 0, 14, 1, 0], 'Counter-timer kernel control', {
    mask: 0x3ffn,
    fields: [f('EL0PTEN', 9, 9, 'EL0 physical timer access'), f('EL0VTEN', 8, 8, 'EL0 virtual timer access'), f('EVNTI', 7, 4, 'Event stream bit'), f('EVNTDIR', 3, 3, 'Event direction'), f('EVNTEN', 2, 2, 'Event stream enable'), f('EL0VCTEN', 1, 1, 'EL0 CNTVCT/CNTFRQ access'), f('EL0PCTEN', 0, 0, 'EL0 CNTPCT/CNTFRQ access')],
  }),
  row('CNTV_CTL_EL0', [3, 3, 14, 3, 1], 'Virtual timer control', { el0: 'CNTKCTL_EL1.EL0VTEN', behaviour: 'timer-ctl', mask: 0x3n, fields: [f('ISTATUS', 2, 2, 'Timer condition met'), f('IMASK', 1, 1, 'Interrupt masked'), f('ENABLE', 0, 0, 'Timer enabled')] }),
  row('CNTV_CVAL_EL0', [3, 3, 14, 3, 2], 'Virtual timer compare value', { el0: 'CNTKCTL_EL1.EL0VTEN' }),
  row('CNTV_TVAL_EL0', [3, 3, 14, 3, 0], 'Virtual timer value (CVAL - count, signed 32 bits)', { el0: 'CNTKCTL_EL1.EL0VTEN', behaviour: 'timer-tval' }),
  row('CNTP_CTL_EL0', [3, 3, 14, 2, 1], 'Physical timer control', { el0: 'CNTKCTL_EL1.EL0PTEN', behaviour: 'timer-ctl', mask: 0x3n, traps: ['CNTHCTL_EL2.EL1PCEN'], fields: [f('ISTATUS', 2, 2, 'Timer condition met'), f('IMASK', 1, 1, 'Interrupt masked'), f('ENABLE', 0, 0, 'Timer enabled')] }),
  row('CNTP_CVAL_EL0', [3, 3, 14, 2, 2], 'Physical timer compare value', { el0: 'CNTKCTL_EL1.EL0PTEN', traps: ['CNTHCTL_EL2.EL1PCEN'] }),
  row('CNTP_TVAL_EL0', [3, 3, 14, 2, 0], 'Physical timer value (CVAL - count, signed 32 bits)', { el0: 'CNTKCTL_EL1.EL0PTEN', behaviour: 'timer-tval', traps: ['CNTHCTL_EL2.EL1PCEN'] }),

  // ---------------------------------------------------------------- performance monitors (minimal: no PMU is advertised)
  row('PMCR_EL0', [3, 3, 9, 12, 0], 'Performance monitors control (no event counters; EL1 only since PMUSERENR is absent)', {
    reset: 0x41000000n,
    traps: ['MDCR_EL2.TPM', 'MDCR_EL2.TPMCR'],
    mask: 0x79n,
    fields: [f('IMP', 31, 24, 'Implementer'), f('IDCODE', 23, 16, 'Identification code'), f('N', 15, 11, 'Event counters (0)'), f('LC', 6, 6, 'Long cycle counter'), f('DP', 5, 5, 'Disable cycle counter when prohibited'), f('X', 4, 4, 'Export enable'), f('D', 3, 3, 'Clock divider'), f('C', 2, 2, 'Cycle counter reset (WO)'), f('P', 1, 1, 'Event counter reset (WO)'), f('E', 0, 0, 'Enable')],
  }),

  // ---------------------------------------------------------------- self-hosted debug (spec §A.1; behaviour arrives with the debug unit)
  row('MDSCR_EL1', [2, 0, 0, 2, 2], 'Monitor debug system control', {
    traps: TDA,
    mask: 0x00e8_f041n,
    fields: [f('INTdis', 23, 22, 'External debug interrupt disable'), f('TDA', 21, 21, 'External debug trap'), f('SC2', 19, 19, 'Sample CONTEXTIDR_EL2'), f('MDE', 15, 15, 'Monitor debug (breakpoints/watchpoints) enable'), f('HDE', 14, 14, 'Halting debug enable'), f('KDE', 13, 13, 'Local (same-EL) debug enable'), f('TDCC', 12, 12, 'Trap EL0 DCC access'), f('ERR', 6, 6, 'External debug error'), f('SS', 0, 0, 'Software step enable')],
  }),
  row('MDCCINT_EL1', [2, 0, 0, 2, 0], 'Debug communications channel interrupt enable', { traps: TDA, mask: 0x6000_0000n, fields: [f('RX', 30, 30, 'DTRRX interrupt enable'), f('TX', 29, 29, 'DTRTX interrupt enable')] }),
  row('OSDTRRX_EL1', [2, 0, 0, 0, 2], 'OS lock data transfer, receive (save/restore storage)', { traps: TDA, mask: 0xffff_ffffn }),
  row('OSDTRTX_EL1', [2, 0, 0, 3, 2], 'OS lock data transfer, transmit (save/restore storage)', { traps: TDA, mask: 0xffff_ffffn }),
  row('OSECCR_EL1', [2, 0, 0, 6, 2], 'OS lock exception catch control (save/restore storage)', { traps: TDA, mask: 0xffff_ffffn }),
  row('MDCCSR_EL0', [2, 3, 0, 1, 0], 'Debug communications channel status (no external debugger: reads 0)', { access: 'RO', el0: 'MDSCR_EL1.TDCC', traps: TDA, fields: [f('RXfull', 30, 30, 'DTRRX full'), f('TXfull', 29, 29, 'DTRTX full')] }),
  row('MDRAR_EL1', [2, 0, 1, 0, 0], 'Debug ROM address (not valid)', { access: 'RO', traps: ['MDCR_EL2.TDRA'], fields: [f('ROMADDR', 47, 12, 'ROM table address'), f('Valid', 1, 0, '0: not valid')] }),
  row('OSLAR_EL1', [2, 0, 1, 0, 4], 'OS Lock access (write 1 to lock)', { access: 'WO', behaviour: 'oslar', traps: TDOSA, fields: [f('OSLK', 0, 0, 'OS Lock')] }),
  row('OSLSR_EL1', [2, 0, 1, 1, 4], 'OS Lock status (0x8 unlocked, 0xA locked)', { reset: 0x8n, access: 'RO', behaviour: 'storage', traps: TDOSA, fields: [f('OSLM1', 3, 3, 'OS Lock model (with bit 0: 0b10 implemented)'), f('nTT', 2, 2, 'Not 32-bit access'), f('OSLK', 1, 1, 'OS Lock status'), f('OSLM0', 0, 0, 'OS Lock model bit 0')] }),
  row('OSDLR_EL1', [2, 0, 1, 3, 4], 'OS Double Lock (not implemented: RAZ/WI)', { behaviour: 'raz-wi', traps: TDOSA, fields: [f('DLK', 0, 0, 'Double lock')] }),
  row('DBGPRCR_EL1', [2, 0, 1, 4, 4], 'Debug power/reset control', { traps: TDOSA, mask: 0x1n, fields: [f('CORENPDRQ', 0, 0, 'Core no power-down request')] }),
  row('DBGCLAIMSET_EL1', [2, 0, 7, 8, 6], 'Claim tag set (reads the implemented tags, 0xFF)', { reset: 0xffn, behaviour: 'claimset', traps: TDA, fields: [f('CLAIM', 7, 0, 'Claim tags')] }),
  row('DBGCLAIMCLR_EL1', [2, 0, 7, 9, 6], 'Claim tag clear (reads the current tags)', { behaviour: 'claimclr', traps: TDA, fields: [f('CLAIM', 7, 0, 'Claim tags')] }),
  row('DBGAUTHSTATUS_EL1', [2, 0, 7, 14, 6], 'Authentication status (Non-secure debug enabled, no Secure state)', {
    reset: 0x0fn,
    access: 'RO',
    traps: TDA,
    fields: [f('SNID', 7, 6, 'Secure non-invasive'), f('SID', 5, 4, 'Secure invasive'), f('NSNID', 3, 2, 'Non-secure non-invasive'), f('NSID', 1, 0, 'Non-secure invasive')],
  }),
  ...dbgRows(),
  // ---------------------------------------------------------------- statistical profiling (SPE; present only when configured)
  ...speRows(),
  row('MDCR_EL2', [3, 4, 1, 1, 1], 'Hypervisor debug configuration (EL2: the hypervisor model owns it)', {
    minEl: 2,
    fields: [
      f('HPMD', 17, 17, 'Prohibit PMU counting at EL2'),
      f('TPMS', 14, 14, 'Trap SPE sampling controls'),
      f('E2PB', 13, 12, 'SPE buffer owner'),
      f('TDRA', 11, 11, 'Trap MDRAR_EL1'),
      f('TDOSA', 10, 10, 'Trap OS-related debug registers'),
      f('TDA', 9, 9, 'Trap debug register accesses'),
      f('TDE', 8, 8, 'Route debug exceptions to EL2'),
      f('HPME', 7, 7, 'EL2 PMU counter enable'),
      f('TPM', 6, 6, 'Trap PMU accesses'),
      f('TPMCR', 5, 5, 'Trap PMCR_EL0'),
      f('HPMN', 4, 0, 'PMU counters visible to EL1'),
    ],
  }),
];

/** Lookup key of an encoding: the same packing as the ISS of an EC 0x18 trap minus Rt/direction. */
export function sysRegKey(op0: number, op1: number, crn: number, crm: number, op2: number): number {
  return (op0 << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2;
}

const byKey = new Map<number, number>();
const byName = new Map<string, number>();
SYSREGS.forEach((r, i) => {
  const k = sysRegKey(r.op0, r.op1, r.crn, r.crm, r.op2);
  if (byKey.has(k)) throw new Error(`duplicate system register encoding for ${r.name}`);
  byKey.set(k, i);
  byName.set(r.name.toUpperCase(), i);
});

/** Index into SYSREGS of the register with this encoding, or -1. */
export function sysRegIndexByKey(key: number): number {
  return byKey.get(key) ?? -1;
}

/** Index into SYSREGS of a register by name (case-insensitive), or -1. */
export function sysRegIndex(name: string): number {
  return byName.get(name.toUpperCase()) ?? -1;
}

export function sysRegByName(name: string): SysRegDef | undefined {
  const i = sysRegIndex(name);
  return i < 0 ? undefined : SYSREGS[i];
}

/** The generic MRS/MSR spelling of an encoding, e.g. S3_0_C1_C0_0. */
export function genericSysRegName(op0: number, op1: number, crn: number, crm: number, op2: number): string {
  return `S${op0}_${op1}_C${crn}_C${crm}_${op2}`;
}

/** Split a register value into its named fields (for register views and hovers). */
export function decodeFields(def: SysRegDef, value: bigint): { field: SysRegField; value: bigint }[] {
  return def.fields.map((field) => ({ field, value: (value >> BigInt(field.lsb)) & ((1n << BigInt(field.msb - field.lsb + 1)) - 1n) }));
}
