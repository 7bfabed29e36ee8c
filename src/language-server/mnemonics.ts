/** One-line descriptions of the mnemonics and directives the server knows; the keys are the known set. */

const A64_LIST = `
add:Add|adds:Add, setting flags|sub:Subtract|subs:Subtract, setting flags|adc:Add with carry|adcs:Add with carry, setting flags|sbc:Subtract with carry|sbcs:Subtract with carry, setting flags
neg:Negate|negs:Negate, setting flags|ngc:Negate with carry|ngcs:Negate with carry, setting flags|cmp:Compare (SUBS to XZR)|cmn:Compare negative (ADDS to XZR)|tst:Test bits (ANDS to XZR)
and:Bitwise AND|ands:Bitwise AND, setting flags|orr:Bitwise OR|orn:Bitwise OR NOT|eor:Bitwise exclusive OR|eon:Bitwise exclusive OR NOT|bic:Bit clear|bics:Bit clear, setting flags|mvn:Bitwise NOT
mov:Move register or immediate|movz:Move wide with zero|movk:Move wide with keep (insert 16 bits)|movn:Move wide with NOT
lsl:Logical shift left|lsr:Logical shift right|asr:Arithmetic shift right|ror:Rotate right|lslv:Logical shift left (register)|lsrv:Logical shift right (register)|asrv:Arithmetic shift right (register)|rorv:Rotate right (register)
mul:Multiply|madd:Multiply-add|msub:Multiply-subtract|mneg:Multiply-negate|smull:Signed multiply long|umull:Unsigned multiply long|smulh:Signed multiply high|umulh:Unsigned multiply high|smaddl:Signed multiply-add long|umaddl:Unsigned multiply-add long|smsubl:Signed multiply-subtract long|umsubl:Unsigned multiply-subtract long|smnegl:Signed multiply-negate long|umnegl:Unsigned multiply-negate long
sdiv:Signed divide|udiv:Unsigned divide|clz:Count leading zeros|cls:Count leading sign bits|rbit:Reverse bits|rev:Reverse bytes|rev16:Reverse bytes in halfwords|rev32:Reverse bytes in words|rev64:Reverse bytes (64-bit)
sxtb:Sign-extend byte|sxth:Sign-extend halfword|sxtw:Sign-extend word|uxtb:Zero-extend byte|uxth:Zero-extend halfword|uxtw:Zero-extend word
bfm:Bitfield move|sbfm:Signed bitfield move|ubfm:Unsigned bitfield move|bfi:Bitfield insert|bfxil:Bitfield extract and insert low|bfc:Bitfield clear|sbfx:Signed bitfield extract|ubfx:Unsigned bitfield extract|sbfiz:Signed bitfield insert in zeros|ubfiz:Unsigned bitfield insert in zeros|extr:Extract register
csel:Conditional select|csinc:Conditional select increment|csinv:Conditional select invert|csneg:Conditional select negate|cset:Conditional set|csetm:Conditional set mask|cinc:Conditional increment|cinv:Conditional invert|cneg:Conditional negate|ccmp:Conditional compare|ccmn:Conditional compare negative
adr:PC-relative address|adrp:PC-relative address of a 4 KiB page
b:Branch|bl:Branch with link (call)|br:Branch to register|blr:Branch with link to register|ret:Return (branch to x30)|eret:Exception return (PC = ELR, PSTATE = SPSR)|cbz:Compare and branch if zero|cbnz:Compare and branch if nonzero|tbz:Test bit and branch if zero|tbnz:Test bit and branch if nonzero
ldr:Load register|ldrb:Load byte|ldrh:Load halfword|ldrsb:Load signed byte|ldrsh:Load signed halfword|ldrsw:Load signed word|ldur:Load register (unscaled offset)|ldurb:Load byte (unscaled)|ldurh:Load halfword (unscaled)|ldursb:Load signed byte (unscaled)|ldursh:Load signed halfword (unscaled)|ldursw:Load signed word (unscaled)
str:Store register|strb:Store byte|strh:Store halfword|stur:Store register (unscaled offset)|sturb:Store byte (unscaled)|sturh:Store halfword (unscaled)
ldp:Load pair|stp:Store pair|ldpsw:Load pair of signed words|ldnp:Load pair, non-temporal|stnp:Store pair, non-temporal|ldtr:Load unprivileged|sttr:Store unprivileged|ldtrb:Load byte unprivileged|sttrb:Store byte unprivileged|ldtrh:Load halfword unprivileged|sttrh:Store halfword unprivileged
ldxr:Load exclusive|stxr:Store exclusive|ldaxr:Load-acquire exclusive|stlxr:Store-release exclusive|ldxrb:Load exclusive byte|stxrb:Store exclusive byte|ldxrh:Load exclusive halfword|stxrh:Store exclusive halfword|ldaxrb:Load-acquire exclusive byte|stlxrb:Store-release exclusive byte|ldaxrh:Load-acquire exclusive halfword|stlxrh:Store-release exclusive halfword|ldxp:Load exclusive pair|stxp:Store exclusive pair|ldaxp:Load-acquire exclusive pair|stlxp:Store-release exclusive pair
ldar:Load-acquire|stlr:Store-release|ldarb:Load-acquire byte|stlrb:Store-release byte|ldarh:Load-acquire halfword|stlrh:Store-release halfword|ldapr:Load-acquire RCpc
cas:Compare and swap|casa:Compare and swap, acquire|casl:Compare and swap, release|casal:Compare and swap, acquire-release|casp:Compare and swap pair|swp:Swap|swpa:Swap, acquire|swpl:Swap, release|swpal:Swap, acquire-release
ldadd:Atomic add|ldadda:Atomic add, acquire|ldaddl:Atomic add, release|ldaddal:Atomic add, acquire-release|stadd:Atomic add, no result|ldclr:Atomic bit clear|ldset:Atomic bit set|ldeor:Atomic exclusive OR|ldsmax:Atomic signed maximum|ldsmin:Atomic signed minimum|ldumax:Atomic unsigned maximum|ldumin:Atomic unsigned minimum|stclr:Atomic bit clear, no result|stset:Atomic bit set, no result|steor:Atomic exclusive OR, no result
prfm:Prefetch memory|prfum:Prefetch memory (unscaled)
mrs:Read a system register into a general-purpose register|msr:Write a system register (or a PSTATE field)|sys:System instruction|sysl:System instruction with result|at:Address translate|dc:Data cache maintenance|ic:Instruction cache maintenance|tlbi:TLB invalidate
svc:Supervisor call (exception to EL1)|hvc:Hypervisor call (exception to EL2)|smc:Secure monitor call (exception to EL3)|brk:Breakpoint instruction (software breakpoint exception)|hlt:Halt (external debug)|dcps1:Debug change PE state to EL1|dcps2:Debug change PE state to EL2|dcps3:Debug change PE state to EL3|drps:Debug restore PE state
nop:No operation|yield:Yield hint|wfe:Wait for event|wfi:Wait for interrupt|sev:Send event|sevl:Send event local|hint:Hint instruction|isb:Instruction synchronization barrier|dsb:Data synchronization barrier|dmb:Data memory barrier|clrex:Clear exclusive monitor|sb:Speculation barrier|csdb:Consumption of speculative data barrier|esb:Error synchronization barrier|psb:Profiling synchronization barrier|tsb:Trace synchronization barrier|ssbb:Speculative store bypass barrier|pssbb:Physical speculative store bypass barrier
paciasp:Sign LR with key A (NOP without PAuth)|autiasp:Authenticate LR with key A (NOP without PAuth)|pacibsp:Sign LR with key B|autibsp:Authenticate LR with key B|bti:Branch target identification|xpaclri:Strip pointer authentication code
crc32b:CRC32 byte|crc32h:CRC32 halfword|crc32w:CRC32 word|crc32x:CRC32 doubleword|crc32cb:CRC32C byte|crc32ch:CRC32C halfword|crc32cw:CRC32C word|crc32cx:CRC32C doubleword
fmov:Floating-point move|fadd:Floating-point add|fsub:Floating-point subtract|fmul:Floating-point multiply|fdiv:Floating-point divide|fneg:Floating-point negate|fabs:Floating-point absolute value|fsqrt:Floating-point square root|fmadd:Floating-point fused multiply-add|fmsub:Floating-point fused multiply-subtract|fnmadd:Floating-point negated multiply-add|fnmsub:Floating-point negated multiply-subtract|fnmul:Floating-point multiply-negate|fmax:Floating-point maximum|fmin:Floating-point minimum|fmaxnm:Floating-point maximum number|fminnm:Floating-point minimum number
fcmp:Floating-point compare|fcmpe:Floating-point compare, signalling|fccmp:Floating-point conditional compare|fcsel:Floating-point conditional select|fcvt:Floating-point convert precision|fcvtzs:Convert to signed integer, toward zero|fcvtzu:Convert to unsigned integer, toward zero|fcvtas:Convert to signed, ties away|fcvtau:Convert to unsigned, ties away|fcvtms:Convert to signed, toward -inf|fcvtmu:Convert to unsigned, toward -inf|fcvtns:Convert to signed, ties even|fcvtnu:Convert to unsigned, ties even|fcvtps:Convert to signed, toward +inf|fcvtpu:Convert to unsigned, toward +inf|scvtf:Signed integer to floating-point|ucvtf:Unsigned integer to floating-point|frinta:Round, ties away|frinti:Round, current mode|frintm:Round toward -inf|frintn:Round, ties even|frintp:Round toward +inf|frintx:Round exact|frintz:Round toward zero
ld1:Load SIMD structure (1 register)|ld2:Load SIMD structure (2 registers)|ld3:Load SIMD structure (3)|ld4:Load SIMD structure (4)|st1:Store SIMD structure (1)|st2:Store SIMD structure (2)|st3:Store SIMD structure (3)|st4:Store SIMD structure (4)|ld1r:Load one element and replicate|dup:Duplicate element|ins:Insert element|umov:Unsigned move element to register|smov:Signed move element to register|movi:Move immediate to vector|mvni:Move inverted immediate to vector
addv:Add across vector|addp:Add pairwise|cmeq:Compare equal (vector)|cmge:Compare signed >= (vector)|cmgt:Compare signed > (vector)|cmhi:Compare unsigned > (vector)|cmhs:Compare unsigned >= (vector)|cmtst:Compare bitwise test (vector)|cnt:Population count per byte|uaddlv:Unsigned add long across vector|umaxv:Unsigned maximum across vector|uminv:Unsigned minimum across vector|bsl:Bitwise select|bit:Bitwise insert if true|bif:Bitwise insert if false|not:Bitwise NOT (vector)|ext:Extract vector|zip1:Zip vectors (low)|zip2:Zip vectors (high)|uzp1:Unzip vectors (even)|uzp2:Unzip vectors (odd)|trn1:Transpose (even)|trn2:Transpose (odd)|tbl:Table lookup|tbx:Table lookup extension|xtn:Extract narrow|xtn2:Extract narrow (upper)|ushr:Unsigned shift right (vector)|sshr:Signed shift right (vector)|shl:Shift left (vector)|ushll:Unsigned shift left long|sshll:Signed shift left long|uxtl:Unsigned extend long|sxtl:Signed extend long|rev16:Reverse bytes in halfwords
`;

