/**
 * Instruction generators for scalar FP and AdvSIMD: arithmetic, fused multiply-add, compares into NZCV,
 * conversions (also under every FPCR rounding mode), vector integer/FP ops, permutes, reductions,
 * immediates and structure loads/stores.
 */
import { Prng } from './prng';
import {
  ARR_ALL, ARR_B, ARR_F, ARR_HS, ARR_NO2D, BASES, CONDS_ALL, R, W, X, elt, esize, fpImm, lanes, srcNum, vreg, xd,
} from './operands';
import { Gen, addrSingle, fpcrValue } from './int-classes';

const one = (f: (r: Prng) => string): Gen => (r) => [f(r)];
const ESIZE: Record<string, number> = { b: 8, h: 16, s: 32, d: 64 };
const V = (r: Prng, arr: string): string => `v${vreg(r)}.${arr}`;
const P = (r: Prng): string => r.pick(['s', 'd']);
const F = (r: Prng, p: string): string => `${p}${vreg(r)}`;

// ---------------------------------------------------------------- scalar FP
export const fpArith: Gen[] = [
  one((r) => {
    const p = P(r);
    const op = r.pick(['fadd', 'fsub', 'fmul', 'fdiv', 'fmax', 'fmin', 'fmaxnm', 'fminnm', 'fnmul', 'fabd', 'fmulx']);
    return `${op} ${F(r, p)}, ${F(r, p)}, ${F(r, p)}`;
  }),
  one((r) => {
    const p = P(r);
    return `${r.pick(['fabs', 'fneg', 'fsqrt', 'fmov', 'frecpe', 'frsqrte', 'frecpx'])} ${F(r, p)}, ${F(r, p)}`;
  }),
  one((r) => {
    const p = P(r);
    return `${r.pick(['frecps', 'frsqrts'])} ${F(r, p)}, ${F(r, p)}, ${F(r, p)}`;
  }),
];

export const fpFma: Gen[] = [
  one((r) => {
    const p = P(r);
    return `${r.pick(['fmadd', 'fmsub', 'fnmadd', 'fnmsub'])} ${F(r, p)}, ${F(r, p)}, ${F(r, p)}, ${F(r, p)}`;
  }),
  one((r) => {
    const arr = r.pick(ARR_F);
    return `${r.pick(['fmla', 'fmls'])} ${V(r, arr)}, ${V(r, arr)}, ${V(r, arr)}`;
  }),
];

export const fpCmp: Gen[] = [
  one((r) => {
    const p = P(r);
    return `${r.pick(['fcmp', 'fcmpe'])} ${F(r, p)}, ${r.bool(0.25) ? '#0.0' : F(r, p)}`;
  }),
  one((r) => {
    const p = P(r);
    return `${r.pick(['fccmp', 'fccmpe'])} ${F(r, p)}, ${F(r, p)}, #${r.int(0, 15)}, ${r.pick(CONDS_ALL)}`;
  }),
  one((r) => {
    const p = P(r);
    return `fcsel ${F(r, p)}, ${F(r, p)}, ${F(r, p)}, ${r.pick(CONDS_ALL)}`;
  }),
  one((r) => `cset ${W(xd(r))}, ${r.pick(['eq', 'ne', 'mi', 'pl', 'vs', 'vc', 'hi', 'ls', 'ge', 'lt', 'gt', 'le'])}`),
];

const CVT_TO_INT = ['fcvtzs', 'fcvtzu', 'fcvtns', 'fcvtnu', 'fcvtas', 'fcvtau', 'fcvtms', 'fcvtmu', 'fcvtps', 'fcvtpu'];
const FRINT = ['frintn', 'frinta', 'frintm', 'frintp', 'frintz', 'frintx', 'frinti'];

