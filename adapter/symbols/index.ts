import type { ElfImage } from '../../emulator';
import { parseCfi, findFde, frameRowAt, type Fde } from './cfi';
import { parseDebugLine, type LineProgram } from './dwarf-line';

export interface FunctionSymbol {
  name: string;
  start: number;
  end: number;
}

/** One is_stmt row flattened out of a line program, with its file resolved to a path. */
export interface LineEntry {
  address: number;
  /** Exclusive end: the next row's address in the same sequence. */
  end: number;
  file: string;
  line: number;
  column: number;
  isStmt: boolean;
  prologueEnd: boolean;
}

export interface SourceMapping {
  /** Compiled-in prefix (e.g. /stepvisor) → local path. */
  from: string;
  to: string;
}

const STT_FUNC = 2;
const STT_NOTYPE = 0;

function section(elf: ElfImage, name: string): Uint8Array | undefined {
  const s = elf.sections.find((x) => x.name === name);
  if (s === undefined || s.type === 8 /* NOBITS */ || s.offset + s.size > elf.bytes.length) return undefined;
  return elf.bytes.subarray(s.offset, s.offset + s.size);
}

function normalize(p: string): string {
  const parts: string[] = [];
  for (const seg of p.replace(/\\/g, '/').split('/')) {
    if (seg === '..') {
      if (parts.length > 1 || (parts.length === 1 && parts[0] !== '')) parts.pop();
    } else if (seg !== '.' && !(seg === '' && parts.length > 0)) parts.push(seg);
  }
  return parts.join('/') || '/';
}

/**
 * What the adapter knows about a guest image: functions (ELF symbols), lines (DWARF), unwind rules (CFI).
 * Debug-info damage degrades to fewer features with `warnings`, never to a failed launch.
 */
export class SymbolTable {
  readonly functions: FunctionSymbol[] = [];
  readonly labels: FunctionSymbol[] = [];
  /** All rows (is_stmt and not) sorted by address. */
  readonly lines: LineEntry[] = [];
  readonly fdes: Fde[] = [];
  readonly warnings: string[] = [];
  readonly lineVersions = new Set<number>();
  private readonly byName = new Map<string, FunctionSymbol>();
  private readonly stmtAddresses = new Set<number>();

  constructor(
    readonly elf: ElfImage,
    readonly sourceMap: readonly SourceMapping[] = [],
  ) {
    for (const s of elf.symbols) {
      if (s.name === '' || s.name.startsWith('$')) continue;
      if (s.type !== STT_FUNC && s.type !== STT_NOTYPE) continue;
      const start = Number(s.value);
      const sym = { name: s.name, start, end: start + Math.max(s.size, 0) };
      if (s.type === STT_FUNC) this.functions.push(sym);
      else if (start !== 0) this.labels.push(sym);
      if (!this.byName.has(s.name)) this.byName.set(s.name, sym);
    }
    this.functions.sort((a, b) => a.start - b.start);
    this.labels.sort((a, b) => a.start - b.start);
    const debugLine = section(elf, '.debug_line');
    if (debugLine !== undefined) {
      try {
        const programs = parseDebugLine({ debugLine, debugLineStr: section(elf, '.debug_line_str'), debugStr: section(elf, '.debug_str') });
        for (const p of programs) this.addProgram(p);
      } catch (e) {
        this.warnings.push(`.debug_line: ${(e as Error).message}`);
      }
      this.lines.sort((a, b) => a.address - b.address);
    }
    try {
      const df = section(elf, '.debug_frame');
      if (df !== undefined) this.fdes.push(...parseCfi(df, false));
      const eh = elf.sections.find((x) => x.name === '.eh_frame');
      const ehb = section(elf, '.eh_frame');
      if (eh !== undefined && ehb !== undefined) this.fdes.push(...parseCfi(ehb, true, Number(eh.addr)));
      this.fdes.sort((a, b) => a.start - b.start);
    } catch (e) {
      this.warnings.push(`CFI: ${(e as Error).message}`);
    }
  }

