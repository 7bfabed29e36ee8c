import type { Arm64Cpu } from '../arm64/cpu';
import { emptyRegSet, type DebugRegSet, type DebugUnit, MAX_SLOTS } from '../arm64/debug/debug-unit';
import { EL2_TRAP_BIT, SYSREGS, genericSysRegName, sysRegIndex, sysRegIndexByKey, sysRegKey } from '../arm64/sysregs';

/**
 * KVM's arm64 guest-debug policy (spec §C.2, §C.5; seeds 000, 001, 002, 004) as the hypervisor half of the
 * emulator: what runs behind the guest's back on every vCPU entry and exit, and how trapped guest accesses to
 * debug registers are served. Differences between profiles are listed in PROFILES.md.
 */

/** Hypervisor policy a VM runs under. */
export type PolicyProfile = 'kvm' | 'kvm-5.16' | 'bare';

/** KVM_SET_GUEST_DEBUG control bits (uapi). */
export const KVM_GUESTDBG_ENABLE = 0x1;
export const KVM_GUESTDBG_SINGLESTEP = 0x2;
export const KVM_GUESTDBG_USE_SW_BP = 0x10000;
export const KVM_GUESTDBG_USE_HW = 0x20000;

/** The argument of `Vcpu.setGuestDebug`: `struct kvm_guest_debug` with named control bits. */
export interface GuestDebugConfig {
  enable: boolean;
  singlestep?: boolean;
  useSwBp?: boolean;
  useHw?: boolean;
  /** kvm_guest_debug_arch: up to 16 entries each, copied verbatim (only the implemented count is ever used). */
  bcr?: readonly bigint[];
  bvr?: readonly bigint[];
  wcr?: readonly bigint[];
  wvr?: readonly bigint[];
}

/** The host's statistical profiling state (seed 001): present when the host CPU implements SPE. */
export interface HostSpe {
  pmscr: bigint;
  pmblimitr: bigint;
  pmbidr: bigint;
}

export interface DebugStats {
  /** Entries on which the debug registers were switched (loaded into the live set): the lazy world switch. */
  worldSwitches: number;
  /** Guest accesses to debug/OS/PMU/SPE registers trapped to the hypervisor (MDCR_EL2.TDA/TDOSA/TDRA/TPM*). */
  trappedAccesses: number;
  /** Entries on which the host's SPE buffer was stopped and drained (PMSCR_EL1 saved, 0 written). */
  speDrains: number;
}

/** MDCR_EL2 bits (A.6). */
export const MDCR_TPMCR = 1 << 5;
export const MDCR_TPM = 1 << 6;
export const MDCR_TDE = 1 << 8;
export const MDCR_TDA = 1 << 9;
export const MDCR_TDOSA = 1 << 10;
export const MDCR_TDRA = 1 << 11;
export const MDCR_TPMS = 1 << 14;

const MDSCR_SS = 1;
const MDSCR_KDE = 1 << 13;
const MDSCR_MDE = 1 << 15;

const I_MDSCR = sysRegIndex('MDSCR_EL1');
const I_OSLSR = sysRegIndex('OSLSR_EL1');

/** Registers KVM answers as RAZ/WI (C.2.7). */
const RAZ_WI = new Set(['OSDLR_EL1', 'DBGPRCR_EL1', 'DBGCLAIMSET_EL1', 'DBGCLAIMCLR_EL1', 'MDRAR_EL1', 'MDCCSR_EL0']);
const OWNERSHIP_REGS = /^(DBG[BW][CV]R\d+_EL1|MDSCR_EL1)$/;

type Owner = 'free' | 'guest' | 'host';

/** What `handleTrap` served: the register, the direction, the value moved, or UNDEF injected. */
export interface ServedTrap {
  register: string;
  read: boolean;
  value: bigint;
  undef: boolean;
  /** ESR_EL2 of the trap. */
  esr: number;
}

