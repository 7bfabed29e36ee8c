import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import * as O from '../../../emulator/arm64/int-ops';
import { OP_INT_FIRST, OP_INT_LAST } from '../../../emulator/arm64/ops';

/**
 * execute.ts labels its cases with numeric literals (V8 only builds a jump table for literal labels) and
 * names the int-ops.ts constant in a comment; this keeps the two from drifting apart.
 */
describe('arm64 integer op table', () => {
  const src = readFileSync(join(__dirname, '../../../emulator/arm64/execute.ts'), 'utf8');
  const labels = new Map<string, number>();
  for (const m of src.matchAll(/case (\d+):(?: \{)?\s*\/\/ (OP_\w+)/g)) labels.set(m[2], Number(m[1]));

  it('every case label matches the named constant', () => {
    assert.ok(labels.size > 100, `only ${labels.size} labelled cases found`);
    for (const [name, n] of labels) assert.equal((O as Record<string, number>)[name], n, `${name} is labelled ${n}`);
  });

  it('every integer op has a case and lies in the integer range', () => {
    for (const [name, v] of Object.entries(O)) {
      assert.ok(v >= OP_INT_FIRST && v <= OP_INT_LAST, `${name} = ${v} outside ${OP_INT_FIRST}..${OP_INT_LAST}`);
      assert.ok(labels.has(name), `${name} has no case in execute.ts`);
    }
    assert.equal(new Set(Object.values(O)).size, Object.keys(O).length, 'op numbers are unique');
  });
});
