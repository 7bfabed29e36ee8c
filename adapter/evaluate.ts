/**
 * Debug Console / watch / condition expressions over guest state (64-bit unsigned arithmetic):
 *   registers     x0..x30, w0..w30, sp, pc, lr, fp, xzr, pstate, fpsr, fpcr, v0..v31, any system register
 *                 (MDSCR_EL1, DBGBCR0_EL1 ...), each optionally with a `$` prefix
 *   symbols       function/object names evaluate to their address (`main`, `&counter`)
 *   numbers       0x1f, 31, 0b101
 *   operators     + - * / % & | ^ ~ << >> ! == != < <= > >= && || and parentheses
 *   memory        *(uint32_t*)0x40080000, *(int8_t*)(sp+8), *addr (64-bit); types: [u]int8/16/32/64_t, char,
 *                 short, int, long, u8..u64, s8..s64
 *   assignment    x0 = 5, *(uint32_t*)0x40090000 = 0xdead
 *   dump          mem[ADDR, LEN] prints LEN bytes (at most 4096) as a hex dump
 */

export interface EvalHost {
  readReg(name: string): bigint | undefined;
  writeReg(name: string, value: bigint): void;
  readMem(addr: bigint, size: number): Uint8Array | undefined;
  writeMem(addr: bigint, data: Uint8Array): void;
  symbol(name: string): bigint | undefined;
}

export class EvalError extends Error {}

type LValue = { kind: 'reg'; name: string } | { kind: 'mem'; addr: bigint; size: number; signed: boolean };
interface Val {
  v: bigint;
  lv?: LValue;
}

const TYPES: Record<string, [number, boolean]> = {
  uint8_t: [1, false], int8_t: [1, true], uint16_t: [2, false], int16_t: [2, true], uint32_t: [4, false], int32_t: [4, true],
  uint64_t: [8, false], int64_t: [8, true], char: [1, true], short: [2, true], int: [4, true], long: [8, true], unsigned: [4, false],
  u8: [1, false], u16: [2, false], u32: [4, false], u64: [8, false], s8: [1, true], s16: [2, true], s32: [4, true], s64: [8, true],
};

const TOKEN = /\s*(0x[0-9a-fA-F_]+|0b[01_]+|\d[\d_]*|\$?[A-Za-z_][A-Za-z0-9_.]*|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&|^~!()<>=,\[\]])/y;

