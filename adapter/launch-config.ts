/**
 * The launch configuration: one typed source. `LAUNCH_SCHEMA` is what scripts/gen-launch-schema.ts writes into
 * package.json's `configurationAttributes.launch` (a test fails when package.json is stale); `validateLaunch`
 * turns what the client sent into a checked `LaunchConfig` or a message that says what to fix.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { parseElf, ElfError, type ElfImage, type PolicyProfile } from '../emulator';

export type BreakpointMode = 'hardware' | 'software' | 'auto';

/** What a client may send (every field optional except program; numbers may arrive as strings from users). */
export interface LaunchArguments {
  program?: unknown;
  arch?: unknown;
  machine?: unknown;
  memory?: unknown;
  stopOnEntry?: unknown;
  hypervisor?: unknown;
  cpu?: unknown;
  sourceMap?: unknown;
  /** Test hook: instructions per run slice. */
  sliceInstructions?: unknown;
}

export interface LaunchConfig {
  program: string;
  image: ElfImage;
  bytes: Uint8Array;
  arch: 'arm64';
  machine: 'virt';
  memoryBytes: number;
  stopOnEntry: boolean;
  profile: PolicyProfile;
  breakpointMode: BreakpointMode;
  breakpoints: number;
  watchpoints: number;
  sourceMap: { from: string; to: string }[];
  sliceInstructions: number;
}

export const PROFILES: readonly PolicyProfile[] = ['kvm', 'kvm-5.16', 'bare'];
export const BREAKPOINT_MODES: readonly BreakpointMode[] = ['hardware', 'software', 'auto'];

/** JSON schema (the subset VS Code reads) for `launch`. Edit here, then `npm run gen:launch-schema`. */
export const LAUNCH_SCHEMA = {
  required: ['program'],
  properties: {
    program: { type: 'string', description: 'Guest ELF to load (static AArch64 executable linked for RAM at 0x40000000).' },
    arch: { type: 'string', enum: ['arm64'], description: "Guest architecture. Default: from the ELF header (only 'arm64' runs today)." },
    machine: { type: 'string', enum: ['virt'], default: 'virt', description: 'Machine model: QEMU virt-compatible (RAM at 0x40000000, PL011 at 0x09000000, PSCI via HVC).' },
    memory: {
      type: ['string', 'integer'],
      default: '128M',
      description: "Guest RAM: bytes, or with a suffix ('64M', '1G'). Multiple of 4 KiB, at most 64G.",
    },
    stopOnEntry: { type: 'boolean', default: true, description: 'Stop at the ELF entry point before the first instruction.' },
    hypervisor: {
      type: 'object',
      description: 'The hypervisor model between the debugger and the guest.',
      default: { profile: 'kvm', breakpointMode: 'auto' },
      properties: {
        profile: {
          type: 'string',
          enum: ['kvm', 'kvm-5.16', 'bare'],
          enumDescriptions: [
            'Upstream KVM: OS Lock emulated, debug registers switched lazily.',
            'KVM before OS Lock emulation (Linux 5.16).',
            'No hypervisor: the guest owns the debug hardware; breakpoints and hardware single-step are unavailable.',
          ],
          default: 'kvm',
          description: 'Hypervisor debug policy.',
        },
        breakpointMode: {
          type: 'string',
          enum: ['hardware', 'software', 'auto'],
          enumDescriptions: ['DBGBCR/DBGBVR slots only.', 'BRK patched into guest memory (hidden from memory reads).', 'Hardware slots, software once they run out.'],
          default: 'auto',
          description: 'How code breakpoints are implemented unless a breakpoint asks for a mode.',
        },
      },
      additionalProperties: false,
    },
    cpu: {
      type: 'object',
      description: 'Debug resources the CPU advertises in ID_AA64DFR0_EL1.',
      default: { breakpoints: 6, watchpoints: 4 },
      properties: {
        breakpoints: { type: 'integer', minimum: 2, maximum: 16, default: 6, description: 'Hardware breakpoints the CPU advertises in ID_AA64DFR0_EL1 (2-16; QEMU -cpu max has 6).' },
        watchpoints: { type: 'integer', minimum: 2, maximum: 16, default: 4, description: 'Hardware watchpoints the CPU advertises in ID_AA64DFR0_EL1 (2-16; QEMU -cpu max has 4).' },
      },
      additionalProperties: false,
    },
    sourceMap: {
      type: 'object',
      description: 'Path substitution for sources recorded in DWARF: { "/stepvisor": "${workspaceFolder}" }.',
      additionalProperties: { type: 'string' },
      default: { '/stepvisor': '${workspaceFolder}' },
    },
  },
} as const;

