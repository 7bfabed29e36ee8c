/* matmul: naive i-j-k multiply of N x N 64-bit integer matrices (shared/research/emulator-performance.md
   §1), REPS repetitions, printing a 64-bit checksum of the product. */
#include "support.h"

#ifndef N
#define N 300
#endif
#ifndef REPS
#define REPS 1
#endif

static uint64_t A[N][N], B[N][N], C[N][N];

#ifdef MEASURE_CNTVCT
static uint64_t cntvct(void) { uint64_t v; __asm__ volatile("isb; mrs %0, cntvct_el0" : "=r"(v)); return v; }
#endif

int main(void)
{
#ifdef MEASURE_CNTVCT
    uint64_t t0 = cntvct();
#endif
    uint64_t x = 0x9e3779b97f4a7c15ull;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            A[i][j] = x & 0xffff;
            B[i][j] = (x >> 20) & 0xffff;
        }
    uint64_t sum = 0;
    for (int r = 0; r < REPS; r++) {
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) {
                uint64_t s = 0;
                for (int k = 0; k < N; k++)
                    s += A[i][k] * B[k][j];
                C[i][j] = s;
            }
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++)
                sum = sum * 31 + C[i][j];
        A[r % N][r % N] += 1;
    }
    rt_printf("matmul n=%d reps=%d checksum=%016lx\n", N, REPS, (unsigned long)sum);
#ifdef MEASURE_CNTVCT
    rt_printf("cntvct ticks=%lu\n", (unsigned long)(cntvct() - t0));
#endif
    return 0;
}
