import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { buildElf, words } from '../support/elf-builder';
import { A64 } from '../support/a64';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'stepvisor.js');

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'latin1', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('stepvisor CLI (bin/stepvisor.js run)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'stepvisor-cli-'));
  const elf = (name: string, code: number[]): string => {
    const p = join(tmp, name);
    writeFileSync(p, buildElf({ entry: 0x4008_0000n, segments: [{ paddr: 0x4008_0000n, data: words(...code) }] }));
    return p;
  };

  before(function () {
    this.timeout(120_000);
    if (!existsSync(join(ROOT, 'dist', 'cli.js'))) spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  });

  it('runs the bundled example: UART bytes on stdout, status 0 on SYSTEM_OFF', () => {
    const r = cli('run', 'examples/hello/hello.elf');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(
      r.stdout,
      'Hello from an emulated arm64 guest at EL1\ndebug hardware: 6 breakpoints (2 context-aware), 4 watchpoints\ncrc32("123456789") = 0xcbf43926\n',
    );
    assert.equal(r.stderr, '');
  });

  it('prints a guest fixture exactly as QEMU recorded it', () => {
    const r = cli('run', 'test/fixtures/bin/hash-O2.elf');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /crc32\("123456789"\)|cbf43926/);
  });

  it('exits 1 with PC/ESR/FAR on an exception with no usable vector', () => {
    const r = cli('run', elf('brk.elf', [A64.nop, A64.brk(7)]));
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^stepvisor: exception with no usable vector: PC=0x40080004 ESR=0xf2000007 FAR=0x[0-9a-f]+/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  });

  it('exits 1 when the instruction budget runs out', () => {
    const r = cli('run', elf('loop.elf', [A64.self]), '--max-instructions', '5000');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /instruction budget of 5000 exhausted at PC=0x40080000/);
  });

  it('exits 1 on WFI with nothing to wake the guest', () => {
    const r = cli('run', elf('wfi.elf', [A64.wfi]));
    assert.equal(r.status, 1);
    assert.match(r.stderr, /WFI at PC=0x40080004/);
  });

  it('exits 2 with a one-line reason for malformed or unreadable input', () => {
    const notElf = join(tmp, 'text.elf');
    writeFileSync(notElf, 'hello\n');
    for (const [file, why] of [
      [notElf, /not an ELF file/],
      [join(tmp, 'missing.elf'), /cannot read .*: no such file/],
      ['/bin/sh', /ET_DYN|unsupported architecture/],
    ] as const) {
      const r = cli('run', file);
      assert.equal(r.status, 2, `${file}: ${r.stderr}`);
      assert.match(r.stderr, why);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
  });

  it('exits 2 on bad options with the usage text', () => {
    const r = cli('run', 'examples/hello/hello.elf', '--max-instructions', '-3');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--max-instructions needs a positive integer/);
    assert.match(r.stderr, /usage: stepvisor run/);
  });
});
