import type { Arm64Cpu } from './cpu';
import { execFpSimd } from './fpsimd';
import { bindSystemDecoder } from './decode';
import * as A from './int/alu';
import * as M from './int/mem';
import { fastRun } from './fast-run';
import { FAST_OPS } from './fast-ops';

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
const logicX = A.logicX;
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
 * The tier-0 interpreter: fetch the cached decoded record for PC and run it. It is two loops. `fastRun`
 * (fast-run.ts) is small and call-free: integer ops, branches within the page and loads/stores that hit
 * the TLBs, with its state in registers; this function is the complete interpreter around it (head, every
 * other op, the slow paths of loads and stores) and hands over whenever the next record is a FAST_OPS op.
 * One big switch for everything kept V8 from holding the loop state in registers (every value live across
 * a call is spilled, and the rare handlers call out), which cost about a fifth of the speed.
 *
 * Case labels are numeric literals on purpose: V8 only builds a jump table for literal Smi labels, and
 * imported constants would turn the switch into a chain of comparisons. The comment after each label names
 * the int-ops.ts constant; a test keeps them in sync. Rare handlers live in int/.
 *
 * The loop keeps PC (`pcLo`), the slot index (`idx`), the page's records (`insns`) and the instruction count
 * (`ic`) in locals. Straight-line code runs without any per-instruction check beyond `ic >= lim`; the head
 * under that test does the budget, PC alignment and fetch-page work. It runs when the budget is reached,
 * after a branch off the page, a page end (slot 1024 holds OP_PAGE_END), any system-layer op, and whenever
 * something zeroed cpu.runLimit (requestStop, forceRefill, TLB flushes, code writes on the fetch page,
 * fastRun leaving the page). On a parked page (the debug unit leaves fetchPageLo on its sentinel) the head
 * sets the limit to one instruction, so refillFetch still runs before every instruction there (fastRun
 * obeys the same limit).
 *
 * cpu.pcLo and cpu.icount are written back before every instruction that can fault or reach outside code
 * (loads/stores, FP/SIMD, system ops, UNDEFINED) and at every exit from the loop, so faults, timers (CNTVCT),
 * watchpoints and the hyp layer see exact values. After such an instruction the loop reloads cpu.runLimit,
 * which is how a stop or invalidation it caused is seen before the next instruction. Ops of the system
 * layer (2000..2999) own the PC: `sys.execute` leaves it where execution continues.
 */