export const fpCvt: Gen[] = [
  one((r) => {
    const [d, s] = r.pick([['s', 'd'], ['d', 's'], ['h', 's'], ['s', 'h'], ['h', 'd'], ['d', 'h']]);
    return `fcvt ${F(r, d)}, ${F(r, s)}`;
  }),
  one((r) => {
    const is64 = r.bool();
    return `${r.pick(CVT_TO_INT)} ${R(xd(r), is64)}, ${F(r, P(r))}`;
  }),
  one((r) => {
    const is64 = r.bool();
    return `${r.pick(['fcvtzs', 'fcvtzu'])} ${R(xd(r), is64)}, ${F(r, P(r))}, #${r.int(1, is64 ? 64 : 32)}`;
  }),
  one((r) => {
    const is64 = r.bool();
    return `${r.pick(['scvtf', 'ucvtf'])} ${F(r, P(r))}, ${R(srcNum(r), is64)}`;
  }),
  one((r) => {
    const is64 = r.bool();
    return `${r.pick(['scvtf', 'ucvtf'])} ${F(r, P(r))}, ${R(srcNum(r), is64)}, #${r.int(1, is64 ? 64 : 32)}`;
  }),
  one((r) => {
    const p = P(r);
    return `${r.pick(FRINT)} ${F(r, p)}, ${F(r, p)}`;
  }),
  one((r) => {
    switch (r.int(0, 4)) {
      case 0:
        return `fmov ${W(xd(r))}, s${vreg(r)}`;
      case 1:
        return `fmov ${X(xd(r))}, d${vreg(r)}`;
      case 2:
        return `fmov s${vreg(r)}, ${W(srcNum(r))}`;
      case 3:
        return `fmov d${vreg(r)}, ${X(srcNum(r))}`;
      default:
        return r.bool() ? `fmov ${X(xd(r))}, v${vreg(r)}.d[1]` : `fmov v${vreg(r)}.d[1], ${X(srcNum(r))}`;
    }
  }),
  // SIMD scalar conversions (integer in an FP register), as compilers emit for int<->FP without a GPR trip.
  one((r) => {
    const p = P(r);
    return `${r.pick(['scvtf', 'ucvtf', 'fcvtzs', 'fcvtzu', 'fcvtns', 'fcvtau'])} ${F(r, p)}, ${F(r, p)}`;
  }),
];

/** FP work whose result depends on FPCR: rounding mode, flush-to-zero, default NaN, AHP. */
const fpRoundingSensitive: Gen[] = [
  ...fpArith.slice(0, 1),
  ...fpFma.slice(0, 1),
  one((r) => `fsqrt ${F(r, 'd')}, ${F(r, 'd')}`),
  one((r) => `${r.pick(['fcvt s', 'fcvt h'])}${vreg(r)}, d${vreg(r)}`),
  one((r) => `fcvt h${vreg(r)}, s${vreg(r)}`),
  one((r) => `fcvt s${vreg(r)}, h${vreg(r)}`),
  one((r) => `${r.pick(['frintx', 'frinti'])} ${F(r, 'd')}, ${F(r, 'd')}`),
  one((r) => `${r.pick(['frintx', 'frinti'])} ${F(r, 's')}, ${F(r, 's')}`),
  one((r) => `${r.pick(['scvtf', 'ucvtf'])} ${F(r, P(r))}, ${X(srcNum(r))}`),
  one((r) => `${r.pick(['fcvtzs', 'fcvtns'])} ${X(xd(r))}, ${F(r, P(r))}`),
  one((r) => {
    const arr = r.pick(ARR_F);
    return `${r.pick(['fadd', 'fmul', 'fdiv', 'fsub'])} ${V(r, arr)}, ${V(r, arr)}, ${V(r, arr)}`;
  }),
  one((r) => `${r.pick(['fcvtn', 'fcvtxn'])} v${vreg(r)}.2s, v${vreg(r)}.2d`),
  one((r) => {
    const arr = r.pick(ARR_F);
    return `${r.pick(['frintx', 'frinti'])} ${V(r, arr)}, ${V(r, arr)}`;
  }),
];

export function fpRmodeSeq(r: Prng): string[] {
  const t = xd(r);
  const out = [`mov ${X(t)}, #${fpcrValue(r)}`, `msr fpcr, ${X(t)}`];
  const n = r.int(1, 4);
  for (let i = 0; i < n; i++) out.push(...r.pick(fpRoundingSensitive)(r));
  return out;
}

export const fpImmGen: Gen[] = [
  one((r) => `fmov ${F(r, P(r))}, ${fpImm(r)}`),
  one((r) => (r.bool() ? `fmov s${vreg(r)}, wzr` : `fmov d${vreg(r)}, xzr`)),
  one((r) => {
    let m = '';
    for (let i = 0; i < 8; i++) m += r.bool() ? 'ff' : '00';
    return r.bool() ? `movi d${vreg(r)}, #0x${m}` : `movi v${vreg(r)}.2d, #0x${m}`;
  }),
];

