import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { LspClient, ROOT, hoverText, posOf } from './lsp-client';

const SELFDEBUG = fs.readFileSync(path.join(ROOT, 'examples/debug-hardware/selfdebug.S'), 'utf8');

const A64 = `// AArch64 test file
    .equ BCR_ARMED, (0xf << 5) | (3 << 1) | 1
    .global _start
_start:
    mov     x0, #0x1e5
    msr     dbgbcr0_el1, x0
    movz    x1, #0x1e5
    movk    x1, #0x1, lsl #16
    msr     dbgbcr1_el1, x1
    ldr     x2, =BCR_ARMED
    msr     dbgbcr2_el1, x2
    mrs     x3, oslsr_el1
    bl      helper
    b       _start
helper:
    ret
`;
const A64_URI = 'file:///test/a64.S';

const BAD = `start:
    frobnicate x0, x1
    msr     foo_el1, x0
    msr     oslsr_el1, x0
    mrs     x0, oslar_el1
    brk     #0x10000
    svc     #70000
    hvc     #0xffff
    msr     dbgbcr6_el1, x0
    msr     dbgwvr4_el1, x0
    msr     dbgwcr3_el1, x0
    mrs     x1, mdscr_el1
    msr     daifclr, #8
`;
const BAD_URI = 'file:///test/bad.S';

const X86 = `# x86-64 guest debug setup
    .code64
    .globl start
start:
    movq    $0x000d0402, %rax
    movq    %rax, %dr7
    movl    $0x1d9, %ecx
    rdmsr
    movl    $0xfe, %ecx
    wrmsr
    movq    %rax, %dr8
    int     $300
    movabsq $0x100000402, %rbx
    movq    %rbx, %dr7
    jmp     start
`;
const X86_URI = 'file:///test/x86.S';

