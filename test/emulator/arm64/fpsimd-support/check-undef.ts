/** Development aid: words QEMU raised SIGILL for that the decoder accepts (over-acceptance). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Insn } from '../../../../emulator/arm64/insn';
import { decodeFpSimd } from '../../../../emulator/arm64/fpsimd';

const words = JSON.parse(readFileSync(join(__dirname, `${process.argv[2]}.undef.json`), 'utf8')) as number[];
const insn = new Insn();
let bad = 0;
for (const w of words) {
  decodeFpSimd(w, insn);
  if (insn.op !== 0) {
    bad++;
    if (bad < 40) console.log((w >>> 0).toString(16).padStart(8, '0'), insn.op);
  }
}
console.log(`${bad}/${words.length} accepted`);
