import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import * as O from '../../../emulator/arm64/int-ops';
import { OP_INT_FIRST, OP_INT_LAST } from '../../../emulator/arm64/ops';
import { FAST_OP_LIST } from '../../../emulator/arm64/fast-ops';

/**
 * execute.ts and fast-run.ts label their cases with numeric literals (V8 only builds a jump table for
 * literal labels) and name the int-ops.ts constant in a comment; this keeps them from drifting apart, and
 * keeps FAST_OP_LIST (the ops execute hands to fastRun) equal to fastRun's cases.
 */
function caseLabels(file: string): Map<string, number> {
  const src = readFileSync(join(__dirname, '../../../emulator/arm64', file), 'utf8');
  const labels = new Map<string, number>();
  for (const m of src.matchAll(/case (\d+):(?: \{)?\s*\/\/ (OP_\w+)/g)) labels.set(m[2], Number(m[1]));
  return labels;
}

describe('arm64 integer op table', () => {
  const slow = caseLabels('execute.ts');
  const fast = caseLabels('fast-run.ts');

  it('every case label matches the named constant', () => {
    assert.ok(slow.size > 40 && fast.size > 80, `only ${slow.size} + ${fast.size} labelled cases found`);
    for (const labels of [slow, fast]) {
      for (const [name, n] of labels) assert.equal((O as Record<string, number>)[name], n, `${name} is labelled ${n}`);
    }
  });

  it('every integer op has a case and lies in the integer range', () => {
    for (const [name, v] of Object.entries(O)) {
      assert.ok(v >= OP_INT_FIRST && v <= OP_INT_LAST, `${name} = ${v} outside ${OP_INT_FIRST}..${OP_INT_LAST}`);
      assert.ok(slow.has(name) || fast.has(name), `${name} has no case in execute.ts or fast-run.ts`);
    }
    assert.equal(new Set(Object.values(O)).size, Object.keys(O).length, 'op numbers are unique');
  });

  it('fastRun handles exactly FAST_OP_LIST (plus the page-end marker)', () => {
    const fastOps = [...fast.values()].filter((op) => op !== O.OP_PAGE_END).sort((a, b) => a - b);
    assert.deepEqual(fastOps, [...FAST_OP_LIST].sort((a, b) => a - b));
  });

  it('execute keeps the complete path of every load/store fastRun only takes on a TLB hit', () => {
    const slowOps = new Set(slow.values());
    for (const op of FAST_OP_LIST) {
      if ((op >= O.OP_LDRX && op <= O.OP_STRB_R) || op === O.OP_LDP_X || op === O.OP_STP_X) assert.ok(slowOps.has(op), `op ${op} has no case in execute.ts`);
      else assert.ok(!slowOps.has(op), `op ${op} is handled in both files`);
    }
  });
});
