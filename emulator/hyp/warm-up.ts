import { Vm, type Vcpu } from './vm';
import { VIRT_RAM_BASE } from '../machine/virt';

/**
 * Type-feedback warm-up for the interpreter, run once per process before the first guest.
 *
 * V8 optimises `execute` and `fastRun` (fast-run.ts) from the type feedback their bytecode collected. A
 * handler that never ran before the optimising compile has none, and the first guest instruction to reach
 * it deoptimises the whole function ("insufficient type feedback"). A real guest meets its instruction
 * classes one by one, so its first seconds were a chain of deoptimisations and recompiles, and which
 * compile ended up running the hot loop (and so the guest's speed) depended on timing. This program
 * touches every handler of fastRun (taken and not taken, TLB miss and hit, page end, off-page branch) and
 * the common ones of execute with small, large and negative values, so the first optimised code is the
 * one that stays. test/emulator/arm64/warm-up.test.ts checks that it covers every op in FAST_OP_LIST and
 * never leaves its loop.
 *
 * Source (llvm-mc -triple=aarch64 -mattr=+v8.2a,+lse,+fp-armv8,+neon; x0 and SP = a data page, x1-x7
 * seeds, x8 = 8, an aligned index; the loop is endless and the run budget ends it):
 *
 *   // x0 and sp: data area (a RAM page), x1-x7: seeds; runs forever (the harness stops it by budget)
 *   top:
 *     // off-page branches of every kind (the program starts on one page and runs onto the next)
 *     cmp x1, x1
 *     b.eq far_bcond
 *   back_bcond:
 *     cbz xzr, far_cbzx
 *   back_cbzx:
 *     cbz wzr, far_cbzw
 *   back_cbzw:
 *     cbnz x0, far_cbnzx
 *   back_cbnzx:
 *     cbnz w0, far_cbnzw
 *   back_cbnzw:
 *     tbz xzr, #1, far_tbz
 *   back_tbz:
 *     tbnz x0, #16, far_tbnz
 *   back_tbnz:
 *     cmp x0, #1
 *     b.ne far_cmpxi
 *   back_cmpxi:
 *     cmp w1, w1
 *     b.eq far_cmpwr
 *   back_cmpwr:
 *     cmp w0, #1
 *     b.ne far_cmpwi
 *   back_cmpwi:
 *     tst x0, x0
 *     b.ne far_bcond2
 *   back_bcond2:
 *     adr x9, far_br
 *     br x9
 *   back_br:
 *     bl leaf
 *     adr x9, leaf
 *     blr x9
 *     // straight-line integer code up to and across the page boundary (fastRun's page-end path)
 *     .balignl 0x100, 0x9100054a // add x10, x10, #1
 *     add x10, x1, #0x123
 *     add w11, w2, #0x7ff
 *     adds x12, x3, #1
 *     adds w13, w4, #1
 *     subs x14, x5, #3
 *     subs w15, w6, #3
 *     add x10, x1, x2
 *     add w11, w3, w4
 *     sub x12, x5, x6
 *     sub w13, w7, w1
 *     adds x14, x2, x3
 *     adds w15, w4, w5
 *     cmp x6, x7
 *     cmp w1, w2
 *     add x16, x1, x2, lsl #3
 *     sub w17, w3, w4, asr #2
 *     movz x10, #0x1234, lsl #16
 *     movn x11, #0x55
 *     movk x10, #0xbeef, lsl #48
 *     movk w11, #0xcafe
 *     adr x12, top
 *     adrp x13, top
 *     and x14, x1, #0xff00ff00ff00ff00
 *     orr x15, x2, #0x0f0f0f0f0f0f0f0f
 *     eor x16, x3, #0x8000000000000001
 *     ands x17, x4, #0xffff0000
 *     and w10, w5, #0xff
 *     orr w11, w6, #0x80000001
 *     eor w12, w7, #0xf0f0f0f0
 *     ands w13, w1, #0x7ffffffe
 *     and x14, x2, x3
 *     orr x15, x4, x5
 *     eor x16, x6, x7
 *     ands x17, x1, x2
 *     and w10, w3, w4
 *     orr w11, w5, w6
 *     eor w12, w7, w1
 *     ands w13, w2, w3
 *     mov x14, x4
 *     mov w15, w5
 *     bic x16, x1, x2
 *     orn w17, w3, w4, lsl #3
 *     and w10, w1, w2, lsr #3
 *     orr w11, w3, w4, asr #5
 *     eor w12, w5, w6, ror #7
 *     ands w13, w7, w1, ror #0
 *     eon w14, w2, w3, lsr #31
 *     and x10, x1, x2, lsr #3
 *     orr x11, x3, x4, asr #35
 *     eor x12, x5, x6, ror #7
 *     ands x13, x7, x1, ror #40
 *     bics x14, x2, x3, lsl #33
 *     lsl x10, x1, #3
 *     lsl x11, x2, #40
 *     lsr x12, x3, #7
 *     lsr x13, x4, #45
 *     asr x14, x5, #9
 *     asr x15, x6, #50
 *     lsl w10, w7, #5
 *     lsr w11, w1, #6
 *     asr w12, w2, #7
 *     ubfx x13, x3, #4, #12
 *     ubfx w14, w4, #3, #9
 *     sbfx x15, x5, #2, #20
 *     sbfx w16, w6, #1, #7
 *     bfi x17, x7, #8, #8
 *     bfi w10, w1, #4, #4
 *     extr x11, x2, x3, #13
 *     extr w12, w4, w5, #7
 *     csel x13, x1, x2, eq
 *     csel w14, w3, w4, ne
 *     csinc x15, x5, x6, hs
 *     csinc w16, w7, w1, lo
 *     csinv x17, x2, x3, mi
 *     csinv w10, w4, w5, pl
 *     csneg x11, x6, x7, gt
 *     csneg w12, w1, w2, le
 *     cmp x1, x1
 *     csel x13, x1, x2, eq
 *     csel w14, w3, w4, eq
 *     csinc x15, x5, x6, ne
 *     csinc w16, w7, w1, ne
 *     csinv x17, x2, x3, eq
 *     csinv w10, w4, w5, ne
 *     csneg x11, x6, x7, eq
 *     csneg w12, w1, w2, ne
 *     subs x13, x1, #0xfff
 *     subs w14, w2, #0xfff
 *     adds x15, x3, #0xfff
 *     adds w16, w4, #0xfff
 *     ccmp x3, x4, #2, ne
 *     clz x13, x5
 *     rbit w14, w6
 *     rev x15, x7
 *     udiv x16, x1, x2
 *     sdiv w17, w3, w4
 *     lslv x10, x5, x6
 *     madd w11, w1, w2, w3
 *     msub w12, w4, w5, w6
 *     madd x13, x7, x1, x2
 *     msub x14, x3, x4, x5
 *     smulh x15, x6, x7
 *     umulh x16, x1, x2
 *     umull x17, w3, w4
 *     cmp x1, x2
 *     b.eq 1f
 *     nop
 *   1: b.ne 2f
 *     nop
 *   2: cmp x1, x1
 *     b.eq 21f
 *     nop
 *   21: b.ne 22f
 *     b 23f
 *   22: nop
 *   23: cmp x1, #5
 *     b.lo 24f
 *     nop
 *   24: cmp x2, #5
 *     b.hs 25f
 *     nop
 *   25: cmp w3, w4
 *     b.lt 26f
 *     nop
 *   26: cmp w5, w6
 *     b.ge 27f
 *     nop
 *   27: cmp w7, #5
 *     b.eq 28f
 *     nop
 *   28: cmp w1, #5
 *     b.ne 29f
 *     nop
 *   29: cbz x1, 3f
 *     nop
 *   3: cbnz x2, 4f
 *     nop
 *   4: cbz w3, 5f
 *     nop
 *   5: cbnz w4, 6f
 *     nop
 *   6: cbz xzr, 7f
 *     nop
 *   7: cbnz wzr, 8f
 *     nop
 *   8: cbnz xzr, 81f
 *     cbz wzr, 81f
 *     nop
 *   81: tbz x5, #3, 9f
 *     nop
 *   9: tbnz x6, #40, 10f
 *     nop
 *   10: tbz w7, #31, 101f
 *     nop
 *   101: tbz xzr, #5, 102f
 *     nop
 *   102: tbnz xzr, #5, 11f
 *     nop
 *   11: bl leaf
 *     adr x9, leaf
 *     blr x9
 *     adr x9, 12f
 *     br x9
 *     nop
 *   12:
 *     ldr x10, [x0, #8]
 *     ldr w11, [x0, #16]
 *     ldrb w12, [x0, #17]
 *     ldrh w13, [x0, #18]
 *     ldrsb x14, [x0, #19]
 *     ldrsb w15, [x0, #20]
 *     ldrsh x16, [x0, #22]
 *     ldrsh w17, [x0, #24]
 *     ldrsw x10, [x0, #28]
 *     str x1, [x0, #32]
 *     str w2, [x0, #40]
 *     strb w3, [x0, #44]
 *     strh w4, [x0, #46]
 *     ldr x11, [x0, x8]
 *     ldr x12, [x0, w8, uxtw #3]
 *     ldr w13, [x0, x8, lsl #2]
 *     ldr w14, [x0, w8, sxtw]
 *     ldrb w15, [x0, x8]
 *     ldr x12, [x0, w8, sxtw #3]
 *     ldr w13, [x0, w8, uxtw #2]
 *     ldrb w15, [x0, w8, uxtw]
 *     ldrb w15, [x0, w8, sxtw]
 *     str x5, [x0, w8, uxtw #3]
 *     str x5, [x0, w8, sxtw #3]
 *     str w6, [x0, x8, lsl #2]
 *     str w6, [x0, w8, sxtw #2]
 *     strb w7, [x0, w8, uxtw]
 *     strb w7, [x0, w8, sxtw]
 *     str x5, [x0, x8, lsl #3]
 *     str w6, [x0, w8, uxtw #2]
 *     strb w7, [x0, x8]
 *     ldr x10, [sp, #8]
 *     ldr w11, [sp, #16]
 *     ldrb w12, [sp, #17]
 *     ldrh w13, [sp, #18]
 *     ldrsb x14, [sp, #19]
 *     ldrsb w15, [sp, #20]
 *     ldrsh x16, [sp, #22]
 *     ldrsh w17, [sp, #24]
 *     ldrsw x10, [sp, #28]
 *     str x1, [sp, #32]
 *     str w2, [sp, #40]
 *     strb w3, [sp, #44]
 *     strh w4, [sp, #46]
 *     ldr x11, [sp, x8]
 *     ldr w13, [sp, x8, lsl #2]
 *     ldrb w15, [sp, x8]
 *     str x5, [sp, x8, lsl #3]
 *     str w6, [sp, w8, uxtw #2]
 *     strb w7, [sp, x8]
 *     stp x1, x2, [sp, #48]
 *     ldp x10, x11, [sp, #48]
 *     stp x29, x30, [sp, #-16]!
 *     ldp x29, x30, [sp], #16
 *     ldp x10, x11, [x0, #48]
 *     stp x1, x2, [x0, #64]
 *     ldp w12, w13, [x0, #80]
 *     stp w3, w4, [x0, #88]
 *     ldr x14, [x0, #96]!
 *     str x5, [x0], #-96
 *     ldrh w15, [x0, x8, lsl #1]
 *     ldur x16, [x0, #104]
 *     ldr x17, lit
 *     ldxr x10, [x0]
 *     stxr w11, x1, [x0]
 *     ldar x12, [x0]
 *     stlr x2, [x0]
 *     ldadd x3, x13, [x0]
 *     cas x14, x4, [x0]
 *     ldr d0, [x0, #8]
 *     str s1, [x0, #16]
 *     ldp q2, q3, [x0, #32]
 *     stp d4, d5, [x0, #64]
 *     ldr q6, [x0, x8]
 *     ldr d7, lit
 *     fmov d0, x1
 *     fadd d1, d0, d0
 *     fmul s2, s1, s1
 *     fcvtzs x10, d1
 *     scvtf d3, x11
 *     add v4.4s, v2.4s, v3.4s
 *     dup v5.16b, w1
 *     umov w12, v5.b[0]
 *     mrs x13, nzcv
 *     msr nzcv, x13
 *     mrs x14, tpidr_el0
 *     isb
 *     prfm pldl1keep, [x0, #8]
 *     nop
 *     // seeds drift so values cover small, large and negative
 *     add x1, x1, x7
 *     eor x2, x2, x1, ror #13
 *     add x3, x3, x2, lsr #3
 *     sub x4, x4, x3
 *     eor x5, x5, x4, lsl #7
 *     add x6, x6, x5
 *     add x7, x7, #0x555
 *     b top
 *   far_bcond: b back_bcond
 *   far_cbzx: b back_cbzx
 *   far_cbzw: b back_cbzw
 *   far_cbnzx: b back_cbnzx
 *   far_cbnzw: b back_cbnzw
 *   far_tbz: b back_tbz
 *   far_tbnz: b back_tbnz
 *   far_br: b back_br
 *   far_cmpxi: b back_cmpxi
 *   far_cmpwr: b back_cmpwr
 *   far_cmpwi: b back_cmpwi
 *   far_bcond2: b back_bcond2
 *   leaf:
 *     ret
 *     .p2align 3
 *   lit:
 *     .quad 0x8000000000000001
 */