// ---------------------------------------------------------------- FP/SIMD loads and stores
const FP_SIZES: { p: string; size: number }[] = [
  { p: 'b', size: 1 },
  { p: 'h', size: 2 },
  { p: 's', size: 4 },
  { p: 'd', size: 8 },
  { p: 'q', size: 16 },
];

export const ldstFp: Gen[] = [
  one((r) => {
    const s = r.pick(FP_SIZES);
    const a = addrSingle(r, s.size);
    const load = r.bool();
    const op = a.unscaled ? (load ? 'ldur' : 'stur') : load ? 'ldr' : 'str';
    return `${op} ${s.p}${vreg(r)}, ${a.text}`;
  }),
  one((r) => {
    const s = r.pick(FP_SIZES.slice(2));
    const b = r.pick(BASES);
    const a = vreg(r);
    let c = vreg(r);
    const load = r.bool();
    while (load && c === a) c = vreg(r);
    const k = r.int(-16, 15) * s.size;
    const mode = r.int(0, 3);
    const addr = mode === 0 ? `[${b}, #${k}]` : mode === 1 ? `[${b}, #${r.int(-4, 4) * s.size}]!` : mode === 2 ? `[${b}], #${r.int(-4, 4) * s.size}` : `[${b}]`;
    const op = load ? (mode === 3 && r.bool(0.3) ? 'ldnp' : 'ldp') : mode === 3 && r.bool(0.3) ? 'stnp' : 'stp';
    return `${op} ${s.p}${a}, ${s.p}${c}, ${addr}`;
  }),
  one((r) => {
    const s = r.pick(FP_SIZES.slice(2));
    return `ldr ${s.p}${vreg(r)}, gen_lits + ${r.int(0, 12) * 16}`;
  }),
];

/** LD1-LD4 / ST1-ST4: multiple structures, single lanes, replicate; with post-index writeback. */
export const ldstStruct: Gen[] = [
  one((r) => {
    const n = r.int(1, 4);
    const arr = n === 1 ? r.pick([...ARR_ALL, '1d']) : r.pick(ARR_ALL);
    const op = `${r.bool() ? 'ld' : 'st'}${n}`;
    // LD1/ST1 with several registers are contiguous copies; LD2-4 interleave.
    const count = op.endsWith('1') ? r.int(1, 4) : n;
    const first = r.int(0, 32 - count);
    const regs = Array.from({ length: count }, (_, i) => `v${first + i}.${arr}`).join(', ');
    const bytes = count * (arr === '1d' ? 8 : (lanes(arr) * esize(arr)) / 8);
    return `${op} {${regs}}, ${structAddr(r, bytes)}`;
  }),
  one((r) => {
    const n = r.int(1, 4);
    const e = r.pick(['b', 'h', 's', 'd']);
    const nl = 128 / ESIZE[e];
    const first = r.int(0, 32 - n);
    const regs = Array.from({ length: n }, (_, i) => `v${first + i}.${e}`).join(', ');
    const bytes = (n * ESIZE[e]) / 8;
    return `${r.bool() ? 'ld' : 'st'}${n} {${regs}}[${r.int(0, nl - 1)}], ${structAddr(r, bytes)}`;
  }),
  one((r) => {
    const n = r.int(1, 4);
    const arr = r.pick([...ARR_ALL, '1d']);
    const first = r.int(0, 32 - n);
    const regs = Array.from({ length: n }, (_, i) => `v${first + i}.${arr}`).join(', ');
    return `ld${n}r {${regs}}, ${structAddr(r, (n * esize(arr)) / 8)}`;
  }),
];

function structAddr(r: Prng, bytes: number): string {
  const b = r.pick(BASES);
  switch (r.int(0, 2)) {
    case 0:
      return `[${b}]`;
    case 1:
      return `[${b}], #${bytes}`;
    default:
      return `[${b}], x22`;
  }
}

