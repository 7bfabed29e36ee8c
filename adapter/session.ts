/**
 * The Stepvisor debug adapter (DAP): a thin session that validates requests and delegates to the machine (run
 * loop, debug hardware), the symbol table, the variable store, the evaluator and the disassembler.
 */
import * as path from 'node:path';
import {
  Breakpoint,
  InitializedEvent,
  LoggingDebugSession,
  OutputEvent,
  Source,
  StoppedEvent,
  TerminatedEvent,
  ExitedEvent,
  Thread,
  Event,
  InvalidatedEvent,
  BreakpointEvent,
} from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { warmUpInterpreter } from '../emulator';
import { validateLaunch, LaunchError, type LaunchArguments } from './launch-config';
import { Machine, EXCEPTION_FILTERS, type ExceptionFilter, type StopInfo } from './machine';
import { VariableStore } from './variables';
import { Evaluator, EvalError } from './evaluate';
import { debugHardware, readReg, registerNames, writeReg } from './registers';
import { disassembleRange, parseAddress } from './disassembly';
import { watchpointFor, type CodeBreakpoint, type DataAccess } from './breakpoints';
import { hex } from './syndrome';

const THREAD_ID = 1;

/** DAP error ids (stable: tests and the extension may match them). */
const ERR = { launch: 2001, notLaunched: 2002, running: 2003, args: 2004, eval: 2005, memory: 2006, variable: 2007, internal: 2099 };

class RequestError extends Error {
  constructor(
    readonly id: number,
    message: string,
  ) {
    super(message);
  }
}

export class StepvisorDebugSession extends LoggingDebugSession {
  private machine: Machine | undefined;
  private vars: VariableStore | undefined;
  private evaluator: Evaluator | undefined;
  private configDone: (() => void) | undefined;
  private configured = false;
  private launchArgs: LaunchArguments | undefined;
  private frameEpoch = 0;

  constructor() {
    super();
    this.setDebuggerLinesStartAt1(true);
    this.setDebuggerColumnsStartAt1(true);
  }

  // ------------------------------------------------------------------ plumbing

  private run(response: DebugProtocol.Response, fn: () => void): void {
    try {
      fn();
      this.sendResponse(response);
    } catch (e) {
      const id = e instanceof RequestError ? e.id : e instanceof EvalError ? ERR.eval : e instanceof RangeError ? ERR.args : ERR.internal;
      this.sendErrorResponse(response, { id, format: (e as Error).message.replace(/[{}]/g, (c) => (c === '{' ? '(' : ')')), showUser: false });
    }
  }

  private m(): Machine {
    if (this.machine === undefined) throw new RequestError(ERR.notLaunched, 'no guest is loaded: send a launch request first');
    return this.machine;
  }

  private stopped(): Machine {
    const m = this.m();
    if (m.state === 'running') throw new RequestError(ERR.running, 'the guest is running: pause it first');
    if (m.state === 'exited') throw new RequestError(ERR.running, 'the guest has powered off');
    return m;
  }

  private source(p: string): Source {
    const s = new Source(path.basename(p), this.convertDebuggerPathToClient(p));
    return s;
  }

  // ------------------------------------------------------------------ lifecycle

  protected override initializeRequest(response: DebugProtocol.InitializeResponse): void {
    const modes: DebugProtocol.BreakpointMode[] = [
      { mode: 'hardware', label: 'Hardware', description: 'A DBGBCR/DBGBVR slot (DBGWCR/DBGWVR for data): the guest cannot see it', appliesTo: ['source', 'instruction', 'data'] },
      { mode: 'software', label: 'Software', description: 'BRK patched into guest memory (hidden from memory reads and disassembly)', appliesTo: ['source', 'instruction'] },
    ];
    response.body = {
      supportsConfigurationDoneRequest: true,
      supportsFunctionBreakpoints: true,
      supportsConditionalBreakpoints: true,
      supportsHitConditionalBreakpoints: true,
      supportsLogPoints: true,
      supportsEvaluateForHovers: true,
      supportsSetVariable: true,
      supportsSetExpression: true,
      supportsRestartRequest: true,
      supportsTerminateRequest: true,
      supportsDataBreakpoints: true,
      supportsDataBreakpointBytes: true,
      supportsInstructionBreakpoints: true,
      supportsDisassembleRequest: true,
      supportsReadMemoryRequest: true,
      supportsWriteMemoryRequest: true,
      supportsSteppingGranularity: true,
      supportsExceptionInfoRequest: true,
      supportsCompletionsRequest: true,
      completionTriggerCharacters: ['$'],
      supportsBreakpointLocationsRequest: true,
      supportsValueFormattingOptions: false,
      exceptionBreakpointFilters: EXCEPTION_FILTERS.map((f) => ({ filter: f.filter, label: f.label, description: f.description, default: f.default })),
      breakpointModes: modes,
    };
    this.sendResponse(response);
    // The interpreter's once-per-process warm-up (~50 ms) runs while the client prepares its launch request.
    setImmediate(warmUpInterpreter);
  }

