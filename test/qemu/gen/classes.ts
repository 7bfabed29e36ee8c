/**
 * The instruction classes of the differential test, how many sequences each gets, and how a sequence
 * of a class is generated. Everything is a pure function of the seed.
 */
import { Prng, hashString } from './prng';
import {
  Gen, branchSeq, crc, exclusive, int1src, int2src, int3src, intBitfield, intCond, intExtended, intImm, intShifted,
  ldstAcqRel, ldstInt, ldstPair, lse, sysreg,
} from './int-classes';
import {
  fpArith, fpCmp, fpCvt, fpFma, fpImmGen, fpRmodeSeq, ldstFp, ldstStruct, simdFp, simdIntArith, simdLogic,
  simdMoveImm, simdMulElem, simdPermute, simdReduce, simdShift, simdWiden,
} from './fp-classes';

export interface SeqClass {
  name: string;
  count: number;
  /** Sequences of this class touch memory: the guest resets and checksums the scratch buffer. */
  memory: boolean;
  make: (r: Prng) => string[];
}

export interface Sequence {
  cls: string;
  /** Index within its class. */
  index: number;
  lines: string[];
  memory: boolean;
}

/** 2-6 instructions drawn from the class's generators (a generator may emit a short fixed pattern). */
function mix(gens: Gen[], min = 2, max = 6): (r: Prng) => string[] {
  return (r) => {
    const out: string[] = [];
    const n = r.int(min, max);
    while (out.length < n) out.push(...r.pick(gens)(r));
    return out;
  };
}

export const CLASSES: SeqClass[] = [
  { name: 'int-imm', count: 1000, memory: false, make: mix(intImm) },
  { name: 'int-shifted', count: 1000, memory: false, make: mix(intShifted) },
  { name: 'int-extended', count: 800, memory: false, make: mix(intExtended) },
  { name: 'int-carry-cond', count: 1200, memory: false, make: mix(intCond) },
  { name: 'int-bitfield', count: 1000, memory: false, make: mix(intBitfield) },
  { name: 'int-1src', count: 500, memory: false, make: mix(int1src) },
  { name: 'int-2src', count: 800, memory: false, make: mix(int2src) },
  { name: 'int-3src', count: 800, memory: false, make: mix(int3src) },
  { name: 'crc32', count: 400, memory: false, make: mix(crc) },
  { name: 'branch', count: 1200, memory: false, make: branchSeq },
  { name: 'sysreg', count: 400, memory: false, make: mix(sysreg) },
  { name: 'ldst-int', count: 1200, memory: true, make: mix(ldstInt) },
  { name: 'ldst-pair', count: 700, memory: true, make: mix(ldstPair) },
  { name: 'ldst-acqrel', count: 300, memory: true, make: mix(ldstAcqRel) },
  { name: 'exclusive', count: 500, memory: true, make: mix(exclusive, 1, 2) },
  { name: 'lse', count: 800, memory: true, make: mix(lse, 1, 4) },
  { name: 'ldst-fp', count: 800, memory: true, make: mix(ldstFp) },
  { name: 'ldst-struct', count: 800, memory: true, make: mix(ldstStruct) },
  { name: 'fp-arith', count: 1000, memory: false, make: mix(fpArith) },
  { name: 'fp-fma', count: 400, memory: false, make: mix(fpFma) },
  { name: 'fp-cmp', count: 600, memory: false, make: mix(fpCmp) },
  { name: 'fp-cvt', count: 1200, memory: false, make: mix(fpCvt) },
  { name: 'fp-rmode', count: 800, memory: false, make: fpRmodeSeq },
  { name: 'fp-imm', count: 200, memory: false, make: mix(fpImmGen) },
  { name: 'simd-int', count: 1000, memory: false, make: mix(simdIntArith) },
  { name: 'simd-logic', count: 500, memory: false, make: mix(simdLogic) },
  { name: 'simd-shift', count: 800, memory: false, make: mix(simdShift) },
  { name: 'simd-widen-narrow', count: 800, memory: false, make: mix(simdWiden) },
  { name: 'simd-mul-elem', count: 500, memory: false, make: mix(simdMulElem) },
  { name: 'simd-permute', count: 800, memory: false, make: mix(simdPermute) },
  { name: 'simd-reduce', count: 600, memory: false, make: mix(simdReduce) },
  { name: 'simd-fp', count: 800, memory: false, make: mix(simdFp) },
  { name: 'simd-move-imm', count: 300, memory: false, make: mix(simdMoveImm) },
  // Interactions: flags, loads, FP and vector ops in one sequence (no exclusives/atomics: writeback may
  // misalign the bases they need aligned).
  {
    name: 'mixed',
    count: 1000,
    memory: true,
    make: mix([...intImm, ...intShifted, ...intCond, ...intBitfield, ...int3src, ...ldstInt, ...ldstPair, ...ldstFp, ...fpArith, ...fpCmp, ...fpCvt, ...simdIntArith, ...simdPermute], 3, 6),
  },
];

export const DEFAULT_SEED = 0x5eed2026;

/** All sequences of one class: seeded by (seed, class name) so classes can change independently. */
export function generateClass(cls: SeqClass, seed: number, scale = 1): Sequence[] {
  const r = new Prng((seed ^ hashString(cls.name)) | 0);
  const n = Math.max(1, Math.round(cls.count * scale));
  const out: Sequence[] = [];
  for (let i = 0; i < n; i++) out.push({ cls: cls.name, index: i, lines: cls.make(r), memory: cls.memory });
  return out;
}

export function totalCount(scale = 1): number {
  return CLASSES.reduce((n, c) => n + Math.max(1, Math.round(c.count * scale)), 0);
}
