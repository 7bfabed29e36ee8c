/** A bounds-checked little-endian cursor over a section; DWARF damage surfaces as `DwarfError`, never as a crash. */
export class DwarfError extends Error {
  override readonly name = 'DwarfError';
}

export class Reader {
  private readonly dv: DataView;
  constructor(
    readonly bytes: Uint8Array,
    public pos = 0,
    readonly end = bytes.length,
  ) {
    this.dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  private need(n: number): number {
    const p = this.pos;
    if (p + n > this.end) throw new DwarfError(`truncated data at offset 0x${p.toString(16)}`);
    this.pos = p + n;
    return p;
  }

  u8(): number {
    return this.dv.getUint8(this.need(1));
  }
  s8(): number {
    return this.dv.getInt8(this.need(1));
  }
  u16(): number {
    return this.dv.getUint16(this.need(2), true);
  }
  u32(): number {
    return this.dv.getUint32(this.need(4), true);
  }
  s32(): number {
    return this.dv.getInt32(this.need(4), true);
  }
  u64(): number {
    const p = this.need(8);
    return this.dv.getUint32(p, true) + this.dv.getUint32(p + 4, true) * 2 ** 32;
  }
  /** An address or offset of `size` bytes (4 or 8). */
  uN(size: number): number {
    return size === 8 ? this.u64() : size === 4 ? this.u32() : size === 2 ? this.u16() : this.u8();
  }

  uleb(): number {
    let result = 0;
    let mul = 1;
    for (;;) {
      const b = this.u8();
      result += (b & 0x7f) * mul;
      mul *= 128;
      if ((b & 0x80) === 0) return result;
    }
  }

  sleb(): number {
    let result = 0;
    let mul = 1;
    for (;;) {
      const b = this.u8();
      result += (b & 0x7f) * mul;
      mul *= 128;
      if ((b & 0x80) === 0) {
        if ((b & 0x40) !== 0) result -= mul;
        return result;
      }
    }
  }

  cstr(): string {
    let e = this.pos;
    while (e < this.end && this.bytes[e] !== 0) e++;
    if (e >= this.end) throw new DwarfError(`unterminated string at offset 0x${this.pos.toString(16)}`);
    const s = Buffer.from(this.bytes.subarray(this.pos, e)).toString('utf8');
    this.pos = e + 1;
    return s;
  }

  skip(n: number): void {
    this.need(n);
  }

  /** unit_length: returns the unit's end and whether it is 64-bit DWARF. */
  unitLength(): { end: number; offsetSize: number } {
    const l = this.u32();
    if (l === 0xffffffff) {
      const l64 = this.u64();
      return { end: this.pos + l64, offsetSize: 8 };
    }
    if (l >= 0xfffffff0) throw new DwarfError(`reserved unit length 0x${l.toString(16)}`);
    return { end: this.pos + l, offsetSize: 4 };
  }
}

/** The NUL-terminated string at `off` in a string section. */
export function stringAt(section: Uint8Array | undefined, off: number): string {
  if (section === undefined || off >= section.length) throw new DwarfError(`string offset 0x${off.toString(16)} outside its section`);
  let e = off;
  while (e < section.length && section[e] !== 0) e++;
  return Buffer.from(section.subarray(off, e)).toString('utf8');
}
