import { DwarfError, Reader } from './reader';

/**
 * Call-frame information (`.debug_frame` and `.eh_frame`): for a PC, where the caller's registers were saved.
 * Only what compilers emit for AArch64 is interpreted: CFA = register + offset, registers saved at CFA + n,
 * same value, undefined, register copies; DWARF expressions make the rule unknown (the caller then falls back
 * to the frame-pointer chain).
 */

export type RegRule =
  | { kind: 'undefined' }
  | { kind: 'same' }
  | { kind: 'offset'; offset: number }
  | { kind: 'valOffset'; offset: number }
  | { kind: 'register'; reg: number }
  | { kind: 'unknown' };

export interface FrameRow {
  cfaReg: number;
  cfaOffset: number;
  /** false when the CFA is a DWARF expression. */
  cfaKnown: boolean;
  regs: Map<number, RegRule>;
  returnReg: number;
}

interface Cie {
  codeAlign: number;
  dataAlign: number;
  returnReg: number;
  initial: Uint8Array;
  fdeEncoding: number;
  hasAugData: boolean;
}

export interface Fde {
  start: number;
  end: number;
  cie: Cie;
  instructions: Uint8Array;
}

const DW_EH_PE_absptr = 0x00;
const DW_EH_PE_omit = 0xff;

function readEncoded(r: Reader, enc: number, sectionAddr: number, base: Uint8Array): number {
  if (enc === DW_EH_PE_omit) return 0;
  const pos = r.pos;
  let v: number;
  switch (enc & 0x0f) {
    case 0x00:
      v = r.u64();
      break;
    case 0x01:
      v = r.uleb();
      break;
    case 0x02:
      v = r.u16();
      break;
    case 0x03:
      v = r.u32();
      break;
    case 0x04:
      v = r.u64();
      break;
    case 0x09:
      v = r.sleb();
      break;
    case 0x0a:
      v = (r.u16() << 16) >> 16;
      break;
    case 0x0b:
      v = r.s32();
      break;
    case 0x0c:
      v = r.u64();
      break;
    default:
      throw new DwarfError(`unsupported pointer encoding 0x${enc.toString(16)}`);
  }
  void base;
  if ((enc & 0x70) === 0x10) v += sectionAddr + pos; // pcrel
  return v;
}

/** Parse a `.debug_frame` (isEh false) or `.eh_frame` (isEh true, `sectionAddr` = its load address). */
export function parseCfi(bytes: Uint8Array, isEh: boolean, sectionAddr = 0): Fde[] {
  const cies = new Map<number, Cie>();
  const fdes: Fde[] = [];
  const parseCie = (off: number): Cie => {
    const cached = cies.get(off);
    if (cached !== undefined) return cached;
    const r = new Reader(bytes, off);
    const { end, offsetSize } = r.unitLength();
    r.uN(offsetSize); // CIE id
    const version = r.u8();
    const aug = r.cstr();
    if (!isEh && version >= 4) {
      r.u8(); // address_size
      r.u8(); // segment_size
    }
    const codeAlign = r.uleb();
    const dataAlign = r.sleb();
    const returnReg = version === 1 ? r.u8() : r.uleb();
    let fdeEncoding = isEh ? 0 : DW_EH_PE_absptr;
    const hasAugData = aug.startsWith('z');
    if (hasAugData) {
      const len = r.uleb();
      const augEnd = r.pos + len;
      for (const c of aug.slice(1)) {
        if (c === 'R') fdeEncoding = r.u8();
        else if (c === 'P') readEncoded(r, r.u8(), sectionAddr, bytes);
        else if (c === 'L') r.u8();
        else if (c === 'S' || c === 'B') continue;
        else break;
      }
      r.pos = augEnd;
    }
    const cie: Cie = { codeAlign, dataAlign, returnReg, initial: bytes.subarray(r.pos, end), fdeEncoding, hasAugData };
    cies.set(off, cie);
    return cie;
  };
  const r = new Reader(bytes);
  while (!r.done) {
    const unitStart = r.pos;
    const { end, offsetSize } = r.unitLength();
    if (end === r.pos) break; // .eh_frame terminator
    const idPos = r.pos;
    const id = r.uN(offsetSize);
    const isCie = isEh ? id === 0 : id === (offsetSize === 8 ? 2 ** 64 - 1 : 0xffffffff);
    if (!isCie) {
      const cieOff = isEh ? idPos - id : id;
      const cie = parseCie(cieOff);
      const enc = isEh ? cie.fdeEncoding : DW_EH_PE_absptr;
      const start = readEncoded(r, enc, sectionAddr, bytes);
      const range = readEncoded(r, enc & 0x0f, sectionAddr, bytes);
      if (cie.hasAugData) r.skip(r.uleb());
      fdes.push({ start, end: start + range, cie, instructions: bytes.subarray(r.pos, end) });
    }
    void unitStart;
    r.pos = end;
  }
  fdes.sort((a, b) => a.start - b.start);
  return fdes;
}

