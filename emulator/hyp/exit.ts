/**
 * What `Vcpu.run()` returns: the analogue of KVM's `struct kvm_run` exit record, shaped like rust-vmm's
 * `VcpuExit`. `flags` is reset on every run, as KVM resets `run->flags` on every KVM_RUN (seed 004): it only
 * carries `EXIT_FLAG_HSR_HIGH_VALID` on a debug exit of that same run.
 */
export const EXIT_FLAG_HSR_HIGH_VALID = 1;

/** ESR_EL2 split as KVM's `kvm_debug_exit_arch` reports it. */
export interface Arm64DebugExit {
  /** ESR_EL2[31:0] */
  readonly hsr: number;
  /** ESR_EL2[61:32]; meaningful only with EXIT_FLAG_HSR_HIGH_VALID. */
  readonly hsrHigh: number;
  /** FAR_EL2; written only for watchpoints (EC 0x34), otherwise the previous value. */
  readonly far: bigint;
}

export interface X86DebugExit {
  readonly exception: 1 | 3;
  readonly pc: bigint;
  readonly dr6: bigint;
  readonly dr7: bigint;
}

export type Exit =
  | { readonly reason: 'debug'; readonly arm64: Arm64DebugExit; readonly flags: number }
  | { readonly reason: 'debug'; readonly x86: X86DebugExit; readonly flags: number }
  /** PSCI SYSTEM_OFF / SYSTEM_RESET (KVM_EXIT_SYSTEM_EVENT). */
  | { readonly reason: 'shutdown'; readonly kind: 'system-off' | 'system-reset'; readonly flags: number }
  /** WFI with no interrupt source that could ever wake the vCPU. */
  | { readonly reason: 'halt'; readonly pc: bigint; readonly flags: number }
  /** The instruction budget of this run is spent. */
  | { readonly reason: 'budget'; readonly flags: number }
  /**
   * A host interrupt ended the run (KVM_EXIT_INTR): scheduled with `Vcpu.scheduleInterruptExit`. Models an
   * exit arriving between any two instructions, e.g. after a stepped instruction and before its step exception.
   */
  | { readonly reason: 'intr'; readonly flags: number }
  /** `Vcpu.pause()` was called while the vCPU was running. */
  | { readonly reason: 'pause'; readonly flags: number }
  /**
   * Opt-in (`Vcpu.setExceptionExits`), like KVM's opt-in exits: the guest just took a synchronous exception to
   * EL1 whose class is enabled. Reported right after the exception entry: ESR_EL1/ELR_EL1/SPSR_EL1 (and FAR_EL1
   * when `farValid`) are written and `pc` is the vector. Exceptions the VMM injects (`injectException`) and
   * exceptions whose vector cannot be fetched ('internal-error') are not reported here.
   */
  | GuestExceptionExit
  /**
   * Opt-in (`Vcpu.setTrapExits`): a guest access to a system register that the hypervisor traps (MDCR_EL2.TDA,
   * TDOSA, TDRA, TPM...) was served by the policy; PC is past the accessing instruction. Accesses the policy
   * answers with UNDEF are guest exceptions instead (see 'guest-exception').
   */
  | TrapExit
  /**
   * The guest cannot make progress: it took an exception whose vector cannot be fetched (for example VBAR_EL1
   * never set). The syndrome of the exception that found no vector is reported.
   */
  | {
      readonly reason: 'internal-error';
      readonly kind: 'no-vector';
      readonly pc: bigint;
      readonly esr: bigint;
      readonly far: bigint;
      readonly elr: bigint;
      readonly message: string;
      readonly flags: number;
    };

export type ExitReason = Exit['reason'];

export interface GuestExceptionExit {
  readonly reason: 'guest-exception';
  /** Exception class (ESR_EL1[31:26]). */
  readonly ec: number;
  /** ESR_EL1 as written on entry. */
  readonly esr: bigint;
  /** Whether the exception wrote FAR_EL1 (aborts, watchpoints, PC alignment); otherwise `far` is FAR_EL1's old value. */
  readonly farValid: boolean;
  readonly far: bigint;
  /** ELR_EL1: the preferred return address (the faulting instruction, or the one after an SVC). */
  readonly elr: bigint;
  /** SPSR_EL1: PSTATE at the time of the exception. */
  readonly spsr: bigint;
  /** The vector the guest is about to execute. */
  readonly pc: bigint;
  readonly flags: number;
}

export interface TrapExit {
  readonly reason: 'trap';
  /** Register name from the system-register table (e.g. 'OSLAR_EL1', 'DBGBCR0_EL1'), or 'S<op0>_<op1>_C<n>_C<m>_<op2>'. */
  readonly register: string;
  readonly write: boolean;
  /** The value written (from Xt), or the value the policy returned to the guest's Xt. */
  readonly value: bigint;
  /** ESR_EL2 of the trap (EC 0x18). */
  readonly esr: number;
  /** Address of the trapped MRS/MSR (the PC is now past it). */
  readonly accessPc: bigint;
  /** Present and true when the access changed OSLSR_EL1.OSLK (an OSLAR_EL1 write under the kvm profile). */
  readonly osLockChanged?: boolean;
  readonly flags: number;
}