const X86_LIST = `
mov:Move|movabs:Move a 64-bit immediate or absolute address|movzx:Move with zero extension|movsx:Move with sign extension|movsxd:Move with sign extension (32 to 64)|movzb:Move byte with zero extension|movzw:Move word with zero extension|movsb:Move byte with sign extension (or string move)|movsw:Move word with sign extension (or string move)|movslq:Move long with sign extension to quad|movs:String move|lea:Load effective address|xchg:Exchange|cmpxchg:Compare and exchange|cmpxchg8b:Compare and exchange 8 bytes|cmpxchg16b:Compare and exchange 16 bytes|xadd:Exchange and add|bswap:Byte swap
push:Push onto the stack|pop:Pop from the stack|pushf:Push RFLAGS|popf:Pop RFLAGS (may set TF)|pushfq:Push RFLAGS|popfq:Pop RFLAGS (may set TF)
add:Add|adc:Add with carry|sub:Subtract|sbb:Subtract with borrow|neg:Negate|inc:Increment|dec:Decrement|cmp:Compare|test:Logical compare|and:Bitwise AND|or:Bitwise OR|xor:Bitwise exclusive OR|not:Bitwise NOT
mul:Unsigned multiply|imul:Signed multiply|div:Unsigned divide|idiv:Signed divide|cbw:Sign-extend AL into AX|cwde:Sign-extend AX into EAX|cdqe:Sign-extend EAX into RAX|cwd:Sign-extend AX into DX:AX|cdq:Sign-extend EAX into EDX:EAX|cqo:Sign-extend RAX into RDX:RAX|cltq:Sign-extend EAX into RAX|cqto:Sign-extend RAX into RDX:RAX|cltd:Sign-extend EAX into EDX:EAX
shl:Shift left|shr:Logical shift right|sar:Arithmetic shift right|sal:Shift left|rol:Rotate left|ror:Rotate right|rcl:Rotate through carry left|rcr:Rotate through carry right|shld:Double-precision shift left|shrd:Double-precision shift right|bt:Bit test|bts:Bit test and set|btr:Bit test and reset|btc:Bit test and complement|bsf:Bit scan forward|bsr:Bit scan reverse|popcnt:Population count|lzcnt:Count leading zeros|tzcnt:Count trailing zeros
jmp:Jump|call:Call procedure|ret:Return from procedure|iret:Interrupt return|iretq:Interrupt return (64-bit)|sysret:Return from SYSCALL|sysretq:Return from SYSCALL|syscall:Fast system call|sysenter:Fast system call (SYSENTER)|sysexit:Return from SYSENTER|loop:Decrement RCX and jump if nonzero|jrcxz:Jump if RCX is zero|jecxz:Jump if ECX is zero
je:Jump if equal|jne:Jump if not equal|jz:Jump if zero|jnz:Jump if not zero|ja:Jump if above|jae:Jump if above or equal|jb:Jump if below|jbe:Jump if below or equal|jg:Jump if greater|jge:Jump if greater or equal|jl:Jump if less|jle:Jump if less or equal|js:Jump if sign|jns:Jump if not sign|jo:Jump if overflow|jno:Jump if not overflow|jc:Jump if carry|jnc:Jump if not carry|jp:Jump if parity|jnp:Jump if not parity
sete:Set byte if equal|setne:Set byte if not equal|setz:Set byte if zero|setnz:Set byte if not zero|seta:Set byte if above|setae:Set byte if above or equal|setb:Set byte if below|setbe:Set byte if below or equal|setg:Set byte if greater|setge:Set byte if greater or equal|setl:Set byte if less|setle:Set byte if less or equal|sets:Set byte if sign|setns:Set byte if not sign|seto:Set byte if overflow|setc:Set byte if carry
cmove:Move if equal|cmovne:Move if not equal|cmovz:Move if zero|cmovnz:Move if not zero|cmova:Move if above|cmovae:Move if above or equal|cmovb:Move if below|cmovbe:Move if below or equal|cmovg:Move if greater|cmovge:Move if greater or equal|cmovl:Move if less|cmovle:Move if less or equal|cmovs:Move if sign|cmovns:Move if not sign
int:Software interrupt|int3:Breakpoint trap (#BP)|int1:ICEBP (#DB, privileged software exception)|into:Interrupt on overflow|ud2:Undefined instruction (#UD)|hlt:Halt until interrupt|nop:No operation|pause:Spin-loop hint|cli:Clear interrupt flag|sti:Set interrupt flag|clc:Clear carry|stc:Set carry|cmc:Complement carry|cld:Clear direction flag|std:Set direction flag|lahf:Load flags into AH|sahf:Store AH into flags
rdmsr:Read the MSR numbered by ECX into EDX:EAX|wrmsr:Write EDX:EAX to the MSR numbered by ECX|rdtsc:Read time-stamp counter|rdtscp:Read time-stamp counter and TSC_AUX|rdpmc:Read performance counter|cpuid:CPU identification|xgetbv:Read an extended control register|xsetbv:Write an extended control register|rdrand:Read random number|rdseed:Read random seed|rdpid:Read processor ID
lgdt:Load GDTR|sgdt:Store GDTR|lidt:Load IDTR|sidt:Store IDTR|lldt:Load LDTR|sldt:Store LDTR|ltr:Load task register|str:Store task register|lmsw:Load machine status word|smsw:Store machine status word|clts:Clear CR0.TS|invlpg:Invalidate TLB entry|invpcid:Invalidate process-context identifier|wbinvd:Write back and invalidate caches|invd:Invalidate caches|swapgs:Swap GS base with IA32_KERNEL_GS_BASE|rdfsbase:Read FS base|wrfsbase:Write FS base|rdgsbase:Read GS base|wrgsbase:Write GS base|clflush:Flush cache line|monitor:Set up monitor address|mwait:Monitor wait|in:Input from port|out:Output to port|ins:Input string from port|outs:Output string to port
lfence:Load fence|sfence:Store fence|mfence:Memory fence|lock:Lock prefix (atomic)|rep:Repeat prefix|repe:Repeat while equal|repne:Repeat while not equal|repz:Repeat while zero|repnz:Repeat while not zero|stos:Store string|lods:Load string|scas:Scan string|cmps:Compare strings|stosb:Store string byte|stosq:Store string quadword|movsq:Move string quadword|enter:Make stack frame|leave:Release stack frame|endbr64:End branch (CET)
vmcall:Call to the hypervisor (VMX)|vmmcall:Call to the hypervisor (SVM)|vmlaunch:Launch a VM|vmresume:Resume a VM|vmread:Read a VMCS field|vmwrite:Write a VMCS field|vmxon:Enter VMX operation|vmxoff:Leave VMX operation|vmptrld:Load VMCS pointer|vmclear:Clear VMCS
movd:Move doubleword to/from XMM|movq:Move quadword|movdqa:Move aligned 128 bits|movdqu:Move unaligned 128 bits|movaps:Move aligned packed single|movups:Move unaligned packed single|pxor:Packed XOR|xorps:XOR packed single|fxsave:Save x87/SSE state|fxrstor:Restore x87/SSE state|xsave:Save extended state|xrstor:Restore extended state
`;

