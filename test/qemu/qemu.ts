/**
 * Runs a guest ELF on qemu-system-aarch64 (the oracle) and returns the PL011 transcript.
 * QEMU exits by itself on PSCI SYSTEM_OFF; the timeout only catches a hung guest.
 */
import { spawn, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

export const QEMU = process.env.STEPVISOR_QEMU ?? 'qemu-system-aarch64';

export interface QemuResult {
  uart: Buffer;
  /** true when QEMU exited by itself (guest powered off), false when the timeout killed it. */
  exited: boolean;
  code: number | null;
  stderr: string;
}

export function haveQemu(): boolean {
  const r = spawnSync(QEMU, ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

/** `-serial file:` rather than stdio: QEMU's stdio chardev may touch the terminal and mixes with its own messages. */
export function runQemu(elfPath: string, timeoutMs = 30_000): Promise<QemuResult> {
  const dir = mkdtempSync(join(tmpdir(), 'stepvisor-qemu-'));
  const out = join(dir, 'uart.txt');
  const args = ['-M', 'virt', '-cpu', 'max', '-m', '128M', '-display', 'none', '-monitor', 'none', '-nodefaults',
    '-serial', `file:${out}`, '-kernel', elfPath];
  return new Promise((resolve, reject) => {
    const child = spawn(QEMU, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let timedOut = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      let uart: Buffer;
      try {
        uart = readFileSync(out);
      } catch {
        uart = Buffer.alloc(0);
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ uart, exited: !timedOut, code, stderr });
    });
  });
}

/** Runs `jobs` with at most `limit` in flight (QEMU is single-threaded per guest; the machine has 2 cores). */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      if (i >= items.length) return;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
