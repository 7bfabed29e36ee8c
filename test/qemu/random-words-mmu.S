// Second template for the random-instruction robustness test: `main` for the fixture runtime, so the
// word runs at EL1 with the MMU on (identity map, Normal RAM), FP enabled and the runtime's vectors,
// which print the exception and power off. Registers point into RAM.
    .text
    .global main
main:
    adrp x1, rw_data
    add x1, x1, :lo12:rw_data
    add x2, x1, #16
    add x3, x1, #255
    mov x4, #1
    mov x5, #-1
    add x6, x1, #8
    mov x7, #0x40000000
    add x8, x1, #1024
    mov x9, #3
    add x10, x1, #7
    mov x11, #0x8000000000000000
    add x12, x1, #512
    add x13, x1, #64
    movz x14, #0xffff, lsl #16
    add x15, x1, #32
    mov x16, #64
    add x17, x1, #128
    add x18, x1, #1536
    add x20, x1, #3000
    add x21, x1, #100
    add x22, x1, #24
    mov x23, #8
    add x24, x1, #200
    add x25, x1, #301
    add x26, x1, #400
    add x27, x1, #600
    add x28, x1, #700
    mov x0, #16
    fmov d0, #1.5
    fmov d1, #-2.0
    movi v2.16b, #0x7f
    .global slot
slot:
    nop
    mov w0, #0
    b __rt_exit

    .data
    .balign 4096
rw_data:
    .fill 4096, 1, 0x5a