export class DebugPolicy {
  /** KVM_SET_GUEST_DEBUG control word in force (0 = not debugging). */
  control = 0;
  /** The host debugger's registers (external_debug_state). */
  readonly host: DebugRegSet = emptyRegSet();
  /** KVM's DBG_SS_ACTIVE_PENDING: the stepped instruction completed but its step exception is still owed. */
  activePending = false;
  /** MDCR_EL2 as computed on the last entry. */
  mdcr = 0;
  /** Who owns the debug registers (newer KVM's debug_owner; kvm-5.16: 'guest' = DEBUG_DIRTY). */
  owner: Owner = 'free';
  readonly stats: DebugStats = { worldSwitches: 0, trappedAccesses: 0, speDrains: 0 };
  /** Host SPE state (undefined: the host CPU has no SPE). */
  hostSpe: HostSpe | undefined;

  private tampered = false;
  private savedSS = 0;
  private savedPmscr = 0n;

  constructor(
    readonly cpu: Arm64Cpu,
    readonly profile: PolicyProfile,
  ) {
    if (profile !== 'bare') cpu.debug.computeEffective = (d) => this.effective(d);
  }

  private get osLocked(): boolean {
    return this.profile === 'kvm' && (this.cpu.sys.lo[I_OSLSR] & 2) !== 0;
  }

  // ---------------------------------------------------------------- KVM_SET_GUEST_DEBUG

  setGuestDebug(cfg: GuestDebugConfig): void {
    if (this.profile === 'bare') throw new Error('the bare profile has no hypervisor: setGuestDebug is not available');
    if (!cfg.enable) {
      this.control = 0;
      this.activePending = false;
    } else {
      this.control = KVM_GUESTDBG_ENABLE | (cfg.singlestep === true ? KVM_GUESTDBG_SINGLESTEP : 0) | (cfg.useSwBp === true ? KVM_GUESTDBG_USE_SW_BP : 0) | (cfg.useHw === true ? KVM_GUESTDBG_USE_HW : 0);
      if (cfg.useHw === true) {
        for (let n = 0; n < MAX_SLOTS; n++) {
          this.host.bcr[n] = cfg.bcr?.[n] ?? 0n;
          this.host.bvr[n] = cfg.bvr?.[n] ?? 0n;
          this.host.wcr[n] = cfg.wcr?.[n] ?? 0n;
          this.host.wvr[n] = cfg.wvr?.[n] ?? 0n;
        }
      }
    }
  }

  // ---------------------------------------------------------------- entry / exit (kvm_arm_setup_debug / kvm_arm_clear_debug)

  /** vCPU entry: MDCR_EL2, ownership, the effective MDSCR/PSTATE.SS and the live registers; SPE drained. */
  enter(): void {
    const cpu = this.cpu;
    if (this.profile === 'bare') {
      cpu.debug.refresh();
      return;
    }
    this.configure(true);
    this.tampered = this.control !== 0 || this.osLocked;
    if (this.tampered) {
      this.savedSS = cpu.pstateSS;
      if ((this.control & KVM_GUESTDBG_SINGLESTEP) !== 0) cpu.pstateSS = this.activePending ? 0 : 1;
    }
    cpu.debug.refresh();
    this.saveSpe();
  }

  /** vCPU exit: ACTIVE_PENDING bookkeeping, the guest's PSTATE.SS restored, the host's SPE restarted. */
  leave(stepExit: boolean): void {
    const cpu = this.cpu;
    if (this.profile === 'bare') return;
    if (this.tampered) {
      if ((this.control & KVM_GUESTDBG_SINGLESTEP) !== 0 && cpu.pstateSS === 0) this.activePending = true;
      cpu.pstateSS = this.savedSS;
      this.tampered = false;
    }
    if (stepExit) this.activePending = false;
    if (this.profile === 'kvm-5.16' && this.owner === 'guest') this.owner = 'free'; // DEBUG_DIRTY cleared on exit
    this.restoreSpe();
  }

