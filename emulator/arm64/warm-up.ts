import { Arm64Cpu } from './cpu';
import { PhysicalBus } from '../machine/bus';

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
 *     adr x9, far_br
 *     br x9
 *   back_br:
 *     bl leaf
 *     adr x9, leaf
 *     blr x9
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
 *   23: cbz x1, 3f
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
 *   leaf:
 *     ret
 *     .p2align 3
 *   lit:
 *     .quad 0x8000000000000001
 */
export const WARM_UP_CODE: readonly number[] = [
  0xeb01003f, // 000: cmp x1, x1
  0x54001ea0, // 004: b.eq 0x3d8
  0xb4001ebf, // 008: cbz xzr, 0x3dc
  0x34001ebf, // 00c: cbz wzr, 0x3e0
  0xb5001ea0, // 010: cbnz x0, 0x3e4
  0x35001ea0, // 014: cbnz w0, 0x3e8
  0x36081ebf, // 018: tbz wzr, #1, 0x3ec
  0x37801ea0, // 01c: tbnz w0, #16, 0x3f0
  0x10001ea9, // 020: adr x9, #980
  0xd61f0120, // 024: br x9
  0x940000f4, // 028: bl 0x3f8
  0x10001e69, // 02c: adr x9, #972
  0xd63f0120, // 030: blr x9
  0x91048c2a, // 034: add x10, x1, #291
  0x111ffc4b, // 038: add w11, w2, #2047
  0xb100046c, // 03c: adds x12, x3, #1
  0x3100048d, // 040: adds w13, w4, #1
  0xf1000cae, // 044: subs x14, x5, #3
  0x71000ccf, // 048: subs w15, w6, #3
  0x8b02002a, // 04c: add x10, x1, x2
  0x0b04006b, // 050: add w11, w3, w4
  0xcb0600ac, // 054: sub x12, x5, x6
  0x4b0100ed, // 058: sub w13, w7, w1
  0xab03004e, // 05c: adds x14, x2, x3
  0x2b05008f, // 060: adds w15, w4, w5
  0xeb0700df, // 064: cmp x6, x7
  0x6b02003f, // 068: cmp w1, w2
  0x8b020c30, // 06c: add x16, x1, x2, lsl #3
  0x4b840871, // 070: sub w17, w3, w4, asr #2
  0xd2a2468a, // 074: mov x10, #305397760
  0x92800aab, // 078: mov x11, #-86
  0xf2f7ddea, // 07c: movk x10, #48879, lsl #48
  0x72995fcb, // 080: movk w11, #51966
  0x10fffbec, // 084: adr x12, #-132
  0x9000000d, // 088: adrp x13, 0x0
  0x92089c2e, // 08c: and x14, x1, #0xff00ff00ff00ff00
  0xb200cc4f, // 090: orr x15, x2, #0xf0f0f0f0f0f0f0f
  0xd2410470, // 094: eor x16, x3, #0x8000000000000001
  0xf2703c91, // 098: ands x17, x4, #0xffff0000
  0x12001caa, // 09c: and w10, w5, #0xff
  0x320104cb, // 0a0: orr w11, w6, #0x80000001
  0x5204ccec, // 0a4: eor w12, w7, #0xf0f0f0f0
  0x721f742d, // 0a8: ands w13, w1, #0x7ffffffe
  0x8a03004e, // 0ac: and x14, x2, x3
  0xaa05008f, // 0b0: orr x15, x4, x5
  0xca0700d0, // 0b4: eor x16, x6, x7
  0xea020031, // 0b8: ands x17, x1, x2
  0x0a04006a, // 0bc: and w10, w3, w4
  0x2a0600ab, // 0c0: orr w11, w5, w6
  0x4a0100ec, // 0c4: eor w12, w7, w1
  0x6a03004d, // 0c8: ands w13, w2, w3
  0xaa0403ee, // 0cc: mov x14, x4
  0x2a0503ef, // 0d0: mov w15, w5
  0x8a220030, // 0d4: bic x16, x1, x2
  0x2a240c71, // 0d8: orn w17, w3, w4, lsl #3
  0xd37df02a, // 0dc: lsl x10, x1, #3
  0xd3585c4b, // 0e0: lsl x11, x2, #40
  0xd347fc6c, // 0e4: lsr x12, x3, #7
  0xd36dfc8d, // 0e8: lsr x13, x4, #45
  0x9349fcae, // 0ec: asr x14, x5, #9
  0x9372fccf, // 0f0: asr x15, x6, #50
  0x531b68ea, // 0f4: lsl w10, w7, #5
  0x53067c2b, // 0f8: lsr w11, w1, #6
  0x13077c4c, // 0fc: asr w12, w2, #7
  0xd3443c6d, // 100: ubfx x13, x3, #4, #12
  0x53032c8e, // 104: ubfx w14, w4, #3, #9
  0x934254af, // 108: sbfx x15, x5, #2, #20
  0x13011cd0, // 10c: sbfx w16, w6, #1, #7
  0xb3781cf1, // 110: bfi x17, x7, #8, #8
  0x331c0c2a, // 114: bfi w10, w1, #4, #4
  0x93c3344b, // 118: extr x11, x2, x3, #13
  0x13851c8c, // 11c: extr w12, w4, w5, #7
  0x9a82002d, // 120: csel x13, x1, x2, eq
  0x1a84106e, // 124: csel w14, w3, w4, ne
  0x9a8624af, // 128: csinc x15, x5, x6, hs
  0x1a8134f0, // 12c: csinc w16, w7, w1, lo
  0xda834051, // 130: csinv x17, x2, x3, mi
  0x5a85508a, // 134: csinv w10, w4, w5, pl
  0xda87c4cb, // 138: csneg x11, x6, x7, gt
  0x5a82d42c, // 13c: csneg w12, w1, w2, le
  0xeb01003f, // 140: cmp x1, x1
  0x9a82002d, // 144: csel x13, x1, x2, eq
  0x1a84006e, // 148: csel w14, w3, w4, eq
  0x9a8614af, // 14c: csinc x15, x5, x6, ne
  0x1a8114f0, // 150: csinc w16, w7, w1, ne
  0xda830051, // 154: csinv x17, x2, x3, eq
  0x5a85108a, // 158: csinv w10, w4, w5, ne
  0xda8704cb, // 15c: csneg x11, x6, x7, eq
  0x5a82142c, // 160: csneg w12, w1, w2, ne
  0xf13ffc2d, // 164: subs x13, x1, #4095
  0x713ffc4e, // 168: subs w14, w2, #4095
  0xb13ffc6f, // 16c: adds x15, x3, #4095
  0x313ffc90, // 170: adds w16, w4, #4095
  0xfa441062, // 174: ccmp x3, x4, #2, ne
  0xdac010ad, // 178: clz x13, x5
  0x5ac000ce, // 17c: rbit w14, w6
  0xdac00cef, // 180: rev x15, x7
  0x9ac20830, // 184: udiv x16, x1, x2
  0x1ac40c71, // 188: sdiv w17, w3, w4
  0x9ac620aa, // 18c: lsl x10, x5, x6
  0x1b020c2b, // 190: madd w11, w1, w2, w3
  0x1b05988c, // 194: msub w12, w4, w5, w6
  0x9b0108ed, // 198: madd x13, x7, x1, x2
  0x9b04946e, // 19c: msub x14, x3, x4, x5
  0x9b477ccf, // 1a0: smulh x15, x6, x7
  0x9bc27c30, // 1a4: umulh x16, x1, x2
  0x9ba47c71, // 1a8: umull x17, w3, w4
  0xeb02003f, // 1ac: cmp x1, x2
  0x54000040, // 1b0: b.eq 0x1b8
  0xd503201f, // 1b4: nop
  0x54000041, // 1b8: b.ne 0x1c0
  0xd503201f, // 1bc: nop
  0xeb01003f, // 1c0: cmp x1, x1
  0x54000040, // 1c4: b.eq 0x1cc
  0xd503201f, // 1c8: nop
  0x54000041, // 1cc: b.ne 0x1d4
  0x14000002, // 1d0: b 0x1d8
  0xd503201f, // 1d4: nop
  0xb4000041, // 1d8: cbz x1, 0x1e0
  0xd503201f, // 1dc: nop
  0xb5000042, // 1e0: cbnz x2, 0x1e8
  0xd503201f, // 1e4: nop
  0x34000043, // 1e8: cbz w3, 0x1f0
  0xd503201f, // 1ec: nop
  0x35000044, // 1f0: cbnz w4, 0x1f8
  0xd503201f, // 1f4: nop
  0xb400005f, // 1f8: cbz xzr, 0x200
  0xd503201f, // 1fc: nop
  0x3500005f, // 200: cbnz wzr, 0x208
  0xd503201f, // 204: nop
  0xb500007f, // 208: cbnz xzr, 0x214
  0x3400005f, // 20c: cbz wzr, 0x214
  0xd503201f, // 210: nop
  0x36180045, // 214: tbz w5, #3, 0x21c
  0xd503201f, // 218: nop
  0xb7400046, // 21c: tbnz x6, #40, 0x224
  0xd503201f, // 220: nop
  0x36f80047, // 224: tbz w7, #31, 0x22c
  0xd503201f, // 228: nop
  0x3628005f, // 22c: tbz wzr, #5, 0x234
  0xd503201f, // 230: nop
  0x3728005f, // 234: tbnz wzr, #5, 0x23c
  0xd503201f, // 238: nop
  0x9400006f, // 23c: bl 0x3f8
  0x10000dc9, // 240: adr x9, #440
  0xd63f0120, // 244: blr x9
  0x10000069, // 248: adr x9, #12
  0xd61f0120, // 24c: br x9
  0xd503201f, // 250: nop
  0xf940040a, // 254: ldr x10, [x0, #8]
  0xb940100b, // 258: ldr w11, [x0, #16]
  0x3940440c, // 25c: ldrb w12, [x0, #17]
  0x7940240d, // 260: ldrh w13, [x0, #18]
  0x39804c0e, // 264: ldrsb x14, [x0, #19]
  0x39c0500f, // 268: ldrsb w15, [x0, #20]
  0x79802c10, // 26c: ldrsh x16, [x0, #22]
  0x79c03011, // 270: ldrsh w17, [x0, #24]
  0xb9801c0a, // 274: ldrsw x10, [x0, #28]
  0xf9001001, // 278: str x1, [x0, #32]
  0xb9002802, // 27c: str w2, [x0, #40]
  0x3900b003, // 280: strb w3, [x0, #44]
  0x79005c04, // 284: strh w4, [x0, #46]
  0xf868680b, // 288: ldr x11, [x0, x8]
  0xf868580c, // 28c: ldr x12, [x0, w8, uxtw #3]
  0xb868780d, // 290: ldr w13, [x0, x8, lsl #2]
  0xb868c80e, // 294: ldr w14, [x0, w8, sxtw]
  0x3868680f, // 298: ldrb w15, [x0, x8]
  0xf868d80c, // 29c: ldr x12, [x0, w8, sxtw #3]
  0xb868580d, // 2a0: ldr w13, [x0, w8, uxtw #2]
  0x3868480f, // 2a4: ldrb w15, [x0, w8, uxtw]
  0x3868c80f, // 2a8: ldrb w15, [x0, w8, sxtw]
  0xf8285805, // 2ac: str x5, [x0, w8, uxtw #3]
  0xf828d805, // 2b0: str x5, [x0, w8, sxtw #3]
  0xb8287806, // 2b4: str w6, [x0, x8, lsl #2]
  0xb828d806, // 2b8: str w6, [x0, w8, sxtw #2]
  0x38284807, // 2bc: strb w7, [x0, w8, uxtw]
  0x3828c807, // 2c0: strb w7, [x0, w8, sxtw]
  0xf8287805, // 2c4: str x5, [x0, x8, lsl #3]
  0xb8285806, // 2c8: str w6, [x0, w8, uxtw #2]
  0x38286807, // 2cc: strb w7, [x0, x8]
  0xf94007ea, // 2d0: ldr x10, [sp, #8]
  0xb94013eb, // 2d4: ldr w11, [sp, #16]
  0x394047ec, // 2d8: ldrb w12, [sp, #17]
  0x794027ed, // 2dc: ldrh w13, [sp, #18]
  0x39804fee, // 2e0: ldrsb x14, [sp, #19]
  0x39c053ef, // 2e4: ldrsb w15, [sp, #20]
  0x79802ff0, // 2e8: ldrsh x16, [sp, #22]
  0x79c033f1, // 2ec: ldrsh w17, [sp, #24]
  0xb9801fea, // 2f0: ldrsw x10, [sp, #28]
  0xf90013e1, // 2f4: str x1, [sp, #32]
  0xb9002be2, // 2f8: str w2, [sp, #40]
  0x3900b3e3, // 2fc: strb w3, [sp, #44]
  0x79005fe4, // 300: strh w4, [sp, #46]
  0xf8686beb, // 304: ldr x11, [sp, x8]
  0xb8687bed, // 308: ldr w13, [sp, x8, lsl #2]
  0x38686bef, // 30c: ldrb w15, [sp, x8]
  0xf8287be5, // 310: str x5, [sp, x8, lsl #3]
  0xb8285be6, // 314: str w6, [sp, w8, uxtw #2]
  0x38286be7, // 318: strb w7, [sp, x8]
  0xa9030be1, // 31c: stp x1, x2, [sp, #48]
  0xa9432fea, // 320: ldp x10, x11, [sp, #48]
  0xa9bf7bfd, // 324: stp x29, x30, [sp, #-16]!
  0xa8c17bfd, // 328: ldp x29, x30, [sp], #16
  0xa9432c0a, // 32c: ldp x10, x11, [x0, #48]
  0xa9040801, // 330: stp x1, x2, [x0, #64]
  0x294a340c, // 334: ldp w12, w13, [x0, #80]
  0x290b1003, // 338: stp w3, w4, [x0, #88]
  0xf8460c0e, // 33c: ldr x14, [x0, #96]!
  0xf81a0405, // 340: str x5, [x0], #-96
  0x7868780f, // 344: ldrh w15, [x0, x8, lsl #1]
  0xf8468010, // 348: ldur x16, [x0, #104]
  0x580005b1, // 34c: ldr x17, 0x400
  0xc85f7c0a, // 350: ldxr x10, [x0]
  0xc80b7c01, // 354: stxr w11, x1, [x0]
  0xc8dffc0c, // 358: ldar x12, [x0]
  0xc89ffc02, // 35c: stlr x2, [x0]
  0xf823000d, // 360: <unknown>
  0xc8ae7c04, // 364: <unknown>
  0xfd400400, // 368: ldr d0, [x0, #8]
  0xbd001001, // 36c: str s1, [x0, #16]
  0xad410c02, // 370: ldp q2, q3, [x0, #32]
  0x6d041404, // 374: stp d4, d5, [x0, #64]
  0x3ce86806, // 378: ldr q6, [x0, x8]
  0x5c000427, // 37c: ldr d7, 0x400
  0x9e670020, // 380: fmov d0, x1
  0x1e602801, // 384: fadd d1, d0, d0
  0x1e210822, // 388: fmul s2, s1, s1
  0x9e78002a, // 38c: fcvtzs x10, d1
  0x9e620163, // 390: scvtf d3, x11
  0x4ea38444, // 394: add v4.4s, v2.4s, v3.4s
  0x4e010c25, // 398: dup v5.16b, w1
  0x0e013cac, // 39c: umov w12, v5.b[0]
  0xd53b420d, // 3a0: mrs x13, NZCV
  0xd51b420d, // 3a4: msr NZCV, x13
  0xd53bd04e, // 3a8: mrs x14, TPIDR_EL0
  0xd5033fdf, // 3ac: isb
  0xf9800400, // 3b0: prfm pldl1keep, [x0, #8]
  0xd503201f, // 3b4: nop
  0x8b070021, // 3b8: add x1, x1, x7
  0xcac13442, // 3bc: eor x2, x2, x1, ror #13
  0x8b420c63, // 3c0: add x3, x3, x2, lsr #3
  0xcb030084, // 3c4: sub x4, x4, x3
  0xca041ca5, // 3c8: eor x5, x5, x4, lsl #7
  0x8b0500c6, // 3cc: add x6, x6, x5
  0x911554e7, // 3d0: add x7, x7, #1365
  0x17ffff0b, // 3d4: b 0x0
  0x17ffff0c, // 3d8: b 0x8
  0x17ffff0c, // 3dc: b 0xc
  0x17ffff0c, // 3e0: b 0x10
  0x17ffff0c, // 3e4: b 0x14
  0x17ffff0c, // 3e8: b 0x18
  0x17ffff0c, // 3ec: b 0x1c
  0x17ffff0c, // 3f0: b 0x20
  0x17ffff0d, // 3f4: b 0x28
  0xd65f03c0, // 3f8: ret
  0xd503201f, // 3fc: nop
  0x00000001, // 400: .word 0x00000001
  0x80000000, // 404: .word 0x80000000
];

