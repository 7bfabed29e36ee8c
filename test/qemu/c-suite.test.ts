/**
 * Differential test on the committed C fixtures (test/fixtures/bin/*.elf): each runs under
 * qemu-system-aarch64 and under our emulator, and the UART transcripts must be identical.
 * The QEMU half also checks the fixtures themselves: every program powers off cleanly, and all builds
 * of one program (optimisation levels, -mgeneral-regs-only, GCC, LSE) print the same transcript.
 */
import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join, resolve } from 'path';
import { haveQemu, mapLimit, runQemu } from './qemu';
import { loadOurRunner, runOurs } from './ours';

const BIN = resolve(__dirname, '../fixtures/bin');
const elfs = readFileSync(join(BIN, 'MANIFEST'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => l.trim().split(/\s+/)[1]);
const programOf = (elf: string): string => elf.replace(/-O\d.*$/, '');

function firstDifference(a: string, b: string): string {
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return `line ${i + 1}:\n      qemu: ${JSON.stringify(la[i] ?? '(end)')}\n      ours: ${JSON.stringify(lb[i] ?? '(end)')}`;
  }
  return '(identical)';
}

describe('QEMU differential: C fixtures', function () {
  const qemu = new Map<string, string>();
  let skipReason: string | undefined;

  before(async function () {
    if (!haveQemu()) {
      skipReason = 'qemu-system-aarch64 not found';
      // CI installs QEMU (.ci/run): there a missing QEMU is a broken setup, not a reason to skip.
      if (process.env.CI) throw new Error(skipReason);
      return;
    }
    const outs = await mapLimit(elfs, 2, (e) => runQemu(join(BIN, e), 60_000));
    elfs.forEach((e, i) => qemu.set(e, outs[i].exited ? outs[i].uart.toString('latin1') : '(QEMU timed out)'));
  });

  describe('fixtures on QEMU', function () {
    for (const e of elfs) {
      it(`${e} powers off cleanly with a transcript`, function () {
        if (skipReason !== undefined) this.skip();
        const t = qemu.get(e) ?? '';
        assert.match(t, /^== \w+ ==\n/, `unexpected start: ${JSON.stringify(t.slice(0, 80))}`);
        assert.doesNotMatch(t, /^EXC |\[exit |QEMU timed out/m, t.slice(-300));
      });
    }
    for (const p of [...new Set(elfs.map(programOf))]) {
      it(`${p}: every build prints the same transcript`, function () {
        if (skipReason !== undefined) this.skip();
        const builds = elfs.filter((e) => programOf(e) === p);
        const ref = qemu.get(builds[0]) ?? '';
        for (const b of builds.slice(1)) assert.equal(qemu.get(b), ref, `${b} differs from ${builds[0]}: ${firstDifference(ref, qemu.get(b) ?? '')}`);
      });
    }
  });

  describe('our emulator vs QEMU', function () {
    for (const e of elfs) {
      it(`${e}`, function () {
        if (skipReason !== undefined) this.skip();
        const loaded = loadOurRunner();
        if (loaded.run === undefined) assert.fail(loaded.error);
        const res = runOurs(loaded.run, new Uint8Array(readFileSync(join(BIN, e))), 500_000_000);
        const ours = Buffer.from(res.uart).toString('latin1');
        const ref = qemu.get(e) ?? '';
        if (ours === ref && res.outcome === 'system-off') return;
        assert.fail(
          `${e}: transcripts differ at ${firstDifference(ref, ours)}\n    our outcome: ${res.outcome} after ${res.instructions} instructions` +
            (res.message !== '' ? `: ${res.message}` : ''),
        );
      });
    }
  });
});
