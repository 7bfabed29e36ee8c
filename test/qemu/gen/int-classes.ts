/**
 * Instruction generators for the integer side of A64: data processing, loads/stores, exclusives,
 * LSE atomics, branches and the system-register reads and writes compilers emit.
 * Each generator returns one or more assembly lines that only write what operands.ts allows.
 */
import { Prng } from './prng';
import {
  ALIGNED_BASES, BASES, CONDS, CONDS_ALL, R, W, X, bitmaskImm, hex, rd, rs, srcNum, storeSrc, xd,
} from './operands';

export type Gen = (r: Prng) => string[];

const one = (f: (r: Prng) => string): Gen => (r) => [f(r)];

// ---------------------------------------------------------------- data processing (immediate)
export const intImm: Gen[] = [
  one((r) => {
    const is64 = r.bool();
    const op = r.pick(['add', 'adds', 'sub', 'subs']);
    // Rn may be SP for these forms; the destination never is.
    const rn = r.bool(0.08) ? (is64 ? 'sp' : 'wsp') : R(r.int(0, 30), is64);
    return `${op} ${rd(r, is64)}, ${rn}, #${r.int(0, 4095)}${r.bool(0.3) ? ', lsl #12' : ''}`;
  }),
  one((r) => {
    const is64 = r.bool();
    return `${r.pick(['cmp', 'cmn'])} ${R(r.int(0, 30), is64)}, #${r.int(0, 4095)}${r.bool(0.2) ? ', lsl #12' : ''}`;
  }),
  one((r) => {
    const is64 = r.bool();
    return `${r.pick(['and', 'orr', 'eor', 'ands'])} ${rd(r, is64)}, ${rs(r, is64)}, ${hex(bitmaskImm(r, is64))}`;
  }),
  one((r) => {
    const is64 = r.bool();
    return `tst ${rs(r, is64)}, ${hex(bitmaskImm(r, is64))}`;
  }),
  one((r) => {
    const is64 = r.bool();
    const op = r.pick(['movz', 'movn', 'movk']);
    const sh = r.int(0, is64 ? 3 : 1) * 16;
    return `${op} ${rd(r, is64)}, #${r.int(0, 65535)}, lsl #${sh}`;
  }),
  one((r) => `${r.pick(['adr', 'adrp'])} ${X(xd(r))}, .`),
  one((r) => `mov ${X(xd(r))}, sp`),
];

// ---------------------------------------------------------------- shifted register
export const intShifted: Gen[] = [
  one((r) => {
    const is64 = r.bool();
    const op = r.pick(['add', 'adds', 'sub', 'subs']);
    return `${op} ${rd(r, is64)}, ${rs(r, is64)}, ${rs(r, is64)}, ${r.pick(['lsl', 'lsr', 'asr'])} #${r.int(0, is64 ? 63 : 31)}`;
  }),
  one((r) => {
    const is64 = r.bool();
    const op = r.pick(['and', 'orr', 'eor', 'ands', 'bic', 'orn', 'eon', 'bics']);
    return `${op} ${rd(r, is64)}, ${rs(r, is64)}, ${rs(r, is64)}, ${r.pick(['lsl', 'lsr', 'asr', 'ror'])} #${r.int(0, is64 ? 63 : 31)}`;
  }),
  one((r) => {
    const is64 = r.bool();
    return `${r.pick(['neg', 'negs', 'mvn'])} ${rd(r, is64)}, ${rs(r, is64)}${r.bool() ? `, lsl #${r.int(0, is64 ? 63 : 31)}` : ''}`;
  }),
  one((r) => {
    const is64 = r.bool();
    const op = r.pick(['cmp', 'cmn', 'tst']);
    const sh = op === 'tst' ? r.pick(['lsl', 'lsr', 'asr', 'ror']) : r.pick(['lsl', 'lsr', 'asr']);
    return `${op} ${rs(r, is64)}, ${rs(r, is64)}, ${sh} #${r.int(0, is64 ? 63 : 31)}`;
  }),
  one((r) => {
    const is64 = r.bool();
    return `mov ${rd(r, is64)}, ${rs(r, is64)}`;
  }),
];

