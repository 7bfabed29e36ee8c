/**
 * The x86-64 register database: debug registers (DR0-DR7), control registers (CR0, CR2, CR3, CR4, CR8) and
 * the MSRs a guest kernel or debugger touches, one declarative row each. It is the single source the x86 core,
 * the adapter's register views and the language server's hovers will read (spec: debug-architecture.md §B).
 * Table only: no behaviour lives here.
 */

export interface X86RegField {
  readonly name: string;
  readonly msb: number;
  readonly lsb: number;
  readonly description: string;
}

export type X86RegKind = 'debug' | 'control' | 'msr';

export interface X86RegDef {
  /** Canonical name: DR7, CR4, IA32_DEBUGCTL. */
  readonly name: string;
  readonly kind: X86RegKind;
  /** DRn / CRn number, or the MSR index (the value in ECX for RDMSR/WRMSR). */
  readonly number: number;
  /** Spellings an assembler or a kernel source uses for it (lower case, without %), e.g. MSR_IA32_DEBUGCTLMSR. */
  readonly aliases: readonly string[];
  readonly reset: bigint;
  readonly access: 'RW' | 'RO' | 'WO';
  /** Lowest privilege level that may access it: 0 for all of these (CPL > 0 takes #GP(0)). */
  readonly cpl: 0;
  /** Bits that must be written as zero (#GP otherwise), when the architecture says so. */
  readonly reservedMustBeZero: bigint;
  readonly description: string;
  readonly fields: readonly X86RegField[];
}

function f(name: string, msb: number, lsb: number, description: string): X86RegField {
  return { name, msb, lsb, description };
}

interface RowOpts {
  reset?: bigint;
  access?: 'RW' | 'RO' | 'WO';
  mbz?: bigint;
  aliases?: readonly string[];
  fields?: readonly X86RegField[];
}

function row(name: string, kind: X86RegKind, number: number, description: string, o: RowOpts = {}): X86RegDef {
  return { name, kind, number, aliases: o.aliases ?? [], reset: o.reset ?? 0n, access: o.access ?? 'RW', cpl: 0, reservedMustBeZero: o.mbz ?? 0n, description, fields: o.fields ?? [] };
}

const HIGH32 = 0xffff_ffff_0000_0000n;

function dr7Fields(): X86RegField[] {
  const out: X86RegField[] = [];
  for (let n = 3; n >= 0; n--) {
    out.push(f(`LEN${n}`, 19 + 4 * n, 18 + 4 * n, `Breakpoint ${n} length: 00 1 byte, 01 2, 10 8, 11 4 (execute: 00)`));
    out.push(f(`R/W${n}`, 17 + 4 * n, 16 + 4 * n, `Breakpoint ${n} condition: 00 execute, 01 write, 10 I/O (CR4.DE), 11 read/write`));
  }
  out.push(f('GD', 13, 13, 'General detect: MOV DR raises #DB (DR6.BD)'));
  out.push(f('RTM', 11, 11, 'Advanced RTM debugging (needs IA32_DEBUGCTL.RTM)'));
  out.push(f('GE', 9, 9, 'Global exact breakpoint enable (legacy)'));
  out.push(f('LE', 8, 8, 'Local exact breakpoint enable (legacy)'));
  for (let n = 3; n >= 0; n--) {
    out.push(f(`G${n}`, 2 * n + 1, 2 * n + 1, `Global enable for DR${n}`));
    out.push(f(`L${n}`, 2 * n, 2 * n, `Local enable for DR${n}`));
  }
  return out;
}

export const X86_DEBUG_REGISTER_COUNT = 4;

