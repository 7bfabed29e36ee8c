/**
 * A bounded parse of a GNU assembly file into statements (labels, mnemonic, operands with columns), labels,
 * constants (.equ/.set/=/#define) and macro names. Bounded on purpose: the server must answer within a second
 * on a 10 MB or binary file, so lines and characters per line are capped.
 */

export type Arch = 'arm64' | 'x86_64';

/** About 0.2-0.4 s of parsing on a loaded machine; lines past it get hover/completion from a one-line parse only. */
export const MAX_LINES = 50_000;
export const MAX_LINE_CHARS = 1000;

export interface Tok {
  readonly text: string;
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

export interface Stmt {
  readonly line: number;
  readonly labels: readonly Tok[];
  /** Mnemonic or directive, lower-cased in `name`. */
  readonly op?: Tok & { readonly name: string };
  readonly operands: readonly Tok[];
}

export interface Symbol {
  readonly name: string;
  readonly def: Tok;
  readonly kind: 'label' | 'constant' | 'macro';
  /** The defining expression for constants. */
  readonly expr?: string;
  global?: boolean;
}

export interface ParsedDoc {
  readonly arch: Arch;
  readonly lines: number;
  /** Statements by line (only lines that have one); lines beyond MAX_LINES are not analysed. */
  readonly stmts: Map<number, Stmt[]>;
  readonly symbols: Map<string, Symbol>;
  readonly truncated: boolean;
  readonly binary: boolean;
}

const PREPROC = /^\s*#\s*(define|undef|include|if|ifdef|ifndef|elif|else|endif|error|warning|pragma|line)\b/;

/** Rough binary detection: NULs or many control characters in the first 4 KiB. */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 4096);
  let ctl = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 9 || (c > 13 && c < 32)) ctl++;
  }
  return n > 0 && ctl / n > 0.05;
}

/** Detects the architecture from the first lines: register spellings and characteristic mnemonics. */
export function detectArch(text: string): Arch {
  const sample = text.slice(0, 64 * 1024);
  let x86 = 0;
  let arm = 0;
  x86 += (sample.match(/%(r[a-z0-9]+|e[a-d]x|e[sd]i|[re]sp|[re]bp|dr[0-7]|cr[0-8]|[a-d]l)\b/g) ?? []).length * 2;
  x86 += (sample.match(/\b(rdmsr|wrmsr|movq|movl|pushq|popq|syscall|iretq|\.code64|int3)\b/g) ?? []).length * 2;
  arm += (sample.match(/\b[xw]([12]?\d|30)\b/g) ?? []).length;
  arm += (sample.match(/\b(mrs|msr|adrp|ldp|stp|eret|cbz|cbnz|b\.[a-z]{2}|_el[0-3])\b/gi) ?? []).length * 2;
  return x86 > arm ? 'x86_64' : 'arm64';
}

interface Scan {
  code: string;
  inBlock: boolean;
}

/** Blanks comments (keeping columns) and returns the code part; tracks /* *\/ across lines. */
function stripComments(line: string, arch: Arch, inBlock: boolean): Scan {
  // Fast path (most lines): no block comment in play, no string; a line comment is cut with one slice.
  if (!inBlock && line.indexOf('/*') < 0 && line.indexOf('"') < 0) {
    let cut = line.indexOf('//');
    if (arch === 'x86_64') {
      const h = line.indexOf('#');
      if (h >= 0 && (cut < 0 || h < cut)) cut = h;
    }
    return { code: cut < 0 ? line : line.slice(0, cut), inBlock: false };
  }
  const out = line.split('');
  let i = 0;
  let quote = false;
  const n = line.length;
  while (i < n) {
    if (inBlock) {
      if (line[i] === '*' && line[i + 1] === '/') {
        out[i] = out[i + 1] = ' ';
        i += 2;
        inBlock = false;
        continue;
      }
      out[i++] = ' ';
      continue;
    }
    const c = line[i];
    if (quote) {
      if (c === '\\') i += 2;
      else {
        if (c === '"') quote = false;
        i++;
      }
      continue;
    }
    if (c === '"') {
      quote = true;
      i++;
      continue;
    }
    if (c === '/' && line[i + 1] === '*') {
      inBlock = true;
      continue;
    }
    if ((c === '/' && line[i + 1] === '/') || (arch === 'x86_64' && c === '#')) {
      for (let j = i; j < n; j++) out[j] = ' ';
      break;
    }
    i++;
  }
  return { code: out.join(''), inBlock };
}

const LABEL = /^\s*([A-Za-z_.$][\w.$]*|\d+)\s*:/;
const ASSIGN = /^\s*([A-Za-z_.$][\w.$]*)\s*=\s*(.+)$/;
const OPCODE = /^\s*([A-Za-z_.][\w.]*)/;

