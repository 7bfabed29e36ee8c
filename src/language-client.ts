/**
 * Starts the assembly language server (dist/language-server.js, its own process over IPC) for the `arm64`
 * language (.S/.s, AArch64 or x86-64 by content or `stepvisor.asm.architecture`). While a Stepvisor debug
 * session is stopped, the hover middleware adds the live value of the register under the cursor: the adapter
 * evaluates the name, the server renders its field table from the register database.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { DEBUG_TYPE } from './config-provider';

const LIVE_REGISTER = /^(x([12]?\d|30)|w([12]?\d|30)|sp|pc|lr|fp|nzcv|daif|currentel|spsel|fpcr|fpsr|[a-z][a-z0-9_]*_el[0-3]|s[0-3]_[0-7]_c\d+_c\d+_[0-7])$/i;

function asmSettings(): { architecture: string; breakpoints: number; watchpoints: number } {
  const c = vscode.workspace.getConfiguration('stepvisor.asm');
  return { architecture: c.get('architecture', 'auto'), breakpoints: c.get('breakpoints', 6), watchpoints: c.get('watchpoints', 4) };
}

/** The value of `name` in the stopped session's top frame, via the adapter's `evaluate`; undefined if not stopped. */
async function liveValue(name: string): Promise<{ text: string; value?: bigint } | undefined> {
  const session = vscode.debug.activeDebugSession;
  if (session?.type !== DEBUG_TYPE) return undefined;
  const item = vscode.debug.activeStackItem;
  const frameId = item instanceof vscode.DebugStackFrame && item.session.id === session.id ? item.frameId : undefined;
  try {
    const r = (await session.customRequest('evaluate', { expression: name, context: 'hover', frameId })) as { result?: unknown };
    if (typeof r.result !== 'string') return undefined;
    const m = /^-?(0x[0-9a-f]+|\d+)/i.exec(r.result.trim());
    let value: bigint | undefined;
    try {
      value = m ? BigInt(m[0]) : undefined;
    } catch {
      value = undefined;
    }
    return { text: r.result, value };
  } catch {
    return undefined;
  }
}

export function startLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'language-server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  let client: LanguageClient | undefined;
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'arm64' }],
    synchronize: { configurationSection: 'stepvisor.asm' },
    initializationOptions: { settings: asmSettings() },
    middleware: {
      provideHover: async (document, position, token, next) => {
        const base = await next(document, position, token);
        const range = document.getWordRangeAtPosition(position, /%?[A-Za-z_][\w]*/);
        if (!range || client === undefined) return base;
        const name = document.getText(range).replace(/^%/, '');
        if (!LIVE_REGISTER.test(name)) return base;
        const live = await liveValue(name);
        if (live === undefined || token.isCancellationRequested) return base;
        let markdown = `**${name}** = \`${live.text}\` (live, from the debug session)`;
        if (live.value !== undefined) {
          const d = (await client.sendRequest('stepvisor/describeRegister', { uri: document.uri.toString(), name, value: live.value.toString() }).catch(() => null)) as { markdown: string } | null;
          if (d) markdown = d.markdown.replace(/^Live value:/m, `Live value (debug session):`);
        }
        const contents: vscode.MarkdownString[] = [new vscode.MarkdownString(markdown)];
        // The static description follows; with a live table, the static one would repeat the same rows.
        if (base && live.value === undefined) for (const c of base.contents) contents.push(c instanceof vscode.MarkdownString ? c : new vscode.MarkdownString(typeof c === 'string' ? c : c.value));
        return new vscode.Hover(contents, base?.range ?? range);
      },
    },
  };
  client = new LanguageClient('stepvisor.asm', 'Stepvisor Assembly', serverOptions, clientOptions);
  void client.start().catch((e: unknown) => void vscode.window.showWarningMessage(`Stepvisor: the assembly language server did not start: ${e instanceof Error ? e.message : String(e)}`));
  return client;
}