function parse(list: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const item of list.split(/[|\n]/)) {
    const i = item.indexOf(':');
    if (i > 0) m.set(item.slice(0, i).trim(), item.slice(i + 1).trim());
  }
  return m;
}

export const A64_MNEMONICS = parse(A64_LIST);

// The LSE atomics come in ordering (a, l, al) and size (b, h) variants of each base operation.
for (const [base, what] of [['ldadd', 'add'], ['ldclr', 'bit clear'], ['ldeor', 'exclusive OR'], ['ldset', 'bit set'], ['ldsmax', 'signed maximum'], ['ldsmin', 'signed minimum'], ['ldumax', 'unsigned maximum'], ['ldumin', 'unsigned minimum'], ['swp', 'swap'], ['cas', 'compare and swap']] as const) {
  for (const ord of ['', 'a', 'l', 'al']) {
    for (const size of ['', 'b', 'h']) {
      const m = `${base}${ord}${size}`;
      if (!A64_MNEMONICS.has(m)) A64_MNEMONICS.set(m, `Atomic ${what}${ord ? ` (${{ a: 'acquire', l: 'release', al: 'acquire-release' }[ord]})` : ''}${size ? ` (${size === 'b' ? 'byte' : 'halfword'})` : ''}`);
      if (base.startsWith('ld') && ord !== 'a' && ord !== 'al') {
        const st = `st${base.slice(2)}${ord}${size}`;
        if (!A64_MNEMONICS.has(st)) A64_MNEMONICS.set(st, `Atomic ${what}, no result${ord ? ' (release)' : ''}${size ? ` (${size === 'b' ? 'byte' : 'halfword'})` : ''}`);
      }
    }
  }
}
for (const ord of ['a', 'l', 'al']) A64_MNEMONICS.set(`casp${ord}`, 'Compare and swap pair');

