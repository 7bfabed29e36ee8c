/**
 * DecodeBitMasks from the Arm ARM (shared pseudocode), used at decode time by logical-immediate and bitfield
 * encodings. Decode runs once per instruction, so BigInt is acceptable here.
 */

const M64 = (1n << 64n) - 1n;

function ones(n: number): bigint {
  return (1n << BigInt(n)) - 1n;
}

function rorElem(v: bigint, r: number, esize: number): bigint {
  if (r === 0) return v;
  const e = BigInt(esize);
  const rb = BigInt(r);
  return ((v >> rb) | (v << (e - rb))) & ones(esize);
}

function replicate(v: bigint, esize: number): bigint {
  let out = 0n;
  for (let i = 0; i < 64; i += esize) out |= v << BigInt(i);
  return out & M64;
}

export interface BitMasks {
  wmask: bigint;
  tmask: bigint;
}

/** Returns undefined for reserved encodings. `immediate` selects the logical-immediate restrictions. */
export function decodeBitMasks(n: number, imms: number, immr: number, immediate: boolean): BitMasks | undefined {
  const combined = (n << 6) | (~imms & 0x3f);
  let len = -1;
  for (let i = 6; i >= 0; i--) {
    if ((combined >> i) & 1) {
      len = i;
      break;
    }
  }
  if (len < 1) return undefined;
  const levels = (1 << len) - 1;
  if (immediate && (imms & levels) === levels) return undefined;
  const s = imms & levels;
  const r = immr & levels;
  const esize = 1 << len;
  const d = (s - r) & (esize - 1);
  const welem = ones(s + 1);
  const telem = ones(d + 1);
  return { wmask: replicate(rorElem(welem, r, esize), esize), tmask: replicate(telem, esize) };
}

/** Low and high int32 halves of a 64-bit bigint. */
export function lo32(v: bigint): number {
  return Number(v & 0xffffffffn) | 0;
}
export function hi32(v: bigint): number {
  return Number((v >> 32n) & 0xffffffffn) | 0;
}
