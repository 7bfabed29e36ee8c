import * as vscode from 'vscode';
import { readFile } from 'node:fs/promises';
import { runElfHeadless } from '../emulator';

/**
 * Extension entry point. The debug adapter (breakpoints, stepping, register views) is not part of this
 * release yet: a `stepvisor` launch says so plainly instead of failing obscurely. What works today is
 * running a guest headless on the emulator with its UART in an output channel.
 */
export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Stepvisor Guest');
  context.subscriptions.push(output);

  context.subscriptions.push(
    vscode.commands.registerCommand('stepvisor.runGuest', async (uri?: vscode.Uri) => {
      const target =
        uri ??
        (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Guest ELF': ['elf', '*'] }, title: 'Guest ELF to run' }))?.[0];
      if (target === undefined) return;
      const bytes = await readFile(target.fsPath);
      output.clear();
      output.show(true);
      const decoder = new TextDecoder();
      const result = runElfHeadless(bytes);
      output.append(decoder.decode(result.uart));
      const summary =
        result.outcome === 'system-off'
          ? `guest powered off after ${result.instructions} instructions`
          : `guest stopped (${result.outcome}): ${result.message}`;
      output.appendLine(`\n[stepvisor] ${summary}`);
      if (result.outcome === 'error') void vscode.window.showErrorMessage(`Stepvisor: ${target.fsPath}: ${result.message}`);
    }),
  );

  context.subscriptions.push(
    vscode.debug.registerDebugConfigurationProvider('stepvisor', {
      resolveDebugConfiguration() {
        void vscode.window.showErrorMessage(
          'Stepvisor: the debug adapter is not in this build yet. Use "Stepvisor: Run Guest ELF" to run a guest headless.',
        );
        return undefined;
      },
    }),
  );
}

export function deactivate(): void {}
