import type { PhysicalBus } from '../../machine/bus';
import * as S from './sys-ops';

// Local copies: imported bindings are getter calls once compiled to CommonJS.
const { FSC_ADDR_SIZE, FSC_TRANSLATION, FSC_ACCESS_FLAG, FSC_EXTERNAL_WALK } = S;

/** Permission bits a successful walk leaves in `perm`. */
export const PERM_PRIV_R = 1;
export const PERM_PRIV_W = 2;
export const PERM_PRIV_X = 4;
export const PERM_USER_R = 8;
export const PERM_USER_W = 16;
export const PERM_USER_X = 32;

const TWO32 = 4294967296;
/** TCR_EL1.IPS -> output address bits, capped at the implemented 48 (ID_AA64MMFR0_EL1.PARange = 5). */
const IPS_BITS = [32, 36, 40, 42, 44, 48, 48, 48];

/**
 * Stage-1 translation for the EL1&0 regime with the 4 KiB granule (the only one ID_AA64MMFR0_EL1 advertises;
 * a TCR_EL1.TGx selecting 16 KiB or 64 KiB gives a level-0 translation fault). No hardware Access-flag or
 * dirty-state update, no hierarchical-permission disables, no PAN.
 *
 * `walk` is side-effect free: it reads descriptors through the physical bus, leaves the result in public
 * fields and returns -1, or the fault status code (with the level) of the fault it found. Permission checks
 * are the caller's (they depend on the access and the EL).
 */
export class Stage1Mmu {
  // ---- configuration, refreshed by the system layer when SCTLR/TCR/TTBR/MAIR change
  enabled = false;
  wxn = false;
  tcrLo = 0;
  tcrHi = 0;
  ttbr0Lo = 0;
  ttbr0Hi = 0;
  ttbr1Lo = 0;
  ttbr1Hi = 0;
  mairLo = 0;
  mairHi = 0;

  // ---- result of the last successful walk
  /** Physical address of the input address. */
  pa = 0;
  /** Level of the leaf descriptor (or of the fault). */
  level = 0;
  /** MAIR attribute byte of the leaf. */
  attr = 0;
  /** Device memory (attribute 0b0000dd00). */
  device = false;
  /** Shareability field of the leaf. */
  sh = 0;
  /** PERM_* bits. */
  perm = 0;

  constructor(private readonly bus: PhysicalBus) {}

  /** Output address size in bits (TCR_EL1.IPS capped at the implemented PA size). */
  get outputBits(): number {
    return IPS_BITS[this.tcrHi & 7];
  }

