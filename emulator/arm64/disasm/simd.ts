/** Advanced SIMD: vector and scalar three-same/different, two-register misc, across lanes, copy,
 *  permute, extract, table, modified immediate, shift by immediate and by-element forms. */
import { Decoded, d, vr, arr, fr, rz, fp8, fpImm } from "./fmt";

type Maybe = Decoded | null;

export function decodeSimd(w: number): Maybe {
  const scalar = (w >>> 28) & 1;
  if (w >>> 31) return null;
  if (scalar && !((w >>> 30) & 1)) return null;
  if ((w >>> 24) & 1) {
    if ((w >>> 10) & 1) {
      if ((w >>> 23) & 1) return null;
      if (!scalar && ((w >>> 19) & 15) === 0) return modifiedImm(w);
      if (((w >>> 19) & 15) === 0) return null;
      return shiftImm(w, scalar);
    }
    return byElement(w, scalar);
  }
  if ((w >>> 21) & 1) {
    const k = (w >>> 10) & 3;
    if (k & 1) return threeSame(w, scalar);
    if (k === 2) {
      const op = (w >>> 17) & 15;
      if (op === 0) return twoMisc(w, scalar);
      if (op === 8) return scalar ? pairwise(w) : acrossLanes(w);
      return null;
    }
    return threeDiff(w, scalar);
  }
  if (size(w) === 0 && !((w >>> 15) & 1) && (w >>> 10) & 1) return copy(w, scalar);
  if (scalar) return null;
  if ((w >>> 10) & 1) return null;
  if (!((w >>> 29) & 1)) {
    if (((w >>> 10) & 3) === 2 && !((w >>> 15) & 1)) return permute(w);
    if (((w >>> 10) & 3) === 0 && !((w >>> 15) & 1) && ((w >>> 22) & 3) === 0) return table(w);
    return null;
  }
  if (size(w) === 0 && !((w >>> 15) & 1)) return extract(w);
  return null;
}

// ---- helpers ---------------------------------------------------------------------------------

const q = (w: number): number => (w >>> 30) & 1;
const size = (w: number): number => (w >>> 22) & 3;
const Rd = (w: number): number => w & 31;
const Rn = (w: number): number => (w >>> 5) & 31;
const Rm = (w: number): number => (w >>> 16) & 31;
const two = (w: number, mn: string): string => (q(w) ? `${mn}2` : mn);

/** Arrangement for integer ops where every operand has the same shape; 1d is never valid, 2d only if allowed. */
function intArr(w: number, allow64: boolean): string | null {
  const sz = size(w);
  if (sz === 3 && (!allow64 || !q(w))) return null;
  return arr(sz, q(w));
}
/** FP vector arrangement from the sz bit (bit 22). */
function fpArr(w: number): string | null {
  const sz = (w >>> 22) & 1;
  if (sz && !q(w)) return null;
  return sz ? "2d" : q(w) ? "4s" : "2s";
}

// ---- three same --------------------------------------------------------------------------------