// ---------------------------------------------------------------- extended register
export const intExtended: Gen[] = [
  one((r) => {
    const is64 = r.bool();
    const op = r.pick(['add', 'adds', 'sub', 'subs']);
    const rn = r.bool(0.15) ? (is64 ? 'sp' : 'wsp') : R(r.int(0, 30), is64);
    const amt = r.int(0, 4);
    if (is64 && r.bool(0.3)) return `${op} ${rd(r, true)}, ${rn}, ${X(srcNum(r))}, ${r.pick(['uxtx', 'sxtx'])} #${amt}`;
    const ext = r.pick(['uxtb', 'uxth', 'uxtw', 'sxtb', 'sxth', 'sxtw']);
    return `${op} ${rd(r, is64)}, ${rn}, ${W(srcNum(r))}, ${ext} #${amt}`;
  }),
  one((r) => {
    const is64 = r.bool();
    const ext = r.pick(['uxtb', 'uxth', 'sxtb', 'sxth', 'sxtw', 'uxtw']);
    return `${r.pick(['cmp', 'cmn'])} ${R(r.int(0, 30), is64)}, ${W(srcNum(r))}, ${ext} #${r.int(0, 4)}`;
  }),
];

// ---------------------------------------------------------------- carry, conditional compare/select
const flagSetter: Gen = one((r) => {
  const is64 = r.bool();
  return r.bool()
    ? `${r.pick(['cmp', 'cmn', 'tst'])} ${rs(r, is64)}, ${rs(r, is64)}`
    : `${r.pick(['adds', 'subs'])} ${rd(r, is64)}, ${rs(r, is64)}, ${rs(r, is64)}`;
});

export const intCond: Gen[] = [
  flagSetter,
  one((r) => {
    const is64 = r.bool();
    return `${r.pick(['adc', 'adcs', 'sbc', 'sbcs'])} ${rd(r, is64)}, ${rs(r, is64)}, ${rs(r, is64)}`;
  }),
  one((r) => {
    const is64 = r.bool();
    return `${r.pick(['ngc', 'ngcs'])} ${rd(r, is64)}, ${rs(r, is64)}`;
  }),
  one((r) => {
    const is64 = r.bool();
    const op = r.pick(['ccmp', 'ccmn']);
    const b = r.bool() ? rs(r, is64) : `#${r.int(0, 31)}`;
    return `${op} ${rs(r, is64)}, ${b}, #${r.int(0, 15)}, ${r.pick(CONDS_ALL)}`;
  }),
  one((r) => {
    const is64 = r.bool();
    return `${r.pick(['csel', 'csinc', 'csinv', 'csneg'])} ${rd(r, is64)}, ${rs(r, is64)}, ${rs(r, is64)}, ${r.pick(CONDS_ALL)}`;
  }),
  one((r) => {
    const is64 = r.bool();
    return `${r.pick(['cset', 'csetm'])} ${rd(r, is64)}, ${r.pick(CONDS)}`;
  }),
  one((r) => {
    const is64 = r.bool();
    return `${r.pick(['cinc', 'cinv', 'cneg'])} ${rd(r, is64)}, ${rs(r, is64)}, ${r.pick(CONDS)}`;
  }),
];

// ---------------------------------------------------------------- bitfield, extract
export const intBitfield: Gen[] = [
  one((r) => {
    const is64 = r.bool();
    const n = is64 ? 64 : 32;
    return `${r.pick(['ubfm', 'sbfm', 'bfm'])} ${rd(r, is64)}, ${rs(r, is64)}, #${r.int(0, n - 1)}, #${r.int(0, n - 1)}`;
  }),
  one((r) => {
    const is64 = r.bool();
    const n = is64 ? 64 : 32;
    const lsb = r.int(0, n - 1);
    const width = r.int(1, n - lsb);
    return `${r.pick(['ubfx', 'sbfx', 'bfi', 'bfxil', 'ubfiz', 'sbfiz'])} ${rd(r, is64)}, ${rs(r, is64)}, #${lsb}, #${width}`;
  }),
  one((r) => {
    const is64 = r.bool();
    return `extr ${rd(r, is64)}, ${rs(r, is64)}, ${rs(r, is64)}, #${r.int(0, is64 ? 63 : 31)}`;
  }),
  one((r) => {
    const is64 = r.bool();
    return `${r.pick(['lsl', 'lsr', 'asr', 'ror'])} ${rd(r, is64)}, ${rs(r, is64)}, #${r.int(0, is64 ? 63 : 31)}`;
  }),
  one((r) => {
    const is64 = r.bool();
    const op = r.pick(is64 ? ['sxtb', 'sxth', 'sxtw'] : ['sxtb', 'sxth', 'uxtb', 'uxth']);
    return `${op} ${rd(r, is64)}, ${W(srcNum(r))}`;
  }),
];

