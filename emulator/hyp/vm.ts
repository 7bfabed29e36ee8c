import { Arm64Cpu, STOP_HVC, STOP_NO_VECTOR, STOP_NONE, STOP_PAUSE, STOP_WFI } from '../arm64/cpu';
import { VirtMachine, type VirtOptions } from '../machine/virt';
import { parseElf, type ElfImage } from '../machine/elf';
import type { Exit } from './exit';
import { handlePsci } from './psci';

export interface VmOptions extends VirtOptions {
  /** Machine model; only the arm64 `virt` board exists so far. */
  machine?: 'virt';
}

/** Per-vCPU counters a debugger or benchmark can read. */
export interface VcpuStats {
  runs: number;
  instructions: number;
  exits: Partial<Record<Exit['reason'], number>>;
}

/**
 * A virtual machine: guest memory and devices (the board) plus its vCPUs, driven the way a VMM drives
 * KVM: load an image, then call `Vcpu.run()` and act on each `Exit`.
 */
export class Vm {
  readonly machine: VirtMachine;
  private readonly vcpus: Vcpu[] = [];
  private image: ElfImage | undefined;

  constructor(options: VmOptions = {}) {
    this.machine = new VirtMachine(options);
  }

  createVcpu(): Vcpu {
    if (this.vcpus.length > 0) throw new Error('this machine model has one vCPU');
    const vcpu = new Vcpu(this);
    this.vcpus.push(vcpu);
    if (this.image !== undefined) vcpu.cpu.pc = this.image.entry;
    return vcpu;
  }

  /** Parse (throws ElfError with a one-line reason) and load a guest image; vCPUs start at its entry point. */
  loadElf(bytes: Uint8Array): ElfImage {
    const image = parseElf(bytes);
    const entry = this.machine.load(image);
    this.image = image;
    for (const v of this.vcpus) {
      v.cpu.flushDecoded();
      v.cpu.pc = entry;
    }
    return image;
  }

  get loadedImage(): ElfImage | undefined {
    return this.image;
  }

  /** Full system reset: RAM cleared, devices and CPUs reset, the image loaded again (PSCI SYSTEM_RESET, restart). */
  reset(): void {
    this.machine.reset();
    for (const v of this.vcpus) v.cpu.reset();
    if (this.image !== undefined) {
      const entry = this.machine.load(this.image);
      for (const v of this.vcpus) v.cpu.pc = entry;
    }
  }
}

const NAMED_CORE = /^x([0-9]|[12][0-9]|30)$/;
const NAMED_VREG = /^[vq]([0-9]|[12][0-9]|3[01])$/;

export class Vcpu {
  readonly cpu: Arm64Cpu;
  readonly stats: VcpuStats = { runs: 0, instructions: 0, exits: {} };
  private pausePending = false;
  private running = false;

  constructor(readonly vm: Vm) {
    this.cpu = new Arm64Cpu(vm.machine.bus);
  }

