/** Data processing (immediate): PC-relative, add/sub, logical, move wide, bitfield, extract. */
import { Decoded, d, rz, rsp, imm, addr, wrap64, sext } from "./fmt";

/** DecodeBitMasks for a logical immediate; null when the encoding is reserved. */
export function decodeBitMask(n: number, immr: number, imms: number, width: 32 | 64): bigint | null {
  const combined = (n << 6) | (~imms & 0x3f);
  if (combined === 0) return null;
  const len = 31 - Math.clz32(combined);
  if (len < 1) return null;
  const size = 1 << len;
  const levels = size - 1;
  const s = imms & levels;
  const r = immr & levels;
  if (s === levels) return null;
  if (size > width) return null;
  const esize = BigInt(size);
  const emask = (1n << esize) - 1n;
  let elem = (1n << BigInt(s + 1)) - 1n;
  if (r !== 0) elem = ((elem >> BigInt(r)) | (elem << (esize - BigInt(r)))) & emask;
  let v = 0n;
  for (let i = 0; i < width; i += size) v |= elem << BigInt(i);
  return v;
}

function isMovz(value: bigint, shift: number, width: number): boolean {
  let v = value;
  if (width === 32) v &= 0xffffffffn;
  if (v === 0n && shift !== 0) return false;
  return (v & ~(0xffffn << BigInt(shift))) === 0n;
}
function isAnyMovz(value: bigint, width: number): boolean {
  for (let sh = 0; sh < width; sh += 16) if (isMovz(value, sh, width)) return true;
  return false;
}
function isMovn(value: bigint, shift: number, width: number): boolean {
  if (isAnyMovz(value, width)) return false;
  let v = ~value & 0xffffffffffffffffn;
  if (width === 32) v &= 0xffffffffn;
  return isMovz(v, shift, width);
}
function isAnyMovw(value: bigint, width: number): boolean {
  for (let sh = 0; sh < width; sh += 16) if (isMovz(value, sh, width) || isMovn(value, sh, width)) return true;
  return false;
}
function signed(value: bigint, width: number): bigint {
  return width === 32 ? BigInt.asIntN(32, value) : BigInt.asIntN(64, value);
}

