import type { MmioDevice } from './bus';

const UARTDR = 0x00;
const UARTFR = 0x18;
const FR_TXFE = 1 << 7;
const FR_RXFE = 1 << 4;
/** PrimeCell peripheral and cell identification (UARTPeriphID0-3, UARTPCellID0-3), as the PL011 TRM gives them. */
const ID_REGS = [0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1];

/**
 * ARM PL011 UART, transmit side: bytes written to UARTDR go to `onByte` exactly as written.
 * The transmitter is always idle and the receiver always empty, so polling guests never wait.
 */
export class Pl011 implements MmioDevice {
  readonly name = 'pl011';
  private readonly regs = new Map<number, number>();

  constructor(private readonly onByte: (byte: number) => void) {}

  read(offset: number, _size: number): number {
    if (offset === UARTDR) return 0;
    if (offset === UARTFR) return FR_TXFE | FR_RXFE;
    if (offset >= 0xfe0 && offset < 0x1000) return ID_REGS[(offset - 0xfe0) >> 2];
    return this.regs.get(offset) ?? 0;
  }

  write(offset: number, _size: number, value: number): void {
    if (offset === UARTDR) {
      this.onByte(value & 0xff);
      return;
    }
    this.regs.set(offset, value);
  }

  reset(): void {
    this.regs.clear();
  }
}
