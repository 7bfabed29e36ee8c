/** The language features over a ParsedDoc: hover, diagnostics, completion, symbols, definition, references. */
import { CompletionItem, CompletionItemKind, Diagnostic, DiagnosticSeverity, DocumentSymbol, Hover, Location, MarkupKind, Position, Range, SymbolKind } from 'vscode-languageserver';
import { type Arch, type ParsedDoc, type Stmt, type Tok, evaluate, parseLine, wordAt } from './document';
import { A64_CONDITIONS, A64_MNEMONICS, DIRECTIVES, X86_MNEMONICS, a64Mnemonic, x86Mnemonic } from './mnemonics';
import { type DebugSlots, PSTATE_FIELDS, SYSREGS, debugSlot, lookupSysReg, sysRegMarkdown, x86RegByName, x86RegMarkdown } from './registers';
import { x86MsrByNumber } from '../../emulator/x86/registers';

export interface Settings extends DebugSlots {
  architecture: 'auto' | Arch;
}

export const MAX_DIAGNOSTICS = 500;
/** How far back a register value is followed (instructions between the immediate and the write). */
const TRACK_LINES = 40;

const range = (t: { line: number; start: number; end: number }): Range => Range.create(t.line, t.start, t.line, t.end);
const hex = (v: bigint): string => `0x${v.toString(16)}`;

// ------------------------------------------------------------------------------------------- registers
/** A64 general-purpose register number (x0..x30, w0..w30, xzr/wzr = 31) and width, or undefined. */
function a64Gpr(t: string): { n: number; w: boolean } | undefined {
  const s = t.toLowerCase();
  if (s === 'xzr' || s === 'wzr') return { n: 31, w: s[0] === 'w' };
  const m = /^([xw])(\d{1,2})$/.exec(s);
  if (!m || Number(m[2]) > 30) return undefined;
  return { n: Number(m[2]), w: m[1] === 'w' };
}

const X86_GPR64 = ['rax', 'rcx', 'rdx', 'rbx', 'rsp', 'rbp', 'rsi', 'rdi'];
const X86_GPR32 = ['eax', 'ecx', 'edx', 'ebx', 'esp', 'ebp', 'esi', 'edi'];
/** x86 GPR number for %rax/%eax/%r8/%r8d (the 64- and 32-bit spellings the value tracker follows). */
function x86Gpr(t: string): { n: number; w: boolean } | undefined {
  const s = t.toLowerCase().replace(/^%/, '');
  let i = X86_GPR64.indexOf(s);
  if (i >= 0) return { n: i, w: false };
  i = X86_GPR32.indexOf(s);
  if (i >= 0) return { n: i, w: true };
  const m = /^r(\d{1,2})(d?)$/.exec(s);
  if (m && Number(m[1]) >= 8 && Number(m[1]) <= 15) return { n: Number(m[1]), w: m[2] === 'd' };
  return undefined;
}

export const X86_REGISTER_NAMES = [
  ...X86_GPR64, ...X86_GPR32, 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15', 'ax', 'bx', 'cx', 'dx', 'si', 'di', 'sp', 'bp', 'al', 'bl', 'cl', 'dl', 'ah', 'bh', 'ch', 'dh',
  'rip', 'cs', 'ds', 'es', 'fs', 'gs', 'ss', 'dr0', 'dr1', 'dr2', 'dr3', 'dr6', 'dr7', 'cr0', 'cr2', 'cr3', 'cr4', 'cr8',
];

