/* Stage-1 MMU cross-check guest: hand-built tables (the same as system-mmu.test.ts), then loads, stores, calls
 * and AT instructions whose ESR/FAR/PAR are printed on the PL011. Expected output: mmu.qemu.txt (QEMU 7.2). */
typedef unsigned long u64;
volatile u64 last_esr, last_far, last_spsr, last_elr;
static volatile unsigned *uart = (unsigned *)0x09000000;
static void putc_(char c){ *uart = c; }
static void puts_(const char*s){ while(*s) putc_(*s++); }
static void hex(u64 v){ for(int i=60;i>=0;i-=4) putc_("0123456789abcdef"[(v>>i)&15]); }
extern void probe_ld(u64), probe_st(u64, u64), probe_ld32(u64), probe_call(u64);
extern void el0_call(u64, u64);
static void w64(u64 pa, u64 v){ *(volatile u64*)pa = v; }
static void rep(const char *what, u64 va){ puts_(what); putc_(' '); hex(va); puts_(" esr="); hex(last_esr); puts_(" far="); hex(last_esr ? last_far : 0); putc_('\n'); last_esr = 0; last_far = 0; }
#define AT(op, va) do { u64 p; __asm__ volatile("at " op ", %1; isb; mrs %0, par_el1" : "=r"(p) : "r"((u64)(va))); puts_("at " op " "); hex(va); puts_(" par="); hex(p); putc_('\n'); } while(0)
void main_(void){
  for (u64 a = 0x40100000; a < 0x40107000; a += 8) w64(a, 0);
  w64(0x40100000, 0x0060000000000401ul);
  w64(0x40100008, 0x40101003ul);
  w64(0x40101000, 0x0040000040000705ul);
  w64(0x40101008, 0x40102003ul);
  w64(0x40101010, 0x40400445ul);
  w64(0x40101018, 0x2000000040103003ul);
  w64(0x40101020, 0x0800000040104003ul);
  w64(0x40102000, 0x40300447ul);
  w64(0x40102008, 0x40301047ul);
  w64(0x40102010, 0x403024C7ul);
  w64(0x40102020, 0x0060000040304487ul);
  w64(0x40102028, 0x0060000009000403ul);
  w64(0x40103000, 0x40306447ul);
  w64(0x40104000, 0x40307407ul);
  w64(0x40105000 + 256*8, 0x40106003ul);
  w64(0x40106000, 0x40000405ul);
  // EL0 snippets at 0x40400000: ldr x1,[x0]; svc #0 | str x1,[x0]; svc #0
  *(volatile unsigned*)0x40400000 = 0xf9400001; *(volatile unsigned*)0x40400004 = 0xd4000001;
  *(volatile unsigned*)0x40400008 = 0xf9000001; *(volatile unsigned*)0x4040000c = 0xd4000001;
  // a RET at 0x40200000, 0x40204000, 0x40800000 and 0x40306000 targets
  *(volatile unsigned*)0x40300000 = 0xd65f03c0; *(volatile unsigned*)0x40304000 = 0xd65f03c0; *(volatile unsigned*)0x40307000 = 0xd65f03c0;
  __asm__ volatile("dsb sy");
  u64 tcr = 25ul | (16ul << 16) | (2ul << 30) | (5ul << 32);
  __asm__ volatile("msr mair_el1, %0; msr tcr_el1, %1; msr ttbr0_el1, %2; msr ttbr1_el1, %3; isb" :: "r"(0xff00ul), "r"(tcr), "r"(0x40100000ul), "r"(0x40105000ul));
  AT("s1e1r", 0x40080000ul); AT("s1e1w", 0x09000000ul); AT("s1e0r", 0x0001000000000000ul);
  u64 sctlr; __asm__ volatile("mrs %0, sctlr_el1" : "=r"(sctlr));
  sctlr |= 1 | (1 << 2) | (1 << 12);
  __asm__ volatile("tlbi vmalle1; dsb sy; msr sctlr_el1, %0; isb" :: "r"(sctlr));
  puts_("mmu on\n");
  last_esr = 0;
  probe_ld(0x40203000); rep("ld invalid-l3", 0x40203000);
  probe_st(0x40203000, 1); rep("st invalid-l3", 0x40203000);
  probe_ld(0x40201008); rep("ld af0", 0x40201008);
  probe_st(0x40202010, 1); rep("st ro", 0x40202010);
  probe_ld(0x40202000); rep("ld ro", 0x40202000);
  probe_st(0x40204000, 1); rep("st el1ro", 0x40204000);
  probe_ld(0x0000008000000000ul); rep("ld out-of-range", 0x0000008000000000ul);
  probe_ld(0xffff800000080000ul); rep("ld ttbr1", 0xffff800000080000ul);
  probe_ld(0xffff000000000000ul); rep("ld ttbr1-l0-invalid", 0xffff000000000000ul);
  probe_ld32(0x40205001); rep("ld32 device-unaligned", 0x40205001);
  probe_ld32(0x40202001); rep("ld32 normal-unaligned", 0x40202001);
  probe_ld(0x00ff000040000000ul); rep("ld tagged-no-tbi", 0x00ff000040000000ul);
  probe_ld(0x0001000000000000ul); rep("ld bit48", 0x0001000000000000ul);
  probe_call(0x40200000); rep("call el0-writable", 0x40200000);
  probe_call(0x40204000); rep("call xn", 0x40204000);
  probe_call(0x40800000); rep("call pxntable", 0x40800000);
  probe_call(0x40205000); rep("call device", 0x40205000);
  AT("s1e1r", 0x40202008ul); AT("s1e1w", 0x40202008ul); AT("s1e0r", 0x40200010ul); AT("s1e0r", 0x40000000ul);
  AT("s1e1r", 0x40203000ul); AT("s1e1r", 0x40201000ul); AT("s1e1r", 0xffff800000123456ul); AT("s1e1r", 0x40205000ul);
  AT("s1e0w", 0x40202000ul); AT("s1e1r", 0x0000008000000000ul);
  el0_call(0x40000000, 0x40400000); rep("el0 ld el1-only", 0x40000000);
  el0_call(0x40200000, 0x40400000); rep("el0 ld rw", 0x40200000);
  el0_call(0x40200000, 0x40400008); rep("el0 st rw", 0x40200000);
  el0_call(0x40204000, 0x40400000); rep("el0 ld el1ro", 0x40204000);
  el0_call(0x40202000, 0x40400008); rep("el0 st ro", 0x40202000);
  el0_call(0x40202000, 0x40400000); rep("el0 ld ro", 0x40202000);
  el0_call(0x40600000, 0x40400000); rep("el0 ld aptable", 0x40600000);
  el0_call(0x40203000, 0x40400000); rep("el0 ld invalid", 0x40203000);
  el0_call(0, 0x40000000); rep("el0 fetch uxn", 0x40000000);
  el0_call(0, 0x40202000); rep("el0 fetch ro-exec", 0x40202000);
  puts_("done\n");
}
