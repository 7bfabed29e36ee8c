/**
 * AdvSIMD structure loads and stores: LD1-LD4/ST1-ST4 (multiple structures), single-lane LDn/STn,
 * LDnR, with post-index by immediate or register. Loads gather into a private buffer first and write the
 * registers only after the last access, so a fault leaves the register file untouched; the base register is
 * written back last.
 */
import type { Arm64Cpu } from '../cpu';
import type { Insn } from '../insn';

export const L_MULT = 1800;
export const L_SINGLE = 1801;
export const L_REPL = 1802;

/** Post-index kinds (insn.ra). */
const POST_NONE = 0;
const POST_IMM = 1;
const POST_REG = 2;

const BUF = new ArrayBuffer(64);
const B8 = new Uint8Array(BUF);
const B16 = new Uint16Array(BUF);
const B32 = new Int32Array(BUF);

const MULT_RPT = [1, -1, 4, -1, 1, -1, 3, 1, 1, -1, 2];
const MULT_SELEM = [4, -1, 1, -1, 3, -1, 1, 1, 2, -1, 1];

/**
 * Fields: rd = Rt, rn = base (31 = SP), rm = Rm for register post-index, c = 1 for loads, a = element size
 * log2, sf = Q, b = selem, imm = rpt (multiple) or lane index (single), ra = post-index kind,
 * imm2 = post-index immediate (bytes transferred).
 */
export function decodeLdst(w: number, insn: Insn): void {
  insn.op = 0;
  if ((w & 0xbf800000) === 0x0c000000 || (w & 0xbf800000) === 0x0c800000) {
    const post = (w & 0x00800000) !== 0;
    if (!post && ((w >>> 16) & 0x3f) !== 0) return;
    if (post && ((w >>> 21) & 1) !== 0) return;
    const opc = (w >>> 12) & 15;
    if (opc > 10 || MULT_RPT[opc] < 0) return;
    const size = (w >>> 10) & 3;
    const q = (w >>> 30) & 1;
    const selem = MULT_SELEM[opc];
    const rpt = MULT_RPT[opc];
    if (size === 3 && q === 0 && selem !== 1) return;
    fill(w, insn, post);
    insn.op = L_MULT;
    insn.a = size;
    insn.b = selem;
    insn.imm = rpt;
    insn.imm2 = (q ? 16 : 8) * rpt * selem;
    return;
  }
  if ((w & 0xbf800000) === 0x0d000000 || (w & 0xbf800000) === 0x0d800000) {
    const post = (w & 0x00800000) !== 0;
    if (!post && ((w >>> 16) & 0x1f) !== 0) return;
    const l = (w >>> 22) & 1;
    const r = (w >>> 21) & 1;
    const opc = (w >>> 13) & 7;
    const s = (w >>> 12) & 1;
    const size = (w >>> 10) & 3;
    const q = (w >>> 30) & 1;
    let scale = opc >>> 1;
    const selem = (((opc & 1) << 1) | r) + 1;
    let index = 0;
    let repl = false;
    switch (scale) {
      case 3:
        if (l === 0 || s === 1) return;
        scale = size;
        repl = true;
        break;
      case 0:
        index = (q << 3) | (s << 2) | size;
        break;
      case 1:
        if (size & 1) return;
        index = (q << 2) | (s << 1) | (size >> 1);
        break;
      default:
        if (size & 2) return;
        if ((size & 1) === 0) index = (q << 1) | s;
        else {
          if (s === 1) return;
          index = q;
          scale = 3;
        }
    }
    fill(w, insn, post);
    insn.op = repl ? L_REPL : L_SINGLE;
    insn.c = l;
    insn.a = scale;
    insn.b = selem;
    insn.imm = index;
    insn.imm2 = selem << scale;
  }
}

function fill(w: number, insn: Insn, post: boolean): void {
  insn.rd = w & 31;
  insn.rn = (w >>> 5) & 31; // 31 is SP for a base register
  const rm = (w >>> 16) & 31;
  insn.rm = rm;
  insn.ra = !post ? POST_NONE : rm === 31 ? POST_IMM : POST_REG;
  insn.c = (w >>> 22) & 1;
  insn.sf = (w >>> 30) & 1;
}

// Address kept in module state while an instruction runs (no allocation).
let aLo = 0;
let aHi = 0;

function advance(n: number): void {
  const lo = (aLo + n) | 0;
  if (lo >>> 0 < aLo >>> 0) aHi = (aHi + 1) | 0;
  aLo = lo;
}

function loadElem(cpu: Arm64Cpu, es: number, pos: number): void {
  switch (es) {
    case 0:
      B8[pos] = cpu.ld8(aLo, aHi);
      break;
    case 1:
      B16[pos >> 1] = cpu.ld16(aLo, aHi);
      break;
    case 2:
      B32[pos >> 2] = cpu.ld32(aLo, aHi);
      break;
    default:
      B32[pos >> 2] = cpu.ld64(aLo, aHi);
      B32[(pos >> 2) + 1] = cpu.ldHi;
  }
  advance(1 << es);
}

