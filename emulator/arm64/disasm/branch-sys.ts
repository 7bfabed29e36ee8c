/** Branches, exception generation and system instructions (hints, barriers, PSTATE, SYS, MRS/MSR). */
import { Decoded, d, COND, rz, xz, addr, wrap64, sext, immHex } from "./fmt";
import { SYSREG_READ, SYSREG_WRITE, SYS_ALIAS, PSTATE_TEXT, HINT_TEXT, BARRIER_TEXT } from "./tables.generated";

function rel(pc: bigint, offsetWords: number): bigint {
  return wrap64(pc + BigInt(offsetWords) * 4n);
}

/** Splits a table's full text into mnemonic and operands. */
function split(text: string): Decoded {
  const sp = text.indexOf(" ");
  return sp < 0 ? d(text) : d(text.slice(0, sp), text.slice(sp + 1));
}

function genericSysreg(op0: number, op1: number, crn: number, crm: number, op2: number): string {
  return `S${op0}_${op1}_C${crn}_C${crm}_${op2}`;
}

export function decodeBranchSys(w: number, pc: bigint): Decoded | null {
  // B / BL
  if ((w & 0x7c000000) === 0x14000000) {
    const t = rel(pc, sext(w & 0x3ffffff, 26));
    return d(w >>> 31 ? "bl" : "b", addr(t), t);
  }
  // CBZ / CBNZ
  if ((w & 0x7e000000) === 0x34000000) {
    const t = rel(pc, sext((w >>> 5) & 0x7ffff, 19));
    return d((w >>> 24) & 1 ? "cbnz" : "cbz", `${rz(w & 31, w >>> 31)}, ${addr(t)}`, t);
  }
  // TBZ / TBNZ
  if ((w & 0x7e000000) === 0x36000000) {
    const b5 = w >>> 31;
    const bit = (b5 << 5) | ((w >>> 19) & 31);
    const t = rel(pc, sext((w >>> 5) & 0x3fff, 14));
    return d((w >>> 24) & 1 ? "tbnz" : "tbz", `${rz(w & 31, b5)}, #${bit}, ${addr(t)}`, t);
  }
  // B.cond
  if ((w & 0xff000010) >>> 0 === 0x54000000) {
    const t = rel(pc, sext((w >>> 5) & 0x7ffff, 19));
    return d(`b.${COND[w & 15]}`, addr(t), t);
  }
  // Exception generation
  if (w >>> 24 === 0xd4) return exception(w);
  // Unconditional branch (register)
  if (w >>> 25 === 0x6b) return branchReg(w);
  if (w >>> 22 === 0x354) return system(w);
  return null;
}

function exception(w: number): Decoded | null {
  const opc = (w >>> 21) & 7;
  const op2 = (w >>> 2) & 7;
  const ll = w & 3;
  const i16 = (w >>> 5) & 0xffff;
  if (op2 !== 0) return null;
  const key = (opc << 2) | ll;
  const names: Record<number, string> = { 1: "svc", 2: "hvc", 3: "smc", 4: "brk", 8: "hlt", 21: "dcps1", 22: "dcps2", 23: "dcps3" };
  const mn = names[key];
  if (!mn) return null;
  if (mn.startsWith("dcps") && i16 === 0) return d(mn);
  return d(mn, immHex(i16));
}

function branchReg(w: number): Decoded | null {
  const opc = (w >>> 21) & 15;
  const op2 = (w >>> 16) & 31;
  const op3 = (w >>> 10) & 63;
  const rn = (w >>> 5) & 31;
  const op4 = w & 31;
  if (op2 !== 31 || op3 !== 0 || op4 !== 0) return null;
  switch (opc) {
    case 0:
      return d("br", xz(rn));
    case 1:
      return d("blr", xz(rn));
    case 2:
      return rn === 30 ? d("ret") : d("ret", xz(rn));
    case 4:
      return rn === 31 ? d("eret") : null;
    case 5:
      return rn === 31 ? d("drps") : null;
  }
  return null;
}

function system(w: number): Decoded | null {
  const l = (w >>> 21) & 1;
  const op0 = (w >>> 19) & 3;
  const op1 = (w >>> 16) & 7;
  const crn = (w >>> 12) & 15;
  const crm = (w >>> 8) & 15;
  const op2 = (w >>> 5) & 7;
  const rt = w & 31;
  if (op0 >= 2) {
    const key = ((op0 & 1) << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2;
    if (l) return d("mrs", `${xz(rt)}, ${SYSREG_READ[key] ?? genericSysreg(op0, op1, crn, crm, op2)}`);
    return d("msr", `${SYSREG_WRITE[key] ?? genericSysreg(op0, op1, crn, crm, op2)}, ${xz(rt)}`);
  }
  if (op0 === 1) {
    if (l) return d("sysl", `${xz(rt)}, #${op1}, c${crn}, c${crm}, #${op2}`);
    const alias = SYS_ALIAS[(op1 << 11) | (crn << 7) | (crm << 3) | op2];
    if (alias !== undefined) {
      const [text, kind, at31] = alias.split("|");
      if (kind === "n") return split(text);
      if (rt !== 31) return split(`${text}, ${xz(rt)}`);
      if (at31 !== "s") return split(at31);
    }
    const reg = rt === 31 ? "" : `, ${xz(rt)}`;
    return d("sys", `#${op1}, c${crn}, c${crm}, #${op2}${reg}`);
  }
  if (l) return d("mrs", `${xz(rt)}, ${genericSysreg(op0, op1, crn, crm, op2)}`);
  if (rt === 31) {
    if (crn === 2 && op1 === 3) return split(HINT_TEXT[(crm << 3) | op2]);
    if (crn === 3 && op1 === 3) return split(BARRIER_TEXT[(crm << 3) | op2]);
    if (crn === 4) return split(PSTATE_TEXT[(op1 << 7) | (crm << 3) | op2]);
  }
  return d("msr", `${genericSysreg(op0, op1, crn, crm, op2)}, ${xz(rt)}`);
}

