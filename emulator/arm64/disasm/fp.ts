/** Scalar floating point: data processing 1/2/3-source, compare, select, immediate, conversions. */
import { Decoded, d, COND, rz, fr, fp8, fpImm } from "./fmt";

/** FP type field to element size index (s=2, d=3, h=1); -1 for the reserved type. */
const FTYPE = [2, 3, -1, 1];

export function decodeScalarFp(w: number): Decoded | null {
  // Bit 31 (sf) is only meaningful for the integer<->FP conversions; each path below checks it.
  if ((w >>> 29) & 1) return null;
  const type = (w >>> 22) & 3;
  const ft = FTYPE[type];
  const rd = w & 31;
  const rn = (w >>> 5) & 31;
  const rm = (w >>> 16) & 31;
  if ((w >>> 24) & 1) {
    if (w >>> 31 || ft !== 2 && ft !== 3) return null;
    const k = (((w >>> 21) & 1) << 1) | ((w >>> 15) & 1);
    const ra = (w >>> 10) & 31;
    return d(["fmadd", "fmsub", "fnmadd", "fnmsub"][k], `${fr(rd, ft)}, ${fr(rn, ft)}, ${fr(rm, ft)}, ${fr(ra, ft)}`);
  }
  if (!((w >>> 21) & 1)) return fixedConvert(w, ft);
  const sf = w >>> 31;
  if (((w >>> 10) & 63) === 0) return intConvert(w, sf, type, ft);
  if (sf) return null;
  if (((w >>> 10) & 31) === 16) return oneSource(w, type, ft, rd, rn);
  if (ft !== 2 && ft !== 3) return null;
  if (((w >>> 10) & 15) === 8) {
    if (((w >>> 14) & 3) !== 0) return null;
    const op2 = w & 31;
    const mn = op2 & 16 ? "fcmpe" : "fcmp";
    if ((op2 & 7) !== 0) return null;
    if (op2 & 8) return d(mn, `${fr(rn, ft)}, #0.0`);
    return d(mn, `${fr(rn, ft)}, ${fr(rm, ft)}`);
  }
  if (((w >>> 10) & 7) === 4) {
    if (((w >>> 5) & 31) !== 0) return null;
    return d("fmov", `${fr(rd, ft)}, ${fpImm(fp8((w >>> 13) & 0xff))}`);
  }
  const cond = COND[(w >>> 12) & 15];
  switch ((w >>> 10) & 3) {
    case 1:
      return d((w >>> 4) & 1 ? "fccmpe" : "fccmp", `${fr(rn, ft)}, ${fr(rm, ft)}, #${w & 15}, ${cond}`);
    case 2: {
      const opcode = (w >>> 12) & 15;
      if (opcode > 8) return null;
      const mn = ["fmul", "fdiv", "fadd", "fsub", "fmax", "fmin", "fmaxnm", "fminnm", "fnmul"][opcode];
      return d(mn, `${fr(rd, ft)}, ${fr(rn, ft)}, ${fr(rm, ft)}`);
    }
    case 3:
      return d("fcsel", `${fr(rd, ft)}, ${fr(rn, ft)}, ${fr(rm, ft)}, ${cond}`);
  }
  return null;
}

const ONE_SOURCE: Record<number, string> = {
  0: "fmov", 1: "fabs", 2: "fneg", 3: "fsqrt",
  8: "frintn", 9: "frintp", 10: "frintm", 11: "frintz", 12: "frinta", 14: "frintx", 15: "frinti",
};

function oneSource(w: number, type: number, ft: number, rd: number, rn: number): Decoded | null {
  const opcode = (w >>> 15) & 63;
  if ((opcode & 0x3c) === 4) {
    const dt = FTYPE[opcode & 3];
    if (dt < 0 || ft < 0 || (opcode & 3) === type) return null;
    return d("fcvt", `${fr(rd, dt)}, ${fr(rn, ft)}`);
  }
  if (ft !== 2 && ft !== 3) return null;
  const mn = ONE_SOURCE[opcode];
  return mn ? d(mn, `${fr(rd, ft)}, ${fr(rn, ft)}`) : null;
}

function fixedConvert(w: number, ft: number): Decoded | null {
  const sf = w >>> 31;
  const scale = (w >>> 10) & 63;
  if (ft !== 2 && ft !== 3) return null;
  if (!sf && scale < 32) return null;
  const k = (w >>> 16) & 31;
  const fbits = 64 - scale;
  const rd = w & 31;
  const rn = (w >>> 5) & 31;
  switch (k) {
    case 2:
      return d("scvtf", `${fr(rd, ft)}, ${rz(rn, sf)}, #${fbits}`);
    case 3:
      return d("ucvtf", `${fr(rd, ft)}, ${rz(rn, sf)}, #${fbits}`);
    case 24:
      return d("fcvtzs", `${rz(rd, sf)}, ${fr(rn, ft)}, #${fbits}`);
    case 25:
      return d("fcvtzu", `${rz(rd, sf)}, ${fr(rn, ft)}, #${fbits}`);
  }
  return null;
}

const TO_INT: Record<number, string> = {
  0: "fcvtns", 1: "fcvtnu", 4: "fcvtas", 5: "fcvtau", 8: "fcvtps", 9: "fcvtpu", 16: "fcvtms", 17: "fcvtmu", 24: "fcvtzs", 25: "fcvtzu",
};

function intConvert(w: number, sf: number, type: number, ft: number): Decoded | null {
  const k = (w >>> 16) & 31;
  const rd = w & 31;
  const rn = (w >>> 5) & 31;
  if (k === 6 || k === 7) {
    if ((sf === 0 && type === 0) || (sf === 1 && type === 1)) {
      return k === 6 ? d("fmov", `${rz(rd, sf)}, ${fr(rn, ft)}`) : d("fmov", `${fr(rd, ft)}, ${rz(rn, sf)}`);
    }
    return null;
  }
  if ((k === 14 || k === 15) && sf && type === 2) {
    return k === 14 ? d("fmov", `${rz(rd, 1)}, v${rn}.d[1]`) : d("fmov", `v${rd}.d[1], ${rz(rn, 1)}`);
  }
  if (ft !== 2 && ft !== 3) return null;
  if (k === 2 || k === 3) return d(k === 2 ? "scvtf" : "ucvtf", `${fr(rd, ft)}, ${rz(rn, sf)}`);
  const mn = TO_INT[k];
  return mn ? d(mn, `${rz(rd, sf)}, ${fr(rn, ft)}`) : null;
}
