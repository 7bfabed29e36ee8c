import { Insn, REG_ZR, REG_SINK } from './insn';
import * as O from './int-ops';
import { decodeFpSimd } from './fpsimd';
import { condMask } from './cond';
import { decodeBitMasks, lo32, hi32 } from './int/bitmasks';
import { decodeLoadStore } from './int/decode-ldst';

/**
 * Top-level A64 decoder. Integer, branch and load/store encodings are decoded here and in int/decode-ldst.ts;
 * FP/AdvSIMD data processing and structure loads/stores go to fpsimd, exception generation and system
 * instructions to the system layer. Everything PC-relative keeps only the offset: records are cached per
 * physical page and the same page may be mapped at several virtual addresses.
 *
 * Record layouts of the integer ops decoded here (load/store layouts: int/decode-ldst.ts). 64-bit immediates
 * are (imm, imm2) = (low, high) int32 halves.
 *   ADD_XI/ADD_WI: rd, rn (both SP-capable), imm/imm2 = addend (SUB immediates are stored negated)
 *   ADDS/SUBS_*I: rd, rn, imm = unsigned 12/24-bit operand; *_XR/*_WR and MOV_*: rd, rn, rm
 *   ARITH_X/W:  a = bit0 subtract, bit1 set flags, bit2 carry in (ADC/SBC); b = 0 shifted (c = type,
 *               imm = amount), 1 extended (c = option, imm = shift), 2 plain register
 *   LOGIC_X/W:  a = opc (AND, ORR, EOR, ANDS), b = N (invert), c = shift type, imm = amount
 *   MOVI: imm/imm2 = value; MOVK_*: imm/imm2 = bits, a/b = halves of the mask of bits kept
 *   ADR/ADRP, B/BL, CBZ/CBNZ (rn = Rt), BCOND: imm/imm2 = PC offset; BCOND and CSEL..CSNEG: c = cond,
 *               a = condMask(cond); TBZ/TBNZ: a = which half of Rt, b = bit mask
 *   LSL/LSR/ASR_*I: imm = shift (1..63); UBFM/SBFM/BFM: rm = R, ra = S, imm/imm2 = wmask (UBFM: wmask &
 *               tmask), a/b = tmask; EXTR: imm = lsb
 *   CCMP: a = 1 CCMP / 0 CCMN, b = immediate form (imm = imm5), c = cond, ra = nzcv, sf
 *   DP1/DP2: a = opcode field; MADD_*: ra = addend; MUL3: a = op31 << 1 | o0
 */
export function decode(word: number, insn: Insn): void {
  word |= 0; // callers may pass the word signed (cpu.ts) or unsigned; the other decoders expect int32
  insn.op = 0;
  insn.word = word;
  const op0 = (word >>> 25) & 0xf;
  switch (op0) {
    case 0x8:
    case 0x9:
      decodeDpImm(word, insn);
      return;
    case 0xa:
    case 0xb:
      decodeBranchSys(word, insn);
      return;
    case 0x5:
    case 0xd:
      decodeDpReg(word, insn);
      return;
    case 0x7:
    case 0xf:
      decodeFpSimd(word, insn);
      return;
    case 0x4:
    case 0x6:
    case 0xc:
    case 0xe:
      decodeLoadStore(word, insn);
      return;
    default:
      return; // reserved, SME, SVE, unallocated
  }
}

const src = (r: number): number => (r === 31 ? REG_ZR : r);
const dst = (r: number): number => (r === 31 ? REG_SINK : r);

export { condMask } from './cond';

/** Sign-extend the low `bits` bits of v and store as a 64-bit (lo, hi) immediate. */
function setSImm(insn: Insn, v: number, bits: number): void {
  const s = (v << (32 - bits)) >> (32 - bits);
  insn.imm = s;
  insn.imm2 = s >> 31;
}

// ---------------------------------------------------------------------------------- data processing (imm)