// Advanced SIMD and FP mnemonics, grouped by what they do (one line each is enough for a hover).
const SIMD_GROUPS: readonly (readonly [string, string])[] = [
  ['SIMD multiply-accumulate', 'mla mls fmla fmls smlal umlal smlsl umlsl sqdmlal sqdmlsl fmlal fmlsl'],
  ['SIMD compare', 'fcmeq fcmge fcmgt fcmle fcmlt facge facgt cmle cmlt fccmpe'],
  ['SIMD pairwise or across-vector operation', 'faddp fmaxp fminp fmaxnmp fminnmp fmaxv fminv fmaxnmv fminnmv smaxp sminp umaxp uminp smaxv sminv saddlv saddlp uaddlp sadalp uadalp'],
  ['SIMD arithmetic', 'abs neg smax smin umax umin sabd uabd saba uaba sabdl uabdl sabal uabal shadd uhadd srhadd urhadd shsub uhsub sqadd uqadd sqsub uqsub suqadd usqadd sqabs sqneg mul pmul pmull sqdmulh sqrdmulh sqdmull saddl uaddl ssubl usubl saddw uaddw ssubw usubw addhn subhn raddhn rsubhn fabd fmulx fmaxnmp fcadd fcmla'],
  ['SIMD shift', 'sshl ushl srshl urshl sqshl uqshl sqrshl uqrshl ssra usra srshr urshr srsra ursra sri sli shrn rshrn sqshrn uqshrn sqrshrn uqrshrn sqshrun sqrshrun sqshlu shll'],
  ['SIMD narrow/widen/convert', 'sxtl uxtl sqxtn uqxtn sqxtun fcvtl fcvtn fcvtxn'],
  ['SIMD estimate', 'urecpe ursqrte frecpe frsqrte frecps frsqrts frecpx'],
  ['SIMD load and replicate', 'ld2r ld3r ld4r'],
  ['Cryptography', 'aese aesd aesmc aesimc sha1c sha1p sha1m sha1h sha1su0 sha1su1 sha256h sha256h2 sha256su0 sha256su1'],
];
for (const [what, names] of SIMD_GROUPS) for (const n of names.split(' ')) if (!A64_MNEMONICS.has(n)) A64_MNEMONICS.set(n, what);
export const X86_MNEMONICS = parse(X86_LIST);