  /** The owner the next entry computes from the current state (pure). */
  private nextOwner(): Owner {
    const guestDebug = this.control !== 0;
    const mdscr = this.cpu.sys.lo[I_MDSCR];
    if (this.profile === 'kvm') {
      // debug_owner: HOST while debugging or locked; GUEST once the guest enabled debug or wrote a register.
      return guestDebug || this.osLocked ? 'host' : (mdscr & (MDSCR_KDE | MDSCR_MDE)) !== 0 || this.owner === 'guest' ? 'guest' : 'free';
    }
    // DEBUG_DIRTY: set when the guest's MDSCR enables debug or it wrote a debug register; cleared on exit.
    return guestDebug ? 'host' : (mdscr & (MDSCR_KDE | MDSCR_MDE)) !== 0 || this.owner === 'guest' ? 'guest' : 'free';
  }

  /** MDCR_EL2 for `owner` and the current KVM_SET_GUEST_DEBUG control (pure). */
  private mdcrFor(owner: Owner): number {
    let mdcr = MDCR_TPM | MDCR_TPMCR | MDCR_TDRA | MDCR_TDOSA | (this.cpu.sys.options.spe ? MDCR_TPMS : 0);
    if (this.control !== 0) mdcr |= MDCR_TDE;
    const tda = this.profile === 'kvm' ? owner !== 'guest' : (this.control & KVM_GUESTDBG_USE_HW) !== 0 || owner !== 'guest';
    if (tda) mdcr |= MDCR_TDA;
    return mdcr;
  }

  /**
   * While the vCPU is stopped: load the live set and effective MDSCR the next entry will load, and return the
   * MDCR_EL2 it will compute, without changing ownership, traps or statistics (the VMM's views).
   */
  preview(): number {
    if (this.profile === 'bare') {
      this.cpu.debug.refresh();
      return 0;
    }
    const saved = this.owner;
    const next = this.nextOwner();
    this.owner = next;
    try {
      this.cpu.debug.refresh();
    } finally {
      this.owner = saved;
    }
    return this.mdcrFor(next);
  }

  /** Ownership and MDCR_EL2 for the next stretch of guest execution, applied to the system layer. */
  private configure(entry: boolean): void {
    this.owner = this.nextOwner();
    this.mdcr = this.mdcrFor(this.owner);
    this.applyMdcr();
    if (entry && (this.owner !== 'free' || (this.control & KVM_GUESTDBG_USE_HW) !== 0)) this.stats.worldSwitches++;
  }

  private applyMdcr(): void {
    const sys = this.cpu.sys;
    const m = this.mdcr;
    const tde = (m & MDCR_TDE) !== 0;
    let traps = 0;
    if (tde || (m & MDCR_TDA) !== 0) traps |= EL2_TRAP_BIT['MDCR_EL2.TDA'];
    if (tde || (m & MDCR_TDOSA) !== 0) traps |= EL2_TRAP_BIT['MDCR_EL2.TDOSA'];
    if (tde || (m & MDCR_TDRA) !== 0) traps |= EL2_TRAP_BIT['MDCR_EL2.TDRA'];
    if ((m & MDCR_TPM) !== 0) traps |= EL2_TRAP_BIT['MDCR_EL2.TPM'];
    if ((m & MDCR_TPMCR) !== 0) traps |= EL2_TRAP_BIT['MDCR_EL2.TPMCR'];
    if ((m & MDCR_TPMS) !== 0) traps |= EL2_TRAP_BIT['MDCR_EL2.TPMS'];
    if (sys.options.spe) traps |= EL2_TRAP_BIT['MDCR_EL2.E2PB']; // E2PB = 0b00
    sys.el2TrapsActive = traps;
    sys.debugTargetEl2 = tde ? 1 : 0;
  }

  /** The debug unit's computeEffective for the KVM profiles. */
  private effective(d: DebugUnit): void {
    const sys = this.cpu.sys;
    const oslk = this.osLocked;
    if ((this.control & KVM_GUESTDBG_USE_HW) !== 0) d.loadLive(this.host);
    else if (this.owner !== 'free') d.loadFromGuest();
    else d.loadEmpty();
    let m = sys.lo[I_MDSCR];
    if (this.control !== 0 || oslk) {
      if ((this.control & KVM_GUESTDBG_SINGLESTEP) !== 0) m |= MDSCR_SS;
      else m &= ~MDSCR_SS;
      if ((this.control & KVM_GUESTDBG_USE_HW) !== 0) m |= MDSCR_MDE;
      else if (oslk) m &= ~MDSCR_MDE;
    }
    sys.effMdscr = m;
    sys.effOsLock = 0; // the hardware OS Lock is never set for a guest (TDOSA traps OSLAR)
  }

