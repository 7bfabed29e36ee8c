/**
 * Register knowledge for the language server, read from the emulator's tables (never copied): A64 system
 * registers from emulator/arm64/sysregs, x86 debug/control registers and MSRs from emulator/x86/registers.
 */
import { SYSREGS, type SysRegDef, decodeFields, genericSysRegName, sysRegByName, sysRegIndexByKey, sysRegKey } from '../../emulator/arm64/sysregs';
import { SYSREG_READ, SYSREG_WRITE } from '../../emulator/arm64/disasm/tables.generated';
import { type X86RegDef, decodeX86Fields, x86RegByName } from '../../emulator/x86/registers';

export interface DebugSlots {
  breakpoints: number;
  watchpoints: number;
}

/** PSTATE fields `msr <field>, #imm` accepts. */
export const PSTATE_FIELDS = new Set(['daifset', 'daifclr', 'spsel', 'pan', 'uao', 'dit', 'ssbs', 'tco', 'allint', 'svcrsm', 'svcrza', 'svcrsmza']);

const ARCH_NAMES = new Set<string>([...Object.values(SYSREG_READ), ...Object.values(SYSREG_WRITE)].map((n) => n.toUpperCase()));

export type SysRegLookup =
  | { kind: 'known'; def: SysRegDef }
  | { kind: 'architectural' } // the architecture (llvm) knows it, the emulated CPU does not
  | { kind: 'generic'; def?: SysRegDef }
  | { kind: 'unknown' };

export function lookupSysReg(name: string): SysRegLookup {
  const def = sysRegByName(name);
  if (def) return { kind: 'known', def };
  const g = /^s([0-3])_([0-7])_c(\d{1,2})_c(\d{1,2})_([0-7])$/i.exec(name);
  if (g) {
    const i = sysRegIndexByKey(sysRegKey(+g[1], +g[2], +g[3], +g[4], +g[5]));
    return { kind: 'generic', def: i >= 0 ? SYSREGS[i] : undefined };
  }
  return ARCH_NAMES.has(name.toUpperCase()) ? { kind: 'architectural' } : { kind: 'unknown' };
}

/** For DBGBCRn/DBGBVRn/DBGWCRn/DBGWVRn: the slot and whether the configured CPU has it. */
export function debugSlot(name: string, slots: DebugSlots): { kind: 'breakpoint' | 'watchpoint'; n: number; present: boolean; count: number } | undefined {
  const m = /^dbg([bw])[cv]r(\d+)_el1$/i.exec(name);
  if (!m) return undefined;
  const kind = m[1].toLowerCase() === 'b' ? 'breakpoint' : 'watchpoint';
  const count = kind === 'breakpoint' ? slots.breakpoints : slots.watchpoints;
  const n = Number(m[2]);
  return { kind, n, present: n < count, count };
}

const hex = (v: bigint): string => `0x${v.toString(16)}`;

function fieldTable(fields: readonly { name: string; msb: number; lsb: number; description: string }[], values?: readonly bigint[]): string {
  if (fields.length === 0) return '';
  const head = values ? '| Bits | Field | Value | Description |\n|---|---|---|---|' : '| Bits | Field | Description |\n|---|---|---|';
  const rows = fields.map((f, i) => {
    const bits = f.msb === f.lsb ? `${f.msb}` : `${f.msb}:${f.lsb}`;
    const desc = f.description.replace(/\|/g, '\\|');
    const name = f.name.replace(/\|/g, '\\|');
    return values ? `| ${bits} | ${name} | ${hex(values[i])} | ${desc} |` : `| ${bits} | ${name} | ${desc} |`;
  });
  return `${head}\n${rows.join('\n')}`;
}

/** Markdown for an A64 system register, with the decoded fields of `value` when given. */
export function sysRegMarkdown(def: SysRegDef, slots: DebugSlots, value?: bigint, valueNote?: string): string {
  const enc = `op0=${def.op0} op1=${def.op1} CRn=${def.crn} CRm=${def.crm} op2=${def.op2} (\`${genericSysRegName(def.op0, def.op1, def.crn, def.crm, def.op2)}\`)`;
  const access = { RW: 'read/write', RO: 'read-only', WO: 'write-only' }[def.access];
  const el = def.minEl === 0 ? `EL0${def.el0 && def.el0 !== 'always' ? ` (when ${def.el0})` : ''}` : `EL${def.minEl}`;
  const lines = [`**${def.name}** — ${def.description}`, '', `Encoding: ${enc}  `, `Access: ${access} (${def.access}), from ${el}; reset ${hex(def.reset)}${def.el2Traps.length ? `; EL2 traps: ${def.el2Traps.join(', ')}` : ''}`];
  const slot = debugSlot(def.name, slots);
  if (slot && !slot.present) lines.push('', `⚠ The configured CPU has ${slot.count} ${slot.kind}s: slot ${slot.n} is UNDEFINED.`);
  if (value !== undefined) lines.push('', `${valueNote ?? 'Value'}: \`${hex(value)}\``);
  const table = value !== undefined ? fieldTable(def.fields, decodeFields(def, value).map((d) => d.value)) : fieldTable(def.fields);
  if (table) lines.push('', table);
  return lines.join('\n');
}

export function x86RegMarkdown(def: X86RegDef, value?: bigint, valueNote?: string): string {
  const kind = def.kind === 'msr' ? `MSR ${hex(BigInt(def.number))} (ECX for RDMSR/WRMSR)` : def.kind === 'debug' ? `debug register ${def.number} (MOV to/from %dr${def.number})` : `control register ${def.number} (MOV to/from %cr${def.number})`;
  const access = { RW: 'read/write', RO: 'read-only', WO: 'write-only' }[def.access];
  const lines = [`**${def.name}** — ${def.description}`, '', `${kind}  `, `Access: ${access} (${def.access}), CPL 0 only; reset ${hex(def.reset)}`];
  if (value !== undefined) lines.push('', `${valueNote ?? 'Value'}: \`${hex(value)}\``);
  const table = value !== undefined ? fieldTable(def.fields, decodeX86Fields(def, value).map((d) => d.value)) : fieldTable(def.fields);
  if (table) lines.push('', table);
  return lines.join('\n');
}

export { SYSREGS, x86RegByName };
export type { SysRegDef, X86RegDef };
