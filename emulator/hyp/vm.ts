import { Arm64Cpu, STOP_DEBUG, STOP_EL2_TRAP, STOP_HVC, STOP_NO_VECTOR, STOP_NONE, STOP_PAUSE, STOP_WFI } from '../arm64/cpu';
import { DebugPolicy, type DebugStats, type GuestDebugConfig, type HostSpe, type PolicyProfile } from './debug-policy';
import { EXIT_FLAG_HSR_HIGH_VALID } from './exit';
import { VirtMachine, type VirtOptions } from '../machine/virt';
import { parseElf, type ElfImage } from '../machine/elf';
import type { Exit } from './exit';
import { handlePsci } from './psci';

export interface VmOptions extends VirtOptions {
  /** Machine model; only the arm64 `virt` board exists so far. */
  machine?: 'virt';
  /**
   * Hypervisor policy (PROFILES.md): 'kvm' (default, upstream KVM: OSLSR_EL1 resets to 0x8, OS Lock emulated),
   * 'kvm-5.16' (before OS Lock emulation), 'bare' (no hypervisor: the guest owns the debug hardware, OSLSR 0xA).
   */
  profile?: PolicyProfile;
  /** Debug resources advertised in ID_AA64DFR0_EL1 (default 6 / 4 / 2, as QEMU -cpu max; at most 6 / 4). */
  breakpoints?: number;
  watchpoints?: number;
  contextBreakpoints?: number;
  /** The host CPU implements SPE and profiles with it (seed 001); the guest never sees SPE. */
  hostSpe?: HostSpe;
}

/** Per-vCPU counters a debugger or benchmark can read. */
export interface VcpuStats {
  runs: number;
  instructions: number;
  exits: Partial<Record<Exit['reason'], number>>;
  /** Debug world switches, trapped debug-register accesses, SPE drains (the hypervisor's debug work). */
  debug: DebugStats;
}

/**
 * A virtual machine: guest memory and devices (the board) plus its vCPUs, driven the way a VMM drives
 * KVM: load an image, then call `Vcpu.run()` and act on each `Exit`.
 */
export class Vm {
  readonly machine: VirtMachine;
  private readonly vcpus: Vcpu[] = [];
  private image: ElfImage | undefined;
  readonly profile: PolicyProfile;

