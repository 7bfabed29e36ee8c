/**
 * The emulator's public face: what the adapter, the CLI, tests and benchmarks may import.
 * (The adapter talks to the emulator only through these names, as a VMM talks to KVM.)
 */
export { Vm, Vcpu, type VmOptions, type VcpuStats, type DebugState, type DebugRegs, type ExceptionExitConfig } from './hyp/vm';
export type { Exit, ExitReason, Arm64DebugExit, X86DebugExit, GuestExceptionExit, TrapExit } from './hyp/exit';
export { EXIT_FLAG_HSR_HIGH_VALID } from './hyp/exit';
export { parseElf, ElfError, type ElfImage, type ElfSegment, type ElfSymbol, type ElfSection, type ElfArch } from './machine/elf';
export { VIRT_RAM_BASE, VIRT_UART_BASE, VIRT_DEFAULT_RAM } from './machine/virt';
export { warmUpInterpreter } from './hyp/warm-up';
export { runElfHeadless, type HeadlessOutcome, type HeadlessResult, type HeadlessOptions } from './headless';
export {
  KVM_GUESTDBG_ENABLE,
  KVM_GUESTDBG_SINGLESTEP,
  KVM_GUESTDBG_USE_SW_BP,
  KVM_GUESTDBG_USE_HW,
  type PolicyProfile,
  type GuestDebugConfig,
  type HostSpe,
  type DebugStats,
} from './hyp/debug-policy';
// The register database (one declarative source for the emulator, the adapter's views and the language server).
export {
  SYSREGS,
  sysRegByName,
  sysRegIndex,
  sysRegIndexByKey,
  sysRegKey,
  genericSysRegName,
  decodeFields,
  type SysRegDef,
  type SysRegField,
} from './arm64/sysregs';
// The A64 disassembler (GNU syntax, objdump as the reference) behind the adapter's disassembly view.
export { disassemble, type Disassembly } from './arm64/disasm';