// ---------------------------------------------------------------- AdvSIMD integer
export const simdIntArith: Gen[] = [
  one((r) => {
    const arr = r.pick(ARR_ALL);
    const op = r.pick(['add', 'sub', 'sqadd', 'uqadd', 'sqsub', 'uqsub', 'cmeq', 'cmgt', 'cmge', 'cmhi', 'cmhs', 'cmtst', 'addp', 'sshl', 'ushl', 'srshl', 'urshl', 'sqshl', 'uqshl', 'sqrshl', 'uqrshl']);
    return `${op} ${V(r, arr)}, ${V(r, arr)}, ${V(r, arr)}`;
  }),
  one((r) => {
    const arr = r.pick(ARR_NO2D);
    const op = r.pick(['mul', 'mla', 'mls', 'smax', 'smin', 'umax', 'umin', 'sabd', 'uabd', 'saba', 'uaba', 'shadd', 'uhadd', 'srhadd', 'urhadd', 'shsub', 'uhsub', 'smaxp', 'sminp', 'umaxp', 'uminp']);
    return `${op} ${V(r, arr)}, ${V(r, arr)}, ${V(r, arr)}`;
  }),
  one((r) => {
    const arr = r.pick(ARR_HS);
    return `${r.pick(['sqdmulh', 'sqrdmulh'])} ${V(r, arr)}, ${V(r, arr)}, ${V(r, arr)}`;
  }),
  one((r) => {
    const arr = r.pick(ARR_ALL);
    return `${r.pick(['abs', 'neg', 'sqabs', 'sqneg'])} ${V(r, arr)}, ${V(r, arr)}`;
  }),
  one((r) => {
    const arr = r.pick(ARR_ALL);
    return `${r.pick(['cmeq', 'cmge', 'cmgt', 'cmle', 'cmlt'])} ${V(r, arr)}, ${V(r, arr)}, #0`;
  }),
  one((r) => `${r.pick(['add', 'sub', 'cmeq', 'cmgt', 'cmhi', 'sqadd', 'uqsub', 'ushl'])} d${vreg(r)}, d${vreg(r)}, d${vreg(r)}`),
  one((r) => `${r.pick(['abs', 'neg'])} d${vreg(r)}, d${vreg(r)}`),
];

export const simdLogic: Gen[] = [
  one((r) => {
    const arr = r.pick(ARR_B);
    return `${r.pick(['and', 'orr', 'eor', 'bic', 'orn', 'bsl', 'bit', 'bif'])} ${V(r, arr)}, ${V(r, arr)}, ${V(r, arr)}`;
  }),
  one((r) => {
    const arr = r.pick(ARR_B);
    return `${r.pick(['not', 'rbit', 'cnt'])} ${V(r, arr)}, ${V(r, arr)}`;
  }),
  one((r) => {
    const arr = r.pick(ARR_NO2D);
    return `${r.pick(['clz', 'cls'])} ${V(r, arr)}, ${V(r, arr)}`;
  }),
  one((r) => `mov v${vreg(r)}.16b, v${vreg(r)}.16b`),
];

export const simdShift: Gen[] = [
  one((r) => {
    const arr = r.pick(ARR_ALL);
    const es = esize(arr);
    const left = r.pick(['shl', 'sli', 'sqshl', 'uqshl', 'sqshlu']);
    const right = r.pick(['sshr', 'ushr', 'ssra', 'usra', 'srshr', 'urshr', 'srsra', 'ursra', 'sri']);
    return r.bool()
      ? `${left} ${V(r, arr)}, ${V(r, arr)}, #${r.int(0, es - 1)}`
      : `${right} ${V(r, arr)}, ${V(r, arr)}, #${r.int(1, es)}`;
  }),
  one((r) => {
    const [n, w] = r.pick([['8b', '8h'], ['4h', '4s'], ['2s', '2d'], ['16b', '8h'], ['8h', '4s'], ['4s', '2d']]);
    const hi = n === '16b' || n === '8h' || n === '4s';
    const op = r.pick(['shrn', 'rshrn', 'sqshrn', 'uqshrn', 'sqrshrn', 'uqrshrn', 'sqshrun', 'sqrshrun']);
    return `${op}${hi ? '2' : ''} ${V(r, n)}, ${V(r, w)}, #${r.int(1, esize(n))}`;
  }),
  one((r) => {
    const [w, n] = r.pick([['8h', '8b'], ['4s', '4h'], ['2d', '2s'], ['8h', '16b'], ['4s', '8h'], ['2d', '4s']]);
    const hi = n === '16b' || n === '8h' || n === '4s';
    if (r.bool(0.3)) return `${r.pick(['sxtl', 'uxtl'])}${hi ? '2' : ''} ${V(r, w)}, ${V(r, n)}`;
    return `${r.pick(['sshll', 'ushll'])}${hi ? '2' : ''} ${V(r, w)}, ${V(r, n)}, #${r.int(0, esize(n) - 1)}`;
  }),
  one((r) => r.bool()
    ? `${r.pick(['shl', 'sli'])} d${vreg(r)}, d${vreg(r)}, #${r.int(0, 63)}`
    : `${r.pick(['sshr', 'ushr', 'ssra', 'usra', 'srshr', 'urshr', 'sri'])} d${vreg(r)}, d${vreg(r)}, #${r.int(1, 64)}`),
];

