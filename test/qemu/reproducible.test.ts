import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every committed guest ELF is rebuilt from its sources by its script and must come out byte for byte the
 * same, so `npm test` can rely on the committed binaries while the sources stay the truth.
 * (test/fixtures/build.sh has its own --verify mode, which builds twice in other directories.)
 */
const ROOT = join(__dirname, '..', '..');

const SETS: { script: string; elfs: string[] }[] = [
  { script: 'test/emulator/arm64/system-guests/build.sh', elfs: ['test/emulator/arm64/system-guests/mmu.elf', 'test/emulator/arm64/system-guests/traps.elf'] },
  { script: 'bench/guests/build.sh', elfs: ['bench/guests/intloop.elf', 'bench/guests/matmul.elf'] },
  { script: 'examples/hello/build.sh', elfs: ['examples/hello/hello.elf'] },
  { script: 'examples/debug-hardware/build.sh', elfs: ['examples/debug-hardware/sensors.elf', 'examples/debug-hardware/selfdebug.elf'] },
  {
    script: 'test/adapter/fixtures/build.sh',
    elfs: ['dbg-v5.elf', 'dbg-v4.elf', 'dbg-gcc.elf', 'x86.elf'].map((f) => `test/adapter/fixtures/${f}`),
  },
];

const sha = (file: string): string => createHash('sha256').update(readFileSync(join(ROOT, file))).digest('hex');

describe('committed guest ELFs rebuild byte for byte', function () {
  this.timeout(600_000);

  it('test/fixtures/build.sh --verify (74 fixture ELFs, built twice elsewhere)', () => {
    execFileSync('bash', [join(ROOT, 'test/fixtures/build.sh'), '--verify'], { cwd: ROOT, stdio: 'pipe' });
  });

  for (const set of SETS) {
    it(set.script, () => {
      const before = new Map(set.elfs.map((f) => [f, readFileSync(join(ROOT, f))]));
      try {
        execFileSync('bash', [join(ROOT, set.script)], { cwd: ROOT, stdio: 'pipe' });
        for (const f of set.elfs) {
          assert.equal(sha(f), createHash('sha256').update(before.get(f)!).digest('hex'), `${f} differs after rebuild`);
          // The checkout's location must not leak into the binary (DWARF paths are mapped to /stepvisor/...).
          assert.ok(!readFileSync(join(ROOT, f)).includes(Buffer.from(ROOT)), `${f} embeds the checkout path ${ROOT}`);
        }
      } finally {
        for (const [f, bytes] of before) writeFileSync(join(ROOT, f), bytes);
      }
    });
  }
});