/** Splits operands at top-level commas, keeping their columns. */
function splitOperands(code: string, from: number, line: number): Tok[] {
  const out: Tok[] = [];
  let depth = 0;
  let start = from;
  let quote = false;
  const push = (end: number): void => {
    const raw = code.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text.length > 0) out.push({ text, line, start: start + lead, end: start + lead + text.length });
  };
  for (let i = from; i < code.length; i++) {
    const c = code[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === '"') quote = false;
      continue;
    }
    if (c === '"') quote = true;
    else if (c === '[' || c === '(' || c === '{') depth++;
    else if (c === ']' || c === ')' || c === '}') depth--;
    else if (c === ',' && depth <= 0) {
      push(i);
      start = i + 1;
    }
  }
  push(code.length);
  return out;
}

/** Parses one statement starting at column `from` of an already comment-stripped line. */
function parseStatement(code: string, from: number, line: number, symbols: Map<string, Symbol> | undefined): Stmt | undefined {
  let rest = code.slice(from);
  let col = from;
  const labels: Tok[] = [];
  for (;;) {
    const m = LABEL.exec(rest);
    if (!m) break;
    const s = col + m[0].indexOf(m[1]);
    labels.push({ text: m[1], line, start: s, end: s + m[1].length });
    col += m[0].length;
    rest = rest.slice(m[0].length);
  }
  const a = ASSIGN.exec(rest);
  if (a && symbols) {
    const s = col + rest.indexOf(a[1]);
    if (!symbols.has(a[1])) symbols.set(a[1], { name: a[1], kind: 'constant', def: { text: a[1], line, start: s, end: s + a[1].length }, expr: a[2].trim() });
    return { line, labels, operands: [] };
  }
  const m = OPCODE.exec(rest);
  if (!m) return labels.length > 0 ? { line, labels, operands: [] } : undefined;
  const s = col + m[0].length - m[1].length;
  const op = { text: m[1], name: m[1].toLowerCase(), line, start: s, end: s + m[1].length };
  const operands = splitOperands(code, s + m[1].length, line);
  return { line, labels, op, operands };
}

/** Splits a stripped line into statements at `;` (outside strings); x86 and A64 GAS both use it as a separator. */
function statementStarts(code: string): number[] {
  const starts = [0];
  let quote = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === '"') quote = false;
    } else if (c === '"') quote = true;
    else if (c === ';') starts.push(i + 1);
  }
  return starts;
}

export function parseLine(text: string, line: number, arch: Arch, inBlock = false, symbols?: Map<string, Symbol>): { stmts: Stmt[]; inBlock: boolean } {
  const raw = text.length > MAX_LINE_CHARS ? text.slice(0, MAX_LINE_CHARS) : text;
  if (!inBlock) {
    const pp = PREPROC.exec(raw);
    if (pp) {
      if (pp[1] === 'define' && symbols) {
        const d = /^\s*#\s*define\s+([A-Za-z_]\w*)(\([^)]*\))?\s*(.*)$/.exec(raw);
        if (d && !symbols.has(d[1])) {
          const s = raw.indexOf(d[1], raw.indexOf('define') + 6);
          const body = stripComments(d[3], arch === 'x86_64' ? 'arm64' : arch, false).code.trim();
          symbols.set(d[1], { name: d[1], kind: d[2] ? 'macro' : 'constant', def: { text: d[1], line, start: s, end: s + d[1].length }, expr: body });
        }
      }
      return { stmts: [], inBlock };
    }
    // A64 GAS: '#' in the first column starts a comment line.
    if (arch === 'arm64' && /^\s*#/.test(raw)) return { stmts: [], inBlock };
  }
  const scan = stripComments(raw, arch, inBlock);
  const stmts: Stmt[] = [];
  const starts = statementStarts(scan.code);
  for (let k = 0; k < starts.length; k++) {
    const end = k + 1 < starts.length ? starts[k + 1] - 1 : scan.code.length;
    const piece = scan.code.slice(0, end);
    const st = parseStatement(piece, starts[k], line, symbols);
    if (st) stmts.push(st);
  }
  return { stmts, inBlock: scan.inBlock };
}

export function parseDocument(text: string, arch: Arch): ParsedDoc {
  const stmts = new Map<number, Stmt[]>();
  const symbols = new Map<string, Symbol>();
  if (looksBinary(text)) return { arch, lines: 0, stmts, symbols, truncated: true, binary: true };
  let pos = 0;
  let line = 0;
  let inBlock = false;
  const globals = new Set<string>();
  while (pos <= text.length && line < MAX_LINES) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    // Only the first MAX_LINE_CHARS of a long line are ever copied.
    let lineText = text.slice(pos, Math.min(nl, pos + MAX_LINE_CHARS));
    if (lineText.endsWith('\r')) lineText = lineText.slice(0, -1);
    const r = parseLine(lineText, line, arch, inBlock, symbols);
    inBlock = r.inBlock;
    if (r.stmts.length > 0) {
      stmts.set(line, r.stmts);
      for (const st of r.stmts) {
        for (const l of st.labels) if (!/^\d+$/.test(l.text) && !symbols.has(l.text)) symbols.set(l.text, { name: l.text, kind: 'label', def: l });
        const op = st.op;
        if (op === undefined) continue;
        if ((op.name === '.equ' || op.name === '.set' || op.name === '.equiv') && st.operands.length >= 2) {
          const n = st.operands[0];
          if (!symbols.has(n.text)) symbols.set(n.text, { name: n.text, kind: 'constant', def: n, expr: st.operands.slice(1).map((o) => o.text).join(',') });
        } else if (op.name === '.macro' && st.operands.length >= 1) {
          const n = st.operands[0].text.split(/\s+/)[0];
          if (!symbols.has(n)) symbols.set(n, { name: n, kind: 'macro', def: { ...st.operands[0], text: n, end: st.operands[0].start + n.length } });
        } else if (op.name === '.global' || op.name === '.globl') for (const o of st.operands) globals.add(o.text);
      }
    }
    pos = nl + 1;
    line++;
  }
  for (const g of globals) {
    const s = symbols.get(g);
    if (s) s.global = true;
  }
  return { arch, lines: line, stmts, symbols, truncated: pos <= text.length, binary: false };
}

