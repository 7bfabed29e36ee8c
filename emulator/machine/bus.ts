/**
 * Guest physical address space: sparse RAM plus MMIO devices.
 * Physical addresses are JS numbers (the architecture caps them at 52 bits, well inside 2^53).
 */

/** A memory-mapped device. Offsets are relative to the device base; values are 32-bit or less. */
export interface MmioDevice {
  readonly name: string;
  read(offset: number, size: number): number;
  write(offset: number, size: number, value: number): void;
}

interface Mapping {
  readonly base: number;
  readonly size: number;
  readonly device: MmioDevice;
}

const CHUNK_SHIFT = 21; // 2 MiB allocation granule: small enough to stay sparse, big enough to stay cheap
const CHUNK_SIZE = 1 << CHUNK_SHIFT;
const PAGE_SHIFT = 12;

/** Where a RAM page lives on the host: a view over its chunk and the page's byte offset in it. */
export interface RamPage {
  view: DataView;
  offset: number;
}

export class PhysicalBus {
  private readonly chunks: (DataView | undefined)[];
  private readonly mappings: Mapping[] = [];
  /** One flag byte per RAM page: bit 0 = decoded code lives here (writes must invalidate it). */
  readonly pageFlags: Uint8Array;
  /** Called when a write lands on a page flagged as code. */
  onCodeWrite: (ppn: number) => void = () => {};
  private touched = 0;

  constructor(readonly ramBase: number, readonly ramSize: number) {
    if (ramSize <= 0 || ramSize % 4096 !== 0) throw new RangeError(`RAM size must be a positive multiple of 4 KiB, got ${ramSize}`);
    this.chunks = new Array<DataView | undefined>(Math.ceil(ramSize / CHUNK_SIZE)).fill(undefined);
    this.pageFlags = new Uint8Array(ramSize / 4096);
  }

  /** Bytes of host memory backing guest RAM so far (RAM is allocated on first touch). */
  get residentBytes(): number {
    return this.touched * CHUNK_SIZE;
  }

  isRam(pa: number, size = 1): boolean {
    return pa >= this.ramBase && pa + size <= this.ramBase + this.ramSize;
  }

  map(base: number, size: number, device: MmioDevice): void {
    for (const m of this.mappings) {
      if (base < m.base + m.size && m.base < base + size) throw new RangeError(`${device.name} overlaps ${m.device.name}`);
    }
    if (base < this.ramBase + this.ramSize && this.ramBase < base + size) throw new RangeError(`${device.name} overlaps RAM`);
    this.mappings.push({ base, size, device });
  }

  /** The host view of the RAM page holding `pa`, allocating its chunk on first touch; undefined if not RAM. */
  ramPage(pa: number): RamPage | undefined {
    const rel = pa - this.ramBase;
    if (rel < 0 || rel >= this.ramSize) return undefined;
    const ci = Math.floor(rel / CHUNK_SIZE);
    let view = this.chunks[ci];
    if (view === undefined) {
      view = new DataView(new ArrayBuffer(CHUNK_SIZE));
      this.chunks[ci] = view;
      this.touched++;
    }
    return { view, offset: (rel % CHUNK_SIZE) & ~0xfff };
  }

  /** Page number of a RAM address relative to RAM base (index into pageFlags). */
  ramPageIndex(pa: number): number {
    return Math.floor((pa - this.ramBase) / 4096);
  }

  findDevice(pa: number, size: number): { device: MmioDevice; offset: number } | undefined {
    for (const m of this.mappings) {
      if (pa >= m.base && pa + size <= m.base + m.size) return { device: m.device, offset: pa - m.base };
    }
    return undefined;
  }

  // Slow-path accessors (used by loaders, debuggers and the CPU's slow path). Return false/undefined when
  // nothing backs the address so the caller can raise the architectural external abort.

  read8(pa: number): number | undefined {
    const p = this.ramPage(pa);
    if (p !== undefined) return p.view.getUint8(p.offset + (pa & 0xfff));
    const d = this.findDevice(pa, 1);
    return d === undefined ? undefined : d.device.read(d.offset, 1) & 0xff;
  }

  write8(pa: number, value: number): boolean {
    const p = this.ramPage(pa);
    if (p !== undefined) {
      this.noteWrite(pa);
      p.view.setUint8(p.offset + (pa & 0xfff), value);
      return true;
    }
    const d = this.findDevice(pa, 1);
    if (d === undefined) return false;
    d.device.write(d.offset, 1, value & 0xff);
    return true;
  }

  /** Read `size` (1, 2, 4) bytes that do not cross a page. */
  readSmall(pa: number, size: number): number | undefined {
    const p = this.ramPage(pa);
    if (p !== undefined) {
      const o = p.offset + (pa & 0xfff);
      return size === 4 ? p.view.getInt32(o, true) : size === 2 ? p.view.getUint16(o, true) : p.view.getUint8(o);
    }
    const d = this.findDevice(pa, size);
    return d === undefined ? undefined : d.device.read(d.offset, size);
  }

  writeSmall(pa: number, size: number, value: number): boolean {
    const p = this.ramPage(pa);
    if (p !== undefined) {
      this.noteWrite(pa);
      const o = p.offset + (pa & 0xfff);
      if (size === 4) p.view.setInt32(o, value, true);
      else if (size === 2) p.view.setUint16(o, value, true);
      else p.view.setUint8(o, value);
      return true;
    }
    const d = this.findDevice(pa, size);
    if (d === undefined) return false;
    d.device.write(d.offset, size, value);
    return true;
  }

  /** Copy bytes into RAM (loader, debugger). Throws RangeError outside RAM. */
  writeBytes(pa: number, bytes: Uint8Array): void {
    if (!this.isRam(pa, bytes.length)) throw new RangeError(`0x${pa.toString(16)}+${bytes.length} is outside RAM`);
    for (let i = 0; i < bytes.length; ) {
      const p = this.ramPage(pa + i)!;
      const inPage = Math.min(4096 - ((pa + i) & 0xfff), bytes.length - i);
      this.noteWrite(pa + i);
      new Uint8Array(p.view.buffer, p.offset + ((pa + i) & 0xfff), inPage).set(bytes.subarray(i, i + inPage));
      i += inPage;
    }
  }

  /** Copy bytes out of RAM (debugger). Throws RangeError outside RAM. */
  readBytes(pa: number, length: number): Uint8Array {
    if (!this.isRam(pa, length)) throw new RangeError(`0x${pa.toString(16)}+${length} is outside RAM`);
    const out = new Uint8Array(length);
    for (let i = 0; i < length; ) {
      const p = this.ramPage(pa + i)!;
      const inPage = Math.min(4096 - ((pa + i) & 0xfff), length - i);
      out.set(new Uint8Array(p.view.buffer, p.offset + ((pa + i) & 0xfff), inPage), i);
      i += inPage;
    }
    return out;
  }

  /** Zero all RAM (full reset) without giving the memory back. */
  clearRam(): void {
    for (const c of this.chunks) if (c !== undefined) new Uint8Array(c.buffer).fill(0);
    this.pageFlags.fill(0);
  }

  private noteWrite(pa: number): void {
    const idx = Math.floor((pa - this.ramBase) / 4096);
    if ((this.pageFlags[idx] & PAGE_CODE) !== 0) {
      this.pageFlags[idx] &= ~PAGE_CODE;
      this.onCodeWrite(Math.floor(pa / 4096));
    }
  }
}

export const PAGE_CODE = 1;
export { PAGE_SHIFT };
