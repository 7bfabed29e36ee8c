/**
 * Oracle harness: runs generated single-instruction cases under qemu-aarch64 (user mode, -cpu max) and
 * records the architectural results. Each case sets V0-V3, X0-X3, FPCR, NZCV and a 64-byte memory block
 * (X4 points at it), executes one instruction word, and dumps V0-V3, X0-X4 (X4 relative to the block),
 * FPSR, NZCV and the memory block.
 *
 * Used only by gen.ts (which writes the JSON fixtures the tests read); the tests themselves never run QEMU.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface CaseIn {
  word: number;
  fpcr: number;
  nzcv: number;
  /** 4 x 16 bytes, hex, memory order (byte 0 first). */
  v: string[];
  /** 4 x 64-bit, hex. */
  x: string[];
  /** 64 bytes, hex, memory order. */
  mem: string;
}

export interface CaseOut {
  v: string[];
  x: string[];
  fpsr: number;
  nzcv: number;
  mem: string;
}

export interface Case extends CaseIn {
  out: CaseOut;
}

const IN_SIZE = 176;
const OUT_SIZE = 192;

function hexToBytes(h: string): Buffer {
  return Buffer.from(h, 'hex');
}

function le64(h: string): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt('0x' + h));
  return b;
}

function caseBlock(word: number): string {
  return `
  ldp q0, q1, [x20]
  ldp q2, q3, [x20, #32]
  ldp x0, x1, [x20, #64]
  ldp x2, x3, [x20, #80]
  ldr x5, [x20, #96]
  msr fpcr, x5
  ldp q16, q17, [x20, #112]
  ldp q18, q19, [x20, #144]
  stp q16, q17, [x22]
  stp q18, q19, [x22, #32]
  mov x4, x22
  ldr x5, [x20, #104]
  msr nzcv, x5
  msr fpsr, xzr
  str xzr, [x23]
  .inst 0x${(word >>> 0).toString(16).padStart(8, '0')}
  mrs x5, fpsr
  mrs x6, nzcv
  stp q0, q1, [x21]
  stp q2, q3, [x21, #32]
  stp x0, x1, [x21, #64]
  stp x2, x3, [x21, #80]
  sub x4, x4, x22
  stp x4, x5, [x21, #96]
  str x6, [x21, #112]
  ldr x6, [x23]
  str x6, [x21, #120]
  ldp q16, q17, [x22]
  ldp q18, q19, [x22, #32]
  stp q16, q17, [x21, #128]
  stp q18, q19, [x21, #160]
  add x20, x20, #${IN_SIZE}
  mov x0, #1
  mov x1, x21
  mov x2, #${OUT_SIZE}
  mov x8, #64
  svc #0
`;
}

/** Run the cases under QEMU; cases whose instruction kills the process are dropped (reported in `dropped`). */
export function runOnQemu(cases: CaseIn[]): { results: Case[]; dropped: CaseIn[] } {
  const results: Case[] = [];
  const dropped: CaseIn[] = [];
  let rest = cases;
  while (rest.length > 0) {
    const outs = runBatch(rest);
    for (let i = 0; i < outs.length; i++) {
      if (outs[i] === UNDEF) dropped.push(rest[i]);
      else results.push({ ...rest[i], out: outs[i] });
    }
    if (outs.length < rest.length) {
      dropped.push(rest[outs.length]);
      rest = rest.slice(outs.length + 1);
    } else rest = [];
  }
  return { results, dropped };
}

const UNDEF: CaseOut = { v: [], x: [], fpsr: -1, nzcv: -1, mem: '' };

function runBatch(cases: CaseIn[]): CaseOut[] {
  const dir = mkdtempSync(join(tmpdir(), 'fpsimd-oracle-'));
  const data: Buffer[] = [];
  let text = `
  .text
  .globl _start
_start:
  adrp x20, indata
  add x20, x20, :lo12:indata
  adrp x21, outbuf
  add x21, x21, :lo12:outbuf
  adrp x22, membuf
  add x22, x22, :lo12:membuf
  adrp x23, illflag
  add x23, x23, :lo12:illflag
  // SIGILL handler: skip the instruction and raise illflag.
  adrp x1, sigact
  add x1, x1, :lo12:sigact
  adr x2, on_sigill
  str x2, [x1]
  mov x2, #4 // SA_SIGINFO: the handler needs the ucontext
  str x2, [x1, #8]
  mov x0, #4
  mov x2, #0
  mov x3, #8
  mov x8, #134
  svc #0
  b cases
on_sigill:
  ldr x3, [x2, #440]
  add x3, x3, #4
  str x3, [x2, #440]
  adrp x4, illflag
  add x4, x4, :lo12:illflag
  mov x5, #1
  str x5, [x4]
  ret
cases:
`;
  for (const c of cases) {
    text += caseBlock(c.word);
    const b = Buffer.alloc(IN_SIZE);
    for (let i = 0; i < 4; i++) hexToBytes(c.v[i]).copy(b, 16 * i);
    for (let i = 0; i < 4; i++) le64(c.x[i]).copy(b, 64 + 8 * i);
    b.writeBigUInt64LE(BigInt(c.fpcr >>> 0), 96);
    b.writeBigUInt64LE(BigInt(c.nzcv >>> 0), 104);
    hexToBytes(c.mem).copy(b, 112);
    data.push(b);
  }
  text += `
  mov x0, #0
  mov x8, #93
  svc #0
  .data
  .balign 16
indata:
  .incbin "${join(dir, 'in.bin')}"
  .bss
  .balign 64
outbuf:
  .space ${OUT_SIZE}
  .balign 64
membuf:
  .space 128
illflag:
  .space 8
sigact:
  .space 32
`;
  writeFileSync(join(dir, 'in.bin'), Buffer.concat(data));
  writeFileSync(join(dir, 't.S'), text);
  execFileSync('clang', ['--target=aarch64-linux-gnu', '-march=armv8.5-a+fp16', '-nostdlib', '-static', '-fuse-ld=lld', '-O1', '-o', join(dir, 't'), join(dir, 't.S')]);
  let raw: Buffer;
  try {
    raw = execFileSync('qemu-aarch64', ['-cpu', 'max', join(dir, 't')], { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (e) {
    raw = (e as { stdout: Buffer }).stdout;
  }
  const n = Math.floor(raw.length / OUT_SIZE);
  const outs: CaseOut[] = [];
  for (let i = 0; i < n; i++) {
    const o = raw.subarray(i * OUT_SIZE, (i + 1) * OUT_SIZE);
    const v: string[] = [];
    for (let k = 0; k < 4; k++) v.push(o.subarray(16 * k, 16 * k + 16).toString('hex'));
    const x: string[] = [];
    for (let k = 0; k < 5; k++) x.push(o.readBigUInt64LE(64 + 8 * k).toString(16).padStart(16, '0'));
    if (o.readBigUInt64LE(120) !== 0n) {
      outs.push(UNDEF);
      continue;
    }
    outs.push({ v, x, fpsr: Number(o.readBigUInt64LE(104)), nzcv: Number(o.readBigUInt64LE(112)), mem: o.subarray(128, 192).toString('hex') });
  }
  return outs;
}

/** Read a fixture written by gen.ts (`<suite>.json.gz`; `path` names the .json). */
export function readCases(path: string): Case[] {
  return JSON.parse(gunzipSync(readFileSync(path + '.gz')).toString('utf8')) as Case[];
}