/** Where the program sits: across a page boundary, so it runs off one page and branches back to it. */
export const WARM_UP_BASE = 0x40000f00;
export const WARM_UP_DATA = 0x40010000;
const RAM_BASE = 0x40000000;
const RAM_SIZE = 1 << 20;

let warmedUp = false;
/** Rounds of the warm-up (half at full speed, half one instruction at a time). */
export const WARM_UP_ROUNDS = 24;

/** Register values the rounds cycle through: zero, small, sign boundaries, carries out of each half. */
const SEED_PATTERNS: readonly bigint[] = [
  0n, 1n, 3n, 0x7fff_ffffn, 0x8000_0000n, 0xffff_ffffn, 0x1_0000_0000n, 0xffff_ffff_ffff_ffffn,
  0xffff_ffff_ffff_fff0n, 0x8000_0000_0000_0000n, 0x7fff_ffff_ffff_ffffn, 0xdead_beef_cafe_f00dn, 5n, 0x1234n,
];

/**
 * Run the warm-up program on a throwaway CPU, once per process. Each round starts from other seeds, so
 * both outcomes of the data-dependent paths run. Odd rounds go one instruction per `run` call with the
 * TLBs emptied before each, so every load and store also takes execute's complete path and the head runs
 * as it does when a debugger steps. Rounds are separate `run` calls because V8 allocates a function's
 * feedback vector only after a few calls, and what runs before that leaves no feedback.
 */
