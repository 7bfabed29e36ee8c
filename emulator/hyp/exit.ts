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
