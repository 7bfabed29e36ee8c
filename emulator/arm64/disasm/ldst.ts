/** Loads and stores: exclusives/ordered/CAS, literal, pairs, single registers, LSE atomics, structures. */
import { Decoded, d, rz, xz, xsp, fr, vr, arr, addr, wrap64, sext, ELT } from "./fmt";
import { PRFM_OP } from "./tables.generated";

export function decodeLdSt(w: number, pc: bigint): Decoded | null {
  const op = (w >>> 24) & 0x3f;
  if (op === 0x08) return exclusive(w);
  if ((op & 0x3b) === 0x18) return literal(w, pc);
  if ((op & 0x3a) === 0x28) return pair(w);
  if ((op & 0x3a) === 0x38) return (w >>> 24) & 1 ? unsignedOffset(w) : singleReg(w);
  if ((w & 0xbe000000) >>> 0 === 0x0c000000) return (w >>> 24) & 1 ? structSingle(w) : structMulti(w);
  return null;
}

function exclusive(w: number): Decoded | null {
  const size = w >>> 30;
  const o2 = (w >>> 23) & 1;
  const l = (w >>> 22) & 1;
  const o1 = (w >>> 21) & 1;
  const rs = (w >>> 16) & 31;
  const o0 = (w >>> 15) & 1;
  const rt2 = (w >>> 10) & 31;
  const rn = (w >>> 5) & 31;
  const rt = w & 31;
  const sfx = ["b", "h", "", ""][size];
  const x = size === 3 ? 1 : 0;
  const base = `[${xsp(rn)}]`;
  if (!o2 && !o1) {
    if (l) return d(`${o0 ? "ldaxr" : "ldxr"}${sfx}`, `${rz(rt, x)}, ${base}`);
    return d(`${o0 ? "stlxr" : "stxr"}${sfx}`, `${rz(rs, 0)}, ${rz(rt, x)}, ${base}`);
  }
  if (!o2 && o1) {
    if (size < 2) {
      if (rt2 !== 31 || rs & 1 || rt & 1) return null;
      const px = size;
      const mn = `casp${l ? "a" : ""}${o0 ? "l" : ""}`;
      return d(mn, `${rz(rs, px)}, ${rz(rs + 1, px)}, ${rz(rt, px)}, ${rz(rt + 1, px)}, ${base}`);
    }
    const px = size & 1;
    if (l) return d(o0 ? "ldaxp" : "ldxp", `${rz(rt, px)}, ${rz(rt2, px)}, ${base}`);
    return d(o0 ? "stlxp" : "stxp", `${rz(rs, 0)}, ${rz(rt, px)}, ${rz(rt2, px)}, ${base}`);
  }
  if (o2 && !o1) {
    if (!o0) return null;
    return d(`${l ? "ldar" : "stlr"}${sfx}`, `${rz(rt, x)}, ${base}`);
  }
  if (rt2 !== 31) return null;
  return d(`cas${l ? "a" : ""}${o0 ? "l" : ""}${sfx}`, `${rz(rs, x)}, ${rz(rt, x)}, ${base}`);
}

function literal(w: number, pc: bigint): Decoded | null {
  const opc = w >>> 30;
  const v = (w >>> 26) & 1;
  const t = wrap64(pc + BigInt(sext((w >>> 5) & 0x7ffff, 19)) * 4n);
  const rt = w & 31;
  if (v) {
    if (opc === 3) return null;
    return d("ldr", `${fr(rt, opc + 2)}, ${addr(t)}`, t);
  }
  switch (opc) {
    case 0:
      return d("ldr", `${rz(rt, 0)}, ${addr(t)}`, t);
    case 1:
      return d("ldr", `${rz(rt, 1)}, ${addr(t)}`, t);
    case 2:
      return d("ldrsw", `${rz(rt, 1)}, ${addr(t)}`, t);
  }
  return d("prfm", `${PRFM_OP[rt]}, ${addr(t)}`, t);
}