// ---------------------------------------------------------------- 1-, 2-, 3-source
export const int1src: Gen[] = [
  one((r) => {
    const is64 = r.bool();
    return `${r.pick(['rbit', 'rev16', 'rev', 'clz', 'cls'])} ${rd(r, is64)}, ${rs(r, is64)}`;
  }),
  one((r) => `rev32 ${X(xd(r))}, ${X(srcNum(r))}`),
];

export const int2src: Gen[] = [
  one((r) => {
    const is64 = r.bool();
    return `${r.pick(['udiv', 'sdiv'])} ${rd(r, is64)}, ${rs(r, is64)}, ${rs(r, is64)}`;
  }),
  one((r) => {
    const is64 = r.bool();
    return `${r.pick(['lslv', 'lsrv', 'asrv', 'rorv', 'lsl', 'lsr', 'asr', 'ror'])} ${rd(r, is64)}, ${rs(r, is64)}, ${rs(r, is64)}`;
  }),
];

export const int3src: Gen[] = [
  one((r) => {
    const is64 = r.bool();
    return `${r.pick(['madd', 'msub'])} ${rd(r, is64)}, ${rs(r, is64)}, ${rs(r, is64)}, ${rs(r, is64)}`;
  }),
  one((r) => {
    const is64 = r.bool();
    return `${r.pick(['mul', 'mneg'])} ${rd(r, is64)}, ${rs(r, is64)}, ${rs(r, is64)}`;
  }),
  one((r) => `${r.pick(['smaddl', 'smsubl', 'umaddl', 'umsubl'])} ${X(xd(r))}, ${W(srcNum(r))}, ${W(srcNum(r))}, ${X(srcNum(r))}`),
  one((r) => `${r.pick(['smull', 'umull', 'smnegl', 'umnegl'])} ${X(xd(r))}, ${W(srcNum(r))}, ${W(srcNum(r))}`),
  one((r) => `${r.pick(['smulh', 'umulh'])} ${X(xd(r))}, ${X(srcNum(r))}, ${X(srcNum(r))}`),
];

export const crc: Gen[] = [
  one((r) => `${r.pick(['crc32b', 'crc32h', 'crc32w', 'crc32cb', 'crc32ch', 'crc32cw'])} ${W(xd(r))}, ${W(srcNum(r))}, ${W(srcNum(r))}`),
  one((r) => `${r.pick(['crc32x', 'crc32cx'])} ${W(xd(r))}, ${W(srcNum(r))}, ${X(srcNum(r))}`),
];

// ---------------------------------------------------------------- addressing
const LOG2: Record<number, number> = { 1: 0, 2: 1, 4: 2, 8: 3, 16: 4 };

/**
 * An address operand for a single-register load/store of `size` bytes. `unscaled` asks for the
 * LDUR/STUR form (the caller picks that mnemonic).
 */
export function addrSingle(r: Prng, size: number): { text: string; unscaled: boolean; writeback: boolean } {
  const b = r.pick(BASES);
  const sh = LOG2[size];
  switch (r.int(0, 7)) {
    case 0:
      return { text: `[${b}]`, unscaled: false, writeback: false };
    case 1:
    case 2:
      return { text: `[${b}, #${r.int(0, 63) * size}]`, unscaled: false, writeback: false };
    case 3:
      return { text: `[${b}, #${r.int(-256, 255)}]`, unscaled: true, writeback: false };
    case 4:
      return { text: `[${b}, #${r.int(-64, 64)}]!`, unscaled: false, writeback: true };
    case 5:
      return { text: `[${b}], #${r.int(-64, 64)}`, unscaled: false, writeback: true };
    case 6: {
      const idx = r.pick(['x22', 'x23']);
      const shift = size === 1 ? r.pick(['', ', lsl #0']) : r.pick(['', `, lsl #${sh}`]);
      return { text: `[${b}, ${idx}${shift}]`, unscaled: false, writeback: false };
    }
    default: {
      const ext = r.pick(['uxtw', 'sxtw', 'sxtx']);
      const idx = ext === 'uxtw' ? 'w22' : ext === 'sxtw' ? r.pick(['w22', 'w23']) : r.pick(['x22', 'x23']);
      const amount = r.bool() ? ` #${sh}` : '';
      return { text: `[${b}, ${idx}, ${ext}${amount}]`, unscaled: false, writeback: false };
    }
  }
}