function immediate(text: string, doc: ParsedDoc): bigint | undefined {
  const t = text.replace(/^[#$]/, '').replace(/^:abs:/, '');
  return evaluate(t, doc.symbols);
}

function stmtsBefore(doc: ParsedDoc, line: number, index: number): Stmt[] {
  const out: Stmt[] = [];
  for (let l = line; l >= 0 && l > line - TRACK_LINES; l--) {
    const ss = doc.stmts.get(l);
    if (!ss) continue;
    for (let k = ss.length - 1; k >= 0; k--) if (l < line || k < index) out.push(ss[k]);
  }
  return out;
}

/**
 * The value register `reg` holds just before statement `index` of `line`, followed back through
 * mov/movz/movk/movn/orr-from-zero/ldr =CONST (A64) or mov $imm (x86), and register-to-register moves. A label
 * (a branch target), a call or any other write makes it unknown.
 */
export function valueBefore(doc: ParsedDoc, line: number, index: number, reg: string): bigint | undefined {
  const arm = doc.arch === 'arm64';
  let cur = arm ? a64Gpr(reg) : x86Gpr(reg);
  if (!cur) return undefined;
  if (arm && cur.n === 31) return 0n;
  const width32 = cur.w;
  const halves = new Map<number, bigint>(); // movk: shift -> 16 bits (later ones win: seen first going back)
  const finish = (base: bigint): bigint => {
    let v = base;
    for (const [sh, h] of halves) v = (v & ~(0xffffn << BigInt(sh))) | (h << BigInt(sh));
    return width32 ? v & 0xffff_ffffn : v & 0xffff_ffff_ffff_ffffn;
  };
  const gpr = arm ? a64Gpr : x86Gpr;
  for (const st of stmtsBefore(doc, line, index)) {
    if (st.labels.length > 0 && st.op === undefined) return undefined;
    if (st.labels.length > 0) return undefined;
    const op = st.op;
    if (!op || op.name.startsWith('.')) continue;
    const o = st.operands;
    if (arm) {
      if (op.name === 'bl' || op.name === 'blr') return undefined;
      const d = o[0] ? gpr(o[0].text) : undefined;
      if (!d || d.n !== cur.n) continue;
      const shiftOf = (t?: Tok): number => Number(/lsl\s*#?(\d+)/i.exec(t?.text ?? '')?.[1] ?? 0);
      switch (op.name) {
        case 'mov': {
          const src = o[1] ? gpr(o[1].text) : undefined;
          if (src) {
            if (src.n === 31) return finish(0n);
            cur = src;
            continue;
          }
          const v = o[1] ? immediate(o[1].text, doc) : undefined;
          return v === undefined ? undefined : finish(v);
        }
        case 'movz': {
          const v = o[1] ? immediate(o[1].text, doc) : undefined;
          return v === undefined ? undefined : finish(v << BigInt(shiftOf(o[2])));
        }
        case 'movn': {
          const v = o[1] ? immediate(o[1].text, doc) : undefined;
          return v === undefined ? undefined : finish(~(v << BigInt(shiftOf(o[2]))));
        }
        case 'movk': {
          const v = o[1] ? immediate(o[1].text, doc) : undefined;
          if (v === undefined) return undefined;
          const sh = shiftOf(o[2]);
          if (!halves.has(sh)) halves.set(sh, v & 0xffffn);
          continue;
        }
        case 'orr': {
          const z = o[1] ? gpr(o[1].text) : undefined;
          const v = o[2] ? immediate(o[2].text, doc) : undefined;
          return z?.n === 31 && v !== undefined ? finish(v) : undefined;
        }
        case 'ldr': {
          const t = o[1]?.text ?? '';
          if (!t.startsWith('=')) return undefined;
          const v = evaluate(t.slice(1), doc.symbols);
          return v === undefined ? undefined : finish(v);
        }
        default:
          // Stores and compares name the register first without writing it.
          if (/^(st|cmp|cmn|tst|cb|tb|prfm)/.test(op.name)) continue;
          return undefined;
      }
    } else {
      if (op.name.startsWith('call')) return undefined;
      const dst = o.length > 0 ? gpr(o[o.length - 1].text) : undefined;
      if (op.name === 'rdmsr' && (cur.n === 0 || cur.n === 2)) return undefined;
      if (!dst || dst.n !== cur.n) continue;
      if (/^(mov[lq]?|movabsq?)$/.test(op.name) && o.length === 2) {
        const src = gpr(o[0].text);
        if (src) {
          cur = src;
          continue;
        }
        if (!o[0].text.startsWith('$')) return undefined;
        const v = immediate(o[0].text, doc);
        return v === undefined ? undefined : finish(v);
      }
      if (/^xor[lq]?$/.test(op.name) && o.length === 2 && gpr(o[0].text)?.n === cur.n) return finish(0n);
      if (/^(cmp|test)/.test(op.name)) continue;
      return undefined;
    }
  }
  return undefined;
}

// ------------------------------------------------------------------------------------------- statements
function stmtAt(doc: ParsedDoc, text: string, line: number, col: number): { st: Stmt; index: number } | undefined {
  // Lines beyond the analysed part are parsed on demand.
  const ss = doc.stmts.get(line) ?? parseLine(text, line, doc.arch).stmts;
  for (let i = ss.length - 1; i >= 0; i--) {
    const st = ss[i];
    const first = st.labels[0]?.start ?? st.op?.start ?? 0;
    if (col >= first || i === 0) return { st, index: i };
  }
  return undefined;
}

interface SysRegAccess {
  reg: Tok;
  write: boolean;
  /** The general-purpose register read from or written to. */
  gpr?: Tok;
}

function a64SysRegAccess(st: Stmt): SysRegAccess | undefined {
  const n = st.op?.name;
  if (n === 'msr' && st.operands.length >= 2) return { reg: st.operands[0], write: true, gpr: st.operands[1] };
  if (n === 'mrs' && st.operands.length >= 2) return { reg: st.operands[1], write: false, gpr: st.operands[0] };
  return undefined;
}

/** x86 `mov %reg, %drN` / `mov %drN, %reg` (and %crN). */
function x86SpecialAccess(st: Stmt): SysRegAccess | undefined {
  const n = st.op?.name;
  if (!n || !/^mov[lq]?$/.test(n) || st.operands.length !== 2) return undefined;
  const [a, b] = st.operands;
  if (/^%[dc]r\d+$/i.test(b.text)) return { reg: b, write: true, gpr: a };
  if (/^%[dc]r\d+$/i.test(a.text)) return { reg: a, write: false, gpr: b };
  return undefined;
}

// ------------------------------------------------------------------------------------------- hover
export function hover(doc: ParsedDoc, text: string, pos: Position, slots: DebugSlots): Hover | null {
  const w = wordAt(text.length > 1000 ? text.slice(0, 1000) : text, pos.character);
  if (!w) return null;
  const at = stmtAt(doc, text, pos.line, pos.character);
  const md = (value: string, t: { start: number; end: number } = w): Hover => ({ contents: { kind: MarkupKind.Markdown, value }, range: Range.create(pos.line, t.start, pos.line, t.end) });
  const word = w.text;
  const lower = word.toLowerCase();

  if (at) {
    const { st, index } = at;
    // The mnemonic.
    if (st.op && pos.character >= st.op.start && pos.character <= st.op.end) {
      if (st.op.name.startsWith('.')) {
        const d = DIRECTIVES.get(st.op.name);
        return d ? md(`\`${st.op.name}\` — ${d}`) : null;
      }
      const d = doc.arch === 'arm64' ? a64Mnemonic(st.op.name) : x86Mnemonic(st.op.name);
      const msr = doc.arch === 'x86_64' && (st.op.name === 'rdmsr' || st.op.name === 'wrmsr') ? msrHover(doc, pos.line, index, st.op.name === 'wrmsr') : undefined;
      if (d) return md(`\`${st.op.name}\` — ${d}${msr ? `\n\n${msr}` : ''}`);
      const m = doc.symbols.get(st.op.text);
      if (m) return md(`\`${m.name}\` — macro defined on line ${m.def.line + 1}${m.expr ? `: \`${m.expr}\`` : ''}`);
      return null;
    }
    if (doc.arch === 'arm64') {
      const acc = a64SysRegAccess(st);
      if (acc && pos.character >= acc.reg.start && pos.character <= acc.reg.end) {
        const r = lookupSysReg(acc.reg.text);
        const def = r.kind === 'known' ? r.def : r.kind === 'generic' ? r.def : undefined;
        if (def) {
          const v = acc.write && acc.gpr ? valueBefore(doc, pos.line, index, acc.gpr.text) : undefined;
          return md(sysRegMarkdown(def, slots, v, v !== undefined ? `Value written here (${acc.gpr?.text})` : undefined));
        }
        if (PSTATE_FIELDS.has(lower)) return md(`**${word.toUpperCase()}** — PSTATE field written by \`msr ${lower}, #imm\``);
        if (r.kind === 'architectural') return md(`**${word.toUpperCase()}** — an architectural system register the Stepvisor CPU does not implement (accesses are UNDEFINED)`);
        return null;
      }
      // An immediate (or constant) moved into a register that a later msr writes to a known register.
      if (/^#/.test(word) || (/^[A-Za-z_]/.test(word) && doc.symbols.get(word)?.kind === 'constant')) {
        const dest = st.operands[0] ? a64Gpr(st.operands[0].text) : undefined;
        if (dest && /^(mov|movz|movk|movn|orr|ldr)$/.test(st.op?.name ?? '')) {
          const target = findWriteAfter(doc, pos.line, index, st.operands[0].text);
          if (target) {
            const v = valueBefore(doc, target.st.line, target.index, target.gpr);
            if (v !== undefined) return md(sysRegMarkdown(target.def, slots, v, `Written to ${target.def.name} on line ${target.st.line + 1}`));
          }
        }
      }
    } else {
      const acc = x86SpecialAccess(st);
      if (acc && pos.character >= acc.reg.start && pos.character <= acc.reg.end) {
        const def = x86RegByName(acc.reg.text);
        if (def) {
          const v = acc.write && acc.gpr ? (acc.gpr.text.startsWith('$') ? immediate(acc.gpr.text, doc) : valueBefore(doc, pos.line, index, acc.gpr.text)) : undefined;
          return md(x86RegMarkdown(def, v, v !== undefined ? `Value written here (${acc.gpr?.text})` : undefined));
        }
      }
      if (/^\$/.test(word) && st.operands.length === 2 && x86Gpr(st.operands[1].text)?.n === 1) {
        const at2 = findMsrAfter(doc, pos.line, index);
        const m = at2 ? msrHover(doc, at2.line, at2.index, at2.write) : undefined;
        if (m) return md(m);
      }
      // `mov $imm, %rax` followed by `mov %rax, %dr7`: the decoded value where it lands.
      const dst = st.operands.length === 2 && /^\$/.test(st.operands[0].text) ? x86Gpr(st.operands[1].text) : undefined;
      if (dst && pos.character >= st.operands[0].start && pos.character <= st.operands[0].end) {
        const target = findX86SpecialWriteAfter(doc, pos.line, index, dst.n);
        if (target) {
          const v = valueBefore(doc, target.line, target.index, target.gpr);
          if (v !== undefined) return md(x86RegMarkdown(target.def, v, `Written to ${target.def.name} on line ${target.line + 1}`));
        }
      }
    }
  }
  // Register names anywhere (a comment, a .equ, an operand of another instruction).
  if (doc.arch === 'arm64') {
    const r = lookupSysReg(word);
    if (r.kind === 'known') return md(sysRegMarkdown(r.def, slots));
  } else {
    const def = x86RegByName(word);
    if (def && (word.startsWith('%') || def.kind === 'msr')) return md(x86RegMarkdown(def));
  }
  const sym = doc.symbols.get(word);
  if (sym) {
    const lineNo = sym.def.line + 1;
    if (sym.kind === 'label') return md(`**${sym.name}** — label defined on line ${lineNo}${sym.global ? ' (global)' : ''}`);
    const v = sym.expr !== undefined ? evaluate(sym.expr, doc.symbols) : undefined;
    return md(`**${sym.name}** — ${sym.kind} defined on line ${lineNo}: \`${sym.expr ?? ''}\`${v !== undefined ? ` = \`${hex(v)}\` (${v})` : ''}`);
  }
  return null;
}

/** The MSR an rdmsr/wrmsr at (line, index) accesses, from the value in %ecx, with EDX:EAX for wrmsr. */
function msrHover(doc: ParsedDoc, line: number, index: number, write: boolean): string | undefined {
  const ecx = valueBefore(doc, line, index, '%ecx');
  const def = ecx !== undefined ? x86MsrByNumber(Number(ecx)) : undefined;
  if (!def) return undefined;
  let v: bigint | undefined;
  if (write) {
    const lo = valueBefore(doc, line, index, '%eax');
    const hi = valueBefore(doc, line, index, '%edx');
    if (lo !== undefined && hi !== undefined) v = (hi << 32n) | lo;
  }
  return x86RegMarkdown(def, v, v !== undefined ? `Written by wrmsr on line ${line + 1} (EDX:EAX)` : undefined);
}

function findWriteAfter(doc: ParsedDoc, line: number, index: number, reg: string): { st: Stmt; index: number; gpr: string; def: (typeof SYSREGS)[number] } | undefined {
  const r = a64Gpr(reg);
  if (!r) return undefined;
  let first = true;
  for (let l = line; l < line + TRACK_LINES; l++) {
    const ss = doc.stmts.get(l);
    if (!ss) continue;
    for (let k = l === line ? index + 1 : 0; k < ss.length; k++) {
      const st = ss[k];
      if (st.labels.length > 0 && !first) return undefined;
      first = false;
      const acc = a64SysRegAccess(st);
      if (acc?.write && acc.gpr && a64Gpr(acc.gpr.text)?.n === r.n) {
        const s = lookupSysReg(acc.reg.text);
        if (s.kind === 'known') return { st, index: k, gpr: acc.gpr.text, def: s.def };
        return undefined;
      }
    }
  }
  return undefined;
}

function findX86SpecialWriteAfter(doc: ParsedDoc, line: number, index: number, reg: number): { line: number; index: number; gpr: string; def: NonNullable<ReturnType<typeof x86RegByName>> } | undefined {
  for (let l = line; l < line + TRACK_LINES; l++) {
    const ss = doc.stmts.get(l);
    if (!ss) continue;
    for (let k = l === line ? index + 1 : 0; k < ss.length; k++) {
      const st = ss[k];
      if (st.labels.length > 0) return undefined;
      const acc = x86SpecialAccess(st);
      if (acc?.write && acc.gpr && x86Gpr(acc.gpr.text)?.n === reg) {
        const def = x86RegByName(acc.reg.text);
        return def ? { line: l, index: k, gpr: acc.gpr.text, def } : undefined;
      }
      const o = st.operands;
      // Another write to the register ends the search.
      if (o.length > 0 && x86Gpr(o[o.length - 1].text)?.n === reg && !/^(cmp|test)/.test(st.op?.name ?? '')) return undefined;
    }
  }
  return undefined;
}

function findMsrAfter(doc: ParsedDoc, line: number, index: number): { line: number; index: number; write: boolean } | undefined {
  for (let l = line; l < line + TRACK_LINES; l++) {
    const ss = doc.stmts.get(l);
    if (!ss) continue;
    for (let k = l === line ? index + 1 : 0; k < ss.length; k++) {
      const n = ss[k].op?.name;
      if (n === 'rdmsr' || n === 'wrmsr') return { line: l, index: k, write: n === 'wrmsr' };
    }
  }
  return undefined;
}

// ------------------------------------------------------------------------------------------- diagnostics
const IMM16 = new Set(['brk', 'hvc', 'svc', 'smc', 'hlt', 'dcps1', 'dcps2', 'dcps3']);

export function diagnostics(doc: ParsedDoc, slots: DebugSlots): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (doc.binary) return [Diagnostic.create(Range.create(0, 0, 0, 1), 'This file looks binary: not analysed as assembly.', DiagnosticSeverity.Information, undefined, 'stepvisor')];
  const add = (t: { line: number; start: number; end: number }, message: string, sev: DiagnosticSeverity = DiagnosticSeverity.Error): void => {
    if (out.length < MAX_DIAGNOSTICS) out.push(Diagnostic.create(range(t), message, sev, undefined, 'stepvisor'));
  };
  const arm = doc.arch === 'arm64';
  let inMacro = false;
  for (const [line, ss] of doc.stmts) {
    if (out.length >= MAX_DIAGNOSTICS) break;
    for (let index = 0; index < ss.length; index++) {
      const st = ss[index];
      const op = st.op;
      if (!op) continue;
      if (op.name === '.macro') inMacro = true;
      else if (op.name === '.endm') inMacro = false;
      if (op.name.startsWith('.')) continue;
      const known = (arm ? a64Mnemonic(op.name) : x86Mnemonic(op.name)) !== undefined || doc.symbols.has(op.text);
      if (!known && !inMacro) {
        add(op, `Unknown ${arm ? 'AArch64' : 'x86-64'} mnemonic '${op.text}'.`, DiagnosticSeverity.Warning);
        continue;
      }
      if (arm) {
        const acc = a64SysRegAccess(st);
        if (acc) checkSysReg(acc, st, line, index, doc, slots, add);
        if (IMM16.has(op.name) && st.operands[0]) {
          const v = immediate(st.operands[0].text, doc);
          const raw = st.operands[0].text.replace(/^#/, '').trim();
          if (v !== undefined && (v > 0xffffn || raw.startsWith('-'))) add(st.operands[0], `${op.name.toUpperCase()} immediate ${raw} is out of range: it is 16 bits (0-65535, 0xffff).`);
        }
      } else {
        const acc = x86SpecialAccess(st);
        for (const o of st.operands) {
          const m = /^%(dr|cr)(\d+)$/i.exec(o.text);
          if (!m) continue;
          const n = Number(m[2]);
          if (m[1].toLowerCase() === 'dr' && n > 7) add(o, `%dr${n} does not exist: x86-64 has DR0-DR7 (breakpoints in DR0-DR3).`);
          else if (m[1].toLowerCase() === 'dr' && (n === 4 || n === 5)) add(o, `%dr${n} aliases %dr${n + 2} when CR4.DE = 0 and raises #UD when CR4.DE = 1: use %dr${n + 2}.`, DiagnosticSeverity.Warning);
          else if (m[1].toLowerCase() === 'cr' && ![0, 2, 3, 4, 8].includes(n)) add(o, `%cr${n} does not exist: x86-64 has CR0, CR2, CR3, CR4 and CR8 (MOV raises #UD).`);
        }
        if (acc?.write && acc.gpr?.text.startsWith('$')) add(acc.gpr, 'MOV to a debug or control register takes a general-purpose register, not an immediate.');
        else if (acc?.write && acc.gpr) {
          const def = x86RegByName(acc.reg.text);
          const v = def && def.reservedMustBeZero !== 0n ? valueBefore(doc, line, index, acc.gpr.text) : undefined;
          if (def && v !== undefined && (v & def.reservedMustBeZero) !== 0n) add(acc.reg, `${def.name} <- ${hex(v)}: bits that must be zero are set (${hex(v & def.reservedMustBeZero)}): MOV raises #GP(0).`);
        }
        if (/^int$/.test(op.name) && st.operands[0]) {
          const v = immediate(st.operands[0].text, doc);
          if (v !== undefined && v > 0xffn) add(st.operands[0], `INT vector ${st.operands[0].text} is out of range: it is 8 bits (0-255).`);
        }
        if (op.name === 'rdmsr' || op.name === 'wrmsr') {
          const ecx = valueBefore(doc, line, index, '%ecx');
          const def = ecx !== undefined ? x86MsrByNumber(Number(ecx)) : undefined;
          if (def?.access === 'RO' && op.name === 'wrmsr') add(op, `${def.name} (MSR ${hex(BigInt(def.number))}) is read-only: WRMSR raises #GP(0).`);
          if (def?.access === 'WO' && op.name === 'rdmsr') add(op, `${def.name} (MSR ${hex(BigInt(def.number))}) is write-only: RDMSR raises #GP(0).`);
        }
      }
    }
  }
  return out;
}

