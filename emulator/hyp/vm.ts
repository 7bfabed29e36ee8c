import { Arm64Cpu, STOP_DEBUG, STOP_EL2_TRAP, STOP_HVC, STOP_NO_VECTOR, STOP_NONE, STOP_PAUSE, STOP_WFI } from '../arm64/cpu';
import { DebugPolicy, type DebugStats, type GuestDebugConfig, type HostSpe, type PolicyProfile } from './debug-policy';
import { MAX_SLOTS } from '../arm64/debug/debug-unit';
import { ACC_READ } from '../arm64/cpu';
import { EXIT_FLAG_HSR_HIGH_VALID } from './exit';
import { VirtMachine, type VirtOptions } from '../machine/virt';
import { parseElf, type ElfImage } from '../machine/elf';
import type { Exit, GuestExceptionExit } from './exit';
import { handlePsci } from './psci';
import { warmUpInterpreter } from './warm-up';

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

/** One debug-register set as 64-bit values, one entry per implemented slot. */
export interface DebugRegs {
  bcr: bigint[];
  bvr: bigint[];
  wcr: bigint[];
  wvr: bigint[];
  mdscr: bigint;
}

/**
 * `Vcpu.debugState()`: the guest's view of its debug registers next to the effective (live) state the hardware
 * runs with, which the hypervisor policy computes (USE_HW loads the VMM's slots, the emulated OS Lock clears
 * MDSCR.MDE, KVM's single-step sets MDSCR.SS...).
 */
export interface DebugState {
  guest: DebugRegs;
  effective: DebugRegs;
  oslsr: bigint;
  /** MDCR_EL2 in force (while stopped: the value the next entry computes). 0 under 'bare'. */
  mdcrEl2: bigint;
  counts: { breakpoints: number; watchpoints: number; contextBreakpoints: number };
  profile: PolicyProfile;
}

/** `Vcpu.setExceptionExits` argument: exception classes (ESR.EC values 0..63) or every class. */
export interface ExceptionExitConfig {
  classes: readonly number[] | 'all';
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
    warmUpInterpreter(); // once per process: see warm-up.ts
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

  /** Whether [pa, pa + length) is guest RAM. */
  isRam(pa: bigint, length = 1): boolean {
    return pa >= 0n && pa <= BigInt(Number.MAX_SAFE_INTEGER) && this.machine.bus.isRam(Number(pa), length);
  }

  /** Copy guest RAM out (a debugger's physical read). Throws RangeError naming the address outside RAM. */
  readPhysical(pa: bigint, length: number): Uint8Array {
    if (!this.isRam(pa, length)) throw new RangeError(`physical 0x${pa.toString(16)}+${length} is not guest RAM`);
    return this.machine.bus.readBytes(Number(pa), length);
  }

  /** Copy bytes into guest RAM; decoded code on the pages written is invalidated. Throws RangeError outside RAM. */
  writePhysical(pa: bigint, bytes: Uint8Array): void {
    if (!this.isRam(pa, bytes.length)) throw new RangeError(`physical 0x${pa.toString(16)}+${bytes.length} is not guest RAM`);
    this.machine.bus.writeBytes(Number(pa), bytes);
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
  /** The CPU model behind this vCPU: for the emulator's own tests only; a VMM uses the methods below. */
  readonly cpu: Arm64Cpu;
  readonly stats: VcpuStats;
  /** The hypervisor's debug policy for this vCPU (KVM's kvm_arm_setup_debug & co); emulator-internal like `cpu`. */
  readonly policy: DebugPolicy;
  private pausePending = false;
  private running = false;
  private intrAt = -1;
  private lastFar = 0n;
  private excExit: GuestExceptionExit | undefined;
  private trapExits = false;

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
    cpu.sys.onExceptionExit = (ec, farValid) => this.noteException(ec, farValid);
  }

  /**
   * Opt-in exits on guest exceptions (like KVM's opt-in exits): after the guest takes a synchronous exception
   * of one of `classes` (EC values), `run()` returns { reason: 'guest-exception', ... } with PC at the vector.
   * `null` or an empty list turns them off.
   */
  setExceptionExits(cfg: ExceptionExitConfig | null): void {
    let lo = 0;
    let hi = 0;
    if (cfg !== null) {
      if (cfg.classes === 'all') {
        lo = hi = -1;
      } else {
        for (const ec of cfg.classes) {
          if (!Number.isInteger(ec) || ec < 0 || ec > 63) throw new RangeError(`exception class ${ec} is not 0..63`);
          if (ec < 32) lo |= 1 << ec;
          else hi |= 1 << (ec - 32);
        }
      }
    }
    this.cpu.sys.exitEcLo = lo;
    this.cpu.sys.exitEcHi = hi;
  }