function addrPair(r: Prng, size: number, allowWb = true): string {
  const b = r.pick(BASES);
  const k = r.int(-32, 31) * size;
  switch (r.int(0, allowWb ? 3 : 1)) {
    case 0:
      return `[${b}]`;
    case 1:
      return `[${b}, #${k}]`;
    case 2:
      return `[${b}, #${r.int(-8, 8) * size}]!`;
    default:
      return `[${b}], #${r.int(-8, 8) * size}`;
  }
}

// ---------------------------------------------------------------- integer loads/stores
const INT_LOADS: { op: string; uop: string; size: number; is64: boolean }[] = [
  { op: 'ldr', uop: 'ldur', size: 8, is64: true },
  { op: 'ldr', uop: 'ldur', size: 4, is64: false },
  { op: 'ldrb', uop: 'ldurb', size: 1, is64: false },
  { op: 'ldrh', uop: 'ldurh', size: 2, is64: false },
  { op: 'ldrsb', uop: 'ldursb', size: 1, is64: false },
  { op: 'ldrsb', uop: 'ldursb', size: 1, is64: true },
  { op: 'ldrsh', uop: 'ldursh', size: 2, is64: false },
  { op: 'ldrsh', uop: 'ldursh', size: 2, is64: true },
  { op: 'ldrsw', uop: 'ldursw', size: 4, is64: true },
];
const INT_STORES: { op: string; uop: string; size: number; is64: boolean }[] = [
  { op: 'str', uop: 'stur', size: 8, is64: true },
  { op: 'str', uop: 'stur', size: 4, is64: false },
  { op: 'strb', uop: 'sturb', size: 1, is64: false },
  { op: 'strh', uop: 'sturh', size: 2, is64: false },
];

export const ldstInt: Gen[] = [
  one((r) => {
    const l = r.pick(INT_LOADS);
    const a = addrSingle(r, l.size);
    return `${a.unscaled ? l.uop : l.op} ${rd(r, l.is64)}, ${a.text}`;
  }),
  one((r) => {
    const s = r.pick(INT_STORES);
    const a = addrSingle(r, s.size);
    return `${a.unscaled ? s.uop : s.op} ${storeSrc(r, s.is64)}, ${a.text}`;
  }),
  one((r) => {
    const l = r.pick([INT_LOADS[0], INT_LOADS[1], INT_LOADS[8]]);
    return `${l.op} ${rd(r, l.is64)}, gen_lits + ${r.int(0, 56) * 4}`;
  }),
  one((r) => `prfm ${r.pick(['pldl1keep', 'pldl2strm', 'pstl1keep'])}, [${r.pick(BASES)}, #${r.int(0, 63) * 8}]`),
  one((r) => r.pick(['dmb ish', 'dmb ishld', 'dsb sy', 'isb', 'nop'])),
];

export const ldstPair: Gen[] = [
  (r) => {
    const kind = r.int(0, 2);
    const is64 = kind === 0;
    const size = kind === 0 ? 8 : 4;
    const a = xd(r);
    let b = xd(r);
    while (b === a) b = xd(r);
    const op = kind === 2 ? 'ldpsw' : 'ldp';
    return [`${op} ${kind === 2 ? X(a) : R(a, is64)}, ${kind === 2 ? X(b) : R(b, is64)}, ${addrPair(r, size)}`];
  },
  (r) => {
    const is64 = r.bool();
    return [`stp ${storeSrc(r, is64)}, ${storeSrc(r, is64)}, ${addrPair(r, is64 ? 8 : 4)}`];
  },
  (r) => {
    const is64 = r.bool();
    if (r.bool()) return [`stnp ${storeSrc(r, is64)}, ${storeSrc(r, is64)}, ${addrPair(r, is64 ? 8 : 4, false)}`];
    const a = xd(r);
    let b = xd(r);
    while (b === a) b = xd(r);
    return [`ldnp ${R(a, is64)}, ${R(b, is64)}, ${addrPair(r, is64 ? 8 : 4, false)}`];
  },
];