export const WARM_UP_CODE: readonly number[] = [
  0xeb01003f, // 000: cmp x1, x1
  0x54002880, // 004: b.eq 0x514
  0xb400289f, // 008: cbz xzr, 0x518
  0x3400289f, // 00c: cbz wzr, 0x51c
  0xb5002880, // 010: cbnz x0, 0x520
  0x35002880, // 014: cbnz w0, 0x524
  0x3608289f, // 018: tbz wzr, #1, 0x528
  0x37802880, // 01c: tbnz w0, #16, 0x52c
  0xf100041f, // 020: cmp x0, #1
  0x54002881, // 024: b.ne 0x534
  0x6b01003f, // 028: cmp w1, w1
  0x54002860, // 02c: b.eq 0x538
  0x7100041f, // 030: cmp w0, #1
  0x54002841, // 034: b.ne 0x53c
  0xea00001f, // 038: tst x0, x0
  0x54002821, // 03c: b.ne 0x540
  0x10002789, // 040: adr x9, #1264
  0xd61f0120, // 044: br x9
  0x9400013f, // 048: bl 0x544
  0x100027c9, // 04c: adr x9, #1272
  0xd63f0120, // 050: blr x9
  0x9100054a, // 054: add x10, x10, #1
  0x9100054a, // 058: add x10, x10, #1
  0x9100054a, // 05c: add x10, x10, #1
  0x9100054a, // 060: add x10, x10, #1
  0x9100054a, // 064: add x10, x10, #1
  0x9100054a, // 068: add x10, x10, #1
  0x9100054a, // 06c: add x10, x10, #1
  0x9100054a, // 070: add x10, x10, #1
  0x9100054a, // 074: add x10, x10, #1
  0x9100054a, // 078: add x10, x10, #1
  0x9100054a, // 07c: add x10, x10, #1
  0x9100054a, // 080: add x10, x10, #1
  0x9100054a, // 084: add x10, x10, #1
  0x9100054a, // 088: add x10, x10, #1
  0x9100054a, // 08c: add x10, x10, #1
  0x9100054a, // 090: add x10, x10, #1
  0x9100054a, // 094: add x10, x10, #1
  0x9100054a, // 098: add x10, x10, #1
  0x9100054a, // 09c: add x10, x10, #1
  0x9100054a, // 0a0: add x10, x10, #1
  0x9100054a, // 0a4: add x10, x10, #1
  0x9100054a, // 0a8: add x10, x10, #1
  0x9100054a, // 0ac: add x10, x10, #1
  0x9100054a, // 0b0: add x10, x10, #1
  0x9100054a, // 0b4: add x10, x10, #1
  0x9100054a, // 0b8: add x10, x10, #1
  0x9100054a, // 0bc: add x10, x10, #1
  0x9100054a, // 0c0: add x10, x10, #1
  0x9100054a, // 0c4: add x10, x10, #1
  0x9100054a, // 0c8: add x10, x10, #1
  0x9100054a, // 0cc: add x10, x10, #1
  0x9100054a, // 0d0: add x10, x10, #1
  0x9100054a, // 0d4: add x10, x10, #1
  0x9100054a, // 0d8: add x10, x10, #1
  0x9100054a, // 0dc: add x10, x10, #1
  0x9100054a, // 0e0: add x10, x10, #1
  0x9100054a, // 0e4: add x10, x10, #1
  0x9100054a, // 0e8: add x10, x10, #1
  0x9100054a, // 0ec: add x10, x10, #1
  0x9100054a, // 0f0: add x10, x10, #1
  0x9100054a, // 0f4: add x10, x10, #1
  0x9100054a, // 0f8: add x10, x10, #1
  0x9100054a, // 0fc: add x10, x10, #1
  0x91048c2a, // 100: add x10, x1, #291
  0x111ffc4b, // 104: add w11, w2, #2047
  0xb100046c, // 108: adds x12, x3, #1
  0x3100048d, // 10c: adds w13, w4, #1
  0xf1000cae, // 110: subs x14, x5, #3
  0x71000ccf, // 114: subs w15, w6, #3
  0x8b02002a, // 118: add x10, x1, x2
  0x0b04006b, // 11c: add w11, w3, w4
  0xcb0600ac, // 120: sub x12, x5, x6
  0x4b0100ed, // 124: sub w13, w7, w1
  0xab03004e, // 128: adds x14, x2, x3
  0x2b05008f, // 12c: adds w15, w4, w5
  0xeb0700df, // 130: cmp x6, x7
  0x6b02003f, // 134: cmp w1, w2
  0x8b020c30, // 138: add x16, x1, x2, lsl #3
  0x4b840871, // 13c: sub w17, w3, w4, asr #2
  0xd2a2468a, // 140: mov x10, #305397760
  0x92800aab, // 144: mov x11, #-86
  0xf2f7ddea, // 148: movk x10, #48879, lsl #48
  0x72995fcb, // 14c: movk w11, #51966
  0x10fff58c, // 150: adr x12, #-336
  0x9000000d, // 154: adrp x13, 0x0
  0x92089c2e, // 158: and x14, x1, #0xff00ff00ff00ff00
  0xb200cc4f, // 15c: orr x15, x2, #0xf0f0f0f0f0f0f0f
  0xd2410470, // 160: eor x16, x3, #0x8000000000000001
  0xf2703c91, // 164: ands x17, x4, #0xffff0000
  0x12001caa, // 168: and w10, w5, #0xff
  0x320104cb, // 16c: orr w11, w6, #0x80000001
  0x5204ccec, // 170: eor w12, w7, #0xf0f0f0f0
  0x721f742d, // 174: ands w13, w1, #0x7ffffffe
  0x8a03004e, // 178: and x14, x2, x3
  0xaa05008f, // 17c: orr x15, x4, x5
  0xca0700d0, // 180: eor x16, x6, x7
  0xea020031, // 184: ands x17, x1, x2
  0x0a04006a, // 188: and w10, w3, w4
  0x2a0600ab, // 18c: orr w11, w5, w6
  0x4a0100ec, // 190: eor w12, w7, w1
  0x6a03004d, // 194: ands w13, w2, w3
  0xaa0403ee, // 198: mov x14, x4
  0x2a0503ef, // 19c: mov w15, w5
  0x8a220030, // 1a0: bic x16, x1, x2
  0x2a240c71, // 1a4: orn w17, w3, w4, lsl #3
  0x0a420c2a, // 1a8: and w10, w1, w2, lsr #3
  0x2a84146b, // 1ac: orr w11, w3, w4, asr #5
  0x4ac61cac, // 1b0: eor w12, w5, w6, ror #7
  0x6ac100ed, // 1b4: ands w13, w7, w1, ror #0
  0x4a637c4e, // 1b8: eon w14, w2, w3, lsr #31
  0x8a420c2a, // 1bc: and x10, x1, x2, lsr #3
  0xaa848c6b, // 1c0: orr x11, x3, x4, asr #35
  0xcac61cac, // 1c4: eor x12, x5, x6, ror #7
  0xeac1a0ed, // 1c8: ands x13, x7, x1, ror #40
  0xea23844e, // 1cc: bics x14, x2, x3, lsl #33
  0xd37df02a, // 1d0: lsl x10, x1, #3
  0xd3585c4b, // 1d4: lsl x11, x2, #40
  0xd347fc6c, // 1d8: lsr x12, x3, #7
  0xd36dfc8d, // 1dc: lsr x13, x4, #45
  0x9349fcae, // 1e0: asr x14, x5, #9
  0x9372fccf, // 1e4: asr x15, x6, #50
  0x531b68ea, // 1e8: lsl w10, w7, #5
  0x53067c2b, // 1ec: lsr w11, w1, #6
  0x13077c4c, // 1f0: asr w12, w2, #7
  0xd3443c6d, // 1f4: ubfx x13, x3, #4, #12
  0x53032c8e, // 1f8: ubfx w14, w4, #3, #9
  0x934254af, // 1fc: sbfx x15, x5, #2, #20
  0x13011cd0, // 200: sbfx w16, w6, #1, #7
  0xb3781cf1, // 204: bfi x17, x7, #8, #8
  0x331c0c2a, // 208: bfi w10, w1, #4, #4
  0x93c3344b, // 20c: extr x11, x2, x3, #13
  0x13851c8c, // 210: extr w12, w4, w5, #7
  0x9a82002d, // 214: csel x13, x1, x2, eq
  0x1a84106e, // 218: csel w14, w3, w4, ne
  0x9a8624af, // 21c: csinc x15, x5, x6, hs
  0x1a8134f0, // 220: csinc w16, w7, w1, lo
  0xda834051, // 224: csinv x17, x2, x3, mi
  0x5a85508a, // 228: csinv w10, w4, w5, pl
  0xda87c4cb, // 22c: csneg x11, x6, x7, gt
  0x5a82d42c, // 230: csneg w12, w1, w2, le
  0xeb01003f, // 234: cmp x1, x1
  0x9a82002d, // 238: csel x13, x1, x2, eq
  0x1a84006e, // 23c: csel w14, w3, w4, eq
  0x9a8614af, // 240: csinc x15, x5, x6, ne
  0x1a8114f0, // 244: csinc w16, w7, w1, ne
  0xda830051, // 248: csinv x17, x2, x3, eq
  0x5a85108a, // 24c: csinv w10, w4, w5, ne
  0xda8704cb, // 250: csneg x11, x6, x7, eq
  0x5a82142c, // 254: csneg w12, w1, w2, ne
  0xf13ffc2d, // 258: subs x13, x1, #4095
  0x713ffc4e, // 25c: subs w14, w2, #4095
  0xb13ffc6f, // 260: adds x15, x3, #4095
  0x313ffc90, // 264: adds w16, w4, #4095
  0xfa441062, // 268: ccmp x3, x4, #2, ne
  0xdac010ad, // 26c: clz x13, x5
  0x5ac000ce, // 270: rbit w14, w6
  0xdac00cef, // 274: rev x15, x7
  0x9ac20830, // 278: udiv x16, x1, x2
  0x1ac40c71, // 27c: sdiv w17, w3, w4
  0x9ac620aa, // 280: lsl x10, x5, x6
  0x1b020c2b, // 284: madd w11, w1, w2, w3
  0x1b05988c, // 288: msub w12, w4, w5, w6
  0x9b0108ed, // 28c: madd x13, x7, x1, x2
  0x9b04946e, // 290: msub x14, x3, x4, x5
  0x9b477ccf, // 294: smulh x15, x6, x7
  0x9bc27c30, // 298: umulh x16, x1, x2
  0x9ba47c71, // 29c: umull x17, w3, w4
  0xeb02003f, // 2a0: cmp x1, x2
  0x54000040, // 2a4: b.eq 0x2ac
  0xd503201f, // 2a8: nop
  0x54000041, // 2ac: b.ne 0x2b4
  0xd503201f, // 2b0: nop
  0xeb01003f, // 2b4: cmp x1, x1
  0x54000040, // 2b8: b.eq 0x2c0
  0xd503201f, // 2bc: nop
  0x54000041, // 2c0: b.ne 0x2c8
  0x14000002, // 2c4: b 0x2cc
  0xd503201f, // 2c8: nop
  0xf100143f, // 2cc: cmp x1, #5
  0x54000043, // 2d0: b.lo 0x2d8
  0xd503201f, // 2d4: nop
  0xf100145f, // 2d8: cmp x2, #5
  0x54000042, // 2dc: b.hs 0x2e4
  0xd503201f, // 2e0: nop
  0x6b04007f, // 2e4: cmp w3, w4
  0x5400004b, // 2e8: b.lt 0x2f0
  0xd503201f, // 2ec: nop
  0x6b0600bf, // 2f0: cmp w5, w6
  0x5400004a, // 2f4: b.ge 0x2fc
  0xd503201f, // 2f8: nop
  0x710014ff, // 2fc: cmp w7, #5
  0x54000040, // 300: b.eq 0x308
  0xd503201f, // 304: nop
  0x7100143f, // 308: cmp w1, #5
  0x54000041, // 30c: b.ne 0x314
  0xd503201f, // 310: nop
  0xb4000041, // 314: cbz x1, 0x31c
  0xd503201f, // 318: nop
  0xb5000042, // 31c: cbnz x2, 0x324
  0xd503201f, // 320: nop
  0x34000043, // 324: cbz w3, 0x32c
  0xd503201f, // 328: nop
  0x35000044, // 32c: cbnz w4, 0x334
  0xd503201f, // 330: nop
  0xb400005f, // 334: cbz xzr, 0x33c
  0xd503201f, // 338: nop
  0x3500005f, // 33c: cbnz wzr, 0x344
  0xd503201f, // 340: nop
  0xb500007f, // 344: cbnz xzr, 0x350
  0x3400005f, // 348: cbz wzr, 0x350
  0xd503201f, // 34c: nop
  0x36180045, // 350: tbz w5, #3, 0x358
  0xd503201f, // 354: nop
  0xb7400046, // 358: tbnz x6, #40, 0x360
  0xd503201f, // 35c: nop
  0x36f80047, // 360: tbz w7, #31, 0x368
  0xd503201f, // 364: nop
  0x3628005f, // 368: tbz wzr, #5, 0x370
  0xd503201f, // 36c: nop
  0x3728005f, // 370: tbnz wzr, #5, 0x378
  0xd503201f, // 374: nop
  0x94000073, // 378: bl 0x544
  0x10000e49, // 37c: adr x9, #456
  0xd63f0120, // 380: blr x9
  0x10000069, // 384: adr x9, #12
  0xd61f0120, // 388: br x9
  0xd503201f, // 38c: nop
  0xf940040a, // 390: ldr x10, [x0, #8]
  0xb940100b, // 394: ldr w11, [x0, #16]
  0x3940440c, // 398: ldrb w12, [x0, #17]
  0x7940240d, // 39c: ldrh w13, [x0, #18]
  0x39804c0e, // 3a0: ldrsb x14, [x0, #19]
  0x39c0500f, // 3a4: ldrsb w15, [x0, #20]
  0x79802c10, // 3a8: ldrsh x16, [x0, #22]
  0x79c03011, // 3ac: ldrsh w17, [x0, #24]
  0xb9801c0a, // 3b0: ldrsw x10, [x0, #28]
  0xf9001001, // 3b4: str x1, [x0, #32]
  0xb9002802, // 3b8: str w2, [x0, #40]
  0x3900b003, // 3bc: strb w3, [x0, #44]
  0x79005c04, // 3c0: strh w4, [x0, #46]
  0xf868680b, // 3c4: ldr x11, [x0, x8]
  0xf868580c, // 3c8: ldr x12, [x0, w8, uxtw #3]
  0xb868780d, // 3cc: ldr w13, [x0, x8, lsl #2]
  0xb868c80e, // 3d0: ldr w14, [x0, w8, sxtw]
  0x3868680f, // 3d4: ldrb w15, [x0, x8]
  0xf868d80c, // 3d8: ldr x12, [x0, w8, sxtw #3]
  0xb868580d, // 3dc: ldr w13, [x0, w8, uxtw #2]
  0x3868480f, // 3e0: ldrb w15, [x0, w8, uxtw]
  0x3868c80f, // 3e4: ldrb w15, [x0, w8, sxtw]
  0xf8285805, // 3e8: str x5, [x0, w8, uxtw #3]
  0xf828d805, // 3ec: str x5, [x0, w8, sxtw #3]
  0xb8287806, // 3f0: str w6, [x0, x8, lsl #2]
  0xb828d806, // 3f4: str w6, [x0, w8, sxtw #2]
  0x38284807, // 3f8: strb w7, [x0, w8, uxtw]
  0x3828c807, // 3fc: strb w7, [x0, w8, sxtw]
  0xf8287805, // 400: str x5, [x0, x8, lsl #3]
  0xb8285806, // 404: str w6, [x0, w8, uxtw #2]
  0x38286807, // 408: strb w7, [x0, x8]
  0xf94007ea, // 40c: ldr x10, [sp, #8]
  0xb94013eb, // 410: ldr w11, [sp, #16]
  0x394047ec, // 414: ldrb w12, [sp, #17]
  0x794027ed, // 418: ldrh w13, [sp, #18]
  0x39804fee, // 41c: ldrsb x14, [sp, #19]
  0x39c053ef, // 420: ldrsb w15, [sp, #20]
  0x79802ff0, // 424: ldrsh x16, [sp, #22]
  0x79c033f1, // 428: ldrsh w17, [sp, #24]
  0xb9801fea, // 42c: ldrsw x10, [sp, #28]
  0xf90013e1, // 430: str x1, [sp, #32]
  0xb9002be2, // 434: str w2, [sp, #40]
  0x3900b3e3, // 438: strb w3, [sp, #44]
  0x79005fe4, // 43c: strh w4, [sp, #46]
  0xf8686beb, // 440: ldr x11, [sp, x8]
  0xb8687bed, // 444: ldr w13, [sp, x8, lsl #2]
  0x38686bef, // 448: ldrb w15, [sp, x8]
  0xf8287be5, // 44c: str x5, [sp, x8, lsl #3]
  0xb8285be6, // 450: str w6, [sp, w8, uxtw #2]
  0x38286be7, // 454: strb w7, [sp, x8]
  0xa9030be1, // 458: stp x1, x2, [sp, #48]
  0xa9432fea, // 45c: ldp x10, x11, [sp, #48]
  0xa9bf7bfd, // 460: stp x29, x30, [sp, #-16]!
  0xa8c17bfd, // 464: ldp x29, x30, [sp], #16
  0xa9432c0a, // 468: ldp x10, x11, [x0, #48]
  0xa9040801, // 46c: stp x1, x2, [x0, #64]
  0x294a340c, // 470: ldp w12, w13, [x0, #80]
  0x290b1003, // 474: stp w3, w4, [x0, #88]
  0xf8460c0e, // 478: ldr x14, [x0, #96]!
  0xf81a0405, // 47c: str x5, [x0], #-96
  0x7868780f, // 480: ldrh w15, [x0, x8, lsl #1]
  0xf8468010, // 484: ldur x16, [x0, #104]
  0x58000611, // 488: ldr x17, 0x548
  0xc85f7c0a, // 48c: ldxr x10, [x0]
  0xc80b7c01, // 490: stxr w11, x1, [x0]
  0xc8dffc0c, // 494: ldar x12, [x0]
  0xc89ffc02, // 498: stlr x2, [x0]
  0xf823000d, // 49c: <unknown>
  0xc8ae7c04, // 4a0: <unknown>
  0xfd400400, // 4a4: ldr d0, [x0, #8]
  0xbd001001, // 4a8: str s1, [x0, #16]
  0xad410c02, // 4ac: ldp q2, q3, [x0, #32]
  0x6d041404, // 4b0: stp d4, d5, [x0, #64]
  0x3ce86806, // 4b4: ldr q6, [x0, x8]
  0x5c000487, // 4b8: ldr d7, 0x548
  0x9e670020, // 4bc: fmov d0, x1
  0x1e602801, // 4c0: fadd d1, d0, d0
  0x1e210822, // 4c4: fmul s2, s1, s1
  0x9e78002a, // 4c8: fcvtzs x10, d1
  0x9e620163, // 4cc: scvtf d3, x11
  0x4ea38444, // 4d0: add v4.4s, v2.4s, v3.4s
  0x4e010c25, // 4d4: dup v5.16b, w1
  0x0e013cac, // 4d8: umov w12, v5.b[0]
  0xd53b420d, // 4dc: mrs x13, NZCV
  0xd51b420d, // 4e0: msr NZCV, x13
  0xd53bd04e, // 4e4: mrs x14, TPIDR_EL0
  0xd5033fdf, // 4e8: isb
  0xf9800400, // 4ec: prfm pldl1keep, [x0, #8]
  0xd503201f, // 4f0: nop
  0x8b070021, // 4f4: add x1, x1, x7
  0xcac13442, // 4f8: eor x2, x2, x1, ror #13
  0x8b420c63, // 4fc: add x3, x3, x2, lsr #3
  0xcb030084, // 500: sub x4, x4, x3
  0xca041ca5, // 504: eor x5, x5, x4, lsl #7
  0x8b0500c6, // 508: add x6, x6, x5
  0x911554e7, // 50c: add x7, x7, #1365
  0x17fffebc, // 510: b 0x0
  0x17fffebd, // 514: b 0x8
  0x17fffebd, // 518: b 0xc
  0x17fffebd, // 51c: b 0x10
  0x17fffebd, // 520: b 0x14
  0x17fffebd, // 524: b 0x18
  0x17fffebd, // 528: b 0x1c
  0x17fffebd, // 52c: b 0x20
  0x17fffec6, // 530: b 0x48
  0x17fffebd, // 534: b 0x28
  0x17fffebe, // 538: b 0x30
  0x17fffebf, // 53c: b 0x38
  0x17fffec0, // 540: b 0x40
  0xd65f03c0, // 544: ret
  0x00000001, // 548: .word 0x00000001
  0x80000000, // 54c: .word 0x80000000
];

