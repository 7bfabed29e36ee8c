// Entry and exit of one generated sequence (included at the top of every generated guest).
// Contract with driver.c and state.ts: gen_state layout
//   0 C sp, 8 resume address (0 outside a sequence), 16 ESR, 24 FAR, 32 ELR, 40 exception taken,
//   48 handler temp, 56 x30 on entry, 64 x0..x30, 320 v0..v31, 832 nzcv, 840 fpsr, 848 fpcr, 856 tpidr_el0.
// While a sequence runs, SP points at gen_state: sequences never write SP, and the exception handler
// finds the state there.

.macro SEQ_ENTER resume
    stp x29, x30, [sp, #-160]!
    stp x19, x20, [sp, #16]
    stp x21, x22, [sp, #32]
    stp x23, x24, [sp, #48]
    stp x25, x26, [sp, #64]
    stp x27, x28, [sp, #80]
    stp d8, d9, [sp, #96]
    stp d10, d11, [sp, #112]
    stp d12, d13, [sp, #128]
    stp d14, d15, [sp, #144]
    adrp x1, gen_state
    add x1, x1, :lo12:gen_state
    mov x2, sp
    str x2, [x1, #0]
    adr x2, \resume
    str x2, [x1, #8]
    mov sp, x1
    bl gen_load
.endm

.macro SEQ_EXIT
    stp x0, x1, [sp, #64]
    stp x2, x3, [sp, #80]
    stp x4, x5, [sp, #96]
    stp x6, x7, [sp, #112]
    stp x8, x9, [sp, #128]
    stp x10, x11, [sp, #144]
    stp x12, x13, [sp, #160]
    stp x14, x15, [sp, #176]
    stp x16, x17, [sp, #192]
    stp x18, x19, [sp, #208]
    stp x20, x21, [sp, #224]
    stp x22, x23, [sp, #240]
    stp x24, x25, [sp, #256]
    stp x26, x27, [sp, #272]
    stp x28, x29, [sp, #288]
    str x30, [sp, #304]
    stp q0, q1, [sp, #320]
    stp q2, q3, [sp, #352]
    stp q4, q5, [sp, #384]
    stp q6, q7, [sp, #416]
    stp q8, q9, [sp, #448]
    stp q10, q11, [sp, #480]
    stp q12, q13, [sp, #512]
    stp q14, q15, [sp, #544]
    stp q16, q17, [sp, #576]
    stp q18, q19, [sp, #608]
    stp q20, q21, [sp, #640]
    stp q22, q23, [sp, #672]
    stp q24, q25, [sp, #704]
    stp q26, q27, [sp, #736]
    stp q28, q29, [sp, #768]
    stp q30, q31, [sp, #800]
    mrs x0, nzcv
    str x0, [sp, #832]
    mrs x0, fpsr
    str x0, [sp, #840]
    mrs x0, fpcr
    str x0, [sp, #848]
    mrs x0, tpidr_el0
    str x0, [sp, #856]
    msr fpcr, xzr
    str xzr, [sp, #8]
    ldr x1, [sp, #0]
    mov sp, x1
    ldp x19, x20, [sp, #16]
    ldp x21, x22, [sp, #32]
    ldp x23, x24, [sp, #48]
    ldp x25, x26, [sp, #64]
    ldp x27, x28, [sp, #80]
    ldp d8, d9, [sp, #96]
    ldp d10, d11, [sp, #112]
    ldp d12, d13, [sp, #128]
    ldp d14, d15, [sp, #144]
    ldp x29, x30, [sp], #160
    ret
.endm