// ---------------------------------------------------------------- acquire/release, exclusives, LSE
const SZ = [
  { sfx: 'b', is64: false },
  { sfx: 'h', is64: false },
  { sfx: '', is64: false },
  { sfx: '', is64: true },
] as const;

export const ldstAcqRel: Gen[] = [
  one((r) => {
    const s = r.pick(SZ);
    return `${r.pick(['ldar', 'ldapr'])}${s.sfx} ${rd(r, s.is64)}, [${r.pick(ALIGNED_BASES)}]`;
  }),
  one((r) => {
    const s = r.pick(SZ);
    return `stlr${s.sfx} ${storeSrc(r, s.is64)}, [${r.pick(ALIGNED_BASES)}]`;
  }),
  one((r) => r.pick(['dmb ish', 'dmb ishst', 'dsb ish'])),
];

/** LDXR ... STXR pairs on one aligned address: the patterns compilers emit for atomics without LSE. */
export const exclusive: Gen[] = [
  (r) => {
    const s = r.pick(SZ);
    const base = r.pick(ALIGNED_BASES);
    const acq = r.bool() ? 'a' : '';
    const rel = r.bool() ? 'l' : '';
    const t = xd(r);
    const out = [`ld${acq}xr${s.sfx} ${R(t, s.is64)}, [${base}]`];
    const k = r.int(0, 2);
    for (let i = 0; i < k; i++) {
      out.push(`${r.pick(['add', 'eor', 'orr', 'sub'])} ${R(xd(r), s.is64)}, ${R(t, s.is64)}, ${R(srcNum(r), s.is64)}`);
    }
    if (r.bool(0.1)) out.push('clrex');
    const st = xd(r);
    out.push(`st${rel}xr${s.sfx} ${W(st)}, ${storeSrcNot(r, s.is64, st)}, [${base}]`);
    return out;
  },
  (r) => {
    const is64 = r.bool();
    const base = r.pick(ALIGNED_BASES);
    const a = xd(r);
    let b = xd(r);
    while (b === a) b = xd(r);
    const acq = r.bool() ? 'a' : '';
    const rel = r.bool() ? 'l' : '';
    const st = xd(r);
    const v1 = storeSrcNot(r, is64, st);
    const v2 = storeSrcNot(r, is64, st);
    return [
      `ld${acq}xp ${R(a, is64)}, ${R(b, is64)}, [${base}]`,
      `${r.pick(['add', 'sub'])} ${R(a, is64)}, ${R(a, is64)}, #${r.int(1, 100)}`,
      `st${rel}xp ${W(st)}, ${v1}, ${v2}, [${base}]`,
    ];
  },
  // A store-exclusive with no open monitor must fail (status 1) and leave memory alone.
  (r) => {
    const s = r.pick(SZ);
    const st = xd(r);
    return ['clrex', `stxr${s.sfx} ${W(st)}, ${storeSrcNot(r, s.is64, st)}, [${r.pick(ALIGNED_BASES)}]`];
  },
];

/** The status register of a store-exclusive must differ from the data registers (else UNPREDICTABLE). */
function storeSrcNot(r: Prng, is64: boolean, avoid: number): string {
  for (;;) {
    const v = storeSrc(r, is64);
    if (v !== R(avoid, is64)) return v;
  }
}

const LSE_OPS = ['ldadd', 'ldclr', 'ldeor', 'ldset', 'ldsmax', 'ldsmin', 'ldumax', 'ldumin', 'swp'];
const ORD = ['', 'a', 'l', 'al'];