export function findFde(fdes: readonly Fde[], pc: number): Fde | undefined {
  let lo = 0;
  let hi = fdes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const f = fdes[mid];
    if (pc < f.start) hi = mid - 1;
    else if (pc >= f.end) lo = mid + 1;
    else return f;
  }
  return undefined;
}

/** Run the CIE's and FDE's instructions up to `pc`: the unwind row in force there. */
export function frameRowAt(fde: Fde, pc: number): FrameRow {
  const cie = fde.cie;
  const row: FrameRow = { cfaReg: 31, cfaOffset: 0, cfaKnown: true, regs: new Map(), returnReg: cie.returnReg };
  let initialRegs = new Map<number, RegRule>();
  const run = (code: Uint8Array, limitPc: number, isInitial: boolean): void => {
    const r = new Reader(code);
    let loc = fde.start;
    const stack: { regs: Map<number, RegRule>; cfaReg: number; cfaOffset: number; cfaKnown: boolean }[] = [];
    while (!r.done) {
      const op = r.u8();
      const high = op & 0xc0;
      const low = op & 0x3f;
      if (high === 0x40) {
        loc += low * cie.codeAlign;
        if (!isInitial && loc > limitPc) return;
        continue;
      }
      if (high === 0x80) {
        row.regs.set(low, { kind: 'offset', offset: r.uleb() * cie.dataAlign });
        continue;
      }
      if (high === 0xc0) {
        row.regs.set(low, initialRegs.get(low) ?? { kind: 'same' });
        continue;
      }
      const advance = (delta: number): boolean => {
        loc += delta * cie.codeAlign;
        return !isInitial && loc > limitPc;
      };
      switch (op) {
        case 0x00:
          break;
        case 0x01:
          loc = r.u64();
          if (!isInitial && loc > limitPc) return;
          break;
        case 0x02:
          if (advance(r.u8())) return;
          break;
        case 0x03:
          if (advance(r.u16())) return;
          break;
        case 0x04:
          if (advance(r.u32())) return;
          break;
        case 0x05: {
          const reg = r.uleb();
          row.regs.set(reg, { kind: 'offset', offset: r.uleb() * cie.dataAlign });
          break;
        }
        case 0x06: {
          const reg = r.uleb();
          row.regs.set(reg, initialRegs.get(reg) ?? { kind: 'same' });
          break;
        }
        case 0x07:
          row.regs.set(r.uleb(), { kind: 'undefined' });
          break;
        case 0x08:
          row.regs.set(r.uleb(), { kind: 'same' });
          break;
        case 0x09: {
          const reg = r.uleb();
          row.regs.set(reg, { kind: 'register', reg: r.uleb() });
          break;
        }
        case 0x0a:
          stack.push({ regs: new Map(row.regs), cfaReg: row.cfaReg, cfaOffset: row.cfaOffset, cfaKnown: row.cfaKnown });
          break;
        case 0x0b: {
          const s = stack.pop();
          if (s !== undefined) {
            row.regs = s.regs;
            row.cfaReg = s.cfaReg;
            row.cfaOffset = s.cfaOffset;
            row.cfaKnown = s.cfaKnown;
          }
          break;
        }
        case 0x0c:
          row.cfaReg = r.uleb();
          row.cfaOffset = r.uleb();
          row.cfaKnown = true;
          break;
        case 0x0d:
          row.cfaReg = r.uleb();
          break;
        case 0x0e:
          row.cfaOffset = r.uleb();
          break;
        case 0x0f:
          r.skip(r.uleb());
          row.cfaKnown = false;
          break;
        case 0x10: {
          const reg = r.uleb();
          r.skip(r.uleb());
          row.regs.set(reg, { kind: 'unknown' });
          break;
        }
        case 0x11: {
          const reg = r.uleb();
          row.regs.set(reg, { kind: 'offset', offset: r.sleb() * cie.dataAlign });
          break;
        }
        case 0x12:
          row.cfaReg = r.uleb();
          row.cfaOffset = r.sleb() * cie.dataAlign;
          row.cfaKnown = true;
          break;
        case 0x13:
          row.cfaOffset = r.sleb() * cie.dataAlign;
          break;
        case 0x14: {
          const reg = r.uleb();
          row.regs.set(reg, { kind: 'valOffset', offset: r.uleb() * cie.dataAlign });
          break;
        }
        case 0x15: {
          const reg = r.uleb();
          row.regs.set(reg, { kind: 'valOffset', offset: r.sleb() * cie.dataAlign });
          break;
        }
        case 0x16: {
          const reg = r.uleb();
          r.skip(r.uleb());
          row.regs.set(reg, { kind: 'unknown' });
          break;
        }
        case 0x2d: // DW_CFA_AARCH64_negate_ra_state: PAuth signing state, irrelevant without PAuth
          break;
        case 0x2e: // GNU_args_size
          r.uleb();
          break;
        default:
          throw new DwarfError(`unsupported CFA instruction 0x${op.toString(16)}`);
      }
    }
  };
  run(cie.initial, Number.MAX_SAFE_INTEGER, true);
  initialRegs = new Map(row.regs);
  run(fde.instructions, pc, false);
  return row;
}
