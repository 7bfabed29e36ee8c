import type { Arm64Cpu } from '../cpu';
import { ABORT } from '../cpu';
import type { Insn } from '../insn';

/**
 * STUB INTERFACE (to be replaced by the system-layer implementation): translation, exceptions, system
 * registers and system-instruction semantics for one CPU. The method names and signatures here are the
 * contract the rest of the core relies on.
 */
export class SystemUnit {
  /** Whether the page of the last successful `translate` needs naturally aligned accesses (Device, SCTLR.A). */
  lastNeedsAlignment = false;

  /** Syndrome of the last exception taken (what STOP_NO_VECTOR reports). */
  lastEsr = 0n;
  lastFar = 0n;
  lastElr = 0n;
  /** VBAR_EL1 */
  vbar = 0n;

  constructor(readonly cpu: Arm64Cpu) {}

  /** Read a system register by its architectural name (case-insensitive); RangeError if unknown. */
  readSysregByName(name: string): bigint {
    throw new RangeError(`unknown register ${name}`);
  }

  /** Write a system register by name as a debugger would (no EL checks); RangeError if unknown or read-only. */
  writeSysregByName(name: string, _value: bigint): void {
    throw new RangeError(`unknown register ${name}`);
  }

  /** Set PSTATE from an SPSR-format value (debugger writes), banking SP and flushing what depends on EL. */
  writePstate(_spsr: number): void {}

  reset(): void {
    this.lastNeedsAlignment = false;
  }

  /** Translate a virtual address for an access of `size` bytes; on a fault take the exception and throw ABORT. */
  translate(lo: number, hi: number, _acc: number, _size: number): number {
    if (hi !== 0) this.undef();
    return lo >>> 0;
  }

  /** May the TLB cache the page of (lo, hi)? False for pages the debug unit must see every access to. */
  cacheable(_lo: number, _hi: number): boolean {
    return true;
  }

  /** Raise an alignment fault if the access needs alignment and lacks it. */
  checkAlignment(_lo: number, _hi: number, _size: number, _acc: number, _exclusive: boolean): void {}

  /** Synchronous external abort for an access nothing answers. Does not throw; the caller throws ABORT. */
  externalAbort(_lo: number, _hi: number, _acc: number): void {
    this.undefInner();
  }

  /** Take the UNDEFINED exception (EC 0) for the current instruction. */
  undef(): never {
    this.undefInner();
    throw ABORT;
  }

  private undefInner(): void {
    this.cpu.requestStop(4);
  }

  /** Take the FP/AdvSIMD access trap (EC 0x07) for the current instruction (called when cpu.fpEnabled is 0). */
  fpTrap(): never {
    return this.undef();
  }

  decode(_word: number, insn: Insn): void {
    insn.op = 0;
  }

  execute(_insn: Insn): void {
    this.undef();
  }
}