export const lse: Gen[] = [
  one((r) => {
    const s = r.pick(SZ);
    return `${r.pick(LSE_OPS)}${r.pick(ORD)}${s.sfx} ${rs(r, s.is64)}, ${rd(r, s.is64)}, [${r.pick(ALIGNED_BASES)}]`;
  }),
  one((r) => {
    const s = r.pick(SZ);
    const op = r.pick(['stadd', 'stclr', 'steor', 'stset', 'stsmax', 'stsmin', 'stumax', 'stumin']);
    return `${op}${r.pick(['', 'l'])}${s.sfx} ${rs(r, s.is64)}, [${r.pick(ALIGNED_BASES)}]`;
  }),
  // CAS that succeeds (expected value loaded first) or, mostly by chance, fails.
  (r) => {
    const s = r.pick(SZ);
    const base = r.pick(ALIGNED_BASES);
    const c = xd(r);
    const out: string[] = [];
    if (r.bool(0.6)) out.push(`ldr${s.sfx} ${R(c, s.is64)}, [${base}]`);
    out.push(`cas${r.pick(ORD)}${s.sfx} ${R(c, s.is64)}, ${rs(r, s.is64)}, [${base}]`);
    return out;
  },
  (r) => {
    const is64 = r.bool();
    const base = r.pick(ALIGNED_BASES);
    const c = r.int(0, 9) * 2;
    const t = r.int(0, 10) * 2;
    const out: string[] = [];
    if (r.bool(0.6)) out.push(`ldp ${R(c, is64)}, ${R(c + 1, is64)}, [${base}]`);
    out.push(`casp${r.pick(ORD)} ${R(c, is64)}, ${R(c + 1, is64)}, ${R(t, is64)}, ${R(t + 1, is64)}, [${base}]`);
    return out;
  },
];

// ---------------------------------------------------------------- system registers
/** FPCR values QEMU and the architecture agree on: RMode, FZ, DN, AHP (trap enables are RAZ/WI). */
export function fpcrValue(r: Prng): number {
  let v = r.int(0, 3) << 22;
  if (r.bool(0.25)) v |= 1 << 24;
  if (r.bool(0.25)) v |= 1 << 25;
  if (r.bool(0.15)) v |= 1 << 26;
  return v;
}

export const sysreg: Gen[] = [
  one((r) => `mrs ${X(xd(r))}, ${r.pick(['nzcv', 'fpcr', 'fpsr', 'tpidr_el0'])}`),
  one((r) => `msr ${r.pick(['nzcv', 'tpidr_el0'])}, ${X(srcNum(r))}`),
  (r) => {
    const t = xd(r);
    return [`mov ${X(t)}, #${fpcrValue(r)}`, `msr fpcr, ${X(t)}`];
  },
  (r) => {
    const t = xd(r);
    const lo = r.int(0, 0x9f) & 0x9f;
    const out = [`mov ${X(t)}, #${lo}`];
    if (r.bool(0.3)) out.push(`movk ${X(t)}, #0x800, lsl #16`);
    out.push(`msr fpsr, ${X(t)}`);
    return out;
  },
  flagSetter,
];

// ---------------------------------------------------------------- branches
const branchBody: Gen[] = [...intCond, ...intShifted.slice(0, 2), ...intImm.slice(0, 3)];

/** Straight-line integer code with one or two forward branches (taken or not) to labels inside it. */
export function branchSeq(r: Prng): string[] {
  const n = r.int(2, 5);
  const body: string[][] = [];
  for (let i = 0; i < n; i++) body.push(r.pick(branchBody)(r));
  const nBranches = r.bool(0.3) ? 2 : 1;
  const inserts: { at: number; lines: string[] }[] = [];
  const labels: { at: number; name: string }[] = [];
  for (let k = 1; k <= nBranches; k++) {
    const at = r.int(0, n - 1);
    const target = r.int(at + 1, n);
    const lbl = `${k}f`;
    inserts.push({ at, lines: branchInsn(r, lbl) });
    labels.push({ at: target, name: `${k}:` });
  }
  const out: string[] = [];
  for (let i = 0; i <= n; i++) {
    for (const l of labels) if (l.at === i) out.push(l.name);
    for (const ins of inserts) if (ins.at === i) out.push(...ins.lines);
    if (i < n) out.push(...body[i]);
  }
  return out;
}

function branchInsn(r: Prng, lbl: string): string[] {
  const is64 = r.bool();
  switch (r.int(0, 9)) {
    case 0:
    case 1:
    case 2:
      return [`b.${r.pick(CONDS)} ${lbl}`];
    case 3:
      return [`${r.pick(['cbz', 'cbnz'])} ${rs(r, is64)}, ${lbl}`];
    case 4:
    case 5:
      return [`${r.pick(['tbz', 'tbnz'])} ${rs(r, is64)}, #${r.int(0, is64 ? 63 : 31)}, ${lbl}`];
    case 6:
      return [`b ${lbl}`];
    case 7:
      return [`bl ${lbl}`];
    default: {
      const t = xd(r);
      return [`adr ${X(t)}, ${lbl}`, `${r.pick(['br', 'blr', 'ret'])} ${X(t)}`];
    }
  }
}
