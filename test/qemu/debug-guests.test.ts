import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm run test:qemu`: the guest-side debug scenarios (S1-S20) on qemu-system-aarch64 itself. The committed ELF
 * must rebuild byte for byte from its sources, and QEMU must still print the committed transcript that
 * test/emulator/arm64/debug-guest.test.ts compares the emulator (bare profile) against, deviations included.
 */
const dir = join(__dirname, '../fixtures/debug');

describe('qemu: debug scenario guest (test/fixtures/debug)', function () {
  let tmp = '';
  before(function () {
    if (spawnSync('qemu-system-aarch64', ['--version']).status !== 0) {
      // CI installs QEMU (.ci/run): there a missing QEMU is a broken setup, not a reason to skip.
      if (process.env.CI) throw new Error('qemu-system-aarch64 not found');
      this.skip();
    }
    tmp = mkdtempSync(join(tmpdir(), 'stepvisor-dbg-'));
  });
  after(() => {
    if (tmp !== '') rmSync(tmp, { recursive: true, force: true });
  });

  it('debug.elf rebuilds byte for byte from start.S, debug.c and link.ld', () => {
    const cc = ['--target=aarch64-none-elf', '-O1', '-mgeneral-regs-only', '-ffreestanding', '-nostdlib', '-fno-ident', '-c'];
    execFileSync('clang', [...cc, join(dir, 'start.S'), '-o', join(tmp, 'start.o')]);
    execFileSync('clang', [...cc, join(dir, 'debug.c'), '-o', join(tmp, 'debug.o')]);
    execFileSync('ld.lld', ['--build-id=none', '-T', join(dir, 'link.ld'), '-o', join(tmp, 'debug.elf'), join(tmp, 'start.o'), join(tmp, 'debug.o')]);
    assert.ok(Buffer.compare(readFileSync(join(tmp, 'debug.elf')), readFileSync(join(dir, 'debug.elf'))) === 0);
  });

  it('QEMU prints the committed transcript (S1-S20 on -M virt -cpu max)', () => {
    const r = spawnSync('qemu-system-aarch64', ['-M', 'virt', '-cpu', 'max', '-nographic', '-kernel', join(dir, 'debug.elf')], { timeout: 60_000 });
    assert.equal(r.stdout.toString(), readFileSync(join(dir, 'debug.qemu.txt'), 'utf8'));
  });
});