function pair(w: number): Decoded | null {
  const opc = w >>> 30;
  const v = (w >>> 26) & 1;
  const idx = (w >>> 23) & 3;
  const l = (w >>> 22) & 1;
  const rt2 = (w >>> 10) & 31;
  const rn = (w >>> 5) & 31;
  const rt = w & 31;
  let mn: string;
  let scale: number;
  let reg: (r: number) => string;
  if (v) {
    if (opc === 3) return null;
    scale = 2 + opc;
    reg = (r) => fr(r, scale);
    mn = l ? "ldp" : "stp";
  } else {
    if (opc === 3) return null;
    if (opc === 1) {
      if (!l || idx === 0) return null;
      mn = "ldpsw";
      scale = 2;
      reg = (r) => rz(r, 1);
    } else {
      scale = opc === 2 ? 3 : 2;
      const x = opc === 2 ? 1 : 0;
      reg = (r) => rz(r, x);
      mn = l ? "ldp" : "stp";
    }
  }
  if (idx === 0) mn = l ? "ldnp" : "stnp";
  const off = sext((w >>> 15) & 0x7f, 7) * (1 << scale);
  const regs = `${reg(rt)}, ${reg(rt2)}`;
  return d(mn, `${regs}, ${indexed(rn, off, idx === 1 ? "post" : idx === 3 ? "pre" : "off")}`);
}

function indexed(rn: number, off: number, mode: "post" | "pre" | "off"): string {
  if (mode === "post") return `[${xsp(rn)}], #${off}`;
  if (mode === "pre") return `[${xsp(rn)}, #${off}]!`;
  return off === 0 ? `[${xsp(rn)}]` : `[${xsp(rn)}, #${off}]`;
}

interface Access {
  /** Mnemonic stem: "ldr", "str", "ldrsw", "prfm"... */
  base: string;
  /** Register operand text builder. */
  reg: (r: number) => string;
  /** log2 of the access size. */
  scale: number;
  /** Prefetch: the register field is an operation. */
  prfm: boolean;
}

/** Interprets size:V:opc for the single-register forms. */
function access(w: number): Access | null {
  const size = w >>> 30;
  const v = (w >>> 26) & 1;
  const opc = (w >>> 22) & 3;
  if (v) {
    const scale = (opc & 2 ? 4 : 0) + size;
    if (scale > 4 || (opc & 2 && size !== 0)) return null;
    return { base: opc & 1 ? "ldr" : "str", reg: (r) => fr(r, scale), scale, prfm: false };
  }
  const sfx = ["b", "h", "", ""][size];
  switch (opc) {
    case 0:
      return { base: `str${sfx}`, reg: (r) => rz(r, size === 3 ? 1 : 0), scale: size, prfm: false };
    case 1:
      return { base: `ldr${sfx}`, reg: (r) => rz(r, size === 3 ? 1 : 0), scale: size, prfm: false };
    case 2:
      if (size === 3) return { base: "prfm", reg: (r) => PRFM_OP[r], scale: 3, prfm: true };
      return { base: `ldrs${"bhw"[size]}`, reg: (r) => rz(r, 1), scale: size, prfm: false };
    case 3:
      if (size >= 2) return null;
      return { base: `ldrs${sfx}`, reg: (r) => rz(r, 0), scale: size, prfm: false };
  }
  return null;
}

function unsignedOffset(w: number): Decoded | null {
  const a = access(w);
  if (!a) return null;
  const off = ((w >>> 10) & 0xfff) << a.scale;
  return d(a.base, `${a.reg(w & 31)}, ${indexed((w >>> 5) & 31, off, "off")}`);
}

const EXT = ["", "", "uxtw", "lsl", "", "", "sxtw", "sxtx"];

function singleReg(w: number): Decoded | null {
  const bit21 = (w >>> 21) & 1;
  const kind = (w >>> 10) & 3;
  const rn = (w >>> 5) & 31;
  const rt = w & 31;
  if (bit21) {
    if (kind === 0) return atomic(w);
    if (kind !== 2) return null;
    const a = access(w);
    if (!a) return null;
    const option = (w >>> 13) & 7;
    if (!(option & 2)) return null;
    const s = (w >>> 12) & 1;
    const rm = (w >>> 16) & 31;
    let ext = "";
    if (option === 3) ext = s ? `, lsl #${a.scale}` : "";
    else ext = `, ${EXT[option]}${s ? ` #${a.scale}` : ""}`;
    return d(a.base, `${a.reg(rt)}, [${xsp(rn)}, ${rz(rm, option & 1)}${ext}]`);
  }
  const a = access(w);
  if (!a) return null;
  const off = sext((w >>> 12) & 0x1ff, 9);
  if (kind === 0 || kind === 2) {
    let mn: string;
    if (a.prfm) {
      if (kind === 2) return null;
      mn = "prfum";
    } else if (kind === 0) mn = a.base.replace(/^(ld|st)r/, "$1ur");
    else {
      if ((w >>> 26) & 1) return null;
      mn = a.base.replace(/^(ld|st)r/, "$1tr");
    }
    return d(mn, `${a.reg(rt)}, ${indexed(rn, off, "off")}`);
  }
  if (a.prfm) return null;
  return d(a.base, `${a.reg(rt)}, ${indexed(rn, off, kind === 1 ? "post" : "pre")}`);
}

