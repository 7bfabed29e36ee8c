/**
 * Robustness: random 32-bit words executed by our emulator, each in a fresh tiny guest with the word
 * patched in: random-words-template.S (MMU off, bare vectors) and random-words-mmu.S (on the fixture
 * runtime: MMU on, Normal RAM, the runtime's reporting vectors). Whatever the word means, the outcome must be
 * architectural (an exception taken through the vectors, normal execution, a halt or a budget stop),
 * never a host exception and never the headless runner's 'error'.
 */
import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import { mkdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { Prng } from './gen/prng';
import { defaultCacheDir } from './gen/guest';
import { loadOurRunner, runOurs } from './ours';

const COUNT = Number(process.env.STEPVISOR_RANDOM_WORDS ?? '6000');
const SEED = 0x0badc0de;

/** Finds the file offset of symbol `slot` in the linked template. */
function slotOffset(elf: Uint8Array, slotAddr: number): number {
  const dv = new DataView(elf.buffer, elf.byteOffset, elf.byteLength);
  const phoff = Number(dv.getBigUint64(32, true));
  const phentsize = dv.getUint16(54, true);
  const phnum = dv.getUint16(56, true);
  for (let i = 0; i < phnum; i++) {
    const p = phoff + i * phentsize;
    if (dv.getUint32(p, true) !== 1) continue;
    const off = Number(dv.getBigUint64(p + 8, true));
    const vaddr = Number(dv.getBigUint64(p + 16, true));
    const filesz = Number(dv.getBigUint64(p + 32, true));
    if (slotAddr >= vaddr && slotAddr + 4 <= vaddr + filesz) return off + (slotAddr - vaddr);
  }
  throw new Error('slot not in a loadable segment');
}

type TemplateKind = 'bare' | 'mmu';

function buildTemplate(kind: TemplateKind = 'bare'): { elf: Uint8Array; offset: number } {
  const dir = join(defaultCacheDir(), 'random-words');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `template-${kind}.elf`);
  const runtime = resolve(__dirname, '../fixtures/runtime');
  const sources = kind === 'bare'
    ? [join(__dirname, 'random-words-template.S')]
    : [join(runtime, 'crt0.S'), join(runtime, 'support.c'), join(__dirname, 'random-words-mmu.S')];
  execFileSync('clang', ['--target=aarch64-none-elf', '-march=armv8-a', '-O2', '-ffreestanding', '-nostdlib',
    `-I${runtime}`, '-fuse-ld=lld', '-Wl,--build-id=none', '-T', join(runtime, 'link.ld'), ...sources, '-o', out]);
  const nm = execFileSync('llvm-nm', [out], { encoding: 'utf8' });
  const m = /^([0-9a-f]+) T slot$/m.exec(nm);
  if (!m) throw new Error('no slot symbol in the template');
  const elf = new Uint8Array(readFileSync(out));
  return { elf, offset: slotOffset(elf, parseInt(m[1], 16)) };
}

/** Words biased towards allocated encoding space, plus fully random ones. */
function words(n: number, seed: number): number[] {
  const r = new Prng(seed);
  const out: number[] = [];
  // op0 (bits 28:25) groups: data processing imm (100x), branches/system (101x), loads/stores (x1x0),
  // data processing reg (x101), SIMD&FP (x111).
  const groups = [0x10000000, 0x12000000, 0x14000000, 0x16000000, 0x08000000, 0x0a000000, 0x0c000000, 0x0e000000, 0x1a000000, 0x1e000000];
  for (let i = 0; i < n; i++) {
    const w = r.u32();
    if (i % 3 === 0) out.push(w);
    else out.push(((w & ~0x1e000000) | r.pick(groups)) >>> 0);
  }
  return out;
}

describe('robustness: random instruction words on our emulator', function () {
  for (const kind of ['bare', 'mmu'] as const) {
    it(`the ${kind} template really executes the patched word`, function () {
      const loaded = loadOurRunner();
      if (loaded.run === undefined) assert.fail(loaded.error);
      const run = loaded.run;
      const t = buildTemplate(kind);
      const elf = new Uint8Array(t.elf);
      const exec = (w: number): { outcome: string; uart: string } => {
        new DataView(elf.buffer).setUint32(t.offset, w, true);
        const res = runOurs(run, elf, 50_000);
        return { outcome: res.outcome, uart: Buffer.from(res.uart).toString('latin1') };
      };
      assert.equal(exec(0xd503201f).outcome, 'system-off', 'nop falls through to the PSCI call');
      assert.equal(exec(0x14000000).outcome, 'budget', 'b . spins until the budget');
      assert.equal(exec(0xd503207f).outcome, 'halt', 'wfi with nothing to wake it');
      const udf = exec(0x00000000);
      assert.equal(udf.outcome, 'system-off', 'udf goes through the vectors, which power off');
      if (kind === 'mmu') assert.match(udf.uart, /^EXC vec=4 esr=0x0000000002000000 elr=0x[0-9a-f]{16} far=0x0{16}\n$/);
    });
  }

  for (const kind of ['bare', 'mmu'] as const) {
    it(`${COUNT} random words never cause a host error (${kind === 'bare' ? 'MMU off' : 'MMU on, fixture runtime'})`, function () {
      const loaded = loadOurRunner();
      if (loaded.run === undefined) assert.fail(loaded.error);
      const t = buildTemplate(kind);
      const failures: string[] = [];
      const outcomes = new Map<string, number>();
      const elf = new Uint8Array(t.elf);
      for (const w of words(COUNT, kind === 'bare' ? SEED : SEED + 1)) {
        new DataView(elf.buffer).setUint32(t.offset, w, true);
        const res = runOurs(loaded.run, elf, 50_000);
        outcomes.set(res.outcome, (outcomes.get(res.outcome) ?? 0) + 1);
        if (res.hostError !== undefined || res.outcome === 'error') failures.push(`${describeWord(w)}: ${res.message.split('\n').slice(0, 3).join(' | ')}`);
      }
      console.log(`      outcomes: ${[...outcomes.entries()].map(([k, v]) => `${k}=${v}`).join(' ')}`);
      assert.equal(failures.length, 0, `${failures.length} words caused a host error:\n${failures.slice(0, 50).join('\n')}`);
    });
  }
});

function describeWord(w: number): string {
  const hex = `0x${w.toString(16).padStart(8, '0')}`;
  const bytes = [w & 255, (w >>> 8) & 255, (w >>> 16) & 255, w >>> 24].map((b) => `0x${b.toString(16).padStart(2, '0')}`).join(' ');
  try {
    const dis = execFileSync('llvm-mc', ['--disassemble', '-triple=aarch64', '-mattr=+v8.5a,+lse,+fp-armv8,+neon,+crc,+rcpc,+fullfp16'], {
      input: `${bytes}\n`,
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return `${hex} ${dis.split('\n').filter((l) => l.trim() !== '' && !l.includes('.text')).join(' ').trim()}`;
  } catch {
    return `${hex} (llvm-mc: invalid)`;
  }
}
