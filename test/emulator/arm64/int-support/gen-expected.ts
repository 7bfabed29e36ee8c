/**
 * Regenerates int-expected.json: assembles every case of cases.ts into a static aarch64 Linux ELF whose
 * prologue loads the initial state, runs it under qemu-aarch64 (the oracle) and records the final state.
 * Run: cd /work/main && npx tsx test/emulator/arm64/int-support/gen-expected.ts
 * Needs clang, ld.lld, llvm-objcopy and qemu-aarch64 (only at test-writing time; the test reads the JSON).
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { CASES } from './cases';
import {
  IntCase, IntExpected, IntResult, SCRATCH_BASE, SCRATCH_SIZE, StoredExpected, compactResult, hex64, hex128, initialState, scratchPattern,
} from './layout';

const LDS = `
SECTIONS {
  . = 0x40000000;
  .text : { *(.text.start) *(.text.dump) }
  . = 0x40001000;
  .snip : { *(.snip) }
  . = 0x40008000;
  .init : { *(.initdata) }
  . = 0x${SCRATCH_BASE.toString(16)};
  .data : { *(.scratch) }
  . = 0x40030000;
  .dump : { *(.dumpbuf) }
}
`;

function source(c: IntCase): string {
  const st = initialState(c);
  const quads: string[] = [];
  for (const v of st.x) quads.push(hex64(v));
  quads.push(hex64(st.sp));
  quads.push(hex64(BigInt(st.nzcv >>> 0)));
  for (const v of st.q) {
    quads.push(hex64(v & ((1n << 64n) - 1n)));
    quads.push(hex64(v >> 64n));
  }
  const pat = Array.from(scratchPattern()).join(',');
  return `
.section .text.start, "ax"
.globl _start
_start:
  adrp x30, initregs
  add x30, x30, :lo12:initregs
  ldr x0, [x30, #256]
  msr nzcv, x0
  ldr x0, [x30, #248]
  mov sp, x0
  add x0, x30, #264
${Array.from({ length: 16 }, (_, i) => `  ldp q${2 * i}, q${2 * i + 1}, [x0, #${32 * i}]`).join('\n')}
${Array.from({ length: 15 }, (_, i) => `  ldp x${2 * i}, x${2 * i + 1}, [x30, #${16 * i}]`).join('\n')}
  ldr x30, [x30, #240]
  b snippet
.section .text.dump, "ax"
dump:
  msr tpidr_el0, x0
  adrp x0, dumpbuf
  add x0, x0, :lo12:dumpbuf
${Array.from({ length: 15 }, (_, i) => `  stp x${2 * i + 1}, x${2 * i + 2}, [x0, #${8 + 16 * i}]`).join('\n')}
  mrs x1, tpidr_el0
  str x1, [x0]
  mov x1, sp
  str x1, [x0, #248]
  mrs x1, nzcv
  str x1, [x0, #256]
  add x2, x0, #264
${Array.from({ length: 16 }, (_, i) => `  stp q${2 * i}, q${2 * i + 1}, [x2, #${32 * i}]`).join('\n')}
  mov x1, x0
  mov x0, #1
  mov x2, #${264 + 512}
  mov x8, #64
  svc #0
  mov x0, #1
  adrp x1, scratch
  add x1, x1, :lo12:scratch
  mov x2, #${SCRATCH_SIZE}
  mov x8, #64
  svc #0
  mov x0, #0
  mov x8, #93
  svc #0
.section .snip, "ax"
snippet:
${c.asm.map((l) => '  ' + l).join('\n')}
snippet_end:
  b dump
.section .initdata, "a"
.balign 16
initregs:
${quads.map((q) => '  .quad ' + q).join('\n')}
.section .scratch, "aw"
scratch:
  .byte ${pat}
  .space ${0x10000 - SCRATCH_SIZE}
.section .dumpbuf, "aw"
dumpbuf:
  .space 1024
`;
}

export function runCase(dir: string, c: IntCase): IntExpected {
  const s = join(dir, 'c.S');
  const o = join(dir, 'c.o');
  const elf = join(dir, 'c.elf');
  const bin = join(dir, 'snip.bin');
  writeFileSync(s, source(c));
  writeFileSync(join(dir, 'l.ld'), LDS);
  try {
    execFileSync('clang', ['--target=aarch64-linux-gnu', '-march=armv8.5-a+lse+crc+rcpc', '-c', s, '-o', o], { stdio: 'pipe' });
  } catch (e) {
    const text = readFileSync(s, 'utf8').split('\n');
    const msg = String((e as { stderr?: Buffer }).stderr ?? e);
    const line = /c\.S:(\d+):/.exec(msg);
    throw new Error(`${c.name}: ${msg.split('\n')[0]} -- ${line ? text[Number(line[1]) - 1] : ''}`);
  }
  execFileSync('ld.lld', ['-static', '-T', join(dir, 'l.ld'), o, '-o', elf]);
  execFileSync('llvm-objcopy', ['-O', 'binary', '--only-section=.snip', elf, bin]);
  const snip = readFileSync(bin);
  const words: number[] = [];
  for (let i = 0; i + 4 <= snip.length - 4; i += 4) words.push(snip.readUInt32LE(i)); // drop the final `b dump`
  let out: Buffer;
  try {
    out = execFileSync('qemu-aarch64', ['-cpu', 'max', elf], { maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    throw new Error(`${c.name}: qemu failed: ${String((e as { stderr?: Buffer }).stderr ?? e)}`);
  }
  if (out.length !== 264 + 512 + SCRATCH_SIZE) throw new Error(`${c.name}: unexpected dump size ${out.length}`);
  const rd = (off: number): bigint => out.readBigUInt64LE(off);
  const x: string[] = [];
  for (let i = 0; i < 31; i++) x.push(hex64(rd(8 * i)));
  const q: string[] = [];
  for (let i = 0; i < 32; i++) q.push(hex128(rd(264 + 16 * i) | (rd(264 + 16 * i + 8) << 64n)));
  const result: IntResult = {
    x,
    sp: hex64(rd(248)),
    nzcv: hex64(rd(256)),
    q,
    scratch: out.subarray(264 + 512).toString('hex'),
  };
  return { name: c.name, words, result };
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'intgen-'));
  const only = process.argv[2];
  const all: StoredExpected[] = [];
  const names = new Set<string>();
  try {
    for (const c of CASES) {
      if (names.has(c.name)) throw new Error(`duplicate case name ${c.name}`);
      names.add(c.name);
      if (only !== undefined && !c.name.includes(only)) continue;
      const e = runCase(dir, c);
      all.push({ name: e.name, words: e.words, result: compactResult(c, e.result) });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const path = join(__dirname, 'int-expected.json');
  writeFileSync(path, JSON.stringify(all, null, 0).replace(/\},\{"name"/g, '},\n{"name"') + '\n');
  console.log(`wrote ${all.length} cases to ${path}`);
}

if (require.main === module) main();
