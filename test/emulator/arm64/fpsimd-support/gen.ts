/**
 * Generates the FP/AdvSIMD oracle fixtures: random instruction words from encoding templates, interesting
 * operand values, run under qemu-aarch64 by harness.ts. Usage (from the repository root):
 *   npx tsx test/emulator/arm64/fpsimd-support/gen.ts [suite...]
 * writes test/emulator/arm64/fpsimd-support/<suite>.json.gz (QEMU's results) and <suite>.undef.json
 * (the words QEMU rejected with SIGILL). The PRNG is seeded, so reruns are reproducible.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CaseIn, runOnQemu } from './harness';
import { SUITES } from './templates';

const only = process.argv.slice(2);
for (const [name, make] of Object.entries(SUITES)) {
  if (only.length > 0 && !only.includes(name)) continue;
  const cases: CaseIn[] = make();
  const { results, dropped } = runOnQemu(cases);
  writeFileSync(join(__dirname, `${name}.json.gz`), gzipSync(JSON.stringify(results), { level: 9 }));
  writeFileSync(join(__dirname, `${name}.undef.json`), JSON.stringify(dropped.map((d) => d.word)));
  console.log(`${name}: ${results.length} cases, ${dropped.length} dropped${dropped.length ? ' e.g. ' + dropped.slice(0, 5).map((d) => (d.word >>> 0).toString(16)).join(' ') : ''}`);
}
