/** A real LSP client for the tests: spawns the server process (`--stdio`) and speaks JSON-RPC to it. */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import {
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type Location,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';

export const ROOT = path.resolve(__dirname, '../..');

export class LspClient {
  readonly conn: ProtocolConnection;
  private readonly proc: ChildProcess;
  private readonly diags = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: { uri: string; resolve: (d: Diagnostic[]) => void }[] = [];
  private version = 1;

  constructor() {
    this.proc = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/language-server/main.ts'), '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
    if (!this.proc.stdout || !this.proc.stdin) throw new Error('no stdio');
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diags.set(p.uri, p);
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        if (this.waiters[i].uri === p.uri) {
          this.waiters[i].resolve(p.diagnostics);
          this.waiters.splice(i, 1);
        }
      }
    });
    this.conn.listen();
  }

  get exited(): boolean {
    return this.proc.exitCode !== null || this.proc.signalCode !== null;
  }

  async initialize(settings: Record<string, unknown> = {}): Promise<unknown> {
    const r = await this.conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { settings } });
    await this.conn.sendNotification('initialized', {});
    return r;
  }

  /** Opens a document and resolves with the next diagnostics published for it. */
  open(uri: string, text: string, languageId = 'arm64'): Promise<Diagnostic[]> {
    const p = this.nextDiagnostics(uri);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: this.version++, text } });
    return p;
  }

  change(uri: string, text: string): Promise<Diagnostic[]> {
    const p = this.nextDiagnostics(uri);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: this.version++ }, contentChanges: [{ text }] });
    return p;
  }

  configure(asm: Record<string, unknown>): Promise<void> {
    return this.conn.sendNotification('workspace/didChangeConfiguration', { settings: { stepvisor: { asm } } });
  }

  nextDiagnostics(uri: string): Promise<Diagnostic[]> {
    return new Promise((resolve) => this.waiters.push({ uri, resolve }));
  }

  hover(uri: string, line: number, character: number): Promise<Hover | null> {
    return this.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  }

  completion(uri: string, line: number, character: number): Promise<CompletionItem[] | null> {
    return this.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } });
  }

  definition(uri: string, line: number, character: number): Promise<Location | null> {
    return this.conn.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line, character } });
  }

  references(uri: string, line: number, character: number): Promise<Location[] | null> {
    return this.conn.sendRequest('textDocument/references', { textDocument: { uri }, position: { line, character }, context: { includeDeclaration: true } });
  }

  symbols(uri: string): Promise<DocumentSymbol[] | null> {
    return this.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  }

  async close(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
    } catch {
      // the process may already be gone
    }
    this.conn.dispose();
    if (!this.exited) this.proc.kill();
  }
}

export function hoverText(h: Hover | null): string {
  if (!h) return '';
  const c = h.contents;
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n');
  return c.value;
}

/** Position of the `nth` occurrence of `needle` in `text` (0-based line/character), plus `offset` characters. */
export function posOf(text: string, needle: string, offset = 0, nth = 0): { line: number; character: number } {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`${needle} not in text`);
  }
  const before = text.slice(0, i + offset);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}