export class LaunchError extends Error {}

function parseMemory(v: unknown): number {
  if (v === undefined) return 128 * 1024 * 1024;
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    const m = /^\s*(\d+)\s*([KMG]?)i?B?\s*$/i.exec(v);
    if (m === null) throw new LaunchError(`"memory": '${v}' is not a size; use bytes or a suffix, e.g. "128M" or "1G"`);
    n = Number(m[1]) * { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[2].toUpperCase() as '' | 'K' | 'M' | 'G'];
  } else throw new LaunchError(`"memory" must be a number of bytes or a string like "128M", got ${JSON.stringify(v)}`);
  if (!Number.isSafeInteger(n) || n < 4096 || n % 4096 !== 0 || n > 64 * 1024 ** 3)
    throw new LaunchError(`"memory": ${String(v)} is not usable; give a multiple of 4 KiB between 4K and 64G`);
  return n;
}

function intIn(v: unknown, name: string, min: number, max: number, dflt: number): number {
  if (v === undefined) return dflt;
  const n = typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) throw new LaunchError(`"${name}" must be an integer from ${min} to ${max}, got ${JSON.stringify(v)}`);
  return n;
}

function obj(v: unknown, name: string): Record<string, unknown> {
  if (v === undefined) return {};
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new LaunchError(`"${name}" must be an object, got ${JSON.stringify(v)}`);
  return v as Record<string, unknown>;
}

function known(o: Record<string, unknown>, name: string, keys: string[]): void {
  for (const k of Object.keys(o)) if (!keys.includes(k)) throw new LaunchError(`"${name}.${k}" is not a setting; known: ${keys.join(', ')}`);
}

