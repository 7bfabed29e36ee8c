import { strict as assert } from 'assert';
import { decode, condMask, bindSystemDecoder } from '../../../emulator/arm64/decode';
import { Insn, REG_SP, REG_ZR, REG_SINK } from '../../../emulator/arm64/insn';
import * as O from '../../../emulator/arm64/int-ops';
import { condHolds } from '../../../emulator/arm64/int/alu';
import { machineWith } from './int-support/run-emu';

function dec(word: number): Insn {
  const i = new Insn();
  decode(word >>> 0, i);
  return i;
}

describe('arm64 integer decoder', () => {
  it('leaves unallocated and unimplemented encodings at op 0', () => {
    const words = [
      0x00000000, // UDF #0
      0x91800000, // ADDG (MTE): add/sub immediate with tags
      0x12400000, // logical immediate, 32-bit with N=1
      0x32000000 | (0x3f << 10), // ORR (imm) with imms = all ones at element size: reserved
      0x12800000 | (1 << 29), // move wide with opc = 01
      0x52c00000, // MOVZ W with hw = 2
      0x33000000 | (1 << 22), // BFM 32-bit with N = 1
      0x13800000 | (0x20 << 10), // EXTR W with imms >= 32
      0x7a400800 | (1 << 10), // CCMP with o2 = 1
      0x1a800c00, // conditional select with op2 = 11
      0x1ac00000, // 2-source opcode 000000
      0x5ac01800, // 1-source opcode 000110
      0x9b400000 | (31 << 10) | (1 << 15), // SMULH with o0 = 1
      0x1b200000, // 3-source SMADDL with sf = 0
      0x0b200000 | (5 << 10), // add extended with imm3 > 4
      0x0b000000 | (3 << 22), // add shifted with shift = 11
      0x0b008000, // add shifted 32-bit with imm6 >= 32
      0x54000010, // B.cond with o0 = 1 (BC.cond)
      0xd63f0800, // BLRAA-space (pointer authentication)
      0x38e00000 | (0x5 << 12) | (1 << 15), // atomic with o3 = 1, opc = 101
      0xf8800c00, // LDRSW pre-index with size 11 (PRFM space)
      0x78e06800 | (1 << 13) & 0, // register offset with option 000 (zeroed below)
      0xb9800000 | (3 << 22), // LDR W unsigned offset with opc = 11
      0x69400000, // LDPSW ... no: STGP/LDPSW offset with L=1 is allocated; see below
    ];
    // fix-ups that are clearer as expressions
    words[21] = 0x38606800 & ~(7 << 13); // LDRB register offset, option 000
    words[23] = 0x68000000; // STGP (MTE) post-index: opc 01, L 0
    for (const w of words) assert.equal(dec(w).op, 0, `0x${(w >>> 0).toString(16)} should be unallocated`);
  });

  it('maps register 31 to SP, ZR or the sink per form', () => {
    const addImm = dec(0x910003ff); // add sp, sp, #0
    assert.equal(addImm.op, O.OP_ADD_XI);
    assert.equal(addImm.rd, REG_SP);
    assert.equal(addImm.rn, REG_SP);
    const cmp = dec(0xf100041f); // cmp x0, #1 (subs xzr, x0, #1)
    assert.equal(cmp.op, O.OP_SUBS_XI);
    assert.equal(cmp.rd, REG_SINK);
    const mov = dec(0xaa1f03e0); // mov x0, xzr
    assert.equal(mov.op, O.OP_MOV_X);
    assert.equal(mov.rm, REG_ZR);
    const ldr = dec(0xf94003ff); // ldr xzr, [sp]
    assert.equal(ldr.op, O.OP_LDRX);
    assert.equal(ldr.rn, REG_SP);
    assert.equal(ldr.rd, REG_SINK);
    const str = dec(0xf90003ff); // str xzr, [sp]
    assert.equal(str.op, O.OP_STRX);
    assert.equal(str.rd, REG_ZR);
    const orrImm = dec(0xb200001f); // orr sp, x0, #1
    assert.equal(orrImm.op, O.OP_ORR_XI);
    assert.equal(orrImm.rd, REG_SP);
    const addExt = dec(0x8b2063ff); // add sp, sp, x0
    assert.equal(addExt.op, O.OP_ARITH_X);
    assert.equal(addExt.rd, REG_SP);
    assert.equal(addExt.rn, REG_SP);
  });

  it('pre-computes immediates as 64-bit halves', () => {
    const sub = dec(0xd1000400); // sub x0, x0, #1
    assert.equal(sub.op, O.OP_ADD_XI);
    assert.deepEqual([sub.imm, sub.imm2], [-1, -1]);
    const movn = dec(0x92800000); // mov x0, #-1 (movn x0, #0)
    assert.deepEqual([movn.op, movn.imm, movn.imm2], [O.OP_MOVI, -1, -1]);
    const adrp = dec(0x90800000); // adrp x0, -4 GiB
    assert.equal(adrp.op, O.OP_ADRP);
    assert.deepEqual([adrp.imm, adrp.imm2], [0, -1]);
    const b = dec(0x17ffffff); // b .-4
    assert.deepEqual([b.op, b.imm, b.imm2], [O.OP_B, -4, -1]);
    const tbnz = dec(0xb7f80000); // tbnz x0, #63, .
    assert.deepEqual([tbnz.op, tbnz.a, tbnz.b], [O.OP_TBNZ, 1, 1 << 31]);
  });

  it('decodes every condition into a mask that agrees with condHolds', () => {
    const { cpu } = machineWith([0]);
    for (let c = 0; c < 16; c++) {
      const m = condMask(c);
      for (let f = 0; f < 16; f++) {
        cpu.nf = (f >> 3) & 1;
        cpu.zf = (f >> 2) & 1;
        cpu.cf = (f >> 1) & 1;
        cpu.vf = f & 1;
        assert.equal(((m >>> f) & 1) === 1, condHolds(cpu, c), `cond ${c} flags ${f}`);
      }
    }
  });

  it('hands FP/SIMD and system encodings to their owners', () => {
    const { cpu } = machineWith([0]);
    bindSystemDecoder(cpu.sys);
    for (const w of [0x4c407000 /* ld1 {v0.16b}, [x0] */, 0x4ea28420 /* add v0.4s */, 0x1e602820 /* fadd d0, d1, d0 */]) {
      const op = dec(w).op;
      assert.ok(op === 0 || (op >= 1000 && op < 2000), `0x${w.toString(16)} decoded to ${op}`);
    }
    for (const w of [0xd53b4200 /* mrs x0, nzcv */, 0xd4000001 /* svc #0 */, 0xd503201f /* nop */, 0xd69f03e0 /* eret */]) {
      const op = dec(w).op;
      assert.ok(op >= 2000 && op < 3000, `0x${w.toString(16)} decoded to ${op}`);
    }
    // scalar FP register loads/stores stay in the integer core
    assert.equal(dec(0x3dc00060).op, O.OP_FP_LDST); // ldr q0, [x3]
    assert.equal(dec(0xad000861).op, O.OP_FP_LDSTP); // stp q1, q2, [x3]
  });
});