  protected override async launchRequest(response: DebugProtocol.LaunchResponse, args: DebugProtocol.LaunchRequestArguments & LaunchArguments): Promise<void> {
    if (this.machine !== undefined) {
      this.sendErrorResponse(response, { id: ERR.launch, format: 'a guest is already loaded in this session; use restart', showUser: true });
      return;
    }
    let machine: Machine;
    try {
      const config = validateLaunch(args ?? {});
      if (args?.noDebug === true) config.stopOnEntry = false;
      machine = new Machine(config, this.host());
      if (args?.noDebug === true) machine.bps.disabledReason = 'running without debugging: breakpoints are not armed';
    } catch (e) {
      const err = e as Error;
      const msg =
        e instanceof LaunchError
          ? err.message
          : err.name === 'ElfError'
            ? `"program": ${String(args?.program)} cannot be loaded on the virt machine: ${err.message}; relink for RAM at 0x40000000 or raise "memory"`
            : `cannot start the guest: ${err.message}`;
      this.sendErrorResponse(response, { id: ERR.launch, format: msg.replace(/[{}]/g, (c) => (c === '{' ? '(' : ')')), showUser: true });
      return;
    }
    this.launchArgs = args;
    this.machine = machine;
    this.vars = new VariableStore(machine);
    this.evaluator = new Evaluator({
      readReg: (n) => readReg(machine, n),
      writeReg: (n, v) => writeReg(machine, n, v),
      readMem: (a, s) => (a > BigInt(Number.MAX_SAFE_INTEGER) ? undefined : machine.readMemory(Number(a), s)),
      writeMem: (a, d) => machine.writeMemory(Number(a), d),
      symbol: (n) => {
        const f = machine.symbols.functionByName(n);
        if (f !== undefined) return BigInt(f.start);
        const s = machine.config.image.symbols.find((x) => x.name === n);
        return s?.value;
      },
    });
    for (const w of machine.symbols.warnings) this.sendEvent(new OutputEvent(`[stepvisor] debug info: ${w}\n`, 'console'));
    this.sendEvent(new InitializedEvent());
    if (!this.configured)
      await new Promise<void>((resolve) => {
        // A client that never sends configurationDone still gets its program started.
        const timer = setTimeout(resolve, 2000);
        this.configDone = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    this.sendResponse(response);
    this.begin();
  }

  private begin(): void {
    const m = this.m();
    if (m.config.stopOnEntry) m.announce({ reason: 'entry', description: `Stopped at the entry point ${hex(m.pc)}${this.symSuffix(m.pc)}` });
    else m.continue();
  }

  private symSuffix(a: number): string {
    const d = this.machine?.symbols.describe(a);
    return d === undefined ? '' : ` <${d}>`;
  }

  protected override configurationDoneRequest(response: DebugProtocol.ConfigurationDoneResponse): void {
    this.configured = true;
    this.configDone?.();
    this.sendResponse(response);
  }

  private host(): ConstructorParameters<typeof Machine>[1] {
    return {
      stopped: (s: StopInfo) => {
        const e = new StoppedEvent(s.reason, THREAD_ID, s.text) as DebugProtocol.StoppedEvent;
        e.body.description = s.description;
        e.body.allThreadsStopped = true;
        if (s.hitBreakpointIds !== undefined) e.body.hitBreakpointIds = s.hitBreakpointIds;
        this.sendEvent(e);
      },
      output: (text, category) => this.sendEvent(new OutputEvent(text, category)),
      exited: (code, message) => {
        this.sendEvent(new OutputEvent(`[stepvisor] ${message}\n`, 'console'));
        this.sendEvent(new ExitedEvent(code));
        this.sendEvent(new TerminatedEvent());
      },
      evaluate: (expr) => this.ev().evaluate(expr).value,
      interpolate: (msg) =>
        msg.replace(/\{([^}]+)\}/g, (_, expr: string) => {
          try {
            return hex(this.ev().evaluate(expr).value);
          } catch (e) {
            return `<${(e as Error).message}>`;
          }
        }),
      debugHardwareChanged: () => this.sendEvent(new Event('stepvisor/debugHardwareChanged')),
    };
  }

  private ev(): Evaluator {
    if (this.evaluator === undefined) throw new RequestError(ERR.notLaunched, 'no guest is loaded: send a launch request first');
    return this.evaluator;
  }

  protected override disconnectRequest(response: DebugProtocol.DisconnectResponse): void {
    if (this.machine !== undefined) {
      this.machine.requestPause();
      this.machine.state = 'exited';
    }
    this.sendResponse(response);
  }

  protected override terminateRequest(response: DebugProtocol.TerminateResponse): void {
    const m = this.machine;
    if (m !== undefined && m.state !== 'exited') {
      m.state = 'exited';
      m.flushUart();
    }
    this.sendResponse(response);
    this.sendEvent(new TerminatedEvent());
  }

  protected override restartRequest(response: DebugProtocol.RestartResponse): void {
    this.run(response, () => {
      const m = this.m();
      this.resetMachine(m);
    });
    if (this.machine !== undefined) this.begin();
  }

  private resetMachine(m: Machine): void {
    if (m.state === 'running') m.requestPause();
    m.reset();
    this.sendEvent(new InvalidatedEvent(['all']));
  }

  // ------------------------------------------------------------------ breakpoints

  private dapBp(b: CodeBreakpoint): DebugProtocol.Breakpoint {
    const bp = new Breakpoint(b.verified) as DebugProtocol.Breakpoint;
    bp.id = b.id;
    bp.instructionReference = hex(b.address);
    if (b.source !== undefined) {
      bp.source = this.source(b.source.path);
      bp.line = b.source.line;
    }
    if (!b.verified) {
      bp.reason = 'failed';
      bp.message = b.message;
    } else bp.message = b.mode === 'hardware' ? `hardware: DBGBCR${b.slot}/DBGBVR${b.slot} = ${hex(b.address)}` : `software: BRK at ${hex(b.address)}`;
    return bp;
  }

  private announceChanges(except: Set<number>): void {
    // Other breakpoints may have moved between hardware and software or lost their slot.
    const m = this.machine;
    if (m === undefined) return;
    for (const b of m.bps.allCode()) if (!except.has(b.id)) this.sendEvent(new BreakpointEvent('changed', this.dapBp(b)));
  }

  protected override setBreakPointsRequest(response: DebugProtocol.SetBreakpointsResponse, args: DebugProtocol.SetBreakpointsArguments): void {
    this.run(response, () => {
      const m = this.m();
      const clientPath = args.source.path;
      if (clientPath === undefined) throw new RequestError(ERR.args, 'setBreakpoints needs source.path (sources without a path are not supported)');
      const file = m.symbols.matchFile(this.convertClientPathToDebugger(clientPath));
      const created: CodeBreakpoint[] = [];
      for (const sb of args.breakpoints ?? (args.lines ?? []).map((line) => ({ line }))) {
        const b: CodeBreakpoint = { id: m.bps.newId(), kind: 'source', address: 0, verified: false, hits: 0, description: `${path.basename(clientPath)}:${sb.line}`, source: { path: clientPath, line: sb.line } };
        const sbm = sb as DebugProtocol.SourceBreakpoint;
        b.condition = sbm.condition;
        b.hitCondition = sbm.hitCondition;
        b.logMessage = sbm.logMessage;
        if (sbm.mode !== undefined) {
          if (sbm.mode !== 'hardware' && sbm.mode !== 'software') throw new RequestError(ERR.args, `unknown breakpoint mode '${sbm.mode}' (hardware or software)`);
          b.requestedMode = sbm.mode;
        }
        const r = file === undefined ? undefined : m.symbols.resolveLine(file, sb.line);
        if (r === undefined) {
          b.message = file === undefined ? `no line information for ${clientPath} in ${path.basename(m.config.program)} (built with -g? sourceMap set?)` : `no code at or after line ${sb.line}`;
          b.address = -1;
        } else {
          b.address = r.addresses[0];
          b.source = { path: clientPath, line: r.line };
          b.description = `${path.basename(clientPath)}:${r.line}`;
        }
        created.push(b);
      }
      m.bps.sourceBps.set(clientPath, created.filter((b) => b.address >= 0));
      m.syncBreakpoints();
      const ids = new Set(created.map((b) => b.id));
      response.body = { breakpoints: created.map((b) => (b.address < 0 ? { ...this.dapBp(b), verified: false, reason: 'failed' as const, message: b.message } : this.dapBp(b))) };
      setImmediate(() => this.announceChanges(ids));
    });
  }

  protected override breakpointLocationsRequest(response: DebugProtocol.BreakpointLocationsResponse, args: DebugProtocol.BreakpointLocationsArguments): void {
    this.run(response, () => {
      const m = this.m();
      const file = args.source.path === undefined ? undefined : m.symbols.matchFile(this.convertClientPathToDebugger(args.source.path));
      const end = args.endLine ?? args.line;
      const lines = new Set<number>();
      if (file !== undefined) for (const l of m.symbols.lines) if (l.file === file && l.isStmt && l.line >= args.line && l.line <= end) lines.add(l.line);
      response.body = { breakpoints: [...lines].sort((a, b) => a - b).map((line) => ({ line })) };
    });
  }

  protected override setFunctionBreakPointsRequest(response: DebugProtocol.SetFunctionBreakpointsResponse, args: DebugProtocol.SetFunctionBreakpointsArguments): void {
    this.run(response, () => {
      const m = this.m();
      const out: DebugProtocol.Breakpoint[] = [];
      const keep: CodeBreakpoint[] = [];
      for (const fb of args.breakpoints) {
        const f = m.symbols.functionByName(fb.name.trim());
        const b: CodeBreakpoint = { id: m.bps.newId(), kind: 'function', address: 0, verified: false, hits: 0, description: `function ${fb.name}`, condition: fb.condition, hitCondition: fb.hitCondition };
        if (f === undefined) {
          const near = m.symbols.functions.filter((x) => x.name.toLowerCase().includes(fb.name.trim().toLowerCase())).slice(0, 5).map((x) => x.name);
          out.push({ id: b.id, verified: false, reason: 'failed', message: `no function '${fb.name}' in ${path.basename(m.config.program)}${near.length > 0 ? `; did you mean ${near.join(', ')}?` : ''}` });
          continue;
        }
        b.address = m.symbols.afterPrologue(f);
        const l = m.symbols.lineAt(b.address);
        if (l !== undefined) b.source = { path: this.convertDebuggerPathToClient(l.file), line: l.line };
        keep.push(b);
      }
      m.bps.functionBps = keep;
      m.syncBreakpoints();
      response.body = { breakpoints: [...out, ...keep.map((b) => this.dapBp(b))].sort((a, b) => (a.id ?? 0) - (b.id ?? 0)) };
    });
  }

  protected override setInstructionBreakpointsRequest(response: DebugProtocol.SetInstructionBreakpointsResponse, args: DebugProtocol.SetInstructionBreakpointsArguments): void {
    this.run(response, () => {
      const m = this.m();
      const out: DebugProtocol.Breakpoint[] = [];
      const keep: CodeBreakpoint[] = [];
      for (const ib of args.breakpoints) {
        let addr: number;
        try {
          addr = parseAddress(ib.instructionReference) + (ib.offset ?? 0);
        } catch (e) {
          out.push({ id: m.bps.newId(), verified: false, reason: 'failed', message: (e as Error).message });
          continue;
        }
        const b: CodeBreakpoint = { id: m.bps.newId(), kind: 'instruction', address: addr, verified: false, hits: 0, description: `instruction ${hex(addr)}${this.symSuffix(addr)}`, condition: ib.condition, hitCondition: ib.hitCondition };
        if (ib.mode === 'hardware' || ib.mode === 'software') b.requestedMode = ib.mode;
        keep.push(b);
      }
      m.bps.instructionBps = keep;
      m.syncBreakpoints();
      response.body = { breakpoints: [...out, ...keep.map((b) => this.dapBp(b))].sort((a, b) => (a.id ?? 0) - (b.id ?? 0)) };
    });
  }

  protected override dataBreakpointInfoRequest(response: DebugProtocol.DataBreakpointInfoResponse, args: DebugProtocol.DataBreakpointInfoArguments): void {
    this.run(response, () => {
      const m = this.m();
      const accessTypes: DebugProtocol.DataBreakpointAccessType[] = ['read', 'write', 'readWrite'];
      let addr: bigint;
      let size = args.bytes ?? 8;
      if (args.asAddress === true) addr = BigInt(parseAddress(args.name));
      else if (args.variablesReference !== undefined && args.variablesReference !== 0) {
        // A register's value as an address (e.g. x0 holding a pointer).
        const v = readReg(m, args.name);
        if (v === undefined) throw new RequestError(ERR.args, `'${args.name}' has no address`);
        addr = v;
      } else {
        const r = this.ev().evaluate(args.name);
        addr = r.address ?? r.value;
        if (r.address === undefined && args.bytes === undefined) {
          const sym = m.config.image.symbols.find((s) => s.name === args.name.trim());
          if (sym !== undefined && sym.size > 0) size = sym.size;
        }
      }
      const a = Number(addr);
      const shape = watchpointFor(a, size, 'readWrite');
      if ('error' in shape) {
        response.body = { dataId: null, description: shape.error };
        return;
      }
      response.body = { dataId: `${hex(a)}/${size}`, description: `${size} byte${size === 1 ? '' : 's'} at ${hex(a)}${this.symSuffix(a)}`, accessTypes, canPersist: true };
    });
  }

  protected override setDataBreakpointsRequest(response: DebugProtocol.SetDataBreakpointsResponse, args: DebugProtocol.SetDataBreakpointsArguments): void {
    this.run(response, () => {
      const m = this.m();
      const out: DebugProtocol.Breakpoint[] = [];
      m.bps.dataBps = [];
      const pending: { id: number; bad?: string }[] = [];
      for (const db of args.breakpoints) {
        const mm = /^(0x[0-9a-f]+)\/(\d+)$/i.exec(db.dataId);
        const id = m.bps.newId();
        if (mm === null) {
          pending.push({ id, bad: `data breakpoint id '${db.dataId}' is not one dataBreakpointInfo returned` });
          continue;
        }
        const address = Number(BigInt(mm[1]));
        const size = Number(mm[2]);
        const access: DataAccess = db.accessType ?? 'write';
        const mode = (db as { mode?: string }).mode;
        if (mode !== undefined && mode !== 'hardware') {
          pending.push({ id, bad: `data breakpoints exist only as hardware watchpoints (mode '${mode}' is not available)` });
          continue;
        }
        const shape = watchpointFor(address, size, access);
        const desc = `${access} ${size}B at ${hex(address)}${this.symSuffix(address)}`;
        if ('error' in shape) {
          pending.push({ id, bad: shape.error });
          continue;
        }
        m.bps.dataBps.push({ id, address, size, access, wcr: shape.wcr, wvr: shape.wvr, verified: false, hits: 0, condition: db.condition, hitCondition: db.hitCondition, description: desc });
        pending.push({ id });
      }
      m.syncBreakpoints();
      for (const p of pending) {
        if (p.bad !== undefined) {
          out.push({ id: p.id, verified: false, reason: 'failed', message: p.bad });
          continue;
        }
        const d = m.bps.dataBps.find((x) => x.id === p.id)!;
        out.push(d.verified ? { id: d.id, verified: true, message: `DBGWCR${d.slot} = ${hex(d.wcr)}, DBGWVR${d.slot} = ${hex(d.wvr)}` } : { id: d.id, verified: false, reason: 'failed', message: d.message });
      }
      response.body = { breakpoints: out };
    });
  }

  protected override setExceptionBreakPointsRequest(response: DebugProtocol.SetExceptionBreakpointsResponse, args: DebugProtocol.SetExceptionBreakpointsArguments): void {
    this.run(response, () => {
      const m = this.m();
      const known = new Set<string>(EXCEPTION_FILTERS.map((f) => f.filter));
      const want = [...(args.filters ?? []), ...(args.filterOptions ?? []).map((o) => o.filterId)];
      for (const f of want) if (!known.has(f)) throw new RequestError(ERR.args, `unknown exception filter '${f}'; known: ${[...known].join(', ')}`);
      m.filters.clear();
      for (const f of want) m.filters.add(f as ExceptionFilter);
      m.applyExceptionFilters();
      response.body = { breakpoints: want.map(() => ({ verified: true })) };
    });
  }

  protected override exceptionInfoRequest(response: DebugProtocol.ExceptionInfoResponse): void {
    this.run(response, () => {
      const m = this.stopped();
      const ex = m.lastStop?.exception;
      if (ex === undefined) throw new RequestError(ERR.args, 'the last stop was not an exception');
      response.body = { exceptionId: ex.id, description: ex.description, breakMode: 'always', details: { message: ex.details, typeName: ex.id } };
    });
  }

  // ------------------------------------------------------------------ execution

  protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    response.body = { threads: [new Thread(THREAD_ID, 'vCPU 0 (arm64)')] };
    this.sendResponse(response);
  }

