/** Executor for the scalar FP ops (1000..1199). Register results clear the rest of the V register. */
import type { Arm64Cpu } from '../cpu';
import type { Insn } from '../insn';
import * as O from './ops';
// Imported names are rebound to locals: a per-file ESM->CJS transform (tsx, mocha) would otherwise turn
// every use into a getter call, which costs more than the instruction itself on these paths.
const { FMOVG_D1_TO_X, FMOVG_D_TO_X, FMOVG_H_TO_W, FMOVG_H_TO_X, FMOVG_R_TO_H, FMOVG_S_TO_W, FMOVG_W_TO_S, FMOVG_X_TO_D, FMOVG_X_TO_D1, F_ABS, F_ADD, F_BIN, F_CCMP, F_CMP, F_CSEL, F_CVT, F_DIV, F_FROMINT, F_JCVT, F_MADD, F_MOV, F_MOVG, F_MOVI, F_MUL, F_NEG, F_RINT, F_RINTN, F_SQRT, F_SUB, F_TOINT } = O;
import * as __fp_arith from './fp-arith';
const { fbin, fcvt, fmuladd, fsqrt } = __fp_arith;
import * as __softfloat from './softfloat';
import * as __cond from '../cond';
const { condHolds } = __cond;
const { FMT_D, FMT_H, FMT_S, IOC, IXC, fpCompare, fpRoundInt, fpRoundIntN, fpToInt, intToFp, out, rmodeOf, toDouble } = __softfloat;


/** `v` is NZCV as 4 bits (N=8), the CPU's packed form. */
function setNzcv(cpu: Arm64Cpu, v: number): void {
  cpu.nzcv = v & 15;
}

/** Read the low element of V`r` in format `fmt`: returns lo, high half in `rdHi`. */
let rdHi = 0;
function rdScalar(cpu: Arm64Cpu, r: number, fmt: number): number {
  const b = r << 2;
  if (fmt === FMT_D) {
    rdHi = cpu.v32[b + 1];
    return cpu.v32[b];
  }
  rdHi = 0;
  return fmt === FMT_S ? cpu.v32[b] : cpu.vu16[b << 1];
}

/** Write a scalar result and zero the rest of the 128-bit register. */
export function wrScalar(cpu: Arm64Cpu, r: number, fmt: number, lo: number, hi: number): void {
  const b = r << 2;
  const v = cpu.v32;
  v[b] = fmt === FMT_H ? lo & 0xffff : lo;
  v[b + 1] = fmt === FMT_D ? hi : 0;
  v[b + 2] = 0;
  v[b + 3] = 0;
}

function signBit(fmt: number): number {
  return fmt === FMT_D ? 0x80000000 | 0 : fmt === FMT_S ? 0x80000000 | 0 : 0x8000;
}