const ATOMIC = ["add", "clr", "eor", "set", "smax", "smin", "umax", "umin"];

function atomic(w: number): Decoded | null {
  if ((w >>> 26) & 1) return null;
  const size = w >>> 30;
  const a = (w >>> 23) & 1;
  const r = (w >>> 22) & 1;
  const rs = (w >>> 16) & 31;
  const o3 = (w >>> 15) & 1;
  const opc = (w >>> 12) & 7;
  const rn = (w >>> 5) & 31;
  const rt = w & 31;
  const x = size === 3 ? 1 : 0;
  const order = `${a ? "a" : ""}${r ? "l" : ""}`;
  const sfx = ["b", "h", "", ""][size];
  let stem: string;
  if (o3) {
    if (opc !== 0) return null;
    stem = "swp";
  } else {
    if (rt === 31 && !a) return d(`st${ATOMIC[opc]}${order}${sfx}`, `${rz(rs, x)}, [${xsp(rn)}]`);
    stem = `ld${ATOMIC[opc]}`;
  }
  const comment = a && rt === 31 ? "acquire semantics dropped since destination is zero" : undefined;
  return d(`${stem}${order}${sfx}`, `${rz(rs, x)}, ${rz(rt, x)}, [${xsp(rn)}]`, undefined, comment);
}

function list(rt: number, count: number, t: string): string {
  const regs: string[] = [];
  for (let i = 0; i < count; i++) regs.push(vr((rt + i) & 31, t));
  return `{ ${regs.join(", ")} }`;
}

/** Post-index tail: immediate when Rm is 31, else the register. */
function postTail(w: number, bytes: number): string {
  const rm = (w >>> 16) & 31;
  return rm === 31 ? `, #${bytes}` : `, ${xz(rm)}`;
}

const MULTI: Record<number, [string, number, number]> = {
  0: ["4", 4, 4],
  2: ["1", 4, 1],
  4: ["3", 3, 3],
  6: ["1", 3, 1],
  7: ["1", 1, 1],
  8: ["2", 2, 2],
  10: ["1", 2, 1],
};

function structMulti(w: number): Decoded | null {
  const q = (w >>> 30) & 1;
  const post = (w >>> 23) & 1;
  const l = (w >>> 22) & 1;
  if ((w >>> 21) & 1) return null;
  if (!post && ((w >>> 16) & 31) !== 0) return null;
  const entry = MULTI[(w >>> 12) & 15];
  if (!entry) return null;
  const [n, count, selem] = entry;
  const size = (w >>> 10) & 3;
  if (size === 3 && !q && selem > 1) return null;
  const rn = (w >>> 5) & 31;
  const tail = post ? postTail(w, count * (q ? 16 : 8)) : "";
  return d(`${l ? "ld" : "st"}${n}`, `${list(w & 31, count, arr(size, q))}, [${xsp(rn)}]${tail}`);
}

function structSingle(w: number): Decoded | null {
  const q = (w >>> 30) & 1;
  const post = (w >>> 23) & 1;
  const l = (w >>> 22) & 1;
  const r = (w >>> 21) & 1;
  if (!post && ((w >>> 16) & 31) !== 0) return null;
  const opcode = (w >>> 13) & 7;
  const s = (w >>> 12) & 1;
  const size = (w >>> 10) & 3;
  const selem = (((opcode & 1) << 1) | r) + 1;
  const rn = (w >>> 5) & 31;
  const rt = w & 31;
  const mnBase = `${l ? "ld" : "st"}${selem}`;
  let esize: number;
  let index: number;
  switch (opcode >> 1) {
    case 0:
      esize = 0;
      index = (q << 3) | (s << 2) | size;
      break;
    case 1:
      if (size & 1) return null;
      esize = 1;
      index = (q << 2) | (s << 1) | (size >> 1);
      break;
    case 2:
      if (size === 0) {
        esize = 2;
        index = (q << 1) | s;
      } else if (size === 1 && !s) {
        esize = 3;
        index = q;
      } else return null;
      break;
    default: {
      if (!l || s) return null;
      const tail = post ? postTail(w, selem << size) : "";
      return d(`${mnBase}r`, `${list(rt, selem, arr(size, q))}, [${xsp(rn)}]${tail}`);
    }
  }
  const tail = post ? postTail(w, selem << esize) : "";
  return d(mnBase, `${list(rt, selem, ELT[esize])}[${index}], [${xsp(rn)}]${tail}`);
}
