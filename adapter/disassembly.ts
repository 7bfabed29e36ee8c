/** The `disassemble` request: A64 text from the emulator's disassembler, symbols, source lines, BRK patches hidden. */
import type { DebugProtocol } from '@vscode/debugprotocol';
import { disassemble } from '../emulator';
import type { Machine } from './machine';
import { hex } from './syndrome';

export function parseAddress(ref: string): number {
  const t = ref.trim();
  if (!/^(0x[0-9a-f]+|\d+)$/i.test(t)) throw new Error(`memory reference '${ref}' is not an address (use 0x... or decimal)`);
  const v = Number(BigInt(t));
  if (!Number.isSafeInteger(v)) throw new Error(`memory reference '${ref}' is beyond the addresses this adapter handles (2^53)`);
  return v;
}

export function disassembleRange(m: Machine, args: DebugProtocol.DisassembleArguments, sourceFor: (path: string) => DebugProtocol.Source): DebugProtocol.DisassembledInstruction[] {
  const count = args.instructionCount;
  if (!Number.isInteger(count) || count < 0 || count > 100_000) throw new Error(`instructionCount must be 0..100000, got ${count}`);
  const base = parseAddress(args.memoryReference) + (args.offset ?? 0);
  const start = Math.floor(base / 4) * 4 + (args.instructionOffset ?? 0) * 4;
  const out: DebugProtocol.DisassembledInstruction[] = [];
  let lastLine = '';
  for (let k = 0; k < count; k++) {
    const addr = start + 4 * k;
    if (addr < 0) {
      out.push({ address: hex(0), instruction: '??', presentationHint: 'invalid' });
      continue;
    }
    const bytes = m.readMemory(addr, 4);
    if (bytes === undefined) {
      out.push({ address: hex(addr, 16), instruction: '??', presentationHint: 'invalid' });
      continue;
    }
    const word = new DataView(bytes.buffer).getUint32(0, true);
    const d = disassemble(word, BigInt(addr));
    let text = d.text;
    if (d.target !== undefined) {
      const s = m.symbols.describe(Number(d.target));
      if (s !== undefined && !text.includes('<')) text += ` <${s}>`;
    }
    const ins: DebugProtocol.DisassembledInstruction = { address: hex(addr, 16), instructionBytes: word.toString(16).padStart(8, '0'), instruction: text };
    const f = m.symbols.functionAt(addr);
    if (f !== undefined && (args.resolveSymbols ?? true)) ins.symbol = addr === f.start ? f.name : `${f.name}+0x${(addr - f.start).toString(16)}`;
    const l = m.symbols.lineAt(addr);
    if (l !== undefined) {
      const key = `${l.file}:${l.line}`;
      if (key !== lastLine) {
        ins.location = sourceFor(l.file);
        ins.line = l.line;
        if (l.column > 0) ins.column = l.column;
        lastLine = key;
      }
    }
    out.push(ins);
  }
  return out;
}
