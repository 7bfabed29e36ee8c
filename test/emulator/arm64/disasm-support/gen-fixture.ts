/**
 * Regenerates disasm-fixture.json, the llvm-objdump 14 oracle for the A64 disassembler tests.
 *
 *   cd /work/main && npx tsx test/emulator/arm64/disasm-support/gen-fixture.ts
 *
 * Sets (a word appears only in the first set that produced it):
 *   corpus   - corpus.s assembled with llvm-mc
 *   compiled - c/*.c built by clang 14 (-O0/-O2/-O3, with and without -mgeneral-regs-only, plus
 *              -march=armv8.1-a for LSE atomics) and gcc 12 (-O0/-O2/-O3)
 *   random   - uniformly random 32-bit words (fixed seed)
 *   mutated  - corpus and compiled words with 1-3 random bits flipped: dense coverage of the
 *              allocated space near real instructions (aliases, reserved fields, unallocated holes)
 * llvm-objdump gets the same --mattr as llvm-mc so LSE/CRC/FP/AdvSIMD decode.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const MATTR = "+v8a,+lse,+crc,+fp-armv8,+neon";
const here = __dirname;
const work = mkdtempSync(join(tmpdir(), "disasm-fixture-"));

type Entry = [address: number, word: number, text: string];

function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "pipe"] });
}

/** Parses `llvm-objdump -d` output into (address, word, text) with the `<sym+off>` annotation dropped. */
function objdump(obj: string): Entry[] {
  const out = run("llvm-objdump", ["-d", `--mattr=${MATTR}`, obj]);
  const entries: Entry[] = [];
  for (const line of out.split("\n")) {
    const m = /^\s*([0-9a-f]+):\s+([0-9a-f]{2}) ([0-9a-f]{2}) ([0-9a-f]{2}) ([0-9a-f]{2})\s+\t(.*)$/.exec(line);
    if (!m) continue;
    const word = parseInt(m[5] + m[4] + m[3] + m[2], 16);
    const text = m[6].replace(/\s+<[^>]*>$/, "").replace("\t", " ").trimEnd();
    entries.push([parseInt(m[1], 16), word, text]);
  }
  return entries;
}

function assemble(src: string, name: string): string {
  const obj = join(work, `${name}.o`);
  run("llvm-mc", ["-triple=aarch64", `-mattr=${MATTR}`, "-filetype=obj", src, "-o", obj]);
  return obj;
}

function compiled(): Entry[] {
  const cdir = join(here, "c");
  const all: Entry[] = [];
  const variants: [string, string[]][] = [];
  for (const o of ["-O0", "-O2", "-O3"]) {
    variants.push(["clang", [o]]);
    variants.push(["clang", [o, "-mgeneral-regs-only"]]);
    variants.push(["aarch64-linux-gnu-gcc", [o]]);
  }
  variants.push(["clang", ["-O2", "-march=armv8.1-a"]]);
  variants.push(["clang", ["-Os"]]);
  let n = 0;
  for (const file of readdirSync(cdir).filter((f) => f.endsWith(".c")).sort()) {
    for (const [cc, flags] of variants) {
      const obj = join(work, `c${n++}.o`);
      const target = cc === "clang" ? ["--target=aarch64-none-elf"] : [];
      try {
        run(cc, [...target, "-ffreestanding", "-nostdlib", "-fno-stack-protector", ...flags, "-c", join(cdir, file), "-o", obj]);
      } catch {
        continue; // e.g. floating point under -mgeneral-regs-only
      }
      all.push(...objdump(obj));
    }
  }
  return all;
}

let seed = 0x2545f491;
function rnd(): number {
  seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
  return seed >>> 0;
}

function wordsObject(words: number[], name: string): Entry[] {
  const src = join(work, `${name}.s`);
  writeFileSync(src, words.map((w) => `.inst 0x${(w >>> 0).toString(16).padStart(8, "0")}`).join("\n") + "\n");
  return objdump(assemble(src, name));
}

function randomWords(count: number): Entry[] {
  const words: number[] = [];
  for (let i = 0; i < count; i++) words.push(rnd());
  return wordsObject(words, "random");
}

function mutated(sources: Entry[], perWord: number): Entry[] {
  const words: number[] = [];
  for (const [, w] of sources) {
    for (let i = 0; i < perWord; i++) {
      let m = w;
      const flips = 1 + (rnd() % 3);
      for (let f = 0; f < flips; f++) m ^= 1 << (rnd() % 32);
      words.push(m >>> 0);
    }
  }
  return wordsObject(words, "mutated");
}

const seen = new Set<number>();
function unique(entries: Entry[]): Entry[] {
  const out: Entry[] = [];
  for (const e of entries) {
    if (seen.has(e[1])) continue;
    seen.add(e[1]);
    out.push(e);
  }
  return out;
}

const corpus = unique(objdump(assemble(join(here, "corpus.s"), "corpus")));
const compiledSet = unique(compiled());
const random = unique(randomWords(Number(process.env.RANDOM_WORDS ?? 2000)));
// Compiled code repeats a few shapes; sample it so the mutants stay varied and the fixture small.
const compiledSample = compiledSet.filter((_, i) => i % 4 === 0);
const sets = {
  corpus,
  compiled: compiledSet,
  random,
  mutated: unique(mutated([...corpus, ...compiledSample], 1)),
};
const json = JSON.stringify({ oracle: "llvm-objdump 14 -d --mattr=" + MATTR, sets }, null, 0)
  .replace(/\],\[/g, "],\n[");
writeFileSync(join(here, "disasm-fixture.json"), json + "\n");
for (const [k, v] of Object.entries(sets)) console.log(`${k}: ${v.length}`);
console.log(`bytes: ${readFileSync(join(here, "disasm-fixture.json")).length}`);