function checkSysReg(acc: SysRegAccess, st: Stmt, line: number, index: number, doc: ParsedDoc, slots: DebugSlots, add: (t: Tok, m: string, s?: DiagnosticSeverity) => void): void {
  const name = acc.reg.text;
  const lower = name.toLowerCase();
  if (acc.write && PSTATE_FIELDS.has(lower)) return;
  const r = lookupSysReg(name);
  if (r.kind === 'unknown') {
    add(acc.reg, `Unknown system register '${name}'.`);
    return;
  }
  if (r.kind === 'architectural') {
    add(acc.reg, `${name.toUpperCase()} exists in the architecture but the Stepvisor CPU does not implement it: ${acc.write ? 'MSR' : 'MRS'} is UNDEFINED.`, DiagnosticSeverity.Warning);
    return;
  }
  const def = r.def;
  if (!def) return;
  if (acc.write && def.access === 'RO') add(acc.reg, `${def.name} is read-only: MSR to it is UNDEFINED.`);
  if (!acc.write && def.access === 'WO') add(acc.reg, `${def.name} is write-only: MRS from it is UNDEFINED.`);
  const slot = debugSlot(def.name, slots);
  if (slot && !slot.present) {
    const prefix = def.name.replace(/\d+_EL1$/, '');
    add(acc.reg, `${def.name}: the configured CPU has ${slot.count} ${slot.kind}s (${prefix}0_EL1-${prefix}${slot.count - 1}_EL1); slot ${slot.n} does not exist and the access is UNDEFINED.`);
  }
  void st;
  void line;
  void index;
  void doc;
}