  private checkThread(threadId: number | undefined): void {
    if (threadId !== undefined && threadId !== THREAD_ID) throw new RequestError(ERR.args, `unknown thread ${threadId}: the only thread is ${THREAD_ID} (vCPU 0)`);
  }

  protected override continueRequest(response: DebugProtocol.ContinueResponse, args: DebugProtocol.ContinueArguments): void {
    this.run(response, () => {
      this.checkThread(args.threadId);
      this.stopped().continue();
      response.body = { allThreadsContinued: true };
    });
  }

  protected override nextRequest(response: DebugProtocol.NextResponse, args: DebugProtocol.NextArguments): void {
    this.run(response, () => {
      this.checkThread(args.threadId);
      const m = this.stopped();
      if (args.granularity === 'instruction') m.stepInstruction();
      else m.stepLine(false);
    });
  }

  protected override stepInRequest(response: DebugProtocol.StepInResponse, args: DebugProtocol.StepInArguments): void {
    this.run(response, () => {
      this.checkThread(args.threadId);
      const m = this.stopped();
      if (args.granularity === 'instruction') m.stepInstruction();
      else m.stepLine(true);
    });
  }

  protected override stepOutRequest(response: DebugProtocol.StepOutResponse, args: DebugProtocol.StepOutArguments): void {
    this.run(response, () => {
      this.checkThread(args.threadId);
      this.stopped().stepOut();
    });
  }

