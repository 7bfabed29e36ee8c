import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseElf } from '../../emulator';
import { parseDebugLine } from '../../adapter/symbols/dwarf-line';
import { SymbolTable } from '../../adapter/symbols';
import { unwind } from '../../adapter/unwind';

const FIX = path.join(__dirname, 'fixtures');
const ROOT = path.join(__dirname, '..', '..');

function section(file: string, name: string): Uint8Array | undefined {
  const elf = parseElf(readFileSync(file));
  const s = elf.sections.find((x) => x.name === name);
  return s === undefined ? undefined : elf.bytes.subarray(s.offset, s.offset + s.size);
}

function haveTool(tool: string): boolean {
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** llvm-dwarfdump's rows: "address line column file isa discriminator [flags]". */
function dumpRows(file: string): string[] {
  const out = execFileSync('llvm-dwarfdump', ['--debug-line', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const rows: string[] = [];
  for (const l of out.split('\n')) {
    const m = /^0x([0-9a-f]{16})\s+(\d+)\s+(\d+)\s+(\d+)\s+\d+\s+\d+\s*(.*)$/.exec(l);
    if (m === null) continue;
    const flags = m[5].split(/\s+/);
    rows.push(`${BigInt('0x' + m[1]).toString(16)} ${m[2]}:${m[3]} f${m[4]}${flags.includes('is_stmt') ? ' stmt' : ''}${flags.includes('prologue_end') ? ' pe' : ''}${flags.includes('end_sequence') ? ' end' : ''}`);
  }
  return rows;
}

describe('adapter: DWARF .debug_line', () => {
  const cases = [
    ['v5 (clang -O0)', path.join(FIX, 'dbg-v5.elf'), 5],
    ['v4 (clang -O0 -gdwarf-4)', path.join(FIX, 'dbg-v4.elf'), 4],
    ['v5 (gcc -O2)', path.join(FIX, 'dbg-gcc.elf'), 5],
    ['v5 (clang -O2, hello example)', path.join(ROOT, 'examples/hello/hello.elf'), 5],
    ['v5 (gcc -O2 fixture sort)', path.join(ROOT, 'test/fixtures/bin/sort-O2-gcc.elf'), 5],
  ] as const;
  for (const [label, file, version] of cases) {
    it(`decodes every row as llvm-dwarfdump does: ${label}`, function () {
      if (!haveTool('llvm-dwarfdump')) {
        // The oracle is llvm-dwarfdump (Debian llvm, installed by .ci/run): under CI its absence is a broken setup.
        if (process.env.CI) throw new Error('llvm-dwarfdump not found');
        this.skip();
      }
      const programs = parseDebugLine({ debugLine: section(file, '.debug_line')!, debugLineStr: section(file, '.debug_line_str'), debugStr: section(file, '.debug_str') });
      assert.ok(programs.every((p) => p.version === version));
      const mine = programs.flatMap((p) => p.rows.map((r) => `${r.address.toString(16)} ${r.line}:${r.column} f${r.file}${r.isStmt ? ' stmt' : ''}${r.prologueEnd ? ' pe' : ''}${r.endSequence ? ' end' : ''}`));
      assert.deepEqual(mine, dumpRows(file));
    });
  }

  it('resolves file tables: v4 directories and v5 line_strp entries give the same source paths', () => {
    const paths = (f: string): string[] => new SymbolTable(parseElf(readFileSync(f))).files().filter((p) => p.endsWith('dbg.c'));
    assert.deepEqual(paths(path.join(FIX, 'dbg-v5.elf')), ['/stepvisor/test/adapter/fixtures/dbg.c']);
    // DWARF 4 keeps the primary file relative to the (implicit) compilation directory.
    assert.ok(paths(path.join(FIX, 'dbg-v4.elf')).every((p) => p.endsWith('dbg.c')));
  });

  it('maps source lines to the same addresses in v4 and v5 builds, and back', () => {
    for (const f of ['dbg-v5.elf', 'dbg-v4.elf']) {
      const st = new SymbolTable(parseElf(readFileSync(path.join(FIX, f))), [{ from: '/stepvisor', to: '/w' }]);
      const file = st.matchFile('/w/test/adapter/fixtures/dbg.c');
      assert.ok(file !== undefined, f);
      const r = st.resolveLine(file!, 17); // counter += y
      assert.ok(r !== undefined && r.line === 17 && r.addresses.length === 1, f);
      const leaf = st.functionByName('leaf')!;
      assert.ok(r!.addresses[0] > leaf.start && r!.addresses[0] < leaf.end);
      assert.equal(st.lineAt(r!.addresses[0])?.line, 17);
      // A blank line resolves to the next line with code.
      assert.equal(st.resolveLine(file!, 20)?.line, 22);
      // Function breakpoints land after the prologue (on the first body line).
      assert.equal(st.lineAt(st.afterPrologue(leaf))?.line, 16);
    }
  });

  it('source map: the longest matching prefix wins', () => {
    const st = new SymbolTable(parseElf(readFileSync(path.join(FIX, 'dbg-v5.elf'))), [
      { from: '/stepvisor', to: '/a' },
      { from: '/stepvisor/test/adapter', to: '/b' },
    ]);
    assert.equal(st.localPath('/stepvisor/test/adapter/fixtures/dbg.c'), '/b/fixtures/dbg.c');
    assert.equal(st.localPath('/stepvisor/test/fixtures/runtime/crt0.S'), '/a/test/fixtures/runtime/crt0.S');
    assert.equal(st.localPath('/elsewhere/x.c'), '/elsewhere/x.c');
  });
});

describe('adapter: CFI unwinding', () => {
  /** Stack memory as a map, for unwinding without running the guest. */
  function mem(words: Record<number, bigint>): (a: number) => bigint | undefined {
    return (a) => words[a];
  }

  it('.debug_frame (clang): CFA and saved x29/x30 after the prologue of mid()', () => {
    const st = new SymbolTable(parseElf(readFileSync(path.join(FIX, 'dbg-v5.elf'))));
    const mid = st.functionByName('mid')!;
    assert.ok(st.fdeAt(mid.start) !== undefined);
    const atEntry = st.frameRow(mid.start)!;
    assert.equal(atEntry.cfaReg, 31);
    assert.equal(atEntry.cfaOffset, 0);
    const body = st.afterPrologue(mid);
    const row = st.frameRow(body)!;
    assert.equal(row.cfaReg, 29); // clang -O0: CFA = x29 + 32 once the frame record is set up
    const r30 = row.regs.get(30);
    const r29 = row.regs.get(29);
    assert.ok(r30 !== undefined && r30.kind === 'offset' && r29 !== undefined && r29.kind === 'offset');
    // Build a stack: mid's frame at fp=0x40100000; CFA = fp + cfaOffset.
    const fp = 0x4010_0000;
    const cfa = fp + row.cfaOffset;
    const main = st.functionByName('main')!;
    const retInMain = main.start + 0x20;
    const regs = new Map<number, bigint>([
      [29, BigInt(fp)],
      [31, BigInt(fp)],
      [30, 0n],
    ]);
    const frames = unwind(regs, body, st, mem({ [cfa + (r30 as { offset: number }).offset]: BigInt(retInMain), [cfa + (r29 as { offset: number }).offset]: 0n }));
    assert.equal(frames[1].pc, retInMain);
    assert.equal(frames[1].via, 'cfi');
    assert.equal(frames[1].regs.get(31), BigInt(cfa));
  });

  it('.eh_frame (gcc): FDEs found with pc-relative encodings', () => {
    const st = new SymbolTable(parseElf(readFileSync(path.join(FIX, 'dbg-gcc.elf'))));
    assert.ok(st.fdes.length > 5);
    for (const name of ['mid', 'leaf', 'main', 'rt_vprintf']) {
      const f = st.functionByName(name);
      assert.ok(f !== undefined, name);
      const fde = st.fdeAt(f!.start);
      assert.ok(fde !== undefined, `FDE for ${name}`);
      assert.equal(fde!.start, f!.start, name);
    }
    // gcc -O2 main saves x29/x30 with stp at entry: after it, CFA = sp + framesize and x30 at CFA-8 or similar.
    const main = st.functionByName('main')!;
    const row = st.frameRow(main.start + 8)!;
    assert.equal(row.cfaReg, 31);
    assert.ok(row.cfaOffset >= 16);
    assert.equal(row.regs.get(30)?.kind, 'offset');
  });

  it('falls back to the frame-record chain without CFI', () => {
    const st = new SymbolTable(parseElf(readFileSync(path.join(FIX, 'dbg-v5.elf'))));
    st.fdes.length = 0;
    const main = st.functionByName('main')!;
    const leaf = st.functionByName('leaf')!;
    const regs = new Map<number, bigint>([
      [29, 0x4010_0000n],
      [31, 0x400f_ff00n],
      [30, BigInt(main.start + 0x10)],
    ]);
    const frames = unwind(regs, leaf.start + 8, st, mem({ 0x4010_0000: 0n, 0x4010_0008: BigInt(main.start + 0x30) }));
    assert.equal(frames[1].via, 'fp');
    assert.equal(frames[1].pc, main.start + 0x30);
  });
});