export function warmUpInterpreter(): void {
  if (warmedUp) return;
  warmedUp = true;
  runWarmUpRounds(warmUpCpu());
}

/** The rounds themselves; returns the number of instructions run (the test checks none stopped early). */
export function runWarmUpRounds(cpu: Arm64Cpu): number {
  const start = cpu.icount;
  const perRound = WARM_UP_CODE.length * 2;
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    for (let r = 1; r <= 7; r++) cpu.setX(r, SEED_PATTERNS[(round * 3 + r * 5) % SEED_PATTERNS.length]);
    cpu.flushTlb();
    if ((round & 1) === 0) {
      if (cpu.run(perRound) !== 0) break;
      continue;
    }
    for (let i = 0; i < perRound; i++) {
      cpu.flushTlb();
      if (cpu.run(1) !== 0) return cpu.icount - start;
    }
  }
  return cpu.icount - start;
}

/** A CPU with the warm-up program loaded and its registers set, ready to run (also used by the test). */
export function warmUpCpu(): Arm64Cpu {
  const bus = new PhysicalBus(RAM_BASE, RAM_SIZE);
  const code = new Uint8Array(WARM_UP_CODE.length * 4);
  const dv = new DataView(code.buffer);
  WARM_UP_CODE.forEach((w, i) => dv.setUint32(i * 4, w >>> 0, true));
  bus.writeBytes(WARM_UP_BASE, code);
  const cpu = new Arm64Cpu(bus);
  cpu.fpEnabled = 1;
  cpu.setX(0, BigInt(WARM_UP_DATA));
  cpu.setX(8, 8n);
  cpu.setX(31, BigInt(WARM_UP_DATA + 0x800));
  cpu.pc = BigInt(WARM_UP_BASE);
  return cpu;
}