  constructor(readonly options: VmOptions = {}) {
    this.machine = new VirtMachine(options);
    this.profile = options.profile ?? 'kvm';
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
  readonly stats: VcpuStats;
  /** The hypervisor's debug policy for this vCPU (KVM's kvm_arm_setup_debug & co). */
  readonly policy: DebugPolicy;
  private pausePending = false;
  private running = false;
  private intrAt = -1;
  private lastFar = 0n;

  constructor(readonly vm: Vm) {
    const cpu = new Arm64Cpu(vm.machine.bus);
    this.cpu = cpu;
    const o = vm.options;
    const so = cpu.sys.options;
    so.breakpoints = o.breakpoints ?? 6;
    so.watchpoints = o.watchpoints ?? 4;
    so.contextBreakpoints = o.contextBreakpoints ?? 2;
    const whole = (v: number): boolean => Number.isInteger(v);
    if (
      !whole(so.breakpoints) || !whole(so.watchpoints) || !whole(so.contextBreakpoints) ||
      so.breakpoints < 2 || so.breakpoints > 16 || so.watchpoints < 2 || so.watchpoints > 16 ||
      so.contextBreakpoints < 1 || so.contextBreakpoints > so.breakpoints
    ) {
      // The architecture's ranges: BRPs/WRPs encode 2..16, CTX_CMPs 1..BRPs+1.
      throw new RangeError('debug resources: 2..16 breakpoints, 2..16 watchpoints, 1..breakpoints context-aware');
    }
    // bare: the architecture's cold reset (OS Lock set, 0xA) and QEMU's register write rules; KVM: 0x8.
    so.osLockAtReset = vm.profile === 'bare';
    so.qemuDebugRegWrites = vm.profile === 'bare';
    so.spe = o.hostSpe !== undefined && vm.profile !== 'bare';
    cpu.reset();
    this.policy = new DebugPolicy(cpu, vm.profile);
    if (o.hostSpe !== undefined) this.policy.hostSpe = { ...o.hostSpe };
    cpu.debug.refresh();
    this.stats = { runs: 0, instructions: 0, exits: {}, debug: this.policy.stats };
  }

  /**
   * KVM_SET_GUEST_DEBUG: host debugging of this vCPU with KVM's arm64 semantics (spec C.2): ENABLE routes the
   * guest's debug exceptions and BRK to the VMM (MDCR_EL2.TDE); SINGLESTEP steps one guest instruction per run;
   * USE_HW makes `bcr/bvr/wcr/wvr` the live registers while the guest's stay readable in its shadow.
   */
  setGuestDebug(cfg: GuestDebugConfig): void {
    this.policy.setGuestDebug(cfg);
  }

  /**
   * Hand a debug event back to the guest, as QEMU's kvm_arm_handle_debug does when the event is not the VMM's:
   * exception entry to EL1 with the reported syndrome. 'architectural' (default) delivers what the guest would
   * have received without a hypervisor: the EC becomes the current-EL class (0x31/0x33/0x35) when the guest is at
   * EL1, and FAR_EL1 is written for watchpoints. 'qemu' reproduces QEMU 7.2: ESR as reported (lower-EL class),
   * FAR_EL1 untouched.
   */
  injectException(ev: { hsr: number; far?: bigint }, mode: 'architectural' | 'qemu' = 'architectural'): void {
    const cpu = this.cpu;
    let ec = (ev.hsr >>> 26) & 0x3f;
    const iss = ev.hsr & 0x1ffffff;
    const far = ev.far ?? 0n;
    const isDebugLow = ec === 0x30 || ec === 0x32 || ec === 0x34;
    if (mode === 'architectural' && isDebugLow && cpu.el === 1) ec += 1;
    const farValid = mode === 'architectural' && (ec === 0x34 || ec === 0x35);
    cpu.sys.takeException(ec, iss, Number(BigInt.asIntN(32, far)), Number(BigInt.asIntN(32, far >> 32n)), farValid, cpu.pcLo, cpu.pcHi);
    cpu.debug.dropStepRecord();
  }

  /** A host interrupt will end the run after `instructions` more guest instructions retire (exit 'intr'). */
  scheduleInterruptExit(instructions: number): void {
    this.intrAt = this.cpu.icount + instructions;
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
    const budget = start + (opts.maxInstructions ?? Number.MAX_SAFE_INTEGER - start);
    const intr = this.intrAt >= 0 && this.intrAt < budget;
    const limit = intr ? Math.max(this.intrAt, start) : budget;
    const stopped = (): Exit => {
      if (intr && cpu.icount >= this.intrAt) {
        this.intrAt = -1;
        // An asynchronous exit: a completed stepped instruction leaves PSTATE.SS = 0 (active-pending), so the step
        // exception that follows has ISV = 0. Budget and pause stops stay invisible to the guest instead.
        cpu.debug.settle();
        return this.count({ reason: 'intr', flags });
      }
      return this.count({ reason: 'budget', flags });
    };
    this.running = true;
    let stepExit = false;
    this.policy.enter();
    try {
      for (;;) {
        const remaining = limit - cpu.icount;
        if (remaining <= 0) return stopped();
        const stop = cpu.run(remaining);
        switch (stop) {
          case STOP_NONE:
            return stopped();
          case STOP_EL2_TRAP:
            this.policy.handleTrap();
            continue;
          case STOP_DEBUG: {
            const s = cpu.sys;
            const hsr = s.el2Esr >>> 0;
            stepExit = hsr >>> 26 === 0x32;
            if (hsr >>> 26 === 0x34) this.lastFar = (BigInt(s.el2FarHi >>> 0) << 32n) | BigInt(s.el2FarLo >>> 0);
            // FAR_EL2 is written only for watchpoints: other exits report whatever it held (KVM's far).
            return this.count({ reason: 'debug', arm64: { hsr, hsrHigh: 0, far: this.lastFar }, flags: flags | EXIT_FLAG_HSR_HIGH_VALID });
          }
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
      this.policy.leave(stepExit);
      this.stats.instructions += cpu.icount - start;
    }
  }

  /** Host SPE state as the policy left it (undefined without `hostSpe`). */
  get hostSpe(): HostSpe | undefined {
    return this.policy.hostSpe;
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
        return BigInt(((cpu.pstate & ~(1 << 21)) | (cpu.debug.architecturalSS() << 21)) >>> 0);
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
        cpu.debug.dropStepRecord();
        return;
      case 'pstate':
        cpu.sys.writePstate(Number(BigInt.asUintN(32, value)));
        cpu.debug.dropStepRecord();
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
