import { strict as assert } from 'node:assert';
import { PhysicalBus, PAGE_CODE, type MmioDevice } from '../../../emulator/machine/bus';
import { Pl011 } from '../../../emulator/machine/pl011';

describe('emulator/machine/bus', () => {
  it('allocates RAM on first touch only, so a 4 GiB guest costs what it touches', () => {
    const bus = new PhysicalBus(0x4000_0000, 4 * 2 ** 30);
    assert.equal(bus.residentBytes, 0);
    bus.writeSmall(0x4000_0000 + 3 * 2 ** 30, 4, 0x12345678);
    assert.equal(bus.residentBytes, 2 * 2 ** 20);
    assert.equal(bus.readSmall(0x4000_0000 + 3 * 2 ** 30, 4), 0x12345678);
    assert.equal(bus.readSmall(0x4000_0000, 4), 0, 'untouched RAM reads as zero');
  });

  it('copies byte ranges across page and chunk boundaries', () => {
    const bus = new PhysicalBus(0x4000_0000, 8 << 20);
    const data = Uint8Array.from({ length: 10000 }, (_, i) => (i * 7) & 0xff);
    const at = 0x4000_0000 + (2 << 20) - 5000;
    bus.writeBytes(at, data);
    assert.deepEqual(bus.readBytes(at, data.length), data);
    assert.throws(() => bus.readBytes(0x4000_0000 + (8 << 20) - 2, 4), RangeError);
  });

  it('routes MMIO to devices and reports holes as unbacked', () => {
    const bus = new PhysicalBus(0x4000_0000, 1 << 20);
    const seen: string[] = [];
    const dev: MmioDevice = {
      name: 'probe',
      read: (o, s) => (seen.push(`r${o}/${s}`), 0xab),
      write: (o, s, v) => void seen.push(`w${o}/${s}=${v}`),
    };
    bus.map(0x1000_0000, 0x100, dev);
    assert.equal(bus.readSmall(0x1000_0010, 4), 0xab);
    assert.equal(bus.writeSmall(0x1000_0004, 2, 7), true);
    assert.deepEqual(seen, ['r16/4', 'w4/2=7']);
    assert.equal(bus.readSmall(0x2000_0000, 4), undefined);
    assert.equal(bus.writeSmall(0x2000_0000, 4, 1), false);
    assert.throws(() => bus.map(0x1000_0080, 0x100, dev), /overlaps/);
    assert.throws(() => bus.map(0x4000_0000, 0x100, dev), /overlaps RAM/);
  });

  it('tells the CPU when a write lands on a page holding decoded code', () => {
    const bus = new PhysicalBus(0x4000_0000, 1 << 20);
    const hits: number[] = [];
    bus.onCodeWrite = (ppn) => hits.push(ppn);
    bus.pageFlags[bus.ramPageIndex(0x4000_1000)] |= PAGE_CODE;
    bus.writeSmall(0x4000_0ffc, 4, 1);
    bus.writeSmall(0x4000_1008, 4, 1);
    bus.writeSmall(0x4000_1010, 4, 1);
    assert.deepEqual(hits, [0x40001], 'one notification, then the page is no longer code');
  });
});

describe('emulator/machine/pl011', () => {
  it('transmits data-register writes and reports an idle transmitter', () => {
    const out: number[] = [];
    const uart = new Pl011((b) => out.push(b));
    uart.write(0, 4, 0x141);
    uart.write(0, 1, 0x0a);
    assert.deepEqual(out, [0x41, 0x0a]);
    assert.equal(uart.read(0x18, 4) & 0x20, 0, 'TXFF clear: never full');
    assert.notEqual(uart.read(0x18, 4) & 0x80, 0, 'TXFE set');
    assert.deepEqual([0xfe0, 0xfe4, 0xfe8, 0xfec].map((o) => uart.read(o, 4)), [0x11, 0x10, 0x14, 0x00]);
  });
});