// Integer three-same by opcode (bits 15:11): [U=0 name, U=1 name].
const SAME_S: Record<number, [string, string]> = {
  0: ["shadd", "uhadd"], 1: ["sqadd", "uqadd"], 2: ["srhadd", "urhadd"], 4: ["shsub", "uhsub"], 5: ["sqsub", "uqsub"],
  6: ["cmgt", "cmhi"], 7: ["cmge", "cmhs"], 8: ["sshl", "ushl"], 9: ["sqshl", "uqshl"], 10: ["srshl", "urshl"],
  11: ["sqrshl", "uqrshl"], 12: ["smax", "umax"], 13: ["smin", "umin"], 14: ["sabd", "uabd"], 15: ["saba", "uaba"],
  16: ["add", "sub"], 17: ["cmtst", "cmeq"], 18: ["mla", "mls"], 19: ["mul", "pmul"], 20: ["smaxp", "umaxp"],
  21: ["sminp", "uminp"], 22: ["sqdmulh", "sqrdmulh"], 23: ["addp", ""],
};
/** Opcodes that accept 2d (element size 64). */
const SAME_64 = new Set([1, 5, 6, 7, 8, 9, 10, 11, 16, 17, 23]);
/** FP three-same by U:a:opcode<2:0> (opcode<4:3> = 11; a = bit 23). */
const SAME_FP: Record<number, string> = {
  0x00: "fmaxnm", 0x01: "fmla", 0x02: "fadd", 0x03: "fmulx", 0x04: "fcmeq", 0x06: "fmax", 0x07: "frecps",
  0x08: "fminnm", 0x09: "fmls", 0x0a: "fsub", 0x0e: "fmin", 0x0f: "frsqrts",
  0x10: "fmaxnmp", 0x12: "faddp", 0x13: "fmul", 0x14: "fcmge", 0x15: "facge", 0x16: "fmaxp", 0x17: "fdiv",
  0x18: "fminnmp", 0x1a: "fabd", 0x1c: "fcmgt", 0x1d: "facgt", 0x1e: "fminp",
};

function threeSame(w: number, scalar: number): Maybe {
  const u = (w >>> 29) & 1;
  const opcode = (w >>> 11) & 31;
  const sz = size(w);
  if (opcode >= 24) {
    const key = (u << 4) | (((w >>> 23) & 1) << 3) | (opcode & 7);
    const mn = SAME_FP[key];
    if (!mn) return null;
    if (scalar) {
      if (!["fmulx", "fcmeq", "frecps", "frsqrts", "fcmge", "facge", "fabd", "fcmgt", "facgt"].includes(mn)) return null;
      const e = 2 + ((w >>> 22) & 1);
      return d(mn, `${fr(Rd(w), e)}, ${fr(Rn(w), e)}, ${fr(Rm(w), e)}`);
    }
    const t = fpArr(w);
    if (!t) return null;
    return d(mn, `${vr(Rd(w), t)}, ${vr(Rn(w), t)}, ${vr(Rm(w), t)}`);
  }
  if (opcode === 3) {
    if (scalar) return null;
    const t = q(w) ? "16b" : "8b";
    const mn = u ? ["eor", "bsl", "bit", "bif"][sz] : ["and", "bic", "orr", "orn"][sz];
    if (mn === "orr" && Rn(w) === Rm(w)) return d("mov", `${vr(Rd(w), t)}, ${vr(Rn(w), t)}`);
    return d(mn, `${vr(Rd(w), t)}, ${vr(Rn(w), t)}, ${vr(Rm(w), t)}`);
  }
  const names = SAME_S[opcode];
  if (!names) return null;
  const mn = names[u];
  if (!mn) return null;
  if (scalar) {
    // Scalar forms: saturating ops take any size; the rest are 64-bit only; (r)dmulh take h/s.
    if (opcode === 1 || opcode === 5 || opcode === 9 || opcode === 11) {
      /* any size */
    } else if (opcode === 22) {
      if (sz !== 1 && sz !== 2) return null;
    } else if ([6, 7, 8, 10, 16, 17].includes(opcode)) {
      if (sz !== 3) return null;
    } else return null;
    return d(mn, `${fr(Rd(w), sz)}, ${fr(Rn(w), sz)}, ${fr(Rm(w), sz)}`);
  }
  if (opcode === 19 && u && sz !== 0) return null;
  if ((opcode === 18 || opcode === 19) && sz === 3) return null;
  if (opcode === 22 && (sz === 0 || sz === 3)) return null;
  const t = intArr(w, SAME_64.has(opcode));
  if (!t) return null;
  return d(mn, `${vr(Rd(w), t)}, ${vr(Rn(w), t)}, ${vr(Rm(w), t)}`);
}

// ---- three different ---------------------------------------------------------------------------