  /**
   * Opt-in exits on trapped guest system-register accesses the hypervisor serves (debug, OS Lock, PMU
   * registers under MDCR_EL2.TDA/TDOSA/TDRA/TPM): `run()` returns { reason: 'trap', ... } after each one.
   */
  setTrapExits(enabled: boolean): void {
    this.trapExits = enabled;
  }

  private noteException(ec: number, farValid: boolean): void {
    if (this.injecting) return;
    const s = this.cpu.sys;
    const rd = (n: string): bigint => s.readByName(n);
    this.excExit = {
      reason: 'guest-exception',
      ec,
      esr: rd('ESR_EL1'),
      farValid,
      far: rd('FAR_EL1'),
      elr: rd('ELR_EL1'),
      spsr: rd('SPSR_EL1'),
      pc: this.cpu.pc,
      flags: 0,
    };
    if (this.running) this.cpu.requestStop(STOP_PAUSE);
  }

  private injecting = false;

  /**
   * KVM_SET_GUEST_DEBUG: host debugging of this vCPU with KVM's arm64 semantics (spec C.2): ENABLE routes the
   * guest's debug exceptions and BRK to the VMM (MDCR_EL2.TDE); SINGLESTEP steps one guest instruction per run;
   * USE_HW makes `bcr/bvr/wcr/wvr` the live registers while the guest's stay readable in its shadow.
   */
  setGuestDebug(cfg: GuestDebugConfig): void {
    this.policy.setGuestDebug(cfg);
    if (!this.running) this.policy.preview();
  }

  /**
   * The debug registers as the guest sees them next to the effective state the hardware runs with. Always
   * current: while the vCPU is stopped the effective state is the one the next entry will load (after
   * setGuestDebug, register writes, OS Lock changes).
   */
  debugState(): DebugState {
    const cpu = this.cpu;
    const sys = cpu.sys;
    const mdcr = this.running ? this.policy.mdcr : this.policy.preview();
    const c = cpu.debug.counts;
    const guestSet = cpu.debug.guestRegs();
    const live = cpu.debug.live;
    const take = (a: readonly bigint[], n: number): bigint[] => a.slice(0, Math.min(n, MAX_SLOTS));
    return {
      guest: { bcr: take(guestSet.bcr, c.breakpoints), bvr: take(guestSet.bvr, c.breakpoints), wcr: take(guestSet.wcr, c.watchpoints), wvr: take(guestSet.wvr, c.watchpoints), mdscr: sys.readByName('MDSCR_EL1') },
      effective: { bcr: take(live.bcr, c.breakpoints), bvr: take(live.bvr, c.breakpoints), wcr: take(live.wcr, c.watchpoints), wvr: take(live.wvr, c.watchpoints), mdscr: BigInt(sys.effMdscr >>> 0) },
      oslsr: sys.readByName('OSLSR_EL1'),
      mdcrEl2: BigInt(mdcr >>> 0),
      counts: { breakpoints: c.breakpoints, watchpoints: c.watchpoints, contextBreakpoints: c.contextBreakpoints },
      profile: this.vm.profile,
    };
  }

  /**
   * The physical address of virtual `addr` under the current stage-1 regime (MMU off: the flat map), or
   * undefined if the walk faults. No side effects: no TLB fill, no exception, no Access-flag update.
   * Permissions are not checked: a debugger may read and patch read-only or never-executable pages.
   */
  translateVirtual(addr: bigint): bigint | undefined {
    const a = BigInt.asUintN(64, addr);
    const pa = this.cpu.sys.probe(Number(BigInt.asIntN(32, a)), Number(BigInt.asIntN(32, a >> 32n)), ACC_READ, 1);
    return pa < 0 ? undefined : BigInt(pa);
  }

  /** Whether every byte of [addr, addr + length) translates to guest RAM. */
  isBackedVirtual(addr: bigint, length = 1): boolean {
    try {
      this.virtualRuns(addr, length);
      return true;
    } catch (e) {
      if (e instanceof RangeError) return false;
      throw e;
    }
  }