export function execFp(cpu: Arm64Cpu, insn: Insn): void {
  const fmt = insn.a;
  switch (insn.op) {
    case F_MOV: {
      const lo = rdScalar(cpu, insn.rn, fmt);
      wrScalar(cpu, insn.rd, fmt, lo, rdHi);
      return;
    }
    case F_ABS:
    case F_NEG: {
      let lo = rdScalar(cpu, insn.rn, fmt);
      let hi = rdHi;
      const sb = signBit(fmt);
      if (fmt === FMT_D) hi = insn.op === F_ABS ? hi & ~sb : hi ^ sb;
      else lo = insn.op === F_ABS ? lo & ~sb : lo ^ sb;
      wrScalar(cpu, insn.rd, fmt, lo, hi);
      return;
    }
    case F_SQRT: {
      const lo = rdScalar(cpu, insn.rn, fmt);
      const r = fsqrt(cpu, fmt, lo, rdHi);
      wrScalar(cpu, insn.rd, fmt, r, out.hi);
      return;
    }
    case F_CVT: {
      const lo = rdScalar(cpu, insn.rn, fmt);
      const r = fcvt(cpu, fmt, insn.b, lo, rdHi);
      wrScalar(cpu, insn.rd, insn.b, r, out.hi);
      return;
    }
    case F_RINT: {
      const lo = rdScalar(cpu, insn.rn, fmt);
      const r = fpRoundInt(cpu, fmt, lo, rdHi, insn.b < 0 ? rmodeOf(cpu) : insn.b, insn.c === 1);
      wrScalar(cpu, insn.rd, fmt, r, out.hi);
      return;
    }
    case F_RINTN: {
      const lo = rdScalar(cpu, insn.rn, fmt);
      const r = fpRoundIntN(cpu, fmt, lo, rdHi, insn.b < 0 ? rmodeOf(cpu) : insn.b, insn.c);
      wrScalar(cpu, insn.rd, fmt, r, out.hi);
      return;
    }
    case F_ADD:
    case F_SUB:
    case F_MUL:
    case F_DIV:
    case F_BIN: {
      const alo = rdScalar(cpu, insn.rn, fmt);
      const ahi = rdHi;
      const blo = rdScalar(cpu, insn.rm, fmt);
      const opf = insn.op === F_BIN ? insn.b : insn.op === F_ADD ? 0 : insn.op === F_SUB ? 1 : insn.op === F_MUL ? 2 : 3;
      const r = fbin(cpu, opf, fmt, alo, ahi, blo, rdHi);
      wrScalar(cpu, insn.rd, fmt, r, out.hi);
      return;
    }
    case F_MADD: {
      let alo = rdScalar(cpu, insn.ra, fmt);
      let ahi = rdHi;
      let nlo = rdScalar(cpu, insn.rn, fmt);
      let nhi = rdHi;
      const mlo = rdScalar(cpu, insn.rm, fmt);
      const mhi = rdHi;
      const sb = signBit(fmt);
      // Negations happen on the operands, NaNs included (QEMU and the pseudocode agree).
      if (insn.b === 1) {
        if (fmt === FMT_D) ahi ^= sb;
        else alo ^= sb;
      }
      if (insn.c === 1) {
        if (fmt === FMT_D) nhi ^= sb;
        else nlo ^= sb;
      }
      const r = fmuladd(cpu, fmt, alo, ahi, nlo, nhi, mlo, mhi);
      wrScalar(cpu, insn.rd, fmt, r, out.hi);
      return;
    }
    case F_CMP: {
      const alo = rdScalar(cpu, insn.rn, fmt);
      const ahi = rdHi;
      let blo = 0;
      let bhi = 0;
      if (insn.c === 0) {
        blo = rdScalar(cpu, insn.rm, fmt);
        bhi = rdHi;
      }
      setNzcv(cpu, fpCompare(cpu, fmt, alo, ahi, blo, bhi, insn.b === 1));
      return;
    }
    case F_CCMP: {
      if (condHolds(cpu, insn.c)) {
        const alo = rdScalar(cpu, insn.rn, fmt);
        const ahi = rdHi;
        const blo = rdScalar(cpu, insn.rm, fmt);
        setNzcv(cpu, fpCompare(cpu, fmt, alo, ahi, blo, rdHi, insn.b === 1));
      } else {
        setNzcv(cpu, insn.imm);
      }
      return;
    }
    case F_CSEL: {
      const src = condHolds(cpu, insn.c) ? insn.rn : insn.rm;
      const lo = rdScalar(cpu, src, fmt);
      wrScalar(cpu, insn.rd, fmt, lo, rdHi);
      return;
    }
    case F_MOVI:
      wrScalar(cpu, insn.rd, fmt, insn.imm, insn.imm2);
      return;
    case F_MOVG:
      execMovGeneral(cpu, insn);
      return;
    case F_TOINT: {
      const lo = rdScalar(cpu, insn.rn, fmt);
      const r = fpToInt(cpu, fmt, lo, rdHi, insn.imm, insn.b < 0 ? rmodeOf(cpu) : insn.b, insn.c === 1, insn.sf === 1 ? 64 : 32);
      const d = insn.rd << 1;
      cpu.x[d] = r;
      cpu.x[d + 1] = insn.sf === 1 ? out.hi : 0;
      return;
    }
    case F_FROMINT: {
      const s = insn.rn << 1;
      const r = intToFpFast(cpu, fmt, cpu.x[s], cpu.x[s + 1], insn.sf === 1 ? 64 : 32, insn.c === 1, insn.imm);
      wrScalar(cpu, insn.rd, fmt, r, out.hi);
      return;
    }
    case F_JCVT: {
      const lo = rdScalar(cpu, insn.rn, FMT_D);
      const r = jcvt(cpu, lo, rdHi);
      const d = insn.rd << 1;
      cpu.x[d] = r;
      cpu.x[d + 1] = 0;
      return;
    }
    default:
      cpu.sys.undef();
  }
}

