/**
 * ELF64 parsing for guest images. Every way a file can be unusable is reported as an `ElfError`
 * carrying a one-line reason meant for the user; nothing here throws anything else on bad input.
 */

export const EM_AARCH64 = 183;
export const EM_X86_64 = 62;

export type ElfArch = 'arm64' | 'x86_64';

export class ElfError extends Error {
  override readonly name = 'ElfError';
}

export interface ElfSegment {
  readonly offset: number;
  readonly vaddr: bigint;
  readonly paddr: bigint;
  readonly filesz: number;
  readonly memsz: number;
  /** PF_X=1, PF_W=2, PF_R=4 */
  readonly flags: number;
}

export interface ElfSection {
  readonly name: string;
  readonly type: number;
  readonly addr: bigint;
  readonly offset: number;
  readonly size: number;
}

export interface ElfSymbol {
  readonly name: string;
  readonly value: bigint;
  readonly size: number;
  /** STT_FUNC=2, STT_OBJECT=1, STT_NOTYPE=0 ... */
  readonly type: number;
}

export interface ElfImage {
  readonly arch: ElfArch;
  readonly entry: bigint;
  readonly segments: readonly ElfSegment[];
  readonly sections: readonly ElfSection[];
  readonly symbols: readonly ElfSymbol[];
  readonly bytes: Uint8Array;
}

const PT_LOAD = 1;
const SHT_SYMTAB = 2;

function archName(machine: number): string {
  switch (machine) {
    case EM_AARCH64:
      return 'AArch64';
    case EM_X86_64:
      return 'x86-64';
    case 3:
      return 'i386';
    case 40:
      return 'ARM (32-bit)';
    case 243:
      return 'RISC-V';
    default:
      return `machine ${machine}`;
  }
}