  protected override pauseRequest(response: DebugProtocol.PauseResponse, args: DebugProtocol.PauseArguments): void {
    this.run(response, () => {
      this.checkThread(args.threadId);
      // Pausing a stopped guest is a no-op (VS Code may race a pause against a stop).
      this.m().requestPause();
    });
  }

  // ------------------------------------------------------------------ inspection

  protected override stackTraceRequest(response: DebugProtocol.StackTraceResponse, args: DebugProtocol.StackTraceArguments): void {
    this.run(response, () => {
      this.checkThread(args.threadId);
      const m = this.stopped();
      const frames = m.frames();
      const start = args.startFrame ?? 0;
      const levels = args.levels !== undefined && args.levels > 0 ? args.levels : frames.length;
      this.frameEpoch = m.stopEpoch;
      const out: DebugProtocol.StackFrame[] = frames.slice(start, start + levels).map((f, k) => {
        const i = start + k;
        const lookup = i === 0 ? f.pc : f.pc - 4;
        const l = m.symbols.lineAt(lookup);
        const name = m.symbols.functionAt(lookup)?.name ?? `?? ${hex(f.pc)}`;
        const sf: DebugProtocol.StackFrame = { id: (m.stopEpoch % 100_000) * 1000 + i, name, line: l?.line ?? 0, column: l !== undefined ? Math.max(l.column, 1) : 0, instructionPointerReference: hex(f.pc) };
        if (l !== undefined) sf.source = this.source(l.file);
        else sf.presentationHint = 'subtle';
        return sf;
      });
      response.body = { stackFrames: out, totalFrames: frames.length };
    });
  }

