/* Integer code shapes: arithmetic, bitfields, shifts, compares, selects, division, switch. */
typedef unsigned long u64; typedef long i64; typedef unsigned u32; typedef int i32;
typedef unsigned short u16; typedef unsigned char u8; typedef signed char i8; typedef short i16;
u64 add64(u64 a, u64 b) { return a + b * 8; }
i32 sub32(i32 a, i32 b) { return a - (b >> 3); }
i64 mix(i64 a, i32 b, u32 c, i16 d, u8 e) { return a + b + c + d + e; }
i64 ext(i8 a, i16 b, i32 c, u8 d, u16 e, u32 f) { return (i64)a * b + (i64)c - d + e + (u64)f; }
u64 bits(u64 x) { return ((x >> 7) & 0x3ff) | ((x & 0xff) << 40); }
u32 bits32(u32 x, u32 y) { return (x & ~y) ^ (y | ~x) ^ (x >> 13) ^ (y << 5) ^ ((i32)x >> 9); }
i64 sbits(i64 x) { return (x << 20) >> 40; }
u64 insert(u64 a, u64 b) { return (a & ~0xff00UL) | ((b & 0xff) << 8); }
u32 rot(u32 x, u32 n) { return (x >> n) | (x << (32 - n)); }
u64 rot64(u64 x) { return (x >> 17) | (x << 47); }
i32 cmpsel(i32 a, i32 b) { return a < b ? a : b; }
i64 cset(i64 a, i64 b) { return (a == b) + (a < b) * 2 + (a >= 0) - (b > 5); }
i32 cinc(i32 a, i32 b) { return a > b ? a + 1 : a; }
i32 cneg(i32 a) { return a < 0 ? -a : a; }
i64 neg(i64 a) { return -a; }
u64 mvn(u64 a) { return ~a; }
i64 divs(i64 a, i64 b) { return a / b + a % b; }
u32 divu(u32 a, u32 b) { return a / b + a % b; }
u64 div7(u64 a) { return a / 7; }
i32 div10(i32 a) { return a / 10; }
i64 mulh(i64 a, i64 b) { return (i64)(((__int128)a * b) >> 64); }
u64 umulh(u64 a, u64 b) { return (u64)(((unsigned __int128)a * b) >> 64); }
i64 madd(i64 a, i64 b, i64 c) { return c - a * b; }
i64 smull(i32 a, i32 b) { return (i64)a * b; }
u64 umull(u32 a, u32 b) { return (u64)a * b + 1000; }
i32 clz(u32 x) { return __builtin_clz(x) + __builtin_ctzl(x) + __builtin_popcount(x); }
u64 rev(u64 x) { return __builtin_bswap64(x) ^ __builtin_bswap32((u32)x) ^ __builtin_bswap16((u16)x); }
u64 big(void) { return 0x123456789abcdef0UL; }
u32 k32(void) { return 0xffff1234u; }
i64 kneg(void) { return -4660; }
u64 logimm(u64 x) { return (x & 0x00ff00ff00ff00ffUL) | 0x8000000000000000UL; }
i32 sw(i32 x) {
  switch (x) { case 0: return 11; case 1: return 22; case 2: return 37; case 3: return 41; case 4: return 59;
  case 5: return 61; case 6: return 77; case 7: return 83; default: return -1; }
}
i64 loop(const i64 *p, i64 n) { i64 s = 0; for (i64 i = 0; i < n; i++) s += p[i] * (i & 3); return s; }
int bigcmp(i64 a) { return a > 4096 && a < 0x123000 && a != -17; }
u64 addcarry(u64 a, u64 b, u64 c, u64 d) { unsigned __int128 x = ((unsigned __int128)a << 64 | b) + ((unsigned __int128)c << 64 | d); return (u64)(x >> 64) ^ (u64)x; }
u64 subcarry(u64 a, u64 b, u64 c, u64 d) { unsigned __int128 x = ((unsigned __int128)a << 64 | b) - ((unsigned __int128)c << 64 | d); return (u64)(x >> 64) ^ (u64)x; }
i64 shiftv(i64 a, u64 n, u64 b) { return (a >> n) + (i64)(b << n) + (i64)(b >> (n & 63)); }
int tbz(u64 x) { if (x & (1UL << 37)) return 3; if (!(x & 8)) return 5; return x ? 7 : 9; }
i64 bigframe(i64 n) { volatile i64 buf[600]; for (i64 i = 0; i < n; i++) buf[i] = i; return buf[n / 2]; }
i64 ccmp(i64 a, i64 b, i64 c) { return (a == 3 || b < 7) && c != 12; }
int ubfxu(u32 x) { return (x >> 4) & 0xf; }
int sbfx(i32 x) { return (x << 4) >> 28; }