const DIFF: Record<number, [string, string, "long" | "wide" | "narrow"]> = {
  0: ["saddl", "uaddl", "long"], 1: ["saddw", "uaddw", "wide"], 2: ["ssubl", "usubl", "long"], 3: ["ssubw", "usubw", "wide"],
  4: ["addhn", "raddhn", "narrow"], 5: ["sabal", "uabal", "long"], 6: ["subhn", "rsubhn", "narrow"], 7: ["sabdl", "uabdl", "long"],
  8: ["smlal", "umlal", "long"], 9: ["sqdmlal", "", "long"], 10: ["smlsl", "umlsl", "long"], 11: ["sqdmlsl", "", "long"],
  12: ["smull", "umull", "long"], 13: ["sqdmull", "", "long"], 14: ["pmull", "", "long"],
};

function threeDiff(w: number, scalar: number): Maybe {
  const u = (w >>> 29) & 1;
  const opcode = (w >>> 12) & 15;
  const sz = size(w);
  const e = DIFF[opcode];
  if (!e || !e[u]) return null;
  const sq = opcode === 9 || opcode === 11 || opcode === 13;
  if (scalar) {
    if (!sq || (sz !== 1 && sz !== 2)) return null;
    return d(e[u], `${fr(Rd(w), sz + 1)}, ${fr(Rn(w), sz)}, ${fr(Rm(w), sz)}`);
  }
  if (sz === 3) return null;
  if (sq && sz === 0) return null;
  if (opcode === 14 && sz !== 0) return null;
  const narrowT = arr(sz, q(w));
  const wideT = arr(sz + 1, 1);
  const mn = two(w, e[u]);
  if (e[2] === "long") return d(mn, `${vr(Rd(w), wideT)}, ${vr(Rn(w), narrowT)}, ${vr(Rm(w), narrowT)}`);
  if (e[2] === "wide") return d(mn, `${vr(Rd(w), wideT)}, ${vr(Rn(w), wideT)}, ${vr(Rm(w), narrowT)}`);
  return d(mn, `${vr(Rd(w), narrowT)}, ${vr(Rn(w), wideT)}, ${vr(Rm(w), wideT)}`);
}

// ---- two-register misc -------------------------------------------------------------------------

type MiscKind = "same" | "same64" | "bonly" | "pairlong" | "narrow" | "zero64" | "shll";
// Integer ops keyed by U:opcode.
const MISC_INT: Record<number, [string, MiscKind]> = {
  0x00: ["rev64", "same"], 0x01: ["rev16", "bonly"], 0x02: ["saddlp", "pairlong"], 0x03: ["suqadd", "same64"],
  0x04: ["cls", "same"], 0x05: ["cnt", "bonly"], 0x06: ["sadalp", "pairlong"], 0x07: ["sqabs", "same64"],
  0x08: ["cmgt", "zero64"], 0x09: ["cmeq", "zero64"], 0x0a: ["cmlt", "zero64"], 0x0b: ["abs", "same64"],
  0x12: ["xtn", "narrow"], 0x14: ["sqxtn", "narrow"],
  0x20: ["rev32", "same"], 0x22: ["uaddlp", "pairlong"], 0x23: ["usqadd", "same64"], 0x24: ["clz", "same"],
  0x26: ["uadalp", "pairlong"], 0x27: ["sqneg", "same64"], 0x28: ["cmge", "zero64"], 0x29: ["cmle", "zero64"],
  0x2b: ["neg", "same64"], 0x32: ["sqxtun", "narrow"], 0x33: ["shll", "shll"], 0x34: ["uqxtn", "narrow"],
};
// FP ops keyed by U:a:opcode (a = bit 23).
const MISC_FP: Record<number, string> = {
  0x16: "fcvtn", 0x17: "fcvtl", 0x18: "frintn", 0x19: "frintm", 0x1a: "fcvtns", 0x1b: "fcvtms", 0x1c: "fcvtas", 0x1d: "scvtf",
  0x2c: "fcmgt", 0x2d: "fcmeq", 0x2e: "fcmlt", 0x2f: "fabs", 0x38: "frintp", 0x39: "frintz", 0x3a: "fcvtps", 0x3b: "fcvtzs",
  0x3c: "urecpe", 0x3d: "frecpe", 0x3f: "frecpx",
  0x56: "fcvtxn", 0x58: "frinta", 0x59: "frintx", 0x5a: "fcvtnu", 0x5b: "fcvtmu", 0x5c: "fcvtau", 0x5d: "ucvtf",
  0x6c: "fcmge", 0x6d: "fcmle", 0x6f: "fneg", 0x79: "frinti", 0x7a: "fcvtpu", 0x7b: "fcvtzu", 0x7c: "ursqrte",
  0x7d: "frsqrte", 0x7f: "fsqrt",
};