  walk(lo: number, hi: number): number {
    const upper = (hi >>> 23) & 1; // VA bit 55 selects TTBR1
    const tcr = this.tcrLo;
    let tsz: number;
    let tbi: number;
    let baseLo: number;
    let baseHi: number;
    if (upper === 1) {
      tsz = (tcr >>> 16) & 63;
      tbi = (this.tcrHi >>> 6) & 1;
      this.level = 0;
      if ((tcr & (1 << 23)) !== 0 || ((tcr >>> 30) & 3) !== 2) return FSC_TRANSLATION; // EPD1, TG1 not 4 KiB
      baseLo = this.ttbr1Lo;
      baseHi = this.ttbr1Hi;
    } else {
      tsz = tcr & 63;
      tbi = (this.tcrHi >>> 5) & 1;
      this.level = 0;
      if ((tcr & (1 << 7)) !== 0 || ((tcr >>> 14) & 3) !== 0) return FSC_TRANSLATION; // EPD0, TG0 not 4 KiB
      baseLo = this.ttbr0Lo;
      baseHi = this.ttbr0Hi;
    }
    // Out-of-range T0SZ/T1SZ: use the nearest supported value (one of the CONSTRAINED UNPREDICTABLE choices; QEMU clamps too).
    if (tsz < 16) tsz = 16;
    else if (tsz > 39) tsz = 39;
    const inputBits = 64 - tsz;
    // Bits [top:inputBits] must all equal bit 55 (top = 55 with TBI, else 63).
    let hiMask = tbi !== 0 ? 0x00ffffff : -1;
    let loMask = 0;
    if (inputBits >= 32) hiMask &= ~((1 << (inputBits - 32)) - 1);
    else loMask = ~((1 << inputBits) - 1);
    if ((hi & hiMask) !== (upper !== 0 ? hiMask : 0) || (lo & loMask) !== (upper !== 0 ? loMask : 0)) return FSC_TRANSLATION;

    const outBits = IPS_BITS[this.tcrHi & 7];
    const outLimit = 2 ** outBits;
    let level = inputBits > 39 ? 0 : inputBits > 30 ? 1 : 2;
    let shift = 39 - 9 * level;
    // The first table holds 2^(inputBits - shift) entries and is aligned to its size.
    const firstSize = 8 * 2 ** (inputBits - shift);
    let table = (baseHi & 0xffff) * TWO32 + ((baseLo & ~1) >>> 0);
    if (table >= outLimit) return FSC_ADDR_SIZE; // level 0
    table -= table % Math.max(firstSize, 8);
    let idxMask = 2 ** (inputBits - shift) - 1;
    let apTable = 0;
    let uxnTable = 0;
    let pxnTable = 0;
    for (;;) {
      this.level = level;
      const idx = (shift >= 32 ? hi >>> (shift - 32) : (lo >>> shift) | (hi << (32 - shift))) & idxMask;
      const dpa = table + idx * 8;
      const page = this.bus.ramPage(dpa);
      if (page === undefined) return FSC_EXTERNAL_WALK + level;
      const off = page.offset + (dpa & 0xfff);
      const dlo = page.view.getInt32(off, true);
      const dhi = page.view.getInt32(off + 4, true);
      if ((dlo & 1) === 0) return FSC_TRANSLATION + level;
      if ((dlo & 2) !== 0 && level < 3) {
        // table descriptor
        const next = (dhi & 0xffff) * TWO32 + ((dlo & 0xfffff000) >>> 0);
        if (next >= outLimit) return FSC_ADDR_SIZE + level;
        apTable |= (dhi >>> 29) & 3;
        uxnTable |= (dhi >>> 28) & 1;
        pxnTable |= (dhi >>> 27) & 1;
        table = next;
        level++;
        shift -= 9;
        idxMask = 0x1ff;
        continue;
      }
      // A block at level 0 (4 KiB granule) and 0b01 at level 3 are reserved: translation fault.
      if (level === 0 || ((dlo & 2) === 0 && level === 3)) return FSC_TRANSLATION + level;
      const oaLo = (dlo & -(1 << shift)) >>> 0;
      const oa = (dhi & 0xffff) * TWO32 + oaLo;
      if (oa >= outLimit) return FSC_ADDR_SIZE + level;
      if ((dlo & (1 << 10)) === 0) return FSC_ACCESS_FLAG + level;
      this.pa = oa + ((lo & ((1 << shift) - 1)) >>> 0);
      const ai = (dlo >>> 2) & 7;
      const attr = ai < 4 ? (this.mairLo >>> (ai * 8)) & 0xff : (this.mairHi >>> ((ai - 4) * 8)) & 0xff;
      this.attr = attr;
      this.device = (attr & 0xf0) === 0;
      this.sh = (dlo >>> 8) & 3;
      let ap = (dlo >>> 6) & 3; // AP[2:1]
      if ((apTable & 1) !== 0) ap &= 2; // APTable[0]: no EL0 access below
      if ((apTable & 2) !== 0) ap |= 2; // APTable[1]: read-only below
      const userR = ap & 1;
      const userW = ap === 1;
      const privW = (ap & 2) === 0;
      const uxn = ((dhi >>> 22) & 1) | uxnTable;
      const pxn = ((dhi >>> 21) & 1) | pxnTable;
      let perm = PERM_PRIV_R;
      if (privW) perm |= PERM_PRIV_W;
      if (userR !== 0) perm |= PERM_USER_R;
      if (userW) perm |= PERM_USER_W;
      // Device memory is never executable; EL0-writable memory is never executable at EL1.
      if (!this.device) {
        if (uxn === 0 && !(userW && this.wxn)) perm |= PERM_USER_X;
        if (pxn === 0 && !(privW && this.wxn) && !userW) perm |= PERM_PRIV_X;
      }
      this.perm = perm;
      return -1;
    }
  }
}