export const X86_REGISTERS: readonly X86RegDef[] = [
  // ---------------------------------------------------------------- debug registers (§B.1-B.3)
  row('DR0', 'debug', 0, 'Breakpoint 0 linear address'),
  row('DR1', 'debug', 1, 'Breakpoint 1 linear address'),
  row('DR2', 'debug', 2, 'Breakpoint 2 linear address'),
  row('DR3', 'debug', 3, 'Breakpoint 3 linear address'),
  row('DR4', 'debug', 4, 'Alias of DR6 when CR4.DE = 0; #UD when CR4.DE = 1'),
  row('DR5', 'debug', 5, 'Alias of DR7 when CR4.DE = 0; #UD when CR4.DE = 1'),
  row('DR6', 'debug', 6, 'Debug status (reset 0xFFFF0FF0; the processor never clears BD/BS/BT)', {
    reset: 0xffff0ff0n,
    mbz: HIGH32,
    fields: [
      f('RTM', 16, 16, 'Active-low: 0 = #DB/#BP inside an RTM transaction'),
      f('BT', 15, 15, 'Task-switch trap'),
      f('BS', 14, 14, 'Single-step (TF) trap'),
      f('BD', 13, 13, 'General-detect condition (MOV DR with DR7.GD = 1)'),
      f('BLD', 11, 11, 'Active-low: 0 = #DB caused by a bus lock'),
      f('B3', 3, 3, 'Breakpoint 3 condition detected'),
      f('B2', 2, 2, 'Breakpoint 2 condition detected'),
      f('B1', 1, 1, 'Breakpoint 1 condition detected'),
      f('B0', 0, 0, 'Breakpoint 0 condition detected'),
    ],
  }),
  row('DR7', 'debug', 7, 'Debug control (reset 0x400): per-breakpoint enables, conditions and lengths', { reset: 0x400n, mbz: HIGH32, fields: dr7Fields() }),
  // ---------------------------------------------------------------- control registers
  row('CR0', 'control', 0, 'System control flags', {
    reset: 0x60000010n,
    fields: [
      f('PG', 31, 31, 'Paging'), f('CD', 30, 30, 'Cache disable'), f('NW', 29, 29, 'Not write-through'), f('AM', 18, 18, 'Alignment mask'),
      f('WP', 16, 16, 'Write protect (supervisor writes honour read-only pages)'), f('NE', 5, 5, 'Numeric error'), f('ET', 4, 4, 'Extension type (1)'),
      f('TS', 3, 3, 'Task switched (lazy FPU)'), f('EM', 2, 2, 'x87 emulation'), f('MP', 1, 1, 'Monitor coprocessor'), f('PE', 0, 0, 'Protected mode'),
    ],
  }),
  row('CR2', 'control', 2, 'Page-fault linear address'),
  row('CR3', 'control', 3, 'Page-table base', {
    fields: [f('PCID_NOFLUSH', 63, 63, 'On write with CR4.PCIDE: do not flush the PCID'), f('PML4', 51, 12, 'Physical address of the top-level table'), f('PCD', 4, 4, 'Page-level cache disable'), f('PWT', 3, 3, 'Page-level write-through'), f('PCID', 11, 0, 'Process-context ID (CR4.PCIDE = 1)')],
  }),
  row('CR4', 'control', 4, 'Architectural extension enables', {
    fields: [
      f('PKS', 24, 24, 'Supervisor protection keys'), f('CET', 23, 23, 'Control-flow enforcement'), f('PKE', 22, 22, 'User protection keys'), f('SMAP', 21, 21, 'Supervisor-mode access prevention'),
      f('SMEP', 20, 20, 'Supervisor-mode execution prevention'), f('OSXSAVE', 18, 18, 'XSAVE enabled'), f('PCIDE', 17, 17, 'Process-context identifiers'), f('FSGSBASE', 16, 16, 'RDFSBASE/WRFSBASE...'),
      f('SMXE', 14, 14, 'SMX enable'), f('VMXE', 13, 13, 'VMX enable'), f('LA57', 12, 12, '5-level paging'), f('UMIP', 11, 11, 'User-mode instruction prevention'),
      f('OSXMMEXCPT', 10, 10, 'Unmasked SIMD FP exceptions'), f('OSFXSR', 9, 9, 'FXSAVE/FXRSTOR and SSE'), f('PCE', 8, 8, 'RDPMC at CPL > 0'), f('PGE', 7, 7, 'Global pages'),
      f('MCE', 6, 6, 'Machine-check enable'), f('PAE', 5, 5, 'Physical address extension'), f('PSE', 4, 4, 'Page size extensions'), f('DE', 3, 3, 'Debugging extensions: DR4/DR5 #UD, I/O breakpoints'),
      f('TSD', 2, 2, 'RDTSC at CPL 0 only'), f('PVI', 1, 1, 'Protected-mode virtual interrupts'), f('VME', 0, 0, 'Virtual-8086 mode extensions'),
    ],
  }),
  row('CR8', 'control', 8, 'Task priority (TPR)', { fields: [f('TPL', 3, 0, 'Task priority level')] }),
  // ---------------------------------------------------------------- MSRs (number = ECX for RDMSR/WRMSR)
  row('IA32_TIME_STAMP_COUNTER', 'msr', 0x10, 'Time-stamp counter (RDTSC)', { aliases: ['msr_ia32_tsc'] }),
  row('IA32_APIC_BASE', 'msr', 0x1b, 'Local APIC base and enables', {
    reset: 0xfee00900n,
    aliases: ['msr_ia32_apicbase'],
    fields: [f('BASE', 51, 12, 'APIC physical base'), f('EN', 11, 11, 'xAPIC global enable'), f('EXTD', 10, 10, 'x2APIC mode'), f('BSP', 8, 8, 'Bootstrap processor')],
  }),
  row('IA32_FEATURE_CONTROL', 'msr', 0x3a, 'VMX/SMX feature control', { aliases: ['msr_ia32_feature_control'], fields: [f('VMX_OUTSIDE_SMX', 2, 2, 'Enable VMX outside SMX'), f('VMX_INSIDE_SMX', 1, 1, 'Enable VMX inside SMX'), f('LOCK', 0, 0, 'Lock (writes #GP once set)')] }),
  row('IA32_SYSENTER_CS', 'msr', 0x174, 'SYSENTER target CS', { aliases: ['msr_ia32_sysenter_cs'] }),
  row('IA32_SYSENTER_ESP', 'msr', 0x175, 'SYSENTER target RSP', { aliases: ['msr_ia32_sysenter_esp'] }),
  row('IA32_SYSENTER_EIP', 'msr', 0x176, 'SYSENTER target RIP', { aliases: ['msr_ia32_sysenter_eip'] }),
  row('IA32_DEBUGCTL', 'msr', 0x1d9, 'Debug control (§B.9; KVM guests read 0 and writes are ignored)', {
    aliases: ['msr_ia32_debugctlmsr', 'ia32_debugctlmsr'],
    fields: [
      f('RTM', 15, 15, 'Advanced RTM debugging'), f('FREEZE_WHILE_SMM', 14, 14, 'Freeze perfmon/trace in SMM'), f('FREEZE_PERFMON_ON_PMI', 12, 12, 'Freeze perfmon on PMI'),
      f('FREEZE_LBRS_ON_PMI', 11, 11, 'Freeze LBRs on PMI'), f('BTS_OFF_USR', 10, 10, 'No BTS at CPL > 0'), f('BTS_OFF_OS', 9, 9, 'No BTS at CPL 0'), f('BTINT', 8, 8, 'BTS buffer-full interrupt'),
      f('BTS', 7, 7, 'Branch trace store'), f('TR', 6, 6, 'Trace messages'), f('BTF', 1, 1, 'Single-step on branches (TF steps taken branches)'), f('LBR', 0, 0, 'Last branch record'),
    ],
  }),
  row('IA32_PAT', 'msr', 0x277, 'Page attribute table', { reset: 0x0007040600070406n, aliases: ['msr_ia32_cr_pat'] }),
  row('IA32_EFER', 'msr', 0xc0000080, 'Extended feature enables', {
    aliases: ['efer', 'msr_efer'],
    fields: [f('TCE', 15, 15, 'Translation cache extension'), f('FFXSR', 14, 14, 'Fast FXSAVE/FXRSTOR'), f('LMSLE', 13, 13, 'Long-mode segment limit'), f('SVME', 12, 12, 'SVM enable'), f('NXE', 11, 11, 'No-execute enable'), f('LMA', 10, 10, 'Long mode active (read-only)'), f('LME', 8, 8, 'Long mode enable'), f('SCE', 0, 0, 'SYSCALL/SYSRET enable')],
  }),
  row('IA32_STAR', 'msr', 0xc0000081, 'SYSCALL/SYSRET segment selectors', { aliases: ['msr_star'], fields: [f('SYSRET_CS', 63, 48, 'SYSRET CS/SS base selector'), f('SYSCALL_CS', 47, 32, 'SYSCALL CS/SS selector')] }),
  row('IA32_LSTAR', 'msr', 0xc0000082, 'SYSCALL target RIP (64-bit mode)', { aliases: ['msr_lstar'] }),
  row('IA32_CSTAR', 'msr', 0xc0000083, 'SYSCALL target RIP (compatibility mode)', { aliases: ['msr_cstar'] }),
  row('IA32_FMASK', 'msr', 0xc0000084, 'SYSCALL RFLAGS mask', { aliases: ['msr_syscall_mask'] }),
  row('IA32_FS_BASE', 'msr', 0xc0000100, 'FS segment base', { aliases: ['msr_fs_base'] }),
  row('IA32_GS_BASE', 'msr', 0xc0000101, 'GS segment base', { aliases: ['msr_gs_base'] }),
  row('IA32_KERNEL_GS_BASE', 'msr', 0xc0000102, 'SWAPGS target', { aliases: ['msr_kernel_gs_base'] }),
  row('IA32_TSC_AUX', 'msr', 0xc0000103, 'RDTSCP/RDPID auxiliary value', { aliases: ['msr_tsc_aux'] }),
  row('IA32_MISC_ENABLE', 'msr', 0x1a0, 'Miscellaneous feature enables', { aliases: ['msr_ia32_misc_enable'], fields: [f('XD_DISABLE', 34, 34, 'Execute-disable bit disable'), f('FAST_STRINGS', 0, 0, 'Fast-string enable')] }),
  row('IA32_MTRRCAP', 'msr', 0xfe, 'MTRR capabilities', { access: 'RO', aliases: ['msr_mtrrcap'], fields: [f('WC', 10, 10, 'Write-combining type'), f('FIX', 8, 8, 'Fixed-range MTRRs'), f('VCNT', 7, 0, 'Variable-range MTRRs')] }),
  row('IA32_PLATFORM_ID', 'msr', 0x17, 'Platform ID', { access: 'RO', aliases: ['msr_ia32_platform_id'] }),
  row('IA32_X2APIC_EOI', 'msr', 0x80b, 'x2APIC end of interrupt', { access: 'WO', aliases: ['msr_x2apic_eoi'] }),
  row('IA32_X2APIC_SELF_IPI', 'msr', 0x83f, 'x2APIC self IPI', { access: 'WO', aliases: ['msr_x2apic_self_ipi'], fields: [f('VECTOR', 7, 0, 'Vector')] }),
];

const byName = new Map<string, X86RegDef>();
const msrByNumber = new Map<number, X86RegDef>();
for (const r of X86_REGISTERS) {
  byName.set(r.name.toLowerCase(), r);
  for (const a of r.aliases) byName.set(a, r);
  if (r.kind === 'msr') msrByNumber.set(r.number, r);
}

/** A register by name or alias (case-insensitive, `%` allowed): dr7, %cr4, IA32_DEBUGCTL, MSR_EFER. */
export function x86RegByName(name: string): X86RegDef | undefined {
  return byName.get(name.replace(/^%/, '').toLowerCase());
}

/** The MSR with this index (the ECX value of RDMSR/WRMSR). */
export function x86MsrByNumber(n: number): X86RegDef | undefined {
  return msrByNumber.get(n);
}

export function decodeX86Fields(def: X86RegDef, value: bigint): { field: X86RegField; value: bigint }[] {
  return def.fields.map((field) => ({ field, value: (value >> BigInt(field.lsb)) & ((1n << BigInt(field.msb - field.lsb + 1)) - 1n) }));
}