const cbuf = new ArrayBuffer(8);
const cf64 = new Float64Array(cbuf);
const cf32 = new Float32Array(cbuf);
const ci32 = new Int32Array(cbuf);

/**
 * SCVTF/UCVTF: integers that a double holds exactly convert with one rounding (Math.fround) in
 * round-to-nearest; everything else takes the exact path.
 */
export function intToFpFast(cpu: Arm64Cpu, fmt: number, lo: number, hi: number, bits: number, unsigned: boolean, fbits: number): number {
  if (fbits === 0 && fmt === FMT_S && (cpu.fpcr & 0x00c00000) === 0 && (bits === 32 || hi === 0 || (!unsigned && hi === -1 && lo < 0))) {
    const v = bits === 32 ? (unsigned ? lo >>> 0 : lo) : hi === 0 ? lo >>> 0 : lo;
    const f = Math.fround(v);
    if (f !== v) cpu.fpsr |= IXC;
    out.hi = 0;
    cf32[0] = f;
    return ci32[0];
  }
  if (fbits === 0 && fmt !== FMT_H) {
    let v: number;
    if (bits === 32) v = unsigned ? lo >>> 0 : lo;
    else if (hi === 0 || (!unsigned && hi === -1 && lo < 0)) v = hi === 0 ? lo >>> 0 : lo;
    else v = NaN;
    if (v === v) {
      const limit = fmt === FMT_D ? 9007199254740992 : 16777216;
      if (Math.abs(v) <= limit) {
        out.hi = 0;
        if (fmt === FMT_D) {
          cf64[0] = v;
          out.hi = ci32[1];
          return ci32[0];
        }
        cf32[0] = v;
        return ci32[0];
      }
    }
  }
  return intToFp(cpu, fmt, lo, hi, bits, unsigned, fbits);
}

function execMovGeneral(cpu: Arm64Cpu, insn: Insn): void {
  const x = cpu.x;
  const v = cpu.v32;
  const n = insn.rn;
  const d = insn.rd;
  switch (insn.b) {
    case FMOVG_W_TO_S:
      wrScalar(cpu, d, FMT_S, x[n << 1], 0);
      return;
    case FMOVG_X_TO_D:
      wrScalar(cpu, d, FMT_D, x[n << 1], x[(n << 1) + 1]);
      return;
    case FMOVG_R_TO_H:
      wrScalar(cpu, d, FMT_H, x[n << 1] & 0xffff, 0);
      return;
    case FMOVG_S_TO_W:
      x[d << 1] = v[n << 2];
      x[(d << 1) + 1] = 0;
      return;
    case FMOVG_D_TO_X:
      x[d << 1] = v[n << 2];
      x[(d << 1) + 1] = v[(n << 2) + 1];
      return;
    case FMOVG_H_TO_W:
    case FMOVG_H_TO_X:
      x[d << 1] = cpu.vu16[n << 3];
      x[(d << 1) + 1] = 0;
      return;
    case FMOVG_X_TO_D1:
      // Writes only the top half; the bottom 64 bits are kept.
      v[(d << 2) + 2] = x[n << 1];
      v[(d << 2) + 3] = x[(n << 1) + 1];
      return;
    case FMOVG_D1_TO_X:
      x[d << 1] = v[(n << 2) + 2];
      x[(d << 1) + 1] = v[(n << 2) + 3];
      return;
    default:
      cpu.sys.undef();
  }
}

/** FJCVTZS: JavaScript ToInt32 of a double, Z set when the conversion was exact and in range. */
function jcvt(cpu: Arm64Cpu, lo: number, hi: number): number {
  const x = toDouble(cpu, FMT_D, lo, hi, (cpu.fpcr & (1 << 24)) !== 0);
  let r = 0;
  let exact = false;
  if (x !== x || x === Infinity || x === -Infinity) {
    cpu.fpsr |= IOC;
  } else {
    const t = Math.trunc(x);
    r = t | 0; // modulo 2^32, as ToInt32
    exact = t === x && t >= -2147483648 && t <= 2147483647 && !Object.is(x, -0);
    if (t !== x) cpu.fpsr |= IXC;
    else if (!exact) cpu.fpsr |= IOC;
  }
  cpu.nf = 0;
  cpu.zf = exact ? 1 : 0;
  cpu.cf = 0;
  cpu.vf = 0;
  return r;
}