  private addProgram(p: LineProgram): void {
    this.lineVersions.add(p.version);
    const rows = p.rows;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (r.endSequence) continue;
      const next = rows[i + 1];
      const end = next !== undefined ? next.address : r.address + 4;
      // Several rows at one address: all are kept (breakpoints look for is_stmt ones), the last describes the
      // instruction (lineAt), and the address starts a statement if any of them is_stmt.
      if (r.isStmt) this.stmtAddresses.add(r.address);
      this.lines.push({ address: r.address, end: Math.max(end, r.address), file: this.localPath(p.files[r.file] ?? ''), line: r.line, column: r.column, isStmt: r.isStmt, prologueEnd: r.prologueEnd });
    }
  }

  /** A compiled-in path rewritten through the source map (longest prefix first). */
  localPath(compiled: string): string {
    const p = normalize(compiled);
    let best: SourceMapping | undefined;
    for (const m of this.sourceMap) {
      const from = normalize(m.from);
      if ((p === from || p.startsWith(from.endsWith('/') ? from : from + '/')) && (best === undefined || from.length > normalize(best.from).length)) best = m;
    }
    if (best === undefined) return p;
    return normalize(best.to + p.slice(normalize(best.from).length));
  }

  functionByName(name: string): FunctionSymbol | undefined {
    return this.byName.get(name);
  }

  /** The function (or, failing that, label) containing the address. */
  functionAt(addr: number): FunctionSymbol | undefined {
    const f = this.search(this.functions, addr, true);
    if (f !== undefined) return f;
    // Unsized labels (assembly entry points, vectors) only name code near them inside an executable segment.
    const inCode = this.elf.segments.some((s) => (s.flags & 1) !== 0 && addr >= Number(s.vaddr) && addr < Number(s.vaddr) + s.memsz);
    const l = inCode ? this.search(this.labels, addr, false) : undefined;
    return l !== undefined && addr - l.start < 0x1000 ? l : undefined;
  }

  private search(list: FunctionSymbol[], addr: number, sized: boolean): FunctionSymbol | undefined {
    let lo = 0;
    let hi = list.length - 1;
    let best: FunctionSymbol | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].start <= addr) {
        best = list[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (best === undefined) return undefined;
    if (sized && best.end > best.start && addr >= best.end) return undefined;
    return best;
  }

  /** "name+0x10" for an address, or undefined outside every symbol. */
  describe(addr: number): string | undefined {
    const f = this.functionAt(addr);
    if (f === undefined) return undefined;
    return addr === f.start ? f.name : `${f.name}+0x${(addr - f.start).toString(16)}`;
  }

  /** Whether a line-table row marks `addr` as the start of a statement. */
  isStmt(addr: number): boolean {
    return this.stmtAddresses.has(addr);
  }

  lineAt(addr: number): LineEntry | undefined {
    const l = this.lines;
    let lo = 0;
    let hi = l.length - 1;
    let best: LineEntry | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (l[mid].address <= addr) {
        best = l[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (best === undefined) return undefined;
    // Rows sharing the address: the last is_stmt one names the line (what a breakpoint there was set on).
    const last = best;
    for (let i = lo - 1; i >= 0 && l[i].address === last.address; i--) {
      if (l[i].isStmt) {
        best = l[i];
        break;
      }
    }
    if (addr >= last.end) return undefined;
    return best === last ? best : { ...best, end: last.end };
  }

  /** Every file path the line tables mention (mapped). */
  files(): string[] {
    return [...new Set(this.lines.map((l) => l.file))];
  }

  /**
   * The file of the line tables a client path designates: exact match first, then the longest common suffix
   * of path components (a workspace path for a file compiled elsewhere without a sourceMap).
   */
  matchFile(clientPath: string): string | undefined {
    const want = normalize(clientPath);
    const files = this.files();
    if (files.includes(want)) return want;
    const wantParts = want.split('/');
    let best: string | undefined;
    let bestScore = 0;
    for (const f of files) {
      const parts = f.split('/');
      let n = 0;
      while (n < parts.length && n < wantParts.length && parts[parts.length - 1 - n] === wantParts[wantParts.length - 1 - n]) n++;
      if (n > bestScore) {
        bestScore = n;
        best = f;
      }
    }
    return bestScore >= 1 ? best : undefined;
  }

  /**
   * Addresses for a source line: the first line at or after `line` that has code, one address per
   * contiguous statement block (the lowest is_stmt address of each function it appears in).
   */
  resolveLine(file: string, line: number): { line: number; addresses: number[] } | undefined {
    const rows = this.lines.filter((l) => l.file === file && l.isStmt);
    if (rows.length === 0) return undefined;
    let target = Number.MAX_SAFE_INTEGER;
    for (const r of rows) if (r.line >= line && r.line < target) target = r.line;
    if (target === Number.MAX_SAFE_INTEGER) return undefined;
    const hits = rows.filter((r) => r.line === target);
    const byFunc = new Map<string, number>();
    for (const h of hits) {
      const key = this.functionAt(h.address)?.name ?? `@${h.address}`;
      const prev = byFunc.get(key);
      if (prev === undefined || h.address < prev) byFunc.set(key, h.address);
    }
    return { line: target, addresses: [...byFunc.values()].sort((a, b) => a - b) };
  }

  /**
   * The address a function breakpoint should use: after the prologue (the first prologue_end row, else the
   * second line row of the function), as debuggers do, so arguments are already in their home slots.
   */
  afterPrologue(f: FunctionSymbol): number {
    const rows = this.lines.filter((l) => l.address >= f.start && l.address < (f.end > f.start ? f.end : f.start + 1));
    const pe = rows.find((r) => r.prologueEnd);
    if (pe !== undefined) return pe.address;
    const first = rows[0];
    if (first !== undefined) {
      const second = rows.find((r) => r.isStmt && r.line !== first.line && r.address > first.address);
      if (second !== undefined) return second.address;
    }
    return f.start;
  }

  fdeAt(pc: number): Fde | undefined {
    return findFde(this.fdes, pc);
  }

  frameRow(pc: number): ReturnType<typeof frameRowAt> | undefined {
    const fde = this.fdeAt(pc);
    return fde === undefined ? undefined : frameRowAt(fde, pc);
  }
}
