/**
 * `stepvisor run GUEST.elf [--max-instructions N]`: run a guest headless, the way a VMM with no debugger would.
 * UART bytes go to stdout exactly as written. Exit status: 0 on PSCI SYSTEM_OFF; 1 when the guest dies (an
 * exception with no usable vector, WFI forever, budget spent), with one line on stderr; 2 for bad input.
 */
import { readFileSync } from 'node:fs';
import { runElfHeadless } from '../emulator';

const USAGE = `usage: stepvisor run GUEST.elf [--max-instructions N] [--memory SIZE]
  Runs an arm64 guest ELF on the emulated virt machine (RAM at 0x40000000, PL011 UART at 0x09000000,
  PSCI through hvc #0). UART output goes to stdout. Exit status 0 on PSCI SYSTEM_OFF, 1 when the guest
  stops any other way (message on stderr), 2 for bad input.
  --max-instructions N   stop with status 1 after N instructions (default 10000000000)
  --memory SIZE          guest RAM, e.g. 128M, 1G (default 128M)`;

class UsageError extends Error {}

function parseSize(text: string): number {
  const m = /^(\d+)([KMG]?)i?B?$/i.exec(text);
  if (m === null) throw new UsageError(`bad size '${text}' (examples: 134217728, 128M, 1G)`);
  const mult = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[2].toUpperCase() as '' | 'K' | 'M' | 'G'];
  return Number(m[1]) * mult;
}

function parseCount(text: string): number {
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)) || Number(text) <= 0)
    throw new UsageError(`--max-instructions needs a positive integer, got '${text}'`);
  return Number(text);
}

export function main(argv: string[]): number {
  try {
    const [cmd, ...rest] = argv;
    if (cmd === '--help' || cmd === '-h' || cmd === 'help') {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    if (cmd !== 'run') throw new UsageError(cmd === undefined ? 'missing command' : `unknown command '${cmd}'`);
    let file: string | undefined;
    let maxInstructions: number | undefined;
    let memoryBytes: number | undefined;
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i];
      const value = (): string => {
        const v = rest[++i];
        if (v === undefined) throw new UsageError(`${a} needs a value`);
        return v;
      };
      if (a === '--max-instructions') maxInstructions = parseCount(value());
      else if (a.startsWith('--max-instructions=')) maxInstructions = parseCount(a.slice(19));
      else if (a === '--memory') memoryBytes = parseSize(value());
      else if (a.startsWith('--memory=')) memoryBytes = parseSize(a.slice(9));
      else if (a.startsWith('-')) throw new UsageError(`unknown option '${a}'`);
      else if (file === undefined) file = a;
      else throw new UsageError(`unexpected argument '${a}'`);
    }
    if (file === undefined) throw new UsageError('missing guest ELF');
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      process.stderr.write(`stepvisor: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(code ?? e)}\n`);
      return 2;
    }
    const pending: number[] = [];
    const flush = (): void => {
      if (pending.length > 0) {
        process.stdout.write(Buffer.from(pending));
        pending.length = 0;
      }
    };
    const result = runElfHeadless(bytes, {
      maxInstructions,
      memoryBytes,
      onUart: (b) => {
        pending.push(b);
        if (pending.length >= 4096 || b === 0x0a) flush();
      },
    });
    flush();
    if (result.outcome === 'error') {
      process.stderr.write(`stepvisor: ${file}: ${result.message}\n`);
      return 2;
    }
    if (result.outcome === 'system-off') return 0;
    process.stderr.write(`stepvisor: ${result.message}\n`);
    return 1;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`stepvisor: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
