/** Data processing (register): logical/add/sub shifted and extended, carry, conditional, 1/2/3-source. */
import { Decoded, d, COND, rz, rsp } from "./fmt";

const SHIFT = ["lsl", "lsr", "asr", "ror"];
const EXTEND = ["uxtb", "uxth", "uxtw", "uxtx", "sxtb", "sxth", "sxtw", "sxtx"];

function shifted(type: number, amount: number): string {
  return type === 0 && amount === 0 ? "" : `, ${SHIFT[type]} #${amount}`;
}

export function decodeDpReg(w: number): Decoded | null {
  const sf = w >>> 31;
  const rd = w & 31;
  const rn = (w >>> 5) & 31;
  const rm = (w >>> 16) & 31;
  if (!((w >>> 28) & 1)) {
    if (!((w >>> 24) & 1)) return logical(w, sf, rd, rn, rm);
    return (w >>> 21) & 1 ? addSubExt(w, sf, rd, rn, rm) : addSubShifted(w, sf, rd, rn, rm);
  }
  const op2 = (w >>> 21) & 15;
  if (op2 >= 8) return threeSource(w, sf, rd, rn, rm);
  switch (op2) {
    case 0: {
      if (((w >>> 10) & 63) !== 0) return null;
      const op = (w >>> 30) & 1;
      const s = (w >>> 29) & 1;
      if (op && rn === 31) return d(s ? "ngcs" : "ngc", `${rz(rd, sf)}, ${rz(rm, sf)}`);
      return d(["adc", "adcs", "sbc", "sbcs"][(op << 1) | s], `${rz(rd, sf)}, ${rz(rn, sf)}, ${rz(rm, sf)}`);
    }
    case 2: {
      if (!((w >>> 29) & 1) || (w >>> 10) & 1 || (w >>> 4) & 1) return null;
      const mn = (w >>> 30) & 1 ? "ccmp" : "ccmn";
      const second = (w >>> 11) & 1 ? `#${rm}` : rz(rm, sf);
      return d(mn, `${rz(rn, sf)}, ${second}, #${w & 15}, ${COND[(w >>> 12) & 15]}`);
    }
    case 4:
      return condSelect(w, sf, rd, rn, rm);
    case 6:
      return (w >>> 30) & 1 ? oneSource(w, sf, rd, rn) : twoSource(w, sf, rd, rn, rm);
  }
  return null;
}

function logical(w: number, sf: number, rd: number, rn: number, rm: number): Decoded | null {
  const imm6 = (w >>> 10) & 63;
  if (!sf && imm6 >= 32) return null;
  const opc = (w >>> 29) & 3;
  const n = (w >>> 21) & 1;
  const type = (w >>> 22) & 3;
  const sh = shifted(type, imm6);
  if (opc === 1 && rn === 31) {
    if (!n && type === 0 && imm6 === 0) return d("mov", `${rz(rd, sf)}, ${rz(rm, sf)}`);
    if (n) return d("mvn", `${rz(rd, sf)}, ${rz(rm, sf)}${sh}`);
  }
  if (opc === 3 && rd === 31 && !n) return d("tst", `${rz(rn, sf)}, ${rz(rm, sf)}${sh}`);
  const mn = [["and", "bic"], ["orr", "orn"], ["eor", "eon"], ["ands", "bics"]][opc][n];
  return d(mn, `${rz(rd, sf)}, ${rz(rn, sf)}, ${rz(rm, sf)}${sh}`);
}

function addSubShifted(w: number, sf: number, rd: number, rn: number, rm: number): Decoded | null {
  const type = (w >>> 22) & 3;
  const imm6 = (w >>> 10) & 63;
  if (type === 3 || (!sf && imm6 >= 32)) return null;
  const op = (w >>> 30) & 1;
  const s = (w >>> 29) & 1;
  const sh = shifted(type, imm6);
  if (s && rd === 31) return d(op ? "cmp" : "cmn", `${rz(rn, sf)}, ${rz(rm, sf)}${sh}`);
  if (op && rn === 31) return d(s ? "negs" : "neg", `${rz(rd, sf)}, ${rz(rm, sf)}${sh}`);
  return d(["add", "adds", "sub", "subs"][(op << 1) | s], `${rz(rd, sf)}, ${rz(rn, sf)}, ${rz(rm, sf)}${sh}`);
}

