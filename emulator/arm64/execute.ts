import type { Arm64Cpu } from './cpu';
import { execFpSimd } from './fpsimd';
import { bindSystemDecoder } from './decode';
import * as A from './int/alu';
import * as M from './int/mem';

// Resolved once: calls through the module namespace objects would go through getters on every use.
const arithW = A.arithW;
const arithX = A.arithX;
const bfmW = A.bfmW;
const bfmX = A.bfmX;
const ccmp = A.ccmp;
const dp1 = A.dp1;
const dp2 = A.dp2;
const extrW = A.extrW;
const extrX = A.extrX;
const logicW = A.logicW;
const logicX = A.logicX;
const maddX = A.maddX;
const mul3 = A.mul3;
const sbfmW = A.sbfmW;
const sbfmX = A.sbfmX;
const ubfmX = A.ubfmX;
const atomic = M.atomic;
const excl = M.excl;
const fpLdrLit = M.fpLdrLit;
const fpLdst = M.fpLdst;
const fpLdstp = M.fpLdstp;
const ldrLit = M.ldrLit;
const ldstGen = M.ldstGen;
const ldstpGen = M.ldstpGen;
const stpSlow = M.stpSlow;

/**
 * The tier-0 interpreter: fetch the cached decoded record for PC, run one big switch on its op.
 *
 * Case labels are numeric literals on purpose: V8 only builds a jump table for literal Smi labels, and
 * imported constants would turn the switch into a chain of comparisons. The comment after each label names
 * the int-ops.ts constant; a test keeps the two in sync. Hot handlers are inline; rare ones live in int/.
 *
 * PC lives in the local `pcLo` and is stored to cpu.pcLo before each instruction (faults and the system layer
 * read it there); branches set the target and `continue`. Ops of the system layer (2000..2999) own the PC:
 * `sys.execute` leaves it where execution continues. cpu.icount is exact at every instruction (the debug
 * unit and the timers read it). Every iteration compares PC's page with cpu.fetchPageLo, so anything that
 * parks or invalidates the fetch page (code writes, TLB flushes, armed breakpoints) is seen at the next
 * instruction; a misaligned PC takes the PC alignment fault there.
 */
