import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The adapter is the VMM and the emulator is the CPU plus KVM (ARCHITECTURE.md): the adapter may use only the
 * emulator's public face (emulator/index.ts), never its internals, as QEMU talks to KVM only through ioctls.
 */
const ADAPTER = join(__dirname, '../../adapter');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('adapter: the VMM/emulator boundary', () => {
  const files = sources(ADAPTER);

  it('finds the adapter sources', () => {
    assert.ok(files.length >= 10, `only ${files.length} files under adapter/`);
  });

  it('imports the emulator only through its public face (emulator/index.ts)', () => {
    const bad: string[] = [];
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/from\s+'([^']*emulator[^']*)'/g)) if (!/^(\.\.\/)+emulator$/.test(m[1])) bad.push(`${relative(ADAPTER, f)}: ${m[1]}`);
    }
    assert.deepEqual(bad, []);
  });

  it('never reaches into the CPU, the hypervisor policy or the bus, nor patches them', () => {
    const bad: string[] = [];
    for (const f of files) {
      const lines = readFileSync(f, 'utf8').split('\n');
      lines.forEach((l, i) => {
        if (/\bvcpu\.(cpu|policy)\b|\.machine\.bus\b|\bSTOP_[A-Z]+\b|\.takeException\b|\.handleTrap\b/.test(l)) bad.push(`${relative(ADAPTER, f)}:${i + 1}: ${l.trim()}`);
      });
    }
    assert.deepEqual(bad, []);
  });
});
