/**
 * Turns a batch of generated sequences into a bare-metal guest ELF (cached by content hash): the
 * sequences as assembly, their initial states as a binary table, the fixture runtime and driver.c.
 */
import { execFile } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { Prng } from './prng';
import { Sequence } from './classes';
import { ENTRY_SIZE, InitState, SCRATCH_SIZE, encodeState, randomState } from './state';

const HERE = __dirname;
const RUNTIME = resolve(HERE, '../../fixtures/runtime');

export const GUEST_ASM_FLAGS = ['--target=aarch64-none-elf', '-march=armv8.4-a+crc+lse+rcpc+fp16'];
const C_FLAGS = ['--target=aarch64-none-elf', '-march=armv8-a', '-O2', '-ffreestanding', '-nostdlib', '-mgeneral-regs-only', `-I${RUNTIME}`];

export interface Batch {
  cls: string;
  /** Batch number within the class. */
  part: number;
  seqs: Sequence[];
  states: InitState[];
}

export function defaultCacheDir(): string {
  return process.env.STEPVISOR_GEN_CACHE ?? join(tmpdir(), 'stepvisor-qemu-gen');
}

/** Initial states are drawn from their own stream so that changing one class's code leaves others' states alone. */
export function makeBatches(cls: string, seqs: Sequence[], seed: number, batchSize: number): Batch[] {
  const r = new Prng((seed * 31 + seqs.length) ^ 0x51a7e);
  const out: Batch[] = [];
  for (let i = 0; i < seqs.length; i += batchSize) {
    const part = seqs.slice(i, i + batchSize);
    out.push({ cls, part: out.length, seqs: part, states: part.map((s) => randomState(r, s.memory)) });
  }
  return out;
}

export function batchAsm(b: Batch, litSeed: number): string {
  const lines: string[] = [];
  lines.push(readFileSync(join(HERE, 'seq-macros.S'), 'utf8'));
  lines.push('    .text', '    .balign 16', 'gen_lits:');
  const r = new Prng(litSeed);
  for (let i = 0; i < 64; i++) lines.push(`    .word 0x${r.u32().toString(16)}`);
  b.seqs.forEach((s, i) => {
    lines.push(`// ${s.cls} #${s.index}`, `    .balign 4`, `gen_seq_${i}:`, `    SEQ_ENTER .Lgen_end_${i}`);
    for (const l of s.lines) lines.push(/^\d+:$/.test(l) ? l : `    ${l}`);
    lines.push(`.Lgen_end_${i}:`, '    SEQ_EXIT');
  });
  lines.push('    .section .rodata', '    .balign 8', '    .global gen_seqs', 'gen_seqs:');
  b.seqs.forEach((_s, i) => lines.push(`    .quad gen_seq_${i}`));
  lines.push('    .global gen_nseq', `gen_nseq: .quad ${b.seqs.length}`);
  return lines.join('\n') + '\n';
}

export function batchInitTable(b: Batch): Uint8Array {
  const out = new Uint8Array(b.states.length * ENTRY_SIZE);
  b.states.forEach((s, i) => encodeState(s, out, i * ENTRY_SIZE));
  return out;
}

export function scratchPattern(seed: number): Uint8Array {
  const r = new Prng(seed ^ 0x5c7a7c4);
  const out = new Uint8Array(SCRATCH_SIZE);
  for (let i = 0; i < out.length; i += 4) {
    const w = r.u32();
    out[i] = w & 255;
    out[i + 1] = (w >>> 8) & 255;
    out[i + 2] = (w >>> 16) & 255;
    out[i + 3] = w >>> 24;
  }
  return out;
}

function run(cmd: string, args: string[], cwd: string): Promise<void> {
  return new Promise((res, rej) => {
    execFile(cmd, args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (err, _stdout, stderr) => {
      if (err) rej(new Error(`${cmd} ${args.join(' ')} failed:\n${stderr}`));
      else res();
    });
  });
}

/**
 * Builds (or finds in the cache) the ELF for a batch. Returns its path. Assembler errors name the
 * generated line, which is kept in the work dir for inspection.
 */
export async function buildBatch(b: Batch, seed: number, cacheDir = defaultCacheDir()): Promise<string> {
  mkdirSync(cacheDir, { recursive: true });
  const asm = batchAsm(b, seed ^ b.part);
  const init = batchInitTable(b);
  const scratch = scratchPattern(seed);
  const h = createHash('sha256');
  for (const f of ['crt0.S', 'support.c', 'support.h', 'link.ld']) h.update(readFileSync(join(RUNTIME, f)));
  for (const f of ['driver.c', 'seq-support.S']) h.update(readFileSync(join(HERE, f)));
  h.update(asm).update(init).update(scratch).update(GUEST_ASM_FLAGS.join(' ')).update(C_FLAGS.join(' '));
  const key = h.digest('hex').slice(0, 24);
  const elf = join(cacheDir, `${b.cls}-${b.part}-${key}.elf`);
  if (existsSync(elf)) return elf;
  const work = join(cacheDir, `work-${b.cls}-${b.part}-${key}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, 'init.bin'), init);
  writeFileSync(join(work, 'scratch.bin'), scratch);
  const tables = [
    '    .section .rodata',
    '    .balign 16',
    '    .global gen_init',
    'gen_init:',
    `    .incbin "${join(work, 'init.bin')}"`,
    '    .balign 16',
    '    .global gen_scratch_init',
    'gen_scratch_init:',
    `    .incbin "${join(work, 'scratch.bin')}"`,
  ].join('\n');
  writeFileSync(join(work, 'seqs.S'), asm + tables + '\n');
  await Promise.all([
    run('clang', [...GUEST_ASM_FLAGS, '-c', 'seqs.S', '-o', 'seqs.o'], work),
    run('clang', [...GUEST_ASM_FLAGS, '-c', join(HERE, 'seq-support.S'), '-o', 'seq-support.o'], work),
    run('clang', [...C_FLAGS, '-c', join(RUNTIME, 'crt0.S'), '-o', 'crt0.o'], work),
    run('clang', [...C_FLAGS, '-c', join(RUNTIME, 'support.c'), '-o', 'support.o'], work),
    run('clang', [...C_FLAGS, '-c', join(HERE, 'driver.c'), '-o', 'driver.o'], work),
  ]);
  await run('ld.lld', ['--build-id=none', '-T', join(RUNTIME, 'link.ld'), 'crt0.o', 'support.o', 'driver.o', 'seq-support.o', 'seqs.o', '-o', 'out.elf'], work);
  renameSync(join(work, 'out.elf'), elf);
  rmSync(work, { recursive: true, force: true });
  return elf;
}