  private frameOf(frameId: number): { index: number } {
    const m = this.stopped();
    const epoch = Math.floor(frameId / 1000);
    const index = frameId % 1000;
    if (epoch !== m.stopEpoch % 100_000 || index >= m.frames().length) throw new RequestError(ERR.variable, `frame ${frameId} is not valid (stale after the guest ran, or never handed out)`);
    return { index };
  }

  protected override scopesRequest(response: DebugProtocol.ScopesResponse, args: DebugProtocol.ScopesArguments): void {
    this.run(response, () => {
      const m = this.stopped();
      const { index } = this.frameOf(args.frameId);
      response.body = { scopes: this.vars!.scopes(m.frames()[index], index) };
    });
  }

  protected override variablesRequest(response: DebugProtocol.VariablesResponse, args: DebugProtocol.VariablesArguments): void {
    this.run(response, () => {
      this.stopped();
      try {
        let vs = this.vars!.variables(args.variablesReference);
        if (args.start !== undefined || args.count !== undefined) vs = vs.slice(args.start ?? 0, (args.start ?? 0) + (args.count ?? vs.length));
        response.body = { variables: vs };
      } catch (e) {
        throw new RequestError(ERR.variable, (e as Error).message);
      }
    });
  }

  protected override setVariableRequest(response: DebugProtocol.SetVariableResponse, args: DebugProtocol.SetVariableArguments): void {
    this.run(response, () => {
      this.stopped();
      let v: bigint;
      try {
        v = this.parseValue(args.value);
      } catch (e) {
        throw new RequestError(ERR.args, `cannot set ${args.name} to '${args.value}': ${(e as Error).message}`);
      }
      try {
        response.body = { value: this.vars!.set(args.variablesReference, args.name, v) };
      } catch (e) {
        throw new RequestError(ERR.variable, `cannot set ${args.name}: ${(e as Error).message}`);
      }
      // A field edit changes its register, a register edit its fields and the effective debug view: refresh all.
      setImmediate(() => this.sendEvent(new InvalidatedEvent(['variables'])));
      this.sendEvent(new Event('stepvisor/debugHardwareChanged'));
    });
  }

