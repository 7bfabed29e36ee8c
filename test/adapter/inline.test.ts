import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { StepvisorDebugSession } from '../../adapter/session';

/**
 * Inline mode, as the extension runs it (`new vscode.DebugAdapterInlineImplementation(new StepvisorDebugSession())`):
 * VS Code calls handleMessage and listens to onDidSendMessage; no streams are involved.
 */
describe('adapter: inline session (no-argument constructor, handleMessage / onDidSendMessage)', () => {
  it('initializes, launches, stops on entry and answers a stack trace', async () => {
    const session = new StepvisorDebugSession();
    const sent: DebugProtocol.ProtocolMessage[] = [];
    const waiters: [(m: DebugProtocol.ProtocolMessage) => boolean, (m: DebugProtocol.ProtocolMessage) => void][] = [];
    session.onDidSendMessage((m) => {
      const msg = m as DebugProtocol.ProtocolMessage;
      sent.push(msg);
      for (const w of [...waiters]) if (w[0](msg)) {
        waiters.splice(waiters.indexOf(w), 1);
        w[1](msg);
      }
    });
    let seq = 1;
    const wait = (pred: (m: DebugProtocol.ProtocolMessage) => boolean): Promise<DebugProtocol.ProtocolMessage> => {
      const hit = sent.find(pred);
      return hit !== undefined ? Promise.resolve(hit) : new Promise((resolve) => waiters.push([pred, resolve]));
    };
    const request = (command: string, args?: unknown): Promise<DebugProtocol.Response> => {
      const s = seq++;
      const p = wait((m) => m.type === 'response' && (m as DebugProtocol.Response).request_seq === s) as Promise<DebugProtocol.Response>;
      session.handleMessage({ seq: s, type: 'request', command, arguments: args } as DebugProtocol.Request);
      return p;
    };
    const event = (name: string): Promise<DebugProtocol.Event> => wait((m) => m.type === 'event' && (m as DebugProtocol.Event).event === name) as Promise<DebugProtocol.Event>;
    const init = await request('initialize', { adapterID: 'stepvisor', linesStartAt1: true, columnsStartAt1: true, pathFormat: 'path' });
    assert.equal(init.success, true);
    const launch = request('launch', { program: path.join(__dirname, 'fixtures/dbg-v5.elf') });
    await event('initialized');
    await request('configurationDone');
    assert.equal((await launch).success, true);
    const stopped = (await event('stopped')) as DebugProtocol.StoppedEvent;
    assert.equal(stopped.body.reason, 'entry');
    const st = (await request('stackTrace', { threadId: 1 })) as DebugProtocol.StackTraceResponse;
    assert.equal(st.body.stackFrames[0].name, '_start');
    const hw = await request('stepvisor/debugHardware');
    assert.equal((hw.body as { profile: string }).profile, 'kvm');
    session.dispose();
  });
});