/** Parse and validate an ELF64 little-endian executable for AArch64 or x86-64. */
export function parseElf(bytes: Uint8Array): ElfImage {
  if (bytes.length < 4 || bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46)
    throw new ElfError('not an ELF file (bad magic)');
  if (bytes.length < 64) throw new ElfError(`truncated ELF header (${bytes.length} bytes, need 64)`);
  if (bytes[4] !== 2) throw new ElfError(bytes[4] === 1 ? 'ELF32 is not supported (need ELF64)' : `invalid ELF class ${bytes[4]}`);
  if (bytes[5] !== 1) throw new ElfError(bytes[5] === 2 ? 'big-endian ELF is not supported (need little-endian)' : `invalid ELF data encoding ${bytes[5]}`);
  if (bytes[6] !== 1) throw new ElfError(`unsupported ELF version ${bytes[6]}`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = dv.getUint16(16, true);
  const machine = dv.getUint16(18, true);
  if (type !== 2) throw new ElfError(type === 3 ? 'position-independent (ET_DYN) images are not supported; link a static executable' : `not an executable (e_type ${type})`);
  let arch: ElfArch;
  if (machine === EM_AARCH64) arch = 'arm64';
  else if (machine === EM_X86_64) arch = 'x86_64';
  else throw new ElfError(`unsupported architecture: ${archName(machine)} (need AArch64 or x86-64)`);
  const entry = dv.getBigUint64(24, true);
  const phoff = Number(dv.getBigUint64(32, true));
  const shoff = Number(dv.getBigUint64(40, true));
  const phentsize = dv.getUint16(54, true);
  const phnum = dv.getUint16(56, true);
  const shentsize = dv.getUint16(58, true);
  const shnum = dv.getUint16(60, true);
  const shstrndx = dv.getUint16(62, true);
  if (phnum === 0) throw new ElfError('no program headers: nothing to load');
  if (phentsize < 56) throw new ElfError(`bad program header size ${phentsize}`);
  if (phoff + phnum * phentsize > bytes.length) throw new ElfError('truncated ELF: program headers extend past the end of the file');

  const segments: ElfSegment[] = [];
  for (let i = 0; i < phnum; i++) {
    const o = phoff + i * phentsize;
    if (dv.getUint32(o, true) !== PT_LOAD) continue;
    const seg: ElfSegment = {
      flags: dv.getUint32(o + 4, true),
      offset: Number(dv.getBigUint64(o + 8, true)),
      vaddr: dv.getBigUint64(o + 16, true),
      paddr: dv.getBigUint64(o + 24, true),
      filesz: Number(dv.getBigUint64(o + 32, true)),
      memsz: Number(dv.getBigUint64(o + 40, true)),
    };
    if (seg.filesz > seg.memsz) throw new ElfError(`segment ${i}: file size 0x${seg.filesz.toString(16)} exceeds memory size 0x${seg.memsz.toString(16)}`);
    if (seg.offset + seg.filesz > bytes.length) throw new ElfError(`truncated ELF: segment ${i} data extends past the end of the file`);
    if (seg.memsz > 0) segments.push(seg);
  }
  if (segments.length === 0) throw new ElfError('no loadable segments');
  const sorted = [...segments].sort((a, b) => (a.paddr < b.paddr ? -1 : a.paddr > b.paddr ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    if (prev.paddr + BigInt(prev.memsz) > sorted[i].paddr)
      throw new ElfError(`segments overlap at physical address 0x${sorted[i].paddr.toString(16)}`);
  }

  const sections = parseSections(bytes, dv, shoff, shentsize, shnum, shstrndx);
  const symbols = parseSymbols(bytes, dv, sections);
  return { arch, entry, segments, sections, symbols, bytes };
}

function cString(bytes: Uint8Array, off: number, limit: number): string {
  let end = off;
  while (end < limit && bytes[end] !== 0) end++;
  return Buffer.from(bytes.subarray(off, end)).toString('latin1');
}

// Section and symbol tables are optional for running a guest; damage there is tolerated (an image without
// them still loads), but never read out of bounds.
function parseSections(bytes: Uint8Array, dv: DataView, shoff: number, shentsize: number, shnum: number, shstrndx: number): ElfSection[] {
  if (shoff === 0 || shnum === 0 || shentsize < 64 || shoff + shnum * shentsize > bytes.length) return [];
  const raw: { nameOff: number; type: number; addr: bigint; offset: number; size: number }[] = [];
  for (let i = 0; i < shnum; i++) {
    const o = shoff + i * shentsize;
    raw.push({
      nameOff: dv.getUint32(o, true),
      type: dv.getUint32(o + 4, true),
      addr: dv.getBigUint64(o + 16, true),
      offset: Number(dv.getBigUint64(o + 24, true)),
      size: Number(dv.getBigUint64(o + 32, true)),
    });
  }
  const strtab = raw[shstrndx];
  const strOk = strtab !== undefined && strtab.offset + strtab.size <= bytes.length;
  return raw.map((s) => ({
    name: strOk && s.nameOff < strtab.size ? cString(bytes, strtab.offset + s.nameOff, strtab.offset + strtab.size) : '',
    type: s.type,
    addr: s.addr,
    offset: s.offset,
    size: s.size,
  }));
}

function parseSymbols(bytes: Uint8Array, dv: DataView, sections: ElfSection[]): ElfSymbol[] {
  const symtab = sections.find((s) => s.type === SHT_SYMTAB);
  if (symtab === undefined || symtab.offset + symtab.size > bytes.length) return [];
  const linkIdx = sections.indexOf(symtab);
  // sh_link of the symtab names its string table; re-read it from the raw header.
  const strtab = sections.find((s, i) => s.name === '.strtab' && i !== linkIdx);
  if (strtab === undefined || strtab.offset + strtab.size > bytes.length) return [];
  const out: ElfSymbol[] = [];
  for (let o = symtab.offset; o + 24 <= symtab.offset + symtab.size; o += 24) {
    const nameOff = dv.getUint32(o, true);
    const info = bytes[o + 4];
    const value = dv.getBigUint64(o + 8, true);
    const size = Number(dv.getBigUint64(o + 16, true));
    if (nameOff === 0 || nameOff >= strtab.size) continue;
    out.push({ name: cString(bytes, strtab.offset + nameOff, strtab.offset + strtab.size), value, size, type: info & 0xf });
  }
  return out;
}
