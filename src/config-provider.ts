import * as vscode from 'vscode';

export const DEBUG_TYPE = 'stepvisor';

/** ELF e_machine values the emulator knows (AArch64, x86-64). */
const MACHINES: Record<number, string> = { 183: 'arm64', 62: 'x86_64' };
const ELF_GLOB = '**/*.{elf,axf,out}';
const MAX_CANDIDATES = 50;

interface ElfFile {
  uri: vscode.Uri;
  arch: string;
}

/** An ELF executable for an architecture we emulate? Reads only the header. */
async function sniffElf(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size < 64 || stat.size > 256 * 1024 * 1024) return undefined;
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46 || bytes[4] !== 2 || bytes[5] !== 1) return undefined;
    const type = bytes[16] | (bytes[17] << 8);
    if (type !== 2) return undefined; // ET_EXEC: relocatable objects and shared libraries cannot be loaded
    return MACHINES[bytes[18] | (bytes[19] << 8)];
  } catch {
    return undefined;
  }
}

export async function findElfFiles(folder: vscode.WorkspaceFolder | undefined): Promise<ElfFile[]> {
  const pattern = folder ? new vscode.RelativePattern(folder, ELF_GLOB) : ELF_GLOB;
  const uris = await vscode.workspace.findFiles(pattern, '**/node_modules/**', MAX_CANDIDATES);
  const found: ElfFile[] = [];
  for (const uri of uris.sort((a, b) => a.path.localeCompare(b.path))) {
    const arch = await sniffElf(uri);
    if (arch !== undefined) found.push({ uri, arch });
  }
  return found;
}

function programPath(folder: vscode.WorkspaceFolder | undefined, uri: vscode.Uri): string {
  if (folder === undefined) return uri.fsPath;
  const rel = vscode.workspace.asRelativePath(uri, false);
  return rel === uri.fsPath ? uri.fsPath : '${workspaceFolder}/' + rel;
}

function configFor(folder: vscode.WorkspaceFolder | undefined, elf: ElfFile): vscode.DebugConfiguration {
  const rel = vscode.workspace.asRelativePath(elf.uri, false);
  return {
    type: DEBUG_TYPE,
    request: 'launch',
    name: `Stepvisor: ${rel}`,
    program: programPath(folder, elf.uri),
    stopOnEntry: true,
  };
}

/**
 * Initial configurations (when launch.json is created) and dynamic ones (Run and Debug's "Stepvisor…" list):
 * one per ELF executable in the folder. resolveDebugConfiguration fills what a configuration leaves out.
 */
export class StepvisorConfigurationProvider implements vscode.DebugConfigurationProvider {
  constructor(private readonly trigger: vscode.DebugConfigurationProviderTriggerKind) {}

  async provideDebugConfigurations(folder: vscode.WorkspaceFolder | undefined): Promise<vscode.DebugConfiguration[]> {
    // VS Code also asks for the "user settings" scope (no folder); each folder has already been offered.
    if (this.trigger === vscode.DebugConfigurationProviderTriggerKind.Dynamic && folder === undefined && (vscode.workspace.workspaceFolders?.length ?? 0) > 0)
      return [];
    const elfs = await findElfFiles(folder);
    if (elfs.length === 0)
      return [{ type: DEBUG_TYPE, request: 'launch', name: 'Stepvisor: debug guest', program: '${workspaceFolder}/guest.elf', stopOnEntry: true }];
    return elfs.map((e) => configFor(folder, e));
  }

  async resolveDebugConfiguration(
    folder: vscode.WorkspaceFolder | undefined,
    config: vscode.DebugConfiguration,
  ): Promise<vscode.DebugConfiguration | null | undefined> {
    // F5 without a launch.json: pick the ELF (the only one, or ask).
    if (!config.type && !config.request && !config.name) {
      const elfs = await findElfFiles(folder);
      if (elfs.length === 0) {
        void vscode.window.showErrorMessage('Stepvisor: no ELF executable (*.elf) in this workspace. Build your guest, or add a launch configuration with "program".');
        return undefined;
      }
      let chosen = elfs[0];
      if (elfs.length > 1) {
        const pick = await vscode.window.showQuickPick(
          elfs.map((e) => ({ label: vscode.workspace.asRelativePath(e.uri, false), description: e.arch, elf: e })),
          { placeHolder: 'Guest ELF to debug' },
        );
        if (pick === undefined) return undefined;
        chosen = pick.elf;
      }
      config = configFor(folder, chosen);
    }
    if (typeof config.program !== 'string' || config.program.trim() === '') {
      void vscode.window.showErrorMessage('Stepvisor: the launch configuration has no "program"; set it to the guest ELF.');
      return null; // opens launch.json
    }
    config.type ??= DEBUG_TYPE;
    config.request ??= 'launch';
    config.name ??= 'Stepvisor';
    config.stopOnEntry ??= true;
    config.machine ??= 'virt';
    // Fill only what is absent; a malformed value goes through so the adapter can say what to fix.
    if (config.hypervisor === undefined) config.hypervisor = { profile: 'kvm', breakpointMode: 'auto' };
    else if (typeof config.hypervisor === 'object' && config.hypervisor !== null && !Array.isArray(config.hypervisor)) {
      const h = config.hypervisor as Record<string, unknown>;
      h.profile ??= 'kvm';
      h.breakpointMode ??= 'auto';
    }
    return config;
  }
}