const WIDE_PAIRS: [string, string][] = [['8h', '8b'], ['4s', '4h'], ['2d', '2s'], ['8h', '16b'], ['4s', '8h'], ['2d', '4s']];
const hiHalf = (n: string): boolean => n === '16b' || n === '8h' || n === '4s';

export const simdWiden: Gen[] = [
  one((r) => {
    const [w, n] = r.pick(WIDE_PAIRS);
    const op = r.pick(['saddl', 'uaddl', 'ssubl', 'usubl', 'smull', 'umull', 'smlal', 'umlal', 'smlsl', 'umlsl', 'sabdl', 'uabdl', 'sabal', 'uabal']);
    return `${op}${hiHalf(n) ? '2' : ''} ${V(r, w)}, ${V(r, n)}, ${V(r, n)}`;
  }),
  one((r) => {
    const [w, n] = r.pick(WIDE_PAIRS.filter(([, n]) => n !== '8b' && n !== '16b'));
    return `${r.pick(['sqdmull', 'sqdmlal', 'sqdmlsl'])}${hiHalf(n) ? '2' : ''} ${V(r, w)}, ${V(r, n)}, ${V(r, n)}`;
  }),
  one((r) => {
    const [w, n] = r.pick(WIDE_PAIRS);
    return `${r.pick(['saddw', 'uaddw', 'ssubw', 'usubw'])}${hiHalf(n) ? '2' : ''} ${V(r, w)}, ${V(r, w)}, ${V(r, n)}`;
  }),
  one((r) => {
    const [w, n] = r.pick(WIDE_PAIRS);
    return `${r.pick(['addhn', 'raddhn', 'subhn', 'rsubhn'])}${hiHalf(n) ? '2' : ''} ${V(r, n)}, ${V(r, w)}, ${V(r, w)}`;
  }),
  one((r) => {
    const [w, n] = r.pick(WIDE_PAIRS);
    return `${r.pick(['xtn', 'sqxtn', 'uqxtn', 'sqxtun'])}${hiHalf(n) ? '2' : ''} ${V(r, n)}, ${V(r, w)}`;
  }),
  one((r) => {
    const [d, s] = r.pick([['4h', '8b'], ['8h', '16b'], ['2s', '4h'], ['4s', '8h'], ['1d', '2s'], ['2d', '4s']]);
    return `${r.pick(['saddlp', 'uaddlp', 'sadalp', 'uadalp'])} ${V(r, d)}, ${V(r, s)}`;
  }),
  one((r) => (r.bool() ? `pmull ${V(r, '8h')}, ${V(r, '8b')}, ${V(r, '8b')}` : `pmull2 ${V(r, '8h')}, ${V(r, '16b')}, ${V(r, '16b')}`)),
];

export const simdMulElem: Gen[] = [
  one((r) => {
    const arr = r.pick(ARR_HS);
    const e = elt(arr);
    const m = e === 'h' ? r.int(0, 15) : vreg(r);
    const idx = r.int(0, e === 'h' ? 7 : 3);
    return `${r.pick(['mul', 'mla', 'mls', 'sqdmulh', 'sqrdmulh'])} ${V(r, arr)}, ${V(r, arr)}, v${m}.${e}[${idx}]`;
  }),
  one((r) => {
    const [w, n] = r.pick(WIDE_PAIRS.filter(([, n]) => n !== '8b' && n !== '16b'));
    const e = elt(n);
    const m = e === 'h' ? r.int(0, 15) : vreg(r);
    const idx = r.int(0, e === 'h' ? 7 : 3);
    return `${r.pick(['smull', 'umull', 'smlal', 'umlal', 'sqdmull'])}${hiHalf(n) ? '2' : ''} ${V(r, w)}, ${V(r, n)}, v${m}.${e}[${idx}]`;
  }),
  one((r) => {
    const arr = r.pick(ARR_F);
    const e = elt(arr);
    return `${r.pick(['fmul', 'fmla', 'fmls', 'fmulx'])} ${V(r, arr)}, ${V(r, arr)}, v${vreg(r)}.${e}[${r.int(0, e === 'd' ? 1 : 3)}]`;
  }),
  one((r) => {
    const p = P(r);
    return `${r.pick(['fmul', 'fmla', 'fmls'])} ${p}${vreg(r)}, ${p}${vreg(r)}, v${vreg(r)}.${p}[${r.int(0, p === 'd' ? 1 : 3)}]`;
  }),
];