function decodeDpImm(w: number, insn: Insn): void {
  const sf = w >>> 31;
  const rd = w & 31;
  const rn = (w >>> 5) & 31;
  insn.sf = sf;
  switch ((w >>> 23) & 7) {
    case 0:
    case 1: {
      // ADR / ADRP
      const imm = (((w >>> 5) & 0x7ffff) << 2) | ((w >>> 29) & 3);
      insn.rd = dst(rd);
      if (sf === 0) {
        insn.op = O.OP_ADR;
        setSImm(insn, imm, 21);
      } else {
        insn.op = O.OP_ADRP;
        // imm << 12 as a 33-bit signed value
        const s = (imm << 11) >> 11; // sign-extended 21-bit
        insn.imm = (s << 12) | 0;
        insn.imm2 = s >> 20;
      }
      return;
    }
    case 2: {
      // add/sub immediate
      const op = (w >>> 30) & 1;
      const s = (w >>> 29) & 1;
      let imm = (w >>> 10) & 0xfff;
      if ((w >>> 22) & 1) imm <<= 12;
      insn.rn = rn; // SP-capable
      if (s === 0) {
        insn.op = sf ? O.OP_ADD_XI : O.OP_ADD_WI;
        insn.rd = rd; // SP-capable
        if (op === 0 || imm === 0) {
          insn.imm = imm;
          insn.imm2 = 0;
        } else {
          insn.imm = -imm | 0;
          insn.imm2 = -1;
        }
      } else {
        insn.rd = dst(rd);
        insn.op = op ? (sf ? O.OP_SUBS_XI : O.OP_SUBS_WI) : sf ? O.OP_ADDS_XI : O.OP_ADDS_WI;
        insn.imm = imm;
        insn.imm2 = 0;
      }
      return;
    }
    case 3:
      return; // add/sub immediate with tags (MTE)
    case 4: {
      // logical immediate
      const opc = (w >>> 29) & 3;
      const n = (w >>> 22) & 1;
      if (sf === 0 && n === 1) return;
      const m = decodeBitMasks(n, (w >>> 10) & 0x3f, (w >>> 16) & 0x3f, true);
      if (m === undefined) return;
      insn.rn = src(rn);
      insn.rd = opc === 3 ? dst(rd) : rd; // AND/ORR/EOR may write SP
      insn.imm = lo32(m.wmask);
      insn.imm2 = sf ? hi32(m.wmask) : 0;
      const base = sf ? O.OP_AND_XI : O.OP_AND_WI;
      insn.op = base + opc; // AND, ORR, EOR, ANDS in order
      return;
    }
    case 5: {
      // move wide
      const opc = (w >>> 29) & 3;
      const hw = (w >>> 21) & 3;
      if (opc === 1 || (sf === 0 && hw >= 2)) return;
      const imm16 = (w >>> 5) & 0xffff;
      insn.rd = dst(rd);
      let lo = 0;
      let hi = 0;
      if (hw < 2) lo = (imm16 << (16 * hw)) | 0;
      else hi = (imm16 << (16 * (hw - 2))) | 0;
      if (opc === 3) {
        insn.op = sf ? O.OP_MOVK_X : O.OP_MOVK_W;
        insn.imm = lo;
        insn.imm2 = hi;
        insn.a = hw < 2 ? ~(0xffff << (16 * hw)) : -1;
        insn.b = hw >= 2 ? ~(0xffff << (16 * (hw - 2))) : -1;
        return;
      }
      insn.op = O.OP_MOVI;
      if (opc === 0) {
        lo = ~lo;
        hi = sf ? ~hi : 0;
      }
      insn.imm = lo;
      insn.imm2 = hi;
      return;
    }
    case 6: {
      // bitfield
      const opc = (w >>> 29) & 3;
      const n = (w >>> 22) & 1;
      const immr = (w >>> 16) & 0x3f;
      const imms = (w >>> 10) & 0x3f;
      if (opc === 3 || n !== sf) return;
      if (sf === 0 && (immr >= 32 || imms >= 32)) return;
      const m = decodeBitMasks(n, imms, immr, false);
      if (m === undefined) return;
      insn.rd = dst(rd);
      insn.rn = src(rn);
      const top = sf ? 63 : 31;
      if (opc === 2 && imms === top) {
        // LSR #immr
        if (immr === 0) {
          insn.op = sf ? O.OP_MOV_X : O.OP_MOV_W;
          insn.rm = src(rn);
        } else {
          insn.op = sf ? O.OP_LSR_XI : O.OP_LSR_WI;
          insn.imm = immr;
        }
        return;
      }
      if (opc === 2 && imms + 1 === immr) {
        insn.op = sf ? O.OP_LSL_XI : O.OP_LSL_WI;
        insn.imm = top - imms;
        return;
      }
      if (opc === 0 && imms === top) {
        if (immr === 0) {
          insn.op = sf ? O.OP_MOV_X : O.OP_MOV_W;
          insn.rm = src(rn);
        } else {
          insn.op = sf ? O.OP_ASR_XI : O.OP_ASR_WI;
          insn.imm = immr;
        }
        return;
      }
      insn.rm = immr;
      insn.ra = imms;
      const wlo = lo32(m.wmask);
      const whi = sf ? hi32(m.wmask) : 0;
      const tlo = lo32(m.tmask);
      const thi = sf ? hi32(m.tmask) : 0;
      insn.a = tlo;
      insn.b = thi;
      if (opc === 2) {
        insn.op = sf ? O.OP_UBFM_X : O.OP_UBFM_W;
        insn.imm = wlo & tlo;
        insn.imm2 = whi & thi;
      } else {
        insn.op = opc === 0 ? (sf ? O.OP_SBFM_X : O.OP_SBFM_W) : sf ? O.OP_BFM_X : O.OP_BFM_W;
        insn.imm = wlo;
        insn.imm2 = whi;
      }
      return;
    }
    case 7: {
      // extract
      const op21 = (w >>> 29) & 3;
      const n = (w >>> 22) & 1;
      const o0 = (w >>> 21) & 1;
      const imms = (w >>> 10) & 0x3f;
      if (op21 !== 0 || o0 !== 0 || n !== sf || (sf === 0 && imms >= 32)) return;
      insn.op = sf ? O.OP_EXTR_X : O.OP_EXTR_W;
      insn.rd = dst(rd);
      insn.rn = src(rn);
      insn.rm = src((w >>> 16) & 31);
      insn.imm = imms;
      return;
    }
  }
}

