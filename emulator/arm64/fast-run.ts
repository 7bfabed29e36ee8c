import type { Arm64Cpu } from './cpu';

/**
 * The straight-line loop of the tier-0 interpreter: the integer ops, branches within the code page and
 * loads/stores that hit the data TLBs, in a function small enough, and free of calls, for V8 to keep its
 * loop state in registers. `execute` (the full interpreter) hands over whenever the next record is one of
 * these ops (FAST_OPS) and takes back the first instruction this loop cannot finish on its own:
 * anything else (helper ops, FP/SIMD, system), a TLB miss, a store that must clear the exclusive monitor,
 * a misaligned SP base, a branch off the page, the page end and the run limit. On a hand-back nothing of
 * the unfinished instruction has been written, so `execute` runs it from the start.
 *
 * The handlers for the ALU ops live only here; for loads and stores this is the TLB-hit path and
 * `execute` keeps the complete one. A TLB hit needs no fault, watchpoint or MMIO check (watched pages,
 * MMIO and code pages never enter the TLBs), so PC and icount are written back only on the way out.
 * Case labels are literals for V8's jump table (the comments name the int-ops.ts constants; a test keeps
 * them in sync) and the TLB index mask is cpu.ts's TLB_MASK written out (the same test checks it).
 *
 * Returns the number of instructions retired; cpu.pcLo / cpu.pcHi / cpu.icount are exact afterwards, and
 * cpu.runLimit is 0 if the PC left the fetch page.
 */
