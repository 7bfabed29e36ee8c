// Self-debugging guest (AArch64 assembly): the guest programs its own hardware breakpoint and then sets the
// OS Lock, the way an operating system's debugger or its power-management code would.
//
//   phase 1  OS Lock clear: breakpoint 0 on `target` fires; our EL1 vector counts the hit and disarms it.
//   phase 2  OS Lock set (msr oslar_el1, x0 with x0 = 1): breakpoint 0 is armed again, but the OS Lock
//            suppresses debug exceptions, so calling `target` does not trap.
//   phase 3  OS Lock cleared again: the same breakpoint fires once more.
//
// It prints "selfdebug hits (unlocked, locked, unlocked again): 1 0 1" and powers off. Stop at `locked` (a breakpoint on that line) and open the Debug
// Hardware view: the guest's own slot 0, MDSCR_EL1 and OSLSR_EL1 (OSLK = 1) next to what the hypervisor
// actually loaded into the hardware while your debugger owns it.
//
// Also runs on qemu-system-aarch64 -M virt -cpu max -kernel selfdebug.elf, but QEMU 7.2 does not let the OS
// Lock suppress breakpoints and prints "1 1 0"; the architecture (and Stepvisor) say "1 0 1".

#define UART            0x09000000
#define PSCI_SYSTEM_OFF 0x84000008
#define MDSCR_MDE       (1 << 15)       // enable breakpoints and watchpoints
#define MDSCR_KDE       (1 << 13)       // let them fire at EL1, the level this guest runs at
// DBGBCR: BAS = 0b1111 (A64 instruction), PMC = 0b11 (EL1 and EL0), E = 1.
#define BCR_ARMED       ((0xf << 5) | (3 << 1) | 1)
#define EC_BREAKPOINT_SAME_EL 0x31

    .section .text.boot, "ax"
    .global _start
_start:
    adrp    x0, __stack_top
    add     x0, x0, :lo12:__stack_top
    mov     sp, x0
    adr     x0, vectors
    msr     vbar_el1, x0
    mov     x19, #0                     // x19..x21: hits in phase 1, 2, 3

    // QEMU resets with the OS Lock set (KVM does not): clear it first, as Linux does at boot.
    msr     oslar_el1, xzr
    adr     x0, target
    msr     dbgbvr0_el1, x0             // breakpoint 0 watches `target`
    mov     x0, #(MDSCR_MDE | MDSCR_KDE)
    msr     mdscr_el1, x0
    msr     daifclr, #8                 // PSTATE.D = 0: debug exceptions unmasked
    isb

phase1:
    bl      arm
    bl      target                      // traps: the vector counts into x19 and disarms slot 0
    mov     x20, x19

phase2:
    mov     x0, #1
    msr     oslar_el1, x0               // set the OS Lock
    isb
    bl      arm                         // the slot can still be written while locked
locked:
    bl      target                      // no trap: the OS Lock suppresses breakpoint exceptions
    sub     x20, x19, x20               // hits while locked (0)
    mov     x21, x19

phase3:
    msr     oslar_el1, xzr              // clear the OS Lock
    isb
    bl      target                      // traps again
    sub     x21, x19, x21

    adr     x0, msg_hits
    bl      puts
    mov     x0, #1                      // phase 1 hit once before phase 2 began
    bl      putdigit
    mov     x0, x20
    bl      putdigit
    mov     x0, x21
    bl      putdigit
    mov     x0, #'\n'
    bl      putc

    movz    x0, #(PSCI_SYSTEM_OFF & 0xffff)
    movk    x0, #(PSCI_SYSTEM_OFF >> 16), lsl #16
    hvc     #0
1:  b       1b

// The function the breakpoint watches. It does a little work so stepping through it shows something.
    .global target
target:
    mov     x0, #6
    mov     x1, #7
    mul     x0, x0, x1
    ret

// Arms breakpoint 0 (its address was set once in _start).
arm:
    mov     x0, #BCR_ARMED
    msr     dbgbcr0_el1, x0
    isb
    ret

// --- UART output (PL011 data register; QEMU and Stepvisor need no setup) ---
putc:                                   // x0 = character
    mov     x9, #UART
    strb    w0, [x9]
    ret

putdigit:                               // x0 = 0..9, followed by a space
    mov     x9, #UART
    add     w0, w0, #'0'
    strb    w0, [x9]
    mov     w0, #' '
    strb    w0, [x9]
    ret

puts:                                   // x0 = NUL-terminated string
    mov     x9, #UART
2:  ldrb    w10, [x0], #1
    cbz     w10, 3f
    strb    w10, [x9]
    b       2b
3:  ret

// --- Exception vectors: only "synchronous, current EL, SP_ELx" is expected ---
    .macro  UNEXPECTED
    .balign 0x80
    b       unexpected
    .endm

    .balign 2048
vectors:
    UNEXPECTED                          // current EL with SP_EL0: sync, IRQ, FIQ, SError
    UNEXPECTED
    UNEXPECTED
    UNEXPECTED
    .balign 0x80                        // current EL with SP_ELx, synchronous
    b       sync_el1
    UNEXPECTED
    UNEXPECTED
    UNEXPECTED
    .rept 8                             // lower EL (AArch64, AArch32): never used here
    UNEXPECTED
    .endr

sync_el1:
    stp     x9, x10, [sp, #-16]!
    mrs     x9, esr_el1
    lsr     x9, x9, #26                 // ESR_EL1.EC
    cmp     x9, #EC_BREAKPOINT_SAME_EL
    b.ne    unexpected
    add     x19, x19, #1                // count the hit
    msr     dbgbcr0_el1, xzr            // disarm, or returning to `target` would trap again
    isb
    ldp     x9, x10, [sp], #16
    eret                                // ELR_EL1 = `target`: run it this time

unexpected:
    adr     x0, msg_unexpected
    bl      puts
    movz    x0, #(PSCI_SYSTEM_OFF & 0xffff)
    movk    x0, #(PSCI_SYSTEM_OFF >> 16), lsl #16
    hvc     #0
4:  b       4b

    .section .rodata
msg_hits:
    .asciz  "selfdebug hits (unlocked, locked, unlocked again): "
msg_unexpected:
    .asciz  "selfdebug: unexpected exception\n"