export const A64_CONDITIONS = ['eq', 'ne', 'cs', 'hs', 'cc', 'lo', 'mi', 'pl', 'vs', 'vc', 'hi', 'ls', 'ge', 'lt', 'gt', 'le', 'al', 'nv'];

/** The description of an A64 mnemonic, including b.cond / bc.cond. */
export function a64Mnemonic(m: string): string | undefined {
  const d = A64_MNEMONICS.get(m);
  if (d !== undefined) return d;
  // The "2" forms work on the upper half of the vector (sxtl2, umull2, ...).
  if (m.endsWith('2') && m.length > 2) {
    const base = A64_MNEMONICS.get(m.slice(0, -1));
    if (base !== undefined) return `${base} (upper half)`;
  }
  const c = /^bc?\.([a-z]{2})$/.exec(m);
  if (c && A64_CONDITIONS.includes(c[1])) return `Branch if condition ${c[1].toUpperCase()} holds`;
  return undefined;
}

const X86_SUFFIX = /^(.+?)([bwlq])$/;

/** The description of an AT&T mnemonic, accepting the operand-size suffixes (movq, addl, ...). */
export function x86Mnemonic(m: string): string | undefined {
  const d = X86_MNEMONICS.get(m);
  if (d !== undefined) return d;
  const s = X86_SUFFIX.exec(m);
  if (s) {
    const base = X86_MNEMONICS.get(s[1]);
    if (base !== undefined) return `${base} (${{ b: '8', w: '16', l: '32', q: '64' }[s[2] as 'b' | 'w' | 'l' | 'q']}-bit)`;
  }
  if (/^(cvt|p|v|f|movs|movz)[a-z0-9]*$/.test(m)) return 'SSE/AVX/x87 instruction';
  return undefined;
}

