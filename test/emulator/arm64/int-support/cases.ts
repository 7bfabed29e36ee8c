import { IntCase, SCRATCH_BASE } from './layout';

/**
 * Integer-core cases checked against qemu-aarch64. Each case starts from defaultRegs() (edge values in
 * x0..x11: 0, 1, -1, INT64_MAX, INT64_MIN, 0xffffffff, 0x80000000, 0x7fffffff, 2^32, -2, two patterns;
 * pseudo-random values above) with `regs` overriding, so every instruction also sees the edge operands.
 */
const S = BigInt(SCRATCH_BASE);
const P = (off: number): bigint => S + BigInt(off);

/** One case per register pairing of a two-operand template over the edge registers. */
function sweep(name: string, tmpl: (d: string, n: string, m: string, ni: number) => string, w = false): IntCase[] {
  const r = (i: number): string => (w ? `w${i}` : `x${i}`);
  const lines: string[] = [];
  let d = 12;
  for (let n = 0; n < 12; n += 1) {
    for (let m = 0; m < 12; m += 3) {
      lines.push(tmpl(r(d), r(n), r(m), n));
      d = d === 28 ? 12 : d + 1;
    }
  }
  // chunk into cases of 16 lines so failures point somewhere useful
  const out: IntCase[] = [];
  for (let i = 0; i < lines.length; i += 16) out.push({ name: `${name}#${i / 16}`, asm: lines.slice(i, i + 16) });
  return out;
}

/** Flag-setting op followed by capturing NZCV through CSET chains so every flag is checked. */
function flagSweep(name: string, op: string, w: boolean): IntCase[] {
  const out: IntCase[] = [];
  const r = (i: number): string => (w ? `w${i}` : `x${i}`);
  for (let n = 0; n < 12; n++) {
    const asm: string[] = [];
    for (let m = 0; m < 12; m += 2) {
      asm.push(`${op} ${r(29)}, ${r(n)}, ${r(m)}`);
      asm.push(`mrs x28, nzcv`);
      asm.push(`eor x27, x27, x28, ror #${(m * 5) % 64}`);
      asm.push(`add x26, x26, x29`);
    }
    out.push({ name: `${name}-n${n}`, asm, regs: { 26: 0n, 27: 0n } });
  }
  return out;
}

const ALL_CONDS = ['eq', 'ne', 'cs', 'cc', 'mi', 'pl', 'vs', 'vc', 'hi', 'ls', 'ge', 'lt', 'gt', 'le', 'al', 'nv'];

