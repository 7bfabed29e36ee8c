/* Loads/stores in every addressing mode, pairs, struct copies, globals, atomics. */
typedef unsigned long u64; typedef long i64; typedef unsigned u32; typedef int i32;
typedef unsigned short u16; typedef unsigned char u8; typedef signed char i8; typedef short i16;
struct S { u8 a; i16 b; i32 c; i64 d; u64 e[4]; float f; double g; };
struct S gs; volatile u32 gcount; static i64 tab[64]; char gbuf[4096];
i64 ldall(struct S *s, i64 i) { return s->a + s->b + s->c + s->d + s->e[i] + (i64)s->f + (i64)s->g; }
void stall(struct S *s, i64 v) { s->a = v; s->b = v; s->c = v; s->d = v; s->e[v & 3] = v; s->f = v; s->g = v; }
i64 sext(const i8 *a, const i16 *b, const i32 *c, i64 i) { return a[i] + b[i] + c[i] + a[3] + b[5] + c[7]; }
u64 zext(const u8 *a, const u16 *b, const u32 *c, i64 i) { return a[i] + b[i] + c[i] + a[-3] + b[-5] + c[-7]; }
void copy(struct S *d, const struct S *s) { *d = *s; }
i64 glob(i64 i) { gcount++; return tab[i & 63] + gs.d + gbuf[i]; }
void postinc(i64 *d, const i64 *s, i64 n) { while (n--) *d++ = *s++ + 1; }
i32 ldidx(const i32 *p, i32 i, u32 j) { return p[i] + p[j]; }
u64 atomics(u64 *p, u32 *q, u64 v) {
  u64 r = __atomic_fetch_add(p, v, __ATOMIC_SEQ_CST);
  r += __atomic_fetch_or(p, v, __ATOMIC_ACQUIRE);
  r += __atomic_fetch_and(q, (u32)v, __ATOMIC_RELEASE);
  r += __atomic_exchange_n(p, v, __ATOMIC_RELAXED);
  u64 e = 5; __atomic_compare_exchange_n(p, &e, v, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
  r += __atomic_load_n(p, __ATOMIC_ACQUIRE) + __atomic_load_n(q, __ATOMIC_SEQ_CST);
  __atomic_store_n(q, 3, __ATOMIC_RELEASE);
  __atomic_thread_fence(__ATOMIC_SEQ_CST);
  return r + e;
}
u8 atomic8(u8 *p, u16 *q) { return __atomic_fetch_sub(p, 1, __ATOMIC_SEQ_CST) + __atomic_fetch_xor(q, 7, __ATOMIC_RELAXED); }
__int128 atomic128(__int128 *p, __int128 v) { __int128 e = 0; __atomic_compare_exchange_n(p, &e, v, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); return e; }
void *memset_(void *d, int c, u64 n) { u8 *p = d; while (n--) *p++ = c; return d; }
void *memcpy_(void *d, const void *s, u64 n) { u8 *p = d; const u8 *q = s; while (n--) *p++ = *q++; return d; }
void big(u64 *p) { p[4095] = 1; p[4096] = 2; p[100000] = 3; ((u32 *)p)[-1] = 4; }
i64 callee(i64, i64, i64, i64, i64, i64, i64, i64, i64, i64);
i64 caller(i64 a) { return callee(a, 1, 2, 3, 4, 5, 6, 7, 8, 9) + callee(9, 8, 7, 6, 5, 4, 3, 2, 1, a) + 1; }
i64 (*fp)(i64);
i64 indirect(i64 a) { return fp(a) + fp(a + 1); }