export function decodeDpImm(w: number, pc: bigint): Decoded | null {
  const sf = w >>> 31;
  const rd = w & 31;
  const rn = (w >>> 5) & 31;
  switch ((w >>> 23) & 7) {
    case 0:
    case 1: {
      const immv = sext((((w >>> 5) & 0x7ffff) << 2) | ((w >>> 29) & 3), 21);
      if (sf) {
        const t = wrap64((pc & ~0xfffn) + BigInt(immv) * 4096n);
        return d("adrp", `${rz(rd, 1)}, ${addr(t)}`, t);
      }
      return d("adr", `${rz(rd, 1)}, ${imm(immv)}`, wrap64(pc + BigInt(immv)));
    }
    case 2: {
      const op = (w >>> 30) & 1;
      const s = (w >>> 29) & 1;
      const sh = (w >>> 22) & 1;
      const i12 = (w >>> 10) & 0xfff;
      const shiftTxt = sh ? `${imm(i12)}, lsl #12` : imm(i12);
      const comment = sh ? `=${i12 << 12}` : undefined;
      if (!s) {
        if (!op && !sh && i12 === 0 && (rd === 31 || rn === 31)) return d("mov", `${rsp(rd, sf)}, ${rsp(rn, sf)}`);
        return d(op ? "sub" : "add", `${rsp(rd, sf)}, ${rsp(rn, sf)}, ${shiftTxt}`, undefined, comment);
      }
      if (rd === 31) return d(op ? "cmp" : "cmn", `${rsp(rn, sf)}, ${shiftTxt}`, undefined, comment);
      return d(op ? "subs" : "adds", `${rz(rd, sf)}, ${rsp(rn, sf)}, ${shiftTxt}`, undefined, comment);
    }
    case 4: {
      const n = (w >>> 22) & 1;
      if (!sf && n) return null;
      const width = sf ? 64 : 32;
      const v = decodeBitMask(n, (w >>> 16) & 63, (w >>> 10) & 63, width);
      if (v === null) return null;
      const hex = `#0x${v.toString(16)}`;
      const opc = (w >>> 29) & 3;
      if (opc === 3) {
        if (rd === 31) return d("tst", `${rz(rn, sf)}, ${hex}`);
        return d("ands", `${rz(rd, sf)}, ${rz(rn, sf)}, ${hex}`);
      }
      if (opc === 1 && rn === 31 && !isAnyMovw(v, width)) return d("mov", `${rsp(rd, sf)}, ${imm(signed(v, width))}`);
      return d(["and", "orr", "eor"][opc], `${rsp(rd, sf)}, ${rz(rn, sf)}, ${hex}`);
    }
    case 5: {
      const opc = (w >>> 29) & 3;
      const hw = (w >>> 21) & 3;
      if (opc === 1 || (!sf && hw >= 2)) return null;
      const i16 = (w >>> 5) & 0xffff;
      const width = sf ? 64 : 32;
      const shift = hw * 16;
      if (opc === 2) {
        const v = BigInt(i16) << BigInt(shift);
        if (isMovz(v, shift, width)) return d("mov", `${rz(rd, sf)}, ${imm(signed(v, width))}`);
      } else if (opc === 0) {
        let v = ~(BigInt(i16) << BigInt(shift)) & 0xffffffffffffffffn;
        if (width === 32) v &= 0xffffffffn;
        if (isMovn(v, shift, width)) return d("mov", `${rz(rd, sf)}, ${imm(signed(v, width))}`);
      }
      const mn = ["movn", "", "movz", "movk"][opc];
      return d(mn, `${rz(rd, sf)}, ${imm(i16)}${shift ? `, lsl #${shift}` : ""}`);
    }
    case 6:
      return bitfield(w, sf, rd, rn);
    case 7: {
      const n = (w >>> 22) & 1;
      const imms = (w >>> 10) & 63;
      if (((w >>> 29) & 3) !== 0 || ((w >>> 21) & 1) !== 0 || n !== sf || (!sf && imms >= 32)) return null;
      const rm = (w >>> 16) & 31;
      if (rn === rm) return d("ror", `${rz(rd, sf)}, ${rz(rn, sf)}, ${imm(imms)}`);
      return d("extr", `${rz(rd, sf)}, ${rz(rn, sf)}, ${rz(rm, sf)}, ${imm(imms)}`);
    }
  }
  return null;
}

function bitfield(w: number, sf: number, rd: number, rn: number): Decoded | null {
  const opc = (w >>> 29) & 3;
  const n = (w >>> 22) & 1;
  const immr = (w >>> 16) & 63;
  const imms = (w >>> 10) & 63;
  if (opc === 3 || n !== sf || (!sf && (immr >= 32 || imms >= 32))) return null;
  const Rd = rz(rd, sf);
  const Rn = rz(rn, sf);
  const bits = sf ? 64 : 32;
  if (opc === 1) {
    if (imms < immr) return d("bfi", `${Rd}, ${Rn}, #${(bits - immr) % bits}, #${imms + 1}`);
    return d("bfxil", `${Rd}, ${Rn}, #${immr}, #${imms - immr + 1}`);
  }
  const signedOp = opc === 0;
  if (immr === 0) {
    let mn: string | null = null;
    if (imms === 7) mn = signedOp ? "sxtb" : sf ? null : "uxtb";
    else if (imms === 15) mn = signedOp ? "sxth" : sf ? null : "uxth";
    else if (imms === 31 && sf && signedOp) mn = "sxtw";
    if (mn) return d(mn, `${Rd}, ${rz(rn, 0)}`);
  }
  const top = bits - 1;
  if (!signedOp && imms !== top && imms + 1 === immr) return d("lsl", `${Rd}, ${Rn}, #${top - imms}`);
  if (imms === top) return d(signedOp ? "asr" : "lsr", `${Rd}, ${Rn}, #${immr}`);
  if (immr > imms) return d(signedOp ? "sbfiz" : "ubfiz", `${Rd}, ${Rn}, #${bits - immr}, #${imms + 1}`);
  return d(signedOp ? "sbfx" : "ubfx", `${Rd}, ${Rn}, #${immr}, #${imms - immr + 1}`);
}
