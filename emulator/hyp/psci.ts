/** PSCI function identifiers (SMC32 calling convention) handled by the hypervisor, as KVM does. */
export const PSCI_VERSION = 0x8400_0000;
export const PSCI_CPU_OFF = 0x8400_0002;
export const PSCI_SYSTEM_OFF = 0x8400_0008;
export const PSCI_SYSTEM_RESET = 0x8400_0009;
export const PSCI_FEATURES = 0x8400_000a;
export const SMCCC_VERSION = 0x8000_0000;

/** PSCI 1.1, the version KVM and QEMU's virt board report. */
export const PSCI_VERSION_1_1 = 0x0001_0001;
export const PSCI_RET_SUCCESS = 0;
/** -1 as a 64-bit register value. */
export const PSCI_RET_NOT_SUPPORTED = -1;

export type PsciOutcome =
  | { readonly kind: 'return'; readonly x0: number }
  | { readonly kind: 'system-off' }
  | { readonly kind: 'system-reset' };

/** Decide what an `hvc #0` call with function id `fn` (W0) does. */
export function handlePsci(fn: number, arg1: number): PsciOutcome {
  switch (fn >>> 0) {
    case PSCI_VERSION:
      return { kind: 'return', x0: PSCI_VERSION_1_1 };
    case PSCI_SYSTEM_OFF:
      return { kind: 'system-off' };
    case PSCI_SYSTEM_RESET:
      return { kind: 'system-reset' };
    case PSCI_CPU_OFF:
      // The only vCPU turning itself off leaves nothing running: the system is off.
      return { kind: 'system-off' };
    case PSCI_FEATURES: {
      const supported = [PSCI_VERSION, PSCI_CPU_OFF, PSCI_SYSTEM_OFF, PSCI_SYSTEM_RESET, PSCI_FEATURES, SMCCC_VERSION];
      return { kind: 'return', x0: supported.includes(arg1 >>> 0) ? PSCI_RET_SUCCESS : PSCI_RET_NOT_SUPPORTED };
    }
    case SMCCC_VERSION:
      return { kind: 'return', x0: 0x0001_0001 };
    default:
      return { kind: 'return', x0: PSCI_RET_NOT_SUPPORTED };
  }
}
