import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { readCases } from './fpsimd-support/harness';

/**
 * The oracle fixtures are random; this pins down that they really exercise what the FP unit must get
 * right (every rounding mode, FZ, DN, each cumulative exception flag, NaN operands), so a regenerated
 * fixture cannot silently lose coverage.
 */
describe('arm64 fpsimd: oracle fixture coverage', () => {
  const cases = ['scalar-fp', 'conv-fp', 'edge-fp'].flatMap((n) => readCases(join(__dirname, 'fpsimd-support', `${n}.json`)));

  it('covers every FPCR rounding mode, FZ and DN', () => {
    for (let m = 0; m < 4; m++) assert.ok(cases.filter((c) => ((c.fpcr >>> 22) & 3) === m).length > 200, `RMode ${m}`);
    assert.ok(cases.filter((c) => c.fpcr & (1 << 24)).length > 200, 'FZ');
    assert.ok(cases.filter((c) => c.fpcr & (1 << 25)).length > 200, 'DN');
  });

  it('sees QEMU raise each cumulative exception flag many times', () => {
    const flags: [string, number][] = [['IOC', 1], ['DZC', 2], ['OFC', 4], ['UFC', 8], ['IXC', 16], ['IDC', 128]];
    for (const [name, bit] of flags) assert.ok(cases.filter((c) => c.out.fpsr & bit).length > 20, name);
  });

  it('includes signalling and quiet NaN operands in single and double precision', () => {
    let sS = 0;
    let sD = 0;
    for (const c of cases) {
      for (const v of c.v) {
        const b = Buffer.from(v, 'hex');
        const s32 = b.readUInt32LE(0);
        const d64 = b.readBigUInt64LE(0);
        if ((s32 & 0x7fc00000) === 0x7f800000 && (s32 & 0x3fffff) !== 0) sS++;
        if ((d64 & 0x7ff8000000000000n) === 0x7ff0000000000000n && (d64 & 0x7ffffffffffffn) !== 0n) sD++;
      }
    }
    assert.ok(sS > 50 && sD > 50, `sNaN single ${sS}, double ${sD}`);
  });
});