/** Check the client's arguments; throws LaunchError with a message naming the field and the fix. */
export function validateLaunch(a: LaunchArguments): LaunchConfig {
  if (typeof a.program !== 'string' || a.program.trim() === '') throw new LaunchError('"program" is missing: set it to the guest ELF file, e.g. "${workspaceFolder}/hello.elf"');
  const program = a.program;
  if (!existsSync(program)) throw new LaunchError(`"program": ${program} does not exist; build the guest or fix the path`);
  if (!statSync(program).isFile()) throw new LaunchError(`"program": ${program} is not a file`);
  const bytes = readFileSync(program);
  let image: ElfImage;
  try {
    image = parseElf(bytes);
  } catch (e) {
    if (e instanceof ElfError) throw new LaunchError(`"program": ${program} cannot be loaded: ${e.message}`);
    throw e;
  }
  if (a.arch !== undefined && a.arch !== 'arm64' && a.arch !== 'x86_64') throw new LaunchError(`"arch": unknown architecture ${JSON.stringify(a.arch)}; use "arm64" or leave it out`);
  const arch = (a.arch as string | undefined) ?? image.arch;
  if (arch !== image.arch) throw new LaunchError(`"arch" is "${arch}" but ${program} is an ${image.arch} ELF; remove "arch" or pick the right program`);
  if (arch !== 'arm64') throw new LaunchError(`${program} is an ${arch} ELF; only arm64 guests can be debugged so far`);
  if (a.machine !== undefined && a.machine !== 'virt') throw new LaunchError(`"machine": unknown machine ${JSON.stringify(a.machine)}; the only machine is "virt"`);
  const hyp = obj(a.hypervisor, 'hypervisor');
  known(hyp, 'hypervisor', ['profile', 'breakpointMode']);
  const profile = hyp.profile ?? 'kvm';
  if (typeof profile !== 'string' || !(PROFILES as readonly string[]).includes(profile)) throw new LaunchError(`"hypervisor.profile": unknown profile ${JSON.stringify(profile)}; use one of ${PROFILES.join(', ')}`);
  const mode = hyp.breakpointMode ?? 'auto';
  if (typeof mode !== 'string' || !(BREAKPOINT_MODES as readonly string[]).includes(mode)) throw new LaunchError(`"hypervisor.breakpointMode": unknown mode ${JSON.stringify(mode)}; use one of ${BREAKPOINT_MODES.join(', ')}`);
  const cpu = obj(a.cpu, 'cpu');
  known(cpu, 'cpu', ['breakpoints', 'watchpoints']);
  const breakpoints = intIn(cpu.breakpoints, 'cpu.breakpoints', 2, 16, 6);
  const watchpoints = intIn(cpu.watchpoints, 'cpu.watchpoints', 2, 16, 4);
  if (a.stopOnEntry !== undefined && typeof a.stopOnEntry !== 'boolean') throw new LaunchError(`"stopOnEntry" must be true or false, got ${JSON.stringify(a.stopOnEntry)}`);
  const sm = obj(a.sourceMap, 'sourceMap');
  const sourceMap: { from: string; to: string }[] = [];
  for (const [from, to] of Object.entries(sm)) {
    if (typeof to !== 'string') throw new LaunchError(`"sourceMap": the value for "${from}" must be a path string`);
    sourceMap.push({ from, to });
  }
  return {
    program,
    image,
    bytes,
    arch: 'arm64',
    machine: 'virt',
    memoryBytes: parseMemory(a.memory),
    stopOnEntry: a.stopOnEntry !== false,
    profile: profile as PolicyProfile,
    breakpointMode: mode as BreakpointMode,
    breakpoints,
    watchpoints,
    sourceMap,
    sliceInstructions: intIn(a.sliceInstructions, 'sliceInstructions', 1000, 1e9, 250_000),
  };
}

/** package.json `initialConfigurations`: what a new launch.json gets. */
export const INITIAL_CONFIGURATIONS = [
  {
    type: 'stepvisor',
    request: 'launch',
    name: 'Debug guest ELF (Stepvisor)',
    program: '${workspaceFolder}/hello.elf',
    stopOnEntry: true,
    hypervisor: { profile: 'kvm', breakpointMode: 'auto' },
    sourceMap: { '/stepvisor/examples/hello': '${workspaceFolder}' },
  },
];

/** package.json `configurationSnippets`. */
export const CONFIGURATION_SNIPPETS = [
  {
    label: 'Stepvisor: debug an arm64 guest ELF',
    description: 'Run a guest ELF on the emulated virt machine under a KVM-like hypervisor',
    body: {
      type: 'stepvisor',
      request: 'launch',
      name: 'Debug ${1:guest}',
      program: '^"\\${workspaceFolder}/${1:guest}.elf"',
      stopOnEntry: true,
      hypervisor: { profile: '${2|kvm,kvm-5.16,bare|}', breakpointMode: '${3|auto,hardware,software|}' },
    },
  },
  {
    label: 'Stepvisor: guest built with -ffile-prefix-map',
    description: 'Map the compiled-in /stepvisor prefix back to the workspace',
    body: {
      type: 'stepvisor',
      request: 'launch',
      name: 'Debug ${1:guest} (source map)',
      program: '^"\\${workspaceFolder}/${1:guest}.elf"',
      sourceMap: { '/stepvisor': '^"\\${workspaceFolder}"' },
    },
  },
];