  /** A value typed by the user: hex, decimal, binary, negative, or any expression. */
  private parseValue(text: string): bigint {
    const t = text.trim();
    if (t === '') throw new Error('empty value');
    if (/^-\d+$/.test(t)) return BigInt.asUintN(64, BigInt(t));
    return this.ev().evaluate(t).value;
  }

  protected override evaluateRequest(response: DebugProtocol.EvaluateResponse, args: DebugProtocol.EvaluateArguments): void {
    this.run(response, () => {
      const m = this.stopped();
      const ctx = args.context;
      if (ctx === 'repl' && args.expression.trim() === 'help') {
        response.body = { result: HELP, variablesReference: 0 };
        return;
      }
      let r: ReturnType<Evaluator['evaluate']>;
      try {
        r = this.ev().evaluate(args.expression);
      } catch (e) {
        if (ctx === 'hover') throw new RequestError(ERR.eval, (e as Error).message);
        throw e;
      }
      m.dropFrames();
      if (r.dump !== undefined) {
        response.body = { result: r.dump, variablesReference: 0, memoryReference: hex(r.value) };
        return;
      }
      const v = r.value;
      const signed = BigInt.asIntN(64, v);
      const result = ctx === 'repl' ? `${hex(v)} (${signed < 0n ? `${v} / ${signed}` : v.toString()})` : hex(v);
      const inRam = v < 1n << 53n && m.isRam(Number(v));
      response.body = { result, variablesReference: 0, memoryReference: r.address !== undefined ? hex(r.address) : inRam ? hex(v) : undefined };
    });
  }