  // ---------------------------------------------------------------- trapped accesses (C.2.7)

  /**
   * Serve the access that stopped the CPU with STOP_EL2_TRAP (syndrome in sys.el2Esr), as KVM's trap handlers
   * do, and resume the guest after it (or inject UNDEF). Returns what was served.
   */
  handleTrap(): ServedTrap {
    const cpu = this.cpu;
    const sys = cpu.sys;
    const iss = sys.el2Esr & 0x1ffffff;
    const read = (iss & 1) !== 0;
    const rt = (iss >>> 5) & 31;
    const key = sysRegKey((iss >>> 20) & 3, (iss >>> 14) & 7, (iss >>> 10) & 15, (iss >>> 1) & 15, (iss >>> 17) & 7);
    const i = sysRegIndexByKey(key);
    const name = i >= 0 ? SYSREGS[i].name : '';
    const register = i >= 0 ? name : genericSysRegName((iss >>> 20) & 3, (iss >>> 14) & 7, (iss >>> 10) & 15, (iss >>> 1) & 15, (iss >>> 17) & 7);
    const esr = sys.el2Esr >>> 0;
    const xt = rt === 31 ? 0n : cpu.getX(rt);
    this.stats.trappedAccesses++;
    const before = this.owner;
    let value = 0n;
    let undef = false;
    if (i < 0 || /^PM/.test(name)) {
      undef = true; // no vPMU, SPE hidden (PMSVer = 0 in the guest's ID register)
    } else if (RAZ_WI.has(name)) {
      value = 0n;
    } else if (name === 'OSLAR_EL1') {
      if (this.profile === 'kvm') {
        sys.writeReg(i, rt === 31 ? 0n : cpu.getX(rt));
      } // kvm-5.16: write ignored
    } else if (name === 'OSLSR_EL1') {
      value = this.profile === 'kvm' ? sys.readReg(i) : 0x8n;
    } else {
      if (read) value = sys.readReg(i);
      else sys.writeReg(i, rt === 31 ? 0n : cpu.getX(rt));
      if (OWNERSHIP_REGS.test(name) && !read && this.owner === 'free') this.owner = 'guest';
    }
    if (undef) {
      sys.takeException(0, 0, 0, 0, false, cpu.pcLo, cpu.pcHi);
      return { register, read, value: 0n, undef: true, esr };
    }
    if (read && rt !== 31) cpu.setX(rt, value);
    cpu.pc = cpu.pc + 4n;
    cpu.debug.emulatedInstruction();
    // Newer KVM recomputes ownership at once after OSLAR (put + load); a debug write re-evaluates the live set.
    this.configure(false);
    if (before === 'free' && this.owner !== 'free') this.stats.worldSwitches++; // switched in mid-run (eager from now on)
    cpu.debug.refresh();
    return { register, read, value: read ? value : xt, undef: false, esr };
  }

  // ---------------------------------------------------------------- SPE (seed 001)

  private saveSpe(): void {
    const spe = this.hostSpe;
    this.savedPmscr = 0n;
    if (spe === undefined) return;
    if ((spe.pmbidr & 0x10n) !== 0n) return; // owned by a higher EL
    if ((spe.pmblimitr & 1n) === 0n) return; // the host is not profiling
    this.savedPmscr = spe.pmscr;
    spe.pmscr = 0n; // stop sampling; then PSB CSYNC + DSB NSH drain the buffer
    this.stats.speDrains++;
  }

  private restoreSpe(): void {
    const spe = this.hostSpe;
    if (spe === undefined || this.savedPmscr === 0n) return;
    spe.pmscr = this.savedPmscr;
    this.savedPmscr = 0n;
  }
}