/** Where the program sits: across a page boundary, so it runs off one page and branches back to it. */
export const WARM_UP_BASE = VIRT_RAM_BASE + 0xf00;
export const WARM_UP_DATA = VIRT_RAM_BASE + 0x10000;

let warmedUp = false;
/** Rounds of the warm-up, the first WARM_UP_STEP_ROUNDS of them one instruction at a time. */
export const WARM_UP_ROUNDS = 16;
const WARM_UP_STEP_ROUNDS = 1;

/** Register values the rounds cycle through: zero, small, sign boundaries, carries out of each half. */
const SEED_PATTERNS: readonly bigint[] = [
  0n, 1n, 3n, 0x7fff_ffffn, 0x8000_0000n, 0xffff_ffffn, 0x1_0000_0000n, 0xffff_ffff_ffff_ffffn,
  0xffff_ffff_ffff_fff0n, 0x8000_0000_0000_0000n, 0x7fff_ffff_ffff_ffffn, 0xdead_beef_cafe_f00dn, 5n, 0x1234n,
];

/**
 * Run the warm-up program on a throwaway CPU, once per process. Each round starts from other seeds, so
 * both outcomes of the data-dependent paths run. The first round goes one instruction per `run` call with
 * the TLBs emptied before each, so every load and store also takes execute's complete path and the head
 * runs as it does when a debugger steps; it comes first because V8 allocates a function's feedback vector
 * only after a few calls, and what runs before that leaves no feedback. About 40 ms, once.
 */
