/**
 * Op numbers of the FP/AdvSIMD unit (1000..1999). Ranges route execution to the sub-executors:
 * 1000..1199 scalar FP, 1200..1799 AdvSIMD data processing, 1800..1899 structure loads/stores.
 */

// ---- scalar FP (insn.a = format 0 H, 1 S, 2 D)
export const F_MOV = 1000;
export const F_ABS = 1001;
export const F_NEG = 1002;
export const F_SQRT = 1003;
/** a = source format, b = destination format. */
export const F_CVT = 1004;
/** b = rounding mode (RM_*, or -1 for FPCR), c = 1 for FRINTX. */
export const F_RINT = 1005;
/** FRINT32/64: b = rounding mode (-1 for FPCR), c = integer width. */
export const F_RINTN = 1006;
export const F_ADD = 1010;
export const F_SUB = 1011;
export const F_MUL = 1012;
export const F_DIV = 1013;
/** b = OPF_* for the less common two-operand ops. */
export const F_BIN = 1014;
/** b = 1 negates the addend, c = 1 negates the first multiplicand (FMADD/FMSUB/FNMADD/FNMSUB). */
export const F_MADD = 1020;
/** b = 1 for FCMPE, c = 1 to compare with +0.0. */
export const F_CMP = 1025;
/** b = 1 for FCCMPE, c = condition, imm = nzcv. */
export const F_CCMP = 1026;
/** c = condition. */
export const F_CSEL = 1027;
/** imm/imm2 = encoded value (lo, hi). */
export const F_MOVI = 1030;
/** FMOV between general and FP registers; b = kind (FMOVG_*). */
export const F_MOVG = 1031;
/** FP -> integer: b = rounding mode (-1 for FPCR), c = 1 unsigned, sf = 1 for X, imm = fbits. */
export const F_TOINT = 1032;
/** integer -> FP: c = 1 unsigned, sf = 1 for X source, imm = fbits. */
export const F_FROMINT = 1033;
/** FJCVTZS. */
export const F_JCVT = 1034;

export const FMOVG_W_TO_S = 0;
export const FMOVG_X_TO_D = 1;
export const FMOVG_S_TO_W = 2;
export const FMOVG_D_TO_X = 3;
export const FMOVG_X_TO_D1 = 4;
export const FMOVG_D1_TO_X = 5;
export const FMOVG_R_TO_H = 6;
export const FMOVG_H_TO_W = 7;
export const FMOVG_H_TO_X = 8;

export const OP_FP_LAST = 1199;
export const OP_SIMD_FIRST = 1200;
export const OP_SIMD_LAST = 1799;
export const OP_LDST_FIRST = 1800;
export const OP_LDST_LAST = 1899;

// ---- AdvSIMD data processing. Common fields: rd/rn/rm = V registers, a = element size log2 (integer) or
// format (FP), sf = Q, imm2 = bytes processed (8/16 for vectors, the element size for scalar forms),
// b = sub-operation, c = flags.
/** Element-wise integer op, b = IB_*, c = 1 for pairwise. */
export const V_BIN = 1200;
/** Bitwise op on the whole vector, b = LG_*. */
export const V_LOGIC = 1201;
/** Element-wise FP op, b = OPF_* or VF_*, c = 1 for pairwise. */
export const V_FBIN = 1202;
/** Widening/narrowing three-different op, b = W_*, c = 1 for the upper-half ("2") form. */
export const V_WIDE = 1203;
/** Integer two-register misc, b = M_*. */
export const V_MISC = 1204;
/** FP two-register misc, b = FM_*, imm = rounding mode when relevant. */
export const V_FMISC = 1205;
/** Reduction across lanes, b = AC_*. */
export const V_ACROSS = 1206;
/** DUP (element): imm = index, a = es. */
export const V_DUPE = 1207;
/** DUP (general): rn = GPR. */
export const V_DUPG = 1208;
/** INS (general): imm = index, rn = GPR. */
export const V_INSG = 1209;
/** INS (element): imm = dst index, imm2 = src index. */
export const V_INSE = 1210;
/** UMOV/SMOV: c = 1 signed, sf = 1 for an X destination, imm = index. */
export const V_MOVG = 1211;
/** Modified immediate: imm/imm2 = 64-bit pattern, b = MI_*. */
export const V_MOVI = 1212;
/** Shift by immediate, b = SH_*, imm = shift amount. */
export const V_SHIFT = 1213;
/** By-element: ra = index; element broadcast then b/c as V_BIN (when imm = 0), V_FBIN (1) or V_WIDE (2). */
export const V_ELEM = 1214;
/** Permute, b = 1 UZP1, 2 TRN1, 3 ZIP1, 5 UZP2, 6 TRN2, 7 ZIP2. */
export const V_PERM = 1215;
/** EXT: imm = byte index. */
export const V_EXT = 1216;
/** TBL/TBX: b = number of table registers, c = 1 for TBX. */
export const V_TBL = 1217;
/** Narrowing shift by immediate (SHRN family), b = SH_* narrowing kind, imm = shift, c = upper half. */
export const V_SHRN = 1218;
/** FMLAL/FMLSL(2): b = 1 subtracts, c = upper-half form, imm = 1 for by-element (ra = index). */
export const V_FMLAL = 1220;
/** FCADD (b = 0, c = rot) and FCMLA (b = 1, c = rot) on vectors; a = format. */
export const V_FCPLX = 1221;
/** FP by-element or conversions with fixed point: handled in V_FMISC with imm = fbits. */
export const V_CRYPTO = 1219;
