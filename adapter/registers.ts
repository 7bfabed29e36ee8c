/**
 * Register access by name for the views and the evaluator, and the debug-hardware snapshot (guest view next
 * to the effective view the hypervisor loads).
 */
import { SYSREGS, sysRegByName, type SysRegDef, type SysRegField } from '../emulator';
import type { Machine } from './machine';
import { hex } from './syndrome';

export const CORE_NAMES = [...Array.from({ length: 31 }, (_, i) => `x${i}`), 'sp', 'pc', 'pstate', 'fpsr', 'fpcr'];

/** PSTATE as SPSR_EL1 lays it out (the table's SPSR fields describe it). */
export const PSTATE_FIELDS: SysRegField[] = [
  { name: 'N', msb: 31, lsb: 31, description: 'Negative' },
  { name: 'Z', msb: 30, lsb: 30, description: 'Zero' },
  { name: 'C', msb: 29, lsb: 29, description: 'Carry' },
  { name: 'V', msb: 28, lsb: 28, description: 'Overflow' },
  { name: 'SS', msb: 21, lsb: 21, description: 'Software step' },
  { name: 'IL', msb: 20, lsb: 20, description: 'Illegal execution state' },
  { name: 'D', msb: 9, lsb: 9, description: 'Debug mask' },
  { name: 'A', msb: 8, lsb: 8, description: 'SError mask' },
  { name: 'I', msb: 7, lsb: 7, description: 'IRQ mask' },
  { name: 'F', msb: 6, lsb: 6, description: 'FIQ mask' },
  { name: 'M', msb: 3, lsb: 0, description: 'Mode: 0b0101 EL1h, 0b0100 EL1t, 0b0000 EL0t' },
];

const ALIASES: Record<string, string> = { lr: 'x30', fp: 'x29', cpsr: 'pstate', ip0: 'x16', ip1: 'x17' };

export function fieldsOf(name: string): readonly SysRegField[] {
  const n = name.toLowerCase();
  if (n === 'pstate' || n === 'cpsr') return PSTATE_FIELDS;
  return sysRegByName(name)?.fields ?? [];
}

export function readReg(m: Machine, name: string): bigint | undefined {
  let n = name.toLowerCase();
  n = ALIASES[n] ?? n;
  if (n === 'xzr' || n === 'wzr') return 0n;
  const w = /^w([0-9]|[12][0-9]|30)$/.exec(n);
  if (w !== null) return m.vcpu.getOneReg(`x${w[1]}`) & 0xffff_ffffn;
  if (n === 'wsp') return m.vcpu.getOneReg('sp') & 0xffff_ffffn;
  if (/^[dsq]\d+$/.test(n)) {
    const i = Number(n.slice(1));
    if (i > 31) return undefined;
    const v = m.vcpu.getOneReg(`v${i}`);
    return n[0] === 'd' ? v & ((1n << 64n) - 1n) : n[0] === 's' ? v & 0xffff_ffffn : v;
  }
  if (n === 'mdcr_el2') return m.vcpu.debugState().mdcrEl2;
  try {
    return m.vcpu.getOneReg(n);
  } catch {
    return undefined;
  }
}

export function writeReg(m: Machine, name: string, value: bigint): void {
  let n = name.toLowerCase();
  n = ALIASES[n] ?? n;
  const w = /^w([0-9]|[12][0-9]|30)$/.exec(n);
  if (w !== null) n = `x${w[1]}`;
  if (n === 'xzr' || n === 'wzr') return;
  const def = sysRegByName(n);
  if (def !== undefined && def.access === 'RO') throw new RangeError(`${def.name} is read-only`);
  m.vcpu.setOneReg(n, w !== null ? value & 0xffff_ffffn : BigInt.asUintN(n.startsWith('v') ? 128 : 64, value));
  m.dropFrames();
}

export function registerNames(): string[] {
  return [...CORE_NAMES, 'lr', 'fp', ...Array.from({ length: 31 }, (_, i) => `w${i}`), ...Array.from({ length: 32 }, (_, i) => `v${i}`), ...SYSREGS.map((r) => r.name)];
}

export interface SlotView {
  index: number;
  guest: { ctrl: string; value: string };
  effective: { ctrl: string; value: string };
  owner?: { dapBreakpointId: number; description: string };
}

export interface DebugHardware {
  breakpoints: SlotView[];
  watchpoints: SlotView[];
  mdscr: { guest: string; effective: string };
  oslsr: string;
  mdcrEl2: string;
  profile: string;
}

/** The `stepvisor/debugHardware` body: the vCPU's debug state, guest view next to the effective one. */
export function debugHardware(m: Machine): DebugHardware {
  const d = m.vcpu.debugState();
  const g = d.guest;
  const e = d.effective;
  const bps: SlotView[] = [];
  for (let i = 0; i < m.config.breakpoints; i++)
    bps.push({ index: i, guest: { ctrl: hex(g.bcr[i] ?? 0n), value: hex(g.bvr[i] ?? 0n) }, effective: { ctrl: hex(e.bcr[i] ?? 0n), value: hex(e.bvr[i] ?? 0n) }, owner: m.bps.slotOwner('bp', i) });
  const wps: SlotView[] = [];
  for (let i = 0; i < m.config.watchpoints; i++)
    wps.push({ index: i, guest: { ctrl: hex(g.wcr[i] ?? 0n), value: hex(g.wvr[i] ?? 0n) }, effective: { ctrl: hex(e.wcr[i] ?? 0n), value: hex(e.wvr[i] ?? 0n) }, owner: m.bps.slotOwner('wp', i) });
  for (const s of [...bps, ...wps]) if (s.owner === undefined) delete s.owner;
  return {
    breakpoints: bps,
    watchpoints: wps,
    mdscr: { guest: hex(g.mdscr), effective: hex(e.mdscr) },
    oslsr: hex(d.oslsr),
    mdcrEl2: hex(d.mdcrEl2),
    profile: m.config.profile,
  };
}

export function sysregDefs(): readonly SysRegDef[] {
  return SYSREGS;
}
