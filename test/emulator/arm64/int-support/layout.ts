/**
 * Shared layout of the QEMU-oracle integer tests: the snippet, scratch memory and initial state sit at the
 * same addresses in the static Linux ELF run under qemu-aarch64 and in the emulator's RAM.
 */
export const SNIPPET_BASE = 0x40001000;
export const SCRATCH_BASE = 0x40010000;
export const SCRATCH_SIZE = 4096;
export const STACK_TOP = 0x4001f000;

/** One test case: assembly lines (GNU syntax) plus initial register overrides. */
export interface IntCase {
  name: string;
  asm: string[];
  /** Initial Xn values (index 0..30); the rest come from defaultRegs(). */
  regs?: Record<number, bigint>;
  sp?: bigint;
  /** Initial NZCV in bits 31..28. */
  nzcv?: number;
  /** Initial Q registers (index 0..31) as 128-bit values. */
  q?: Record<number, bigint>;
}

/** The final state the oracle dumps: X0..X30, SP, NZCV, Q0..Q31 and the scratch page. */
export interface IntResult {
  x: string[]; // 31 hex values
  sp: string;
  nzcv: string;
  q: string[]; // 32 hex values
  scratch: string; // hex bytes
}

export interface IntExpected {
  name: string;
  words: number[];
  result: IntResult;
}

/**
 * How results are stored in int-expected.json: X, SP and NZCV in full; Q registers and scratch bytes only where
 * they differ from the initial state (keeps the file small; `expandResult` rebuilds the full dump).
 */
export interface StoredResult {
  x: string[];
  sp: string;
  nzcv: string;
  q: Record<string, string>;
  /** [byte offset, hex bytes] runs that differ from scratchPattern(). */
  scratch: [number, string][];
}

export function compactResult(c: IntCase, r: IntResult): StoredResult {
  const init = initialState(c);
  const q: Record<string, string> = {};
  r.q.forEach((v, i) => {
    if (v !== hex128(init.q[i])) q[String(i)] = v;
  });
  const pat = Buffer.from(scratchPattern()).toString('hex');
  const runs: [number, string][] = [];
  let i = 0;
  while (i < SCRATCH_SIZE) {
    if (r.scratch.slice(2 * i, 2 * i + 2) === pat.slice(2 * i, 2 * i + 2)) {
      i++;
      continue;
    }
    let j = i;
    while (j < SCRATCH_SIZE && r.scratch.slice(2 * j, 2 * j + 2) !== pat.slice(2 * j, 2 * j + 2)) j++;
    runs.push([i, r.scratch.slice(2 * i, 2 * j)]);
    i = j;
  }
  return { x: r.x, sp: r.sp, nzcv: r.nzcv, q, scratch: runs };
}

export function expandResult(c: IntCase, s: StoredResult): IntResult {
  const init = initialState(c);
  const q = init.q.map((v, i) => s.q[String(i)] ?? hex128(v));
  const bytes = Buffer.from(scratchPattern());
  for (const [off, hex] of s.scratch) Buffer.from(hex, 'hex').copy(bytes, off);
  return { x: s.x, sp: s.sp, nzcv: s.nzcv, q, scratch: bytes.toString('hex') };
}

/** A case as stored in int-expected.json. */
export interface StoredExpected {
  name: string;
  words: number[];
  result: StoredResult;
}

const M64 = (1n << 64n) - 1n;

/** Deterministic, edge-heavy default register values. */
export function defaultRegs(): bigint[] {
  const edges = [
    0n, 1n, M64, 0x7fffffffffffffffn, 0x8000000000000000n, 0xffffffffn, 0x80000000n, 0x7fffffffn,
    0x100000000n, 0xfffffffffffffffen, 0x123456789abcdef0n, 0xfedcba9876543210n,
  ];
  const out: bigint[] = [];
  let s = 0x9e3779b97f4a7c15n;
  for (let i = 0; i < 31; i++) {
    if (i < edges.length) out.push(edges[i]);
    else {
      s = (s * 6364136223846793005n + 1442695040888963407n) & M64;
      out.push(s ^ (s >> 29n));
    }
  }
  return out;
}

export function defaultQ(i: number): bigint {
  let v = 0n;
  for (let b = 0; b < 16; b++) v |= BigInt((i * 16 + b * 7 + 3) & 0xff) << BigInt(8 * b);
  return v;
}

export function scratchPattern(): Uint8Array {
  const m = new Uint8Array(SCRATCH_SIZE);
  for (let i = 0; i < SCRATCH_SIZE; i++) m[i] = (i * 37 + 11) & 0xff;
  return m;
}

export function initialState(c: IntCase): { x: bigint[]; sp: bigint; nzcv: number; q: bigint[] } {
  const x = defaultRegs();
  for (const [k, v] of Object.entries(c.regs ?? {})) x[Number(k)] = BigInt.asUintN(64, v);
  const q: bigint[] = [];
  for (let i = 0; i < 32; i++) q.push(c.q?.[i] ?? defaultQ(i));
  return { x, sp: c.sp ?? BigInt(STACK_TOP), nzcv: c.nzcv ?? 0, q };
}

export function hex64(v: bigint): string {
  return '0x' + BigInt.asUintN(64, v).toString(16).padStart(16, '0');
}
export function hex128(v: bigint): string {
  return '0x' + BigInt.asUintN(128, v).toString(16).padStart(32, '0');
}