  protected override setExpressionRequest(response: DebugProtocol.SetExpressionResponse, args: DebugProtocol.SetExpressionArguments): void {
    this.run(response, () => {
      this.stopped();
      const v = this.parseValue(args.value);
      const r = this.ev().evaluate(`${args.expression} = ${v}`);
      response.body = { value: hex(r.value) };
      this.sendEvent(new Event('stepvisor/debugHardwareChanged'));
    });
  }

  protected override completionsRequest(response: DebugProtocol.CompletionsResponse, args: DebugProtocol.CompletionsArguments): void {
    this.run(response, () => {
      const m = this.m();
      const col = Math.min(args.column - 1, args.text.length);
      const before = args.text.slice(0, col);
      const w = /\$?[A-Za-z_][A-Za-z0-9_]*$/.exec(before);
      const word = w === null ? '' : w[0];
      const dollar = word.startsWith('$');
      const stem = (dollar ? word.slice(1) : word).toLowerCase();
      const seen = new Set<string>();
      const items: DebugProtocol.CompletionItem[] = [];
      const add = (label: string, type: DebugProtocol.CompletionItemType, detail?: string): void => {
        if (!label.toLowerCase().startsWith(stem) || seen.has(label)) return;
        seen.add(label);
        items.push({ label: dollar ? `$${label}` : label, type, detail, start: col - word.length, length: word.length });
      };
      for (const r of registerNames()) add(/_EL\d$/.test(r) ? r : r, 'property');
      if (!dollar) {
        for (const f of m.symbols.functions) add(f.name, 'function');
        for (const s of m.config.image.symbols) if (s.type === 1) add(s.name, 'variable');
        add('mem', 'keyword', 'mem[ADDR, LEN]: hex dump');
        add('help', 'keyword', 'expression syntax');
      }
      response.body = { targets: items.slice(0, 500) };
    });
  }

