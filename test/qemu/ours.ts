/**
 * Our side of the differential tests: the emulator's headless runner, loaded lazily so that the QEMU
 * half of the suite still runs (and reports) while the emulator cannot even be imported.
 */
export type OurOutcome = 'system-off' | 'system-reset' | 'budget' | 'no-vector' | 'halt' | 'error';

export interface OurResult {
  uart: Uint8Array;
  outcome: OurOutcome;
  message: string;
  instructions: number;
}

export type RunElfHeadless = (elf: Uint8Array, opts: { maxInstructions?: number; onReset?: 'reboot' | 'stop' }) => OurResult;

let cached: { run?: RunElfHeadless; error?: string } | undefined;

export function loadOurRunner(): { run?: RunElfHeadless; error?: string } {
  if (cached === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require('../../emulator/index') as { runElfHeadless?: RunElfHeadless };
      cached = typeof mod.runElfHeadless === 'function' ? { run: mod.runElfHeadless } : { error: 'emulator/index.ts has no runElfHeadless' };
    } catch (e) {
      cached = { error: `cannot load emulator/index.ts: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  return cached;
}

/** A host exception from the emulator is a bug in the emulator, reported as such rather than thrown. */
export function runOurs(run: RunElfHeadless, elf: Uint8Array, maxInstructions: number): OurResult & { hostError?: string } {
  try {
    return run(elf, { maxInstructions, onReset: 'stop' });
  } catch (e) {
    const msg = e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : `non-Error thrown: ${String(e)}`;
    return { uart: new Uint8Array(0), outcome: 'error', message: msg, instructions: 0, hostError: msg };
  }
}
