/**
 * Op-number ranges owned by each part of the core. Each range's constants live in the owner's file;
 * the executor dispatches to the owner by range so each part can grow without touching the others.
 */
export const OP_UNDEF = 0;
/** Integer ISA, branches, GPR and scalar-FP/SIMD-register loads/stores: 1..999 (arm64/int-ops.ts). */
export const OP_INT_FIRST = 1;
export const OP_INT_LAST = 999;
/** FP and AdvSIMD data processing and structure loads/stores: 1000..1999 (arm64/fpsimd). */
export const OP_FPSIMD_FIRST = 1000;
export const OP_FPSIMD_LAST = 1999;
/** System instructions, exception generation, barriers, hints: 2000..2999 (arm64/system). */
export const OP_SYS_FIRST = 2000;
export const OP_SYS_LAST = 2999;