// ------------------------------------------------------------------------------------------- completion
export function completion(doc: ParsedDoc, lineText: string, pos: Position, slots: DebugSlots): CompletionItem[] {
  const before = lineText.slice(0, Math.min(pos.character, 1000));
  const code = before.replace(/\/\/.*$/, '');
  if (code.length < before.length) return [];
  if (doc.arch === 'arm64') {
    const sys = /\b(mrs\s+\w+\s*,\s*|msr\s+)(\w*)$/i.exec(code);
    if (sys) {
      const upper = sys[2] === sys[2].toUpperCase() && sys[2].length > 0;
      const items: CompletionItem[] = [];
      for (const def of SYSREGS) {
        const slot = debugSlot(def.name, slots);
        if (slot && !slot.present) continue;
        if (/^msr/i.test(sys[1]) ? def.access === 'RO' : def.access === 'WO') continue;
        items.push({ label: upper ? def.name : def.name.toLowerCase(), kind: CompletionItemKind.Variable, detail: def.description, documentation: { kind: MarkupKind.Markdown, value: sysRegMarkdown(def, slots) } });
      }
      if (/^msr/i.test(sys[1])) for (const p of PSTATE_FIELDS) items.push({ label: p, kind: CompletionItemKind.Field, detail: 'PSTATE field (msr <field>, #imm)' });
      return items;
    }
  } else {
    const pct = /%(\w*)$/.exec(code);
    if (pct) {
      return X86_REGISTER_NAMES.map((r) => {
        const def = x86RegByName(r);
        return { label: `%${r}`, filterText: `%${r}`, insertText: r, kind: CompletionItemKind.Variable, detail: def?.description, documentation: def ? { kind: MarkupKind.Markdown, value: x86RegMarkdown(def) } : undefined };
      });
    }
  }
  // Statement start: mnemonics, directives.
  if (/^\s*(?:[\w.$]+:\s*)*[\w.]*$/.test(code)) {
    const items: CompletionItem[] = [];
    for (const [d, desc] of DIRECTIVES) items.push({ label: d, kind: CompletionItemKind.Keyword, detail: desc });
    const table = doc.arch === 'arm64' ? A64_MNEMONICS : X86_MNEMONICS;
    for (const [m, desc] of table) items.push({ label: m, kind: CompletionItemKind.Function, detail: desc });
    if (doc.arch === 'arm64') for (const c of A64_CONDITIONS) items.push({ label: `b.${c}`, kind: CompletionItemKind.Function, detail: `Branch if ${c.toUpperCase()}` });
    for (const s of doc.symbols.values()) if (s.kind === 'macro') items.push({ label: s.name, kind: CompletionItemKind.Snippet, detail: 'macro' });
    return items;
  }
  // Operands: labels and constants.
  const items: CompletionItem[] = [];
  for (const s of doc.symbols.values()) {
    if (s.kind === 'macro' && s.expr === undefined) continue;
    items.push({ label: s.name, kind: s.kind === 'label' ? CompletionItemKind.Reference : CompletionItemKind.Constant, detail: s.kind === 'label' ? `label (line ${s.def.line + 1})` : s.expr });
  }
  return items;
}

