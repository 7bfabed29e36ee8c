import type { Arm64Cpu } from './cpu';

/**
 * For condition `c`, a 16-bit mask whose bit (N<<3 | Z<<2 | C<<1 | V) says whether the condition holds for
 * those flags: a condition test is one shift of the mask by the packed NZCV instead of a switch.
 */
export function condMask(c: number): number {
  let m = 0;
  for (let f = 0; f < 16; f++) {
    const n = (f >> 3) & 1;
    const z = (f >> 2) & 1;
    const cf = (f >> 1) & 1;
    const v = f & 1;
    let r: boolean;
    switch (c >> 1) {
      case 0: r = z === 1; break;
      case 1: r = cf === 1; break;
      case 2: r = n === 1; break;
      case 3: r = v === 1; break;
      case 4: r = cf === 1 && z === 0; break;
      case 5: r = n === v; break;
      case 6: r = n === v && z === 0; break;
      default: r = true; // AL and NV both mean always
    }
    if ((c & 1) !== 0 && c !== 15) r = !r;
    if (r) m |= 1 << f;
  }
  return m;
}

const MASKS = Int32Array.from({ length: 16 }, (_, c) => condMask(c));

/** ConditionHolds(cond) on the CPU's current NZCV (for handlers that did not pre-compute the mask). */
export function condHolds(cpu: Arm64Cpu, c: number): boolean {
  return ((MASKS[c & 15] >>> cpu.nzcv) & 1) !== 0;
}