export function warmUpInterpreter(): void {
  if (warmedUp) return;
  warmedUp = true; // first: warmUpVcpu builds a Vm, whose constructor calls this
  runWarmUpRounds(warmUpVcpu());
}

/** The rounds themselves; returns the number of instructions run (the test checks none stopped early). */
export function runWarmUpRounds(vcpu: Vcpu): number {
  const cpu = vcpu.cpu;
  const start = cpu.icount;
  const perRound = WARM_UP_CODE.length * 2;
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    for (let r = 1; r <= 7; r++) cpu.setX(r, SEED_PATTERNS[(round * 3 + r * 5) % SEED_PATTERNS.length]);
    cpu.flushTlb();
    if (round >= WARM_UP_STEP_ROUNDS) {
      if (vcpu.run({ maxInstructions: perRound }).reason !== 'budget') break;
      continue;
    }
    for (let i = 0; i < perRound; i++) {
      cpu.flushTlb();
      if (vcpu.run({ maxInstructions: 1 }).reason !== 'budget') return cpu.icount - start;
    }
  }
  return cpu.icount - start;
}

/**
 * A vCPU with the warm-up program loaded and its registers set, ready to run (also used by the test). It
 * is built the way every guest's is (Vm, createVcpu), so the objects the interpreter touches have the same
 * hidden classes and field representations as a real guest's; otherwise the first real guest would
 * deoptimise on a "wrong map".
 */
export function warmUpVcpu(): Vcpu {
  const vm = new Vm({ onUart: () => undefined });
  const vcpu = vm.createVcpu();
  const code = new Uint8Array(WARM_UP_CODE.length * 4);
  const dv = new DataView(code.buffer);
  WARM_UP_CODE.forEach((w, i) => dv.setUint32(i * 4, w >>> 0, true));
  vm.machine.bus.writeBytes(WARM_UP_BASE, code);
  const cpu = vcpu.cpu;
  cpu.fpEnabled = 1;
  cpu.setX(0, BigInt(WARM_UP_DATA));
  cpu.setX(8, 8n);
  cpu.setX(31, BigInt(WARM_UP_DATA + 0x800));
  cpu.pc = BigInt(WARM_UP_BASE);
  return vcpu;
}
