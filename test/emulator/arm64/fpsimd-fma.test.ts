import { strict as assert } from 'node:assert';
import { fixtureTest } from './fpsimd-support/suite';
import { fmuladd, fbin } from '../../../emulator/arm64/fpsimd/fp-arith';
import { fpBinary, fpMulAdd, out, FMT_S, FMT_D, IXC, UFC, OPF_ADD } from '../../../emulator/arm64/fpsimd/softfloat';

const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);
function bitsS(x: number): number {
  f32[0] = x;
  return i32[0];
}

/** xorshift so the test is deterministic */
let s = 0x9e3779b9;
function rnd(): number {
  s ^= s << 13;
  s ^= s >>> 17;
  s ^= s << 5;
  return (s >>> 0) / 4294967296;
}

describe('arm64 fpsimd: fused multiply-add and the fast paths', () => {
  fixtureTest('edge-fp', 'hand-picked FMA/arith/convert operands in every rounding mode, FZ and DN');

  it('single-precision fma fast path equals the exact core (cancellation, midpoints, no double rounding)', () => {
    const st = { fpcr: 0, fpsr: 0 };
    const ref = { fpcr: 0, fpsr: 0 };
    let mismatches = 0;
    for (let i = 0; i < 20000; i++) {
      const n = Math.fround((1 + rnd()) * 2 ** Math.floor(rnd() * 40 - 20));
      const m = Math.fround((1 + rnd()) * 2 ** Math.floor(rnd() * 40 - 20));
      const p = n * m;
      const k = Math.floor(rnd() * 4);
      // Addends that cancel the product to various depths or sit a few ulps away from it.
      const c = Math.fround(k === 0 ? -p : k === 1 ? -p * (1 + 2 ** -(10 + Math.floor(rnd() * 30))) : k === 2 ? p * 2 ** -(24 + Math.floor(rnd() * 30)) : -Math.fround(p) + p * 2 ** -25);
      st.fpsr = 0;
      ref.fpsr = 0;
      const a = fmuladd(st, FMT_S, bitsS(c), 0, bitsS(n), 0, bitsS(m), 0);
      const b = fpMulAdd(ref, FMT_S, bitsS(c), 0, bitsS(n), 0, bitsS(m), 0);
      if (a !== b || st.fpsr !== ref.fpsr) mismatches++;
    }
    assert.equal(mismatches, 0);
  });

  it('a result that needs far more than 106 bits rounds once (double)', () => {
    // (1 + 2^-52) * (1 - 2^-52) + 2^-1074 = 1 - 2^-104 + 2^-1074: rounds to 1.0 nearest, below 1 toward zero.
    const st = { fpcr: 0, fpsr: 0 };
    const up = [1, 0x3ff00000]; // 1 + 2^-52
    const tiny = [1, 0]; // 2^-1074
    const n = up;
    const m = [-1, 0x3fefffff]; // 1 - 2^-53
    const lo = fpMulAdd(st, FMT_D, tiny[0], tiny[1], n[0], n[1], m[0], m[1]);
    // exact = (1 + 2^-52)(1 - 2^-53) + 2^-1074 = 1 + 2^-53 - 2^-105 + 2^-1074: just below the midpoint -> 1.0
    assert.deepEqual([lo >>> 0, out.hi >>> 0], [0, 0x3ff00000]);
    assert.equal(st.fpsr, IXC);
    st.fpcr = 1 << 22; // round toward +inf
    st.fpsr = 0;
    const r = fpMulAdd(st, FMT_D, tiny[0], tiny[1], n[0], n[1], m[0], m[1]);
    assert.deepEqual([r >>> 0, out.hi >>> 0], [1, 0x3ff00000]);
  });

  it('double fma fast path equals the exact core (cancellation, tiny and huge addends)', () => {
    const st = { fpcr: 0, fpsr: 0 };
    const ref = { fpcr: 0, fpsr: 0 };
    const d = new Float64Array(1);
    const di = new Int32Array(d.buffer);
    const bits = (x: number): [number, number] => {
      d[0] = x;
      return [di[0], di[1]];
    };
    let bad = 0;
    for (let i = 0; i < 20000; i++) {
      const n = (1 + rnd()) * 2 ** Math.floor(rnd() * 60 - 30);
      const m = (rnd() - 0.5) * 2 ** Math.floor(rnd() * 60 - 30);
      const p = n * m;
      const k = Math.floor(rnd() * 4);
      const c = k === 0 ? -p : k === 1 ? -p * (1 + 2 ** -(20 + Math.floor(rnd() * 40))) : k === 2 ? p * 2 ** -(40 + Math.floor(rnd() * 40)) : (rnd() - 0.5) * 2 ** Math.floor(rnd() * 80 - 40);
      const [cl, ch] = bits(c);
      const [nl, nh] = bits(n);
      const [ml, mh] = bits(m);
      st.fpsr = ref.fpsr = 0;
      const a = fmuladd(st, FMT_D, cl, ch, nl, nh, ml, mh);
      const ah = out.hi;
      const b = fpMulAdd(ref, FMT_D, cl, ch, nl, nh, ml, mh);
      if (a !== b || ah !== out.hi || st.fpsr !== ref.fpsr) bad++;
    }
    assert.equal(bad, 0);
  });

  it('double add fast path agrees with the exact core on random operands', () => {
    const st = { fpcr: 0, fpsr: 0 };
    const ref = { fpcr: 0, fpsr: 0 };
    const d = new Float64Array(1);
    const di = new Int32Array(d.buffer);
    let bad = 0;
    for (let i = 0; i < 5000; i++) {
      d[0] = (rnd() - 0.5) * 2 ** Math.floor(rnd() * 200 - 100);
      const alo = di[0];
      const ahi = di[1];
      d[0] = (rnd() - 0.5) * 2 ** Math.floor(rnd() * 200 - 100);
      const blo = di[0];
      const bhi = di[1];
      st.fpsr = ref.fpsr = 0;
      const x = fbin(st, OPF_ADD, FMT_D, alo, ahi, blo, bhi);
      const xh = out.hi;
      const y = fpBinary(ref, OPF_ADD, FMT_D, alo, ahi, blo, bhi);
      if (x !== y || xh !== out.hi || st.fpsr !== ref.fpsr) bad++;
    }
    assert.equal(bad, 0);
    assert.equal(UFC, 8);
  });
});