// ------------------------------------------------------------------------------------------- symbols
export function documentSymbols(doc: ParsedDoc): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const s of doc.symbols.values()) {
    const r = range(s.def);
    const kind = s.kind === 'label' ? (s.global || !s.name.startsWith('.') ? SymbolKind.Function : SymbolKind.Key) : s.kind === 'macro' ? SymbolKind.Method : SymbolKind.Constant;
    out.push(DocumentSymbol.create(s.name, s.kind === 'label' ? (s.global ? 'global label' : 'label') : s.expr, kind, r, r));
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line);
}

export function definition(doc: ParsedDoc, uri: string, lineText: string, pos: Position): Location | null {
  const w = wordAt(lineText.slice(0, 1000), pos.character);
  if (!w) return null;
  const s = doc.symbols.get(w.text);
  return s ? Location.create(uri, range(s.def)) : null;
}

const MAX_REFERENCES = 5000;

export function references(doc: ParsedDoc, uri: string, lineText: string, pos: Position, includeDeclaration: boolean): Location[] {
  const w = wordAt(lineText.slice(0, 1000), pos.character);
  if (!w) return [];
  const s = doc.symbols.get(w.text);
  if (!s) return [];
  const out: Location[] = [];
  if (includeDeclaration) out.push(Location.create(uri, range(s.def)));
  const esc = s.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?<![\\w.$])${esc}(?![\\w$])`, 'g');
  for (const [line, ss] of doc.stmts) {
    for (const st of ss) {
      for (const o of st.operands) {
        if (o === s.def) continue;
        re.lastIndex = 0;
        for (let m = re.exec(o.text); m; m = re.exec(o.text)) {
          if (line === s.def.line && o.start + m.index === s.def.start) continue;
          out.push(Location.create(uri, Range.create(line, o.start + m.index, line, o.start + m.index + s.name.length)));
          if (out.length >= MAX_REFERENCES) return out;
        }
      }
    }
  }
  return out;
}
