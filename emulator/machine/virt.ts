import { PhysicalBus } from './bus';
import { Pl011 } from './pl011';
import { ElfError, type ElfImage } from './elf';

/** The arm64 `virt` machine as a KVM guest on QEMU's `virt` board sees it (the contract with the tests). */
export const VIRT_RAM_BASE = 0x4000_0000;
export const VIRT_UART_BASE = 0x0900_0000;
export const VIRT_UART_SIZE = 0x1000;
export const VIRT_DEFAULT_RAM = 128 * 1024 * 1024;
/** QEMU virt puts RAM up to 255 GiB above 0x4000_0000; we cap guest RAM to what a debugger session needs. */
export const VIRT_MAX_RAM = 64 * 1024 * 1024 * 1024;

export interface VirtOptions {
  /** Guest RAM in bytes (multiple of 4 KiB); allocated on first touch. */
  memoryBytes?: number;
  /** Receives every byte the guest writes to the UART. */
  onUart?: (byte: number) => void;
}

export class VirtMachine {
  readonly bus: PhysicalBus;
  readonly uart: Pl011;

  constructor(options: VirtOptions = {}) {
    const ram = options.memoryBytes ?? VIRT_DEFAULT_RAM;
    if (!Number.isSafeInteger(ram) || ram < 4096 || ram % 4096 !== 0 || ram > VIRT_MAX_RAM)
      throw new RangeError(`guest memory must be a multiple of 4 KiB between 4 KiB and ${VIRT_MAX_RAM / 2 ** 30} GiB, got ${ram}`);
    this.bus = new PhysicalBus(VIRT_RAM_BASE, ram);
    const sink = options.onUart ?? (() => {});
    this.uart = new Pl011(sink);
    this.bus.map(VIRT_UART_BASE, VIRT_UART_SIZE, this.uart);
  }

  /** Copy the image's loadable segments into RAM (zero-filling .bss) and return the entry point. */
  load(image: ElfImage): bigint {
    if (image.arch !== 'arm64') throw new ElfError(`the arm64 virt machine cannot run an ${image.arch} image`);
    const ramEnd = this.bus.ramBase + this.bus.ramSize;
    image.segments.forEach((seg, i) => {
      const pa = Number(seg.paddr);
      if (seg.paddr > BigInt(Number.MAX_SAFE_INTEGER) || pa < this.bus.ramBase || pa + seg.memsz > ramEnd)
        throw new ElfError(
          `segment ${i} (0x${seg.paddr.toString(16)}, 0x${seg.memsz.toString(16)} bytes) lies outside guest RAM 0x${this.bus.ramBase.toString(16)}-0x${ramEnd.toString(16)}`,
        );
    });
    const inSegment = image.segments.some((s) => image.entry >= s.vaddr && image.entry < s.vaddr + BigInt(s.memsz));
    if (!inSegment) throw new ElfError(`entry point 0x${image.entry.toString(16)} is not inside any loadable segment`);
    for (const seg of image.segments) {
      const pa = Number(seg.paddr);
      this.bus.writeBytes(pa, image.bytes.subarray(seg.offset, seg.offset + seg.filesz));
      if (seg.memsz > seg.filesz) this.bus.writeBytes(pa + seg.filesz, new Uint8Array(seg.memsz - seg.filesz));
    }
    return image.entry;
  }

  reset(): void {
    this.bus.clearRam();
    this.uart.reset();
  }
}
