import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LAUNCH_SCHEMA, validateLaunch, LaunchError } from '../../adapter/launch-config';
import { PACKAGE_JSON, staleKeys } from '../../scripts/gen-launch-schema';
import { watchpointFor } from '../../adapter/breakpoints';

const V5 = path.join(__dirname, 'fixtures/dbg-v5.elf');

describe('adapter: launch configuration schema', () => {
  it('package.json carries the schema generated from adapter/launch-config.ts (run npm run gen:launch-schema)', () => {
    const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8'));
    assert.deepEqual(staleKeys(pkg), []);
  });

  it('describes every launch attribute', () => {
    assert.deepEqual(Object.keys(LAUNCH_SCHEMA.properties), ['program', 'arch', 'machine', 'memory', 'stopOnEntry', 'hypervisor', 'cpu', 'sourceMap']);
    assert.deepEqual(LAUNCH_SCHEMA.properties.hypervisor.properties.profile.enum, ['kvm', 'kvm-5.16', 'bare']);
    assert.deepEqual(LAUNCH_SCHEMA.properties.hypervisor.properties.breakpointMode.enum, ['hardware', 'software', 'auto']);
  });

  it('defaults: arch from the ELF, virt, 128 MiB, stop on entry, kvm, auto, 6/4 slots', () => {
    const c = validateLaunch({ program: V5 });
    assert.equal(c.arch, 'arm64');
    assert.equal(c.machine, 'virt');
    assert.equal(c.memoryBytes, 128 * 1024 * 1024);
    assert.equal(c.stopOnEntry, true);
    assert.equal(c.profile, 'kvm');
    assert.equal(c.breakpointMode, 'auto');
    assert.deepEqual([c.breakpoints, c.watchpoints], [6, 4]);
    const d = validateLaunch({ program: V5, memory: '1G', cpu: { breakpoints: '3', watchpoints: 2 }, sourceMap: { '/a': '/b' }, stopOnEntry: false });
    assert.deepEqual([d.memoryBytes, d.breakpoints, d.watchpoints, d.stopOnEntry], [2 ** 30, 3, 2, false]);
    assert.deepEqual(d.sourceMap, [{ from: '/a', to: '/b' }]);
    assert.throws(() => validateLaunch({ program: V5, cpu: { slots: 3 } }), (e: Error) => e instanceof LaunchError && /"cpu.slots" is not a setting/.test(e.message));
    assert.throws(() => validateLaunch({ program: V5, sourceMap: { '/a': 3 } }), /must be a path string/);
    assert.throws(() => validateLaunch({ program: V5, stopOnEntry: 'yes' }), /"stopOnEntry" must be true or false/);
  });
});

describe('adapter: watchpoint shapes (DBGWCR/DBGWVR)', () => {
  it('BAS for bytes within one doubleword, MASK for aligned power-of-two blocks, errors otherwise', () => {
    assert.deepEqual(watchpointFor(0x40084008, 4, 'write'), { wcr: 0x1f7n, wvr: 0x40084008n }); // LSC=10, BAS=0x0f
    assert.deepEqual(watchpointFor(0x4008400a, 2, 'read'), { wcr: 0x18fn, wvr: 0x40084008n }); // LSC=01, BAS=0x0c
    assert.deepEqual(watchpointFor(0x40084000, 8, 'readWrite'), { wcr: 0x1fffn, wvr: 0x40084000n });
    assert.deepEqual(watchpointFor(0x40084000, 64, 'write'), { wcr: 0x6001ff7n, wvr: 0x40084000n }); // MASK=6
    assert.match((watchpointFor(0x40084006, 4, 'write') as { error: string }).error, /no watchpoint can cover 4 bytes at 0x40084006/);
    assert.match((watchpointFor(0x40084010, 24, 'write') as { error: string }).error, /power-of-two/);
  });
});
