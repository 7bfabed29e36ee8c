import { Vm } from './hyp/vm';
import type { Exit } from './hyp/exit';
import { ElfError } from './machine/elf';

export type HeadlessOutcome = 'system-off' | 'system-reset' | 'budget' | 'no-vector' | 'halt' | 'error';

export interface HeadlessOptions {
  /** Stop after this many instructions in total (default 10^10). */
  maxInstructions?: number;
  /** Guest RAM in bytes (default 128 MiB, as QEMU virt). */
  memoryBytes?: number;
  /** Receives UART bytes as they are written (besides collecting them in the result). */
  onUart?: (byte: number) => void;
  /** What a PSCI SYSTEM_RESET does: reboot the guest (as QEMU does by default) or stop (as `-no-reboot`). */
  onReset?: 'reboot' | 'stop';
  /** Instructions per vCPU run slice. */
  sliceInstructions?: number;
}

export interface HeadlessResult {
  uart: Uint8Array;
  outcome: HeadlessOutcome;
  /** One line for humans: empty for a clean SYSTEM_OFF, otherwise what stopped the guest and where. */
  message: string;
  instructions: number;
  exit?: Exit;
}

const DEFAULT_MAX = 10_000_000_000;

/** Run a guest ELF on the arm64 virt machine with no debugger attached, as `stepvisor run` does. */
export function runElfHeadless(elf: Uint8Array, opts: HeadlessOptions = {}): HeadlessResult {
  const out: number[] = [];
  const chunks: Uint8Array[] = [];
  const flush = (): void => {
    if (out.length > 0) {
      chunks.push(Uint8Array.from(out));
      out.length = 0;
    }
  };
  const onUart = opts.onUart;
  let vm: Vm;
  try {
    vm = new Vm({
      memoryBytes: opts.memoryBytes,
      onUart: (b) => {
        out.push(b);
        if (out.length >= 65536) flush();
        if (onUart !== undefined) onUart(b);
      },
    });
    vm.loadElf(elf);
  } catch (e) {
    const message = e instanceof ElfError || e instanceof RangeError ? e.message : String(e);
    return { uart: new Uint8Array(0), outcome: 'error', message, instructions: 0 };
  }
  const vcpu = vm.createVcpu();
  const max = opts.maxInstructions ?? DEFAULT_MAX;
  const slice = opts.sliceInstructions ?? 50_000_000;
  let result: Omit<HeadlessResult, 'uart' | 'instructions'>;
  for (;;) {
    const remaining = max - vcpu.stats.instructions;
    if (remaining <= 0) {
      result = { outcome: 'budget', message: `instruction budget of ${max} exhausted at PC=0x${vcpu.getOneReg('pc').toString(16)}` };
      break;
    }
    const exit = vcpu.run({ maxInstructions: Math.min(slice, remaining) });
    if (exit.reason === 'budget' || exit.reason === 'pause') continue;
    if (exit.reason === 'shutdown') {
      if (exit.kind === 'system-reset' && (opts.onReset ?? 'reboot') === 'reboot') {
        vm.reset();
        continue;
      }
      result = { outcome: exit.kind, message: exit.kind === 'system-off' ? '' : 'guest requested PSCI SYSTEM_RESET', exit };
      break;
    }
    if (exit.reason === 'halt') {
      result = { outcome: 'halt', message: `guest waits in WFI at PC=0x${exit.pc.toString(16)} with no interrupt source to wake it`, exit };
      break;
    }
    if (exit.reason === 'internal-error') {
      result = { outcome: 'no-vector', message: exit.message, exit };
      break;
    }
    result = { outcome: 'error', message: `unexpected exit ${exit.reason} at PC=0x${vcpu.getOneReg('pc').toString(16)}`, exit };
    break;
  }
  flush();
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const uart = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    uart.set(c, o);
    o += c.length;
  }
  return { ...result, uart, instructions: vcpu.stats.instructions };
}
