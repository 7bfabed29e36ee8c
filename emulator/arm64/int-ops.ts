/**
 * Op numbers of the integer core (range 1..999, see insn.ts). The executor's switch uses these values as
 * literal case labels (imported constants would defeat V8's jump table); test/emulator/arm64/int-ops.test.ts
 * checks that every `case N: // OP_NAME` label in execute.ts agrees with this table.
 *
 * Record fields per op are documented where decode.ts fills them. Register fields hold architectural
 * numbers per insn.ts (31 = SP, 32 = ZR source, 33 = sink).
 */
export const OP_ADD_XI = 1;
export const OP_ADD_WI = 2;
export const OP_ADDS_XI = 3;
export const OP_ADDS_WI = 4;
export const OP_SUBS_XI = 5;
export const OP_SUBS_WI = 6;
export const OP_ADD_XR = 7;
export const OP_ADD_WR = 8;
export const OP_SUB_XR = 9;
export const OP_SUB_WR = 10;
export const OP_ADDS_XR = 11;
export const OP_ADDS_WR = 12;
export const OP_SUBS_XR = 13;
export const OP_SUBS_WR = 14;
export const OP_ARITH_X = 15;
export const OP_ARITH_W = 16;
export const OP_MOVI = 17;
export const OP_MOVK_X = 18;
export const OP_MOVK_W = 19;
export const OP_ADR = 20;
export const OP_ADRP = 21;
export const OP_AND_XI = 22;
export const OP_ORR_XI = 23;
export const OP_EOR_XI = 24;
export const OP_ANDS_XI = 25;
export const OP_AND_WI = 26;
export const OP_ORR_WI = 27;
export const OP_EOR_WI = 28;
export const OP_ANDS_WI = 29;
export const OP_AND_XR = 30;
export const OP_ORR_XR = 31;
export const OP_EOR_XR = 32;
export const OP_ANDS_XR = 33;
export const OP_AND_WR = 34;
export const OP_ORR_WR = 35;
export const OP_EOR_WR = 36;
export const OP_ANDS_WR = 37;
export const OP_MOV_X = 38;
export const OP_MOV_W = 39;
export const OP_LOGIC_X = 40;
export const OP_LOGIC_W = 41;
export const OP_LSL_XI = 42;
export const OP_LSR_XI = 43;
export const OP_ASR_XI = 44;
export const OP_LSL_WI = 45;
export const OP_LSR_WI = 46;
export const OP_ASR_WI = 47;
export const OP_UBFM_X = 48;
export const OP_UBFM_W = 49;
export const OP_SBFM_X = 50;
export const OP_SBFM_W = 51;
export const OP_BFM_X = 52;
export const OP_BFM_W = 53;
export const OP_EXTR_X = 54;
export const OP_EXTR_W = 55;
export const OP_CSEL_X = 56;
export const OP_CSEL_W = 57;
export const OP_CSINC_X = 58;
export const OP_CSINC_W = 59;
export const OP_CSINV_X = 60;
export const OP_CSINV_W = 61;
export const OP_CSNEG_X = 62;
export const OP_CSNEG_W = 63;
export const OP_CCMP = 64;
export const OP_DP1 = 65;
export const OP_DP2 = 66;
export const OP_MADD_W = 67;
export const OP_MSUB_W = 68;
export const OP_MADD_X = 69;
export const OP_MSUB_X = 70;
export const OP_MUL3 = 71;
export const OP_B = 72;
export const OP_BL = 73;
export const OP_BCOND = 74;
export const OP_CBZ_X = 75;
export const OP_CBNZ_X = 76;
export const OP_CBZ_W = 77;
export const OP_CBNZ_W = 78;
export const OP_TBZ = 79;
export const OP_TBNZ = 80;
export const OP_BR = 81;
export const OP_BLR = 82;
export const OP_RET = 83;
export const OP_LDRX = 84;
export const OP_LDRW = 85;
export const OP_LDRB = 86;
export const OP_LDRH = 87;
export const OP_LDRSBX = 88;
export const OP_LDRSBW = 89;
export const OP_LDRSHX = 90;
export const OP_LDRSHW = 91;
export const OP_LDRSW = 92;
export const OP_STRX = 93;
export const OP_STRW = 94;
export const OP_STRB = 95;
export const OP_STRH = 96;
export const OP_LDRX_R = 97;
export const OP_LDRW_R = 98;
export const OP_LDRB_R = 99;
export const OP_STRX_R = 100;
export const OP_STRW_R = 101;
export const OP_STRB_R = 102;
export const OP_LDST_GEN = 103;
export const OP_LDP_X = 104;
export const OP_STP_X = 105;
export const OP_LDSTP_GEN = 106;
export const OP_LDR_LIT = 107;
export const OP_FP_LDST = 108;
export const OP_FP_LDSTP = 109;
export const OP_FP_LDR_LIT = 110;
export const OP_EXCL = 111;
export const OP_ATOMIC = 112;
export const OP_NOP = 113;
/**
 * A compare (SUBS to ZR) fused with the B.cond after it, in the compare's slot (see fuse.ts): rn and rm / imm
 * as the compare, a = the B.cond's condition mask, b = its byte offset. The B.cond keeps its own record.
 */
export const OP_CMP_XR_BCOND = 114;
export const OP_CMP_XI_BCOND = 115;
export const OP_CMP_WR_BCOND = 116;
export const OP_CMP_WI_BCOND = 117;
/** Shared record in the slots of a code page not decoded yet (cpu.ts): the executor decodes, then dispatches. */
export const OP_UNDECODED = 126;
/** Shared record in slot 1024 of every code page (cpu.ts): sequential execution ran off the page. */
export const OP_PAGE_END = 127;