export const simdPermute: Gen[] = [
  one((r) => {
    const arr = r.pick(ARR_ALL);
    return `${r.pick(['zip1', 'zip2', 'uzp1', 'uzp2', 'trn1', 'trn2'])} ${V(r, arr)}, ${V(r, arr)}, ${V(r, arr)}`;
  }),
  one((r) => {
    const arr = r.pick(ARR_B);
    return `ext ${V(r, arr)}, ${V(r, arr)}, ${V(r, arr)}, #${r.int(0, arr === '8b' ? 7 : 15)}`;
  }),
  one((r) => {
    const n = r.int(1, 4);
    const first = r.int(0, 32 - n);
    const regs = Array.from({ length: n }, (_, i) => `v${first + i}.16b`).join(', ');
    const arr = r.pick(ARR_B);
    return `${r.pick(['tbl', 'tbx'])} ${V(r, arr)}, {${regs}}, ${V(r, arr)}`;
  }),
  one((r) => {
    const arr = r.pick(ARR_ALL);
    const e = elt(arr);
    return `dup ${V(r, arr)}, v${vreg(r)}.${e}[${r.int(0, 128 / esize(arr) - 1)}]`;
  }),
  one((r) => {
    const arr = r.pick(ARR_ALL);
    return `dup ${V(r, arr)}, ${arr === '2d' ? X(srcNum(r)) : W(srcNum(r))}`;
  }),
  one((r) => {
    const e = r.pick(['b', 'h', 's', 'd']);
    const n = 128 / ESIZE[e];
    return r.bool()
      ? `mov v${vreg(r)}.${e}[${r.int(0, n - 1)}], v${vreg(r)}.${e}[${r.int(0, n - 1)}]`
      : `mov v${vreg(r)}.${e}[${r.int(0, n - 1)}], ${e === 'd' ? X(srcNum(r)) : W(srcNum(r))}`;
  }),
  one((r) => {
    const [op, arrs] = r.pick([['rev16', ['8b', '16b']], ['rev32', ['8b', '16b', '4h', '8h']], ['rev64', ['8b', '16b', '4h', '8h', '2s', '4s']]] as const);
    const arr = r.pick(arrs);
    return `${op} ${V(r, arr)}, ${V(r, arr)}`;
  }),
  one((r) => {
    const e = r.pick(['b', 'h', 's', 'd']);
    return `mov ${e}${vreg(r)}, v${vreg(r)}.${e}[${r.int(0, 128 / ESIZE[e] - 1)}]`;
  }),
];

export const simdReduce: Gen[] = [
  one((r) => {
    const arr = r.pick(['8b', '16b', '4h', '8h', '4s']);
    const d = { b: 'b', h: 'h', s: 's' }[elt(arr) as 'b' | 'h' | 's'];
    return `${r.pick(['addv', 'smaxv', 'sminv', 'umaxv', 'uminv'])} ${d}${vreg(r)}, ${V(r, arr)}`;
  }),
  one((r) => {
    const [d, arr] = r.pick([['h', '8b'], ['h', '16b'], ['s', '4h'], ['s', '8h'], ['d', '4s']]);
    return `${r.pick(['saddlv', 'uaddlv'])} ${d}${vreg(r)}, ${V(r, arr)}`;
  }),
  one((r) => `addp d${vreg(r)}, v${vreg(r)}.2d`),
  one((r) => {
    const [p, arr] = r.pick([['s', '2s'], ['d', '2d']]);
    return `${r.pick(['faddp', 'fmaxp', 'fminp', 'fmaxnmp', 'fminnmp'])} ${p}${vreg(r)}, ${V(r, arr)}`;
  }),
  one((r) => `${r.pick(['fmaxv', 'fminv', 'fmaxnmv', 'fminnmv'])} s${vreg(r)}, ${V(r, '4s')}`),
  one((r) => {
    const e = r.pick(['b', 'h', 's', 'd']);
    const n = 128 / ESIZE[e];
    const i = r.int(0, n - 1);
    if (e === 'd') return `umov ${X(xd(r))}, v${vreg(r)}.d[${i}]`;
    if (e === 's') return r.bool() ? `umov ${W(xd(r))}, v${vreg(r)}.s[${i}]` : `smov ${X(xd(r))}, v${vreg(r)}.s[${i}]`;
    // UMOV of a byte/halfword only has a W destination; SMOV has both.
    if (r.bool()) return `umov ${W(xd(r))}, v${vreg(r)}.${e}[${i}]`;
    return `smov ${r.bool() ? W(xd(r)) : X(xd(r))}, v${vreg(r)}.${e}[${i}]`;
  }),
];