  protected override disassembleRequest(response: DebugProtocol.DisassembleResponse, args: DebugProtocol.DisassembleArguments): void {
    this.run(response, () => {
      const m = this.m();
      response.body = { instructions: disassembleRange(m, args, (p) => this.source(p)) };
    });
  }

  protected override readMemoryRequest(response: DebugProtocol.ReadMemoryResponse, args: DebugProtocol.ReadMemoryArguments): void {
    this.run(response, () => {
      const m = this.m();
      if (!Number.isInteger(args.count) || args.count < 0 || args.count > 16 * 1024 * 1024) throw new RequestError(ERR.args, `count must be 0..16M, got ${args.count}`);
      const addr = parseAddress(args.memoryReference) + (args.offset ?? 0);
      // Return the readable prefix; the rest is unreadable (outside RAM).
      let n = args.count;
      while (n > 0 && !m.isRam(addr, n)) n = m.isRam(addr, 1) ? n >> 1 : 0;
      const data = n > 0 ? m.readMemory(addr, n)! : new Uint8Array(0);
      response.body = { address: hex(addr), data: Buffer.from(data).toString('base64'), unreadableBytes: args.count - n };
    });
  }

  protected override writeMemoryRequest(response: DebugProtocol.WriteMemoryResponse, args: DebugProtocol.WriteMemoryArguments): void {
    this.run(response, () => {
      const m = this.stopped();
      const addr = parseAddress(args.memoryReference) + (args.offset ?? 0);
      const data = Buffer.from(args.data, 'base64');
      try {
        m.writeMemory(addr, data);
      } catch (e) {
        throw new RequestError(ERR.memory, (e as Error).message);
      }
      response.body = { offset: 0, bytesWritten: data.length };
      this.sendEvent(new Event('memory', { memoryReference: hex(addr), offset: 0, count: data.length }));
    });
  }

  // ------------------------------------------------------------------ custom requests

  protected override customRequest(command: string, response: DebugProtocol.Response, args: unknown): void {
    if (command === 'stepvisor/debugHardware') {
      this.run(response, () => {
        response.body = debugHardware(this.m());
      });
      return;
    }
    if (command === 'stepvisor/resetCpu') {
      this.run(response, () => {
        const m = this.m();
        if (m.state === 'exited') m.state = 'stopped';
        this.resetMachine(m);
      });
      if (this.machine !== undefined && response.success) this.machine.announce({ reason: 'entry', description: `CPU reset: stopped at the entry point ${hex(this.machine.pc)}${this.symSuffix(this.machine.pc)}` });
      return;
    }
    void args;
    super.customRequest(command, response, args);
  }

  /** For tests and tools: the launch arguments in force. */
  get launchArguments(): LaunchArguments | undefined {
    return this.launchArgs;
  }
}

const HELP = `Stepvisor Debug Console expressions (64-bit unsigned arithmetic):
  registers   x0..x30 w0..w30 sp pc lr fp pstate fpsr fpcr v0..v31, system registers (MDSCR_EL1, DBGBCR0_EL1...), optional $ prefix
  symbols     main, &counter  (a symbol evaluates to its address)
  numbers     0x1f 31 0b101;  operators + - * / % & | ^ ~ << >> ! == != < <= > >= && || ( )
  memory      *(uint32_t*)0x40080000   *(int8_t*)(sp+8)   *addr (64-bit)
  assign      x0 = 5     *(uint32_t*)0x40090000 = 0xdead     MDSCR_EL1 = 0x8000
  dump        mem[ADDR, LEN]   (LEN up to 4096 bytes)`;