describe('language server over a real LSP connection', function () {
  this.timeout(30_000);
  let c: LspClient;

  before(async () => {
    c = new LspClient();
    const init = (await c.initialize()) as { capabilities: Record<string, unknown> };
    assert.equal(init.capabilities.hoverProvider, true);
    assert.equal(init.capabilities.definitionProvider, true);
    assert.equal(init.capabilities.referencesProvider, true);
    assert.equal(init.capabilities.documentSymbolProvider, true);
  });
  after(async () => c.close());

  describe('AArch64', () => {
    it('the example selfdebug.S has no diagnostics; hover on oslar_el1 shows the register and its field table', async () => {
      const uri = 'file:///test/selfdebug.S';
      assert.deepEqual(await c.open(uri, SELFDEBUG), []);
      const p = posOf(SELFDEBUG, 'msr     oslar_el1, x0', 10);
      const h = hoverText(await c.hover(uri, p.line, p.character));
      assert.match(h, /\*\*OSLAR_EL1\*\* — OS Lock access/);
      assert.match(h, /op0=2 op1=0 CRn=1 CRm=0 op2=4 \(`S2_0_C1_C0_4`\)/);
      assert.match(h, /write-only \(WO\)/);
      assert.match(h, /EL2 traps: MDCR_EL2\.TDOSA/);
      assert.match(h, /Value written here \(x0\): `0x1`/);
      assert.match(h, /\| 0 \| OSLK \| 0x1 \| OS Lock \|/);
      // #define constants: MDSCR_MDE | MDSCR_KDE = 0xa000.
      const q = posOf(SELFDEBUG, 'msr     mdscr_el1, x0', 10);
      const hm = hoverText(await c.hover(uri, q.line, q.character));
      assert.match(hm, /Value written here \(x0\): `0xa000`/);
      assert.match(hm, /\| 15 \| MDE \| 0x1 \|/);
      assert.match(hm, /\| 13 \| KDE \| 0x1 \|/);
    });

    it('knows every mnemonic of the disassembler corpus (assembled by llvm-mc) and the repository guests', async () => {
      for (const f of ['test/emulator/arm64/disasm-support/corpus.s', 'test/fixtures/runtime/crt0.S', 'test/emulator/arm64/system-guests/start.S']) {
        const d = await c.open(`file:///test/corpus/${path.basename(f)}`, fs.readFileSync(path.join(ROOT, f), 'utf8'));
        const unknown = d.filter((x) => /mnemonic/.test(x.message)).map((x) => x.message);
        assert.deepEqual(unknown, [], f);
      }
    });

    it('decodes immediates written to a debug register (mov, movz/movk, ldr =.equ constant)', async () => {
      assert.deepEqual(await c.open(A64_URI, A64), []);
      const p = posOf(A64, 'dbgbcr0_el1', 3);
      const h = hoverText(await c.hover(A64_URI, p.line, p.character));
      assert.match(h, /\*\*DBGBCR0_EL1\*\* — Breakpoint 0 control/);
      assert.match(h, /`0x1e5`/);
      assert.match(h, /\| 8:5 \| BAS \| 0xf \|/);
      assert.match(h, /\| 2:1 \| PMC \| 0x2 \|/);
      assert.match(h, /\| 0 \| E \| 0x1 \|/);
      // Hovering the immediate itself shows where it goes.
      const i = posOf(A64, '#0x1e5', 2);
      const hi = hoverText(await c.hover(A64_URI, i.line, i.character));
      assert.match(hi, /Written to DBGBCR0_EL1 on line 6: `0x1e5`/);
      assert.match(hi, /\| 8:5 \| BAS \| 0xf \|/);
      const m = posOf(A64, 'dbgbcr1_el1', 3);
      const hm = hoverText(await c.hover(A64_URI, m.line, m.character));
      assert.match(hm, /`0x101e5`/);
      assert.match(hm, /\| 19:16 \| LBN \| 0x1 \|/);
      const l = posOf(A64, 'dbgbcr2_el1', 3);
      const hl = hoverText(await c.hover(A64_URI, l.line, l.character));
      assert.match(hl, /`0x1e7`/);
      assert.match(hl, /\| 2:1 \| PMC \| 0x3 \|/);
    });

    it('hover on a mnemonic gives a one-line description; on a label its definition; on a constant its value', async () => {
      const m = posOf(A64, 'movk', 1);
      assert.match(hoverText(await c.hover(A64_URI, m.line, m.character)), /`movk` — Move wide with keep/);
      const b = posOf(A64, 'bl      helper', 9);
      assert.match(hoverText(await c.hover(A64_URI, b.line, b.character)), /\*\*helper\*\* — label defined on line 15/);
      const k = posOf(A64, 'BCR_ARMED', 2);
      assert.match(hoverText(await c.hover(A64_URI, k.line, k.character)), /\*\*BCR_ARMED\*\* — constant defined on line 2: `\(0xf << 5\) \| \(3 << 1\) \| 1` = `0x1e7` \(487\)/);
    });

    it('diagnostics: unknown mnemonic/register, RO write, WO read, 16-bit immediates, debug slots beyond the CPU', async () => {
      const d = await c.open(BAD_URI, BAD);
      const byLine = (line: number): string[] => d.filter((x) => x.range.start.line === line).map((x) => x.message);
      assert.deepEqual(byLine(1), ["Unknown AArch64 mnemonic 'frobnicate'."]);
      assert.deepEqual(byLine(2), ["Unknown system register 'foo_el1'."]);
      assert.deepEqual(byLine(3), ['OSLSR_EL1 is read-only: MSR to it is UNDEFINED.']);
      assert.deepEqual(byLine(4), ['OSLAR_EL1 is write-only: MRS from it is UNDEFINED.']);
      assert.match(byLine(5)[0], /BRK immediate 0x10000 is out of range: it is 16 bits/);
      assert.match(byLine(6)[0], /SVC immediate 70000 is out of range/);
      assert.deepEqual(byLine(7), []);
      assert.match(byLine(8)[0], /DBGBCR6_EL1: the configured CPU has 6 breakpoints \(DBGBCR0_EL1-DBGBCR5_EL1\)/);
      assert.match(byLine(9)[0], /DBGWVR4_EL1: the configured CPU has 4 watchpoints/);
      assert.deepEqual(byLine(10), []);
      assert.deepEqual(byLine(11), []);
      assert.deepEqual(byLine(12), []);
      assert.equal(d.length, 8);
      const sev = d.find((x) => x.range.start.line === 3)?.severity;
      assert.equal(sev, 1);
      const r = d.find((x) => x.range.start.line === 3)?.range;
      assert.deepEqual(r, { start: { line: 3, character: 12 }, end: { line: 3, character: 21 } });
    });

    it('the configured debug slots (stepvisor.asm.breakpoints/watchpoints) change the diagnostics', async () => {
      const next = c.nextDiagnostics(BAD_URI);
      await c.configure({ breakpoints: 2, watchpoints: 3 });
      const d = await next;
      const msgs = d.map((x) => `${x.range.start.line}: ${x.message}`);
      assert.ok(msgs.some((m) => m.startsWith('10: DBGWCR3_EL1: the configured CPU has 3 watchpoints')), msgs.join('\n'));
      await c.configure({});
      await c.nextDiagnostics(BAD_URI);
    });

    it('completion: system registers after msr/mrs (only present slots, by access), mnemonics, directives, labels', async () => {
      const uri = 'file:///test/complete.S';
      const text = 'loop:\n    msr \n    mrs x0, \n    \n    b \n';
      await c.open(uri, text);
      const msr = ((await c.completion(uri, 1, 8)) ?? []).map((i) => i.label);
      assert.ok(msr.includes('dbgbcr5_el1') && msr.includes('oslar_el1') && msr.includes('mdscr_el1') && msr.includes('daifclr'));
      assert.ok(!msr.includes('dbgbcr6_el1'), 'slot 6 is not on the configured CPU');
      assert.ok(!msr.includes('oslsr_el1'), 'read-only registers are not offered to msr');
      const mrs = ((await c.completion(uri, 2, 12)) ?? []).map((i) => i.label);
      assert.ok(mrs.includes('oslsr_el1') && !mrs.includes('oslar_el1'));
      const start = ((await c.completion(uri, 3, 4)) ?? []).map((i) => i.label);
      assert.ok(start.includes('msr') && start.includes('.equ') && start.includes('b.ne'));
      const ops = ((await c.completion(uri, 4, 6)) ?? []).map((i) => i.label);
      assert.ok(ops.includes('loop'));
    });

    it('renders a live register value for the extension (stepvisor/describeRegister)', async () => {
      const r = (await c.conn.sendRequest('stepvisor/describeRegister', { uri: A64_URI, name: 'dbgbcr0_el1', value: '485' })) as { markdown: string } | null;
      assert.ok(r);
      assert.match(r.markdown, /Live value: `0x1e5`/);
      assert.match(r.markdown, /\| 8:5 \| BAS \| 0xf \|/);
      assert.equal(await c.conn.sendRequest('stepvisor/describeRegister', { uri: A64_URI, name: 'x0', value: '1' }), null);
      assert.equal(await c.conn.sendRequest('stepvisor/describeRegister', { uri: A64_URI, name: 'mdscr_el1', value: 'garbage' }), null);
    });

    it('document symbols, go to definition and find references for labels', async () => {
      const syms = (await c.symbols(A64_URI)) ?? [];
      assert.deepEqual(syms.map((s) => [s.name, s.range.start.line]), [['BCR_ARMED', 1], ['_start', 3], ['helper', 14]]);
      const b = posOf(A64, 'bl      helper', 9);
      const def = await c.definition(A64_URI, b.line, b.character);
      assert.deepEqual(def, { uri: A64_URI, range: { start: { line: 14, character: 0 }, end: { line: 14, character: 6 } } });
      const s = posOf(A64, 'b       _start', 9);
      const refs = (await c.references(A64_URI, s.line, s.character)) ?? [];
      assert.deepEqual(refs.map((r) => `${r.range.start.line}:${r.range.start.character}`).sort(), ['13:12', '2:12', '3:0']);
    });
  });

  describe('x86-64', () => {
    it('detects x86 from the content; hover decodes DR7 and the MSR selected by %ecx', async () => {
      const d = await c.open(X86_URI, X86);
      const msgs = d.map((x) => `${x.range.start.line}: ${x.message}`);
      assert.deepEqual(msgs, [
        '9: IA32_MTRRCAP (MSR 0xfe) is read-only: WRMSR raises #GP(0).',
        '10: %dr8 does not exist: x86-64 has DR0-DR7 (breakpoints in DR0-DR3).',
        '11: INT vector $300 is out of range: it is 8 bits (0-255).',
        '13: DR7 <- 0x100000402: bits that must be zero are set (0x100000000): MOV raises #GP(0).',
      ]);
      const p = posOf(X86, '%dr7', 1);
      const h = hoverText(await c.hover(X86_URI, p.line, p.character));
      assert.match(h, /\*\*DR7\*\* — Debug control/);
      assert.match(h, /Value written here \(%rax\): `0xd0402`/);
      assert.match(h, /\| 1 \| G0 \| 0x1 \|/);
      assert.match(h, /\| 17:16 \| R\/W0 \| 0x1 \|/);
      assert.match(h, /\| 19:18 \| LEN0 \| 0x3 \|/);
      const i = posOf(X86, '$0x000d0402', 2);
      const hi = hoverText(await c.hover(X86_URI, i.line, i.character));
      assert.match(hi, /Written to DR7 on line 6: `0xd0402`/);
      assert.match(hi, /\| 0 \| L0 \| 0x0 \|/);
      const r = posOf(X86, 'rdmsr', 1);
      const hr = hoverText(await c.hover(X86_URI, r.line, r.character));
      assert.match(hr, /`rdmsr` — Read the MSR/);
      assert.match(hr, /\*\*IA32_DEBUGCTL\*\*/);
      assert.match(hr, /MSR 0x1d9/);
      assert.match(hr, /\| 1 \| BTF \|/);
      const m = posOf(X86, 'movl', 1);
      assert.match(hoverText(await c.hover(X86_URI, m.line, m.character)), /`movl` — Move \(32-bit\)/);
    });

    it('completes %dr registers', async () => {
      const uri = 'file:///test/x86-complete.S';
      await c.open(uri, 'start:\n    movq %rax, %dr\n    rdmsr\n');
      const items = ((await c.completion(uri, 1, 18)) ?? []).map((i) => i.label);
      assert.ok(items.includes('%dr7') && items.includes('%dr0') && items.includes('%cr4'));
    });

    it('the architecture setting overrides detection', async () => {
      const uri = 'file:///test/forced.S';
      const next = c.nextDiagnostics(uri);
      await c.configure({ architecture: 'arm64' });
      await c.open(uri, 'start:\n    movq %rax, %dr7\n    rdmsr\n');
      const d = await next;
      assert.ok(d.some((x) => x.message === "Unknown AArch64 mnemonic 'movq'."), JSON.stringify(d));
      await c.configure({});
    });
  });

  describe('robustness', () => {
    const timed = async <T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> => {
      const t = Date.now();
      const value = await fn();
      return { ms: Date.now() - t, value };
    };

    it('binary data: no crash, answers within a second', async () => {
      const bytes = Buffer.alloc(256 * 1024);
      for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + (i >> 3)) & 0xff;
      const uri = 'file:///test/binary.S';
      const d = await c.open(uri, bytes.toString('latin1'));
      assert.equal(d.length, 1);
      assert.match(d[0].message, /looks binary/);
      const h = await timed(() => c.hover(uri, 0, 3));
      assert.ok(h.ms < 1000, `${h.ms} ms`);
      const comp = await timed(() => c.completion(uri, 0, 3));
      assert.ok(comp.ms < 1000, `${comp.ms} ms`);
      assert.equal(c.exited, false);
    });

    it('a 10 MB file: diagnostics and every request answer within a second', async () => {
      const unit = 'loop:\n    mov x0, #0x1e5\n    msr dbgbcr0_el1, x0\n    frobnicate x1\n    b loop\n';
      const text = unit.repeat(Math.ceil((10 * 1024 * 1024) / unit.length));
      assert.ok(text.length >= 10 * 1024 * 1024);
      const uri = 'file:///test/big.S';
      // A hover sent right behind the 10 MB didOpen: transfer, parse and answer within a second.
      const opened = c.open(uri, text);
      const first = await timed(() => c.hover(uri, 2, 10));
      assert.ok(first.ms < 1000, `first hover: ${first.ms} ms`);
      assert.match(hoverText(first.value), /DBGBCR0_EL1/);
      const diags = await opened;
      assert.ok(diags.length > 0 && diags.length <= 500, `${diags.length} diagnostics`);
      const last = text.split('\n').length - 3;
      for (const [name, fn] of [
        ['hover', () => c.hover(uri, 2, 10)],
        ['hover at the end', () => c.hover(uri, last, 5)],
        ['completion', () => c.completion(uri, 2, 8)],
        ['definition', () => c.definition(uri, 4, 7)],
        ['references', () => c.references(uri, 4, 7)],
        ['symbols', () => c.symbols(uri)],
      ] as const) {
        const r = await timed(fn as () => Promise<unknown>);
        assert.ok(r.ms < 1000, `${name}: ${r.ms} ms`);
      }
      // An edit is re-analysed within a second too (the 150 ms debounce included).
      const e = await timed(() => c.change(uri, text.replace('frobnicate', 'nop       ')));
      assert.ok(e.ms < 1500, `re-analysis after an edit: ${e.ms} ms`);
      assert.equal(c.exited, false);
    });

    it('a 10 MB single line does not stall the server', async () => {
      const uri = 'file:///test/oneline.S';
      const t = Date.now();
      await c.open(uri, 'mov x0, #1 '.repeat(1024 * 1024));
      const h = await timed(() => c.hover(uri, 0, 1));
      assert.ok(Date.now() - t < 3000 && h.ms < 1000, `${h.ms} ms`);
      assert.equal(c.exited, false);
    });
  });
});