function twoMisc(w: number, scalar: number): Maybe {
  const u = (w >>> 29) & 1;
  const opcode = (w >>> 12) & 31;
  const sz = size(w);
  const rd = Rd(w);
  const rn = Rn(w);
  if (opcode >= 12 && !(opcode === 18 || opcode === 19 || opcode === 20) || opcode === 22 || opcode === 23) {
    if (opcode < 22 && !((w >>> 23) & 1)) return null;
    const key = (u << 6) | (((w >>> 23) & 1) << 5) | opcode;
    const mn = MISC_FP[key];
    if (!mn) return null;
    const dbl = (w >>> 22) & 1;
    const zero = /^fcm/.test(mn) ? ", #0.0" : "";
    if (scalar) {
      if (["frintn", "frintm", "frintp", "frintz", "frinta", "frintx", "frinti", "fabs", "fneg", "fsqrt", "fcvtl", "fcvtn", "urecpe", "ursqrte"].includes(mn)) return null;
      if (mn === "fcvtxn") return dbl ? d(mn, `${fr(rd, 2)}, ${fr(rn, 3)}`) : null;
      return d(mn, `${fr(rd, 2 + dbl)}, ${fr(rn, 2 + dbl)}${zero}`);
    }
    if (mn === "frecpx") return null;
    if (mn === "fcvtn" || mn === "fcvtxn") {
      if (mn === "fcvtxn" && !dbl) return null;
      return d(two(w, mn), `${vr(rd, dbl ? (q(w) ? "4s" : "2s") : q(w) ? "8h" : "4h")}, ${vr(rn, dbl ? "2d" : "4s")}`);
    }
    if (mn === "fcvtl") return d(two(w, mn), `${vr(rd, dbl ? "2d" : "4s")}, ${vr(rn, dbl ? (q(w) ? "4s" : "2s") : q(w) ? "8h" : "4h")}`);
    if ((mn === "urecpe" || mn === "ursqrte") && dbl) return null;
    const t = fpArr(w);
    if (!t) return null;
    return d(mn, `${vr(rd, t)}, ${vr(rn, t)}${zero}`);
  }
  if (u && opcode === 5) {
    if (scalar || sz > 1) return null;
    const t = q(w) ? "16b" : "8b";
    return d(sz ? "rbit" : "mvn", `${vr(rd, t)}, ${vr(rn, t)}`);
  }
  const e = MISC_INT[(u << 5) | opcode];
  if (!e) return null;
  const [mn, kind] = e;
  if (scalar) {
    if (kind === "narrow") {
      if (mn === "xtn" || sz === 3) return null;
      return d(mn, `${fr(rd, sz)}, ${fr(rn, sz + 1)}`);
    }
    if (kind === "same64") {
      if (mn === "abs" || mn === "neg") return sz === 3 ? d(mn, `${fr(rd, 3)}, ${fr(rn, 3)}`) : null;
      return d(mn, `${fr(rd, sz)}, ${fr(rn, sz)}`);
    }
    if (kind === "zero64") return sz === 3 ? d(mn, `${fr(rd, 3)}, ${fr(rn, 3)}, #0`) : null;
    return null;
  }
  switch (kind) {
    case "same": {
      const maxSize = mn === "rev32" ? 1 : 2;
      if (sz > maxSize) return null;
      return d(mn, `${vr(rd, arr(sz, q(w)))}, ${vr(rn, arr(sz, q(w)))}`);
    }
    case "bonly":
      if (sz !== 0) return null;
      return d(mn, `${vr(rd, arr(0, q(w)))}, ${vr(rn, arr(0, q(w)))}`);
    case "same64":
    case "zero64": {
      const t = intArr(w, true);
      if (!t) return null;
      return d(mn, `${vr(rd, t)}, ${vr(rn, t)}${kind === "zero64" ? ", #0" : ""}`);
    }
    case "pairlong":
      if (sz === 3) return null;
      return d(mn, `${vr(rd, arr(sz + 1, q(w)))}, ${vr(rn, arr(sz, q(w)))}`);
    case "narrow":
      if (sz === 3) return null;
      return d(two(w, mn), `${vr(rd, arr(sz, q(w)))}, ${vr(rn, arr(sz + 1, 1))}`);
    case "shll":
      if (sz === 3) return null;
      return d(two(w, mn), `${vr(rd, arr(sz + 1, 1))}, ${vr(rn, arr(sz, q(w)))}, #${8 << sz}`);
  }
  return null;
}

