/* System-level code as a freestanding kernel writes it. */
typedef unsigned long u64;
static inline u64 rd_mdscr(void) { u64 v; __asm__ volatile("mrs %0, mdscr_el1" : "=r"(v)); return v; }
void setup(u64 a, u64 b) {
  __asm__ volatile("msr dbgbcr0_el1, %0\n msr dbgbvr0_el1, %1\n msr mdscr_el1, %0" :: "r"(a), "r"(b));
  __asm__ volatile("msr daifset, #0xf\n msr daifclr, #2\n msr spsel, #1\n isb\n dsb sy\n dmb ish\n dsb ishst\n dmb oshld");
  __asm__ volatile("dc zva, %0\n dc civac, %0\n dc cvau, %0\n ic ivau, %0\n ic iallu\n tlbi vmalle1\n tlbi vae1is, %0\n at s1e1r, %0" :: "r"(a));
  __asm__ volatile("hvc #0\n svc #0\n smc #1\n brk #0x3e8\n hlt #0\n wfi\n wfe\n sev\n sevl\n yield\n nop\n clrex\n eret");
  __asm__ volatile("msr vbar_el1, %0\n msr sctlr_el1, %0\n msr tcr_el1, %0\n msr ttbr0_el1, %0\n msr mair_el1, %0\n msr elr_el1, %0\n msr spsr_el1, %0\n msr sp_el0, %0\n msr tpidr_el1, %0\n msr cpacr_el1, %0\n msr hcr_el2, %0\n msr cntv_ctl_el0, %0\n msr oslar_el1, %0\n msr s3_0_c15_c2_0, %0" :: "r"(a));
  u64 v; __asm__ volatile("mrs %0, currentel\n mrs %0, esr_el1\n mrs %0, far_el1\n mrs %0, midr_el1\n mrs %0, mpidr_el1\n mrs %0, cntvct_el0\n mrs %0, cntfrq_el0\n mrs %0, nzcv\n mrs %0, daif\n mrs %0, fpcr\n mrs %0, fpsr\n mrs %0, id_aa64dfr0_el1\n mrs %0, oslsr_el1\n mrs %0, dbgwcr3_el1\n mrs %0, mdccsr_el0" : "=r"(v));
  (void)v; (void)rd_mdscr();
}