// ---------------------------------------------------------------------------------- branches, system

function decodeBranchSys(w: number, insn: Insn): void {
  const top3 = w >>> 29;
  const b25 = (w >>> 25) & 1;
  if ((top3 & 3) === 0) {
    // B / BL
    insn.op = top3 === 4 ? O.OP_BL : O.OP_B;
    setSImm(insn, (w & 0x3ffffff) << 2, 28);
    return;
  }
  if ((top3 & 3) === 1) {
    const rt = w & 31;
    insn.sf = w >>> 31;
    if (b25 === 0) {
      const nz = (w >>> 24) & 1;
      insn.op = insn.sf ? (nz ? O.OP_CBNZ_X : O.OP_CBZ_X) : nz ? O.OP_CBNZ_W : O.OP_CBZ_W;
      insn.rn = src(rt);
      setSImm(insn, ((w >>> 5) & 0x7ffff) << 2, 21);
    } else {
      const bit = ((w >>> 31) << 5) | ((w >>> 19) & 31);
      insn.op = (w >>> 24) & 1 ? O.OP_TBNZ : O.OP_TBZ;
      insn.rn = src(rt);
      insn.a = bit >>> 5;
      insn.b = 1 << (bit & 31);
      setSImm(insn, ((w >>> 5) & 0x3fff) << 2, 16);
    }
    return;
  }
  if (top3 === 2) {
    if (b25 === 0 && ((w >>> 24) & 1) === 0 && ((w >>> 4) & 1) === 0) {
      insn.op = O.OP_BCOND;
      insn.c = w & 15;
      insn.a = condMask(insn.c);
      setSImm(insn, ((w >>> 5) & 0x7ffff) << 2, 21);
    }
    return;
  }
  if (top3 === 6) {
    if (b25 === 0) {
      // exception generation (11010100) and system (1101010100...)
      if (((w >>> 24) & 0xff) === 0xd4 || ((w >>> 22) & 0x3ff) === 0x354) cpu_sys_decode(w, insn);
      return;
    }
    // unconditional branch (register)
    const opc = (w >>> 21) & 15;
    const op2 = (w >>> 16) & 31;
    const op3 = (w >>> 10) & 0x3f;
    const rn = (w >>> 5) & 31;
    const op4 = w & 31;
    if (op2 !== 31) return;
    if ((opc === 4 || opc === 5) && op3 === 0 && rn === 31 && op4 === 0) {
      cpu_sys_decode(w, insn); // ERET, DRPS
      return;
    }
    if (op3 !== 0 || op4 !== 0) return; // pointer-authenticated branches are not implemented
    insn.rn = src(rn);
    if (opc === 0) insn.op = O.OP_BR;
    else if (opc === 1) insn.op = O.OP_BLR;
    else if (opc === 2) insn.op = O.OP_RET;
    return;
  }
}