// ---- across lanes / scalar pairwise ------------------------------------------------------------

function acrossLanes(w: number): Maybe {
  const u = (w >>> 29) & 1;
  const opcode = (w >>> 12) & 31;
  const sz = size(w);
  const rd = Rd(w);
  const rn = Rn(w);
  if (opcode === 12 || opcode === 15) {
    if (!u || (w >>> 22) & 1 || !q(w)) return null;
    const a = (w >>> 23) & 1;
    const mn = opcode === 12 ? (a ? "fminnmv" : "fmaxnmv") : a ? "fminv" : "fmaxv";
    return d(mn, `${fr(rd, 2)}, ${vr(rn, "4s")}`);
  }
  const names: Record<number, [string, string]> = { 3: ["saddlv", "uaddlv"], 10: ["smaxv", "umaxv"], 26: ["sminv", "uminv"], 27: ["addv", ""] };
  const e = names[opcode];
  if (!e || !e[u]) return null;
  if (sz === 3 || (sz === 2 && !q(w))) return null;
  const dst = opcode === 3 ? sz + 1 : sz;
  return d(e[u], `${fr(rd, dst)}, ${vr(rn, arr(sz, q(w)))}`);
}

function pairwise(w: number): Maybe {
  const u = (w >>> 29) & 1;
  const opcode = (w >>> 12) & 31;
  const sz = size(w);
  if (!u) {
    if (opcode !== 27 || sz !== 3) return null;
    return d("addp", `${fr(Rd(w), 3)}, ${vr(Rn(w), "2d")}`);
  }
  const a = (w >>> 23) & 1;
  const names: Record<number, [string, string]> = { 12: ["fmaxnmp", "fminnmp"], 13: ["faddp", ""], 15: ["fmaxp", "fminp"] };
  const e = names[opcode];
  if (!e || !e[a]) return null;
  const dbl = (w >>> 22) & 1;
  return d(e[a], `${fr(Rd(w), 2 + dbl)}, ${vr(Rn(w), dbl ? "2d" : "2s")}`);
}

// ---- copy --------------------------------------------------------------------------------------

function elementOf(imm5: number): [number, number] | null {
  for (let s = 0; s < 4; s++) if (imm5 & (1 << s)) return [s, imm5 >> (s + 1)];
  return null;
}

