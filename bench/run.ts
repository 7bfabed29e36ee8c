/**
 * `npm run bench`: runs the benchmark guests on the tier-0 interpreter and prints MIPS from the emulator's own
 * instruction count; where qemu-system-aarch64 is installed, also the wall time of QEMU (TCG) on the same ELF
 * and the ratio. Each figure is the best of N runs (the machine is shared; the best run is the least disturbed).
 *
 *   npm run bench [-- --runs N] [-- --only intloop]
 */
import { readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { runElfHeadless, Vm } from '../emulator';

interface Guest {
  name: string;
  file: string;
  what: string;
}

const GUESTS: Guest[] = [
  { name: 'intloop', file: 'bench/guests/intloop.elf', what: 'integer mix: CRC32 (bitwise + table), prime sieve, insertion sort' },
  { name: 'matmul', file: 'bench/guests/matmul.elf', what: '64-bit integer matrix multiply' },
];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/**
 * Seconds of CPU time of the main thread (Linux: /proc/self/task/<pid>/schedstat), else of the whole process.
 * Other work on a shared machine steals wall time but not this; V8's compiler and GC threads are left out.
 */
function mainThreadCpu(): number {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'latin1').split(' ')[0]) / 1e9;
  } catch {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  }
}

function qemuAvailable(): boolean {
  return spawnSync('qemu-system-aarch64', ['--version']).status === 0;
}

function timeQemu(file: string): { seconds: number; uart: string } {
  const dir = mkdtempSync(join(tmpdir(), 'stepvisor-bench-'));
  try {
    const out = join(dir, 'uart.txt');
    const t0 = process.hrtime.bigint();
    const r = spawnSync(
      'qemu-system-aarch64',
      ['-M', 'virt', '-cpu', 'max', '-m', '128M', '-display', 'none', '-monitor', 'none', '-serial', `file:${out}`, '-kernel', file],
      { timeout: 300_000 },
    );
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status !== 0) throw new Error(`qemu failed on ${file}: ${r.stderr.toString()}`);
    return { seconds, uart: readFileSync(out, 'latin1') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * intloop with the debug hardware armed but never hit: hyp USE_HW with 6 breakpoints and 4 watchpoints on an
 * address range the guest never touches (0x5000_0000). Returns the best wall time and the instruction count.
 */
function timeOnce(elf: Uint8Array, armed: boolean): { seconds: number; insns: number } {
  const vm = new Vm({ onUart: () => undefined });
  vm.loadElf(elf);
  const vcpu = vm.createVcpu();
  const a = (k: number): bigint => 0x5000_0000n + BigInt(k) * 0x1000n;
  if (armed) {
    vcpu.setGuestDebug({
      enable: true,
      useHw: true,
      bcr: [0, 1, 2, 3, 4, 5].map(() => 0x1e7n),
      bvr: [0, 1, 2, 3, 4, 5].map(a),
      wcr: [0, 1, 2, 3].map(() => 0x1fffn),
      wvr: [0, 1, 2, 3].map((k) => a(8 + k)),
    });
  }
  const t0 = process.hrtime.bigint();
  const e = vcpu.run({ maxInstructions: 4_000_000_000 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (e.reason !== 'shutdown') throw new Error(`intloop: unexpected exit ${e.reason}`);
  return { seconds, insns: vcpu.stats.instructions };
}

/** Debug off vs armed, interleaved so both see the same machine load; best of `runs` each. */
function timeArmed(elf: Uint8Array, runs: number): { off: number; on: number; insns: number } {
  let off = Infinity;
  let on = Infinity;
  let insns = 0;
  for (let i = 0; i < runs; i++) {
    off = Math.min(off, timeOnce(elf, false).seconds);
    const r = timeOnce(elf, true);
    on = Math.min(on, r.seconds);
    insns = r.insns;
  }
  return { off, on, insns };
}

function main(): void {
  const runs = Number(arg('--runs') ?? 3);
  const only = arg('--only');
  const qemu = qemuAvailable();
  console.log(`Stepvisor benchmark: node ${process.version}, tier-0 interpreter, best of ${runs}`);
  console.log(qemu ? 'QEMU: qemu-system-aarch64 -M virt -cpu max (TCG), wall time including boot' : 'QEMU: not installed, ratio skipped');
  const rows: string[][] = [['guest', 'instructions', 'stepvisor s', 'MIPS', 'cpu s', 'MIPS (cpu)', 'qemu s', 'qemu/ours speed', 'output']];
  for (const g of GUESTS) {
    if (only !== undefined && g.name !== only) continue;
    if (!existsSync(g.file)) {
      console.log(`${g.name}: ${g.file} missing (build with bench/guests/build.sh)`);
      continue;
    }
    const elf = readFileSync(g.file);
    let best = Infinity;
    let bestCpu = Infinity;
    let insns = 0;
    let uart = '';
    for (let i = 0; i < runs; i++) {
      const c0 = mainThreadCpu();
      const t0 = process.hrtime.bigint();
      const r = runElfHeadless(elf);
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      bestCpu = Math.min(bestCpu, mainThreadCpu() - c0);
      if (r.outcome !== 'system-off') throw new Error(`${g.name}: guest did not power off: ${r.message}`);
      insns = r.instructions;
      uart = Buffer.from(r.uart).toString('latin1');
      best = Math.min(best, s);
    }
    let qs = '-';
    let ratio = '-';
    let same = 'n/a';
    if (qemu) {
      let qbest = Infinity;
      let quart = '';
      for (let i = 0; i < runs; i++) {
        const q = timeQemu(g.file);
        qbest = Math.min(qbest, q.seconds);
        quart = q.uart;
      }
      qs = qbest.toFixed(3);
      ratio = `${(best / qbest).toFixed(1)}x slower`;
      same = quart === uart ? 'same as QEMU' : 'DIFFERS from QEMU';
    }
    rows.push([g.name, insns.toLocaleString('en-US'), best.toFixed(3), (insns / best / 1e6).toFixed(1), bestCpu.toFixed(3), (insns / bestCpu / 1e6).toFixed(1), qs, ratio, same]);
    console.log(`  ${g.name} (${g.what}): ${uart.trim().split('\n').pop() ?? ''}`);
  }
  if ((only === undefined || only === 'intloop') && existsSync('bench/guests/intloop.elf')) {
    const elf = readFileSync('bench/guests/intloop.elf');
    const t = timeArmed(elf, Math.max(runs, 5));
    const offMips = t.insns / t.off / 1e6;
    const onMips = t.insns / t.on / 1e6;
    rows.push(['intloop debug off (Vcpu)', t.insns.toLocaleString('en-US'), t.off.toFixed(3), offMips.toFixed(1), '-', '-', '-', '-', 'same Vm path, interleaved']);
    rows.push(['intloop 6bp+4wp armed', t.insns.toLocaleString('en-US'), t.on.toFixed(3), onMips.toFixed(1), '-', '-', '-', `${((1 - onMips / offMips) * 100).toFixed(1)}% MIPS loss`, 'hyp USE_HW, never hit']);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join('  '));
}

main();
