/**
 * Scopes and variables: core registers, debug registers (guest and effective side by side), system registers
 * and the last exit; every register with a field table expands into its fields; values and fields are editable.
 * References are handed out per stop and die with it (a stale one gets a clear error).
 */
import type { DebugProtocol } from '@vscode/debugprotocol';
import { SYSREGS, type DebugRegs, type SysRegField } from '../emulator';
import type { Machine } from './machine';
import { fieldsOf, readReg, writeReg } from './registers';
import type { Frame } from './unwind';
import { describeSyndrome, ecName, hex } from './syndrome';

type Node =
  | { kind: 'core'; frame: Frame; frameIndex: number }
  | { kind: 'simd' }
  | { kind: 'debug' }
  | { kind: 'sys' }
  | { kind: 'exit' }
  | { kind: 'fields'; reg: string; fields: readonly SysRegField[]; value: () => bigint; writable: boolean }
  | { kind: 'pair'; reg: string; guest: () => bigint; effective: () => bigint };

export class VariableStore {
  private nodes = new Map<number, Node>();
  private next = 1;
  private epoch = -1;

  constructor(private readonly m: Machine) {}

  private sync(): void {
    if (this.epoch !== this.m.stopEpoch) {
      this.nodes.clear();
      this.epoch = this.m.stopEpoch;
    }
  }

  private add(n: Node): number {
    const id = this.next++;
    this.nodes.set(id, n);
    return id;
  }

  scopes(frame: Frame, frameIndex: number): DebugProtocol.Scope[] {
    this.sync();
    const s: DebugProtocol.Scope[] = [{ name: 'Core registers', presentationHint: 'registers', variablesReference: this.add({ kind: 'core', frame, frameIndex }), expensive: false }];
    if (frameIndex === 0) {
      s.push({ name: 'Debug registers', variablesReference: this.add({ kind: 'debug' }), expensive: false });
      s.push({ name: 'System registers', variablesReference: this.add({ kind: 'sys' }), expensive: true });
      s.push({ name: 'Last exit', variablesReference: this.add({ kind: 'exit' }), expensive: false });
    }
    return s;
  }

  private fieldsRef(reg: string, value: () => bigint, writable: boolean, fields = fieldsOf(reg)): number {
    return fields.length === 0 ? 0 : this.add({ kind: 'fields', reg, fields, value, writable });
  }

  private regVar(name: string, display = name, frameValue?: bigint): DebugProtocol.Variable {
    const v = frameValue ?? readReg(this.m, name);
    if (v === undefined) return { name: display, value: '<unavailable>', variablesReference: 0 };
    const width = /^v\d/.test(name) ? 32 : 16;
    return {
      name: display,
      value: hex(v, width),
      variablesReference: frameValue === undefined ? this.fieldsRef(name, () => readReg(this.m, name) ?? 0n, true) : 0,
      evaluateName: `$${name}`,
      memoryReference: this.m.isRam(Number(v & 0xffff_ffff_ffffn)) && v < 1n << 48n ? hex(v) : undefined,
      presentationHint: frameValue !== undefined ? { attributes: ['readOnly'] } : undefined,
    };
  }