export const simdFp: Gen[] = [
  one((r) => {
    const arr = r.pick(ARR_F);
    const op = r.pick(['fadd', 'fsub', 'fmul', 'fdiv', 'fmax', 'fmin', 'fmaxnm', 'fminnm', 'fabd', 'faddp', 'fmaxp', 'fminp', 'fmulx', 'frecps', 'frsqrts', 'fcmeq', 'fcmge', 'fcmgt', 'facge', 'facgt']);
    return `${op} ${V(r, arr)}, ${V(r, arr)}, ${V(r, arr)}`;
  }),
  one((r) => {
    const arr = r.pick(ARR_F);
    const op = r.pick(['fabs', 'fneg', 'fsqrt', ...FRINT, 'fcvtzs', 'fcvtzu', 'fcvtns', 'fcvtnu', 'fcvtas', 'fcvtms', 'fcvtpu', 'scvtf', 'ucvtf', 'frecpe', 'frsqrte']);
    return `${op} ${V(r, arr)}, ${V(r, arr)}`;
  }),
  one((r) => {
    const arr = r.pick(ARR_F);
    return `${r.pick(['fcmeq', 'fcmge', 'fcmgt', 'fcmle', 'fcmlt'])} ${V(r, arr)}, ${V(r, arr)}, #0.0`;
  }),
  one((r) => {
    const arr = r.pick(ARR_F);
    const es = esize(arr);
    return `${r.pick(['scvtf', 'ucvtf', 'fcvtzs', 'fcvtzu'])} ${V(r, arr)}, ${V(r, arr)}, #${r.int(1, es)}`;
  }),
  one((r) => {
    switch (r.int(0, 3)) {
      case 0:
        return r.bool() ? `fcvtl ${V(r, '4s')}, ${V(r, '4h')}` : `fcvtl2 ${V(r, '4s')}, ${V(r, '8h')}`;
      case 1:
        return r.bool() ? `fcvtl ${V(r, '2d')}, ${V(r, '2s')}` : `fcvtl2 ${V(r, '2d')}, ${V(r, '4s')}`;
      case 2:
        return r.bool() ? `fcvtn ${V(r, '4h')}, ${V(r, '4s')}` : `fcvtn2 ${V(r, '8h')}, ${V(r, '4s')}`;
      default:
        return r.bool() ? `${r.pick(['fcvtn', 'fcvtxn'])} ${V(r, '2s')}, ${V(r, '2d')}` : `fcvtn2 ${V(r, '4s')}, ${V(r, '2d')}`;
    }
  }),
  one((r) => {
    const arr = r.pick(['2s', '4s']);
    return `${r.pick(['urecpe', 'ursqrte'])} ${V(r, arr)}, ${V(r, arr)}`;
  }),
];

export const simdMoveImm: Gen[] = [
  one((r) => {
    const arr = r.pick(ARR_B);
    return `movi ${V(r, arr)}, #${r.int(0, 255)}`;
  }),
  one((r) => {
    const arr = r.pick(ARR_HS);
    const shifts = esize(arr) === 16 ? [0, 8] : [0, 8, 16, 24];
    const op = r.pick(['movi', 'mvni', 'orr', 'bic']);
    return `${op} ${V(r, arr)}, #${r.int(0, 255)}, lsl #${r.pick(shifts)}`;
  }),
  one((r) => {
    const arr = r.pick(['2s', '4s']);
    return `${r.pick(['movi', 'mvni'])} ${V(r, arr)}, #${r.int(0, 255)}, msl #${r.pick([8, 16])}`;
  }),
  one((r) => `fmov ${V(r, r.pick(ARR_F))}, ${fpImm(r)}`),
  ...fpImmGen,
];