/**
 * System-layer decoding lives on the CPU's SystemUnit, but decode() only receives the word (cpu.ts calls
 * decode(word, insn)); the executor binds the unit of the CPU it runs before any decode can happen.
 */
interface SysDecoder {
  decode(word: number, insn: Insn): void;
}
let sysDecoder: SysDecoder | undefined;
export function bindSystemDecoder(d: SysDecoder): void {
  sysDecoder = d;
}
function cpu_sys_decode(w: number, insn: Insn): void {
  if (sysDecoder === undefined) return;
  const fresh = new Insn();
  fresh.word = w;
  sysDecoder.decode(w, fresh);
  copyInsn(fresh, insn);
}
function copyInsn(from: Insn, to: Insn): void {
  to.op = from.op;
  to.rd = from.rd;
  to.rn = from.rn;
  to.rm = from.rm;
  to.ra = from.ra;
  to.imm = from.imm;
  to.imm2 = from.imm2;
  to.sf = from.sf;
  to.a = from.a;
  to.b = from.b;
  to.c = from.c;
  to.word = from.word;
}

// ---------------------------------------------------------------------------------- data processing (reg)

function decodeDpReg(w: number, insn: Insn): void {
  const sf = w >>> 31;
  const rd = w & 31;
  const rn = (w >>> 5) & 31;
  const rm = (w >>> 16) & 31;
  const op1 = (w >>> 28) & 1;
  const op2 = (w >>> 21) & 15;
  insn.sf = sf;
  if (op1 === 0) {
    if ((op2 & 8) === 0) {
      // logical (shifted register)
      const imm6 = (w >>> 10) & 0x3f;
      if (sf === 0 && imm6 >= 32) return;
      const opc = (w >>> 29) & 3;
      const shift = (w >>> 22) & 3;
      const n = (w >>> 21) & 1;
      insn.rd = dst(rd);
      insn.rn = src(rn);
      insn.rm = src(rm);
      if (n === 0 && imm6 === 0) {
        if (opc === 1 && rn === 31) {
          insn.op = sf ? O.OP_MOV_X : O.OP_MOV_W;
          return;
        }
        insn.op = (sf ? O.OP_AND_XR : O.OP_AND_WR) + opc;
        return;
      }
      insn.op = sf ? O.OP_LOGIC_X : O.OP_LOGIC_W;
      insn.a = opc;
      insn.b = n;
      insn.c = shift;
      insn.imm = imm6;
      return;
    }
    const op = (w >>> 30) & 1;
    const s = (w >>> 29) & 1;
    if ((op2 & 1) === 0) {
      // add/sub (shifted register)
      const shift = (w >>> 22) & 3;
      const imm6 = (w >>> 10) & 0x3f;
      if (shift === 3 || (sf === 0 && imm6 >= 32)) return;
      insn.rd = dst(rd);
      insn.rn = src(rn);
      insn.rm = src(rm);
      if (imm6 === 0) {
        const k = (s << 1) | op; // ADD, SUB, ADDS, SUBS
        const x = [O.OP_ADD_XR, O.OP_SUB_XR, O.OP_ADDS_XR, O.OP_SUBS_XR][k];
        const ww = [O.OP_ADD_WR, O.OP_SUB_WR, O.OP_ADDS_WR, O.OP_SUBS_WR][k];
        insn.op = sf ? x : ww;
        return;
      }
      insn.op = sf ? O.OP_ARITH_X : O.OP_ARITH_W;
      insn.a = op | (s << 1);
      insn.b = 0;
      insn.c = shift;
      insn.imm = imm6;
      return;
    }
    // add/sub (extended register)
    const opt = (w >>> 22) & 3;
    const imm3 = (w >>> 10) & 7;
    if (opt !== 0 || imm3 > 4) return;
    insn.rd = s ? dst(rd) : rd;
    insn.rn = rn;
    insn.rm = src(rm);
    insn.op = sf ? O.OP_ARITH_X : O.OP_ARITH_W;
    insn.a = op | (s << 1);
    insn.b = 1;
    insn.c = (w >>> 13) & 7;
    insn.imm = imm3;
    return;
  }
  // op1 == 1
  const op = (w >>> 30) & 1;
  const s = (w >>> 29) & 1;
  if (((w >>> 24) & 1) === 1) {
    // data processing (3 source)
    const op54 = (w >>> 29) & 3;
    const op31 = (w >>> 21) & 7;
    const o0 = (w >>> 15) & 1;
    const ra = (w >>> 10) & 31;
    if (op54 !== 0) return;
    insn.rd = dst(rd);
    insn.rn = src(rn);
    insn.rm = src(rm);
    insn.ra = src(ra);
    if (op31 === 0) {
      insn.op = sf ? (o0 ? O.OP_MSUB_X : O.OP_MADD_X) : o0 ? O.OP_MSUB_W : O.OP_MADD_W;
      return;
    }
    if (sf === 0) return;
    if (op31 === 1 || op31 === 5 || ((op31 === 2 || op31 === 6) && o0 === 0)) {
      insn.op = O.OP_MUL3;
      insn.a = (op31 << 1) | o0;
    }
    return;
  }
  switch (op2) {
    case 0: {
      // add/sub with carry
      if (((w >>> 10) & 0x3f) !== 0) return;
      insn.rd = dst(rd);
      insn.rn = src(rn);
      insn.rm = src(rm);
      insn.op = sf ? O.OP_ARITH_X : O.OP_ARITH_W;
      insn.a = op | (s << 1) | 4;
      insn.b = 2;
      return;
    }
    case 2: {
      // conditional compare
      if (s !== 1 || ((w >>> 10) & 1) !== 0 || ((w >>> 4) & 1) !== 0) return;
      insn.op = O.OP_CCMP;
      insn.a = op;
      insn.b = (w >>> 11) & 1;
      insn.rn = src(rn);
      insn.rm = src(rm);
      insn.imm = rm;
      insn.c = (w >>> 12) & 15;
      insn.ra = w & 15;
      return;
    }
    case 4: {
      // conditional select
      const o2 = (w >>> 10) & 3;
      if (s !== 0 || o2 >= 2) return;
      insn.rd = dst(rd);
      insn.rn = src(rn);
      insn.rm = src(rm);
      insn.c = (w >>> 12) & 15;
      insn.a = condMask(insn.c);
      const k = (op << 1) | o2;
      insn.op = sf ? [O.OP_CSEL_X, O.OP_CSINC_X, O.OP_CSINV_X, O.OP_CSNEG_X][k] : [O.OP_CSEL_W, O.OP_CSINC_W, O.OP_CSINV_W, O.OP_CSNEG_W][k];
      return;
    }
    case 6: {
      const opcode = (w >>> 10) & 0x3f;
      if (s !== 0) return;
      insn.rd = dst(rd);
      insn.rn = src(rn);
      if (op === 1) {
        // 1 source
        if (rm !== 0) return;
        if (opcode > 5) return;
        if (opcode === 3 && sf === 0) return;
        insn.op = O.OP_DP1;
        insn.a = opcode;
        return;
      }
      insn.rm = src(rm);
      if (opcode === 2 || opcode === 3 || (opcode >= 8 && opcode <= 11)) {
        insn.op = O.OP_DP2;
        insn.a = opcode;
        return;
      }
      if (opcode >= 16 && opcode <= 23) {
        // CRC32: the X forms need sf = 1, the others sf = 0
        const sz = opcode & 3;
        if ((sz === 3) !== (sf === 1)) return;
        insn.op = O.OP_DP2;
        insn.a = opcode;
      }
      return;
    }
    default:
      return;
  }
}