  variables(ref: number): DebugProtocol.Variable[] {
    this.sync();
    const n = this.nodes.get(ref);
    if (n === undefined) throw new Error(`variables reference ${ref} is not valid (stale after the guest ran, or never handed out)`);
    const m = this.m;
    switch (n.kind) {
      case 'core': {
        if (n.frameIndex === 0) {
          const out = ['x0', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8', 'x9', 'x10', 'x11', 'x12', 'x13', 'x14', 'x15', 'x16', 'x17', 'x18', 'x19', 'x20', 'x21', 'x22', 'x23', 'x24', 'x25', 'x26', 'x27', 'x28', 'x29', 'x30', 'sp', 'pc', 'pstate', 'fpsr', 'fpcr'].map((r) => this.regVar(r));
          out.push({ name: 'SIMD/FP', value: 'v0-v31', variablesReference: this.add({ kind: 'simd' }) });
          return out;
        }
        const out: DebugProtocol.Variable[] = [{ name: 'pc', value: hex(n.frame.pc, 16), variablesReference: 0, memoryReference: hex(n.frame.pc), presentationHint: { attributes: ['readOnly'] } }];
        for (const [r, v] of [...n.frame.regs].sort((a, b) => a[0] - b[0])) out.push(this.regVar(r === 31 ? 'sp' : `x${r}`, r === 31 ? 'sp' : `x${r}`, v));
        return out;
      }
      case 'simd':
        return Array.from({ length: 32 }, (_, i) => this.regVar(`v${i}`));
      case 'debug': {
        const out: DebugProtocol.Variable[] = [];
        // One snapshot for this listing; expansions later ask again (a register may have been written since).
        let snap: DebugRegs | undefined = m.vcpu.debugState().effective;
        const eff = (): DebugRegs => snap ?? m.vcpu.debugState().effective;
        out.push(this.pairVar('MDSCR_EL1', () => readReg(m, 'MDSCR_EL1') ?? 0n, () => eff().mdscr));
        out.push(this.regVar('OSLSR_EL1'));
        out.push({ ...this.regVar('MDCR_EL2'), presentationHint: { attributes: ['readOnly'] } });
        for (let i = 0; i < m.config.breakpoints; i++) {
          out.push(this.pairVar(`DBGBCR${i}_EL1`, () => readReg(m, `DBGBCR${i}_EL1`) ?? 0n, () => eff().bcr[i] ?? 0n));
          out.push(this.pairVar(`DBGBVR${i}_EL1`, () => readReg(m, `DBGBVR${i}_EL1`) ?? 0n, () => eff().bvr[i] ?? 0n));
        }
        for (let i = 0; i < m.config.watchpoints; i++) {
          out.push(this.pairVar(`DBGWCR${i}_EL1`, () => readReg(m, `DBGWCR${i}_EL1`) ?? 0n, () => eff().wcr[i] ?? 0n));
          out.push(this.pairVar(`DBGWVR${i}_EL1`, () => readReg(m, `DBGWVR${i}_EL1`) ?? 0n, () => eff().wvr[i] ?? 0n));
        }
        snap = undefined;
        return out;
      }
      case 'sys':
        return SYSREGS.filter((r) => r.minEl < 2 && r.access !== 'WO').map((r) => this.regVar(r.name));
      case 'exit':
        return this.exitVars();
      case 'pair':
        return [
          { name: 'guest', value: hex(n.guest(), 16), variablesReference: this.fieldsRef(n.reg, n.guest, true), evaluateName: `$${n.reg}` },
          { name: 'effective', value: hex(n.effective(), 16), variablesReference: this.fieldsRef(n.reg, n.effective, false), presentationHint: { attributes: ['readOnly'] } },
        ];
      case 'fields': {
        const v = n.value();
        return n.fields.map((f) => {
          const fv = (v >> BigInt(f.lsb)) & ((1n << BigInt(f.msb - f.lsb + 1)) - 1n);
          return {
            name: f.msb === f.lsb ? `${f.name} [${f.lsb}]` : `${f.name} [${f.msb}:${f.lsb}]`,
            value: f.msb - f.lsb < 4 ? fv.toString() : hex(fv),
            type: f.description,
            variablesReference: 0,
            presentationHint: n.writable ? undefined : { attributes: ['readOnly'] },
          };
        });
      }
    }
  }

  private pairVar(reg: string, guest: () => bigint, effective: () => bigint): DebugProtocol.Variable {
    const gv = guest();
    const ev = effective();
    return { name: reg, value: `guest ${hex(gv)} · effective ${hex(ev)}${gv !== ev ? ' (differs)' : ''}`, variablesReference: this.add({ kind: 'pair', reg, guest, effective }), evaluateName: `$${reg}` };
  }

  private exitVars(): DebugProtocol.Variable[] {
    const e = this.m.lastExit;
    const ro = { attributes: ['readOnly'] as DebugProtocol.VariablePresentationHint['attributes'] };
    const v = (name: string, value: string): DebugProtocol.Variable => ({ name, value, variablesReference: 0, presentationHint: ro });
    const stop = this.m.lastStop;
    const out: DebugProtocol.Variable[] = [v('stop', stop === undefined ? 'none' : `${stop.reason}: ${stop.description}`)];
    if (e === undefined) return [...out, v('reason', 'none (no run yet)')];
    out.push(v('reason', e.reason), v('flags', hex(e.flags)));
    if (e.reason === 'debug' && 'arm64' in e) {
      const hsr = e.arm64.hsr >>> 0;
      out.push(
        v('hsr', hex(hsr, 8)),
        v('hsr.EC', `0x${((hsr >>> 26) & 0x3f).toString(16)} (${ecName((hsr >>> 26) & 0x3f)})`),
        v('hsr.IL', String((hsr >>> 25) & 1)),
        v('hsr.ISS', hex(hsr & 0x1ffffff)),
        v('hsrHigh', hex(e.arm64.hsrHigh)),
        v('far', hex(e.arm64.far, 16)),
        v('decoded', describeSyndrome(hsr, e.arm64.far)),
        v('flags.HSR_HIGH_VALID', String(e.flags & 1)),
      );
    } else if (e.reason === 'internal-error') out.push(v('message', e.message), v('esr', hex(e.esr)), v('far', hex(e.far)), v('elr', hex(e.elr)));
    else if (e.reason === 'halt') out.push(v('pc', hex(e.pc)));
    else if (e.reason === 'shutdown') out.push(v('kind', e.kind));
    return out;
  }

  /** setVariable: `value` is any expression; registers and writable fields only. Returns the new display value. */
  set(ref: number, name: string, value: bigint): string {
    this.sync();
    const n = this.nodes.get(ref);
    if (n === undefined) throw new Error(`variables reference ${ref} is not valid (stale after the guest ran, or never handed out)`);
    const m = this.m;
    if (n.kind === 'core' || n.kind === 'simd' || n.kind === 'sys' || n.kind === 'debug') {
      if (n.kind === 'core' && n.frameIndex !== 0) throw new Error('registers of caller frames are read-only; select the top frame');
      if (name === 'SIMD/FP') throw new Error('SIMD/FP is a group; edit v0..v31 inside it');
      if (name === 'MDCR_EL2') throw new Error('MDCR_EL2 belongs to the hypervisor; the guest cannot write it');
      writeReg(m, name, value);
      return hex(readReg(m, name) ?? 0n, /^v\d/.test(name) ? 32 : 16);
    }
    if (n.kind === 'pair') {
      if (name !== 'guest') throw new Error('the effective value is computed by the hypervisor; edit the guest value');
      writeReg(m, n.reg, value);
      return hex(readReg(m, n.reg) ?? 0n, 16);
    }
    if (n.kind === 'fields') {
      if (!n.writable) throw new Error('effective values are read-only');
      const f = n.fields.find((x) => name === x.name || name.startsWith(`${x.name} [`));
      if (f === undefined) throw new Error(`no field '${name}' in ${n.reg}`);
      const width = BigInt(f.msb - f.lsb + 1);
      const max = (1n << width) - 1n;
      if (value < 0n || value > max) throw new Error(`${f.name} is ${width} bits wide: value must be 0..${max}`);
      const mask = max << BigInt(f.lsb);
      writeReg(m, n.reg, (n.value() & ~mask) | (value << BigInt(f.lsb)));
      const nv = (readReg(m, n.reg) ?? 0n) >> BigInt(f.lsb);
      return (nv & max).toString();
    }
    throw new Error('this value is read-only');
  }
}