export function execute(cpu: Arm64Cpu): void {
  bindSystemDecoder(cpu.sys);
  const x = cpu.x;
  let pcLo = cpu.pcLo | 0;
  let insns = cpu.fetchInsns;
  let idx = 0;
  let ic = cpu.icount;
  let lim = 0; // 0 forces the head first
  for (;;) {
    if (ic >= lim) {
      cpu.icount = ic;
      cpu.pcLo = pcLo;
      if (ic >= cpu.stopAt) break;
      if ((pcLo & 3) !== 0) cpu.sys.pcAlignmentFault();
      if ((pcLo & ~0xfff) !== cpu.fetchPageLo || cpu.pcHi !== cpu.fetchPageHi) cpu.refillFetch();
      insns = cpu.fetchInsns;
      idx = (pcLo & 0xfff) >>> 2;
      // A parked page (fetchPageLo left on the sentinel) comes back here before each instruction.
      lim = cpu.runLimit = (pcLo & ~0xfff) === cpu.fetchPageLo ? cpu.stopAt : ic + 1;
    }
    const insn = insns[idx];
    if (FAST_OPS[insn.op] !== 0) {
      // Straight-line integer code runs in fastRun's small loop; it hands back what it cannot finish.
      cpu.pcLo = pcLo;
      cpu.icount = ic;
      if (fastRun(cpu) !== 0) {
        pcLo = cpu.pcLo;
        ic = cpu.icount;
        idx = (pcLo & 0xfff) >>> 2;
        lim = cpu.runLimit;
        continue;
      }
    }
    ic++;
    switch (insn.op) {
      case 15: // OP_ARITH_X
        arithX(cpu, insn);
        break;
      case 16: // OP_ARITH_W
        arithW(cpu, insn);
        break;
      case 40: // OP_LOGIC_X
        logicX(cpu, insn);
        break;
      case 48: // OP_UBFM_X
        ubfmX(cpu, insn);
        break;
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
      case 64: // OP_CCMP
        ccmp(cpu, insn);
        break;
      case 65: // OP_DP1
        dp1(cpu, insn);
        break;
      case 66: // OP_DP2
        dp2(cpu, insn);
        break;
      case 71: // OP_MUL3
        mul3(cpu, insn);
        break;
      // ------------------------------------------------------------------ loads and stores (offset forms)
      case 84: {
        // OP_LDRX
        cpu.pcLo = pcLo; // exact for a fault, and for the observers a load/store may reach
        cpu.icount = ic;
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const lo = cpu.ld64(alo, ahi);
        const t = insn.rd << 1;
        x[t] = lo;
        x[t | 1] = cpu.ldHi;
        lim = cpu.runLimit;
        break;
      }
      case 85: {
        // OP_LDRW
        cpu.pcLo = pcLo; // exact for a fault, and for the observers a load/store may reach
        cpu.icount = ic;
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const v = cpu.ld32(alo, ahi);
        const t = insn.rd << 1;
        x[t] = v;
        x[t | 1] = 0;
        lim = cpu.runLimit;
        break;
      }
      case 86: {
        // OP_LDRB
        cpu.pcLo = pcLo; // exact for a fault, and for the observers a load/store may reach
        cpu.icount = ic;
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const v = cpu.ld8(alo, ahi);
        const t = insn.rd << 1;
        x[t] = v;
        x[t | 1] = 0;
        lim = cpu.runLimit;
        break;
      }
      case 87: {
        // OP_LDRH
        cpu.pcLo = pcLo; // exact for a fault, and for the observers a load/store may reach
        cpu.icount = ic;
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const v = cpu.ld16(alo, ahi);
        const t = insn.rd << 1;
        x[t] = v;
        x[t | 1] = 0;
        lim = cpu.runLimit;
        break;
      }
      case 88: {
        // OP_LDRSBX
        cpu.pcLo = pcLo; // exact for a fault, and for the observers a load/store may reach
        cpu.icount = ic;
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const v = (cpu.ld8(alo, ahi) << 24) >> 24;
        const t = insn.rd << 1;
        x[t] = v;
        x[t | 1] = v >> 31;
        lim = cpu.runLimit;
        break;
      }
      case 89: {
        // OP_LDRSBW
        cpu.pcLo = pcLo; // exact for a fault, and for the observers a load/store may reach
        cpu.icount = ic;
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const v = (cpu.ld8(alo, ahi) << 24) >> 24;
        const t = insn.rd << 1;
        x[t] = v;
        x[t | 1] = 0;
        lim = cpu.runLimit;
        break;
      }
      case 90: {
        // OP_LDRSHX
        cpu.pcLo = pcLo; // exact for a fault, and for the observers a load/store may reach
        cpu.icount = ic;
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const v = (cpu.ld16(alo, ahi) << 16) >> 16;
        const t = insn.rd << 1;
        x[t] = v;
        x[t | 1] = v >> 31;
        lim = cpu.runLimit;
        break;
      }
      case 91: {
        // OP_LDRSHW
        cpu.pcLo = pcLo; // exact for a fault, and for the observers a load/store may reach
        cpu.icount = ic;
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const v = (cpu.ld16(alo, ahi) << 16) >> 16;
        const t = insn.rd << 1;
        x[t] = v;
        x[t | 1] = 0;
        lim = cpu.runLimit;
        break;
      }
      case 92: {
        // OP_LDRSW
        cpu.pcLo = pcLo; // exact for a fault, and for the observers a load/store may reach
        cpu.icount = ic;
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const v = cpu.ld32(alo, ahi);
        const t = insn.rd << 1;
        x[t] = v;
        x[t | 1] = v >> 31;
        lim = cpu.runLimit;
        break;
      }
      case 93: {
        // OP_STRX
        cpu.pcLo = pcLo; // exact for a fault, and for the observers a load/store may reach
        cpu.icount = ic;
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const t = insn.rd << 1;
        cpu.st64(alo, ahi, x[t], x[t | 1]);
        lim = cpu.runLimit;
        break;
      }
      case 94: {
        // OP_STRW
        cpu.pcLo = pcLo; // exact for a fault, and for the observers a load/store may reach
        cpu.icount = ic;
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        cpu.st32(alo, ahi, x[insn.rd << 1]);
        lim = cpu.runLimit;
        break;
      }
      case 95: {
        // OP_STRB
        cpu.pcLo = pcLo; // exact for a fault, and for the observers a load/store may reach
        cpu.icount = ic;
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        cpu.st8(alo, ahi, x[insn.rd << 1]);
        lim = cpu.runLimit;
        break;
      }
      case 96: {
        // OP_STRH
        cpu.pcLo = pcLo; // exact for a fault, and for the observers a load/store may reach
        cpu.icount = ic;
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        cpu.st16(alo, ahi, x[insn.rd << 1]);
        lim = cpu.runLimit;
        break;
      }
      // ------------------------------------------------------------------ loads and stores (register offset)
      case 97: {
        // OP_LDRX_R
        cpu.pcLo = pcLo; // exact for a fault, and for the observers a load/store may reach
        cpu.icount = ic;
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
        lim = cpu.runLimit;
        break;
      }
      case 98: {
        // OP_LDRW_R
        cpu.pcLo = pcLo; // exact for a fault, and for the observers a load/store may reach
        cpu.icount = ic;
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
        lim = cpu.runLimit;
        break;
      }
      case 99: {
        // OP_LDRB_R
        cpu.pcLo = pcLo; // exact for a fault, and for the observers a load/store may reach
        cpu.icount = ic;
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
        lim = cpu.runLimit;
        break;
      }
      case 100: {
        // OP_STRX_R
        cpu.pcLo = pcLo; // exact for a fault, and for the observers a load/store may reach
        cpu.icount = ic;
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
        lim = cpu.runLimit;
        break;
      }
      case 101: {
        // OP_STRW_R
        cpu.pcLo = pcLo; // exact for a fault, and for the observers a load/store may reach
        cpu.icount = ic;
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
        lim = cpu.runLimit;
        break;
      }
      case 102: {
        // OP_STRB_R
        cpu.pcLo = pcLo; // exact for a fault, and for the observers a load/store may reach
        cpu.icount = ic;
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
        lim = cpu.runLimit;
        break;
      }
      case 103: // OP_LDST_GEN
        cpu.pcLo = pcLo; // exact for a fault, and for the observers a load/store may reach
        cpu.icount = ic;
        ldstGen(cpu, insn);
        lim = cpu.runLimit;
        break;
      case 104: {
        // OP_LDP_X
        cpu.pcLo = pcLo; // exact for a fault, and for the observers a load/store may reach
        cpu.icount = ic;
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
        lim = cpu.runLimit;
        break;
      }
      case 105: {
        // OP_STP_X
        cpu.pcLo = pcLo; // exact for a fault, and for the observers a load/store may reach
        cpu.icount = ic;
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) spCheck(cpu);
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const t = insn.rd << 1;
        const t2 = insn.ra << 1;
        if ((alo & 0xfff) > 0xff0) {
          stpSlow(cpu, alo, ahi, t, t2);
          lim = cpu.runLimit;
          break;
        }
        cpu.st64(alo, ahi, x[t], x[t | 1]);
        cpu.st64((alo + 8) | 0, ahi, x[t2], x[t2 | 1]);
        lim = cpu.runLimit;
        break;
      }
      case 106: // OP_LDSTP_GEN
        cpu.pcLo = pcLo; // exact for a fault, and for the observers a load/store may reach
        cpu.icount = ic;
        ldstpGen(cpu, insn);
        lim = cpu.runLimit;
        break;
      case 107: // OP_LDR_LIT
        cpu.pcLo = pcLo; // exact for a fault, and for the observers a load/store may reach
        cpu.icount = ic;
        ldrLit(cpu, insn);
        lim = cpu.runLimit;
        break;
      case 108: // OP_FP_LDST
        cpu.pcLo = pcLo; // exact for a fault, and for the observers a load/store may reach
        cpu.icount = ic;
        fpLdst(cpu, insn);
        lim = cpu.runLimit;
        break;
      case 109: // OP_FP_LDSTP
        cpu.pcLo = pcLo; // exact for a fault, and for the observers a load/store may reach
        cpu.icount = ic;
        fpLdstp(cpu, insn);
        lim = cpu.runLimit;
        break;
      case 110: // OP_FP_LDR_LIT
        cpu.pcLo = pcLo; // exact for a fault, and for the observers a load/store may reach
        cpu.icount = ic;
        fpLdrLit(cpu, insn);
        lim = cpu.runLimit;
        break;
      case 111: // OP_EXCL
        cpu.pcLo = pcLo; // exact for a fault, and for the observers a load/store may reach
        cpu.icount = ic;
        excl(cpu, insn);
        lim = cpu.runLimit;
        break;
      case 112: // OP_ATOMIC
        cpu.pcLo = pcLo; // exact for a fault, and for the observers a load/store may reach
        cpu.icount = ic;
        atomic(cpu, insn);
        lim = cpu.runLimit;
        break;
      case 126: {
        // OP_UNDECODED (cpu.ts): decode on first execution, then dispatch the record in its place
        cpu.decodeAt(idx);
        ic--;
        continue;
      }
      case 127: {
        // OP_PAGE_END (cpu.ts): sequential execution ran off the fetch page
        ic--;
        if (pcLo === 0) cpu.pcHi = (cpu.pcHi + 1) | 0;
        lim = 0;
        continue;
      }
      default: {
        cpu.pcLo = pcLo;
        cpu.icount = ic;
        const op = insn.op;
        if (op >= 1000 && op < 2000) {
          execFpSimd(cpu, insn);
          lim = cpu.runLimit;
          break;
        }
        if (op >= 2000 && op < 3000) {
          // The system layer leaves the PC where execution continues (past the instruction or at a vector)
          // and may have changed translation or PSTATE, so the fetch page is looked up again.
          cpu.sys.execute(insn);
          lim = 0;
          pcLo = cpu.pcLo | 0;
          continue;
        }
        cpu.sys.undef();
      }
    }
    pcLo = (pcLo + 4) | 0;
    idx = (idx + 1) | 0;
  }
  cpu.pcLo = pcLo;
  cpu.icount = ic;
}

/** SP alignment check for a load/store whose base is a misaligned SP (SCTLR_EL1.SA / SA0). */
export function spCheck(cpu: Arm64Cpu): void {
  if (cpu.sys.spAlignCheck) cpu.sys.spAlignmentFault();
}
