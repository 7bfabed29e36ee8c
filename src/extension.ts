import * as vscode from 'vscode';
import { StepvisorAdapterFactory } from './adapter-factory';
import { DEBUG_TYPE, StepvisorConfigurationProvider } from './config-provider';
import { DebugHardwareView } from './debug-hardware-view';
import { startLanguageClient } from './language-client';
import { registerRunGuest } from './run-guest';

/**
 * Extension entry point: the `stepvisor` debugger (configuration provider, adapter factory), the Debug
 * Hardware view, Reset CPU, and the headless runner.
 */
export function activate(context: vscode.ExtensionContext): void {
  const { Initial, Dynamic } = vscode.DebugConfigurationProviderTriggerKind;
  const view = new DebugHardwareView();
  context.subscriptions.push(
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, new StepvisorConfigurationProvider(Initial), Initial),
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, new StepvisorConfigurationProvider(Dynamic), Dynamic),
    vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, new StepvisorAdapterFactory(context)),
    view,
    vscode.commands.registerCommand('stepvisor.debugHardware.refresh', () => view.refresh()),
    vscode.commands.registerCommand('stepvisor.resetCpu', async () => {
      const session = view.currentSession ?? (vscode.debug.activeDebugSession?.type === DEBUG_TYPE ? vscode.debug.activeDebugSession : undefined);
      if (session === undefined) {
        void vscode.window.showInformationMessage('Stepvisor: no Stepvisor debug session to reset.');
        return;
      }
      try {
        await session.customRequest('stepvisor/resetCpu');
      } catch (e) {
        void vscode.window.showErrorMessage(`Stepvisor: Reset CPU failed: ${e instanceof Error ? e.message : String(e)}`);
      }
      await view.refresh();
    }),
  );
  registerRunGuest(context);
  languageClient = startLanguageClient(context);
}

let languageClient: ReturnType<typeof startLanguageClient> | undefined;

export function deactivate(): Thenable<void> | undefined {
  return languageClient?.stop();
}