function tokenize(s: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < s.length) {
    if (/^\s*$/.test(s.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(s);
    if (m === null) throw new EvalError(`unexpected '${s.slice(pos).trim()[0]}' at column ${pos + 1}`);
    out.push(m[1]);
    pos = TOKEN.lastIndex;
  }
  return out;
}

const M64 = (1n << 64n) - 1n;

export class Evaluator {
  private toks: string[] = [];
  private i = 0;
  constructor(private readonly host: EvalHost) {}

  /** Evaluate; returns the value and, for memory reads, the address read. */
  evaluate(text: string): { value: bigint; address?: bigint; dump?: string } {
    const dump = /^\s*mem\s*\[(.+),(.+)\]\s*$/.exec(text);
    if (dump !== null) {
      const addr = this.evaluate(dump[1]).value;
      const len = Number(this.evaluate(dump[2]).value);
      if (len < 1 || len > 4096) throw new EvalError(`mem[addr, len]: len must be 1..4096, got ${len}`);
      const bytes = this.host.readMem(addr, len);
      if (bytes === undefined) throw new EvalError(`cannot read ${len} bytes at 0x${addr.toString(16)} (not guest RAM)`);
      return { value: addr, address: addr, dump: hexDump(addr, bytes) };
    }
    this.toks = tokenize(text);
    this.i = 0;
    if (this.toks.length === 0) throw new EvalError('empty expression');
    const r = this.assign();
    if (this.i < this.toks.length) throw new EvalError(`unexpected '${this.toks[this.i]}'`);
    return { value: r.v & M64, address: r.lv?.kind === 'mem' ? r.lv.addr : undefined };
  }

  private peek(): string | undefined {
    return this.toks[this.i];
  }
  private eat(t: string): boolean {
    if (this.toks[this.i] === t) {
      this.i++;
      return true;
    }
    return false;
  }
  private expect(t: string): void {
    if (!this.eat(t)) throw new EvalError(`expected '${t}'${this.peek() !== undefined ? ` before '${this.peek()}'` : ' at the end'}`);
  }

  private assign(): Val {
    const left = this.binary(0);
    if (this.eat('=')) {
      const right = this.assign();
      if (left.lv === undefined) throw new EvalError('the left side of = must be a register or *(type*)address');
      this.store(left.lv, right.v);
      return { v: right.v & M64, lv: left.lv };
    }
    return left;
  }

  private store(lv: LValue, v: bigint): void {
    if (lv.kind === 'reg') this.host.writeReg(lv.name, v);
    else {
      const b = new Uint8Array(lv.size);
      let x = BigInt.asUintN(lv.size * 8, v);
      for (let k = 0; k < lv.size; k++) {
        b[k] = Number(x & 0xffn);
        x >>= 8n;
      }
      this.host.writeMem(lv.addr, b);
    }
  }

  private static readonly LEVELS: string[][] = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '<=', '>', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];

  private binary(level: number): Val {
    if (level >= Evaluator.LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const op = this.peek();
      if (op === undefined || !Evaluator.LEVELS[level].includes(op)) return left;
      this.i++;
      const right = this.binary(level + 1);
      const a = left.v & M64;
      const b = right.v & M64;
      let v: bigint;
      switch (op) {
        case '||': v = a !== 0n || b !== 0n ? 1n : 0n; break;
        case '&&': v = a !== 0n && b !== 0n ? 1n : 0n; break;
        case '|': v = a | b; break;
        case '^': v = a ^ b; break;
        case '&': v = a & b; break;
        case '==': v = a === b ? 1n : 0n; break;
        case '!=': v = a !== b ? 1n : 0n; break;
        case '<': v = a < b ? 1n : 0n; break;
        case '<=': v = a <= b ? 1n : 0n; break;
        case '>': v = a > b ? 1n : 0n; break;
        case '>=': v = a >= b ? 1n : 0n; break;
        case '<<': v = a << (b & 63n); break;
        case '>>': v = a >> (b & 63n); break;
        case '+': v = a + b; break;
        case '-': v = a - b; break;
        case '*': v = a * b; break;
        case '/': if (b === 0n) throw new EvalError('division by zero'); v = a / b; break;
        default: if (b === 0n) throw new EvalError('division by zero'); v = a % b;
      }
      left = { v: v & M64 };
    }
  }

  private unary(): Val {
    if (this.eat('-')) return { v: -this.unary().v & M64 };
    if (this.eat('+')) return { v: this.unary().v };
    if (this.eat('~')) return { v: ~this.unary().v & M64 };
    if (this.eat('!')) return { v: this.unary().v === 0n ? 1n : 0n };
    if (this.eat('&')) {
      const t = this.peek();
      if (t === undefined) throw new EvalError("'&' needs a symbol");
      this.i++;
      const a = this.host.symbol(t);
      if (a === undefined) throw new EvalError(`no symbol '${t}'`);
      return { v: a };
    }
    if (this.eat('*')) {
      let size = 8;
      let signed = false;
      if (this.peek() === '(' && this.toks[this.i + 1] !== undefined && TYPES[this.toks[this.i + 1]] !== undefined) {
        this.i++;
        let name = this.toks[this.i++];
        if (name === 'unsigned' && this.peek() !== undefined && TYPES[this.peek()!] !== undefined && this.peek() !== '*') {
          name = this.toks[this.i++];
          [size] = TYPES[name];
          signed = false;
        } else [size, signed] = TYPES[name];
        this.expect('*');
        this.expect(')');
      }
      const addr = this.unary().v & M64;
      const bytes = this.host.readMem(addr, size);
      if (bytes === undefined) throw new EvalError(`cannot read ${size} bytes at 0x${addr.toString(16)} (not guest RAM)`);
      let v = 0n;
      for (let k = size - 1; k >= 0; k--) v = (v << 8n) | BigInt(bytes[k]);
      if (signed) v = BigInt.asUintN(64, BigInt.asIntN(size * 8, v));
      return { v, lv: { kind: 'mem', addr, size, signed } };
    }
    return this.primary();
  }

  private primary(): Val {
    const t = this.peek();
    if (t === undefined) throw new EvalError('expression ends too early');
    this.i++;
    if (t === '(') {
      const v = this.assign();
      this.expect(')');
      return { v: v.v };
    }
    if (/^(0x|0b|\d)/.test(t)) return { v: BigInt(t.replace(/_/g, '')) };
    if (/^\$?[A-Za-z_]/.test(t)) {
      const name = t.startsWith('$') ? t.slice(1) : t;
      const r = this.host.readReg(name);
      if (r !== undefined) return { v: r, lv: { kind: 'reg', name } };
      const s = this.host.symbol(name);
      if (s !== undefined) return { v: s };
      throw new EvalError(`'${name}' is neither a register nor a symbol`);
    }
    throw new EvalError(`unexpected '${t}'`);
  }
}

export function hexDump(addr: bigint, bytes: Uint8Array): string {
  const lines: string[] = [];
  for (let o = 0; o < bytes.length; o += 16) {
    const row = bytes.subarray(o, o + 16);
    const hx = [...row].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const asc = [...row].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    lines.push(`0x${(addr + BigInt(o)).toString(16).padStart(8, '0')}  ${hx.padEnd(47)}  ${asc}`);
  }
  return lines.join('\n');
}
