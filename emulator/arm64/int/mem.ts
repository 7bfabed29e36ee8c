import { ABORT, ACC_READ, ACC_WRITE, type Arm64Cpu } from '../cpu';
import type { Insn } from '../insn';
import { extend64, rHi } from './alu';

/**
 * Out-of-line load/store handlers: writeback forms, sign-extending and sub-word register-offset forms,
 * pairs other than the plain 64-bit offset form, literals, SIMD&FP scalar registers, exclusives, ordered
 * accesses and LSE atomics. Record layouts are listed in decode-ldst.ts.
 *
 * Every handler performs all memory accesses (which may fault and throw ABORT) before it writes any register.
 */

/** High half of the last computed address. */
let aHi = 0;

/** Effective address for mode 0 (offset), 1 (pre), 2 (post), 3 (register); also does nothing else. */
function effAddr(cpu: Arm64Cpu, x: Int32Array, insn: Insn, mode: number): number {
  const b = insn.rn << 1;
  const blo = x[b];
  const bhi = x[b + 1];
  if (b === 62 && (blo & 15) !== 0 && cpu.sys.spAlignCheck) cpu.sys.spAlignmentFault();
  if (mode === 2) {
    aHi = bhi;
    return blo;
  }
  let olo: number;
  let ohi: number;
  if (mode === 3) {
    const m = insn.rm << 1;
    olo = extend64(x[m], x[m + 1], insn.c, insn.ra);
    ohi = rHi;
  } else {
    olo = insn.imm;
    ohi = insn.imm2;
  }
  const lo = (blo + olo) | 0;
  aHi = (bhi + ohi + ((lo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
  return lo;
}

function writeback(x: Int32Array, insn: Insn, mode: number, alo: number, ahi: number): void {
  const b = insn.rn << 1;
  if (mode === 1) {
    x[b] = alo;
    x[b + 1] = ahi;
  } else if (mode === 2) {
    const lo = (alo + insn.imm) | 0;
    x[b + 1] = (ahi + insn.imm2 + ((lo >>> 0) < (alo >>> 0) ? 1 : 0)) | 0;
    x[b] = lo;
  }
}

/**
 * Make sure every byte of [lo, lo+size) can be written before a multi-part store writes its first part: the
 * second page must translate and be backed by RAM or a device (otherwise the external abort is taken now,
 * for the first address on that page).
 */
function probeStore(cpu: Arm64Cpu, lo: number, hi: number, size: number): void {
  const first = 4096 - (lo & 0xfff);
  if (first >= size) return;
  const nlo = (lo + first) | 0;
  const nhi = (nlo >>> 0) < (lo >>> 0) ? (hi + 1) | 0 : hi;
  const pa = cpu.sys.translate(nlo, nhi, ACC_WRITE, 1);
  if (!cpu.bus.isRam(pa) && cpu.bus.findDevice(pa, 1) === undefined) {
    cpu.sys.externalAbort(nlo, nhi, ACC_WRITE);
    throw ABORT;
  }
}

/** STP of two X registers whose 16 bytes cross a page: probe the whole range before the first store. */
export function stpSlow(cpu: Arm64Cpu, lo: number, hi: number, t: number, t2: number): void {
  const x = cpu.x;
  probeStore(cpu, lo, hi, 16);
  cpu.st64(lo, hi, x[t], x[t + 1]);
  const lo2 = (lo + 8) | 0;
  cpu.st64(lo2, (lo2 >>> 0) < (lo >>> 0) ? (hi + 1) | 0 : hi, x[t2], x[t2 + 1]);
}

/** Single GPR access of kind size*4+opc at (lo, hi); loads write Rt. */
function accessGpr(cpu: Arm64Cpu, kind: number, lo: number, hi: number, t: number): void {
  const x = cpu.x;
  let vlo: number;
  let vhi = 0;
  switch (kind) {
    case 0:
      cpu.st8(lo, hi, x[t]);
      return;
    case 4:
      cpu.st16(lo, hi, x[t]);
      return;
    case 8:
      cpu.st32(lo, hi, x[t]);
      return;
    case 12:
      cpu.st64(lo, hi, x[t], x[t + 1]);
      return;
    case 1:
      vlo = cpu.ld8(lo, hi);
      break;
    case 2:
      vlo = (cpu.ld8(lo, hi) << 24) >> 24;
      vhi = vlo >> 31;
      break;
    case 3:
      vlo = (cpu.ld8(lo, hi) << 24) >> 24;
      break;
    case 5:
      vlo = cpu.ld16(lo, hi);
      break;
    case 6:
      vlo = (cpu.ld16(lo, hi) << 16) >> 16;
      vhi = vlo >> 31;
      break;
    case 7:
      vlo = (cpu.ld16(lo, hi) << 16) >> 16;
      break;
    case 9:
      vlo = cpu.ld32(lo, hi);
      break;
    case 10:
      vlo = cpu.ld32(lo, hi);
      vhi = vlo >> 31;
      break;
    default:
      vlo = cpu.ld64(lo, hi);
      vhi = cpu.ldHi;
  }
  x[t] = vlo;
  x[t + 1] = vhi;
}

export function ldstGen(cpu: Arm64Cpu, insn: Insn): void {
  const x = cpu.x;
  const mode = insn.b;
  const lo = effAddr(cpu, x, insn, mode);
  const hi = aHi;
  if (mode === 4 && cpu.el !== 0) {
    unprivAccess(cpu, insn.a, lo, hi, insn.rd << 1);
    return;
  }
  accessGpr(cpu, insn.a, lo, hi, insn.rd << 1);
  writeback(x, insn, mode, lo, hi);
}

/** a = (kind << 1) | L with kind 0 = W, 1 = SW, 2 = X; b = mode. */
export function ldstpGen(cpu: Arm64Cpu, insn: Insn): void {
  const x = cpu.x;
  const mode = insn.b;
  const lo = effAddr(cpu, x, insn, mode);
  const hi = aHi;
  const t = insn.rd << 1;
  const t2 = insn.ra << 1;
  const kind = insn.a >> 1;
  const lo2 = (lo + (kind === 2 ? 8 : 4)) | 0;
  const hi2 = (lo2 >>> 0) < (lo >>> 0) ? (hi + 1) | 0 : hi;
  if ((insn.a & 1) === 0) {
    if (kind === 2) {
      probeStore(cpu, lo, hi, 16);
      cpu.st64(lo, hi, x[t], x[t + 1]);
      cpu.st64(lo2, hi2, x[t2], x[t2 + 1]);
    } else {
      probeStore(cpu, lo, hi, 8);
      cpu.st32(lo, hi, x[t]);
      cpu.st32(lo2, hi2, x[t2]);
    }
  } else if (kind === 2) {
    const a = cpu.ld64(lo, hi);
    const ah = cpu.ldHi;
    const b = cpu.ld64(lo2, hi2);
    const bh = cpu.ldHi;
    // Rt == Rt2 is CONSTRAINED UNPREDICTABLE; writing Rt last matches QEMU.
    x[t2] = b;
    x[t2 + 1] = bh;
    x[t] = a;
    x[t + 1] = ah;
  } else {
    const a = cpu.ld32(lo, hi);
    const b = cpu.ld32(lo2, hi2);
    x[t2] = b;
    x[t2 + 1] = kind === 1 ? b >> 31 : 0;
    x[t] = a;
    x[t + 1] = kind === 1 ? a >> 31 : 0;
  }
  writeback(x, insn, mode, lo, hi);
}

/**
 * LDTR/STTR and friends at EL1: the access is checked with EL0 permissions (`translateAs`), so it bypasses the
 * TLBs, which hold pages checked for the current EL. Every page is translated before any byte moves.
 */
function unprivAccess(cpu: Arm64Cpu, kind: number, lo: number, hi: number, t: number): void {
  const x = cpu.x;
  const size = 1 << (kind >> 2);
  const store = (kind & 3) === 0;
  const acc = store ? ACC_WRITE : ACC_READ;
  const bus = cpu.bus;
  const pa0 = cpu.sys.translateAs(lo, hi, acc, size, 0);
  const first = Math.min(size, 4096 - (lo & 0xfff));
  let pa1 = 0;
  if (first < size) {
    const nlo = (lo + first) | 0;
    pa1 = cpu.sys.translateAs(nlo, (nlo >>> 0) < (lo >>> 0) ? (hi + 1) | 0 : hi, acc, size - first, 0);
  }
  const paOf = (k: number): number => (k < first ? pa0 + k : pa1 + (k - first));
  const fail = (): never => {
    cpu.sys.externalAbort(lo, hi, acc);
    throw ABORT;
  };
  if (store) {
    const vlo = x[t];
    const vhi = x[t + 1];
    if (first === size && size <= 4) {
      if (!bus.writeSmall(pa0, size, vlo)) fail();
    } else {
      for (let k = 0; k < size; k++) {
        const byte = (k < 4 ? vlo >>> (8 * k) : vhi >>> (8 * (k - 4))) & 0xff;
        if (!bus.write8(paOf(k), byte)) fail();
      }
    }
    return;
  }
  let vlo = 0;
  let vhi = 0;
  if (first === size && size <= 4) {
    const v = bus.readSmall(pa0, size);
    if (v === undefined) fail();
    vlo = v as number;
  } else {
    for (let k = 0; k < size; k++) {
      const b = bus.read8(paOf(k));
      if (b === undefined) fail();
      if (k < 4) vlo |= (b as number) << (8 * k);
      else vhi |= (b as number) << (8 * (k - 4));
    }
  }
  switch (kind) {
    case 2:
      vlo = (vlo << 24) >> 24;
      vhi = vlo >> 31;
      break;
    case 3:
      vlo = (vlo << 24) >> 24;
      break;
    case 6:
      vlo = (vlo << 16) >> 16;
      vhi = vlo >> 31;
      break;
    case 7:
      vlo = (vlo << 16) >> 16;
      break;
    case 10:
      vhi = vlo >> 31;
      break;
    default:
  }
  x[t] = vlo;
  x[t + 1] = vhi;
}

/** Address PC + offset (records keep only the offset: the page may be mapped at several VAs). */
function pcRel(cpu: Arm64Cpu, insn: Insn): number {
  const p = cpu.pcLo;
  const lo = (p + insn.imm) | 0;
  aHi = (cpu.pcHi + insn.imm2 + ((lo >>> 0) < (p >>> 0) ? 1 : 0)) | 0;
  return lo;
}

/** LDR (literal): a = 0 W, 1 X, 2 SW. */
export function ldrLit(cpu: Arm64Cpu, insn: Insn): void {
  const lo = pcRel(cpu, insn);
  const hi = aHi;
  accessGpr(cpu, insn.a === 0 ? 9 : insn.a === 1 ? 13 : 10, lo, hi, insn.rd << 1);
}

// ---------------------------------------------------------------------------------- SIMD&FP registers

/** Load `log2` sized scalar from memory into Vt, zeroing the rest of the 128-bit register. */
function fpLoad(cpu: Arm64Cpu, log2: number, lo: number, hi: number): void {
  // Values are staged in the scratch slot (V32) so a fault on the second half changes nothing.
  const v = cpu.v32;
  const s = 128;
  switch (log2) {
    case 0:
      v[s] = cpu.ld8(lo, hi);
      v[s + 1] = 0;
      v[s + 2] = 0;
      v[s + 3] = 0;
      break;
    case 1:
      v[s] = cpu.ld16(lo, hi);
      v[s + 1] = 0;
      v[s + 2] = 0;
      v[s + 3] = 0;
      break;
    case 2:
      v[s] = cpu.ld32(lo, hi);
      v[s + 1] = 0;
      v[s + 2] = 0;
      v[s + 3] = 0;
      break;
    case 3:
      v[s] = cpu.ld64(lo, hi);
      v[s + 1] = cpu.ldHi;
      v[s + 2] = 0;
      v[s + 3] = 0;
      break;
    default: {
      const l = cpu.ld64(lo, hi);
      const lh = cpu.ldHi;
      const lo2 = (lo + 8) | 0;
      const h = cpu.ld64(lo2, (lo2 >>> 0) < (lo >>> 0) ? (hi + 1) | 0 : hi);
      v[s] = l;
      v[s + 1] = lh;
      v[s + 2] = h;
      v[s + 3] = cpu.ldHi;
    }
  }
}

function commitStaged(cpu: Arm64Cpu, t: number): void {
  const v = cpu.v32;
  const d = t << 2;
  v[d] = v[128];
  v[d + 1] = v[129];
  v[d + 2] = v[130];
  v[d + 3] = v[131];
}

function fpStore(cpu: Arm64Cpu, log2: number, lo: number, hi: number, t: number): void {
  const v = cpu.v32;
  const d = t << 2;
  switch (log2) {
    case 0:
      cpu.st8(lo, hi, v[d]);
      return;
    case 1:
      cpu.st16(lo, hi, v[d]);
      return;
    case 2:
      cpu.st32(lo, hi, v[d]);
      return;
    case 3:
      cpu.st64(lo, hi, v[d], v[d + 1]);
      return;
    default: {
      probeStore(cpu, lo, hi, 16);
      cpu.st64(lo, hi, v[d], v[d + 1]);
      const lo2 = (lo + 8) | 0;
      cpu.st64(lo2, (lo2 >>> 0) < (lo >>> 0) ? (hi + 1) | 0 : hi, v[d + 2], v[d + 3]);
    }
  }
}

/** FP_LDST: rd = Vt, sf = log2 size, a = L, b = mode, c/ra = extend option/shift. */
export function fpLdst(cpu: Arm64Cpu, insn: Insn): void {
  if (cpu.fpEnabled === 0) cpu.sys.fpTrap();
  const x = cpu.x;
  const mode = insn.b;
  const lo = effAddr(cpu, x, insn, mode);
  const hi = aHi;
  if (insn.a) {
    fpLoad(cpu, insn.sf, lo, hi);
    commitStaged(cpu, insn.rd);
  } else fpStore(cpu, insn.sf, lo, hi, insn.rd);
  writeback(x, insn, mode, lo, hi);
}

export function fpLdstp(cpu: Arm64Cpu, insn: Insn): void {
  if (cpu.fpEnabled === 0) cpu.sys.fpTrap();
  const x = cpu.x;
  const mode = insn.b;
  const lo = effAddr(cpu, x, insn, mode);
  const hi = aHi;
  const log2 = insn.sf;
  const lo2 = (lo + (1 << log2)) | 0;
  const hi2 = (lo2 >>> 0) < (lo >>> 0) ? (hi + 1) | 0 : hi;
  if (insn.a) {
    fpLoad(cpu, log2, lo, hi);
    const v = cpu.v32;
    const a0 = v[128];
    const a1 = v[129];
    const a2 = v[130];
    const a3 = v[131];
    fpLoad(cpu, log2, lo2, hi2);
    commitStaged(cpu, insn.ra);
    const d = insn.rd << 2;
    v[d] = a0;
    v[d + 1] = a1;
    v[d + 2] = a2;
    v[d + 3] = a3;
  } else {
    probeStore(cpu, lo, hi, 2 << log2);
    fpStore(cpu, log2, lo, hi, insn.rd);
    fpStore(cpu, log2, lo2, hi2, insn.ra);
  }
  writeback(x, insn, mode, lo, hi);
}

export function fpLdrLit(cpu: Arm64Cpu, insn: Insn): void {
  if (cpu.fpEnabled === 0) cpu.sys.fpTrap();
  const lo = pcRel(cpu, insn);
  fpLoad(cpu, insn.sf, lo, aHi);
  commitStaged(cpu, insn.rd);
}

// ---------------------------------------------------------------------------------- exclusives, ordered, atomics

/** Half h of raw register n for the CASP pairs, where 31 reads as zero. */
function r(x: Int32Array, n: number, h: number): number {
  return n === 31 ? 0 : x[(n << 1) + h];
}


/** Load of 1 << log2 bytes (log2 <= 3) zero-extended; high half in `ldHiOut`. */
let ldHiOut = 0;
function loadN(cpu: Arm64Cpu, log2: number, lo: number, hi: number): number {
  ldHiOut = 0;
  switch (log2) {
    case 0:
      return cpu.ld8(lo, hi);
    case 1:
      return cpu.ld16(lo, hi);
    case 2:
      return cpu.ld32(lo, hi);
    default: {
      const v = cpu.ld64(lo, hi);
      ldHiOut = cpu.ldHi;
      return v;
    }
  }
}

function storeN(cpu: Arm64Cpu, log2: number, lo: number, hi: number, vlo: number, vhi: number): void {
  switch (log2) {
    case 0:
      cpu.st8(lo, hi, vlo);
      return;
    case 1:
      cpu.st16(lo, hi, vlo);
      return;
    case 2:
      cpu.st32(lo, hi, vlo);
      return;
    default:
      cpu.st64(lo, hi, vlo, vhi);
  }
}

function baseAddr(cpu: Arm64Cpu, insn: Insn): number {
  const x = cpu.x;
  const b = insn.rn << 1;
  const blo = x[b];
  if (b === 62 && (blo & 15) !== 0 && cpu.sys.spAlignCheck) cpu.sys.spAlignmentFault();
  const lo = (blo + insn.imm) | 0;
  aHi = (x[b + 1] + insn.imm2 + ((lo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
  return lo;
}

/** Zero-extend a value of 1 << log2 bytes held as (lo, hi) to the element size. */
function mask(log2: number, v: number): number {
  return log2 === 0 ? v & 0xff : log2 === 1 ? v & 0xffff : v;
}

export function excl(cpu: Arm64Cpu, insn: Insn): void {
  const x = cpu.x;
  const log2 = insn.sf;
  const lo = baseAddr(cpu, insn);
  const hi = aHi;
  const t = insn.rd << 1;
  switch (insn.a) {
    case 0: {
      // STXR / STLXR
      const size = 1 << log2;
      cpu.sys.checkAlignment(lo, hi, size, ACC_WRITE, true);
      let status = 1;
      if (cpu.exclValid !== 0 && cpu.exclAddrLo === lo && cpu.exclAddrHi === hi && cpu.exclSize === size) {
        storeN(cpu, log2, lo, hi, x[t], x[t + 1]);
        status = 0;
      }
      cpu.exclValid = 0;
      const s = insn.rm << 1;
      x[s] = status;
      x[s + 1] = 0;
      return;
    }
    case 1: {
      // LDXR / LDAXR
      const size = 1 << log2;
      cpu.sys.checkAlignment(lo, hi, size, ACC_READ, true);
      const v = loadN(cpu, log2, lo, hi);
      x[t] = v;
      x[t + 1] = ldHiOut;
      cpu.exclValid = 1;
      cpu.exclAddrLo = lo;
      cpu.exclAddrHi = hi;
      cpu.exclSize = size;
      return;
    }
    case 2: {
      // STXP / STLXP
      const size = 2 << log2;
      cpu.sys.checkAlignment(lo, hi, size, ACC_WRITE, true);
      let status = 1;
      if (cpu.exclValid !== 0 && cpu.exclAddrLo === lo && cpu.exclAddrHi === hi && cpu.exclSize === size) {
        const t2 = insn.ra << 1;
        if (log2 === 2) cpu.st64(lo, hi, x[t], x[t2]);
        else {
          probeStore(cpu, lo, hi, 16);
          cpu.st64(lo, hi, x[t], x[t + 1]);
          const lo2 = (lo + 8) | 0;
          cpu.st64(lo2, (lo2 >>> 0) < (lo >>> 0) ? (hi + 1) | 0 : hi, x[t2], x[t2 + 1]);
        }
        status = 0;
      }
      cpu.exclValid = 0;
      const s = insn.rm << 1;
      x[s] = status;
      x[s + 1] = 0;
      return;
    }
    case 3: {
      // LDXP / LDAXP
      const size = 2 << log2;
      cpu.sys.checkAlignment(lo, hi, size, ACC_READ, true);
      const t2 = insn.ra << 1;
      if (log2 === 2) {
        const a = cpu.ld64(lo, hi);
        const b = cpu.ldHi;
        x[t] = a;
        x[t + 1] = 0;
        x[t2] = b;
        x[t2 + 1] = 0;
      } else {
        const a = cpu.ld64(lo, hi);
        const ah = cpu.ldHi;
        const lo2 = (lo + 8) | 0;
        const b = cpu.ld64(lo2, (lo2 >>> 0) < (lo >>> 0) ? (hi + 1) | 0 : hi);
        const bh = cpu.ldHi;
        x[t] = a;
        x[t + 1] = ah;
        x[t2] = b;
        x[t2 + 1] = bh;
      }
      cpu.exclValid = 1;
      cpu.exclAddrLo = lo;
      cpu.exclAddrHi = hi;
      cpu.exclSize = size;
      return;
    }
    case 4:
      // STLR / STLLR / STLUR: a single PE needs no extra ordering; without FEAT_LSE2 they must be aligned
      cpu.sys.checkAlignment(lo, hi, 1 << log2, ACC_WRITE, true);
      storeN(cpu, log2, lo, hi, x[t], x[t + 1]);
      return;
    case 5: {
      // LDAR / LDLAR / LDAPR / LDAPUR(S)
      cpu.sys.checkAlignment(lo, hi, 1 << log2, ACC_READ, true);
      let v = loadN(cpu, log2, lo, hi);
      let vh = ldHiOut;
      if (insn.b !== 0) {
        v = log2 === 0 ? (v << 24) >> 24 : log2 === 1 ? (v << 16) >> 16 : v;
        vh = insn.b === 1 ? v >> 31 : 0;
      }
      x[t] = v;
      x[t + 1] = vh;
      return;
    }
    case 6: {
      // CAS: compare Rs with memory, store Rt when equal, Rs <- old value
      const size = 1 << log2;
      cpu.sys.checkAlignment(lo, hi, size, ACC_WRITE, true);
      const old = loadN(cpu, log2, lo, hi);
      const oldHi = ldHiOut;
      const s = insn.rm << 1;
      if (old === mask(log2, x[s]) && (log2 < 3 || oldHi === x[s + 1])) storeN(cpu, log2, lo, hi, x[t], x[t + 1]);
      const sd = insn.c << 1;
      x[sd] = old;
      x[sd + 1] = oldHi;
      return;
    }
    default: {
      // CASP: registers are raw numbers (pairs Rs, Rs+1 and Rt, Rt+1; 31 reads as zero)
      const size = 2 << log2;
      cpu.sys.checkAlignment(lo, hi, size, ACC_WRITE, true);
      const rs = insn.rm;
      const rt = insn.rd;
      let o0: number;
      let o0h: number;
      let o1: number;
      let o1h: number;
      const lo2 = (lo + 8) | 0;
      const hi2 = (lo2 >>> 0) < (lo >>> 0) ? (hi + 1) | 0 : hi;
      if (log2 === 2) {
        o0 = cpu.ld32(lo, hi);
        o1 = cpu.ld32((lo + 4) | 0, hi);
        o0h = o1h = 0;
      } else {
        o0 = cpu.ld64(lo, hi);
        o0h = cpu.ldHi;
        o1 = cpu.ld64(lo2, hi2);
        o1h = cpu.ldHi;
      }
      const eq =
        log2 === 2
          ? o0 === r(x, rs, 0) && o1 === r(x, rs + 1, 0)
          : o0 === r(x, rs, 0) && o0h === r(x, rs, 1) && o1 === r(x, rs + 1, 0) && o1h === r(x, rs + 1, 1);
      if (eq) {
        if (log2 === 2) cpu.st64(lo, hi, r(x, rt, 0), r(x, rt + 1, 0));
        else {
          cpu.st64(lo, hi, r(x, rt, 0), r(x, rt, 1));
          cpu.st64(lo2, hi2, r(x, rt + 1, 0), r(x, rt + 1, 1));
        }
      }
      if (rs !== 31) {
        x[rs << 1] = o0;
        x[(rs << 1) + 1] = o0h;
      }
      if (rs + 1 !== 31) {
        x[(rs + 1) << 1] = o1;
        x[((rs + 1) << 1) + 1] = o1h;
      }
    }
  }
}

/** LSE atomics: a = 0 ADD, 1 CLR, 2 EOR, 3 SET, 4 SMAX, 5 SMIN, 6 UMAX, 7 UMIN, 8 SWP. */
export function atomic(cpu: Arm64Cpu, insn: Insn): void {
  const x = cpu.x;
  const log2 = insn.sf;
  const b = insn.rn << 1;
  const lo = x[b];
  const hi = x[b + 1];
  if (b === 62 && (lo & 15) !== 0 && cpu.sys.spAlignCheck) cpu.sys.spAlignmentFault();
  cpu.sys.checkAlignment(lo, hi, 1 << log2, ACC_WRITE, true);
  const olo = loadN(cpu, log2, lo, hi);
  const ohi = ldHiOut;
  const s = insn.rm << 1;
  const slo = x[s];
  const shi = log2 === 3 ? x[s + 1] : 0;
  let nlo: number;
  let nhi = 0;
  switch (insn.a) {
    case 0: {
      nlo = (olo + slo) | 0;
      nhi = (ohi + shi + ((nlo >>> 0) < (olo >>> 0) ? 1 : 0)) | 0;
      break;
    }
    case 1:
      nlo = olo & ~slo;
      nhi = ohi & ~shi;
      break;
    case 2:
      nlo = olo ^ slo;
      nhi = ohi ^ shi;
      break;
    case 3:
      nlo = olo | slo;
      nhi = ohi | shi;
      break;
    case 8:
      nlo = slo;
      nhi = shi;
      break;
    default: {
      // compare as signed (4, 5) or unsigned (6, 7) values of the access size
      let cmp: number;
      if (log2 === 3) {
        const ah = insn.a < 6 ? ohi : ohi >>> 0;
        const bh = insn.a < 6 ? shi : shi >>> 0;
        cmp = ah !== bh ? (ah < bh ? -1 : 1) : (olo >>> 0) < (slo >>> 0) ? -1 : (olo >>> 0) > (slo >>> 0) ? 1 : 0;
      } else {
        const sh = 32 - (8 << log2);
        let av: number;
        let bv: number;
        if (insn.a < 6) {
          av = (olo << sh) >> sh;
          bv = (slo << sh) >> sh;
        } else {
          av = (olo << sh) >>> sh;
          bv = (slo << sh) >>> sh;
        }
        cmp = av < bv ? -1 : av > bv ? 1 : 0;
      }
      const takeOld = insn.a === 4 || insn.a === 6 ? cmp >= 0 : cmp <= 0;
      nlo = takeOld ? olo : slo;
      nhi = takeOld ? ohi : shi;
    }
  }
  storeN(cpu, log2, lo, hi, nlo, nhi);
  const t = insn.rd << 1;
  x[t] = olo;
  x[t + 1] = ohi;
}
