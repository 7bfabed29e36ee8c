/**
 * `npm run bench:dap`: the debugger's figures against the standalone adapter (dist/adapter.js) over stdio, as
 * VS Code drives it. Each figure is measured from sending the request to receiving the `stopped` event.
 *   launch → first stop    spawn + initialize + launch + configurationDone → stopped(entry)   target ≤ 300 ms
 *   instruction step p50   next(granularity instruction) → stopped                           target ≤ 5 ms
 *   line step p50          next (line) in C code with calls (stepped over)                   target ≤ 20 ms
 *   pause latency          pause while the guest spins flat out → stopped(pause)             target ≤ 50 ms
 *   npm run bench:dap [-- --json]
 */
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..');
const ADAPTER = path.join(ROOT, 'dist/adapter.js');
const GUEST = path.join(ROOT, 'test/adapter/fixtures/dbg-v5.elf');
const SORT = path.join(ROOT, 'test/fixtures/bin/sort-O0.elf');

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

async function start(): Promise<DebugClient> {
  const dc = new DebugClient('node', ADAPTER, 'stepvisor');
  dc.defaultTimeout = 30000;
  await dc.start();
  return dc;
}

async function launch(dc: DebugClient, args: Record<string, unknown>): Promise<void> {
  await dc.initializeRequest();
  const stopped = dc.waitForEvent('stopped');
  const l = dc.launch({ sourceMap: { '/stepvisor': ROOT }, ...args } as DebugProtocol.LaunchRequestArguments);
  await dc.waitForEvent('initialized');
  await dc.configurationDoneRequest();
  await l;
  await stopped;
}

async function timedStop(dc: DebugClient, send: () => Promise<unknown>): Promise<number> {
  const stopped = dc.waitForEvent('stopped');
  const t0 = performance.now();
  void send();
  await stopped;
  return performance.now() - t0;
}

async function main(): Promise<void> {
  if (!existsSync(ADAPTER)) throw new Error('dist/adapter.js missing: run node scripts/build.mjs first');
  // Warm the OS file cache and the module loader once, as a user's second session would be.
  {
    const dc = await start();
    await launch(dc, { program: GUEST });
    await dc.stop();
  }
  const launches: number[] = [];
  const launchOnly: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    const dc = await start();
    await dc.initializeRequest();
    const t1 = performance.now();
    const stopped = dc.waitForEvent('stopped');
    const l = dc.launch({ program: GUEST, sourceMap: { '/stepvisor': ROOT } } as DebugProtocol.LaunchRequestArguments);
    await dc.waitForEvent('initialized');
    await dc.configurationDoneRequest();
    await l;
    await stopped;
    const t2 = performance.now();
    launches.push(t2 - t0);
    launchOnly.push(t2 - t1);
    await dc.stop();
  }

  // Instruction steps from the entry point (crt0, then C).
  const dc = await start();
  await launch(dc, { program: GUEST });
  const isteps: number[] = [];
  for (let i = 0; i < 300; i++) isteps.push(await timedStop(dc, () => dc.nextRequest({ threadId: 1, granularity: 'instruction' })));
  await dc.stop();

  // Line steps through sort-O0's main, stepping over its calls.
  const ls = await start();
  await launch(ls, { program: SORT });
  await ls.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'main' }] });
  await timedStop(ls, () => ls.continueRequest({ threadId: 1 }));
  await ls.setFunctionBreakpointsRequest({ breakpoints: [] });
  const lsteps: number[] = [];
  let ended = false;
  ls.setMaxListeners(200);
  ls.on('terminated', () => (ended = true));
  for (let i = 0; i < 60 && !ended; i++) {
    const stopped = ls.waitForEvent('stopped', 30000).then(() => true, () => false);
    const t0 = performance.now();
    void ls.nextRequest({ threadId: 1 });
    const ok = await Promise.race([stopped, ls.waitForEvent('terminated', 30000).then(() => false)]);
    if (!ok) break;
    lsteps.push(performance.now() - t0);
  }
  await ls.stop();

  // Pause while the guest spins (stop_flag cleared at main).
  const pd = await start();
  await launch(pd, { program: GUEST });
  await pd.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'main' }] });
  await timedStop(pd, () => pd.continueRequest({ threadId: 1 }));
  await pd.setFunctionBreakpointsRequest({ breakpoints: [] });
  await pd.evaluateRequest({ expression: '*(uint32_t*)&stop_flag = 0', context: 'repl' });
  const pauses: number[] = [];
  let mips = 0;
  for (let i = 0; i < 15; i++) {
    const before = BigInt((await pd.evaluateRequest({ expression: '*(uint64_t*)&spins', context: 'watch' })).body.result);
    await pd.continueRequest({ threadId: 1 });
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, 150 + 13 * i)); // land the pause at different points of a slice
    pauses.push(await timedStop(pd, () => pd.pauseRequest({ threadId: 1 })));
    const ran = performance.now() - t0;
    const after = BigInt((await pd.evaluateRequest({ expression: '*(uint64_t*)&spins', context: 'watch' })).body.result);
    mips = Math.max(mips, (Number(after - before) * 5) / (ran * 1000)); // the spin loop is 5 instructions per iteration
  }
  await pd.stop();

  const figures = {
    launchToFirstStopMs: { p50: pct(launches, 50), max: Math.max(...launches), target: 300 },
    launchRequestToFirstStopMs: { p50: pct(launchOnly, 50), max: Math.max(...launchOnly) },
    instructionStepMs: { p50: pct(isteps, 50), p90: pct(isteps, 90), n: isteps.length, target: 5 },
    lineStepMs: { p50: pct(lsteps, 50), p90: pct(lsteps, 90), n: lsteps.length, target: 20 },
    pauseLatencyMs: { p50: pct(pauses, 50), max: Math.max(...pauses), n: pauses.length, target: 50 },
    guestMipsWhileDebugging: Math.round(mips),
  };
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify(figures, null, 2) + '\n');
    return;
  }
  const f = (x: number): string => x.toFixed(1).padStart(7);
  const ok = (x: number, t: number): string => (x <= t ? 'ok' : 'OVER');
  process.stdout.write(
    [
      'Stepvisor DAP figures (standalone adapter over stdio)',
      `  launch → first stop     p50 ${f(figures.launchToFirstStopMs.p50)} ms  max ${f(figures.launchToFirstStopMs.max)} ms   target ≤ 300 ms  ${ok(figures.launchToFirstStopMs.p50, 300)}`,
      `    of which launch request → stopped(entry) p50 ${f(figures.launchRequestToFirstStopMs.p50)} ms (the rest: node start-up, loading the adapter, initialize)`,
      `  instruction step        p50 ${f(figures.instructionStepMs.p50)} ms  p90 ${f(figures.instructionStepMs.p90)} ms   target ≤ 5 ms    ${ok(figures.instructionStepMs.p50, 5)}  (n=${isteps.length})`,
      `  line step               p50 ${f(figures.lineStepMs.p50)} ms  p90 ${f(figures.lineStepMs.p90)} ms   target ≤ 20 ms   ${ok(figures.lineStepMs.p50, 20)}  (n=${lsteps.length})`,
      `  pause latency           p50 ${f(figures.pauseLatencyMs.p50)} ms  max ${f(figures.pauseLatencyMs.max)} ms   target ≤ 50 ms   ${ok(figures.pauseLatencyMs.max, 50)}  (n=${pauses.length})`,
      `  guest speed while running under the debugger: ~${figures.guestMipsWhileDebugging} MIPS`,
    ].join('\n') + '\n',
  );
}

main().catch((e) => {
  process.stderr.write(`bench:dap: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
