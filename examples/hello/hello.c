/*
 * The bundled example guest: greets, reports what the emulated CPU advertises for self-hosted debug,
 * computes a CRC32 the slow way, and powers off through PSCI.
 */
#include "support.h"

static uint64_t read_id_aa64dfr0(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, id_aa64dfr0_el1" : "=r"(v));
    return v;
}

static unsigned current_el(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, CurrentEL" : "=r"(v));
    return (unsigned)(v >> 2) & 3;
}

static uint32_t crc32(const char *s)
{
    uint32_t crc = 0xffffffffu;
    for (; *s; s++) {
        crc ^= (unsigned char)*s;
        for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
    }
    return ~crc;
}

int main(void)
{
    uint64_t dfr0 = read_id_aa64dfr0();
    rt_printf("Hello from an emulated arm64 guest at EL%u\n", current_el());
    rt_printf("debug hardware: %u breakpoints (%u context-aware), %u watchpoints\n",
              (unsigned)((dfr0 >> 12) & 0xf) + 1, (unsigned)((dfr0 >> 28) & 0xf) + 1,
              (unsigned)((dfr0 >> 20) & 0xf) + 1);
    rt_printf("crc32(\"123456789\") = 0x%08x\n", crc32("123456789"));
    return 0;
}
