/** Ad-hoc: replay a fixture and print mismatches grouped by instruction class (development aid). */
import { join } from 'node:path';
import { readCases } from './harness';
import { replay, describe1 } from './runner';

const name = process.argv[2];
const cases = readCases(join(__dirname, `${name}.json`));
let bad = 0;
const byTop = new Map<string, number>();
for (const c of cases) {
  let r: string | undefined;
  try {
    r = replay(c);
  } catch (e) {
    r = 'threw ' + String(e);
  }
  if (r !== undefined) {
    bad++;
    const k = ((c.word >>> 0) & 0xffe0fc00).toString(16);
    byTop.set(k, (byTop.get(k) ?? 0) + 1);
    if (bad <= Number(process.argv[3] ?? 15)) console.log(describe1(c) + '\n   ' + r);
  }
}
console.log(`${cases.length - bad}/${cases.length} ok`);
console.log([...byTop.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([k, v]) => `${k}:${v}`).join(' '));
