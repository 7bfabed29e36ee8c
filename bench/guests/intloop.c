/* intloop: the compute-bound integer benchmark from shared/research/emulator-performance.md §1.
   Per round: bitwise CRC32 over 64 KiB, 4 passes of table-driven CRC32 over the same data, a sieve of
   Eratosthenes to 10^6, and an insertion sort of 1,500 xorshift values. Prints a 64-bit checksum. */
#include "support.h"

#ifndef ROUNDS
#define ROUNDS 4
#endif
#define DATA_BYTES (64 * 1024)
#define SIEVE_N 1000000
#define SORT_N 1500

static unsigned char data[DATA_BYTES];
static unsigned char composite[SIEVE_N + 1];
static uint32_t sortv[SORT_N];
static uint32_t crc_table[256];
static uint64_t xs_state = 0x2545f4914f6cdd1dull;

static uint64_t xorshift64(void)
{
    uint64_t x = xs_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return xs_state = x;
}

static uint32_t crc32_bitwise(const unsigned char *p, size_t n)
{
    uint32_t c = 0xffffffffu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1)));
    }
    return ~c;
}

static uint32_t crc32_table(const unsigned char *p, size_t n, uint32_t c)
{
    for (size_t i = 0; i < n; i++)
        c = crc_table[(c ^ p[i]) & 0xff] ^ (c >> 8);
    return c;
}

static uint32_t sieve(void)
{
    memset(composite, 0, sizeof composite);
    uint32_t count = 0;
    for (uint32_t i = 2; i <= SIEVE_N; i++) {
        if (composite[i])
            continue;
        count++;
        for (uint64_t j = (uint64_t)i * i; j <= SIEVE_N; j += i)
            composite[j] = 1;
    }
    return count;
}

static uint64_t sort_round(void)
{
    for (int i = 0; i < SORT_N; i++)
        sortv[i] = (uint32_t)xorshift64();
    for (int i = 1; i < SORT_N; i++) {
        uint32_t x = sortv[i];
        int j = i - 1;
        while (j >= 0 && sortv[j] > x) {
            sortv[j + 1] = sortv[j];
            j--;
        }
        sortv[j + 1] = x;
    }
    return (uint64_t)sortv[0] ^ ((uint64_t)sortv[SORT_N / 2] << 16) ^ ((uint64_t)sortv[SORT_N - 1] << 32);
}

#ifdef MEASURE_CNTVCT
static uint64_t cntvct(void) { uint64_t v; __asm__ volatile("isb; mrs %0, cntvct_el0" : "=r"(v)); return v; }
#endif

int main(void)
{
#ifdef MEASURE_CNTVCT
    uint64_t t0 = cntvct();
#endif
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? (c >> 1) ^ 0xedb88320u : c >> 1;
        crc_table[i] = c;
    }
    for (size_t i = 0; i < DATA_BYTES; i++)
        data[i] = (unsigned char)(xorshift64() >> 24);
    uint64_t sum = 0;
    for (int r = 0; r < ROUNDS; r++) {
        data[r % DATA_BYTES] ^= (unsigned char)r;
        uint32_t c = crc32_bitwise(data, DATA_BYTES);
        uint32_t t = 0xffffffffu;
        for (int pass = 0; pass < 4; pass++)
            t = crc32_table(data, DATA_BYTES, t);
        uint32_t primes = sieve();
        uint64_t s = sort_round();
        sum = sum * 0x100000001b3ull + c;
        sum = sum * 0x100000001b3ull + t;
        sum = sum * 0x100000001b3ull + primes;
        sum ^= s + (sum << 6) + (sum >> 2);
    }
    rt_printf("intloop rounds=%d checksum=%016lx\n", ROUNDS, (unsigned long)sum);
#ifdef MEASURE_CNTVCT
    rt_printf("cntvct ticks=%lu\n", (unsigned long)(cntvct() - t0));
#endif
    return 0;
}
