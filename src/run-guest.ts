import * as vscode from 'vscode';
import { readFile } from 'node:fs/promises';
import { runElfHeadless } from '../emulator';

/** "Stepvisor: Run Guest ELF (headless)": run a guest to completion with its UART in an output channel. */
export function registerRunGuest(context: vscode.ExtensionContext): void {
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
      const result = runElfHeadless(bytes);
      output.append(new TextDecoder().decode(result.uart));
      const summary =
        result.outcome === 'system-off'
          ? `guest powered off after ${result.instructions} instructions`
          : `guest stopped (${result.outcome}): ${result.message}`;
      output.appendLine(`\n[stepvisor] ${summary}`);
      if (result.outcome === 'error') void vscode.window.showErrorMessage(`Stepvisor: ${target.fsPath}: ${result.message}`);
    }),
  );
}
