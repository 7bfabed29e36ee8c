/* Driver of the generated-sequence guests: runs each sequence and prints one line with everything that
   differs from its initial state (plus flags, FPSR and the scratch checksum), which the harness compares
   between QEMU and our emulator. Built with -mgeneral-regs-only: the sequences leave arbitrary FP state. */
#include "support.h"

typedef struct {
    uint64_t x[30];
    uint64_t v[64];
    uint64_t nzcv, fpcr, fpsr, tpidr, flags, pad;
} entry_t;

typedef struct {
    uint64_t csp, resume, esr, far, elr, exc, tmp, lr0;
    uint64_t x[31];
    uint64_t pad;
    uint64_t v[64];
    uint64_t nzcv, fpsr, fpcr, tpidr;
} state_t;

_Static_assert(sizeof(entry_t) == 800, "entry layout (state.ts)");
_Static_assert(sizeof(state_t) == 864, "state layout (seq-macros.S)");

state_t gen_state __attribute__((aligned(16)));
unsigned char gen_scratch[8192] __attribute__((aligned(16)));
extern const unsigned char gen_scratch_init[8192];
extern const entry_t gen_init[];
extern void (*const gen_seqs[])(const entry_t *);
extern const uint64_t gen_nseq;
extern const char gen_vectors[];

static void put_hex(uint64_t v, int digits)
{
    static const char d[] = "0123456789abcdef";
    for (int i = digits - 1; i >= 0; i--)
        uart_putc(d[(v >> (4 * i)) & 15]);
}

static void put_key(char c, unsigned n)
{
    uart_putc(' ');
    uart_putc(c);
    print_udec(n);
    uart_putc('=');
}

int main(void)
{
    __asm__ volatile("msr vbar_el1, %0\n\tisb" : : "r"(gen_vectors) : "memory");
    uart_puts("GEN begin\n");
    uint64_t scratch = (uint64_t)(uintptr_t)gen_scratch;
    uart_puts("GEN scratch=");
    put_hex(scratch, 16);
    uart_putc('\n');
    for (uint64_t i = 0; i < gen_nseq; i++) {
        const entry_t *e = &gen_init[i];
        gen_state.exc = 0;
        gen_seqs[i](e);
        uart_putc('S');
        print_udec(i);
        uart_puts(" n=");
        put_hex(gen_state.nzcv >> 28, 1);
        uart_puts(" fs=");
        put_hex(gen_state.fpsr, 8);
        if (e->flags & 1) {
            const uint64_t *w = (const uint64_t *)(const void *)gen_scratch;
            uint64_t h = 0xcbf29ce484222325ull;
            for (int k = 0; k < 8192 / 8; k++)
                h = (h ^ w[k]) * 0x100000001b3ull;
            uart_puts(" m=");
            put_hex(h, 16);
        }
        if (gen_state.exc) {
            uart_puts(" e=");
            put_hex(gen_state.esr, 8);
            uart_putc('@');
            put_hex(gen_state.elr - (uint64_t)(uintptr_t)gen_seqs[i], 4);
            uart_puts(" far=");
            put_hex(gen_state.far, 16);
        }
        for (unsigned r = 0; r < 31; r++) {
            uint64_t init = r == 30 ? gen_state.lr0 : e->x[r] + (r >= 24 && r <= 28 ? scratch : 0);
            if (gen_state.x[r] != init) {
                put_key('x', r);
                put_hex(gen_state.x[r], 16);
            }
        }
        for (unsigned r = 0; r < 32; r++) {
            if (gen_state.v[2 * r] != e->v[2 * r] || gen_state.v[2 * r + 1] != e->v[2 * r + 1]) {
                put_key('v', r);
                put_hex(gen_state.v[2 * r + 1], 16);
                put_hex(gen_state.v[2 * r], 16);
            }
        }
        if (gen_state.fpcr != e->fpcr) {
            uart_puts(" fc=");
            put_hex(gen_state.fpcr, 8);
        }
        if (gen_state.tpidr != e->tpidr) {
            uart_puts(" tp=");
            put_hex(gen_state.tpidr, 16);
        }
        uart_putc('\n');
    }
    uart_puts("GEN end\n");
    return 0;
}