function copy(w: number, scalar: number): Maybe {
  const op = (w >>> 29) & 1;
  const imm5 = (w >>> 16) & 31;
  const imm4 = (w >>> 11) & 15;
  const el = elementOf(imm5);
  if (!el) return null;
  const [es, index] = el;
  const T = "bhsd"[es];
  const rd = Rd(w);
  const rn = Rn(w);
  if (scalar) {
    if (op || imm4 !== 0) return null;
    return d("mov", `${fr(rd, es)}, v${rn}.${T}[${index}]`);
  }
  if (op) {
    if (!q(w)) return null;
    return d("mov", `v${rd}.${T}[${index}], v${rn}.${T}[${imm4 >> es}]`);
  }
  switch (imm4) {
    case 0:
      if (es === 3 && !q(w)) return null;
      return d("dup", `${vr(rd, arr(es, q(w)))}, v${rn}.${T}[${index}]`);
    case 1:
      if (es === 3 && !q(w)) return null;
      return d("dup", `${vr(rd, arr(es, q(w)))}, ${rz(rn, es === 3 ? 1 : 0)}`);
    case 3:
      if (!q(w)) return null;
      return d("mov", `v${rd}.${T}[${index}], ${rz(rn, es === 3 ? 1 : 0)}`);
    case 5:
      if (es === 3 || (es === 2 && !q(w))) return null;
      return d("smov", `${rz(rd, q(w))}, v${rn}.${T}[${index}]`);
    case 7:
      if (q(w) !== (es === 3 ? 1 : 0)) return null;
      return d(es >= 2 ? "mov" : "umov", `${rz(rd, q(w))}, v${rn}.${T}[${index}]`);
  }
  return null;
}

// ---- permute / extract / table -----------------------------------------------------------------

function permute(w: number): Maybe {
  const mn = ["", "uzp1", "trn1", "zip1", "", "uzp2", "trn2", "zip2"][(w >>> 12) & 7];
  const t = intArr(w, true);
  if (!mn || !t) return null;
  return d(mn, `${vr(Rd(w), t)}, ${vr(Rn(w), t)}, ${vr(Rm(w), t)}`);
}

function extract(w: number): Maybe {
  const imm4 = (w >>> 11) & 15;
  if (!q(w) && imm4 & 8) return null;
  const t = q(w) ? "16b" : "8b";
  return d("ext", `${vr(Rd(w), t)}, ${vr(Rn(w), t)}, ${vr(Rm(w), t)}, #${imm4}`);
}

function table(w: number): Maybe {
  const len = ((w >>> 13) & 3) + 1;
  const t = q(w) ? "16b" : "8b";
  const regs: string[] = [];
  for (let i = 0; i < len; i++) regs.push(vr((Rn(w) + i) & 31, "16b"));
  return d((w >>> 12) & 1 ? "tbx" : "tbl", `${vr(Rd(w), t)}, { ${regs.join(", ")} }, ${vr(Rm(w), t)}`);
}

// ---- modified immediate ------------------------------------------------------------------------

