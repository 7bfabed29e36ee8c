/**
 * Parses the generated guests' transcripts and compares QEMU's against ours, sequence by sequence and
 * register by register, keeping enough context (sequence text, initial values) to debug a mismatch.
 */
import { Batch } from './guest';
import { initialText } from './state';

export type Fields = Map<string, string>;

export interface Transcript {
  results: Map<number, Fields>;
  /** Address of the scratch buffer in this guest (x24..x28 start at fixed offsets from it). */
  scratch: bigint;
  begun: boolean;
  ended: boolean;
}

export function parseTranscript(text: string): Transcript {
  const results = new Map<number, Fields>();
  let begun = false;
  let ended = false;
  let scratch = 0n;
  for (const line of text.split('\n')) {
    const sm = /^GEN scratch=([0-9a-f]+)$/.exec(line);
    if (sm) scratch = BigInt(`0x${sm[1]}`);
    if (line === 'GEN begin') begun = true;
    else if (line === 'GEN end') ended = true;
    const m = /^S(\d+)((?: \S+=\S+)*)$/.exec(line);
    if (!m) continue;
    const f: Fields = new Map();
    for (const tok of m[2].trim().split(' ')) {
      if (tok === '') continue;
      const eq = tok.indexOf('=');
      f.set(tok.slice(0, eq), tok.slice(eq + 1));
    }
    results.set(Number(m[1]), f);
  }
  return { results, begun, ended, scratch };
}

export interface FieldDiff {
  key: string;
  qemu: string;
  ours: string;
}

export interface Mismatch {
  cls: string;
  /** Index of the sequence within its class. */
  index: number;
  lines: string[];
  diffs: FieldDiff[];
  /** Our side produced no line for this sequence (the guest stopped earlier). */
  missing: boolean;
}

export interface BatchComparison {
  compared: number;
  mismatches: Mismatch[];
}

const KEY_ORDER = (k: string): string => {
  const m = /^([a-z]+)(\d+)$/.exec(k);
  return m ? `${m[1]}${m[2].padStart(3, '0')}` : k;
};

function describe(batch: Batch, i: number, key: string, value: string | undefined, scratch: bigint): string {
  if (value !== undefined) return value;
  const init = initialText(batch.states[i], key, scratch);
  if (key === 'e') return '(no exception)';
  if (key === 'far') return '-';
  if (key === 'm') return '(no checksum)';
  return init !== undefined ? `(unchanged ${init})` : '(unchanged)';
}

export function compareBatch(batch: Batch, qemuText: string, oursText: string): BatchComparison {
  const q = parseTranscript(qemuText);
  const o = parseTranscript(oursText);
  const mismatches: Mismatch[] = [];
  for (let i = 0; i < batch.seqs.length; i++) {
    const s = batch.seqs[i];
    const qf = q.results.get(i);
    const of = o.results.get(i);
    if (qf === undefined) continue; // reported by the QEMU sanity test
    if (of === undefined) {
      mismatches.push({ cls: s.cls, index: s.index, lines: s.lines, diffs: [], missing: true });
      continue;
    }
    const keys = [...new Set([...qf.keys(), ...of.keys()])].sort((a, b) => (KEY_ORDER(a) < KEY_ORDER(b) ? -1 : 1));
    const diffs: FieldDiff[] = [];
    for (const k of keys) {
      const a = qf.get(k);
      const b = of.get(k);
      if (a !== b) diffs.push({ key: k, qemu: describe(batch, i, k, a, q.scratch), ours: describe(batch, i, k, b, q.scratch) });
    }
    if (diffs.length > 0) mismatches.push({ cls: s.cls, index: s.index, lines: s.lines, diffs, missing: false });
  }
  return { compared: q.results.size, mismatches };
}

const FIELD_NAMES: Record<string, string> = {
  n: 'NZCV',
  fs: 'FPSR',
  fc: 'FPCR',
  tp: 'TPIDR_EL0',
  m: 'scratch checksum',
  e: 'exception ESR@offset',
  far: 'FAR',
};