  /**
   * Read guest memory at a virtual address (page by page through the current translation). Throws RangeError
   * naming the first failing address on a translation fault or an address that is not RAM (MMIO is never read:
   * device reads have side effects).
   */
  readVirtual(addr: bigint, length: number): Uint8Array {
    const out = new Uint8Array(length);
    let o = 0;
    for (const [pa, n] of this.virtualRuns(addr, length)) {
      out.set(this.vm.machine.bus.readBytes(pa, n), o);
      o += n;
    }
    return out;
  }

  /**
   * Write guest memory at a virtual address through the bus, so decoded code on the pages written is dropped
   * (software breakpoints, patched code). All pages are translated before any byte is written; RangeError as
   * readVirtual.
   */
  writeVirtual(addr: bigint, bytes: Uint8Array): void {
    let o = 0;
    for (const [pa, n] of this.virtualRuns(addr, bytes.length)) {
      this.vm.machine.bus.writeBytes(pa, bytes.subarray(o, o + n));
      o += n;
    }
  }

  /** [pa, length] runs covering [addr, addr + length), one per page; RangeError naming the first bad address. */
  private virtualRuns(addr: bigint, length: number): [number, number][] {
    if (!Number.isInteger(length) || length < 0) throw new RangeError(`length ${length} is not a byte count`);
    const runs: [number, number][] = [];
    let a = BigInt.asUintN(64, addr);
    let left = length;
    while (left > 0) {
      const inPage = Math.min(left, 4096 - Number(a & 0xfffn));
      const pa = this.translateVirtual(a);
      if (pa === undefined) throw new RangeError(`0x${a.toString(16)}: translation fault (no stage-1 mapping)`);
      if (!this.vm.isRam(pa, inPage)) throw new RangeError(`0x${a.toString(16)}: not guest RAM (physical 0x${pa.toString(16)})`);
      runs.push([Number(pa), inPage]);
      a = BigInt.asUintN(64, a + BigInt(inPage));
      left -= inPage;
    }
    return runs;
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
    this.injecting = true;
    try {
      cpu.sys.takeException(ec, iss, Number(BigInt.asIntN(32, far)), Number(BigInt.asIntN(32, far >> 32n)), farValid, cpu.pcLo, cpu.pcHi);
    } finally {
      this.injecting = false;
    }
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
    this.excExit = undefined;
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
        // A pause requested while the VMM's own code ran inside this run (a trap served, PSCI) still ends it.
        if (this.pausePending) {
          this.pausePending = false;
          return this.count({ reason: 'pause', flags });
        }
        const remaining = limit - cpu.icount;
        if (remaining <= 0) return stopped();
        const stop = cpu.run(remaining);
        if (this.excExit !== undefined && stop !== STOP_NO_VECTOR) return this.takeExceptionExit(flags);
        switch (stop) {
          case STOP_NONE:
            if (this.pausePending) {
              this.pausePending = false;
              return this.count({ reason: 'pause', flags });
            }
            return stopped();
          case STOP_EL2_TRAP: {
            const accessPc = cpu.pc;
            const oslk = cpu.sys.readByName('OSLSR_EL1') & 2n;
            const served = this.policy.handleTrap();
            if (this.excExit !== undefined) return this.takeExceptionExit(flags);
            if (this.trapExits && !served.undef) {
              const changed = (cpu.sys.readByName('OSLSR_EL1') & 2n) !== oslk;
              return this.count({
                reason: 'trap',
                register: served.register,
                write: !served.read,
                value: served.value,
                esr: served.esr,
                accessPc,
                ...(changed ? { osLockChanged: true } : {}),
                flags,
              });
            }
            continue;
          }
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

  private takeExceptionExit(flags: number): Exit {
    const e = this.excExit!;
    this.excExit = undefined;
    return this.count({ ...e, flags });
  }

  /** Host SPE state as the policy left it (undefined without `hostSpe`). */
  get hostSpe(): HostSpe | undefined {
    return this.policy.hostSpe;
  }

  /**
   * Make a running vCPU stop after its current instruction (or the next run return at once): exit 'pause'.
   * A pause is never lost: if the run ends for another reason first, the next run returns 'pause' at once.
   */
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