function addSubExt(w: number, sf: number, rd: number, rn: number, rm: number): Decoded | null {
  const opt = (w >>> 22) & 3;
  const option = (w >>> 13) & 7;
  const imm3 = (w >>> 10) & 7;
  if (opt !== 0 || imm3 > 4) return null;
  const op = (w >>> 30) & 1;
  const s = (w >>> 29) & 1;
  const dst = s ? rz(rd, sf) : rsp(rd, sf);
  const src = rsp(rn, sf);
  const rmTxt = rz(rm, sf && (option & 3) === 3 ? 1 : 0);
  let ext: string;
  const spForm = (!s && rd === 31) || rn === 31;
  if (spForm && option === (sf ? 3 : 2)) ext = imm3 ? `, lsl #${imm3}` : "";
  else ext = `, ${EXTEND[option]}${imm3 ? ` #${imm3}` : ""}`;
  if (s && rd === 31) return d(op ? "cmp" : "cmn", `${src}, ${rmTxt}${ext}`);
  return d(["add", "adds", "sub", "subs"][(op << 1) | s], `${dst}, ${src}, ${rmTxt}${ext}`);
}

function condSelect(w: number, sf: number, rd: number, rn: number, rm: number): Decoded | null {
  const op2 = (w >>> 10) & 3;
  if ((w >>> 29) & 1 || op2 > 1) return null;
  const op = (w >>> 30) & 1;
  const cond = (w >>> 12) & 15;
  const k = (op << 1) | op2;
  if (rn === rm && cond < 14 && k !== 0) {
    const inv = COND[cond ^ 1];
    if (rn === 31 && k !== 3) return d(k === 1 ? "cset" : "csetm", `${rz(rd, sf)}, ${inv}`);
    return d(["", "cinc", "cinv", "cneg"][k], `${rz(rd, sf)}, ${rz(rn, sf)}, ${inv}`);
  }
  return d(["csel", "csinc", "csinv", "csneg"][k], `${rz(rd, sf)}, ${rz(rn, sf)}, ${rz(rm, sf)}, ${COND[cond]}`);
}

function twoSource(w: number, sf: number, rd: number, rn: number, rm: number): Decoded | null {
  if ((w >>> 29) & 1) return null;
  const opcode = (w >>> 10) & 63;
  const ops = `${rz(rd, sf)}, ${rz(rn, sf)}, ${rz(rm, sf)}`;
  switch (opcode) {
    case 2:
      return d("udiv", ops);
    case 3:
      return d("sdiv", ops);
    case 8:
    case 9:
    case 10:
    case 11:
      return d(SHIFT[opcode & 3], ops);
  }
  if ((opcode & 0x38) === 0x10) {
    const sz = opcode & 3;
    if ((sz === 3) !== (sf === 1)) return null;
    const mn = `crc32${opcode & 4 ? "c" : ""}${"bhwx"[sz]}`;
    return d(mn, `${rz(rd, 0)}, ${rz(rn, 0)}, ${rz(rm, sz === 3 ? 1 : 0)}`);
  }
  return null;
}

function oneSource(w: number, sf: number, rd: number, rn: number): Decoded | null {
  if ((w >>> 29) & 1 || ((w >>> 16) & 31) !== 0) return null;
  const opcode = (w >>> 10) & 63;
  const ops = `${rz(rd, sf)}, ${rz(rn, sf)}`;
  switch (opcode) {
    case 0:
      return d("rbit", ops);
    case 1:
      return d("rev16", ops);
    case 2:
      return d(sf ? "rev32" : "rev", ops);
    case 3:
      return sf ? d("rev", ops) : null;
    case 4:
      return d("clz", ops);
    case 5:
      return d("cls", ops);
  }
  return null;
}

function threeSource(w: number, sf: number, rd: number, rn: number, rm: number): Decoded | null {
  if ((w >>> 29) & 3) return null;
  const op31 = (w >>> 21) & 7;
  const o0 = (w >>> 15) & 1;
  const ra = (w >>> 10) & 31;
  if (op31 === 0) {
    const ops = `${rz(rd, sf)}, ${rz(rn, sf)}, ${rz(rm, sf)}`;
    if (ra === 31) return d(o0 ? "mneg" : "mul", ops);
    return d(o0 ? "msub" : "madd", `${ops}, ${rz(ra, sf)}`);
  }
  if (!sf) return null;
  if (op31 === 1 || op31 === 5) {
    const u = op31 === 5 ? "u" : "s";
    const ops = `${rz(rd, 1)}, ${rz(rn, 0)}, ${rz(rm, 0)}`;
    if (ra === 31) return d(`${u}${o0 ? "mnegl" : "mull"}`, ops);
    return d(`${u}${o0 ? "msubl" : "maddl"}`, `${ops}, ${rz(ra, 1)}`);
  }
  if ((op31 === 2 || op31 === 6) && !o0) return d(op31 === 6 ? "umulh" : "smulh", `${rz(rd, 1)}, ${rz(rn, 1)}, ${rz(rm, 1)}`);
  return null;
}