export function fastRun(cpu: Arm64Cpu): number {
  const x = cpu.x;
  const rTlb = cpu.rTlb;
  const rView = cpu.rView;
  const wTlb = cpu.wTlb;
  const wView = cpu.wView;
  const insns = cpu.fetchInsns;
  // An int32 countdown rather than icount itself, which passes 2^31 in long sessions and would turn the
  // loop's counter into a double; a run longer than 2^30 comes back through execute's head.
  const start = cpu.icount;
  const room = cpu.runLimit - start;
  const quota = room > 0x40000000 ? 0x40000000 : room | 0;
  let left = quota;
  // fastRun never leaves its page, so the PC is base + 4 * idx and only idx is carried round the loop.
  const base = cpu.pcLo & ~0xfff;
  let idx = (cpu.pcLo & 0xfff) >>> 2;
  run: for (;;) {
    if (left <= 0) break;
    const insn = insns[idx];
    switch (insn.op) {
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
        cpu.nzcv = ((hi >>> 31) << 3) | (((lo | hi) === 0 ? 1 : 0) << 2) | ((s1 > 0xffffffff ? 1 : 0) << 1) | ((~ahi & hi) >>> 31);
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
        cpu.nzcv = ((r >>> 31) << 3) | ((r === 0 ? 1 : 0) << 2) | ((s > 0xffffffff ? 1 : 0) << 1) | ((~a & r) >>> 31);
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
        cpu.nzcv = ((hi >>> 31) << 3) | (((lo | hi) === 0 ? 1 : 0) << 2) | ((br === 1 && ahi === 0 ? 0 : 1) << 1) | ((ahi & ~hi) >>> 31);
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
        cpu.nzcv = ((r >>> 31) << 3) | ((r === 0 ? 1 : 0) << 2) | (((a >>> 0) >= b ? 1 : 0) << 1) | ((a & ~r) >>> 31);
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
        cpu.nzcv = ((hi >>> 31) << 3) | (((lo | hi) === 0 ? 1 : 0) << 2) | ((s1 > 0xffffffff ? 1 : 0) << 1) | (((ahi ^ hi) & (bhi ^ hi)) >>> 31);
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
        cpu.nzcv = ((r >>> 31) << 3) | ((r === 0 ? 1 : 0) << 2) | ((s > 0xffffffff ? 1 : 0) << 1) | (((a ^ r) & (b ^ r)) >>> 31);
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
        cpu.nzcv = ((hi >>> 31) << 3) | (((lo | hi) === 0 ? 1 : 0) << 2) | (((ahi >>> 0) - (bhi >>> 0) - br >= 0 ? 1 : 0) << 1) | (((ahi ^ bhi) & (ahi ^ hi)) >>> 31);
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
        cpu.nzcv = ((r >>> 31) << 3) | ((r === 0 ? 1 : 0) << 2) | (((a >>> 0) >= (b >>> 0) ? 1 : 0) << 1) | (((a ^ b) & (a ^ r)) >>> 31);
        const d = insn.rd << 1;
        x[d] = r;
        x[d | 1] = 0;
        break;
      }
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
        const pc = (base + (idx << 2)) | 0;
        const lo = (pc + insn.imm) | 0;
        const hi = (cpu.pcHi + insn.imm2 + ((lo >>> 0) < (pc >>> 0) ? 1 : 0)) | 0;
        const d = insn.rd << 1;
        x[d] = lo;
        x[d | 1] = hi;
        break;
      }
      case 21: {
        // OP_ADRP
        const lo = (base + insn.imm) | 0;
        const hi = (cpu.pcHi + insn.imm2 + ((lo >>> 0) < (base >>> 0) ? 1 : 0)) | 0;
        const d = insn.rd << 1;
        x[d] = lo;
        x[d | 1] = hi;
        break;
      }
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
        cpu.nzcv = ((hi >>> 31) << 3) | (((lo | hi) === 0 ? 1 : 0) << 2);
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
        cpu.nzcv = ((r >>> 31) << 3) | ((r === 0 ? 1 : 0) << 2);
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
        cpu.nzcv = ((hi >>> 31) << 3) | (((lo | hi) === 0 ? 1 : 0) << 2);
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
        cpu.nzcv = ((r >>> 31) << 3) | ((r === 0 ? 1 : 0) << 2);
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
      case 49: {
        // OP_UBFM_W (ROR by 0 works too: v << 32 is v << 0 in JS)
        const v = x[insn.rn << 1];
        const r = insn.rm;
        const d = insn.rd << 1;
        x[d] = ((v >>> r) | (v << (32 - r))) & insn.imm;
        x[d | 1] = 0;
        break;
      }
      case 56: {
        // OP_CSEL_X
        const s = (((insn.a >>> (cpu.nzcv)) & 1) !== 0 ? insn.rn : insn.rm) << 1;
        const d = insn.rd << 1;
        const hi = x[s | 1];
        x[d] = x[s];
        x[d | 1] = hi;
        break;
      }
      case 57: {
        // OP_CSEL_W
        const d = insn.rd << 1;
        x[d] = x[(((insn.a >>> (cpu.nzcv)) & 1) !== 0 ? insn.rn : insn.rm) << 1];
        x[d | 1] = 0;
        break;
      }
      case 58: {
        // OP_CSINC_X
        const d = insn.rd << 1;
        if (((insn.a >>> (cpu.nzcv)) & 1) !== 0) {
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
        x[d] = ((insn.a >>> (cpu.nzcv)) & 1) !== 0 ? x[insn.rn << 1] : (x[insn.rm << 1] + 1) | 0;
        x[d | 1] = 0;
        break;
      }
      case 60: {
        // OP_CSINV_X
        const d = insn.rd << 1;
        if (((insn.a >>> (cpu.nzcv)) & 1) !== 0) {
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
        x[d] = ((insn.a >>> (cpu.nzcv)) & 1) !== 0 ? x[insn.rn << 1] : ~x[insn.rm << 1];
        x[d | 1] = 0;
        break;
      }
      case 62: {
        // OP_CSNEG_X
        const d = insn.rd << 1;
        if (((insn.a >>> (cpu.nzcv)) & 1) !== 0) {
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
        x[d] = ((insn.a >>> (cpu.nzcv)) & 1) !== 0 ? x[insn.rn << 1] : -x[insn.rm << 1] | 0;
        x[d | 1] = 0;
        break;
      }
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
      case 72: {
        // OP_B
        const pc = (base + (idx << 2)) | 0;
        const lo = (pc + insn.imm) | 0;
        const hi = (cpu.pcHi + insn.imm2 + ((lo >>> 0) < (pc >>> 0) ? 1 : 0)) | 0;
        if (hi !== cpu.pcHi || ((lo ^ pc) & ~0xfff) !== 0) {
          cpu.pcHi = hi;
          return offPage(cpu, lo, start, quota - left + 1);
        }
        idx = (lo & 0xfff) >>> 2;
        left = (left - 1) | 0;
        continue;
      }
      case 73: {
        // OP_BL
        const pc = (base + (idx << 2)) | 0;
        const phi = cpu.pcHi;
        const ret = (pc + 4) | 0;
        x[60] = ret;
        x[61] = ret === 0 ? (phi + 1) | 0 : phi;
        const lo = (pc + insn.imm) | 0;
        const hi = (phi + insn.imm2 + ((lo >>> 0) < (pc >>> 0) ? 1 : 0)) | 0;
        if (hi !== phi || ((lo ^ pc) & ~0xfff) !== 0) {
          cpu.pcHi = hi;
          return offPage(cpu, lo, start, quota - left + 1);
        }
        idx = (lo & 0xfff) >>> 2;
        left = (left - 1) | 0;
        continue;
      }
      case 74: {
        // OP_BCOND (insn.a: the condition's NZCV mask, see condMask)
        const pc = (base + (idx << 2)) | 0;
        if (((insn.a >>> (cpu.nzcv)) & 1) !== 0) {
          const lo = (pc + insn.imm) | 0;
          const hi = (cpu.pcHi + insn.imm2 + ((lo >>> 0) < (pc >>> 0) ? 1 : 0)) | 0;
          if (hi !== cpu.pcHi || ((lo ^ pc) & ~0xfff) !== 0) {
            cpu.pcHi = hi;
            return offPage(cpu, lo, start, quota - left + 1);
          }
          idx = (lo & 0xfff) >>> 2;
          left = (left - 1) | 0;
          continue;
        }
        break;
      }
      case 75: {
        // OP_CBZ_X
        const pc = (base + (idx << 2)) | 0;
        const n = insn.rn << 1;
        if ((x[n] | x[n | 1]) === 0) {
          const lo = (pc + insn.imm) | 0;
          const hi = (cpu.pcHi + insn.imm2 + ((lo >>> 0) < (pc >>> 0) ? 1 : 0)) | 0;
          if (hi !== cpu.pcHi || ((lo ^ pc) & ~0xfff) !== 0) {
            cpu.pcHi = hi;
            return offPage(cpu, lo, start, quota - left + 1);
          }
          idx = (lo & 0xfff) >>> 2;
          left = (left - 1) | 0;
          continue;
        }
        break;
      }
      case 76: {
        // OP_CBNZ_X
        const pc = (base + (idx << 2)) | 0;
        const n = insn.rn << 1;
        if ((x[n] | x[n | 1]) !== 0) {
          const lo = (pc + insn.imm) | 0;
          const hi = (cpu.pcHi + insn.imm2 + ((lo >>> 0) < (pc >>> 0) ? 1 : 0)) | 0;
          if (hi !== cpu.pcHi || ((lo ^ pc) & ~0xfff) !== 0) {
            cpu.pcHi = hi;
            return offPage(cpu, lo, start, quota - left + 1);
          }
          idx = (lo & 0xfff) >>> 2;
          left = (left - 1) | 0;
          continue;
        }
        break;
      }
      case 77: {
        // OP_CBZ_W
        const pc = (base + (idx << 2)) | 0;
        if (x[insn.rn << 1] === 0) {
          const lo = (pc + insn.imm) | 0;
          const hi = (cpu.pcHi + insn.imm2 + ((lo >>> 0) < (pc >>> 0) ? 1 : 0)) | 0;
          if (hi !== cpu.pcHi || ((lo ^ pc) & ~0xfff) !== 0) {
            cpu.pcHi = hi;
            return offPage(cpu, lo, start, quota - left + 1);
          }
          idx = (lo & 0xfff) >>> 2;
          left = (left - 1) | 0;
          continue;
        }
        break;
      }
      case 78: {
        // OP_CBNZ_W
        const pc = (base + (idx << 2)) | 0;
        if (x[insn.rn << 1] !== 0) {
          const lo = (pc + insn.imm) | 0;
          const hi = (cpu.pcHi + insn.imm2 + ((lo >>> 0) < (pc >>> 0) ? 1 : 0)) | 0;
          if (hi !== cpu.pcHi || ((lo ^ pc) & ~0xfff) !== 0) {
            cpu.pcHi = hi;
            return offPage(cpu, lo, start, quota - left + 1);
          }
          idx = (lo & 0xfff) >>> 2;
          left = (left - 1) | 0;
          continue;
        }
        break;
      }
      case 79: {
        // OP_TBZ
        const pc = (base + (idx << 2)) | 0;
        if ((x[(insn.rn << 1) + insn.a] & insn.b) === 0) {
          const lo = (pc + insn.imm) | 0;
          const hi = (cpu.pcHi + insn.imm2 + ((lo >>> 0) < (pc >>> 0) ? 1 : 0)) | 0;
          if (hi !== cpu.pcHi || ((lo ^ pc) & ~0xfff) !== 0) {
            cpu.pcHi = hi;
            return offPage(cpu, lo, start, quota - left + 1);
          }
          idx = (lo & 0xfff) >>> 2;
          left = (left - 1) | 0;
          continue;
        }
        break;
      }
      case 80: {
        // OP_TBNZ
        const pc = (base + (idx << 2)) | 0;
        if ((x[(insn.rn << 1) + insn.a] & insn.b) !== 0) {
          const lo = (pc + insn.imm) | 0;
          const hi = (cpu.pcHi + insn.imm2 + ((lo >>> 0) < (pc >>> 0) ? 1 : 0)) | 0;
          if (hi !== cpu.pcHi || ((lo ^ pc) & ~0xfff) !== 0) {
            cpu.pcHi = hi;
            return offPage(cpu, lo, start, quota - left + 1);
          }
          idx = (lo & 0xfff) >>> 2;
          left = (left - 1) | 0;
          continue;
        }
        break;
      }
      case 81: // OP_BR
      case 83: {
        // OP_RET
        const pc = (base + (idx << 2)) | 0;
        const n = insn.rn << 1;
        const lo = x[n];
        const hi = x[n | 1];
        if (hi !== cpu.pcHi || ((lo ^ pc) & ~0xffc) !== 0) {
          cpu.pcHi = hi;
          return offPage(cpu, lo, start, quota - left + 1);
        }
        idx = (lo & 0xfff) >>> 2;
        left = (left - 1) | 0;
        continue;
      }
      case 82: {
        // OP_BLR
        const pc = (base + (idx << 2)) | 0;
        const n = insn.rn << 1;
        const lo = x[n];
        const hi = x[n | 1];
        const phi = cpu.pcHi;
        const ret = (pc + 4) | 0;
        x[60] = ret;
        x[61] = ret === 0 ? (phi + 1) | 0 : phi;
        if (hi !== phi || ((lo ^ pc) & ~0xffc) !== 0) {
          cpu.pcHi = hi;
          return offPage(cpu, lo, start, quota - left + 1);
        }
        idx = (lo & 0xfff) >>> 2;
        left = (left - 1) | 0;
        continue;
      }
      case 84: {
        // OP_LDRX
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) break run; // SP alignment: the slow path checks
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const ti = ((alo >>> 12) & 0xff) << 2;
        const o = alo & 0xfff;
        if (rTlb[ti] !== (alo ^ o) || rTlb[ti + 1] !== ahi || o > 0xff8 || (o & rTlb[ti + 3] & 7) !== 0) break run;
        const dv = rView[ti >> 2];
        const bo = rTlb[ti + 2] + o;
        const ldHi = dv.getInt32(bo + 4, true);
        const lo = dv.getInt32(bo, true);
        const t = insn.rd << 1;
        x[t] = lo;
        x[t | 1] = ldHi;
        break;
      }
      case 85: {
        // OP_LDRW
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) break run; // SP alignment: the slow path checks
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const ti = ((alo >>> 12) & 0xff) << 2;
        const o = alo & 0xfff;
        if (rTlb[ti] !== (alo ^ o) || rTlb[ti + 1] !== ahi || o > 0xffc || (o & rTlb[ti + 3] & 3) !== 0) break run;
        const v = rView[ti >> 2].getInt32(rTlb[ti + 2] + o, true);
        const t = insn.rd << 1;
        x[t] = v;
        x[t | 1] = 0;
        break;
      }
      case 86: {
        // OP_LDRB
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) break run; // SP alignment: the slow path checks
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const ti = ((alo >>> 12) & 0xff) << 2;
        const o = alo & 0xfff;
        if (rTlb[ti] !== (alo ^ o) || rTlb[ti + 1] !== ahi) break run;
        const v = rView[ti >> 2].getUint8(rTlb[ti + 2] + o);
        const t = insn.rd << 1;
        x[t] = v;
        x[t | 1] = 0;
        break;
      }
      case 87: {
        // OP_LDRH
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) break run; // SP alignment: the slow path checks
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const ti = ((alo >>> 12) & 0xff) << 2;
        const o = alo & 0xfff;
        if (rTlb[ti] !== (alo ^ o) || rTlb[ti + 1] !== ahi || o > 0xffe || (o & rTlb[ti + 3] & 1) !== 0) break run;
        const v = rView[ti >> 2].getUint16(rTlb[ti + 2] + o, true);
        const t = insn.rd << 1;
        x[t] = v;
        x[t | 1] = 0;
        break;
      }
      case 88: {
        // OP_LDRSBX
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) break run; // SP alignment: the slow path checks
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const ti = ((alo >>> 12) & 0xff) << 2;
        const o = alo & 0xfff;
        if (rTlb[ti] !== (alo ^ o) || rTlb[ti + 1] !== ahi) break run;
        const v = (rView[ti >> 2].getUint8(rTlb[ti + 2] + o) << 24) >> 24;
        const t = insn.rd << 1;
        x[t] = v;
        x[t | 1] = v >> 31;
        break;
      }
      case 89: {
        // OP_LDRSBW
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) break run; // SP alignment: the slow path checks
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const ti = ((alo >>> 12) & 0xff) << 2;
        const o = alo & 0xfff;
        if (rTlb[ti] !== (alo ^ o) || rTlb[ti + 1] !== ahi) break run;
        const v = (rView[ti >> 2].getUint8(rTlb[ti + 2] + o) << 24) >> 24;
        const t = insn.rd << 1;
        x[t] = v;
        x[t | 1] = 0;
        break;
      }
      case 90: {
        // OP_LDRSHX
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) break run; // SP alignment: the slow path checks
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const ti = ((alo >>> 12) & 0xff) << 2;
        const o = alo & 0xfff;
        if (rTlb[ti] !== (alo ^ o) || rTlb[ti + 1] !== ahi || o > 0xffe || (o & rTlb[ti + 3] & 1) !== 0) break run;
        const v = (rView[ti >> 2].getUint16(rTlb[ti + 2] + o, true) << 16) >> 16;
        const t = insn.rd << 1;
        x[t] = v;
        x[t | 1] = v >> 31;
        break;
      }
      case 91: {
        // OP_LDRSHW
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) break run; // SP alignment: the slow path checks
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const ti = ((alo >>> 12) & 0xff) << 2;
        const o = alo & 0xfff;
        if (rTlb[ti] !== (alo ^ o) || rTlb[ti + 1] !== ahi || o > 0xffe || (o & rTlb[ti + 3] & 1) !== 0) break run;
        const v = (rView[ti >> 2].getUint16(rTlb[ti + 2] + o, true) << 16) >> 16;
        const t = insn.rd << 1;
        x[t] = v;
        x[t | 1] = 0;
        break;
      }
      case 92: {
        // OP_LDRSW
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) break run; // SP alignment: the slow path checks
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const ti = ((alo >>> 12) & 0xff) << 2;
        const o = alo & 0xfff;
        if (rTlb[ti] !== (alo ^ o) || rTlb[ti + 1] !== ahi || o > 0xffc || (o & rTlb[ti + 3] & 3) !== 0) break run;
        const v = rView[ti >> 2].getInt32(rTlb[ti + 2] + o, true);
        const t = insn.rd << 1;
        x[t] = v;
        x[t | 1] = v >> 31;
        break;
      }
      case 93: {
        // OP_STRX
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) break run; // SP alignment: the slow path checks
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const t = insn.rd << 1;
        const ti = ((alo >>> 12) & 0xff) << 2;
        const o = alo & 0xfff;
        if (wTlb[ti] !== (alo ^ o) || wTlb[ti + 1] !== ahi || cpu.exclValid !== 0 || o > 0xff8 || (o & wTlb[ti + 3] & 7) !== 0) break run;
        const dv = wView[ti >> 2];
        const bo = wTlb[ti + 2] + o;
        dv.setInt32(bo, x[t], true);
        dv.setInt32(bo + 4, x[t | 1], true);
        break;
      }
      case 94: {
        // OP_STRW
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) break run; // SP alignment: the slow path checks
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const ti = ((alo >>> 12) & 0xff) << 2;
        const o = alo & 0xfff;
        if (wTlb[ti] !== (alo ^ o) || wTlb[ti + 1] !== ahi || cpu.exclValid !== 0 || o > 0xffc || (o & wTlb[ti + 3] & 3) !== 0) break run;
        wView[ti >> 2].setInt32(wTlb[ti + 2] + o, x[insn.rd << 1], true);
        break;
      }
      case 95: {
        // OP_STRB
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) break run; // SP alignment: the slow path checks
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const ti = ((alo >>> 12) & 0xff) << 2;
        const o = alo & 0xfff;
        if (wTlb[ti] !== (alo ^ o) || wTlb[ti + 1] !== ahi || cpu.exclValid !== 0) break run;
        wView[ti >> 2].setUint8(wTlb[ti + 2] + o, x[insn.rd << 1]);
        break;
      }
      case 96: {
        // OP_STRH
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) break run; // SP alignment: the slow path checks
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const ti = ((alo >>> 12) & 0xff) << 2;
        const o = alo & 0xfff;
        if (wTlb[ti] !== (alo ^ o) || wTlb[ti + 1] !== ahi || cpu.exclValid !== 0 || o > 0xffe || (o & wTlb[ti + 3] & 1) !== 0) break run;
        wView[ti >> 2].setUint16(wTlb[ti + 2] + o, x[insn.rd << 1], true);
        break;
      }
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
        if (b === 62 && (blo & 15) !== 0) break run; // SP alignment: the slow path checks
        const alo = (blo + olo) | 0;
        const addrHi = (x[b | 1] + ohi + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const ti = ((alo >>> 12) & 0xff) << 2;
        const o = alo & 0xfff;
        if (rTlb[ti] !== (alo ^ o) || rTlb[ti + 1] !== addrHi || o > 0xff8 || (o & rTlb[ti + 3] & 7) !== 0) break run;
        const dv = rView[ti >> 2];
        const bo = rTlb[ti + 2] + o;
        const ldHi = dv.getInt32(bo + 4, true);
        const v = dv.getInt32(bo, true);
        const t = insn.rd << 1;
        x[t] = v;
        x[t | 1] = ldHi;
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
        if (b === 62 && (blo & 15) !== 0) break run; // SP alignment: the slow path checks
        const alo = (blo + olo) | 0;
        const addrHi = (x[b | 1] + ohi + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const ti = ((alo >>> 12) & 0xff) << 2;
        const o = alo & 0xfff;
        if (rTlb[ti] !== (alo ^ o) || rTlb[ti + 1] !== addrHi || o > 0xffc || (o & rTlb[ti + 3] & 3) !== 0) break run;
        const v = rView[ti >> 2].getInt32(rTlb[ti + 2] + o, true);
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
        if (b === 62 && (blo & 15) !== 0) break run; // SP alignment: the slow path checks
        const alo = (blo + olo) | 0;
        const addrHi = (x[b | 1] + ohi + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const ti = ((alo >>> 12) & 0xff) << 2;
        const o = alo & 0xfff;
        if (rTlb[ti] !== (alo ^ o) || rTlb[ti + 1] !== addrHi) break run;
        const v = rView[ti >> 2].getUint8(rTlb[ti + 2] + o);
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
        if (b === 62 && (blo & 15) !== 0) break run; // SP alignment: the slow path checks
        const alo = (blo + olo) | 0;
        const addrHi = (x[b | 1] + ohi + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const t = insn.rd << 1;
        const ti = ((alo >>> 12) & 0xff) << 2;
        const o = alo & 0xfff;
        if (wTlb[ti] !== (alo ^ o) || wTlb[ti + 1] !== addrHi || cpu.exclValid !== 0 || o > 0xff8 || (o & wTlb[ti + 3] & 7) !== 0) break run;
        const dv = wView[ti >> 2];
        const bo = wTlb[ti + 2] + o;
        dv.setInt32(bo, x[t], true);
        dv.setInt32(bo + 4, x[t | 1], true);
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
        if (b === 62 && (blo & 15) !== 0) break run; // SP alignment: the slow path checks
        const alo = (blo + olo) | 0;
        const addrHi = (x[b | 1] + ohi + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const ti = ((alo >>> 12) & 0xff) << 2;
        const o = alo & 0xfff;
        if (wTlb[ti] !== (alo ^ o) || wTlb[ti + 1] !== addrHi || cpu.exclValid !== 0 || o > 0xffc || (o & wTlb[ti + 3] & 3) !== 0) break run;
        wView[ti >> 2].setInt32(wTlb[ti + 2] + o, x[insn.rd << 1], true);
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
        if (b === 62 && (blo & 15) !== 0) break run; // SP alignment: the slow path checks
        const alo = (blo + olo) | 0;
        const addrHi = (x[b | 1] + ohi + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const ti = ((alo >>> 12) & 0xff) << 2;
        const o = alo & 0xfff;
        if (wTlb[ti] !== (alo ^ o) || wTlb[ti + 1] !== addrHi || cpu.exclValid !== 0) break run;
        wView[ti >> 2].setUint8(wTlb[ti + 2] + o, x[insn.rd << 1]);
        break;
      }
      case 41: {
        // OP_LOGIC_W (AND/ORR/EOR/ANDS, a = 0..3, with shifted and optionally inverted Rm)
        const v = x[insn.rm << 1];
        const sh = insn.imm;
        const type = insn.c;
        let b = type === 0 ? v << sh : type === 1 ? v >>> sh : type === 2 ? v >> sh : sh === 0 ? v : (v >>> sh) | (v << (32 - sh));
        if (insn.b !== 0) b = ~b;
        const a = x[insn.rn << 1];
        const op = insn.a;
        const r = op === 1 ? a | b : op === 2 ? a ^ b : a & b;
        if (op === 3) cpu.nzcv = ((r >>> 31) << 3) | ((r === 0 ? 1 : 0) << 2);
        const d = insn.rd << 1;
        x[d] = r;
        x[d | 1] = 0;
        break;
      }
      case 69: // OP_MADD_X
      case 70: {
        // OP_MSUB_X: rd = ra +/- rn * rm (64-bit), from 16-bit partial products so every step stays exact
        const n = insn.rn << 1;
        const m = insn.rm << 1;
        const alo = x[n];
        const blo = x[m];
        const a0 = alo & 0xffff;
        const a1 = alo >>> 16;
        const b0 = blo & 0xffff;
        const b1 = blo >>> 16;
        const p01 = a0 * b1;
        const p10 = a1 * b0;
        const mid = ((a0 * b0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
        const carry = a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16);
        let plo = Math.imul(alo, blo);
        let phi = (carry + Math.imul(alo, x[m | 1]) + Math.imul(x[n | 1], blo)) | 0;
        if (insn.op === 70) {
          plo = (~plo + 1) | 0;
          phi = plo === 0 ? (~phi + 1) | 0 : ~phi;
        }
        const c = insn.ra << 1;
        const clo = x[c];
        const lo = (clo + plo) | 0;
        const hi = (x[c | 1] + phi + ((lo >>> 0) < (clo >>> 0) ? 1 : 0)) | 0;
        const d = insn.rd << 1;
        x[d] = lo;
        x[d | 1] = hi;
        break;
      }
      case 104: {
        // OP_LDP_X (both doublewords on one page; Rt == Rt2 writes Rt last, as execute does)
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) break run; // SP alignment: the slow path checks
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const ti = ((alo >>> 12) & 0xff) << 2;
        const o = alo & 0xfff;
        if (rTlb[ti] !== (alo ^ o) || rTlb[ti + 1] !== ahi || o > 0xff0 || (o & rTlb[ti + 3] & 7) !== 0) break run;
        const dv = rView[ti >> 2];
        const bo = rTlb[ti + 2] + o;
        const t = insn.rd << 1;
        const t2 = insn.ra << 1;
        const v1 = dv.getInt32(bo, true);
        const v1h = dv.getInt32(bo + 4, true);
        x[t2] = dv.getInt32(bo + 8, true);
        x[t2 | 1] = dv.getInt32(bo + 12, true);
        x[t] = v1;
        x[t | 1] = v1h;
        break;
      }
      case 105: {
        // OP_STP_X
        const b = insn.rn << 1;
        const blo = x[b];
        if (b === 62 && (blo & 15) !== 0) break run; // SP alignment: the slow path checks
        const alo = (blo + insn.imm) | 0;
        const ahi = (x[b | 1] + insn.imm2 + ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        const ti = ((alo >>> 12) & 0xff) << 2;
        const o = alo & 0xfff;
        if (wTlb[ti] !== (alo ^ o) || wTlb[ti + 1] !== ahi || cpu.exclValid !== 0 || o > 0xff0 || (o & wTlb[ti + 3] & 7) !== 0) break run;
        const dv = wView[ti >> 2];
        const bo = wTlb[ti + 2] + o;
        const t = insn.rd << 1;
        const t2 = insn.ra << 1;
        dv.setInt32(bo, x[t], true);
        dv.setInt32(bo + 4, x[t | 1], true);
        dv.setInt32(bo + 8, x[t2], true);
        dv.setInt32(bo + 12, x[t2 | 1], true);
        break;
      }
      case 113: // OP_NOP
        break;
      case 114: {
        // OP_CMP_XR_BCOND: the compare, then (if the limit allows a second instruction) the B.cond after it
        const n = insn.rn << 1;
        const m = insn.rm << 1;
        const alo = x[n];
        const ahi = x[n | 1];
        const blo = x[m];
        const bhi = x[m | 1];
        const lo = (alo - blo) | 0;
        const br = (alo >>> 0) < (blo >>> 0) ? 1 : 0;
        const hi = (ahi - bhi - br) | 0;
        cpu.nzcv = ((hi >>> 31) << 3) | (((lo | hi) === 0 ? 1 : 0) << 2) | (((ahi >>> 0) - (bhi >>> 0) - br >= 0 ? 1 : 0) << 1) | (((ahi ^ bhi) & (ahi ^ hi)) >>> 31);
        if (left > 1) {
          left = (left - 1) | 0;
          idx = (idx + 1) | 0;
          if (((insn.a >>> cpu.nzcv) & 1) !== 0) {
            const pc = (base + (idx << 2)) | 0;
            const off = insn.b;
            const lo = (pc + off) | 0;
            const hi = (cpu.pcHi + (off >> 31) + ((lo >>> 0) < (pc >>> 0) ? 1 : 0)) | 0;
            if (hi !== cpu.pcHi || ((lo ^ pc) & ~0xfff) !== 0) {
              cpu.pcHi = hi;
              return offPage(cpu, lo, start, quota - left + 1);
            }
            idx = (lo & 0xfff) >>> 2;
            left = (left - 1) | 0;
            continue;
          }
        }
        break;
      }
      case 115: {
        // OP_CMP_XI_BCOND: the compare, then (if the limit allows a second instruction) the B.cond after it
        const n = insn.rn << 1;
        const alo = x[n];
        const ahi = x[n | 1];
        const b = insn.imm;
        const lo = (alo - b) | 0;
        const br = (alo >>> 0) < b ? 1 : 0;
        const hi = (ahi - br) | 0;
        cpu.nzcv = ((hi >>> 31) << 3) | (((lo | hi) === 0 ? 1 : 0) << 2) | ((br === 1 && ahi === 0 ? 0 : 1) << 1) | ((ahi & ~hi) >>> 31);
        if (left > 1) {
          left = (left - 1) | 0;
          idx = (idx + 1) | 0;
          if (((insn.a >>> cpu.nzcv) & 1) !== 0) {
            const pc = (base + (idx << 2)) | 0;
            const off = insn.b;
            const lo = (pc + off) | 0;
            const hi = (cpu.pcHi + (off >> 31) + ((lo >>> 0) < (pc >>> 0) ? 1 : 0)) | 0;
            if (hi !== cpu.pcHi || ((lo ^ pc) & ~0xfff) !== 0) {
              cpu.pcHi = hi;
              return offPage(cpu, lo, start, quota - left + 1);
            }
            idx = (lo & 0xfff) >>> 2;
            left = (left - 1) | 0;
            continue;
          }
        }
        break;
      }
      case 116: {
        // OP_CMP_WR_BCOND: the compare, then (if the limit allows a second instruction) the B.cond after it
        const a = x[insn.rn << 1];
        const b = x[insn.rm << 1];
        const r = (a - b) | 0;
        cpu.nzcv = ((r >>> 31) << 3) | ((r === 0 ? 1 : 0) << 2) | (((a >>> 0) >= (b >>> 0) ? 1 : 0) << 1) | (((a ^ b) & (a ^ r)) >>> 31);
        if (left > 1) {
          left = (left - 1) | 0;
          idx = (idx + 1) | 0;
          if (((insn.a >>> cpu.nzcv) & 1) !== 0) {
            const pc = (base + (idx << 2)) | 0;
            const off = insn.b;
            const lo = (pc + off) | 0;
            const hi = (cpu.pcHi + (off >> 31) + ((lo >>> 0) < (pc >>> 0) ? 1 : 0)) | 0;
            if (hi !== cpu.pcHi || ((lo ^ pc) & ~0xfff) !== 0) {
              cpu.pcHi = hi;
              return offPage(cpu, lo, start, quota - left + 1);
            }
            idx = (lo & 0xfff) >>> 2;
            left = (left - 1) | 0;
            continue;
          }
        }
        break;
      }
      case 117: {
        // OP_CMP_WI_BCOND: the compare, then (if the limit allows a second instruction) the B.cond after it
        const a = x[insn.rn << 1];
        const b = insn.imm;
        const r = (a - b) | 0;
        cpu.nzcv = ((r >>> 31) << 3) | ((r === 0 ? 1 : 0) << 2) | (((a >>> 0) >= b ? 1 : 0) << 1) | ((a & ~r) >>> 31);
        if (left > 1) {
          left = (left - 1) | 0;
          idx = (idx + 1) | 0;
          if (((insn.a >>> cpu.nzcv) & 1) !== 0) {
            const pc = (base + (idx << 2)) | 0;
            const off = insn.b;
            const lo = (pc + off) | 0;
            const hi = (cpu.pcHi + (off >> 31) + ((lo >>> 0) < (pc >>> 0) ? 1 : 0)) | 0;
            if (hi !== cpu.pcHi || ((lo ^ pc) & ~0xfff) !== 0) {
              cpu.pcHi = hi;
              return offPage(cpu, lo, start, quota - left + 1);
            }
            idx = (lo & 0xfff) >>> 2;
            left = (left - 1) | 0;
            continue;
          }
        }
        break;
      }
      case 127: // OP_PAGE_END (cpu.ts): ran off the fetch page (never the first record: slot 1024 follows slot 1023)
        if (((base + 0x1000) | 0) === 0) cpu.pcHi = (cpu.pcHi + 1) | 0;
        cpu.runLimit = 0;
        break run;
      default:
        break run;
    }
    left = (left - 1) | 0;
    idx = (idx + 1) | 0;
  }
  cpu.pcLo = (base + (idx << 2)) | 0;
  const done = quota - left;
  cpu.icount = start + done;
  return done;
}

/** A branch left the page: hand back with the new PC; the head of execute refills the fetch page. */
function offPage(cpu: Arm64Cpu, pcLo: number, start: number, done: number): number {
  cpu.pcLo = pcLo;
  cpu.icount = start + done;
  cpu.runLimit = 0;
  return done;
}