function modifiedImm(w: number): Maybe {
  if ((w >>> 11) & 1) return null;
  const op = (w >>> 29) & 1;
  const cmode = (w >>> 12) & 15;
  const imm8 = (((w >>> 16) & 7) << 5) | ((w >>> 5) & 31);
  const rd = Rd(w);
  const Q = q(w);
  if (cmode < 8) {
    const shift = (cmode >> 1) * 8;
    const mn = cmode & 1 ? (op ? "bic" : "orr") : op ? "mvni" : "movi";
    return d(mn, `${vr(rd, Q ? "4s" : "2s")}, #${imm8}${shift ? `, lsl #${shift}` : ""}`);
  }
  if (cmode < 12) {
    const shift = ((cmode >> 1) & 1) * 8;
    const mn = cmode & 1 ? (op ? "bic" : "orr") : op ? "mvni" : "movi";
    return d(mn, `${vr(rd, Q ? "8h" : "4h")}, #${imm8}${shift ? `, lsl #${shift}` : ""}`);
  }
  if (cmode < 14) return d(op ? "mvni" : "movi", `${vr(rd, Q ? "4s" : "2s")}, #${imm8}, msl #${cmode & 1 ? 16 : 8}`);
  if (cmode === 14) {
    if (!op) return d("movi", `${vr(rd, Q ? "16b" : "8b")}, #${imm8}`);
    let v = 0n;
    for (let i = 0; i < 8; i++) if (imm8 & (1 << i)) v |= 0xffn << BigInt(8 * i);
    const hex = v === 0n ? "0".padStart(16, "0") : `0x${v.toString(16).padStart(14, "0")}`;
    return d("movi", Q ? `${vr(rd, "2d")}, #${hex}` : `d${rd}, #${hex}`);
  }
  if (op && !Q) return null;
  return d("fmov", `${vr(rd, op ? "2d" : Q ? "4s" : "2s")}, ${fpImm(fp8(imm8))}`);
}

// ---- shift by immediate ------------------------------------------------------------------------

type ShiftKind = "right" | "left" | "narrow" | "long" | "fixed";
const SHIFT_OPS: Record<number, [string, ShiftKind]> = {
  0x00: ["sshr", "right"], 0x02: ["ssra", "right"], 0x04: ["srshr", "right"], 0x06: ["srsra", "right"],
  0x0a: ["shl", "left"], 0x0e: ["sqshl", "left"], 0x10: ["shrn", "narrow"], 0x11: ["rshrn", "narrow"],
  0x12: ["sqshrn", "narrow"], 0x13: ["sqrshrn", "narrow"], 0x14: ["sshll", "long"], 0x1c: ["scvtf", "fixed"],
  0x1f: ["fcvtzs", "fixed"],
  0x20: ["ushr", "right"], 0x22: ["usra", "right"], 0x24: ["urshr", "right"], 0x26: ["ursra", "right"],
  0x28: ["sri", "right"], 0x2a: ["sli", "left"], 0x2c: ["sqshlu", "left"], 0x2e: ["uqshl", "left"],
  0x30: ["sqshrun", "narrow"], 0x31: ["sqrshrun", "narrow"], 0x32: ["uqshrn", "narrow"], 0x33: ["uqrshrn", "narrow"],
  0x34: ["ushll", "long"], 0x3c: ["ucvtf", "fixed"], 0x3f: ["fcvtzu", "fixed"],
};

function shiftImm(w: number, scalar: number): Maybe {
  const u = (w >>> 29) & 1;
  const opcode = (w >>> 11) & 31;
  const e = SHIFT_OPS[(u << 5) | opcode];
  if (!e) return null;
  const [mn, kind] = e;
  const immh = (w >>> 19) & 15;
  const immhb = (w >>> 16) & 127;
  const es = 31 - Math.clz32(immh);
  const bits = 8 << es;
  const rd = Rd(w);
  const rn = Rn(w);
  const Q = q(w);
  if (scalar) {
    switch (kind) {
      case "right":
      case "left": {
        const sat = mn === "sqshl" || mn === "uqshl" || mn === "sqshlu";
        if (!sat && es !== 3) return null;
        const amount = kind === "right" ? 2 * bits - immhb : immhb - bits;
        return d(mn, `${fr(rd, es)}, ${fr(rn, es)}, #${amount}`);
      }
      case "narrow":
        if (es === 3 || mn === "shrn" || mn === "rshrn") return null;
        return d(mn, `${fr(rd, es)}, ${fr(rn, es + 1)}, #${2 * bits - immhb}`);
      case "fixed":
        if (es < 2) return null;
        return d(mn, `${fr(rd, es)}, ${fr(rn, es)}, #${2 * bits - immhb}`);
    }
    return null;
  }
  switch (kind) {
    case "right":
    case "left": {
      if (es === 3 && !Q) return null;
      const t = arr(es, Q);
      const amount = kind === "right" ? 2 * bits - immhb : immhb - bits;
      return d(mn, `${vr(rd, t)}, ${vr(rn, t)}, #${amount}`);
    }
    case "narrow":
      if (es === 3) return null;
      return d(two(w, mn), `${vr(rd, arr(es, Q))}, ${vr(rn, arr(es + 1, 1))}, #${2 * bits - immhb}`);
    case "long":
      if (es === 3) return null;
      return d(two(w, mn), `${vr(rd, arr(es + 1, 1))}, ${vr(rn, arr(es, Q))}, #${immhb - bits}`);
    case "fixed": {
      if (es < 2 || (es === 3 && !Q)) return null;
      const t = arr(es, Q);
      return d(mn, `${vr(rd, t)}, ${vr(rn, t)}, #${2 * bits - immhb}`);
    }
  }
  return null;
}

// ---- by element --------------------------------------------------------------------------------

type ElemKind = "same" | "long" | "fp";
const ELEM: Record<number, [string, ElemKind]> = {
  0x02: ["smlal", "long"], 0x03: ["sqdmlal", "long"], 0x06: ["smlsl", "long"], 0x07: ["sqdmlsl", "long"],
  0x08: ["mul", "same"], 0x0a: ["smull", "long"], 0x0b: ["sqdmull", "long"], 0x0c: ["sqdmulh", "same"],
  0x0d: ["sqrdmulh", "same"], 0x01: ["fmla", "fp"], 0x05: ["fmls", "fp"], 0x09: ["fmul", "fp"],
  0x10: ["mla", "same"], 0x14: ["mls", "same"], 0x12: ["umlal", "long"], 0x16: ["umlsl", "long"],
  0x1a: ["umull", "long"], 0x19: ["fmulx", "fp"],
};

function byElement(w: number, scalar: number): Maybe {
  const u = (w >>> 29) & 1;
  const opcode = (w >>> 12) & 15;
  const e = ELEM[(u << 4) | opcode];
  if (!e) return null;
  const [mn, kind] = e;
  const sz = size(w);
  const l = (w >>> 21) & 1;
  const m = (w >>> 20) & 1;
  const h = (w >>> 11) & 1;
  const rd = Rd(w);
  const rn = Rn(w);
  const Q = q(w);
  if (kind === "fp") {
    if (sz < 2) return null;
    const dbl = sz & 1;
    if (dbl && l) return null;
    const index = dbl ? h : (h << 1) | l;
    const rm = (m << 4) | ((w >>> 16) & 15);
    const el = `v${rm}.${dbl ? "d" : "s"}[${index}]`;
    if (scalar) return d(mn, `${fr(rd, 2 + dbl)}, ${fr(rn, 2 + dbl)}, ${el}`);
    if (dbl && !Q) return null;
    const t = dbl ? "2d" : Q ? "4s" : "2s";
    return d(mn, `${vr(rd, t)}, ${vr(rn, t)}, ${el}`);
  }
  if (sz !== 1 && sz !== 2) return null;
  const index = sz === 1 ? (h << 2) | (l << 1) | m : (h << 1) | l;
  const rm = sz === 1 ? (w >>> 16) & 15 : (m << 4) | ((w >>> 16) & 15);
  const el = `v${rm}.${sz === 1 ? "h" : "s"}[${index}]`;
  if (scalar) {
    if (!/^sq/.test(mn)) return null;
    if (kind === "long") return d(mn, `${fr(rd, sz + 1)}, ${fr(rn, sz)}, ${el}`);
    return d(mn, `${fr(rd, sz)}, ${fr(rn, sz)}, ${el}`);
  }
  if (kind === "long") return d(two(w, mn), `${vr(rd, arr(sz + 1, 1))}, ${vr(rn, arr(sz, Q))}, ${el}`);
  const t = arr(sz, Q);
  return d(mn, `${vr(rd, t)}, ${vr(rn, t)}, ${el}`);
}
