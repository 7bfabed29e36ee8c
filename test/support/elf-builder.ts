/**
 * Builds minimal ELF64 executables in memory so tests can feed the loader both well-formed images and
 * precisely damaged ones without a cross toolchain.
 */
export interface SegmentSpec {
  paddr: bigint;
  vaddr?: bigint;
  data: Uint8Array;
  memsz?: number;
  flags?: number;
}

export interface ElfSpec {
  entry: bigint;
  segments: SegmentSpec[];
  machine?: number;
  cls?: number;
  data?: number;
  type?: number;
}

export function buildElf(spec: ElfSpec): Uint8Array {
  const phoff = 64;
  const phentsize = 56;
  let dataOff = phoff + phentsize * spec.segments.length;
  const offsets: number[] = [];
  for (const s of spec.segments) {
    dataOff = (dataOff + 15) & ~15;
    offsets.push(dataOff);
    dataOff += s.data.length;
  }
  const out = new Uint8Array(dataOff);
  const dv = new DataView(out.buffer);
  out.set([0x7f, 0x45, 0x4c, 0x46, spec.cls ?? 2, spec.data ?? 1, 1, 0]);
  dv.setUint16(16, spec.type ?? 2, true);
  dv.setUint16(18, spec.machine ?? 183, true);
  dv.setUint32(20, 1, true);
  dv.setBigUint64(24, spec.entry, true);
  dv.setBigUint64(32, BigInt(phoff), true);
  dv.setBigUint64(40, 0n, true);
  dv.setUint16(52, 64, true);
  dv.setUint16(54, phentsize, true);
  dv.setUint16(56, spec.segments.length, true);
  dv.setUint16(58, 64, true);
  spec.segments.forEach((s, i) => {
    const o = phoff + i * phentsize;
    dv.setUint32(o, 1, true);
    dv.setUint32(o + 4, s.flags ?? 5, true);
    dv.setBigUint64(o + 8, BigInt(offsets[i]), true);
    dv.setBigUint64(o + 16, s.vaddr ?? s.paddr, true);
    dv.setBigUint64(o + 24, s.paddr, true);
    dv.setBigUint64(o + 32, BigInt(s.data.length), true);
    dv.setBigUint64(o + 40, BigInt(s.memsz ?? s.data.length), true);
    out.set(s.data, offsets[i]);
  });
  return out;
}

/** Little-endian bytes of A64 instruction words. */
export function words(...ws: number[]): Uint8Array {
  const out = new Uint8Array(ws.length * 4);
  const dv = new DataView(out.buffer);
  ws.forEach((w, i) => dv.setUint32(i * 4, w >>> 0, true));
  return out;
}