const RAW_CASES: IntCase[] = [
  // ------------------------------------------------------------------ add/sub immediate, moves
  {
    name: 'addsub-imm',
    asm: [
      'add x12, x2, #1', 'add w13, w2, #1', 'sub x14, x0, #1', 'sub w15, w0, #4095', 'add x16, x3, #1, lsl #12',
      'sub w17, w6, #1, lsl #12', 'add x18, sp, #16', 'mov x19, sp', 'add sp, sp, #32', 'sub sp, sp, #48',
      'add w20, w5, #4095, lsl #12', 'add x21, x4, #0', 'sub x22, x4, #0xfff',
    ],
  },
  ...['adds', 'subs'].flatMap((op) => ['x', 'w'].map((w) => ({
    name: `${op}-imm-${w}`,
    asm: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [
      `${op} ${w}${12 + n}, ${w}${n}, #${n * 409}`, 'mrs x28, nzcv', `eor x27, x28, x27, ror #4`,
      `${op} ${w}${12 + n}, ${w}${n}, #1, lsl #12`, 'mrs x28, nzcv', `eor x27, x28, x27, ror #7`,
    ]),
  }))),
  { name: 'cmp-cmn-imm', asm: ['cmp x0, #0', 'mrs x12, nzcv', 'cmp x1, #2', 'mrs x13, nzcv', 'cmn x2, #1', 'mrs x14, nzcv', 'cmp w4, #0', 'mrs x15, nzcv', 'cmn w7, #1', 'mrs x16, nzcv', 'cmp sp, #16', 'mrs x17, nzcv', 'adds x18, sp, #8', 'subs w19, wsp, #8'] },
  {
    name: 'movwide',
    asm: [
      'movz x12, #0xffff, lsl #48', 'movn x13, #0', 'movn w14, #0', 'movn x15, #0x1234, lsl #16', 'movk x16, #0xbeef, lsl #32',
      'movk w17, #0xdead, lsl #16', 'movk x2, #0', 'movk w3, #0x8000', 'mov x18, #0x10000', 'mov w19, #-1', 'movn w20, #0xffff, lsl #16',
      'movz w21, #0x8000, lsl #16', 'movk x22, #1, lsl #48',
    ],
  },
  { name: 'adr', asm: ['adr x12, .', 'adr x13, .+1048575', 'adr x14, .-1048576', 'adrp x15, .', 'adrp x16, .+0x7fff0000', 'adrp x17, .-0x40000000'] },
  // ------------------------------------------------------------------ add/sub register
  ...sweep('add-reg', (d, n, m) => `add ${d}, ${n}, ${m}`),
  ...sweep('sub-reg-w', (d, n, m) => `sub ${d}, ${n}, ${m}`, true),
  ...sweep('add-shift', (d, n, m, ni) => `add ${d}, ${n}, ${m}, lsl #${(ni * 7 + 1) % 64}`),
  ...sweep('sub-shift-lsr', (d, n, m, ni) => `sub ${d}, ${n}, ${m}, lsr #${(ni * 11 + 3) % 64}`),
  ...sweep('add-shift-asr-w', (d, n, m, ni) => `add ${d}, ${n}, ${m}, asr #${(ni * 5 + 31) % 32}`, true),
  ...flagSweep('adds-x', 'adds', false),
  ...flagSweep('subs-x', 'subs', false),
  ...flagSweep('adds-w', 'adds', true),
  ...flagSweep('subs-w', 'subs', true),
  ...flagSweep('adcs-x', 'adcs', false).map((c) => ({ ...c, nzcv: 0x20000000 })),
  ...flagSweep('sbcs-x', 'sbcs', false),
  ...flagSweep('adcs-w', 'adcs', true).map((c) => ({ ...c, nzcv: 0x20000000 })),
  ...flagSweep('sbcs-w', 'sbcs', true).map((c) => ({ ...c, nzcv: 0x20000000 })),
  ...flagSweep('ands-x', 'ands', false),
  ...flagSweep('bics-w', 'bics', true),
  {
    name: 'addsub-shifted-flags',
    asm: [
      'adds x12, x3, x1, lsl #63', 'mrs x20, nzcv', 'subs x13, x0, x4, asr #63', 'mrs x21, nzcv', 'subs w14, w6, w7, lsr #1', 'mrs x22, nzcv',
      'cmp x5, x9, lsl #32', 'mrs x23, nzcv', 'cmn w5, w6, lsl #1', 'mrs x24, nzcv', 'neg x15, x4', 'negs x16, x4', 'mrs x25, nzcv', 'ngc w17, w3', 'ngcs x18, x0', 'mrs x26, nzcv',
    ],
  },
  {
    name: 'addsub-ext',
    asm: [
      'add x12, x10, w11, uxtb', 'add x13, x10, w11, uxth #2', 'add x14, x10, w11, uxtw #4', 'add x15, x10, x11, uxtx #3',
      'add x16, x10, w11, sxtb #1', 'add x17, x10, w11, sxth', 'add x18, x10, w11, sxtw #3', 'sub x19, x10, x11, sxtx #2',
      'adds x20, x2, w2, sxtw', 'mrs x21, nzcv', 'subs w22, w6, w11, uxtb #4', 'mrs x23, nzcv', 'add sp, sp, w1, uxtw #4', 'add x24, sp, x1, lsl #2',
      'sub w25, wsp, w7, sxth #1', 'cmp x3, w6, sxtw', 'mrs x26, nzcv', 'cmn w4, w9, uxtb', 'mrs x27, nzcv', 'add w28, w10, w11, sxtb #3',
    ],
  },
  // ------------------------------------------------------------------ logical
  ...sweep('and-reg', (d, n, m) => `and ${d}, ${n}, ${m}`),
  ...sweep('orr-reg-w', (d, n, m) => `orr ${d}, ${n}, ${m}`, true),
  ...sweep('eor-ror', (d, n, m, ni) => `eor ${d}, ${n}, ${m}, ror #${(ni * 13 + 5) % 64}`),
  ...sweep('bic-lsr-w', (d, n, m, ni) => `bic ${d}, ${n}, ${m}, lsr #${(ni * 3) % 32}`, true),
  ...sweep('orn-asr', (d, n, m, ni) => `orn ${d}, ${n}, ${m}, asr #${(ni * 9) % 64}`),
  ...sweep('eon-ror-w', (d, n, m, ni) => `eon ${d}, ${n}, ${m}, ror #${(ni * 7) % 32}`, true),
  {
    name: 'logical-imm',
    asm: [
      'and x12, x10, #0xff', 'orr x13, x11, #0x5555555555555555', 'eor x14, x2, #0x8000000000000000', 'ands x15, x10, #0xf0f0f0f0f0f0f0f0', 'mrs x20, nzcv',
      'and w16, w11, #0x3ffc', 'orr w17, w0, #0x80000001', 'eor w18, w2, #0xaaaaaaaa', 'ands w19, w6, #0x80000000', 'mrs x21, nzcv', 'tst x0, #1', 'mrs x22, nzcv',
      'orr sp, x0, #0x40000000', 'mov x23, sp', 'mov sp, x24', 'and x24, x11, #0x1ffffffff', 'eor x25, x11, #0x7fff00007fff0000', 'tst w10, #0xe00001ff', 'mrs x26, nzcv',
      'mov w27, #0x10001', 'orr x28, xzr, #0xfffffffffffffffe',
    ],
    regs: { 24: 0x4001e000n },
  },
  {
    name: 'w-reg-forms',
    asm: [
      'add w12, w10, w11', 'and w13, w10, w11', 'eor w14, w6, w11', 'orr x15, x10, x11', 'madd w16, w10, w11, w2', 'mul w17, w6, w7', 'csel w18, w10, w11, ne',
      'csel w19, w10, w11, eq', 'add w20, w2, w1', 'and w21, w2, w4', 'eor w22, w5, w7', 'orr x23, x4, x7', 'madd w24, w6, w6, w6', 'mul w25, w2, w2',
    ],
    nzcv: 0x40000000,
  },
  { name: 'mov-mvn', asm: ['mov x12, x10', 'mov w13, w11', 'mvn x14, x2', 'mvn w15, w10, lsl #3', 'mov x16, xzr', 'tst x11, x10', 'mrs x17, nzcv', 'tst w4, w4', 'mrs x18, nzcv'] },
  // ------------------------------------------------------------------ shifts and bitfields
  ...[0, 1, 31, 32, 33, 63].map((s) => ({
    name: `shift-imm-${s}`,
    asm: [
      `lsl x12, x10, #${s}`, `lsr x13, x11, #${s}`, `asr x14, x11, #${s}`, `ror x15, x10, #${s}`, `lsl x16, x4, #${s}`, `asr x17, x4, #${s}`,
      ...(s < 32 ? [`lsl w18, w10, #${s}`, `lsr w19, w11, #${s}`, `asr w20, w6, #${s}`, `ror w21, w11, #${s}`, `asr w22, w11, #${s}`] : []),
    ],
  })),
  {
    name: 'shift-var',
    asm: [
      'lsl x12, x10, x1', 'lsr x13, x11, x5', 'asr x14, x11, x7', 'ror x15, x10, x9', 'lsl x16, x10, x2', 'asr x17, x4, x3',
      'lsl w18, w10, w11', 'lsr w19, w11, w2', 'asr w20, w6, w7', 'ror w21, w11, w10', 'lsr x22, x2, x8', 'asr w23, w6, w8', 'ror x24, x11, x0',
    ],
  },
  {
    name: 'bitfield',
    asm: [
      'ubfx x12, x10, #8, #16', 'sbfx x13, x11, #60, #4', 'ubfx w14, w11, #0, #31', 'sbfx w15, w10, #12, #20', 'bfi x16, x10, #4, #12', 'bfxil x17, x11, #32, #32',
      'bfi w18, w11, #31, #1', 'bfxil w19, w10, #1, #30', 'ubfiz x20, x11, #40, #24', 'sbfiz x21, x10, #3, #61', 'ubfiz w22, w10, #5, #27', 'sbfiz w23, w11, #1, #7',
      'sxtb x24, w10', 'sxth x25, w11', 'sxtw x26, w6', 'uxtb w27, w11', 'uxth w28, w10', 'sxtb w29, w11', 'sxth w30, w6', 'bfc x20, #3, #9',
    ],
    regs: { 16: 0xaaaaaaaaaaaaaaaan, 17: 0x5555555555555555n, 18: 0x12345678n, 19: 0x87654321n },
  },
  {
    name: 'bitfield-raw',
    asm: ['sbfm x12, x11, #63, #62', 'ubfm x13, x10, #62, #1', 'bfm x14, x11, #7, #3', 'sbfm w15, w10, #31, #0', 'ubfm w16, w11, #30, #29', 'bfm w17, w10, #17, #16', 'sbfm x18, x4, #1, #63', 'ubfm x19, x2, #0, #63'],
  },
  { name: 'extr', asm: ['extr x12, x10, x11, #0', 'extr x13, x10, x11, #1', 'extr x14, x10, x11, #32', 'extr x15, x10, x11, #63', 'extr w16, w10, w11, #0', 'extr w17, w10, w11, #17', 'extr w18, w11, w10, #31', 'ror x19, x11, #40'] },
  // ------------------------------------------------------------------ conditional
  ...[0x00000000, 0x40000000, 0x20000000, 0x80000000, 0x10000000, 0x60000000, 0x90000000, 0xd0000000].map((f) => ({
    name: `csel-${f.toString(16)}`,
    asm: ALL_CONDS.flatMap((c, i) => [
      `csel x${12 + (i % 8)}, x10, x11, ${c}`, `csinc w${20 + (i % 4)}, w10, w4, ${c}`, `csinv x${24 + (i % 2)}, x10, x11, ${c}`, `csneg x${26 + (i % 2)}, x10, x11, ${c}`,
      `csneg w28, w6, w7, ${c}`, `add x29, x29, x28`, `csinc x30, x30, x2, ${c}`,
    ]),
    nzcv: f,
  })),
  { name: 'cset-aliases', asm: ['cmp x1, x2', 'cset x12, lo', 'csetm w13, hi', 'cinc x14, x10, ge', 'cinv w15, w11, lt', 'cneg x16, x4, ne', 'csinc x17, xzr, x4, eq', 'csneg x18, x4, x4, mi'] },
  ...[0x00000000, 0x60000000, 0x90000000].map((f) => ({
    name: `ccmp-${f.toString(16)}`,
    asm: ALL_CONDS.flatMap((c, i) => [
      `ccmp x${i % 12}, x${(i * 5) % 12}, #${i}, ${c}`, 'mrs x12, nzcv', 'eor x13, x12, x13, ror #4', `ccmn w${i % 12}, #${i * 2}, #${15 - i}, ${c}`, 'mrs x12, nzcv', 'eor x13, x12, x13, ror #4',
      `cmp x${(i * 5) % 12}, x${(i * 7 + 1) % 12}`, `ccmn x${(i * 7) % 12}, x${(i * 3) % 12}, #5, ${c}`, 'mrs x12, nzcv', 'eor x13, x12, x13, ror #4', `ccmp w${(i * 7) % 12}, #31, #10, ${c}`, 'mrs x12, nzcv', 'eor x13, x12, x13, ror #4',
    ]),
    nzcv: f,
    regs: { 13: 0n, 14: 0x60000000n, 15: 0x90000000n, 16: 0x30000000n },
  })),
  // ------------------------------------------------------------------ data processing 1/2/3 source
  {
    name: 'dp1',
    asm: [
      'rbit x12, x10', 'rbit w13, w11', 'rev x14, x10', 'rev w15, w11', 'rev16 x16, x10', 'rev16 w17, w11', 'rev32 x18, x11', 'clz x19, x0', 'clz x20, x8',
      'clz w21, w6', 'clz w22, w0', 'cls x23, x2', 'cls x24, x3', 'cls w25, w0', 'cls w26, w11', 'cls x27, x4', 'clz x28, x11', 'cls x29, x1', 'clz w30, w10',
    ],
  },
  ...sweep('udiv', (d, n, m) => `udiv ${d}, ${n}, ${m}`),
  ...sweep('sdiv', (d, n, m) => `sdiv ${d}, ${n}, ${m}`),
  ...sweep('udiv-w', (d, n, m) => `udiv ${d}, ${n}, ${m}`, true),
  ...sweep('sdiv-w', (d, n, m) => `sdiv ${d}, ${n}, ${m}`, true),
  { name: 'sdiv-edge', asm: ['sdiv x12, x4, x2', 'sdiv w13, w6, w2', 'sdiv x14, x2, x0', 'udiv w15, w2, w0', 'sdiv x16, x4, x1', 'sdiv x17, x11, x10', 'udiv x18, x2, x10', 'sdiv w19, w10, w11', 'sdiv x20, x6, x2', 'sdiv x21, x20, x9'] },
  ...sweep('mul', (d, n, m) => `mul ${d}, ${n}, ${m}`),
  ...sweep('madd', (d, n, m, ni) => `madd ${d}, ${n}, ${m}, x${(ni + 5) % 12}`),
  ...sweep('msub-w', (d, n, m, ni) => `msub ${d}, ${n}, ${m}, w${(ni + 7) % 12}`, true),
  ...sweep('smaddl', (d, n, m, ni) => `smaddl ${d}, w${n.slice(1)}, w${m.slice(1)}, x${(ni + 3) % 12}`),
  ...sweep('umsubl', (d, n, m, ni) => `umsubl ${d}, w${n.slice(1)}, w${m.slice(1)}, x${(ni + 3) % 12}`),
  ...sweep('smulh', (d, n, m) => `smulh ${d}, ${n}, ${m}`),
  ...sweep('umulh', (d, n, m) => `umulh ${d}, ${n}, ${m}`),
  { name: 'mul-misc', asm: ['smull x12, w10, w11', 'umull x13, w10, w11', 'smnegl x14, w6, w6', 'umnegl x15, w5, w5', 'mneg x16, x10, x11', 'mneg w17, w11, w10', 'smsubl x18, w4, w5, x6', 'umaddl x19, w5, w5, x2'] },
  {
    name: 'crc32',
    asm: [
      'crc32b w12, w10, w11', 'crc32h w13, w10, w11', 'crc32w w14, w10, w11', 'crc32x w15, w10, x11', 'crc32cb w16, w11, w10', 'crc32ch w17, w11, w10',
      'crc32cw w18, w11, w10', 'crc32cx w19, w11, x10', 'crc32x w20, w2, x2', 'crc32cx w21, w0, x4', 'crc32b w22, w2, w0', 'crc32cw w23, w6, w7',
    ],
  },
  // ------------------------------------------------------------------ branches
  {
    name: 'branches',
    asm: [
      'mov x12, #0', 'b 1f', 'add x12, x12, #1', '1: bl 2f', 'add x12, x12, #2', 'b 3f', '2: add x12, x12, #4', 'mov x13, x30', 'ret',
      '3: cbz x0, 4f', 'add x12, x12, #8', '4: cbnz x0, 5f', 'add x12, x12, #16', '5: cbz w8, 6f', 'add x12, x12, #32', '6: cbnz w8, 7f', 'add x12, x12, #64',
      '7: tbz x4, #63, 8f', 'add x12, x12, #128', '8: tbnz x4, #63, 9f', 'add x12, x12, #256', '9: tbz w10, #0, 10f', 'add x12, x12, #512', '10: tbnz x8, #32, 11f', 'add x12, x12, #1024',
      '11: adr x14, 12f', 'br x14', 'add x12, x12, #2048', '12: adr x15, 13f', 'blr x15', 'b 14f', '13: mov x16, x30', 'ret x16', '14: tbnz w6, #31, 15f', 'add x12, x12, #4096', '15: nop',
    ],
  },
  ...[0x00000000, 0x40000000, 0x20000000, 0x80000000, 0x10000000, 0x90000000, 0x60000000, 0xf0000000].map((f) => ({
    name: `bcond-${f.toString(16)}`,
    asm: ALL_CONDS.slice(0, 14).flatMap((c, i) => [`b.${c} 1f`, `orr x12, x12, #${1 << i}`, '1:', 'nop']).map((l, i) => l.replace('1f', `L${Math.floor(i / 4)}`).replace('1:', `L${Math.floor(i / 4)}:`)),
    nzcv: f,
    regs: { 12: 0n },
  })),
  {
    name: 'loop-sum',
    asm: ['mov x12, #0', 'mov x13, #100', '1: add x12, x12, x13', 'subs x13, x13, #1', 'b.ne 1b', 'mov w14, #5', '2: sub w14, w14, #1', 'cbnz w14, 2b'],
  },
  // ------------------------------------------------------------------ loads and stores
  {
    name: 'ldst-uimm',
    asm: [
      'ldr x12, [x20]', 'ldr w13, [x20, #4]', 'ldrb w14, [x20, #4095]', 'ldrh w15, [x20, #254]', 'ldrsb x16, [x20, #3]', 'ldrsb w17, [x20, #9]',
      'ldrsh x18, [x20, #10]', 'ldrsh w19, [x20, #12]', 'ldrsw x21, [x20, #16]', 'ldr x22, [x20, #32760]', 'str x10, [x20, #64]', 'str w11, [x20, #72]',
      'strb w11, [x20, #80]', 'strh w10, [x20, #82]', 'ldr x23, [x20, #64]', 'ldr x24, [sp]', 'str x11, [sp, #8]', 'ldr x25, [sp, #8]', 'str xzr, [x20, #96]', 'strb wzr, [x20, #65]',
    ],
    regs: { 20: S },
    sp: P(0x800),
  },
  {
    name: 'ldst-unscaled',
    asm: [
      'ldur x12, [x20, #-1]', 'ldur w13, [x20, #3]', 'ldurb w14, [x20, #-256]', 'ldurh w15, [x20, #255]', 'ldursb x16, [x20, #7]', 'ldursh w17, [x20, #-3]',
      'ldursw x18, [x20, #-7]', 'stur x10, [x20, #1]', 'stur w11, [x20, #-5]', 'sturb w10, [x20, #13]', 'sturh w11, [x20, #-9]', 'ldur x19, [x20, #-5]', 'ldr x21, [x20, #1]',
    ],
    regs: { 20: P(0x400) },
  },
  {
    name: 'ldst-index',
    asm: [
      'ldr x12, [x20, #8]!', 'ldr w13, [x20], #-4', 'ldrb w14, [x20, #1]!', 'ldrsh x15, [x20], #255', 'str x10, [x21, #-16]!', 'str w11, [x21], #12', 'strb w10, [x21, #-1]!', 'strh w11, [x21], #-256',
      'ldrsw x16, [x20, #-100]!', 'ldrsb w17, [x20], #3', 'mov x18, x20', 'mov x19, x21', 'str x11, [sp, #-16]!', 'ldr x22, [sp], #16', 'mov x23, sp',
    ],
    regs: { 20: P(0x300), 21: P(0x600) },
    sp: P(0x900),
  },
  {
    name: 'ldst-unpriv',
    asm: [
      'ldtr x12, [x20, #8]', 'ldtr w13, [x20, #-3]', 'ldtrb w14, [x20, #255]', 'ldtrh w15, [x20, #-256]', 'ldtrsb x16, [x20, #1]', 'ldtrsb w17, [x20, #2]',
      'ldtrsh x18, [x20, #5]', 'ldtrsh w19, [x20, #7]', 'ldtrsw x21, [x20, #-9]', 'sttr x10, [x20, #16]', 'sttr w11, [x20, #27]', 'sttrb w10, [x20, #-1]', 'sttrh w11, [x20, #33]',
      'ldtr x22, [x20, #16]',
    ],
    regs: { 20: P(0xff8) },
  },
  {
    name: 'ldst-regoff',
    asm: [
      'ldr x12, [x20, x1]', 'ldr x13, [x20, x22, lsl #3]', 'ldr w14, [x20, w24, uxtw #2]', 'ldr w15, [x20, w23, sxtw]', 'ldrb w16, [x20, x22]', 'ldrb w17, [x20, w23, sxtw]',
      'ldrh w18, [x20, x22, lsl #1]', 'ldrsh x19, [x20, w23, sxtw #1]', 'ldrsw x21, [x20, x23, sxtx #2]', 'ldrsb x28, [x20, w24, uxtw]', 'str x10, [x20, x22, lsl #3]', 'str w11, [x20, w23, sxtw #2]',
      'strb w10, [x20, x23]', 'strh w11, [x20, x22, lsl #1]', 'ldr x25, [x20, x22, lsl #3]', 'ldr x26, [x20, w23, sxtw #3]', 'prfm pldl1keep, [x20, x22]', 'ldr x27, [x20, x23, sxtx #3]',
    ],
    regs: { 20: P(0x800), 22: 0x10n, 24: 0x1234_0000_0010n, 23: 0xffff_ffff_ffff_ffe0n },
  },
  {
    name: 'ldst-regoff-w-upper',
    asm: ['ldr x12, [x20, w22, uxtw]', 'ldr w13, [x20, w22, uxtw #2]', 'ldrb w14, [x20, w22, sxtw]', 'str x11, [x20, w22, uxtw #3]', 'ldr x15, [x20, w22, uxtw #3]'],
    regs: { 20: P(0x100), 22: 0xffff_ffff_0000_0008n },
  },
  {
    name: 'ldst-pair',
    asm: [
      'ldp x12, x13, [x20]', 'ldp w14, w15, [x20, #-8]', 'ldpsw x16, x17, [x20, #16]', 'stp x10, x11, [x20, #32]', 'stp w11, w10, [x20, #-64]', 'ldp x18, x19, [x20, #32]',
      'stp x29, x30, [sp, #-32]!', 'ldp x21, x22, [sp], #32', 'ldp x23, x24, [x20, #8]!', 'stp w10, w11, [x20], #-16', 'ldnp x25, x26, [x20, #-8]', 'stnp x2, x3, [x20, #504]', 'ldpsw x27, x28, [x20], #-256',
    ],
    regs: { 20: P(0x700) },
    sp: P(0xa00),
  },
  {
    name: 'ldst-literal',
    asm: ['ldr x12, 1f', 'ldr w13, 1f', 'ldrsw x14, 2f', 'ldr x15, 3f', 'prfm pldl1keep, 1f', 'b 4f', '1: .quad 0x8877665544332211', '2: .word 0x80000001', '3: .quad -2', '4: nop'],
  },
  {
    name: 'ldst-fp',
    asm: [
      'ldr q1, [x20]', 'ldr d2, [x20, #8]', 'ldr s3, [x20, #4]', 'ldr h4, [x20, #2]', 'ldr b5, [x20, #1]', 'ldur q6, [x20, #-3]', 'ldr q7, [x20, #16]!', 'ldr d8, [x20], #-8',
      'str q0, [x21]', 'str d9, [x21, #16]', 'str s10, [x21, #24]', 'str h11, [x21, #28]', 'str b12, [x21, #30]', 'stur q13, [x21, #33]', 'str d14, [x21, #64]!', 'str s15, [x21], #4',
      'ldr q16, [x20, x22, lsl #4]', 'ldr d17, [x20, w23, sxtw #3]', 'str q18, [x21, x22]', 'ldp q19, q20, [x20, #32]', 'ldp d21, d22, [x20, #-16]!', 'ldp s23, s24, [x20], #8', 'stp q25, q26, [x21, #64]',
      'stp d27, d28, [x21, #-32]!', 'stp s29, s30, [x21], #-8', 'ldnp d31, d0, [x20, #16]', 'stnp q1, q2, [x21, #128]', 'ldr q3, 1f', 'ldr d4, 1f', 'ldr s5, 1f', 'b 2f', '.balign 16', '1: .quad 0x0102030405060708, 0x1112131415161718', '2: nop',
      'mov x12, x20', 'mov x13, x21',
    ],
    regs: { 20: P(0x200), 21: P(0xc00), 22: 2n, 23: 0xffff_fffen },
  },
  // ------------------------------------------------------------------ exclusives, ordered, atomics
  {
    name: 'exclusive',
    asm: [
      'ldxr x12, [x20]', 'stxr w13, x10, [x20]', 'stxr w14, x11, [x20]', 'ldaxr w15, [x20, #0]', 'stlxr w16, w11, [x20]', 'ldxrb w17, [x21]', 'stxrb w18, w10, [x21]',
      'ldxrh w19, [x21]', 'stxrh w22, w11, [x21]', 'ldxp x23, x24, [x20]', 'stxp w25, x2, x3, [x20]', 'ldaxp w26, w27, [x21]', 'stlxp w28, w11, w10, [x21]', 'ldr x29, [x20]', 'ldr x30, [x21]',
    ],
    regs: { 20: P(0x500), 21: P(0x510) },
  },
  { name: 'exclusive-mismatch', asm: ['ldxr x12, [x20]', 'stxr w13, x10, [x21]', 'ldxr w14, [x20]', 'stxr w15, x10, [x20]', 'ldxr x16, [x20]', 'str x11, [x20]', 'stxr w17, x10, [x20]', 'ldr x18, [x20]'], regs: { 20: P(0x520), 21: P(0x528) } },
  {
    name: 'ordered',
    asm: [
      'ldar x12, [x20]', 'ldar w13, [x20]', 'ldarb w14, [x20]', 'ldarh w15, [x20]', 'stlr x10, [x21]', 'stlr w11, [x21, #0]', 'stlrb w10, [x22]', 'stlrh w11, [x22]', 'ldapr x16, [x20]', 'ldapr w17, [x21]',
      'ldapurb w18, [x20, #3]', 'ldapursb x19, [x20, #5]', 'ldapursh w23, [x20, #-2]', 'ldapursw x24, [x20, #4]', 'stlur x11, [x22, #-8]', 'stlurh w10, [x22, #10]', 'ldapur x25, [x22, #-8]', 'ldlar x26, [x20]', 'stllr w11, [x22, #0]', 'ldr x27, [x22]',
    ],
    regs: { 20: P(0x540), 21: P(0x560), 22: P(0x580) },
  },
  {
    name: 'cas',
    asm: [
      'ldr x12, [x20]', 'mov x13, x12', 'cas x13, x10, [x20]', 'ldr x14, [x20]', 'mov x15, #1', 'casa x15, x11, [x20]', 'ldr x16, [x20]', 'ldr w17, [x21]', 'casl w17, w11, [x21]',
      'casalb w18, w10, [x22]', 'ldrb w19, [x21]', 'mov w23, w19', 'casb w23, w10, [x21]', 'ldrh w24, [x22]', 'cash w24, w11, [x22]', 'ldr x25, [x22]', 'ldp x26, x27, [x20]', 'casp x26, x27, x2, x3, [x20]', 'ldp x28, x29, [x20]',
      'mov x0, #0', 'mov x1, #0', 'caspal w0, w1, w10, w11, [x21]',
    ],
    regs: { 20: P(0x5c0), 21: P(0x5d0), 22: P(0x5e0) },
  },
  ...['ldadd', 'ldclr', 'ldeor', 'ldset', 'ldsmax', 'ldsmin', 'ldumax', 'ldumin', 'swp'].map((op) => ({
    name: `atomic-${op}`,
    asm: [
      `${op} x10, x12, [x20]`, `${op}a x11, x13, [x20]`, `${op}l w6, w14, [x21]`, `${op}al w7, w15, [x21]`, `${op}b w11, w16, [x22]`, `${op}h w10, w17, [x22]`, `${op}alb w6, w18, [x23]`, `${op}lh w4, w19, [x23]`,
      `${op} x4, x24, [x20]`, `${op} x2, x25, [x20]`, `${op}a w3, wzr, [x21]`, 'ldr x26, [x20]', 'ldr x27, [x21]', 'ldr x28, [x22]', 'ldr x29, [x23]',
    ],
    regs: { 20: P(0x600), 21: P(0x610), 22: P(0x620), 23: P(0x630) },
  })),
  { name: 'st-atomics', asm: ['stadd x10, [x20]', 'stclr w11, [x21]', 'steorb w10, [x22]', 'stsmaxh w6, [x22]', 'stuminl x4, [x23]', 'ldr x12, [x20]', 'ldr x13, [x21]', 'ldr x14, [x22]', 'ldr x15, [x23]'], regs: { 20: P(0x640), 21: P(0x650), 22: P(0x660), 23: P(0x670) } },
  // ------------------------------------------------------------------ register 31 handling and W writes
  {
    name: 'zr-sp',
    asm: [
      'orr x12, xzr, #6', 'orr x13, xzr, x10', 'add x14, sp, #0', 'adds xzr, x2, #1', 'mrs x15, nzcv', 'sub x26, x10, x11', 'mov x16, sp', 'ldr x17, [sp, #16]',
      'add w18, w2, #0', 'orr w19, wzr, w2', 'madd x20, x10, x11, xzr', 'csel x21, xzr, x10, eq', 'ldr xzr, [x22]', 'str xzr, [sp, #24]', 'ldr x23, [sp, #24]', 'stp xzr, xzr, [x22]', 'ldp x24, x25, [x22]',
    ],
    sp: P(0x900),
    regs: { 22: P(0x910) },
  },
];

/**
 * The system layer (MRS/MSR, hints) is not part of the integer core, so the cases avoid it: `mrs xN, nzcv`
 * is rewritten into a CSET/CINC sequence that packs NZCV into xN as bits 3..0 without touching the flags,
 * and `nop` into a register move.
 */
function expand(line: string): string[] {
  const m = /^mrs x(\d+), nzcv$/.exec(line.trim());
  if (m) {
    const r = `x${m[1]}`;
    return [`cset ${r}, mi`, `lsl ${r}, ${r}, #1`, `cinc ${r}, ${r}, eq`, `lsl ${r}, ${r}, #1`, `cinc ${r}, ${r}, cs`, `lsl ${r}, ${r}, #1`, `cinc ${r}, ${r}, vs`];
  }
  return [line.replace(/\bnop\b/, 'mov x9, x9')];
}

export const CASES: IntCase[] = RAW_CASES.map((c) => ({ ...c, asm: c.asm.flatMap(expand) }));