export function execute(cpu: Arm64Cpu): void {
  bindSystemDecoder(cpu.sys);
  const x = cpu.x;
  let pcLo = cpu.pcLo;
  let insns = cpu.fetchInsns;
  // Set when the fetch page must be looked up again although PC's low page bits may match: PC's high half
  // changed, a misaligned PC must fault, or the system layer may have changed translation.
  let check = 1;
  while (cpu.icount < cpu.stopAt) {
    cpu.pcLo = pcLo; // exact at every point an instruction can fault
    if ((check | ((pcLo & ~0xfff) ^ cpu.fetchPageLo)) !== 0) {
      if ((pcLo & 3) !== 0) cpu.sys.pcAlignmentFault();
      if ((pcLo & ~0xfff) !== cpu.fetchPageLo || cpu.pcHi !== cpu.fetchPageHi) cpu.refillFetch();
      insns = cpu.fetchInsns;
      check = 0;
    }
    const idx = (pcLo & 0xfff) >>> 2;
    let insn = insns[idx];
    if (insn === undefined) insn = cpu.decodeAt(idx);
    cpu.icount++;
    switch (insn.op) {
      // ------------------------------------------------------------------ add/sub
      case 1: {
        // OP_ADD_XI
        const n = insn.rn << 1;
        const alo = x[n];
        const lo = (alo + insn.imm) | 0;
        const hi = (x[n | 1] + insn.imm2 + ((lo >>> 0) < (alo >>> 0) ? 1 : 0)) | 0;
        const d = insn.rd << 1;
        x[d] = lo;
        x[d | 1] = hi;
        break;
      }
      case 2: {
        // OP_ADD_WI
        const d = insn.rd << 1;
        x[d] = (x[insn.rn << 1] + insn.imm) | 0;
        x[d | 1] = 0;
        break;
      }
      case 3: {
        // OP_ADDS_XI
        const n = insn.rn << 1;
        const alo = x[n];
        const ahi = x[n | 1];
        const lo = (alo + insn.imm) | 0;
        const s1 = (ahi >>> 0) + ((lo >>> 0) < (alo >>> 0) ? 1 : 0);
        const hi = s1 | 0;
        cpu.nf = hi >>> 31;
        cpu.zf = (lo | hi) === 0 ? 1 : 0;
        cpu.cf = s1 > 0xffffffff ? 1 : 0;
        cpu.vf = (~ahi & hi) >>> 31;
        const d = insn.rd << 1;
        x[d] = lo;
        x[d | 1] = hi;
        break;
      }
      case 4: {
        // OP_ADDS_WI
        const a = x[insn.rn << 1];
        const s = (a >>> 0) + insn.imm;
        const r = s | 0;
        cpu.nf = r >>> 31;
        cpu.zf = r === 0 ? 1 : 0;
        cpu.cf = s > 0xffffffff ? 1 : 0;
        cpu.vf = (~a & r) >>> 31;
        const d = insn.rd << 1;
        x[d] = r;
        x[d | 1] = 0;
        break;
      }
      case 5: {
        // OP_SUBS_XI
        const n = insn.rn << 1;
        const alo = x[n];
        const ahi = x[n | 1];
        const b = insn.imm;
        const lo = (alo - b) | 0;
        const br = (alo >>> 0) < b ? 1 : 0;
        const hi = (ahi - br) | 0;
        cpu.nf = hi >>> 31;
        cpu.zf = (lo | hi) === 0 ? 1 : 0;
        cpu.cf = br === 1 && ahi === 0 ? 0 : 1;
        cpu.vf = (ahi & ~hi) >>> 31;
        const d = insn.rd << 1;
        x[d] = lo;
        x[d | 1] = hi;
        break;
      }
      case 6: {
        // OP_SUBS_WI
        const a = x[insn.rn << 1];
        const b = insn.imm;
        const r = (a - b) | 0;
        cpu.nf = r >>> 31;
        cpu.zf = r === 0 ? 1 : 0;
        cpu.cf = (a >>> 0) >= b ? 1 : 0;
        cpu.vf = (a & ~r) >>> 31;
        const d = insn.rd << 1;
        x[d] = r;
        x[d | 1] = 0;
        break;
      }
      case 7: {
        // OP_ADD_XR
        const n = insn.rn << 1;
        const m = insn.rm << 1;
        const alo = x[n];
        const lo = (alo + x[m]) | 0;
        const hi = (x[n | 1] + x[m | 1] + ((lo >>> 0) < (alo >>> 0) ? 1 : 0)) | 0;
        const d = insn.rd << 1;
        x[d] = lo;
        x[d | 1] = hi;
        break;
      }
      case 8: {
        // OP_ADD_WR
        const d = insn.rd << 1;
        x[d] = (x[insn.rn << 1] + x[insn.rm << 1]) | 0;
        x[d | 1] = 0;
        break;
      }
      case 9: {
        // OP_SUB_XR
        const n = insn.rn << 1;
        const m = insn.rm << 1;
        const alo = x[n];
        const blo = x[m];
        const lo = (alo - blo) | 0;
        const hi = (x[n | 1] - x[m | 1] - ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const d = insn.rd << 1;
        x[d] = lo;
        x[d | 1] = hi;
        break;
      }
      case 10: {
        // OP_SUB_WR
        const d = insn.rd << 1;
        x[d] = (x[insn.rn << 1] - x[insn.rm << 1]) | 0;
        x[d | 1] = 0;
        break;
      }
      case 11: {
        // OP_ADDS_XR
        const n = insn.rn << 1;
        const m = insn.rm << 1;
        const alo = x[n];
        const ahi = x[n | 1];
        const bhi = x[m | 1];
        const lo = (alo + x[m]) | 0;
        const s1 = (ahi >>> 0) + (bhi >>> 0) + ((lo >>> 0) < (alo >>> 0) ? 1 : 0);
        const hi = s1 | 0;
        cpu.nf = hi >>> 31;
        cpu.zf = (lo | hi) === 0 ? 1 : 0;
        cpu.cf = s1 > 0xffffffff ? 1 : 0;
        cpu.vf = ((ahi ^ hi) & (bhi ^ hi)) >>> 31;
        const d = insn.rd << 1;
        x[d] = lo;
        x[d | 1] = hi;
        break;
      }
      case 12: {
        // OP_ADDS_WR
        const a = x[insn.rn << 1];
        const b = x[insn.rm << 1];
        const s = (a >>> 0) + (b >>> 0);
        const r = s | 0;
        cpu.nf = r >>> 31;
        cpu.zf = r === 0 ? 1 : 0;
        cpu.cf = s > 0xffffffff ? 1 : 0;
        cpu.vf = ((a ^ r) & (b ^ r)) >>> 31;
        const d = insn.rd << 1;
        x[d] = r;
        x[d | 1] = 0;
        break;
      }
      case 13: {
        // OP_SUBS_XR
        const n = insn.rn << 1;
        const m = insn.rm << 1;
        const alo = x[n];
        const ahi = x[n | 1];
        const blo = x[m];
        const bhi = x[m | 1];
        const lo = (alo - blo) | 0;
        const br = (alo >>> 0) < (blo >>> 0) ? 1 : 0;
        const hi = (ahi - bhi - br) | 0;
        cpu.nf = hi >>> 31;
        cpu.zf = (lo | hi) === 0 ? 1 : 0;
        cpu.cf = (ahi >>> 0) - (bhi >>> 0) - br >= 0 ? 1 : 0;
        cpu.vf = ((ahi ^ bhi) & (ahi ^ hi)) >>> 31;
        const d = insn.rd << 1;
        x[d] = lo;
        x[d | 1] = hi;
        break;
      }
      case 14: {
        // OP_SUBS_WR
        const a = x[insn.rn << 1];
        const b = x[insn.rm << 1];
        const r = (a - b) | 0;
        cpu.nf = r >>> 31;
        cpu.zf = r === 0 ? 1 : 0;
        cpu.cf = (a >>> 0) >= (b >>> 0) ? 1 : 0;
        cpu.vf = ((a ^ b) & (a ^ r)) >>> 31;
        const d = insn.rd << 1;
        x[d] = r;
        x[d | 1] = 0;
        break;
      }
      case 15: // OP_ARITH_X
        arithX(cpu, insn);
        break;
      case 16: // OP_ARITH_W
        arithW(cpu, insn);
        break;
      // ------------------------------------------------------------------ moves, PC-relative
      case 17: {
        // OP_MOVI
        const d = insn.rd << 1;
        x[d] = insn.imm;
        x[d | 1] = insn.imm2;
        break;
      }
      case 18: {
        // OP_MOVK_X
        const d = insn.rd << 1;
        x[d] = (x[d] & insn.a) | insn.imm;
        x[d | 1] = (x[d | 1] & insn.b) | insn.imm2;
        break;
      }
      case 19: {
        // OP_MOVK_W
        const d = insn.rd << 1;
        x[d] = (x[d] & insn.a) | insn.imm;
        x[d | 1] = 0;
        break;
      }
      case 20: {
        // OP_ADR
        const lo = (pcLo + insn.imm) | 0;
        const hi = (cpu.pcHi + insn.imm2 + ((lo >>> 0) < (pcLo >>> 0) ? 1 : 0)) | 0;
        const d = insn.rd << 1;
        x[d] = lo;
        x[d | 1] = hi;
        break;
      }
      case 21: {
        // OP_ADRP
        const base = pcLo & ~0xfff;
        const lo = (base + insn.imm) | 0;
        const hi = (cpu.pcHi + insn.imm2 + ((lo >>> 0) < (base >>> 0) ? 1 : 0)) | 0;
        const d = insn.rd << 1;
        x[d] = lo;
        x[d | 1] = hi;
        break;
      }
      // ------------------------------------------------------------------ logical
      case 22: {
        // OP_AND_XI
        const n = insn.rn << 1;
        const d = insn.rd << 1;
        const hi = x[n | 1] & insn.imm2;
        x[d] = x[n] & insn.imm;
        x[d | 1] = hi;
        break;
      }
      case 23: {
        // OP_ORR_XI
        const n = insn.rn << 1;
        const d = insn.rd << 1;
        const hi = x[n | 1] | insn.imm2;
        x[d] = x[n] | insn.imm;
        x[d | 1] = hi;
        break;
      }
      case 24: {
        // OP_EOR_XI
        const n = insn.rn << 1;
        const d = insn.rd << 1;
        const hi = x[n | 1] ^ insn.imm2;
        x[d] = x[n] ^ insn.imm;
        x[d | 1] = hi;
        break;
      }
      case 25: {
        // OP_ANDS_XI
        const n = insn.rn << 1;
        const d = insn.rd << 1;
        const lo = x[n] & insn.imm;
        const hi = x[n | 1] & insn.imm2;
        cpu.nf = hi >>> 31;
        cpu.zf = (lo | hi) === 0 ? 1 : 0;
        cpu.cf = 0;
        cpu.vf = 0;
        x[d] = lo;
        x[d | 1] = hi;
        break;
      }
      case 26: {
        // OP_AND_WI
        const d = insn.rd << 1;
        x[d] = x[insn.rn << 1] & insn.imm;
        x[d | 1] = 0;
        break;
      }
      case 27: {
        // OP_ORR_WI
        const d = insn.rd << 1;
        x[d] = x[insn.rn << 1] | insn.imm;
        x[d | 1] = 0;
        break;
      }
      case 28: {
        // OP_EOR_WI
        const d = insn.rd << 1;
        x[d] = x[insn.rn << 1] ^ insn.imm;
        x[d | 1] = 0;
        break;
      }
      case 29: {
        // OP_ANDS_WI
        const r = x[insn.rn << 1] & insn.imm;
        cpu.nf = r >>> 31;
        cpu.zf = r === 0 ? 1 : 0;
        cpu.cf = 0;
        cpu.vf = 0;
        const d = insn.rd << 1;
        x[d] = r;
        x[d | 1] = 0;
        break;
      }
      case 30: {
        // OP_AND_XR
        const n = insn.rn << 1;
        const m = insn.rm << 1;
        const d = insn.rd << 1;
        const hi = x[n | 1] & x[m | 1];
        x[d] = x[n] & x[m];
        x[d | 1] = hi;
        break;
      }
      case 31: {
        // OP_ORR_XR
        const n = insn.rn << 1;
        const m = insn.rm << 1;
        const d = insn.rd << 1;
        const hi = x[n | 1] | x[m | 1];
        x[d] = x[n] | x[m];
        x[d | 1] = hi;
        break;
      }
      case 32: {
        // OP_EOR_XR
        const n = insn.rn << 1;
        const m = insn.rm << 1;
        const d = insn.rd << 1;
        const hi = x[n | 1] ^ x[m | 1];
        x[d] = x[n] ^ x[m];
        x[d | 1] = hi;
        break;
      }
      case 33: {
        // OP_ANDS_XR
        const n = insn.rn << 1;
        const m = insn.rm << 1;
        const lo = x[n] & x[m];
        const hi = x[n | 1] & x[m | 1];
        cpu.nf = hi >>> 31;
        cpu.zf = (lo | hi) === 0 ? 1 : 0;
        cpu.cf = 0;
        cpu.vf = 0;
        const d = insn.rd << 1;
        x[d] = lo;
        x[d | 1] = hi;
        break;
      }
      case 34: {
        // OP_AND_WR
        const d = insn.rd << 1;
        x[d] = x[insn.rn << 1] & x[insn.rm << 1];
        x[d | 1] = 0;
        break;
      }
      case 35: {
        // OP_ORR_WR
        const d = insn.rd << 1;
        x[d] = x[insn.rn << 1] | x[insn.rm << 1];
        x[d | 1] = 0;
        break;
      }
      case 36: {
        // OP_EOR_WR
        const d = insn.rd << 1;
        x[d] = x[insn.rn << 1] ^ x[insn.rm << 1];
        x[d | 1] = 0;
        break;
      }
      case 37: {
        // OP_ANDS_WR
        const r = x[insn.rn << 1] & x[insn.rm << 1];
        cpu.nf = r >>> 31;
        cpu.zf = r === 0 ? 1 : 0;
        cpu.cf = 0;
        cpu.vf = 0;
        const d = insn.rd << 1;
        x[d] = r;
        x[d | 1] = 0;
        break;
      }
      case 38: {
        // OP_MOV_X
        const m = insn.rm << 1;
        const d = insn.rd << 1;
        const hi = x[m | 1];
        x[d] = x[m];
        x[d | 1] = hi;
        break;
      }
      case 39: {
        // OP_MOV_W
        const d = insn.rd << 1;
        x[d] = x[insn.rm << 1];
        x[d | 1] = 0;
        break;
      }
      case 40: // OP_LOGIC_X
        logicX(cpu, insn);
        break;
      case 41: // OP_LOGIC_W
        logicW(cpu, insn);
        break;
      // ------------------------------------------------------------------ shifts and bitfields
      case 42: {
        // OP_LSL_XI
        const n = insn.rn << 1;
        const s = insn.imm;
        const lo = x[n];
        const d = insn.rd << 1;
        if (s < 32) {
          x[d | 1] = (x[n | 1] << s) | (lo >>> (32 - s));
          x[d] = lo << s;
        } else {
          x[d | 1] = lo << (s - 32);
          x[d] = 0;
        }
        break;
      }
      case 43: {
        // OP_LSR_XI
        const n = insn.rn << 1;
        const s = insn.imm;
        const hi = x[n | 1];
        const d = insn.rd << 1;
        if (s < 32) {
          x[d] = (x[n] >>> s) | (hi << (32 - s));
          x[d | 1] = hi >>> s;
        } else {
          x[d] = hi >>> (s - 32);
          x[d | 1] = 0;
        }
        break;
      }
      case 44: {
        // OP_ASR_XI
        const n = insn.rn << 1;
        const s = insn.imm;
        const hi = x[n | 1];
        const d = insn.rd << 1;
        if (s < 32) {
          x[d] = (x[n] >>> s) | (hi << (32 - s));
          x[d | 1] = hi >> s;
        } else {
          x[d] = hi >> (s - 32);
          x[d | 1] = hi >> 31;
        }
        break;
      }
      case 45: {
        // OP_LSL_WI
        const d = insn.rd << 1;
        x[d] = x[insn.rn << 1] << insn.imm;
        x[d | 1] = 0;
        break;
      }
      case 46: {
        // OP_LSR_WI
        const d = insn.rd << 1;
        x[d] = x[insn.rn << 1] >>> insn.imm;
        x[d | 1] = 0;
        break;
      }
      case 47: {
        // OP_ASR_WI
        const d = insn.rd << 1;
        x[d] = x[insn.rn << 1] >> insn.imm;
        x[d | 1] = 0;
        break;
      }
      case 48: // OP_UBFM_X
        ubfmX(cpu, insn);
        break;
      case 49: {
        // OP_UBFM_W (ROR by 0 works too: v << 32 is v << 0 in JS)
        const v = x[insn.rn << 1];
        const r = insn.rm;
        const d = insn.rd << 1;
        x[d] = ((v >>> r) | (v << (32 - r))) & insn.imm;
        x[d | 1] = 0;
        break;
      }
      case 50: // OP_SBFM_X
        sbfmX(cpu, insn);
        break;
      case 51: // OP_SBFM_W
        sbfmW(cpu, insn);
        break;
      case 52: // OP_BFM_X
        bfmX(cpu, insn);
        break;
      case 53: // OP_BFM_W
        bfmW(cpu, insn);
        break;
      case 54: // OP_EXTR_X
        extrX(cpu, insn);
        break;
      case 55: // OP_EXTR_W
        extrW(cpu, insn);
        break;
      // ------------------------------------------------------------------ conditional select
      case 56: {
        // OP_CSEL_X
        const s = (((insn.a >>> ((cpu.nf << 3) | (cpu.zf << 2) | (cpu.cf << 1) | cpu.vf)) & 1) !== 0 ? insn.rn : insn.rm) << 1;
        const d = insn.rd << 1;
        const hi = x[s | 1];
        x[d] = x[s];
        x[d | 1] = hi;
        break;
      }
      case 57: {
        // OP_CSEL_W
        const d = insn.rd << 1;
        x[d] = x[(((insn.a >>> ((cpu.nf << 3) | (cpu.zf << 2) | (cpu.cf << 1) | cpu.vf)) & 1) !== 0 ? insn.rn : insn.rm) << 1];
        x[d | 1] = 0;
        break;
      }
      case 58: {
        // OP_CSINC_X
        const d = insn.rd << 1;
        if (((insn.a >>> ((cpu.nf << 3) | (cpu.zf << 2) | (cpu.cf << 1) | cpu.vf)) & 1) !== 0) {
          const n = insn.rn << 1;
          const hi = x[n | 1];
          x[d] = x[n];
          x[d | 1] = hi;
        } else {
          const m = insn.rm << 1;
          const lo = (x[m] + 1) | 0;
          const hi = lo === 0 ? (x[m | 1] + 1) | 0 : x[m | 1];
          x[d] = lo;
          x[d | 1] = hi;
        }
        break;
      }
      case 59: {
        // OP_CSINC_W
        const d = insn.rd << 1;
        x[d] = ((insn.a >>> ((cpu.nf << 3) | (cpu.zf << 2) | (cpu.cf << 1) | cpu.vf)) & 1) !== 0 ? x[insn.rn << 1] : (x[insn.rm << 1] + 1) | 0;
        x[d | 1] = 0;
        break;
      }
      case 60: {
        // OP_CSINV_X
        const d = insn.rd << 1;
        if (((insn.a >>> ((cpu.nf << 3) | (cpu.zf << 2) | (cpu.cf << 1) | cpu.vf)) & 1) !== 0) {
          const n = insn.rn << 1;
          const hi = x[n | 1];
          x[d] = x[n];
          x[d | 1] = hi;
        } else {
          const m = insn.rm << 1;
          const hi = ~x[m | 1];
          x[d] = ~x[m];
          x[d | 1] = hi;
        }
        break;
      }
      case 61: {
        // OP_CSINV_W
        const d = insn.rd << 1;
        x[d] = ((insn.a >>> ((cpu.nf << 3) | (cpu.zf << 2) | (cpu.cf << 1) | cpu.vf)) & 1) !== 0 ? x[insn.rn << 1] : ~x[insn.rm << 1];
        x[d | 1] = 0;
        break;
      }
      case 62: {
        // OP_CSNEG_X
        const d = insn.rd << 1;
        if (((insn.a >>> ((cpu.nf << 3) | (cpu.zf << 2) | (cpu.cf << 1) | cpu.vf)) & 1) !== 0) {
          const n = insn.rn << 1;
          const hi = x[n | 1];
          x[d] = x[n];
          x[d | 1] = hi;
        } else {
          const m = insn.rm << 1;
          const lo = -x[m] | 0;
          const hi = (~x[m | 1] + (lo === 0 ? 1 : 0)) | 0;
          x[d] = lo;
          x[d | 1] = hi;
        }
        break;
      }
      case 63: {
        // OP_CSNEG_W
        const d = insn.rd << 1;
        x[d] = ((insn.a >>> ((cpu.nf << 3) | (cpu.zf << 2) | (cpu.cf << 1) | cpu.vf)) & 1) !== 0 ? x[insn.rn << 1] : -x[insn.rm << 1] | 0;
        x[d | 1] = 0;
        break;
      }
      case 64: // OP_CCMP
        ccmp(cpu, insn);
        break;
      case 65: // OP_DP1
        dp1(cpu, insn);
        break;
      case 66: // OP_DP2
        dp2(cpu, insn);
        break;
      // ------------------------------------------------------------------ multiply
      case 67: {
        // OP_MADD_W
        const d = insn.rd << 1;
        x[d] = (x[insn.ra << 1] + Math.imul(x[insn.rn << 1], x[insn.rm << 1])) | 0;
        x[d | 1] = 0;
        break;
      }
      case 68: {
        // OP_MSUB_W
        const d = insn.rd << 1;
        x[d] = (x[insn.ra << 1] - Math.imul(x[insn.rn << 1], x[insn.rm << 1])) | 0;
        x[d | 1] = 0;
        break;
      }
      case 69: // OP_MADD_X
        maddX(cpu, insn, false);
        break;
      case 70: // OP_MSUB_X
        maddX(cpu, insn, true);
        break;
      case 71: // OP_MUL3
        mul3(cpu, insn);
        break;
      // ------------------------------------------------------------------ branches
      case 72: {
        // OP_B
        const lo = (pcLo + insn.imm) | 0;
        const hi = (cpu.pcHi + insn.imm2 + ((lo >>> 0) < (pcLo >>> 0) ? 1 : 0)) | 0;
        if (hi !== cpu.pcHi) {
          cpu.pcHi = hi;
          check = 1;
        }
        pcLo = lo;
        continue;
      }
      case 73: {
        // OP_BL
        const phi = cpu.pcHi;
        const ret = (pcLo + 4) | 0;
        x[60] = ret;
        x[61] = ret === 0 ? (phi + 1) | 0 : phi;
        const lo = (pcLo + insn.imm) | 0;
        const hi = (phi + insn.imm2 + ((lo >>> 0) < (pcLo >>> 0) ? 1 : 0)) | 0;
        if (hi !== phi) {
          cpu.pcHi = hi;
          check = 1;
        }
        pcLo = lo;
        continue;
      }
      case 74: {
        // OP_BCOND (insn.a: the condition's NZCV mask, see condMask)
        if (((insn.a >>> ((cpu.nf << 3) | (cpu.zf << 2) | (cpu.cf << 1) | cpu.vf)) & 1) !== 0) {
          const lo = (pcLo + insn.imm) | 0;
          const hi = (cpu.pcHi + insn.imm2 + ((lo >>> 0) < (pcLo >>> 0) ? 1 : 0)) | 0;
          if (hi !== cpu.pcHi) {
            cpu.pcHi = hi;
            check = 1;
          }
          pcLo = lo;
          continue;
        }
        break;
      }
      case 75: {
        // OP_CBZ_X
        const n = insn.rn << 1;
        if ((x[n] | x[n | 1]) === 0) {
          const lo = (pcLo + insn.imm) | 0;
          const hi = (cpu.pcHi + insn.imm2 + ((lo >>> 0) < (pcLo >>> 0) ? 1 : 0)) | 0;
          if (hi !== cpu.pcHi) {
            cpu.pcHi = hi;
            check = 1;
          }
          pcLo = lo;
          continue;
        }
        break;
      }
      case 76: {
        // OP_CBNZ_X
        const n = insn.rn << 1;
        if ((x[n] | x[n | 1]) !== 0) {
          const lo = (pcLo + insn.imm) | 0;
          const hi = (cpu.pcHi + insn.imm2 + ((lo >>> 0) < (pcLo >>> 0) ? 1 : 0)) | 0;
          if (hi !== cpu.pcHi) {
            cpu.pcHi = hi;
            check = 1;
          }
          pcLo = lo;
          continue;
        }
        break;
      }
      case 77: {
        // OP_CBZ_W
        if (x[insn.rn << 1] === 0) {
          const lo = (pcLo + insn.imm) | 0;
          const hi = (cpu.pcHi + insn.imm2 + ((lo >>> 0) < (pcLo >>> 0) ? 1 : 0)) | 0;
          if (hi !== cpu.pcHi) {
            cpu.pcHi = hi;
            check = 1;
          }
          pcLo = lo;
          continue;
        }
        break;
      }
      case 78: {
        // OP_CBNZ_W
        if (x[insn.rn << 1] !== 0) {
          const lo = (pcLo + insn.imm) | 0;
          const hi = (cpu.pcHi + insn.imm2 + ((lo >>> 0) < (pcLo >>> 0) ? 1 : 0)) | 0;
          if (hi !== cpu.pcHi) {
            cpu.pcHi = hi;
            check = 1;
          }
          pcLo = lo;
          continue;
        }
        break;
      }
      case 79: {
        // OP_TBZ
        if ((x[(insn.rn << 1) + insn.a] & insn.b) === 0) {
          const lo = (pcLo + insn.imm) | 0;
          const hi = (cpu.pcHi + insn.imm2 + ((lo >>> 0) < (pcLo >>> 0) ? 1 : 0)) | 0;
          if (hi !== cpu.pcHi) {
            cpu.pcHi = hi;
            check = 1;
          }
          pcLo = lo;
          continue;
        }
        break;
      }
      case 80: {
        // OP_TBNZ
        if ((x[(insn.rn << 1) + insn.a] & insn.b) !== 0) {
          const lo = (pcLo + insn.imm) | 0;
          const hi = (cpu.pcHi + insn.imm2 + ((lo >>> 0) < (pcLo >>> 0) ? 1 : 0)) | 0;
          if (hi !== cpu.pcHi) {
            cpu.pcHi = hi;
            check = 1;
          }
          pcLo = lo;
          continue;
        }
        break;
      }
      case 81: // OP_BR
      case 83: {
        // OP_RET
        const n = insn.rn << 1;
        const lo = x[n];
        const hi = x[n | 1];
        if (hi !== cpu.pcHi || (lo & 3) !== 0) {
          cpu.pcHi = hi;
          check = 1; // a misaligned target takes the PC alignment fault at the next fetch
        }
        pcLo = lo;
        continue;
      }
      case 82: {
        // OP_BLR
        const n = insn.rn << 1;
        const lo = x[n];
        const hi = x[n | 1];
        const phi = cpu.pcHi;
        const ret = (pcLo + 4) | 0;
        x[60] = ret;
        x[61] = ret === 0 ? (phi + 1) | 0 : phi;
        if (hi !== phi || (lo & 3) !== 0) {
          cpu.pcHi = hi;
          check = 1;
        }
        pcLo = lo;
        continue;
      }
      // ------------------------------------------------------------------ loads and stores (offset forms)
      case 84: {
        // OP_LDRX
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const lo = cpu.ld64(alo, ahi);
        const t = insn.rd << 1;
        x[t] = lo;
        x[t | 1] = cpu.ldHi;
        break;
      }
      case 85: {
        // OP_LDRW
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const v = cpu.ld32(alo, ahi);
        const t = insn.rd << 1;
        x[t] = v;
        x[t | 1] = 0;
        break;
      }
      case 86: {
        // OP_LDRB
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const v = cpu.ld8(alo, ahi);
        const t = insn.rd << 1;
        x[t] = v;
        x[t | 1] = 0;
        break;
      }
      case 87: {
        // OP_LDRH
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const v = cpu.ld16(alo, ahi);
        const t = insn.rd << 1;
        x[t] = v;
        x[t | 1] = 0;
        break;
      }
      case 88: {
        // OP_LDRSBX
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const v = (cpu.ld8(alo, ahi) << 24) >> 24;
        const t = insn.rd << 1;
        x[t] = v;
        x[t | 1] = v >> 31;
        break;
      }
      case 89: {
        // OP_LDRSBW
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const v = (cpu.ld8(alo, ahi) << 24) >> 24;
        const t = insn.rd << 1;
        x[t] = v;
        x[t | 1] = 0;
        break;
      }
      case 90: {
        // OP_LDRSHX
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const v = (cpu.ld16(alo, ahi) << 16) >> 16;
        const t = insn.rd << 1;
        x[t] = v;
        x[t | 1] = v >> 31;
        break;
      }
      case 91: {
        // OP_LDRSHW
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const v = (cpu.ld16(alo, ahi) << 16) >> 16;
        const t = insn.rd << 1;
        x[t] = v;
        x[t | 1] = 0;
        break;
      }
      case 92: {
        // OP_LDRSW
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const v = cpu.ld32(alo, ahi);
        const t = insn.rd << 1;
        x[t] = v;
        x[t | 1] = v >> 31;
        break;
      }
      case 93: {
        // OP_STRX
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const t = insn.rd << 1;
        cpu.st64(alo, ahi, x[t], x[t | 1]);
        break;
      }
      case 94: {
        // OP_STRW
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        cpu.st32(alo, ahi, x[insn.rd << 1]);
        break;
      }
      case 95: {
        // OP_STRB
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        cpu.st8(alo, ahi, x[insn.rd << 1]);
        break;
      }
      case 96: {
        // OP_STRH
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        cpu.st16(alo, ahi, x[insn.rd << 1]);
        break;
      }
      // ------------------------------------------------------------------ loads and stores (register offset)
      case 97: {
        // OP_LDRX_R
        const m = insn.rm << 1;
        let olo = x[m];
        let ohi = insn.a === 2 ? 0 : insn.a === 6 ? olo >> 31 : x[m | 1];
        const s = insn.b;
        if (s !== 0) {
          ohi = (ohi << s) | (olo >>> (32 - s));
          olo <<= s;
        }
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + olo) | 0;
        const addrHi = (x[b | 1] + ohi + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const v = cpu.ld64(alo, addrHi);
        const t = insn.rd << 1;
        x[t] = v;
        x[t | 1] = cpu.ldHi;
        break;
      }
      case 98: {
        // OP_LDRW_R
        const m = insn.rm << 1;
        let olo = x[m];
        let ohi = insn.a === 2 ? 0 : insn.a === 6 ? olo >> 31 : x[m | 1];
        const s = insn.b;
        if (s !== 0) {
          ohi = (ohi << s) | (olo >>> (32 - s));
          olo <<= s;
        }
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + olo) | 0;
        const addrHi = (x[b | 1] + ohi + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const v = cpu.ld32(alo, addrHi);
        const t = insn.rd << 1;
        x[t] = v;
        x[t | 1] = 0;
        break;
      }
      case 99: {
        // OP_LDRB_R
        const m = insn.rm << 1;
        let olo = x[m];
        let ohi = insn.a === 2 ? 0 : insn.a === 6 ? olo >> 31 : x[m | 1];
        const s = insn.b;
        if (s !== 0) {
          ohi = (ohi << s) | (olo >>> (32 - s));
          olo <<= s;
        }
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + olo) | 0;
        const addrHi = (x[b | 1] + ohi + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const v = cpu.ld8(alo, addrHi);
        const t = insn.rd << 1;
        x[t] = v;
        x[t | 1] = 0;
        break;
      }
      case 100: {
        // OP_STRX_R
        const m = insn.rm << 1;
        let olo = x[m];
        let ohi = insn.a === 2 ? 0 : insn.a === 6 ? olo >> 31 : x[m | 1];
        const s = insn.b;
        if (s !== 0) {
          ohi = (ohi << s) | (olo >>> (32 - s));
          olo <<= s;
        }
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + olo) | 0;
        const addrHi = (x[b | 1] + ohi + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const t = insn.rd << 1;
        cpu.st64(alo, addrHi, x[t], x[t | 1]);
        break;
      }
      case 101: {
        // OP_STRW_R
        const m = insn.rm << 1;
        let olo = x[m];
        let ohi = insn.a === 2 ? 0 : insn.a === 6 ? olo >> 31 : x[m | 1];
        const s = insn.b;
        if (s !== 0) {
          ohi = (ohi << s) | (olo >>> (32 - s));
          olo <<= s;
        }
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + olo) | 0;
        const addrHi = (x[b | 1] + ohi + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        cpu.st32(alo, addrHi, x[insn.rd << 1]);
        break;
      }
      case 102: {
        // OP_STRB_R
        const m = insn.rm << 1;
        let olo = x[m];
        let ohi = insn.a === 2 ? 0 : insn.a === 6 ? olo >> 31 : x[m | 1];
        const s = insn.b;
        if (s !== 0) {
          ohi = (ohi << s) | (olo >>> (32 - s));
          olo <<= s;
        }
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + olo) | 0;
        const addrHi = (x[b | 1] + ohi + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        cpu.st8(alo, addrHi, x[insn.rd << 1]);
        break;
      }
      case 103: // OP_LDST_GEN
        ldstGen(cpu, insn);
        break;
      case 104: {
        // OP_LDP_X
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const a2 = (alo + 8) | 0;
        const v1 = cpu.ld64(alo, ahi);
        const v1h = cpu.ldHi;
        const v2 = cpu.ld64(a2, (a2 >>> 0) < (alo >>> 0) ? (ahi + 1) | 0 : ahi);
        const v2h = cpu.ldHi;
        const t = insn.rd << 1;
        const t2 = insn.ra << 1;
        x[t2] = v2; // Rt == Rt2 is CONSTRAINED UNPREDICTABLE; writing Rt last matches QEMU
        x[t2 | 1] = v2h;
        x[t] = v1;
        x[t | 1] = v1h;
        break;
      }
      case 105: {
        // OP_STP_X
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const t = insn.rd << 1;
        const t2 = insn.ra << 1;
        if ((alo & 0xfff) > 0xff0) {
          stpSlow(cpu, alo, ahi, t, t2);
          break;
        }
        cpu.st64(alo, ahi, x[t], x[t | 1]);
        cpu.st64((alo + 8) | 0, ahi, x[t2], x[t2 | 1]);
        break;
      }
      case 106: // OP_LDSTP_GEN
        ldstpGen(cpu, insn);
        break;
      case 107: // OP_LDR_LIT
        ldrLit(cpu, insn);
        break;
      case 108: // OP_FP_LDST
        fpLdst(cpu, insn);
        break;
      case 109: // OP_FP_LDSTP
        fpLdstp(cpu, insn);
        break;
      case 110: // OP_FP_LDR_LIT
        fpLdrLit(cpu, insn);
        break;
      case 111: // OP_EXCL
        excl(cpu, insn);
        break;
      case 112: // OP_ATOMIC
        atomic(cpu, insn);
        break;
      case 113: // OP_NOP
        break;
      default: {
        const op = insn.op;
        if (op >= 1000 && op < 2000) {
          execFpSimd(cpu, insn);
          break;
        }
        if (op >= 2000 && op < 3000) {
          // The system layer leaves the PC where execution continues (past the instruction or at a vector)
          // and may have changed translation or PSTATE, so the fetch page is looked up again.
          cpu.sys.execute(insn);
          check = 1;
          pcLo = cpu.pcLo;
          continue;
        }
        cpu.sys.undef();
      }
    }
    pcLo = (pcLo + 4) | 0;
    if (pcLo === 0) {
      cpu.pcHi = (cpu.pcHi + 1) | 0;
      check = 1;
    }
  }
  cpu.pcLo = pcLo;
}

/** SP alignment check for a load/store whose base is a misaligned SP (SCTLR_EL1.SA / SA0). */
export function spCheck(cpu: Arm64Cpu): void {
  if (cpu.sys.spAlignCheck) cpu.sys.spAlignmentFault();
}
