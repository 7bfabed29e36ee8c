/**
 * Differential test on generated instruction sequences: tens of thousands of 2-6 instruction sequences
 * over every A64 class compilers emit, batched into guests, run on qemu-system-aarch64 and on our
 * emulator, compared register by register.
 *
 * Knobs: STEPVISOR_GEN_SCALE (fraction of the default counts, default 1), STEPVISOR_GEN_SEED,
 * STEPVISOR_GEN_CLASSES (comma-separated class names), STEPVISOR_GEN_CACHE (ELF cache dir).
 */
import { strict as assert } from 'assert';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { CLASSES, DEFAULT_SEED, Sequence, generateClass } from './gen/classes';
import { Batch, buildBatch, defaultCacheDir, makeBatches } from './gen/guest';
import { Mismatch, compareBatch, formatMismatch, parseTranscript, summarizeKeys, summarizeOurFaults, summarizeSuspects } from './gen/compare';
import { haveQemu, mapLimit, runQemu } from './qemu';
import { loadOurRunner, runOurs } from './ours';

const SCALE = Number(process.env.STEPVISOR_GEN_SCALE ?? '1');
const SEED = Number(process.env.STEPVISOR_GEN_SEED ?? DEFAULT_SEED);
const ONLY = process.env.STEPVISOR_GEN_CLASSES?.split(',').filter((s) => s !== '');
const BATCH = 500;
const SHOW_PER_CLASS = 15;

const classes = CLASSES.filter((c) => ONLY === undefined || ONLY.includes(c.name));

interface ClassRun {
  batches: Batch[];
  elfs: string[];
  qemu: string[];
}

interface ClassTotals {
  sequences: number;
  passed: number;
  failed: number;
  missing: number;
}