export const DIRECTIVES = new Map<string, string>(
  Object.entries({
    '.text': 'Switch to the text (code) section',
    '.data': 'Switch to the data section',
    '.bss': 'Switch to the zero-initialised section',
    '.section': 'Switch to a named section: .section name, "flags", @type',
    '.global': 'Make a symbol visible to the linker',
    '.globl': 'Make a symbol visible to the linker',
    '.local': 'Make a symbol local',
    '.weak': 'Declare a weak symbol',
    '.type': 'Set a symbol type (@function, @object)',
    '.size': 'Set a symbol size',
    '.align': 'Align the location counter',
    '.balign': 'Align to a byte boundary',
    '.p2align': 'Align to a power of two',
    '.byte': 'Emit bytes',
    '.hword': 'Emit 16-bit values',
    '.short': 'Emit 16-bit values',
    '.word': 'Emit 32-bit values (AArch64) / 16-bit (x86)',
    '.long': 'Emit 32-bit values',
    '.int': 'Emit 32-bit values',
    '.quad': 'Emit 64-bit values',
    '.xword': 'Emit 64-bit values',
    '.dword': 'Emit 64-bit values',
    '.ascii': 'Emit a string without terminator',
    '.asciz': 'Emit a NUL-terminated string',
    '.string': 'Emit a NUL-terminated string',
    '.zero': 'Emit zero bytes',
    '.skip': 'Reserve bytes',
    '.space': 'Reserve bytes',
    '.fill': 'Emit repeated values',
    '.equ': 'Define a constant: .equ NAME, value',
    '.set': 'Define a constant: .set NAME, value',
    '.equiv': 'Define a constant once',
    '.macro': 'Begin a macro definition',
    '.endm': 'End a macro definition',
    '.rept': 'Repeat a block',
    '.endr': 'End a repeated block',
    '.if': 'Conditional assembly',
    '.ifdef': 'Conditional assembly if defined',
    '.ifndef': 'Conditional assembly if not defined',
    '.else': 'Conditional assembly: else',
    '.elseif': 'Conditional assembly: else if',
    '.endif': 'End conditional assembly',
    '.include': 'Include a file',
    '.org': 'Set the location counter',
    '.ltorg': 'Emit the literal pool here',
    '.pool': 'Emit the literal pool here',
    '.arch': 'Select the target architecture',
    '.arch_extension': 'Enable an architecture extension',
    '.cpu': 'Select the target CPU',
    '.code64': 'Assemble 64-bit code',
    '.code32': 'Assemble 32-bit code',
    '.intel_syntax': 'Switch to Intel syntax',
    '.att_syntax': 'Switch to AT&T syntax',
    '.file': 'Record the source file name',
    '.loc': 'Record a source line for DWARF',
    '.ident': 'Record an identification string',
    '.previous': 'Return to the previous section',
    '.pushsection': 'Push and switch section',
    '.popsection': 'Pop the section stack',
    '.cfi_startproc': 'Begin a CFI procedure',
    '.cfi_endproc': 'End a CFI procedure',
    '.cfi_def_cfa': 'Define the CFA',
    '.cfi_def_cfa_offset': 'Set the CFA offset',
    '.cfi_def_cfa_register': 'Set the CFA register',
    '.cfi_offset': 'Register saved at CFA + offset',
    '.cfi_restore': 'Register restored',
    '.cfi_adjust_cfa_offset': 'Adjust the CFA offset',
    '.inst': 'Emit a raw instruction word',
    '.end': 'End of assembly',
  }),
);
