import { fixtureTest } from './fpsimd-support/suite';

describe('arm64 fpsimd: scalar FP (oracle: qemu-aarch64 -cpu max)', () => {
  fixtureTest('scalar-fp', 'arithmetic, fused multiply-add, compare, select, FMOV imm (H/S/D, all FPCR modes)');
  fixtureTest('half-fp', 'FCVT to/from half precision, IEEE and alternative (FPCR.AHP) formats');
  fixtureTest('frintts', 'FRINT32Z/X, FRINT64Z/X scalar and vector');
  fixtureTest('conv-fp', 'FP<->integer conversions, fixed point, FMOV general');
});