describe('QEMU differential: generated instruction sequences', function () {
  const runs = new Map<string, ClassRun>();
  const totals = new Map<string, ClassTotals>();
  let setupError: string | undefined;

  before(async function () {
    if (!haveQemu()) {
      setupError = 'qemu-system-aarch64 not found';
      // CI installs QEMU (.ci/run): there a missing QEMU is a broken setup, not a reason to skip.
      if (process.env.CI) throw new Error(setupError);
      return;
    }
    const cache = defaultCacheDir();
    const jobs: { cls: string; batch: Batch }[] = [];
    for (const c of classes) {
      const seqs: Sequence[] = generateClass(c, SEED, SCALE);
      const batches = makeBatches(c.name, seqs, SEED, BATCH);
      runs.set(c.name, { batches, elfs: [], qemu: [] });
      for (const b of batches) jobs.push({ cls: c.name, batch: b });
    }
    const elfs = await mapLimit(jobs, 2, (j) => buildBatch(j.batch, SEED, cache));
    const outs = await mapLimit(elfs, 2, (e) => runQemu(e, 60_000));
    jobs.forEach((j, i) => {
      const run = runs.get(j.cls);
      if (run === undefined) return;
      run.elfs.push(elfs[i]);
      run.qemu.push(outs[i].exited ? outs[i].uart.toString('latin1') : `${outs[i].uart.toString('latin1')}\n(QEMU timed out)`);
    });
  });

  it('generates at least 20,000 sequences over all classes (at scale 1)', function () {
    if (setupError !== undefined) this.skip();
    const lines = [...runs.entries()].map(([name, r]) => `  ${name.padEnd(18)} ${r.batches.reduce((n, b) => n + b.seqs.length, 0)}`);
    const total = [...runs.values()].reduce((n, r) => n + r.batches.reduce((m, b) => m + b.seqs.length, 0), 0);
    console.log(`      sequences per class (seed ${SEED}, scale ${SCALE}):\n${lines.join('\n')}\n  total ${total}`);
    if (SCALE >= 1 && ONLY === undefined) assert.ok(total >= 20000, `only ${total} sequences`);
  });

  it('every generated guest runs to the end on QEMU without exceptions', function () {
    if (setupError !== undefined) this.skip();
    const problems: string[] = [];
    for (const [name, r] of runs) {
      r.batches.forEach((b, i) => {
        const t = parseTranscript(r.qemu[i]);
        if (!t.ended) problems.push(`${name} part ${b.part}: no "GEN end" (${r.elfs[i]})`);
        for (const [k, f] of t.results) {
          if (f.has('e')) problems.push(`${name} #${b.seqs[k].index}: exception ${f.get('e')} on QEMU:\n      ${b.seqs[k].lines.join('\n      ')}`);
        }
      });
    }
    assert.equal(problems.length, 0, `the generator produced code QEMU rejects:\n${problems.slice(0, 40).join('\n')}`);
  });

  for (const c of classes) {
    it(`${c.name}: our emulator matches QEMU`, function () {
      if (setupError !== undefined) this.skip();
      const loaded = loadOurRunner();
      const r = runs.get(c.name);
      assert.ok(r !== undefined);
      const all: Mismatch[] = [];
      let sequences = 0;
      const stops: string[] = [];
      r.batches.forEach((b, i) => {
        sequences += b.seqs.length;
        if (loaded.run === undefined) return;
        const elf = new Uint8Array(readFileSync(r.elfs[i]));
        const res = runOurs(loaded.run, elf, b.seqs.length * 200_000);
        const ours = Buffer.from(res.uart).toString('latin1');
        if (res.outcome !== 'system-off') stops.push(`part ${b.part}: ${res.outcome} after ${res.instructions} instructions: ${res.message.split('\n')[0]}`);
        all.push(...compareBatch(b, r.qemu[i], ours).mismatches);
      });
      if (loaded.run === undefined) {
        totals.set(c.name, { sequences, passed: 0, failed: 0, missing: sequences });
        assert.fail(loaded.error);
      }
      const missing = all.filter((m) => m.missing).length;
      const failed = all.length - missing;
      totals.set(c.name, { sequences, passed: sequences - all.length, failed, missing });
      if (all.length === 0 && stops.length === 0) return;
      const report = join(defaultCacheDir(), `mismatches-${c.name}.txt`);
      writeFileSync(report, all.map(formatMismatch).join('\n\n') + '\n');
      const shown = all.filter((m) => !m.missing).slice(0, SHOW_PER_CLASS).map(formatMismatch);
      assert.fail(
        `${c.name}: ${failed} of ${sequences} sequences differ, ${missing} without a result from our emulator\n` +
          (stops.length > 0 ? `  our guest stopped early: ${stops.join('; ')}\n` : '') +
          `  fields: ${summarizeKeys(all)}\n` +
          `  only our emulator took an exception on: ${summarizeOurFaults(all) || '-'}\n` +
          `  suspects (failing/containing sequences): ${summarizeSuspects(r.batches.flatMap((b) => b.seqs), all.filter((m) => !m.missing))}\n` +
          `  full list: ${report}\n\n${shown.join('\n\n')}`,
      );
    });
  }

  after(function () {
    if (totals.size === 0) return;
    const rows = [...totals.entries()].map(
      ([n, t]) => `  ${n.padEnd(18)} ${String(t.sequences).padStart(6)} ${String(t.passed).padStart(6)} ${String(t.failed).padStart(6)} ${String(t.missing).padStart(7)}`,
    );
    const sum = [...totals.values()].reduce((a, t) => ({ s: a.s + t.sequences, p: a.p + t.passed, f: a.f + t.failed, m: a.m + t.missing }), { s: 0, p: 0, f: 0, m: 0 });
    console.log(
      `\n  generated sequences, emulator vs QEMU:\n  ${'class'.padEnd(18)} ${'total'.padStart(6)} ${'pass'.padStart(6)} ${'fail'.padStart(6)} ${'no-run'.padStart(7)}\n${rows.join('\n')}\n` +
        `  ${'all'.padEnd(18)} ${String(sum.s).padStart(6)} ${String(sum.p).padStart(6)} ${String(sum.f).padStart(6)} ${String(sum.m).padStart(7)}\n`,
    );
  });
});
