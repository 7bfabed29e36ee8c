import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..');
export const FIX = path.join(__dirname, 'fixtures');
export const V5 = path.join(FIX, 'dbg-v5.elf');
export const V4 = path.join(FIX, 'dbg-v4.elf');
export const GCC = path.join(FIX, 'dbg-gcc.elf');
export const DBG_C = path.join(ROOT, 'test/adapter/fixtures/dbg.c');
export const HELLO = path.join(ROOT, 'examples/hello/hello.elf');
export const SOURCE_MAP = { '/stepvisor': ROOT };

let bundle: string | undefined;

/** The standalone adapter bundled as users get it (dist/adapter.js), built once per test run into a temp dir. */
export async function adapterBundle(): Promise<string> {
  if (bundle === undefined) {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'stepvisor-dap-')), 'adapter.js');
    await build({ bundle: true, platform: 'node', target: 'node20', format: 'cjs', entryPoints: [path.join(ROOT, 'adapter/main.ts')], outfile: out, logLevel: 'error' });
    bundle = out;
  }
  return bundle;
}

export async function client(): Promise<DebugClient> {
  const dc = new DebugClient('node', await adapterBundle(), 'stepvisor', { cwd: ROOT });
  dc.defaultTimeout = 15000;
  await dc.start();
  return dc;
}

export type Launch = Record<string, unknown>;

/** initialize + launch + configurationDone (with `configure` run in between) → the first stop. */
export async function launch(dc: DebugClient, args: Launch, configure?: () => Promise<unknown>): Promise<DebugProtocol.StoppedEvent> {
  await dc.initializeRequest({ adapterID: 'stepvisor', linesStartAt1: true, columnsStartAt1: true, pathFormat: 'path', supportsMemoryReferences: true } as DebugProtocol.InitializeRequestArguments);
  const stopped = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
  const init = dc.waitForEvent('initialized');
  const l = dc.launch({ sourceMap: SOURCE_MAP, ...args } as DebugProtocol.LaunchRequestArguments);
  await init;
  if (configure !== undefined) await configure();
  await dc.configurationDoneRequest();
  await l;
  return stopped;
}

export async function resume(dc: DebugClient, how: () => Promise<unknown>): Promise<DebugProtocol.StoppedEvent> {
  const s = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
  await how();
  return s;
}

export async function top(dc: DebugClient): Promise<DebugProtocol.StackFrame> {
  return (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames[0];
}

export async function evaluate(dc: DebugClient, expression: string): Promise<bigint> {
  const r = await dc.evaluateRequest({ expression, context: 'watch' });
  return BigInt(r.body.result);
}

/** The address a symbol evaluates to. */
export async function addressOf(dc: DebugClient, name: string): Promise<number> {
  return Number(await evaluate(dc, name));
}

/** Collect stdout output events. */
export function collectStdout(dc: DebugClient): { text: string } {
  const o = { text: '' };
  dc.on('output', (e: DebugProtocol.OutputEvent) => {
    if (e.body.category === 'stdout') o.text += e.body.output;
  });
  return o;
}

/** Expect a request to fail; returns its message. */
export async function fails(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('request succeeded but should have failed');
}

/** Requests DebugClient has no typed wrapper for. */
export async function setInstructionBreakpoints(dc: DebugClient, args: DebugProtocol.SetInstructionBreakpointsArguments): Promise<DebugProtocol.SetInstructionBreakpointsResponse> {
  return (await dc.send('setInstructionBreakpoints', args)) as DebugProtocol.SetInstructionBreakpointsResponse;
}
export async function readMemory(dc: DebugClient, args: DebugProtocol.ReadMemoryArguments): Promise<DebugProtocol.ReadMemoryResponse> {
  return (await dc.send('readMemory', args)) as DebugProtocol.ReadMemoryResponse;
}
export async function writeMemory(dc: DebugClient, args: DebugProtocol.WriteMemoryArguments): Promise<DebugProtocol.WriteMemoryResponse> {
  return (await dc.send('writeMemory', args)) as DebugProtocol.WriteMemoryResponse;
}

/** Run to main (crt0 has set up the stack and cleared .bss), leaving no function breakpoints behind. */
export async function toMain(dc: DebugClient): Promise<void> {
  await dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'main' }] });
  await resume(dc, () => dc.continueRequest({ threadId: 1 }));
  await dc.setFunctionBreakpointsRequest({ breakpoints: [] });
}
