// Hand-written instruction corpus assembled with llvm-mc; see gen-fixture.ts.
mov x0, x1
mov w3, wzr
mov sp, x2
mov x5, sp
mov x0, #0x10
mov w0, #-1
mov x0, #-8
mov x0, #0x12340000
mov x1, #0xffff0000ffff0000
movz x0, #0x1234, lsl #32
movk x0, #0xbeef, lsl #16
movn w1, #0, lsl #16
movn x1, #0x10
orr x0, xzr, #0xff
add x0, x1, #16
add x0, sp, #16
add sp, sp, #0x10, lsl #12
sub sp, sp, #32
adds x0, x1, #4
subs w0, w1, #4, lsl #12
cmp x0, #4
cmp w0, #0
cmn x0, #4
cmn w2, w3
cmp x2, x3, lsl #2
cmp x2, w3, uxtw #2
cmp sp, x3
add x0, x1, x2
add x0, x1, x2, lsl #3
add w0, w1, w2, asr #31
sub x0, x1, x2, lsr #1
add x0, sp, x2
add x0, x1, w2, sxtw
add x0, x1, w2, uxtw #2
add x0, x1, w2, uxtb
add w0, w1, w2, sxth #1
add sp, sp, x1
add x0, sp, x1, lsl #2
add x0, x1, x2, uxtx #1
subs x0, sp, x3
neg x0, x1
neg w0, w1, lsl #3
negs x0, x1
ngc x0, x1
ngcs w0, w1
adc x0, x1, x2
sbcs w0, w1, w2
and x0, x1, #0xff
ands w0, w1, #0x80000000
tst x0, #0x8
tst w1, w2
tst x1, x2, ror #3
orr w0, w1, w2
orn x0, x1, x2
mvn x0, x1
mvn w0, w1, lsl #4
eor x0, x1, x2, ror #7
eon w0, w1, w2
bic x0, x1, x2
bics w0, w1, w2, lsl #2
eor x0, x1, #0x5555555555555555
lsl x0, x1, #3
lsr w0, w1, #5
asr x0, x1, #63
ror x0, x1, #9
lsl x0, x1, x2
lsr w0, w1, w2
asr x0, x1, x2
ror w0, w1, w2
ubfx x0, x1, #4, #8
sbfx w0, w1, #3, #10
ubfiz x0, x1, #4, #8
sbfiz x0, x1, #4, #8
bfi x0, x1, #8, #16
bfxil w0, w1, #2, #5
bfc x0, #3, #4
sxtb x0, w1
sxth w0, w1
sxtw x0, w1
uxtb w0, w1
uxth w0, w1
extr x0, x1, x2, #17
extr w0, w1, w2, #3
mul x0, x1, x2
mneg w0, w1, w2
madd x0, x1, x2, x3
msub x0, x1, x2, x3
smull x0, w1, w2
umull x0, w1, w2
smnegl x0, w1, w2
umnegl x0, w1, w2
smaddl x0, w1, w2, x3
umsubl x0, w1, w2, x3
smulh x0, x1, x2
umulh x0, x1, x2
sdiv x0, x1, x2
udiv w0, w1, w2
crc32b w0, w1, w2
crc32cx w0, w1, x2
clz x0, x1
cls w0, w1
rbit x0, x1
rev x0, x1
rev16 w0, w1
rev32 x0, x1
rev w0, w1
csel x0, x1, x2, eq
csinc w0, w1, w2, ne
cset x0, hi
csetm w0, lt
cinc x0, x1, ge
cinv w0, w1, le
cneg x0, x1, mi
csinv x0, x1, x2, al
csneg w0, w1, w2, nv
ccmp x0, x1, #4, ne
ccmn w0, #5, #0, eq
ccmp x0, #31, #15, hs
b .+8
bl .-8
b.eq .+16
b.ne .-4
b.hs .+4
b.lo .+4
b.mi .+4
b.pl .+4
b.vs .+4
b.vc .+4
b.hi .+4
b.ls .+4
b.ge .+4
b.lt .+4
b.gt .+4
b.le .+4
b.al .+4
b.nv .+4
cbz x0, .+12
cbnz w1, .-12
tbz x0, #37, .+8
tbnz w1, #3, .+8
br x0
blr x1
ret
ret x1
ldr x0, [x1]
ldr x0, [x1, #8]
ldr w0, [x1, #4]!
ldr x0, [sp], #16
ldr x0, [sp, #16]!
ldur x0, [x1, #-8]
ldur w0, [x1, #1]
ldrb w0, [x1, #4095]
ldrsb x0, [x1, #-1]!
ldrsh w0, [x1], #2
ldrsw x0, [x1, #8]
ldrh w0, [x1, x2, lsl #1]
ldr x0, [x1, x2]
ldr x0, [x1, x2, lsl #3]
ldr w0, [x1, w2, sxtw]
ldr w0, [x1, w2, uxtw #2]
ldr x0, [x1, x2, sxtx]
ldrb w0, [x1, x2, lsl #0]
ldrb w0, [x1, w2, sxtw]
str x0, [x1, #-256]!
strb w0, [x1]
strh w0, [x1, #2]
stur x0, [sp, #-8]
sturh w0, [x0, #255]
ldtr x0, [x1, #8]
sttrb w0, [x1]
ldr x0, .+8
ldr w0, .-8
ldrsw x0, .+4
ldr d0, .+16
prfm pldl1keep, [x0]
prfm pstl2strm, [x0, #64]
prfm plil3keep, [x0, x1]
prfm #31, [x0]
prfum pldl1strm, [x0, #-1]
prfm pldl1keep, .+8
ldp x0, x1, [sp]
ldp x29, x30, [sp], #16
stp x29, x30, [sp, #-16]!
stp w0, w1, [x2, #8]
ldpsw x0, x1, [x2, #-8]
ldnp x0, x1, [x2]
stnp q0, q1, [x2, #32]
ldp q0, q1, [x0, #-32]!
stp d8, d9, [sp, #16]
ldp s0, s1, [x0], #8
ldr q0, [x0, #16]
str q0, [x0, x1, lsl #4]
ldr d0, [x0, w1, uxtw #3]
ldr s0, [x0], #4
ldr h0, [x0]
ldr b0, [x0, #1]!
str b0, [x0, x1]
ldur q0, [x0, #-16]
ldxr x0, [x1]
ldxrb w0, [x1]
ldaxr w0, [x1]
stxr w2, x0, [x1]
stlxr w2, w0, [x1]
ldxp x0, x1, [x2]
stlxp w3, x0, x1, [x2]
ldar x0, [x1]
ldarh w0, [x1]
stlr w0, [x1]
stlrb w0, [sp]
ldaxp w0, w1, [x2]
cas x0, x1, [x2]
casa w0, w1, [x2]
casal x0, x1, [sp]
caslb w0, w1, [x2]
casah w0, w1, [x2]
casp x0, x1, x2, x3, [x4]
caspal w0, w1, w2, w3, [x4]
ldadd x0, x1, [x2]
ldadda w0, w1, [x2]
ldaddal x0, x1, [x2]
ldaddl w0, w1, [x2]
ldaddb w0, w1, [x2]
ldclrh w0, w1, [x2]
ldeoral x0, x1, [x2]
ldset x0, x1, [x2]
ldsmax w0, w1, [x2]
ldsmin x0, x1, [x2]
ldumax x0, x1, [x2]
ldumin w0, w1, [x2]
swp x0, x1, [x2]
swpal w0, w1, [x2]
swpb w0, w1, [x2]
stadd x0, [x2]
staddl w0, [x2]
stclr x0, [x2]
steorb w0, [x2]
stsetlh w0, [x2]
ldaddal x0, xzr, [x2]
adr x0, .+8
adr x0, .-1024
adrp x0, .+0x3000
nop
yield
wfe
wfi
sev
sevl
hint #7
hint #34
hint #127
hint #16
hint #17
csdb
clrex
clrex #5
dsb sy
dsb ish
dsb ishst
dsb ishld
dsb nsh
dsb osh
dsb #0
dsb #12
dmb ish
dmb ishld
dmb oshst
dmb ld
dmb st
isb
isb #3
ssbb
pssbb
svc #0
svc #0x80
hvc #0
hvc #0xffff
smc #0
brk #0x3e8
brk #0
hlt #0
dcps1
dcps2
dcps3
eret
drps
msr daifset, #0xf
msr daifclr, #2
msr spsel, #1
mrs x0, mdscr_el1
msr dbgbcr0_el1, x1
msr dbgbvr15_el1, x1
msr dbgwcr0_el1, x1
mrs x0, currentel
mrs x0, nzcv
msr nzcv, x0
mrs x0, fpcr
msr fpsr, x0
mrs x0, tpidr_el0
mrs x0, s3_0_c15_c2_0
msr s3_7_c15_c15_7, x3
mrs x0, s2_0_c0_c0_0
msr osdlr_el1, x0
mrs x0, id_aa64isar0_el1
mrs x0, id_aa64mmfr2_el1
mrs x0, s3_0_c4_c2_3
mrs x0, ttbr1_el1
mrs x0, cntpct_el0
mrs x0, pmccntr_el0
mrs x0, dbgdtrrx_el0
msr dbgdtrtx_el0, x0
mrs x0, mdrar_el1
mrs x0, icc_iar1_el1
msr icc_eoir1_el1, x0
mrs x0, vttbr_el2
mrs x0, esr_el2
mrs x0, sctlr_el3
dc zva, x0
dc ivac, x0
dc isw, x0
dc cvac, x1
dc cvau, x1
dc civac, x1
dc csw, x1
dc cisw, x1
ic ialluis
ic iallu
ic ivau, x0
at s1e1r, x0
at s1e0w, x0
at s12e1r, x0
tlbi vmalle1
tlbi vmalle1is
tlbi alle2
tlbi vae1, x0
tlbi vale1is, x0
tlbi aside1, x0
tlbi ipas2e1is, x0
sys #0, c7, c5, #0
sys #3, c15, c2, #1, x0
sysl x0, #0, c15, c2, #1
fmov d0, x1
fmov x0, d1
fmov s0, w1
fmov w0, s1
fmov d0, d1
fmov s0, #1.0
fmov d0, #-0.5
fmov v0.d[1], x1
fmov x1, v0.d[1]
fmov s0, wzr
fadd s0, s1, s2
fsub d0, d1, d2
fmul d0, d1, d2
fdiv s0, s1, s2
fnmul d0, d1, d2
fmax s0, s1, s2
fminnm d0, d1, d2
fmadd d0, d1, d2, d3
fmsub s0, s1, s2, s3
fnmadd d0, d1, d2, d3
fnmsub s0, s1, s2, s3
fabs d0, d1
fneg s0, s1
fsqrt d0, d1
fcvt s0, d1
fcvt d0, s1
fcvt h0, s1
fcvt d0, h1
frintn d0, d1
frintm s0, s1
frinta d0, d1
frintx d0, d1
frinti s0, s1
frintz d0, d1
frintp d0, d1
fcmp d0, d1
fcmp s0, #0.0
fcmpe d0, d1
fcmpe s0, #0.0
fccmp d0, d1, #4, ne
fccmpe s0, s1, #0, eq
fcsel d0, d1, d2, gt
scvtf d0, x1
scvtf s0, w1
ucvtf d0, w1
ucvtf s0, x1
scvtf d0, x1, #16
fcvtzs x0, d1
fcvtzu w0, s1
fcvtzs w0, d1, #3
fcvtas x0, d1
fcvtms w0, s1
fcvtps x0, s1
fcvtns w0, d1
fcvtau x0, d0
add v0.4s, v1.4s, v2.4s
add d0, d1, d2
sub v0.16b, v1.16b, v2.16b
mul v0.8h, v1.8h, v2.8h
mla v0.4s, v1.4s, v2.4s
mls v0.2s, v1.2s, v2.2s
mul v0.4s, v1.4s, v2.s[1]
mla v0.8h, v1.8h, v2.h[7]
fmla v0.4s, v1.4s, v2.s[3]
fmul v0.2d, v1.2d, v2.d[1]
fmla d0, d1, v2.d[1]
fadd v0.4s, v1.4s, v2.4s
fadd v0.2d, v1.2d, v2.2d
fmul v0.2s, v1.2s, v2.2s
fdiv v0.2d, v1.2d, v2.2d
fmla v0.4s, v1.4s, v2.4s
fmls v0.2d, v1.2d, v2.2d
fmax v0.4s, v1.4s, v2.4s
fminnm v0.2d, v1.2d, v2.2d
fabs v0.4s, v1.4s
fneg v0.2d, v1.2d
fsqrt v0.4s, v1.4s
fcmeq v0.4s, v1.4s, v2.4s
fcmgt v0.2d, v1.2d, #0.0
fcmlt v0.4s, v1.4s, #0.0
faddp v0.4s, v1.4s, v2.4s
faddp s0, v1.2s
faddp d0, v1.2d
fmaxv s0, v1.4s
fminnmv s0, v1.4s
fmaxp s0, v1.2s
scvtf v0.4s, v1.4s
ucvtf v0.2d, v1.2d
fcvtzs v0.4s, v1.4s
fcvtzu v0.2d, v1.2d
fcvtl v0.2d, v1.2s
fcvtl2 v0.2d, v1.4s
fcvtn v0.2s, v1.2d
fcvtn2 v0.4s, v1.2d
frintm v0.4s, v1.4s
and v0.16b, v1.16b, v2.16b
orr v0.16b, v1.16b, v2.16b
mov v0.16b, v1.16b
mov v0.8b, v1.8b
orn v0.8b, v1.8b, v2.8b
bic v0.16b, v1.16b, v2.16b
eor v0.16b, v1.16b, v2.16b
bsl v0.16b, v1.16b, v2.16b
bit v0.16b, v1.16b, v2.16b
bif v0.8b, v1.8b, v2.8b
not v0.16b, v1.16b
mvn v0.8b, v1.8b
cmeq v0.4s, v1.4s, v2.4s
cmeq v0.4s, v1.4s, #0
cmgt v0.8h, v1.8h, v2.8h
cmge v0.16b, v1.16b, #0
cmhi v0.2d, v1.2d, v2.2d
cmhs v0.4s, v1.4s, v2.4s
cmlt v0.4s, v1.4s, #0
cmle v0.2d, v1.2d, #0
cmtst v0.4s, v1.4s, v2.4s
cmeq d0, d1, d2
smax v0.4s, v1.4s, v2.4s
umin v0.16b, v1.16b, v2.16b
smaxp v0.4s, v1.4s, v2.4s
uminp v0.8h, v1.8h, v2.8h
addp v0.4s, v1.4s, v2.4s
addp d0, v1.2d
addv s0, v1.4s
addv b0, v1.16b
addv h0, v1.8h
smaxv s0, v1.4s
uminv b0, v1.16b
saddlv d0, v1.4s
uaddlv h0, v1.16b
abs v0.4s, v1.4s
neg v0.2d, v1.2d
abs d0, d1
neg d0, d1
cnt v0.16b, v1.16b
cnt v0.8b, v1.8b
clz v0.4s, v1.4s
cls v0.8h, v1.8h
rev64 v0.4s, v1.4s
rev32 v0.8h, v1.8h
rev16 v0.16b, v1.16b
rbit v0.16b, v1.16b
shl v0.4s, v1.4s, #3
shl d0, d1, #63
sshr v0.4s, v1.4s, #31
ushr v0.2d, v1.2d, #1
ushr d0, d1, #1
ssra v0.4s, v1.4s, #3
usra v0.16b, v1.16b, #7
srshr v0.8h, v1.8h, #2
urshr v0.4s, v1.4s, #2
sri v0.4s, v1.4s, #3
sli v0.2d, v1.2d, #3
shrn v0.8b, v1.8h, #3
shrn2 v0.16b, v1.8h, #3
rshrn v0.4h, v1.4s, #3
sqshrn v0.2s, v1.2d, #3
uqshrn b0, h1, #3
sqrshrun v0.4h, v1.4s, #3
sshll v0.4s, v1.4h, #3
ushll v0.2d, v1.2s, #0
sxtl v0.4s, v1.4h
uxtl v0.8h, v1.8b
sxtl2 v0.2d, v1.4s
uxtl2 v0.4s, v1.8h
xtn v0.8b, v1.8h
xtn2 v0.16b, v1.8h
sqxtn v0.4h, v1.4s
uqxtn2 v0.8h, v1.4s
sqxtun v0.2s, v1.2d
saddl v0.4s, v1.4h, v2.4h
uaddl2 v0.2d, v1.4s, v2.4s
ssubw v0.4s, v1.4s, v2.4h
uaddw2 v0.8h, v1.8h, v2.16b
smull v0.4s, v1.4h, v2.4h
umull2 v0.2d, v1.4s, v2.4s
smlal v0.4s, v1.4h, v2.4h
umlsl v0.2d, v1.2s, v2.2s
smull v0.4s, v1.4h, v2.h[3]
umlal2 v0.2d, v1.4s, v2.s[3]
sabdl v0.8h, v1.8b, v2.8b
uabal v0.8h, v1.8b, v2.8b
pmull v0.8h, v1.8b, v2.8b
sqdmull v0.4s, v1.4h, v2.4h
addhn v0.8b, v1.8h, v2.8h
raddhn2 v0.16b, v1.8h, v2.8h
sabd v0.4s, v1.4s, v2.4s
uaba v0.16b, v1.16b, v2.16b
shadd v0.8h, v1.8h, v2.8h
urhadd v0.16b, v1.16b, v2.16b
sqadd v0.4s, v1.4s, v2.4s
uqsub v0.16b, v1.16b, v2.16b
sqadd b0, b1, b2
sshl v0.4s, v1.4s, v2.4s
ushl v0.2d, v1.2d, v2.2d
ushl d0, d1, d2
sqrdmulh v0.4s, v1.4s, v2.4s
sqdmulh v0.8h, v1.8h, v2.h[1]
saddlp v0.4s, v1.8h
uadalp v0.2d, v1.4s
suqadd v0.4s, v1.4s
sqabs v0.4s, v1.4s
sqneg b0, b1
urecpe v0.4s, v1.4s
frecpe v0.4s, v1.4s
frsqrte d0, d1
frecps v0.4s, v1.4s, v2.4s
frsqrts s0, s1, s2
frecpx d0, d1
dup v0.4s, w1
dup v0.2d, x1
dup v0.16b, w1
dup v0.4s, v1.s[2]
dup v0.8h, v1.h[0]
mov s0, v1.s[1]
mov d0, v1.d[1]
dup b0, v1.b[15]
mov v0.s[1], w1
mov v0.d[0], x1
mov v0.b[3], w1
mov v0.s[1], v1.s[3]
mov v0.h[7], v1.h[0]
umov w0, v1.b[3]
umov w0, v1.h[3]
mov w0, v1.s[3]
mov x0, v1.d[1]
smov x0, v1.b[3]
smov w0, v1.h[3]
smov x0, v1.s[1]
ext v0.16b, v1.16b, v2.16b, #3
ext v0.8b, v1.8b, v2.8b, #7
zip1 v0.4s, v1.4s, v2.4s
zip2 v0.16b, v1.16b, v2.16b
uzp1 v0.8h, v1.8h, v2.8h
uzp2 v0.2d, v1.2d, v2.2d
trn1 v0.4s, v1.4s, v2.4s
trn2 v0.8b, v1.8b, v2.8b
tbl v0.16b, {v1.16b}, v2.16b
tbl v0.8b, {v1.16b, v2.16b}, v3.8b
tbx v0.16b, {v1.16b, v2.16b, v3.16b, v4.16b}, v5.16b
tbl v0.16b, {v31.16b, v0.16b, v1.16b}, v5.16b
movi v0.4s, #0
movi v0.2d, #0
movi d0, #0
movi v0.2d, #0xff00ff00ff00ff00
movi v0.16b, #0x80
movi v0.4s, #1, lsl #8
movi v0.8h, #255, lsl #8
movi v0.2s, #0xff, msl #16
mvni v0.4s, #1
mvni v0.4h, #0xfe, lsl #8
orr v0.4s, #1, lsl #24
bic v0.8h, #1
fmov v0.4s, #1.0
fmov v0.2d, #-2.0
fmov v0.2s, #0.5
scvtf v0.4s, v1.4s, #3
fcvtzs v0.2d, v1.2d, #5
scvtf s0, s1
fcvtzs d0, d1
ld1 {v0.16b}, [x0]
ld1 {v0.4s, v1.4s}, [x0], #32
ld1 {v0.2d, v1.2d, v2.2d}, [x0], x2
ld1 {v0.8h, v1.8h, v2.8h, v3.8h}, [x0]
st1 {v0.16b}, [x0], #16
st1 {v0.2s, v1.2s}, [sp]
ld2 {v0.4s, v1.4s}, [x0]
ld3 {v0.16b, v1.16b, v2.16b}, [x0], #48
ld4 {v0.8h, v1.8h, v2.8h, v3.8h}, [x0], x1
st2 {v0.2d, v1.2d}, [x0]
st3 {v0.4s, v1.4s, v2.4s}, [x0]
st4 {v0.16b, v1.16b, v2.16b, v3.16b}, [x0], #64
ld1 {v0.s}[1], [x0]
ld1 {v0.b}[15], [x0], #1
ld1 {v0.d}[1], [x0], x2
st1 {v0.h}[3], [x0]
ld2 {v0.s, v1.s}[3], [x0]
ld3 {v0.h, v1.h, v2.h}[1], [x0], #6
st4 {v0.d, v1.d, v2.d, v3.d}[1], [x0], #32
ld1r {v0.4s}, [x0]
ld1r {v0.16b}, [x0], #1
ld2r {v0.2d, v1.2d}, [x0], x3
ld4r {v0.8b, v1.8b, v2.8b, v3.8b}, [x0]
ld1 {v31.16b, v0.16b}, [x0]
