// Runtime of the generated-sequence guests: loads a sequence's initial state, and the vector table
// that turns an exception inside a sequence into a recorded result instead of the end of the run.
// Entry layout: see state.ts; gen_state layout: see seq-macros.S.

    .text
    .global gen_load
    .type gen_load, %function
// x0 = init entry; SP = gen_state. Returns with x0-x29, v0-v31, NZCV, FPCR, FPSR, TPIDR_EL0 loaded.
gen_load:
    str x30, [sp, #56]
    ldr x1, [x0, #784]
    tbz x1, #0, 2f
    adrp x1, gen_scratch_init
    add x1, x1, :lo12:gen_scratch_init
    adrp x2, gen_scratch
    add x2, x2, :lo12:gen_scratch
    mov x3, #8192
1:  ldp x4, x5, [x1], #16
    stp x4, x5, [x2], #16
    subs x3, x3, #16
    b.ne 1b
2:  ldr x1, [x0, #760]
    msr fpcr, x1
    ldr x1, [x0, #768]
    msr fpsr, x1
    ldr x1, [x0, #776]
    msr tpidr_el0, x1
    ldr x1, [x0, #752]
    msr nzcv, x1
    add x1, x0, #240
    ldp q0, q1, [x1, #0]
    ldp q2, q3, [x1, #32]
    ldp q4, q5, [x1, #64]
    ldp q6, q7, [x1, #96]
    ldp q8, q9, [x1, #128]
    ldp q10, q11, [x1, #160]
    ldp q12, q13, [x1, #192]
    ldp q14, q15, [x1, #224]
    ldp q16, q17, [x1, #256]
    ldp q18, q19, [x1, #288]
    ldp q20, q21, [x1, #320]
    ldp q22, q23, [x1, #352]
    ldp q24, q25, [x1, #384]
    ldp q26, q27, [x1, #416]
    ldp q28, q29, [x1, #448]
    ldp q30, q31, [x1, #480]
    adrp x1, gen_scratch
    add x1, x1, :lo12:gen_scratch
    ldp x24, x25, [x0, #192]
    add x24, x24, x1
    add x25, x25, x1
    ldp x26, x27, [x0, #208]
    add x26, x26, x1
    add x27, x27, x1
    ldr x28, [x0, #224]
    add x28, x28, x1
    ldp x22, x23, [x0, #176]
    ldr x29, [x0, #232]
    ldp x20, x21, [x0, #160]
    ldp x18, x19, [x0, #144]
    ldp x16, x17, [x0, #128]
    ldp x14, x15, [x0, #112]
    ldp x12, x13, [x0, #96]
    ldp x10, x11, [x0, #80]
    ldp x8, x9, [x0, #64]
    ldp x6, x7, [x0, #48]
    ldp x4, x5, [x0, #32]
    ldp x2, x3, [x0, #16]
    ldr x1, [x0, #8]
    ldr x0, [x0, #0]
    ret
    .size gen_load, . - gen_load

// Every vector: inside a sequence, record ESR/FAR/ELR and resume at the sequence's exit (which dumps the
// registers as they were at the exception); elsewhere, report and power off like the plain runtime.
    .balign 2048
    .global gen_vectors
gen_vectors:
    .rept 16
    .balign 0x80
    b gen_exc_common
    .endr

gen_exc_common:
    msr tpidr_el1, x0
    adrp x0, gen_state
    add x0, x0, :lo12:gen_state
    str x1, [x0, #48]
    ldr x1, [x0, #8]
    cbz x1, 3f
    mrs x1, elr_el1
    str x1, [x0, #32]
    ldr x1, [x0, #8]
    msr elr_el1, x1
    mrs x1, esr_el1
    str x1, [x0, #16]
    mrs x1, far_el1
    str x1, [x0, #24]
    mov x1, #1
    str x1, [x0, #40]
    ldr x1, [x0, #48]
    mrs x0, tpidr_el1
    eret
3:  mov x0, #99
    mrs x1, esr_el1
    mrs x2, elr_el1
    mrs x3, far_el1
    b __rt_exception