  /**
   * Run the guest until something needs the VMM, at most `maxInstructions` instructions (default: no limit
   * beyond 2^53). PSCI calls are served here, as KVM serves them, without an exit unless they end the system.
   */
  run(opts: { maxInstructions?: number } = {}): Exit {
    const flags = 0; // reset on every run (seed 004)
    this.stats.runs++;
    if (this.pausePending) {
      this.pausePending = false;
      return this.count({ reason: 'pause', flags });
    }
    const cpu = this.cpu;
    const start = cpu.icount;
    const limit = start + (opts.maxInstructions ?? Number.MAX_SAFE_INTEGER - start);
    this.running = true;
    try {
      for (;;) {
        const remaining = limit - cpu.icount;
        if (remaining <= 0) return this.count({ reason: 'budget', flags });
        const stop = cpu.run(remaining);
        switch (stop) {
          case STOP_NONE:
            return this.count({ reason: 'budget', flags });
          case STOP_PAUSE:
            this.pausePending = false;
            return this.count({ reason: 'pause', flags });
          case STOP_WFI:
            return this.count({ reason: 'halt', pc: cpu.pc, flags });
          case STOP_NO_VECTOR: {
            const s = cpu.sys;
            const esr = s.lastEsr;
            const far = s.lastFar;
            const elr = s.lastElr;
            return this.count({
              reason: 'internal-error',
              kind: 'no-vector',
              pc: elr,
              esr,
              far,
              elr,
              message: `exception with no usable vector: PC=0x${elr.toString(16)} ESR=0x${esr.toString(16)} FAR=0x${far.toString(16)} VBAR_EL1=0x${s.vbar.toString(16)}`,
              flags,
            });
          }
          case STOP_HVC: {
            const out = handlePsci(cpu.x[0], cpu.x[2]);
            if (out.kind === 'system-off') return this.count({ reason: 'shutdown', kind: 'system-off', flags });
            if (out.kind === 'system-reset') return this.count({ reason: 'shutdown', kind: 'system-reset', flags });
            // SMCCC: results in X0 (sign-extended), X1-X3 preserved by our calls.
            cpu.x[0] = out.x0 | 0;
            cpu.x[1] = out.x0 < 0 ? -1 : 0;
            continue;
          }
          default:
            throw new Error(`unexpected CPU stop reason ${stop}`);
        }
      }
    } finally {
      this.running = false;
      this.stats.instructions += cpu.icount - start;
    }
  }

  /** Make a running vCPU stop after its current instruction (or the next run return at once): exit 'pause'. */
  pause(): void {
    this.pausePending = true;
    if (this.running) this.cpu.requestStop(STOP_PAUSE);
  }

  /** Read a register by name: x0-x30, sp, pc, pstate, v0-v31 (128-bit), fpsr, fpcr, or a system register. */
  getOneReg(name: string): bigint {
    const cpu = this.cpu;
    const n = name.toLowerCase();
    if (NAMED_CORE.test(n)) return cpu.getX(Number(n.slice(1)));
    if (NAMED_VREG.test(n)) {
      const i = Number(n.slice(1));
      return (cpu.v64[2 * i + 1] << 64n) | cpu.v64[2 * i];
    }
    switch (n) {
      case 'sp':
        return cpu.getX(31);
      case 'pc':
        return cpu.pc;
      case 'pstate':
        return BigInt(cpu.pstate);
      case 'fpsr':
        return BigInt(cpu.fpsr >>> 0);
      case 'fpcr':
        return BigInt(cpu.fpcr >>> 0);
    }
    return cpu.sys.readSysregByName(name);
  }

  /** Write a register by name (see getOneReg). Throws RangeError for an unknown or read-only register. */
  setOneReg(name: string, value: bigint): void {
    const cpu = this.cpu;
    const n = name.toLowerCase();
    if (NAMED_CORE.test(n)) return cpu.setX(Number(n.slice(1)), value);
    if (NAMED_VREG.test(n)) {
      const i = Number(n.slice(1));
      const v = BigInt.asUintN(128, value);
      cpu.v64[2 * i] = v & 0xffff_ffff_ffff_ffffn;
      cpu.v64[2 * i + 1] = v >> 64n;
      return;
    }
    switch (n) {
      case 'sp':
        return cpu.setX(31, value);
      case 'pc':
        cpu.pc = value;
        return;
      case 'pstate':
        cpu.sys.writePstate(Number(BigInt.asUintN(32, value)));
        return;
      case 'fpsr':
        cpu.fpsr = Number(BigInt.asUintN(32, value)) | 0;
        return;
      case 'fpcr':
        cpu.fpcr = Number(BigInt.asUintN(32, value)) | 0;
        return;
    }
    cpu.sys.writeSysregByName(name, value);
  }

  private count(exit: Exit): Exit {
    this.stats.exits[exit.reason] = (this.stats.exits[exit.reason] ?? 0) + 1;
    return exit;
  }
}
