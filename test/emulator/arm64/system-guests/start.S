// Boot and exception vectors shared by the system-layer guests: records the first ESR/FAR of each probe,
// skips faulting data accesses, returns from instruction aborts to the caller, and brings EL0 code back to EL1
// on SVC or an EL0 instruction abort. Exits with PSCI SYSTEM_OFF.
.global _start
_start:
  ldr x0, =0x40200000
  mov sp, x0
  adr x0, vectors
  msr vbar_el1, x0
  isb
  bl main_
  ldr x0, =0x84000008
  hvc #0
1: b 1b

.balign 2048
vectors:
  b sync_handler
.org vectors + 0x200
  b sync_handler
.org vectors + 0x400
  b sync_handler
.org vectors + 0x800

.global last_esr, last_far, last_spsr, last_elr
sync_handler:
  stp x9, x10, [sp, #-16]!
  adrp x10, last_esr
  add x10, x10, :lo12:last_esr
  ldr x9, [x10]
  cbnz x9, 2f
  mrs x9, esr_el1
  str x9, [x10]
  mrs x9, far_el1
  adrp x10, last_far
  add x10, x10, :lo12:last_far
  str x9, [x10]
  mrs x9, spsr_el1
  adrp x10, last_spsr
  add x10, x10, :lo12:last_spsr
  str x9, [x10]
  mrs x9, elr_el1
  adrp x10, last_elr
  add x10, x10, :lo12:last_elr
  str x9, [x10]
2:
  mrs x9, esr_el1
  lsr x9, x9, #26
  cmp x9, #0x15
  b.eq to_el1
  cmp x9, #0x20
  b.eq to_el1
  cmp x9, #0x21
  b.eq iabort_same
  // skip the instruction (ELR may be misaligned after a PC alignment fault) and drop PSTATE.IL
  mrs x10, elr_el1
  add x10, x10, #4
  and x10, x10, #~3
  msr elr_el1, x10
  mrs x10, spsr_el1
  bic x10, x10, #(1 << 20)
  msr spsr_el1, x10
  ldp x9, x10, [sp], #16
  eret
iabort_same:
  msr elr_el1, x30
  ldp x9, x10, [sp], #16
  eret
to_el1:
  adr x10, el1_resume
  msr elr_el1, x10
  mov x10, #0x3c5
  msr spsr_el1, x10
  ldp x9, x10, [sp], #16
  eret

// u64 el0_call(u64 x0, u64 entry): run EL0 code at entry with x0; returns when EL0 does svc or aborts on fetch
.global el0_call
el0_call:
  msr elr_el1, x1
  msr spsr_el1, xzr
  ldr x9, =0x40500000
  msr sp_el0, x9
  eret
el1_resume:
  ret

.global probe_ld, probe_st, probe_ld32, probe_call
probe_ld:
  ldr x1, [x0]
  ret
probe_ld32:
  ldr w1, [x0]
  ret
probe_st:
  str x1, [x0]
  ret
probe_call:
  stp x29, x30, [sp, #-16]!
  blr x0
  ldp x29, x30, [sp], #16
  ret