const MASK64 = (1n << 64n) - 1n;

/**
 * Evaluates a GAS/cpp constant expression (numbers, symbols from `symbols`, + - * / % & | ^ ~ << >> and
 * parentheses) to an unsigned 64-bit value, or undefined. Bounded recursion through symbols.
 */
export function evaluate(expr: string, symbols: ReadonlyMap<string, Symbol>, depth = 0): bigint | undefined {
  if (depth > 8 || expr.length > 400) return undefined;
  const toks = expr.match(/0x[0-9a-fA-F]+|0b[01]+|\d+|[A-Za-z_.$][\w.$]*|<<|>>|[-+*/%&|^~()]|\S/g);
  if (!toks) return undefined;
  let i = 0;
  const peek = (): string | undefined => toks[i];
  const fail = Symbol('fail');
  const primary = (): bigint => {
    const t = toks[i++];
    if (t === undefined) throw fail;
    if (t === '(') {
      const v = binary(0);
      if (toks[i++] !== ')') throw fail;
      return v;
    }
    if (t === '-') return -primary();
    if (t === '~') return ~primary();
    if (t === '+') return primary();
    if (/^0x/i.test(t) || /^0b/i.test(t) || /^\d/.test(t)) {
      // C integer suffixes (1UL) come through as a separate identifier token: skip it.
      if (/^[uUlL]+$/.test(toks[i] ?? '')) i++;
      return BigInt(t);
    }
    if (/^[A-Za-z_.$]/.test(t)) {
      const s = symbols.get(t);
      if (s?.kind !== 'constant' || s.expr === undefined) throw fail;
      const v = evaluate(s.expr, symbols, depth + 1);
      if (v === undefined) throw fail;
      return v;
    }
    throw fail;
  };
  const PREC: Record<string, number> = { '|': 1, '^': 2, '&': 3, '<<': 4, '>>': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6 };
  const binary = (min: number): bigint => {
    let lhs = primary();
    for (;;) {
      const op = peek();
      const p = op === undefined ? undefined : PREC[op];
      if (op === undefined || p === undefined || p < min) return lhs;
      i++;
      const rhs = binary(p + 1);
      switch (op) {
        case '|': lhs |= rhs; break;
        case '^': lhs ^= rhs; break;
        case '&': lhs &= rhs; break;
        case '<<': lhs = (lhs << rhs) & MASK64; break;
        case '>>': lhs = (lhs & MASK64) >> rhs; break;
        case '+': lhs += rhs; break;
        case '-': lhs -= rhs; break;
        case '*': lhs *= rhs; break;
        case '/': if (rhs === 0n) throw fail; lhs /= rhs; break;
        case '%': if (rhs === 0n) throw fail; lhs %= rhs; break;
      }
    }
  };
  try {
    const v = binary(0);
    if (i !== toks.length) return undefined;
    return v & MASK64;
  } catch {
    return undefined;
  }
}

/** The identifier-like word under a column (registers, labels, `#imm`, `$imm`, `%reg`). */
export function wordAt(line: string, col: number): { text: string; start: number; end: number } | undefined {
  const isW = (c: string | undefined): boolean => c !== undefined && /[\w.$%#]/.test(c);
  let s = col;
  let e = col;
  if (!isW(line[col]) && isW(line[col - 1])) s = e = col - 1;
  if (!isW(line[s])) return undefined;
  while (s > 0 && isW(line[s - 1])) s--;
  while (e < line.length && isW(line[e])) e++;
  let text = line.slice(s, e);
  // `b.eq` is a word; `x0.` is not: trim trailing dots.
  while (text.endsWith('.')) {
    text = text.slice(0, -1);
    e--;
  }
  return text.length > 0 ? { text, start: s, end: e } : undefined;
}
