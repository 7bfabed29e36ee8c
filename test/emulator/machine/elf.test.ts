import { strict as assert } from 'node:assert';
import { parseElf, ElfError } from '../../../emulator/machine/elf';
import { VirtMachine } from '../../../emulator/machine/virt';
import { buildElf, words } from '../../support/elf-builder';

const RAM = 0x4008_0000n;
const good = (): Uint8Array => buildElf({ entry: RAM, segments: [{ paddr: RAM, data: words(0xd503201f, 0xd503201f) }] });

function refused(bytes: Uint8Array, pattern: RegExp, load = false): void {
  assert.throws(
    () => {
      const img = parseElf(bytes);
      if (load) new VirtMachine().load(img);
    },
    (e: unknown) => {
      assert.ok(e instanceof ElfError, `expected ElfError, got ${String(e)}`);
      assert.match(e.message, pattern);
      assert.ok(!e.message.includes('\n'), 'reason must be one line');
      return true;
    },
  );
}

describe('emulator/machine/elf', () => {
  it('parses a well-formed AArch64 executable', () => {
    const img = parseElf(good());
    assert.equal(img.arch, 'arm64');
    assert.equal(img.entry, RAM);
    assert.equal(img.segments.length, 1);
    assert.equal(img.segments[0].filesz, 8);
  });

  it('loads segments into RAM and zero-fills bss', () => {
    const m = new VirtMachine();
    const bytes = buildElf({ entry: RAM, segments: [{ paddr: RAM, data: words(0x11223344), memsz: 64 }] });
    m.bus.writeBytes(0x4008_0004, new Uint8Array([0xaa, 0xbb]));
    const entry = m.load(parseElf(bytes));
    assert.equal(entry, RAM);
    assert.deepEqual([...m.bus.readBytes(0x4008_0000, 8)], [0x44, 0x33, 0x22, 0x11, 0, 0, 0, 0]);
  });

  it('refuses a file that is not ELF', () => refused(new TextEncoder().encode('#!/bin/sh\necho hi\n'), /not an ELF/));
  it('refuses a truncated header', () => refused(good().subarray(0, 40), /truncated ELF header/));
  it('refuses ELF32', () => refused(buildElf({ entry: RAM, segments: [{ paddr: RAM, data: words(0) }], cls: 1 }), /ELF32/));
  it('refuses big-endian', () => refused(buildElf({ entry: RAM, segments: [{ paddr: RAM, data: words(0) }], data: 2 }), /big-endian/));
  it('refuses a foreign machine', () => refused(buildElf({ entry: RAM, segments: [{ paddr: RAM, data: words(0) }], machine: 243 }), /RISC-V/));
  it('refuses a shared object', () => refused(buildElf({ entry: RAM, segments: [{ paddr: RAM, data: words(0) }], type: 3 }), /ET_DYN/));
  it('refuses program headers past the end', () => {
    const b = good();
    new DataView(b.buffer).setUint16(56, 200, true);
    refused(b, /program headers extend past/);
  });
  it('refuses segment data past the end', () => refused(good().subarray(0, good().length - 4), /segment 0 data extends past/));
  it('refuses filesz > memsz', () => {
    const b = good();
    new DataView(b.buffer).setBigUint64(64 + 40, 4n, true);
    refused(b, /exceeds memory size/);
  });
  it('refuses overlapping segments', () =>
    refused(buildElf({ entry: RAM, segments: [{ paddr: RAM, data: words(0, 0) }, { paddr: RAM + 4n, data: words(0) }] }), /overlap/));
  it('refuses a segment outside RAM', () =>
    refused(buildElf({ entry: 0x1000n, segments: [{ paddr: 0x1000n, data: words(0) }] }), /outside guest RAM/, true));
  it('refuses a segment running off the end of RAM', () =>
    refused(buildElf({ entry: 0x4800_0000n - 4n, segments: [{ paddr: 0x4800_0000n - 4n, data: words(0, 0) }] }), /outside guest RAM/, true));
  it('refuses an entry point outside the image', () =>
    refused(buildElf({ entry: RAM + 0x1000n, segments: [{ paddr: RAM, data: words(0) }] }), /entry point/, true));
  it('refuses an x86-64 image on the arm64 machine', () =>
    refused(buildElf({ entry: RAM, segments: [{ paddr: RAM, data: words(0) }], machine: 62 }), /cannot run an x86_64 image/, true));

  it('never throws anything but ElfError on random damage', () => {
    let seed = 12345;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8);
    const base = good();
    for (let i = 0; i < 3000; i++) {
      const b = base.slice(0, 16 + (rnd() % (base.length - 15)));
      for (let k = 0; k < 1 + (rnd() % 6); k++) b[rnd() % b.length] = rnd() & 0xff;
      try {
        new VirtMachine({ memoryBytes: 1 << 20 }).load(parseElf(b));
      } catch (e) {
        assert.ok(e instanceof ElfError, `iteration ${i}: ${String(e)}`);
      }
    }
  });
});
