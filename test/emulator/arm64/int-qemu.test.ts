import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { CASES } from './int-support/cases';
import { IntResult, StoredExpected, expandResult } from './int-support/layout';
import { runOnEmulator } from './int-support/run-emu';

/** Differences between two dumps, named register by register (scratch memory by first differing byte). */
function diff(got: IntResult, want: IntResult): string[] {
  const out: string[] = [];
  want.x.forEach((v, i) => {
    if (got.x[i] !== v) out.push(`x${i}: got ${got.x[i]} want ${v}`);
  });
  if (got.sp !== want.sp) out.push(`sp: got ${got.sp} want ${want.sp}`);
  if (got.nzcv !== want.nzcv) out.push(`nzcv: got ${got.nzcv} want ${want.nzcv}`);
  want.q.forEach((v, i) => {
    if (got.q[i] !== v) out.push(`q${i}: got ${got.q[i]} want ${v}`);
  });
  if (got.scratch !== want.scratch) {
    let k = 0;
    while (got.scratch[k] === want.scratch[k]) k++;
    const b = k >> 1;
    out.push(`scratch+0x${b.toString(16)}: got ${got.scratch.slice(2 * b, 2 * b + 16)} want ${want.scratch.slice(2 * b, 2 * b + 16)}`);
  }
  return out;
}

describe('arm64 integer core vs qemu-aarch64 (recorded)', () => {
  const expected: StoredExpected[] = JSON.parse(readFileSync(join(__dirname, 'int-support', 'int-expected.json'), 'utf8'));
  const byName = new Map(CASES.map((c) => [c.name, c]));

  it('records a result for every case', () => {
    assert.equal(expected.length, CASES.length);
  });

  for (const e of expected) {
    it(e.name, () => {
      const c = byName.get(e.name);
      assert.ok(c, `case ${e.name} missing from cases.ts`);
      const got = runOnEmulator(c, e.words);
      assert.deepEqual(diff(got, expandResult(c, e.result)), []);
    });
  }
});
