import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Tiny test guests written as assembly strings inside the tests. Their ELFs are committed under `dir`, named by
 * the SHA-256 of the source, so `npm test` needs no toolchain; with clang and ld.lld installed a changed or new
 * source is assembled (linked at 0x4008_0000) and its ELF written there, to be committed with the test.
 */
export function assembleGuest(source: string, dir: string): Uint8Array {
  const elf = join(dir, `${createHash('sha256').update(source).digest('hex').slice(0, 16)}.elf`);
  if (existsSync(elf)) return readFileSync(elf);
  const tmp = mkdtempSync(join(tmpdir(), 'stepvisor-guest-'));
  try {
    const s = join(tmp, 'g.S');
    writeFileSync(s, source);
    execFileSync('clang', ['--target=aarch64-none-elf', '-c', s, '-o', join(tmp, 'g.o')]);
    writeFileSync(join(tmp, 'g.ld'), 'ENTRY(_start) SECTIONS { . = 0x40080000; .text : { *(.text*) } }\n');
    execFileSync('ld.lld', ['--build-id=none', '-T', join(tmp, 'g.ld'), '-o', elf, join(tmp, 'g.o')]);
  } catch (e) {
    throw new Error(`guest ${elf} is not committed and cannot be assembled here (needs clang and ld.lld): ${String(e)}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return readFileSync(elf);
}
