/* Scalar floating point and auto-vectorisable loops. */
typedef unsigned long u64; typedef long i64; typedef unsigned u32; typedef int i32;
typedef unsigned short u16; typedef unsigned char u8; typedef signed char i8; typedef short i16;
double fma_(double a, double b, double c) { return __builtin_fma(a, b, c) - a * b + c / a; }
float fops(float a, float b) { return __builtin_sqrtf(a) + __builtin_fabsf(b) - (a < b ? a : b) + -a * b; }
double dconv(i64 a, u64 b, i32 c, u32 d, float e) { return (double)a + (double)b + c + d + e; }
i64 toint(double a, float b) { return (i64)a + (u64)b + (i32)a + (u32)b; }
int fcmp(double a, double b) { return (a < b) + (a == b) * 2 + (a >= b) * 4 + (a != a) * 8; }
double consts(double x) { return x * 2.0 + 0.5 - 1.25 * x + 3.0e10; }
float fconsts(float x) { return x * 0.1f + 31.0f; }
double rounds(double x) { return __builtin_floor(x) + __builtin_ceil(x) + __builtin_trunc(x) + __builtin_round(x) + __builtin_rint(x) + __builtin_nearbyint(x); }
double fminmax(double a, double b) { return __builtin_fmin(a, b) + __builtin_fmax(a, b); }
double dsel(double a, double b, int c) { return c ? a : b; }
float f2(double d) { return (float)d; }
u64 bitsof(double d) { union { double d; u64 u; } x = { d }; return x.u; }
void vadd(float *r, const float *a, const float *b, int n) { for (int i = 0; i < n; i++) r[i] = a[i] * b[i] + r[i]; }
void vaddd(double *r, const double *a, const double *b, int n) { for (int i = 0; i < n; i++) r[i] = a[i] - b[i] * 3.0; }
void vi32(i32 *r, const i32 *a, const i32 *b, int n) { for (int i = 0; i < n; i++) r[i] = (a[i] * b[i] + (a[i] >> 2)) ^ b[i]; }
void vi16(i16 *r, const i16 *a, const i16 *b, int n) { for (int i = 0; i < n; i++) r[i] = a[i] > b[i] ? a[i] : b[i]; }
void vu8(u8 *r, const u8 *a, const u8 *b, int n) { for (int i = 0; i < n; i++) r[i] = (a[i] + b[i] + 1) >> 1; }
void vwiden(i64 *r, const i32 *a, int n) { for (int i = 0; i < n; i++) r[i] = (i64)a[i] * 7; }
void vnarrow(i8 *r, const i32 *a, int n) { for (int i = 0; i < n; i++) r[i] = (i8)a[i]; }
i32 vsum(const i32 *a, int n) { i32 s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
u32 vsum8(const u8 *a, int n) { u32 s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
i64 vsum64(const i64 *a, int n) { i64 s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
float vmax(const float *a, int n) { float m = a[0]; for (int i = 1; i < n; i++) m = a[i] > m ? a[i] : m; return m; }
i32 vmin(const i32 *a, int n) { i32 m = a[0]; for (int i = 1; i < n; i++) m = a[i] < m ? a[i] : m; return m; }
void vcvt(float *r, const i32 *a, int n) { for (int i = 0; i < n; i++) r[i] = (float)a[i]; }
void vcvt2(i32 *r, const float *a, int n) { for (int i = 0; i < n; i++) r[i] = (i32)a[i]; }
void vdcvt(double *r, const float *a, int n) { for (int i = 0; i < n; i++) r[i] = a[i]; }
struct P { float x, y, z; };
void soa(float *r, const struct P *p, int n) { for (int i = 0; i < n; i++) r[i] = p[i].x * p[i].y + p[i].z; }
struct Q { u8 r, g, b, a; };
void rgba(u8 *r, const struct Q *p, int n) { for (int i = 0; i < n; i++) r[i] = (p[i].r + p[i].g + p[i].b) / 3; }
void interleave(i16 *r, const i16 *a, const i16 *b, int n) { for (int i = 0; i < n; i++) { r[2 * i] = a[i]; r[2 * i + 1] = b[i]; } }
void vshift(u32 *r, const u32 *a, int n) { for (int i = 0; i < n; i++) r[i] = (a[i] << 3) | (a[i] >> 29); }
void vabs(i32 *r, const i32 *a, int n) { for (int i = 0; i < n; i++) r[i] = a[i] < 0 ? -a[i] : a[i]; }
void vsel(i32 *r, const i32 *a, const i32 *b, int n) { for (int i = 0; i < n; i++) r[i] = a[i] == 0 ? b[i] : 5; }
void vmul8(u8 *r, const u8 *a, int n) { for (int i = 0; i < n; i++) r[i] = a[i] * 13 - 7; }
void vu16to32(u32 *r, const u16 *a, const u16 *b, int n) { for (int i = 0; i < n; i++) r[i] = (u32)a[i] * b[i]; }
void vfill(u64 *r, int n) { for (int i = 0; i < n; i++) r[i] = 0x0101010101010101UL; }
void vfillf(float *r, int n) { for (int i = 0; i < n; i++) r[i] = 1.5f; }
void vneg(double *r, const double *a, int n) { for (int i = 0; i < n; i++) r[i] = -__builtin_fabs(a[i]) / a[i]; }
void vsqrt(float *r, const float *a, int n) { for (int i = 0; i < n; i++) r[i] = __builtin_sqrtf(a[i]); }
void vbits(u64 *r, const u64 *a, const u64 *b, int n) { for (int i = 0; i < n; i++) r[i] = (a[i] & ~b[i]) | (a[i] ^ b[i]); }
i32 dot(const i16 *a, const i16 *b, int n) { i32 s = 0; for (int i = 0; i < n; i++) s += a[i] * b[i]; return s; }
void vcnt(u8 *r, const u8 *a, int n) { for (int i = 0; i < n; i++) r[i] = __builtin_popcount(a[i]); }
