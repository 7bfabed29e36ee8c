import { DwarfError, Reader, stringAt } from './reader';

/**
 * DWARF `.debug_line` (versions 2-5) decoded into rows: what source breakpoints, line stepping and the call
 * stack's source positions are built from. Addresses are JS numbers (exact below 2^53, true of every guest the
 * virt machine can load).
 */

export interface LineRow {
  address: number;
  /** Index into `LineProgram.files`. */
  file: number;
  line: number;
  column: number;
  isStmt: boolean;
  prologueEnd: boolean;
  endSequence: boolean;
}

export interface LineProgram {
  version: number;
  /** Full paths as the compiler recorded them (directory joined), indexed as the program's file register. */
  files: string[];
  rows: LineRow[];
}

export interface LineSections {
  debugLine: Uint8Array;
  debugLineStr?: Uint8Array;
  debugStr?: Uint8Array;
}

const DW_LNCT_path = 1;
const DW_LNCT_directory_index = 2;

function join(dir: string, name: string): string {
  if (name.startsWith('/') || dir === '') return name;
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

function readForm(r: Reader, form: number, offsetSize: number, s: LineSections): string | number {
  switch (form) {
    case 0x08: // string
      return r.cstr();
    case 0x1f: // line_strp
      return stringAt(s.debugLineStr, r.uN(offsetSize));
    case 0x0e: // strp
      return stringAt(s.debugStr, r.uN(offsetSize));
    case 0x0b: // data1
      return r.u8();
    case 0x05: // data2
      return r.u16();
    case 0x06: // data4
      return r.u32();
    case 0x07: // data8
      return r.u64();
    case 0x0f: // udata
      return r.uleb();
    case 0x1e: // data16 (MD5)
      r.skip(16);
      return 0;
    case 0x09: // block
      r.skip(r.uleb());
      return 0;
    default:
      throw new DwarfError(`unsupported form 0x${form.toString(16)} in a line table header`);
  }
}

function entryTable(r: Reader, offsetSize: number, s: LineSections): { path: string; dir: number }[] {
  const fmtCount = r.u8();
  const fmt: [number, number][] = [];
  for (let i = 0; i < fmtCount; i++) fmt.push([r.uleb(), r.uleb()]);
  const count = r.uleb();
  const out: { path: string; dir: number }[] = [];
  for (let i = 0; i < count; i++) {
    let path = '';
    let dir = 0;
    for (const [type, form] of fmt) {
      const v = readForm(r, form, offsetSize, s);
      if (type === DW_LNCT_path) path = String(v);
      else if (type === DW_LNCT_directory_index) dir = Number(v);
    }
    out.push({ path, dir });
  }
  return out;
}

/** Decode every line program of the section. Throws DwarfError on damage it cannot step over. */
export function parseDebugLine(s: LineSections): LineProgram[] {
  const r = new Reader(s.debugLine);
  const out: LineProgram[] = [];
  while (!r.done) {
    const { end, offsetSize } = r.unitLength();
    const version = r.u16();
    if (version < 2 || version > 5) throw new DwarfError(`unsupported .debug_line version ${version}`);
    let addressSize = 8;
    if (version >= 5) {
      addressSize = r.u8();
      r.u8(); // segment_selector_size
    }
    const headerLength = r.uN(offsetSize);
    const programStart = r.pos + headerLength;
    const minInst = r.u8();
    if (version >= 4) r.u8(); // maximum_operations_per_instruction (VLIW only)
    const defaultIsStmt = r.u8() !== 0;
    const lineBase = r.s8();
    const lineRange = r.u8();
    const opcodeBase = r.u8();
    if (lineRange === 0) throw new DwarfError('line_range 0 in a line table header');
    const stdLengths: number[] = [0];
    for (let i = 1; i < opcodeBase; i++) stdLengths.push(r.u8());
    const files: string[] = [];
    if (version >= 5) {
      const dirs = entryTable(r, offsetSize, s).map((d) => d.path);
      for (const f of entryTable(r, offsetSize, s)) files.push(join(dirs[f.dir] ?? '', f.path));
    } else {
      // v2-4: directory 0 and file 0 are implicit (the compilation directory / primary file): keep index 0 empty.
      const dirs = [''];
      for (;;) {
        const d = r.cstr();
        if (d === '') break;
        dirs.push(d);
      }
      files.push('');
      for (;;) {
        const name = r.cstr();
        if (name === '') break;
        const dir = r.uleb();
        r.uleb();
        r.uleb();
        files.push(join(dirs[dir] ?? '', name));
      }
    }
    r.pos = programStart;
    const rows: LineRow[] = [];
    let address = 0;
    let file = 1; // DWARF 5 too: the file register starts at 1
    let line = 1;
    let column = 0;
    let isStmt = defaultIsStmt;
    let prologueEnd = false;
    const reset = (): void => {
      address = 0;
      file = 1;
      line = 1;
      column = 0;
      isStmt = defaultIsStmt;
      prologueEnd = false;
    };
    const emit = (endSequence: boolean): void => {
      rows.push({ address, file, line, column, isStmt, prologueEnd, endSequence });
      prologueEnd = false;
    };
    while (r.pos < end) {
      const op = r.u8();
      if (op >= opcodeBase) {
        const adj = op - opcodeBase;
        address += Math.floor(adj / lineRange) * minInst;
        line += lineBase + (adj % lineRange);
        emit(false);
        continue;
      }
      switch (op) {
        case 0: {
          const len = r.uleb();
          const next = r.pos + len;
          const sub = len > 0 ? r.u8() : 0;
          if (sub === 1) {
            emit(true);
            reset();
          } else if (sub === 2) {
            address = r.uN(Math.min(addressSize, len - 1));
          } else if (sub === 3) {
            const name = r.cstr();
            r.uleb();
            files.push(name);
          }
          r.pos = next;
          break;
        }
        case 1:
          emit(false);
          break;
        case 2:
          address += r.uleb() * minInst;
          break;
        case 3:
          line += r.sleb();
          break;
        case 4:
          file = r.uleb();
          break;
        case 5:
          column = r.uleb();
          break;
        case 6:
          isStmt = !isStmt;
          break;
        case 7:
          break;
        case 8:
          address += Math.floor((255 - opcodeBase) / lineRange) * minInst;
          break;
        case 9:
          address += r.u16();
          break;
        case 10:
          prologueEnd = true;
          break;
        case 11:
          break;
        case 12:
          r.uleb();
          break;
        default:
          for (let i = 0; i < stdLengths[op]; i++) r.uleb();
      }
    }
    r.pos = end;
    out.push({ version, files, rows });
  }
  return out;
}