function storeElem(cpu: Arm64Cpu, es: number, reg: number, lane: number): void {
  switch (es) {
    case 0:
      cpu.st8(aLo, aHi, cpu.vu8[(reg << 4) + lane]);
      break;
    case 1:
      cpu.st16(aLo, aHi, cpu.vu16[(reg << 3) + lane]);
      break;
    case 2:
      cpu.st32(aLo, aHi, cpu.v32[(reg << 2) + lane]);
      break;
    default:
      cpu.st64(aLo, aHi, cpu.v32[(reg << 2) + 2 * lane], cpu.v32[(reg << 2) + 2 * lane + 1]);
  }
  advance(1 << es);
}

function writeBack(cpu: Arm64Cpu, insn: Insn): void {
  if (insn.ra === POST_NONE) return;
  const n = insn.rn << 1;
  const x = cpu.x;
  let lo: number;
  let hi: number;
  if (insn.ra === POST_IMM) {
    lo = insn.imm2;
    hi = 0;
  } else {
    lo = x[insn.rm << 1];
    hi = x[(insn.rm << 1) + 1];
  }
  const bl = x[n];
  const r = (bl + lo) | 0;
  x[n + 1] = (x[n + 1] + hi + (r >>> 0 < bl >>> 0 ? 1 : 0)) | 0;
  x[n] = r;
}

export function execLdst(cpu: Arm64Cpu, insn: Insn): void {
  aLo = cpu.x[insn.rn << 1];
  aHi = cpu.x[(insn.rn << 1) + 1];
  const es = insn.a;
  const selem = insn.b;
  const t = insn.rd;
  const load = insn.c === 1;
  switch (insn.op) {
    case L_MULT: {
      const bytes = insn.sf ? 16 : 8;
      const elems = bytes >> es;
      const rpt = insn.imm;
      if (selem === 1 && (aLo & 7) === 0) {
        // LD1/ST1 of whole registers at an 8-aligned address: memory order equals register byte order,
        // so move 64 bits at a time (8-aligned satisfies every element alignment check).
        const v = cpu.v32;
        for (let r = 0; r < rpt; r++) {
          const b = ((t + r) & 31) << 2;
          for (let h = 0; h < bytes; h += 8) {
            const w = h >> 2;
            if (load) {
              B32[4 * r + w] = cpu.ld64(aLo, aHi);
              B32[4 * r + w + 1] = cpu.ldHi;
            } else cpu.st64(aLo, aHi, v[b + w], v[b + w + 1]);
            advance(8);
          }
        }
      } else {
        // Buffer layout: register slot k (0..3) at 16k, in the order t, t+1, ...
        for (let r = 0; r < rpt; r++) {
          for (let e = 0; e < elems; e++) {
            for (let s = 0; s < selem; s++) {
              const k = r + s;
              if (load) loadElem(cpu, es, 16 * k + (e << es));
              else storeElem(cpu, es, (t + k) & 31, e);
            }
          }
        }
      }
      if (load) {
        const regs = rpt * selem;
        for (let k = 0; k < regs; k++) {
          const d = ((t + k) & 31) << 2;
          const v = cpu.v32;
          v[d] = B32[4 * k];
          v[d + 1] = B32[4 * k + 1];
          v[d + 2] = bytes === 16 ? B32[4 * k + 2] : 0;
          v[d + 3] = bytes === 16 ? B32[4 * k + 3] : 0;
        }
      }
      break;
    }
    case L_SINGLE: {
      const lane = insn.imm;
      if (load) {
        for (let s = 0; s < selem; s++) loadElem(cpu, es, 16 * s);
        for (let s = 0; s < selem; s++) {
          const reg = (t + s) & 31;
          switch (es) {
            case 0:
              cpu.vu8[(reg << 4) + lane] = B8[16 * s];
              break;
            case 1:
              cpu.vu16[(reg << 3) + lane] = B16[8 * s];
              break;
            case 2:
              cpu.v32[(reg << 2) + lane] = B32[4 * s];
              break;
            default:
              cpu.v32[(reg << 2) + 2 * lane] = B32[4 * s];
              cpu.v32[(reg << 2) + 2 * lane + 1] = B32[4 * s + 1];
          }
        }
      } else {
        for (let s = 0; s < selem; s++) storeElem(cpu, es, (t + s) & 31, lane);
      }
      break;
    }
    case L_REPL: {
      for (let s = 0; s < selem; s++) loadElem(cpu, es, 16 * s);
      const bytes = insn.sf ? 16 : 8;
      for (let s = 0; s < selem; s++) {
        const d = ((t + s) & 31) << 2;
        const v = cpu.v32;
        let lo: number;
        let hi: number;
        if (es === 3) {
          lo = B32[4 * s];
          hi = B32[4 * s + 1];
        } else {
          const e = es === 0 ? B8[16 * s] * 0x01010101 : es === 1 ? B16[8 * s] * 0x10001 : B32[4 * s];
          lo = hi = e | 0;
        }
        v[d] = lo;
        v[d + 1] = hi;
        v[d + 2] = bytes === 16 ? lo : 0;
        v[d + 3] = bytes === 16 ? hi : 0;
      }
      break;
    }
    default:
      cpu.sys.undef();
  }
  writeBack(cpu, insn);
}

