/**
 * Op numbers of the system layer (range 2000..2999, see insn.ts) and the small codes its records carry.
 *
 * Record layouts (Insn fields) per op:
 *   OP_MRS / OP_MSR   imm = SYSREGS index (or -1 for a RAZ ID-space register), a = KIND_*, b = EL0_* rule,
 *                     c = sysRegKey (op0..op2, for syndromes), rd = GPR slot (MRS: dstReg, MSR: srcReg), ra = raw Rt
 *   OP_MSR_IMM        a = PSTATE_* field, imm = the 4-bit immediate (CRm), c = sysRegKey
 *   OP_HINT           (no operands)            OP_WFI/OP_WFE: nothing
 *   OP_BARRIER        (no operands)            OP_CLREX
 *   OP_SVC/OP_HVC/OP_BRK  imm = imm16
 *   OP_ERET
 *   OP_SYS            a = SYSOP_*, rn = GPR slot of Xt (srcReg), ra = raw Rt, c = sysRegKey
 */
export const OP_MRS = 2000;
export const OP_MSR = 2001;
export const OP_MSR_IMM = 2002;
export const OP_HINT = 2003;
export const OP_WFI = 2004;
export const OP_WFE = 2005;
export const OP_BARRIER = 2006;
export const OP_CLREX = 2007;
export const OP_SVC = 2008;
export const OP_HVC = 2009;
export const OP_BRK = 2010;
export const OP_ERET = 2011;
export const OP_SYS = 2012;

/** Register behaviours as numbers (see SysRegBehaviour in sysregs.ts). */
export const KIND_STORAGE = 0;
export const KIND_CONST = 1;
export const KIND_RAZWI = 2;
export const KIND_NZCV = 3;
export const KIND_DAIF = 4;
export const KIND_CURRENTEL = 5;
export const KIND_SPSEL = 6;
export const KIND_FPCR = 7;
export const KIND_FPSR = 8;
export const KIND_SP_EL0 = 9;
export const KIND_SP_EL1 = 10;
export const KIND_SCTLR = 11;
export const KIND_MMU = 12;
export const KIND_CPACR = 13;
export const KIND_CCSIDR = 14;
export const KIND_DCZID = 15;
export const KIND_CNTVCT = 16;
export const KIND_CNTPCT = 17;
export const KIND_TIMER_CTL = 18;
export const KIND_TIMER_TVAL = 19;
export const KIND_OSLAR = 20;
export const KIND_CLAIMSET = 21;
export const KIND_CLAIMCLR = 22;
/** Reserved encodings in the ID space (op0=3, op1=0, CRn=0, CRm=1..7): read as zero. */
export const KIND_ID_RAZ = 23;

/** EL0 access rules as numbers (see El0Access in sysregs.ts). */
export const EL0_NONE = 0;
export const EL0_ALWAYS = 1;
export const EL0_UCT = 2;
export const EL0_DZE = 3;
export const EL0_UMA = 4;
export const EL0_UCI = 5;
export const EL0_PCTEN = 6;
export const EL0_VCTEN = 7;
export const EL0_PCTEN_VCTEN = 8;
export const EL0_VTEN = 9;
export const EL0_PTEN = 10;
export const EL0_TDCC = 11;
/** minEl 2: UNDEFINED at EL0 and EL1. */
export const EL0_EL2_ONLY = 12;

/** MSR (immediate) PSTATE fields. */
export const PSTATE_SPSEL = 0;
export const PSTATE_DAIFSET = 1;
export const PSTATE_DAIFCLR = 2;

/** SYS operations. */
export const SYSOP_IC_ALL = 0; // IC IALLU / IALLUIS (EL1)
export const SYSOP_IC_IVAU = 1; // EL0 with SCTLR_EL1.UCI
export const SYSOP_DC_ZVA = 2;
export const SYSOP_DC_IVAC = 3; // EL1, needs write permission
export const SYSOP_DC_CVA = 4; // DC CVAC / CVAU / CIVAC: EL0 with UCI
export const SYSOP_DC_SW = 5; // DC ISW / CSW / CISW (EL1)
export const SYSOP_TLBI = 6; // any EL1 TLBI: flushes everything (the TLB has no ASIDs)
export const SYSOP_AT_S1E1R = 7;
export const SYSOP_AT_S1E1W = 8;
export const SYSOP_AT_S1E0R = 9;
export const SYSOP_AT_S1E0W = 10;

/** Exception classes used by the system layer. */
export const EC_UNKNOWN = 0x00;
export const EC_WFX = 0x01;
export const EC_FP_ACCESS = 0x07;
export const EC_ILLEGAL_STATE = 0x0e;
export const EC_SVC64 = 0x15;
export const EC_HVC64 = 0x16;
export const EC_SYSREG = 0x18;
export const EC_IABORT_LOWER = 0x20;
export const EC_IABORT_SAME = 0x21;
export const EC_PC_ALIGN = 0x22;
export const EC_DABORT_LOWER = 0x24;
export const EC_DABORT_SAME = 0x25;
export const EC_SP_ALIGN = 0x26;
export const EC_BRK64 = 0x3c;

/** Fault status codes (DFSC/IFSC); translation, access flag, permission and address-size add the level. */
export const FSC_ADDR_SIZE = 0x00;
export const FSC_TRANSLATION = 0x04;
export const FSC_ACCESS_FLAG = 0x08;
export const FSC_PERMISSION = 0x0c;
export const FSC_EXTERNAL = 0x10;
export const FSC_EXTERNAL_WALK = 0x14;
export const FSC_ALIGNMENT = 0x21;
