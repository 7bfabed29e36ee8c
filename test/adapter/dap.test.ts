/**
 * DAP-level tests: the standalone adapter (bundled like dist/adapter.js) driven through DebugClient over stdio,
 * with the adapter test guests (test/adapter/fixtures, DWARF 4 and 5, clang and gcc) and the bundled example.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { parseElf } from '../../emulator';
import { disassemble } from '../../emulator/arm64/disasm';
import { adapterBundle, addressOf, client, collectStdout, DBG_C, evaluate, fails, FIX, GCC, HELLO, launch, readMemory, resume, ROOT, setInstructionBreakpoints, toMain, top, V4, V5, writeMemory } from './dap-helpers';

describe('adapter: DAP session (standalone adapter over stdio)', function () {
  this.timeout(60000);
  let dc: DebugClient;

  beforeEach(async () => {
    dc = await client();
  });
  afterEach(async () => {
    await dc.stop();
  });

  describe('initialize and launch', () => {
    it('advertises the capabilities, breakpoint modes and exception filters', async () => {
      const r = await dc.initializeRequest();
      const c = r.body!;
      for (const k of [
        'supportsConfigurationDoneRequest', 'supportsFunctionBreakpoints', 'supportsConditionalBreakpoints', 'supportsHitConditionalBreakpoints', 'supportsLogPoints',
        'supportsSetVariable', 'supportsRestartRequest', 'supportsTerminateRequest', 'supportsDataBreakpoints', 'supportsDataBreakpointBytes', 'supportsInstructionBreakpoints',
        'supportsDisassembleRequest', 'supportsReadMemoryRequest', 'supportsWriteMemoryRequest', 'supportsSteppingGranularity', 'supportsExceptionInfoRequest', 'supportsCompletionsRequest',
      ] as const)
        assert.equal(c[k], true, k);
      assert.deepEqual(c.breakpointModes?.map((m) => m.mode), ['hardware', 'software']);
      assert.deepEqual(c.exceptionBreakpointFilters?.map((f) => f.filter), ['undef', 'dabort', 'iabort', 'guestDebug', 'oslock', 'trappedDebugReg', 'other']);
    });

    it('bad configurations fail the launch with a message saying what to fix; the session survives', async () => {
      await dc.initializeRequest();
      const cases: [Record<string, unknown>, RegExp][] = [
        [{}, /"program" is missing/],
        [{ program: path.join(FIX, 'nope.elf') }, /does not exist/],
        [{ program: path.join(ROOT, 'package.json') }, /not an ELF file/],
        [{ program: path.join(FIX, 'x86.elf') }, /x86_64 ELF; only arm64/],
        [{ program: V5, arch: 'x86_64' }, /"arch" is "x86_64" but .* is an arm64 ELF/],
        [{ program: V5, hypervisor: { profile: 'xen' } }, /unknown profile "xen"; use one of kvm, kvm-5.16, bare/],
        [{ program: V5, hypervisor: { breakpointMode: 'magic' } }, /breakpointMode.*unknown mode/],
        [{ program: V5, cpu: { breakpoints: 17 } }, /"cpu.breakpoints" must be an integer from 2 to 16/],
        [{ program: V5, memory: 'lots' }, /"memory": 'lots' is not a size/],
        [{ program: V5, memory: 1000 }, /multiple of 4 KiB/],
        [{ program: V5, machine: 'pc' }, /the only machine is "virt"/],
        [{ program: V5, memory: '256K' }, /cannot be loaded on the virt machine: segment 0 .* lies outside guest RAM.*raise "memory"/],
      ];
      for (const [args, re] of cases) {
        const msg = await fails(dc.launchRequest(args as DebugProtocol.LaunchRequestArguments));
        assert.match(msg, re, JSON.stringify(args));
      }
      // Still alive: a good launch works on the same connection.
      const stopped = dc.waitForEvent('stopped');
      const l = dc.launchRequest({ program: V5 } as DebugProtocol.LaunchRequestArguments);
      await dc.waitForEvent('initialized');
      await dc.configurationDoneRequest();
      await l;
      assert.equal((await stopped).body.reason, 'entry');
    });

    it('requests before launch or with bad arguments get errors, not a dead adapter', async () => {
      await dc.initializeRequest();
      assert.match(await fails(dc.stackTraceRequest({ threadId: 1 })), /launch request first/);
      assert.match(await fails(dc.setBreakpointsRequest({ source: { path: DBG_C }, breakpoints: [{ line: 17 }] })), /launch request first/);
      assert.match(await fails(dc.customRequest('stepvisor/debugHardware')), /launch request first/);
      const t = await dc.threadsRequest();
      assert.equal(t.body.threads.length, 1);
    });

    it('stops on entry at _start with the source mapped through sourceMap', async () => {
      const s = await launch(dc, { program: V5 });
      assert.equal(s.body.reason, 'entry');
      assert.match(s.body.description ?? '', /entry point 0x40080000 <_start>/);
      const f = await top(dc);
      assert.equal(f.name, '_start');
      assert.equal(f.source?.path, path.join(ROOT, 'test/fixtures/runtime/crt0.S'));
      assert.equal(f.line, 12);
      assert.equal(f.instructionPointerReference, '0x40080000');
    });

    it('without stopOnEntry runs to completion: UART output as stdout events, then exited and terminated', async () => {
      const out = collectStdout(dc);
      await dc.initializeRequest();
      const exited = dc.waitForEvent('exited');
      const terminated = dc.waitForEvent('terminated');
      const l = dc.launchRequest({ program: V5, stopOnEntry: false } as DebugProtocol.LaunchRequestArguments);
      await dc.waitForEvent('initialized');
      await dc.configurationDoneRequest();
      await l;
      assert.equal((await exited).body.exitCode, 0);
      await terminated;
      assert.equal(out.text, 'total=51 counter=45\n');
    });
  });

  describe('breakpoints', () => {
    for (const [label, program] of [['DWARF 5', V5], ['DWARF 4', V4], ['gcc -O2, .eh_frame', GCC]] as const) {
      it(`source breakpoint (${label}) → hardware slot; call stack with names and lines through CFI`, async () => {
        let bp: DebugProtocol.SetBreakpointsResponse | undefined;
        await launch(dc, { program }, async () => {
          bp = await dc.setBreakpointsRequest({ source: { path: DBG_C }, breakpoints: [{ line: 17 }] });
        });
        assert.equal(bp!.body.breakpoints[0].verified, true);
        assert.equal(bp!.body.breakpoints[0].line, 17);
        assert.match(bp!.body.breakpoints[0].message ?? '', /hardware: DBGBCR0\/DBGBVR0/);
        const s = await resume(dc, () => dc.continueRequest({ threadId: 1 }));
        assert.equal(s.body.reason, 'breakpoint');
        assert.deepEqual(s.body.hitBreakpointIds, [bp!.body.breakpoints[0].id]);
        assert.match(s.body.description ?? '', /hsr=0xc2000022 EC=0x30/);
        const st = await dc.stackTraceRequest({ threadId: 1 });
        const frames = st.body.stackFrames.map((f) => [f.name, f.line, path.basename(f.source?.path ?? '')]);
        assert.deepEqual(frames.slice(0, 2), [['leaf', 17, 'dbg.c'], ['mid', 23, 'dbg.c']]);
        assert.deepEqual(frames[2].slice(0, 1), ['main']);
        assert.equal(frames[2][1], 43);
        assert.equal(frames[frames.length - 1][0], '_start');
        const hw = (await dc.customRequest('stepvisor/debugHardware')).body;
        assert.equal(hw.breakpoints[0].effective.ctrl, '0x1e7');
        assert.equal(hw.breakpoints[0].guest.ctrl, '0x0');
        assert.equal(hw.breakpoints[0].owner.dapBreakpointId, bp!.body.breakpoints[0].id);
        assert.equal(hw.breakpoints[0].effective.value, st.body.stackFrames[0].instructionPointerReference);
      });
    }

    it('function and instruction breakpoints; unknown functions and bad addresses fail with a reason', async () => {
      await launch(dc, { program: V5 });
      const fb = await dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'mid' }, { name: 'no_such_fn' }] });
      assert.equal(fb.body.breakpoints[0].verified, true);
      assert.equal(fb.body.breakpoints[1].verified, false);
      assert.equal(fb.body.breakpoints[1].reason, 'failed');
      assert.match(fb.body.breakpoints[1].message ?? '', /no function 'no_such_fn'/);
      let s = await resume(dc, () => dc.continueRequest({ threadId: 1 }));
      assert.equal(s.body.reason, 'function breakpoint');
      const f = await top(dc);
      assert.equal(f.name, 'mid');
      assert.equal(f.line, 23); // after the prologue
      await dc.setFunctionBreakpointsRequest({ breakpoints: [] });
      const leaf = await addressOf(dc, 'leaf');
      const ib = await setInstructionBreakpoints(dc, { breakpoints: [{ instructionReference: `0x${leaf.toString(16)}` }, { instructionReference: 'garbage' }, { instructionReference: '0x40080002' }, { instructionReference: '0x10' }] });
      assert.equal(ib.body.breakpoints[0].verified, true);
      assert.match(ib.body.breakpoints[1].message ?? '', /not an address/);
      assert.match(ib.body.breakpoints[2].message ?? '', /not 4-byte aligned/);
      assert.match(ib.body.breakpoints[3].message ?? '', /outside guest RAM/);
      s = await resume(dc, () => dc.continueRequest({ threadId: 1 }));
      assert.equal(s.body.reason, 'instruction breakpoint');
      assert.equal((await top(dc)).instructionPointerReference, `0x${leaf.toString(16)}`);
    });

    it('hardware mode: slots exhausted → verified false naming the cause; auto falls back to BRK, hidden from memory and disassembly', async () => {
      await launch(dc, { program: V5, cpu: { breakpoints: 2 }, hypervisor: { breakpointMode: 'hardware' } });
      const leaf = await addressOf(dc, 'leaf');
      const mid = await addressOf(dc, 'mid');
      const spin = await addressOf(dc, 'spin');
      const refs = [leaf, mid, spin].map((a) => ({ instructionReference: `0x${a.toString(16)}` }));
      let r = await setInstructionBreakpoints(dc, { breakpoints: refs });
      assert.deepEqual(r.body.breakpoints.map((b) => b.verified), [true, true, false]);
      assert.equal(r.body.breakpoints[2].reason, 'failed');
      assert.match(r.body.breakpoints[2].message ?? '', /all 2 hardware breakpoint slots are in use/);
      // An explicit software request on the third works in hardware mode too.
      r = await setInstructionBreakpoints(dc, { breakpoints: [refs[0], refs[1], { ...refs[2], mode: 'software' }] });
      assert.deepEqual(r.body.breakpoints.map((b) => b.verified), [true, true, true]);
      assert.match(r.body.breakpoints[2].message ?? '', /software: BRK/);
      // Memory and disassembly show the original instruction, not the BRK.
      const elf = parseElf(readFileSync(V5));
      const seg = elf.segments.find((s) => BigInt(spin) >= s.vaddr && BigInt(spin) < s.vaddr + BigInt(s.filesz))!;
      const orig = elf.bytes.subarray(seg.offset + spin - Number(seg.vaddr), seg.offset + spin - Number(seg.vaddr) + 4);
      const mem = await readMemory(dc, { memoryReference: `0x${spin.toString(16)}`, count: 4 });
      assert.deepEqual([...Buffer.from(mem.body!.data!, 'base64')], [...orig]);
      const dis = await dc.disassembleRequest({ memoryReference: `0x${spin.toString(16)}`, instructionCount: 1 });
      const word = Buffer.from(orig).readUInt32LE(0);
      assert.equal(dis.body!.instructions[0].instruction.split(' <')[0], disassemble(word, BigInt(spin)).text);
      assert.equal(dis.body!.instructions[0].symbol, 'spin');
      // The software breakpoint hits.
      await setInstructionBreakpoints(dc, { breakpoints: [{ ...refs[2], mode: 'software' }] });
      const s = await resume(dc, () => dc.continueRequest({ threadId: 1 }));
      assert.equal(s.body.reason, 'instruction breakpoint');
      assert.match(s.body.description ?? '', /software \(BRK patched in\); hsr=0xf200f000 EC=0x3c/);
      assert.equal((await top(dc)).name, 'spin');
    });

    it('auto mode: the breakpoint that finds no slot becomes software and still stops', async () => {
      await launch(dc, { program: V5, cpu: { breakpoints: 2 } });
      const r = await dc.setBreakpointsRequest({ source: { path: DBG_C }, breakpoints: [{ line: 16 }, { line: 23 }, { line: 45 }] });
      assert.deepEqual(r.body.breakpoints.map((b) => b.verified), [true, true, true]);
      assert.match(r.body.breakpoints[2].message ?? '', /software/);
      await dc.setBreakpointsRequest({ source: { path: DBG_C }, breakpoints: [{ line: 45 }, { line: 16 }, { line: 23 }] });
      const hw = (await dc.customRequest('stepvisor/debugHardware')).body;
      assert.equal(hw.breakpoints.filter((s: { owner?: unknown }) => s.owner !== undefined).length, 2);
      await dc.setBreakpointsRequest({ source: { path: DBG_C }, breakpoints: [{ line: 45 }] });
      await dc.setBreakpointsRequest({ source: { path: DBG_C }, breakpoints: [{ line: 45, mode: 'software' } as DebugProtocol.SourceBreakpoint] });
      const s = await resume(dc, () => dc.continueRequest({ threadId: 1 }));
      assert.equal(s.body.reason, 'breakpoint');
      assert.equal((await top(dc)).line, 45);
      // Removing it restores the instruction: the guest finishes with the right result.
      const out = collectStdout(dc);
      await dc.setBreakpointsRequest({ source: { path: DBG_C }, breakpoints: [] });
      const t = dc.waitForEvent('terminated');
      await dc.continueRequest({ threadId: 1 });
      await t;
      assert.equal(out.text, 'total=51 counter=45\n');
    });

    it('conditions, hit counts and logpoints', async () => {
      const logs: string[] = [];
      dc.on('output', (e: DebugProtocol.OutputEvent) => {
        if (e.body.category === 'console' && e.body.output.startsWith('leaf')) logs.push(e.body.output.trim());
      });
      await launch(dc, { program: V5 }, () => dc.setBreakpointsRequest({ source: { path: DBG_C }, breakpoints: [{ line: 18, logMessage: 'leaf counter={*(uint32_t*)&counter}' }] }));
      await dc.setBreakpointsRequest({ source: { path: DBG_C }, breakpoints: [{ line: 18, logMessage: 'leaf counter={*(uint32_t*)&counter}' }, { line: 17, hitCondition: '4' }] });
      let s = await resume(dc, () => dc.continueRequest({ threadId: 1 }));
      assert.equal(s.body.reason, 'breakpoint');
      // 4th call of leaf: counter = 3*(1+2+2) = 15 before its own update.
      assert.equal(await evaluate(dc, '*(uint32_t*)&counter'), 15n);
      assert.deepEqual(logs, ['leaf counter=0x3', 'leaf counter=0x9', 'leaf counter=0xf']);
      await dc.setBreakpointsRequest({ source: { path: DBG_C }, breakpoints: [{ line: 17, condition: '*(uint32_t*)&counter >= 30' }] });
      s = await resume(dc, () => dc.continueRequest({ threadId: 1 }));
      assert.equal(await evaluate(dc, '*(uint32_t*)&counter'), 33n);
      assert.match(await fails(dc.setBreakpointsRequest({ source: {}, breakpoints: [{ line: 1 }] })), /needs source.path/);
      const none = await dc.setBreakpointsRequest({ source: { path: '/elsewhere/nothing.c' }, breakpoints: [{ line: 3 }] });
      assert.equal(none.body.breakpoints[0].verified, false);
      assert.match(none.body.breakpoints[0].message ?? '', /no line information/);
    });

    it('breakpoints change while the guest runs', async () => {
      await launch(dc, { program: V5 });
      await toMain(dc);
      await evaluate(dc, '*(uint32_t*)&stop_flag = 0');
      await dc.continueRequest({ threadId: 1 });
      await new Promise((r) => setTimeout(r, 100));
      const s = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
      const r = await dc.setBreakpointsRequest({ source: { path: DBG_C }, breakpoints: [{ line: 36 }] });
      assert.equal(r.body.breakpoints[0].verified, true);
      assert.equal((await s).body.reason, 'breakpoint');
      assert.equal((await top(dc)).name, 'spin');
    });
  });

  describe('data breakpoints', () => {
    it('write watchpoint on a 4-byte global (BAS) catches crt0 clearing .bss, then leaf, with the FAR', async () => {
      await launch(dc, { program: V5 });
      const counter = await addressOf(dc, 'counter');
      const info = await dc.dataBreakpointInfoRequest({ name: `0x${counter.toString(16)}`, asAddress: true, bytes: 4 } as DebugProtocol.DataBreakpointInfoArguments);
      assert.deepEqual(info.body.accessTypes, ['read', 'write', 'readWrite']);
      const set = await dc.setDataBreakpointsRequest({ breakpoints: [{ dataId: info.body.dataId!, accessType: 'write' }] });
      assert.equal(set.body.breakpoints[0].verified, true);
      assert.match(set.body.breakpoints[0].message ?? '', /DBGWCR0 = 0x1f7, DBGWVR0 = 0x40084008/);
      let s = await resume(dc, () => dc.continueRequest({ threadId: 1 }));
      assert.equal(s.body.reason, 'data breakpoint');
      // crt0's `stp xzr, xzr, [x0], #16` zeroing .bss: a 16-byte store whose FAR is the start of the access.
      assert.equal((await top(dc)).name, '_start');
      s = await resume(dc, () => dc.continueRequest({ threadId: 1 }));
      assert.equal(s.body.reason, 'data breakpoint');
      assert.match(s.body.description ?? '', new RegExp(`write of 0x${counter.toString(16)}.*EC=0x34.*WnR=1, FAR=0x${counter.toString(16)}`));
      assert.equal((await top(dc)).name, 'leaf');
      // The watchpoint fires before the store; continuing performs it and stops at the next one.
      assert.equal(await evaluate(dc, '*(uint32_t*)&counter'), 0n);
      await resume(dc, () => dc.continueRequest({ threadId: 1 }));
      assert.equal(await evaluate(dc, '*(uint32_t*)&counter'), 3n);
      const hw = (await dc.customRequest('stepvisor/debugHardware')).body;
      assert.equal(hw.watchpoints[0].effective.ctrl, '0x1f7');
      assert.equal(hw.watchpoints[0].owner.dapBreakpointId, set.body.breakpoints[0].id);
    });

    it('8-byte readWrite via an expression; MASK for aligned power-of-two blocks; shapes no watchpoint covers fail', async () => {
      await launch(dc, { program: V5 });
      await toMain(dc);
      const wide = await addressOf(dc, 'wide');
      const info = await dc.dataBreakpointInfoRequest({ name: '*(uint64_t*)(&wide + 8)' } as DebugProtocol.DataBreakpointInfoArguments);
      assert.equal(info.body.dataId, `0x${(wide + 8).toString(16)}/8`);
      const aligned = Math.floor(wide / 16) * 16;
      assert.match((await dc.dataBreakpointInfoRequest({ name: `0x${(aligned + 8).toString(16)}`, asAddress: true, bytes: 16 } as DebugProtocol.DataBreakpointInfoArguments)).body.description, /no watchpoint can cover 16 bytes/);
      const big = await dc.dataBreakpointInfoRequest({ name: `0x${aligned.toString(16)}`, asAddress: true, bytes: 16 } as DebugProtocol.DataBreakpointInfoArguments);
      const bad = await dc.dataBreakpointInfoRequest({ name: `0x${(wide + 4).toString(16)}`, asAddress: true, bytes: 12 } as DebugProtocol.DataBreakpointInfoArguments);
      assert.equal(bad.body.dataId, null);
      assert.match(bad.body.description, /no watchpoint can cover 12 bytes/);
      const set = await dc.setDataBreakpointsRequest({
        breakpoints: [
          { dataId: info.body.dataId!, accessType: 'readWrite' },
          { dataId: big.body.dataId!, accessType: 'read' },
          { dataId: `0x${(wide + 4).toString(16)}/12`, accessType: 'write' },
        ],
      });
      assert.deepEqual(set.body.breakpoints.map((b) => b.verified), [true, true, false]);
      assert.match(set.body.breakpoints[1].message ?? '', /DBGWCR1 = 0x4001fef/); // MASK=4 (16 bytes), BAS=0xff, LSC=load
      const s = await resume(dc, () => dc.continueRequest({ threadId: 1 }));
      assert.equal(s.body.reason, 'data breakpoint');
      assert.equal((await top(dc)).line, 45);
      assert.match(s.body.description ?? '', /write of/);
    });

    it('more data breakpoints than watchpoints: the extra one is unverified with the cause', async () => {
      await launch(dc, { program: V5, cpu: { watchpoints: 2 } });
      const c = await addressOf(dc, 'counter');
      const ids = [0, 8, 16].map((o) => ({ dataId: `0x${(c + o).toString(16)}/4`, accessType: 'write' as const }));
      const r = await dc.setDataBreakpointsRequest({ breakpoints: ids });
      assert.deepEqual(r.body.breakpoints.map((b) => b.verified), [true, true, false]);
      assert.match(r.body.breakpoints[2].message ?? '', /all 2 hardware watchpoint slots are in use/);
      assert.match(await fails(dc.setDataBreakpointsRequest({ breakpoints: [{ dataId: 'what' }] }).then((x) => { if (!x.body.breakpoints[0].verified) throw new Error(x.body.breakpoints[0].message); })), /not one dataBreakpointInfo returned/);
    });
  });

  describe('stepping', () => {
    it('instruction step through the hypervisor single-step: exactly one instruction, reason step', async () => {
      await launch(dc, { program: V5 });
      for (let i = 1; i <= 3; i++) {
        const s = await resume(dc, () => dc.nextRequest({ threadId: 1, granularity: 'instruction' }));
        assert.equal(s.body.reason, 'step');
        assert.equal((await top(dc)).instructionPointerReference, `0x${(0x40080000 + 4 * i).toString(16)}`);
      }
      const last = await dc.variablesRequest({ variablesReference: (await dc.scopesRequest({ frameId: (await top(dc)).id })).body.scopes[3].variablesReference });
      const hsr = last.body.variables.find((v) => v.name === 'hsr');
      assert.equal(hsr?.value, '0xcb000022'); // EC 0x32 (software step from a lower EL than EL2), ISV = 1, EX = 0
    });

    it('line steps: over a call, into it, out again; instruction stepIn follows bl', async () => {
      await launch(dc, { program: V5 }, () => dc.setBreakpointsRequest({ source: { path: DBG_C }, breakpoints: [{ line: 43 }] }));
      await resume(dc, () => dc.continueRequest({ threadId: 1 }));
      await dc.setBreakpointsRequest({ source: { path: DBG_C }, breakpoints: [] });
      let f = await top(dc);
      assert.deepEqual([f.name, f.line], ['main', 43]);
      await resume(dc, () => dc.stepInRequest({ threadId: 1 }));
      f = await top(dc);
      assert.deepEqual([f.name, f.line], ['mid', 23]); // into the call, past the prologue
      const counterBefore = await evaluate(dc, '*(uint32_t*)&counter');
      await resume(dc, () => dc.nextRequest({ threadId: 1 })); // over leaf()
      f = await top(dc);
      assert.deepEqual([f.name, f.line], ['mid', 24]);
      assert.equal(await evaluate(dc, '*(uint32_t*)&counter'), counterBefore + 3n);
      const s = await resume(dc, () => dc.stepOutRequest({ threadId: 1 }));
      assert.equal(s.body.reason, 'step');
      f = await top(dc);
      assert.deepEqual([f.name, f.line], ['main', 43]);
      // Keep stepping lines in main: never leaves main, lines stay within the loop and the statements after.
      for (let i = 0; i < 4; i++) {
        await resume(dc, () => dc.nextRequest({ threadId: 1 }));
        f = await top(dc);
        assert.equal(f.name, 'main');
        assert.ok(f.line >= 42 && f.line <= 46, String(f.line));
      }
    });

    it('stepping into a guest exception keeps control: the step ends at the vector', async () => {
      await launch(dc, { program: V5 });
      await toMain(dc);
      await evaluate(dc, '*(uint32_t*)&do_undef = 1');
      await dc.setBreakpointsRequest({ source: { path: DBG_C }, breakpoints: [{ line: 54 }] });
      await resume(dc, () => dc.continueRequest({ threadId: 1 }));
      assert.equal((await top(dc)).line, 54);
      for (let i = 0; i < 8; i++) {
        const s = await resume(dc, () => dc.nextRequest({ threadId: 1, granularity: 'instruction' }));
        assert.equal(s.body.reason, 'step');
        const vbar = await evaluate(dc, 'VBAR_EL1');
        const pc = await evaluate(dc, 'pc');
        if (pc >= vbar && pc < vbar + 0x800n) {
          assert.equal(pc, vbar + 0x200n); // current EL with SP_ELx, synchronous
          assert.equal((await evaluate(dc, 'ESR_EL1')) >> 26n, 0n);
          return;
        }
      }
      assert.fail('never reached the vector');
    });
  });

  describe('pause, exceptions, restart', () => {
    it('pause while the guest runs flat out is served within tens of ms', async () => {
      await launch(dc, { program: V5 });
      await toMain(dc);
      await evaluate(dc, '*(uint32_t*)&stop_flag = 0');
      await dc.continueRequest({ threadId: 1 });
      await new Promise((r) => setTimeout(r, 200));
      const t0 = performance.now();
      const s = await resume(dc, () => dc.pauseRequest({ threadId: 1 }));
      const dt = performance.now() - t0;
      assert.equal(s.body.reason, 'pause');
      assert.ok(dt < 250, `pause took ${dt.toFixed(1)} ms`); // the figure (target 50 ms) is measured by npm run bench:dap; this bound survives a loaded CI machine
      assert.equal((await top(dc)).name, 'spin');
      assert.ok((await evaluate(dc, '*(uint64_t*)&spins')) > 1000n);
      await dc.pauseRequest({ threadId: 1 }); // already stopped: a no-op, no second stop
      assert.equal((await top(dc)).name, 'spin');
      await evaluate(dc, '*(uint32_t*)&stop_flag = 1');
      const t = dc.waitForEvent('terminated');
      await dc.continueRequest({ threadId: 1 });
      await t;
    });

    it('while running, inspection requests fail clearly; stale references fail after a run', async () => {
      await launch(dc, { program: V5 });
      await toMain(dc);
      const f = await top(dc);
      const scopes = await dc.scopesRequest({ frameId: f.id });
      const ref = scopes.body.scopes[0].variablesReference;
      await evaluate(dc, '*(uint32_t*)&stop_flag = 0');
      await dc.continueRequest({ threadId: 1 });
      assert.match(await fails(dc.stackTraceRequest({ threadId: 1 })), /running: pause it first/);
      assert.match(await fails(dc.variablesRequest({ variablesReference: ref })), /running/);
      assert.match(await fails(dc.evaluateRequest({ expression: 'x0', context: 'repl' })), /running/);
      await resume(dc, () => dc.pauseRequest({ threadId: 1 }));
      assert.match(await fails(dc.variablesRequest({ variablesReference: ref })), /not valid \(stale/);
      assert.match(await fails(dc.scopesRequest({ frameId: f.id })), /not valid \(stale/);
      assert.match(await fails(dc.variablesRequest({ variablesReference: 987654 })), /not valid/);
      assert.match(await fails(dc.continueRequest({ threadId: 7 })), /unknown thread 7/);
      assert.equal((await top(dc)).name, 'spin');
    });

    const exceptionCases: [string, string, RegExp, RegExp][] = [
      ['undef', 'do_undef', /Unknown reason/, /ESR_EL1 0x02000000 EC=0x0/],
      ['guestDebug', 'do_brk', /BRK instruction/, /EC=0x3c.*#66/],
      ['oslock', 'do_oslock', /OS Lock changed/, /OSLSR_EL1 0x8 → 0xa \(OSLK=1\) by the write to OSLAR_EL1/],
      ['trappedDebugReg', 'do_oslock', /Trapped write to OSLAR_EL1/, /hsr=0x6/],
    ];
    for (const [filter, flag, title, details] of exceptionCases) {
      it(`exception filter '${filter}': stopped with reason exception and exceptionInfo`, async () => {
        let reinjected = false;
        dc.on('output', (e: DebugProtocol.OutputEvent) => {
          if (/re-injected: hsr=0xf2000042 EC=0x3c/.test(e.body.output)) reinjected = true;
        });
        await launch(dc, { program: V5 }, async () => {
          await dc.setExceptionBreakpointsRequest({ filters: [filter] });
          // A breakpoint keeps the hypervisor's guest debug on: the guest's BRK then comes to the VMM and is re-injected.
          await dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'leaf' }] });
        });
        await toMain(dc);
        await setInstructionBreakpoints(dc, { breakpoints: [{ instructionReference: '0x40080000' }] });
        await evaluate(dc, `*(uint32_t*)&${flag} = 1`);
        const s = await resume(dc, () => dc.continueRequest({ threadId: 1 }));
        assert.equal(s.body.reason, 'exception');
        const info = await dc.exceptionInfoRequest({ threadId: 1 });
        assert.equal(info.body.exceptionId, filter);
        if (filter === 'guestDebug') assert.ok(reinjected, 'the BRK came to the VMM and was handed back');
        assert.match(info.body.description ?? '', title);
        assert.match(info.body.details?.message ?? '', details);
      });
    }

    it("guest-owned debug events reaching the VMM are re-injected: the guest sees its own breakpoint as without a debugger", async () => {
      const runGuest = async (withDebugger: boolean): Promise<{ out: string; console: string }> => {
        const d = await client();
        const out = collectStdout(d);
        let con = '';
        d.on('output', (e: DebugProtocol.OutputEvent) => {
          if (e.body.category === 'console') con += e.body.output;
        });
        await launch(d, { program: V5 });
        await toMain(d);
        await evaluate(d, '*(uint32_t*)&do_guest_bp = 1');
        // A software breakpoint that never hits keeps KVM_GUESTDBG_ENABLE on (debug exceptions route to the VMM)
        // without USE_HW (the guest's own DBGBCR0 stays live).
        if (withDebugger) await setInstructionBreakpoints(d, { breakpoints: [{ instructionReference: `0x${(await addressOf(d, 'memmove')).toString(16)}`, mode: 'software' }] });
        const t = d.waitForEvent('terminated');
        await d.continueRequest({ threadId: 1 });
        await t;
        await d.stop();
        return { out: out.text, console: con };
      };
      const native = await runGuest(false);
      const debugged = await runGuest(true);
      const target = (await (async () => {
        await launch(dc, { program: V5 });
        return addressOf(dc, 'target_fn');
      })()).toString(16);
      assert.match(native.out, new RegExp(`^EXC vec=\\d+ esr=0x0*c6000022 elr=0x0*${target} `));
      assert.equal(debugged.out, native.out);
      assert.match(debugged.console, /guest debug event re-injected: hsr=0xc2000022 EC=0x30 \(Breakpoint \(lower EL\)\)/);
      assert.doesNotMatch(native.console, /re-injected/);
    });

    it("exception filters 'iabort' and 'dabort': a jump to unmapped memory, a load from it", async () => {
      await launch(dc, { program: V5 }, () => dc.setExceptionBreakpointsRequest({ filters: ['iabort', 'dabort'] }));
      await toMain(dc);
      const main = await addressOf(dc, 'main');
      await evaluate(dc, 'pc = 0x80000000'); // L1 entry 2 of crt0's identity map is invalid: translation fault
      let s = await resume(dc, () => dc.continueRequest({ threadId: 1 }));
      assert.equal(s.body.reason, 'exception');
      let info = await dc.exceptionInfoRequest({ threadId: 1 });
      assert.equal(info.body.exceptionId, 'iabort');
      assert.match(info.body.details?.message ?? '', /guest exception at 0x80000000: ESR_EL1 0x86000005 EC=0x21 .*FAR=0x80000000/);
      await resume(dc, () => dc.customRequest('stepvisor/resetCpu'));
      await toMain(dc);
      await writeMemory(dc, { memoryReference: `0x${main.toString(16)}`, data: Buffer.from([0x01, 0x00, 0x40, 0xf9]).toString('base64') }); // ldr x1, [x0]
      await evaluate(dc, `pc = ${main}`);
      await evaluate(dc, 'x0 = 0x80000010');
      s = await resume(dc, () => dc.continueRequest({ threadId: 1 }));
      assert.equal(s.body.reason, 'exception');
      info = await dc.exceptionInfoRequest({ threadId: 1 });
      assert.equal(info.body.exceptionId, 'dabort');
      assert.match(info.body.details?.message ?? '', /EC=0x25 .*WnR=0, FAR=0x80000010/);
    });

    it('noDebug (Run Without Debugging): no stop on entry, breakpoints not armed', async () => {
      const out = collectStdout(dc);
      await dc.initializeRequest();
      const t = dc.waitForEvent('terminated');
      const l = dc.launchRequest({ program: V5, noDebug: true, stopOnEntry: true } as DebugProtocol.LaunchRequestArguments);
      await dc.waitForEvent('initialized');
      const r = await dc.setBreakpointsRequest({ source: { path: DBG_C }, breakpoints: [{ line: 17 }] });
      assert.equal(r.body.breakpoints[0].verified, false);
      assert.match(r.body.breakpoints[0].message ?? '', /without debugging/);
      await dc.configurationDoneRequest();
      await l;
      await t;
      assert.equal(out.text, 'total=51 counter=45\n');
    });

    it('unknown exception filters are rejected; exceptionInfo without an exception fails', async () => {
      await launch(dc, { program: V5 });
      assert.match(await fails(dc.setExceptionBreakpointsRequest({ filters: ['segfault'] })), /unknown exception filter 'segfault'/);
      assert.match(await fails(dc.exceptionInfoRequest({ threadId: 1 })), /not an exception/);
    });

    it('restart and stepvisor/resetCpu: full reset, stop on entry, breakpoints kept', async () => {
      await launch(dc, { program: V5 }, () => dc.setBreakpointsRequest({ source: { path: DBG_C }, breakpoints: [{ line: 17 }] }));
      await resume(dc, () => dc.continueRequest({ threadId: 1 }));
      await evaluate(dc, '*(uint32_t*)&counter = 77');
      let s = await resume(dc, () => dc.customRequest('stepvisor/resetCpu'));
      assert.equal(s.body.reason, 'entry');
      assert.equal(await evaluate(dc, 'pc'), 0x40080000n);
      assert.equal(await evaluate(dc, '*(uint32_t*)&counter'), 0n); // RAM cleared and reloaded
      s = await resume(dc, () => dc.continueRequest({ threadId: 1 }));
      assert.equal(s.body.reason, 'breakpoint');
      s = await resume(dc, () => dc.restartRequest({}));
      assert.equal(s.body.reason, 'entry');
      assert.equal((await top(dc)).name, '_start');
    });
  });

  describe('inspection', () => {
    it('scopes: core registers (registers hint), debug registers guest vs effective, system registers, last exit', async () => {
      await launch(dc, { program: V5 }, () => dc.setBreakpointsRequest({ source: { path: DBG_C }, breakpoints: [{ line: 17 }] }));
      await resume(dc, () => dc.continueRequest({ threadId: 1 }));
      const f = await top(dc);
      const scopes = (await dc.scopesRequest({ frameId: f.id })).body.scopes;
      assert.deepEqual(scopes.map((s) => s.name), ['Core registers', 'Debug registers', 'System registers', 'Last exit']);
      assert.equal(scopes[0].presentationHint, 'registers');
      const core = (await dc.variablesRequest({ variablesReference: scopes[0].variablesReference })).body.variables;
      assert.equal(core.find((v) => v.name === 'pc')?.value, `0x${BigInt(f.instructionPointerReference!).toString(16).padStart(16, '0')}`);
      const pstate = core.find((v) => v.name === 'pstate')!;
      const fields = (await dc.variablesRequest({ variablesReference: pstate.variablesReference })).body.variables;
      assert.deepEqual(fields.map((x) => x.name.split(' ')[0]), ['N', 'Z', 'C', 'V', 'SS', 'IL', 'D', 'A', 'I', 'F', 'M']);
      assert.equal(fields.find((x) => x.name.startsWith('M '))?.value, '5'); // EL1h
      const dbg = (await dc.variablesRequest({ variablesReference: scopes[1].variablesReference })).body.variables;
      const bcr0 = dbg.find((v) => v.name === 'DBGBCR0_EL1')!;
      assert.match(bcr0.value, /guest 0x0 · effective 0x1e7 \(differs\)/);
      const pair = (await dc.variablesRequest({ variablesReference: bcr0.variablesReference })).body.variables;
      assert.deepEqual(pair.map((v) => v.name), ['guest', 'effective']);
      const eff = (await dc.variablesRequest({ variablesReference: pair[1].variablesReference })).body.variables;
      assert.equal(eff.find((v) => v.name.startsWith('E '))?.value, '1');
      assert.match(dbg.find((v) => v.name === 'MDSCR_EL1')!.value, /effective 0x8000/); // MDE forced by the host's USE_HW
      assert.equal(dbg.find((v) => v.name === 'MDCR_EL2')!.value, '0x0000000000000f60'); // TDE|TDA|TDOSA|TDRA|TPM|TPMCR
      const sys = (await dc.variablesRequest({ variablesReference: scopes[2].variablesReference })).body.variables;
      assert.equal(sys.find((v) => v.name === 'ID_AA64DFR0_EL1')?.value, '0x000000f010305006');
      const exit = (await dc.variablesRequest({ variablesReference: scopes[3].variablesReference })).body.variables;
      const get = (n: string): string | undefined => exit.find((v) => v.name === n)?.value;
      assert.equal(get('reason'), 'debug');
      assert.equal(get('hsr'), '0xc2000022');
      assert.equal(get('hsr.EC'), '0x30 (Breakpoint (lower EL))');
      assert.equal(get('flags.HSR_HIGH_VALID'), '1');
    });

    it('setVariable: hex, decimal, negative, expressions, fields; garbage and read-only values fail', async () => {
      await launch(dc, { program: V5 });
      const scopes = (await dc.scopesRequest({ frameId: (await top(dc)).id })).body.scopes;
      const core = scopes[0].variablesReference;
      assert.equal((await dc.setVariableRequest({ variablesReference: core, name: 'x5', value: '0x1234' })).body.value, '0x0000000000001234');
      assert.equal((await dc.setVariableRequest({ variablesReference: core, name: 'x5', value: '42' })).body.value, '0x000000000000002a');
      assert.equal((await dc.setVariableRequest({ variablesReference: core, name: 'x5', value: '-1' })).body.value, '0xffffffffffffffff');
      assert.equal((await dc.setVariableRequest({ variablesReference: core, name: 'x6', value: 'x5 & 0xff' })).body.value, '0x00000000000000ff');
      assert.match(await fails(dc.setVariableRequest({ variablesReference: core, name: 'x5', value: 'zz!' })), /cannot set x5 to 'zz!'/);
      const vars = (await dc.variablesRequest({ variablesReference: core })).body.variables;
      const pstate = vars.find((v) => v.name === 'pstate')!;
      const r = await dc.setVariableRequest({ variablesReference: pstate.variablesReference, name: 'N [31]', value: '1' });
      assert.equal(r.body.value, '1');
      assert.equal((await evaluate(dc, 'pstate')) >> 31n, 1n);
      assert.match(await fails(dc.setVariableRequest({ variablesReference: pstate.variablesReference, name: 'N [31]', value: '2' })), /1 bits wide/);
      const dbg = (await dc.variablesRequest({ variablesReference: scopes[1].variablesReference })).body.variables;
      const mdscr = dbg.find((v) => v.name === 'MDSCR_EL1')!;
      const pair = (await dc.variablesRequest({ variablesReference: mdscr.variablesReference })).body.variables;
      assert.equal((await dc.setVariableRequest({ variablesReference: mdscr.variablesReference, name: 'guest', value: '0x2000' })).body.value, '0x0000000000002000');
      assert.equal(await evaluate(dc, 'MDSCR_EL1'), 0x2000n);
      assert.match(await fails(dc.setVariableRequest({ variablesReference: mdscr.variablesReference, name: 'effective', value: '1' })), /computed by the hypervisor/);
      void pair;
      const sys = scopes[2].variablesReference;
      assert.match(await fails(dc.setVariableRequest({ variablesReference: sys, name: 'MIDR_EL1', value: '1' })), /read-only/);
    });

    it('evaluate: registers, system registers, symbols, memory, assignment, dumps; completions', async () => {
      await launch(dc, { program: V5 });
      const repl = async (e: string): Promise<DebugProtocol.EvaluateResponse['body']> => (await dc.evaluateRequest({ expression: e, context: 'repl' })).body;
      assert.equal((await repl('pc')).result, '0x40080000 (1074266112)');
      assert.equal((await repl('$pc + 8')).result.split(' ')[0], '0x40080008');
      assert.equal((await repl('x1 = 0x55')).result.split(' ')[0], '0x55');
      assert.equal((await repl('w1 << 4')).result.split(' ')[0], '0x550');
      assert.equal((await repl('ID_AA64DFR0_EL1 >> 12 & 0xf')).result.split(' ')[0], '0x5');
      assert.equal((await repl('main')).result.split(' ')[0], `0x${(await addressOf(dc, 'main')).toString(16)}`);
      const word = await repl('*(uint32_t*)0x40080000');
      assert.equal(word.memoryReference, '0x40080000');
      const elf = parseElf(readFileSync(V5));
      assert.equal(BigInt(word.result.split(' ')[0]), BigInt(Buffer.from(elf.bytes.subarray(elf.segments[0].offset, elf.segments[0].offset + 4)).readUInt32LE(0)));
      assert.match((await repl('mem[0x40080000, 20]')).result, /^0x40080000 {2}([0-9a-f]{2} ){15}[0-9a-f]{2}.*\n0x40080010 {2}/);
      assert.equal((await repl('*(int8_t*)&counter = -2')).result.split(' ')[0], '0xfffffffffffffffe');
      assert.equal(await evaluate(dc, '*(uint32_t*)&counter'), 0xfen);
      assert.match(await fails(dc.evaluateRequest({ expression: 'no_such_thing + 1', context: 'repl' })), /neither a register nor a symbol/);
      assert.match(await fails(dc.evaluateRequest({ expression: '*(uint32_t*)0x10', context: 'repl' })), /not guest RAM/);
      assert.match(await fails(dc.evaluateRequest({ expression: '1 +', context: 'repl' })), /ends too early/);
      assert.match((await repl('help')).result, /mem\[ADDR, LEN\]/);
      const c1 = await dc.completionsRequest({ text: 'MDS', column: 4 });
      assert.ok(c1.body.targets.some((t) => t.label === 'MDSCR_EL1'));
      const c2 = await dc.completionsRequest({ text: 'x0 + ma', column: 8 });
      assert.ok(c2.body.targets.some((t) => t.label === 'main' && t.type === 'function' && t.start === 5));
      const c3 = await dc.completionsRequest({ text: '$x1', column: 4 });
      assert.ok(c3.body.targets.some((t) => t.label === '$x1'));
    });

    it('disassemble with symbols and source lines; readMemory / writeMemory; unreadable memory reported', async () => {
      await launch(dc, { program: V5 });
      const main = await addressOf(dc, 'main');
      const d = await dc.disassembleRequest({ memoryReference: `0x${main.toString(16)}`, instructionOffset: -2, instructionCount: 6 });
      const ins = d.body!.instructions;
      assert.equal(ins.length, 6);
      assert.equal(ins[2].symbol, 'main');
      assert.equal(ins[2].address, `0x${main.toString(16).padStart(16, '0')}`);
      assert.equal(path.basename(ins[2].location?.path ?? ''), 'dbg.c');
      assert.equal(ins[2].line, 40);
      const mem = await readMemory(dc, { memoryReference: `0x${main.toString(16)}`, count: 8 });
      const bytes = Buffer.from(mem.body!.data!, 'base64');
      assert.equal(ins[2].instructionBytes, bytes.readUInt32LE(0).toString(16).padStart(8, '0'));
      const counter = await addressOf(dc, 'counter');
      await writeMemory(dc, { memoryReference: `0x${counter.toString(16)}`, data: Buffer.from([1, 2, 3, 4]).toString('base64') });
      assert.equal(await evaluate(dc, '*(uint32_t*)&counter'), 0x04030201n);
      const out = await readMemory(dc, { memoryReference: '0x3ffffff0', count: 16 });
      assert.equal(out.body!.unreadableBytes, 16);
      assert.match(await fails(writeMemory(dc, { memoryReference: '0x1000', data: 'AAAA' })), /not guest RAM/);
      assert.match(await fails(readMemory(dc, { memoryReference: 'banana', count: 4 })), /not an address/);
      const inv = await dc.disassembleRequest({ memoryReference: '0x1000', instructionCount: 2 });
      assert.equal(inv.body!.instructions[0].presentationHint, 'invalid');
    });

    it('breakpointLocations, setExpression and statement granularity', async () => {
      await launch(dc, { program: V5 });
      const locs = await dc.send('breakpointLocations', { source: { path: DBG_C }, line: 14, endLine: 19 });
      assert.deepEqual((locs.body as DebugProtocol.BreakpointLocationsResponse['body']).breakpoints.map((b) => b.line), [15, 16, 17, 18]);
      const se = (await dc.send('setExpression', { expression: '*(uint32_t*)&counter', value: '0x2a' })) as DebugProtocol.SetExpressionResponse;
      assert.equal(se.body.value, '0x2a');
      assert.equal(await evaluate(dc, '*(uint32_t*)&counter'), 42n);
      await toMain(dc);
      const s = await resume(dc, () => dc.nextRequest({ threadId: 1, granularity: 'statement' }));
      assert.equal(s.body.reason, 'step');
      assert.equal((await top(dc)).line, 42);
    });

    it('emits stepvisor/debugHardwareChanged on stops and breakpoint changes', async () => {
      await launch(dc, { program: V5 });
      const ev = dc.waitForEvent('stepvisor/debugHardwareChanged');
      await dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'leaf' }] });
      await ev;
      const hw = (await dc.customRequest('stepvisor/debugHardware')).body;
      assert.equal(hw.profile, 'kvm');
      assert.equal(hw.oslsr, '0x8');
      assert.equal(hw.breakpoints.length, 6);
      assert.equal(hw.watchpoints.length, 4);
      assert.match(hw.mdscr.effective, /^0x/);
      assert.equal(hw.breakpoints[0].owner.description, 'function leaf');
    });
  });

  describe('profiles and the example', () => {
    it('bare profile: no hypervisor, breakpoints unverified with the reason; stepping still works', async () => {
      await launch(dc, { program: V5, hypervisor: { profile: 'bare' } });
      const r = await dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'leaf' }] });
      assert.equal(r.body.breakpoints[0].verified, false);
      assert.match(r.body.breakpoints[0].message ?? '', /bare profile has no hypervisor/);
      await resume(dc, () => dc.nextRequest({ threadId: 1, granularity: 'instruction' }));
      assert.equal(await evaluate(dc, 'pc'), 0x40080004n);
      assert.equal((await dc.customRequest('stepvisor/debugHardware')).body.oslsr, '0xa');
    });

    it('kvm-5.16 profile launches and stops at breakpoints', async () => {
      await launch(dc, { program: V5, hypervisor: { profile: 'kvm-5.16' } }, () => dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'leaf' }] }));
      const s = await resume(dc, () => dc.continueRequest({ threadId: 1 }));
      assert.equal(s.body.reason, 'function breakpoint');
    });

    it('the bundled example: breakpoint in hello.c main, UART text in the Debug Console', async () => {
      const out = collectStdout(dc);
      const helloC = path.join(ROOT, 'examples/hello/hello.c');
      await launch(dc, { program: HELLO, sourceMap: { '/stepvisor/examples/hello': path.join(ROOT, 'examples/hello') } }, () =>
        dc.setBreakpointsRequest({ source: { path: helloC }, breakpoints: [{ line: 34 }] }),
      );
      const s = await resume(dc, () => dc.continueRequest({ threadId: 1 }));
      assert.equal(s.body.reason, 'breakpoint');
      const f = await top(dc);
      assert.equal(f.source?.path, helloC);
      assert.equal(f.name, 'main');
      const t = dc.waitForEvent('terminated');
      await dc.setBreakpointsRequest({ source: { path: helloC }, breakpoints: [] });
      await dc.continueRequest({ threadId: 1 });
      await t;
      assert.match(out.text, /^Hello from an emulated arm64 guest at EL1\n/);
      assert.match(out.text, /crc32\("123456789"\) = 0xcbf43926\n$/);
    });
  });
});

describe('adapter: --server=PORT on loopback', function () {
  this.timeout(30000);
  it('listens on 127.0.0.1 and serves a full session per connection', async () => {
    const proc = spawn(process.execPath, [await adapterBundle(), '--server=0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let err = '';
        proc.stderr.on('data', (b: Buffer) => {
          err += b.toString();
          const m = /listening on 127\.0\.0\.1:(\d+)/.exec(err);
          if (m !== null) resolve(Number(m[1]));
        });
        proc.on('exit', () => reject(new Error(`adapter exited: ${err}`)));
      });
      for (let i = 0; i < 2; i++) {
        const d = new DebugClient('node', '', 'stepvisor');
        await d.start(port);
        const s = await launch(d, { program: V5 });
        assert.equal(s.body.reason, 'entry');
        await d.stop();
      }
    } finally {
      proc.kill();
    }
  });
});
