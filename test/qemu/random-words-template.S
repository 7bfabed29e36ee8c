// Template guest for the random-instruction robustness test: registers point into RAM, FP is enabled,
// every vector powers off, and the word at `slot` is replaced by the word under test.
// MMU stays off (Device memory: unaligned accesses fault, which is one more path to exercise).
    .text
    .global _start
_start:
    adr x0, vectors
    msr vbar_el1, x0
    mov x0, #(3 << 20)
    msr cpacr_el1, x0
    isb
    adr x1, data
    add sp, x1, #2048
    add x2, x1, #16
    add x3, x1, #256
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
    mov x19, #0
    add x20, x1, #3000
    add x21, x1, #100
    add x22, x1, #24
    mov x23, #8
    add x24, x1, #200
    add x25, x1, #300
    add x26, x1, #400
    add x27, x1, #600
    add x28, x1, #700
    add x29, x1, #2048
    add x30, x1, #800
    mov x0, #16
    fmov d0, #1.5
    fmov d1, #-2.0
    movi v2.16b, #0x7f
    .global slot
slot:
    nop
poweroff:
    movz x0, #0x0008
    movk x0, #0x8400, lsl #16
    hvc #0
    b .

    .balign 2048
vectors:
    .rept 16
    .balign 0x80
    b poweroff
    .endr

    .balign 4096
data:
    .fill 4096, 1, 0x5a
