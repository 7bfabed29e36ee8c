import * as vscode from 'vscode';

/**
 * How VS Code reaches the debug adapter (setting `stepvisor.adapter.mode`):
 *   inline    the adapter runs inside the extension host (default: no process, fastest start);
 *   external  `node dist/adapter.js` over stdio, as the DAP test suites run it;
 *   server    connect to an adapter you started yourself with `node dist/adapter.js --server=PORT`
 *             (e.g. under a Node debugger), port from `stepvisor.adapter.port`.
 */
export class StepvisorAdapterFactory implements vscode.DebugAdapterDescriptorFactory {
  constructor(private readonly context: vscode.ExtensionContext) {}

  async createDebugAdapterDescriptor(): Promise<vscode.DebugAdapterDescriptor> {
    const settings = vscode.workspace.getConfiguration('stepvisor.adapter');
    const mode = settings.get<string>('mode', 'inline');
    if (mode === 'server') {
      const port = settings.get<number>('port', 4711);
      return new vscode.DebugAdapterServer(port, '127.0.0.1');
    }
    if (mode === 'external') {
      const node = settings.get<string>('nodePath', '') || 'node';
      return new vscode.DebugAdapterExecutable(node, [this.context.asAbsolutePath('dist/adapter.js')]);
    }
    // Loaded on first use so activation stays cheap for users who only run guests headless.
    const { StepvisorDebugSession } = await import('../adapter/session');
    return new vscode.DebugAdapterInlineImplementation(new StepvisorDebugSession());
  }
}