/** Size of SEQ_ENTER in seq-macros.S: exception offsets are relative to the sequence function. */
const SEQ_ENTER_BYTES = 18 * 4;

/** The generated line an exception offset ("ESR@offset") points at, if it is inside the sequence. */
function faultingLine(m: Mismatch, value: string): string | undefined {
  const at = /@([0-9a-f]+)$/.exec(value);
  if (!at) return undefined;
  const k = (parseInt(at[1], 16) - SEQ_ENTER_BYTES) / 4;
  const insns = m.lines.filter((l) => !/^\d+:$/.test(l));
  return k >= 0 && k < insns.length ? insns[k] : undefined;
}

export function formatMismatch(m: Mismatch): string {
  const out = [`[${m.cls} #${m.index}]`];
  for (const l of m.lines) out.push(`      ${l}`);
  for (const d of m.diffs) {
    if (d.key !== 'e') continue;
    const fq = faultingLine(m, d.qemu);
    const fo = faultingLine(m, d.ours);
    if (fq !== undefined) out.push(`    QEMU took the exception at: ${fq}`);
    if (fo !== undefined) out.push(`    ours took the exception at: ${fo}`);
  }
  if (m.missing) out.push('    (no result from our emulator: the guest stopped before this sequence)');
  for (const d of m.diffs) {
    const name = FIELD_NAMES[d.key] ?? d.key;
    out.push(`    ${name.padEnd(10)} qemu=${d.qemu}  ours=${d.ours}`);
  }
  return out.join('\n');
}

/** Which registers/fields differ most often: a quick pointer to the broken instruction or flag. */
export function summarizeKeys(ms: readonly Mismatch[]): string {
  const counts = new Map<string, number>();
  for (const m of ms) for (const d of m.diffs) counts.set(d.key, (counts.get(d.key) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, n]) => `${FIELD_NAMES[k] ?? k}:${n}`).join(' ');
}

function mnemonics(lines: readonly string[]): Set<string> {
  const seen = new Set<string>();
  for (const l of lines) {
    const mn = /^([a-z0-9.]+)\s/.exec(l)?.[1];
    if (mn !== undefined) seen.add(mn.startsWith('b.') ? 'b.cond' : mn);
  }
  return seen;
}

/**
 * Mnemonics ranked by how often the sequences containing them fail (failing/containing): the
 * instructions that are always in a failing sequence are the suspects.
 */
export function summarizeSuspects(all: readonly { lines: string[] }[], failing: readonly Mismatch[]): string {
  const total = new Map<string, number>();
  for (const s of all) for (const mn of mnemonics(s.lines)) total.set(mn, (total.get(mn) ?? 0) + 1);
  const bad = new Map<string, number>();
  for (const m of failing) for (const mn of mnemonics(m.lines)) bad.set(mn, (bad.get(mn) ?? 0) + 1);
  return [...bad.entries()]
    .map(([mn, n]) => ({ mn, n, rate: n / (total.get(mn) ?? n) }))
    .sort((a, b) => b.rate - a.rate || b.n - a.n)
    .slice(0, 15)
    .map((x) => `${x.mn} ${x.n}/${total.get(x.mn) ?? x.n}`)
    .join(', ');
}

/** Instructions on which only our emulator took an exception (usually: not implemented), counted. */
export function summarizeOurFaults(ms: readonly Mismatch[]): string {
  const counts = new Map<string, number>();
  for (const m of ms) {
    const d = m.diffs.find((x) => x.key === 'e');
    if (d === undefined || d.qemu !== '(no exception)') continue;
    const line = faultingLine(m, d.ours);
    const mn = line === undefined ? '(outside the sequence)' : /^(\S+)/.exec(line)?.[1] ?? line;
    const key = `${mn} ESR=${d.ours.split('@')[0]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} x${n}`).join(', ');
}
