/** Mocha glue: one test per oracle fixture, failing with the first mismatching cases. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Insn } from '../../../../emulator/arm64/insn';
import { decodeFpSimd } from '../../../../emulator/arm64/fpsimd';
import { readCases } from './harness';
import { describe1, replay } from './runner';

/**
 * Replay a fixture. `skip` lists encodings (masked with 0xffffffff by default) that are known not to be
 * implemented (reported as such); they must at least decode to UNDEFINED rather than do something wrong.
 */
export function fixtureTest(name: string, title: string, unimplemented?: (word: number) => boolean, maxUnimplemented = 0): void {
  it(`${title} matches qemu-aarch64 (${name}.json)`, () => {
    const all = readCases(join(__dirname, `${name}.json`));
    const insn = new Insn();
    const cases = all.filter((c) => {
      if (unimplemented === undefined || !unimplemented(c.word)) return true;
      decodeFpSimd(c.word, insn);
      assert.equal(insn.op, 0, `${(c.word >>> 0).toString(16)} is listed as unimplemented but decodes`);
      return false;
    });
    assert.ok(cases.length > 100, 'fixture should hold the generated cases');
    assert.ok(all.length - cases.length <= maxUnimplemented, `${all.length - cases.length} cases skipped as unimplemented (allowed ${maxUnimplemented})`);
    const failures: string[] = [];
    for (const c of cases) {
      const r = replay(c);
      if (r !== undefined) failures.push(`${describe1(c)}\n    ${r}`);
    }
    assert.equal(failures.length, 0, `${failures.length}/${cases.length} mismatches, first:\n${failures.slice(0, 5).join('\n')}`);
  });
}

/** Words QEMU rejected with SIGILL must decode to op 0 (UNDEFINED) here too. */
export function undefTest(name: string): void {
  it(`encodings qemu-aarch64 rejects decode as UNDEFINED (${name}.undef.json)`, () => {
    const words = JSON.parse(readFileSync(join(__dirname, `${name}.undef.json`), 'utf8')) as number[];
    const insn = new Insn();
    const accepted = words.filter((w) => {
      decodeFpSimd(w, insn);
      return insn.op !== 0;
    });
    assert.deepEqual(accepted.map((w) => (w >>> 0).toString(16)), []);
  });
}
