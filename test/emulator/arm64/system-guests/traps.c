/* Trap and exception cross-check guest: EL0 accesses controlled by SCTLR_EL1/CNTKCTL_EL1, UNDEFINED encodings,
 * FP traps and alignment faults; prints the first ESR each one takes. Expected output: traps.qemu.txt (QEMU 7.2). */
typedef unsigned long u64;
volatile u64 last_esr, last_far, last_spsr, last_elr;
static volatile unsigned *uart = (unsigned *)0x09000000;
static void putc_(char c){ *uart = c; }
static void puts_(const char*s){ while(*s) putc_(*s++); }
static void hex(u64 v){ for(int i=60;i>=0;i-=4) putc_("0123456789abcdef"[(v>>i)&15]); }
extern void el0_call(u64, u64);
static void rep(const char *what){ puts_(what); puts_(" esr="); hex(last_esr); putc_('\n'); last_esr = 0; }
static void rep2(const char *what){ puts_(what); puts_(" esr="); hex(last_esr); puts_(" elr="); hex(last_esr ? last_elr : 0); puts_(" spsr="); hex(last_esr ? last_spsr : 0); putc_('\n'); last_esr = 0; }
static void el0(const char *what, unsigned insn) {
  *(volatile unsigned*)0x40400000 = insn; *(volatile unsigned*)0x40400004 = 0xd4000001;
  __asm__ volatile("dsb sy; ic iallu; dsb sy; isb");
  el0_call(0x40300000, 0x40400000); rep(what);
}
void main_(void){
  u64 s; __asm__ volatile("mrs %0, sctlr_el1" : "=r"(s));
  s &= ~((1ul<<16)|(1ul<<18));
  __asm__ volatile("msr sctlr_el1, %0; isb" :: "r"(s));
  el0("el0 mrs ctr", 0xd53b0028);
  el0("el0 msr daifset", 0xd5034fdf);
  el0("el0 mrs cntvct", 0xd53be040);
  el0("el0 dc zva", 0xd50b7420);
  el0("el0 dc civac", 0xd50b7e20);
  el0("el0 ic ivau", 0xd50b7520);
  el0("el0 wfi", 0xd503207f);
  el0("el0 wfe", 0xd503205f);
  el0("el0 mrs sctlr", 0xd5381009);
  el0("el0 msr tpidrro", 0xd51bd060);
  el0("el0 mrs dczid(ok)", 0xd53b00e0);
  el0("el0 mrs mdccsr", 0xd5330100);
  el0("el0 eret", 0xd69f03e0);
  el0("el0 hvc", 0xd4000002);
  el0("el0 msr spsel", 0xd50040bf);
  el0("el0 mrs fpcr", 0xd53b4400);
  __asm__ volatile(".inst 0xd53b4400"); rep("el1 mrs fpcr cpacr=0");
  __asm__ volatile("brk #0x3e8"); rep("el1 brk");
  __asm__ volatile("smc #0"); rep("el1 smc");
  __asm__ volatile("hlt #0"); rep("el1 hlt");
  __asm__ volatile(".inst 0xd538f000"); rep("el1 mrs imp-def");
  __asm__ volatile(".inst 0xd5100680"); rep("el1 msr dbgbvr6");
  __asm__ volatile(".inst 0xd53c1120"); rep("el1 mrs mdcr_el2");
  __asm__ volatile(".inst 0xd53c4100"); rep("el1 mrs sp_el1");
  __asm__ volatile(".inst 0xd500419f"); rep("el1 msr pan");
  __asm__ volatile(".inst 0xd5301080"); rep("el1 mrs oslar");
  __asm__ volatile("msr spsel, #0; mrs x0, sp_el0; msr spsel, #1" ::: "x0"); rep("el1t mrs sp_el0");
  { u64 v = 0; __asm__ volatile("ldr %0, [%1]" : "=r"(v) : "r"(0x40300001ul)); rep("el1 unaligned ldr mmu off"); }
  { u64 v = 0; __asm__ volatile("ldxr %0, [%1]" : "=r"(v) : "r"(0x40300004ul)); rep("el1 unaligned ldxr"); }
  { __asm__ volatile("dc zva, %0" :: "r"(0x40300000ul)); rep("el1 dc zva mmu off"); }
  __asm__ volatile("msr sctlr_el1, %0; isb" :: "r"(s | 2));
  { unsigned v = 0; __asm__ volatile("ldr %w0, [%1]" : "=r"(v) : "r"(0x40300002ul)); rep("el1 sctlr.a ldr w"); }
  { __asm__ volatile("str %w0, [%1]" :: "r"(0), "r"(0x40300002ul)); rep("el1 sctlr.a str w"); }
  __asm__ volatile("msr sctlr_el1, %0; isb" :: "r"(s));
  __asm__ volatile("msr daifclr, #0xf; brk #0x3e8; msr daifset, #0xf"); rep2("el1 brk daif clear");
  __asm__ volatile("adr x9, 1f; msr elr_el1, x9; mov x9, #0x9; msr spsr_el1, x9; eret; 1: nop; nop" ::: "x9"); rep2("el1 eret to el2h (illegal)");
  __asm__ volatile("adr x9, 1f; msr elr_el1, x9; mov x9, #0x1; msr spsr_el1, x9; eret; 1: nop; nop" ::: "x9"); rep2("el1 eret to el0h (illegal)");
  __asm__ volatile("adr x9, 1f; add x9, x9, #2; msr elr_el1, x9; mov x9, #0x3c5; msr spsr_el1, x9; eret; 1: nop; nop" ::: "x9"); rep2("el1 eret misaligned");
  __asm__ volatile("adr x9, 1f; msr elr_el1, x9; mov x9, #0xf0000000; movk x9, #0x3c4; msr spsr_el1, x9; eret; 1: nop; mrs %0, nzcv; msr spsel, #1" : "=r"(s) :: "x9"); puts_("el1 eret to el1t nzcv="); hex(s); putc_('\n');
  puts_("done\n");
}
