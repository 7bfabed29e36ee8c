/** Human-readable decoding of ESR/HSR syndromes for stop descriptions and the Last Exit scope. */

export const EC_NAMES: Record<number, string> = {
  0x00: 'Unknown reason (undefined instruction)',
  0x01: 'WFI/WFE',
  0x07: 'SVE/SIMD/FP access',
  0x0e: 'Illegal execution state',
  0x15: 'SVC (AArch64)',
  0x16: 'HVC (AArch64)',
  0x17: 'SMC (AArch64)',
  0x18: 'Trapped MSR/MRS/system instruction',
  0x20: 'Instruction abort (lower EL)',
  0x21: 'Instruction abort (same EL)',
  0x22: 'PC alignment fault',
  0x24: 'Data abort (lower EL)',
  0x25: 'Data abort (same EL)',
  0x26: 'SP alignment fault',
  0x2c: 'Trapped FP exception',
  0x2f: 'SError',
  0x30: 'Breakpoint (lower EL)',
  0x31: 'Breakpoint (same EL)',
  0x32: 'Software step (lower EL)',
  0x33: 'Software step (same EL)',
  0x34: 'Watchpoint (lower EL)',
  0x35: 'Watchpoint (same EL)',
  0x3c: 'BRK instruction',
};

export function hex(v: bigint | number, width = 0): string {
  const s = (typeof v === 'bigint' ? BigInt.asUintN(64, v) : BigInt(v >>> 0 === v ? v : Math.trunc(v))).toString(16);
  return '0x' + (width > 0 ? s.padStart(width, '0') : s);
}

export function ecOf(hsr: number): number {
  return (hsr >>> 26) & 0x3f;
}

export function ecName(ec: number): string {
  return EC_NAMES[ec] ?? `EC 0x${ec.toString(16)}`;
}

/** "EC 0x34 Watchpoint (lower EL), ISS 0x...: WnR=1 ..." */
export function describeSyndrome(hsr: number, far?: bigint): string {
  const ec = ecOf(hsr);
  const iss = hsr & 0x1ffffff;
  let detail = '';
  if (ec === 0x34 || ec === 0x35 || ec === 0x24 || ec === 0x25) detail = `, WnR=${(iss >>> 6) & 1}${far !== undefined ? `, FAR=${hex(far)}` : ''}`;
  else if (ec === 0x32 || ec === 0x33) detail = `, ISV=${(iss >>> 24) & 1} EX=${(iss >>> 6) & 1}`;
  else if (ec === 0x3c) detail = `, #${iss & 0xffff}`;
  else if (ec === 0x20 || ec === 0x21) detail = far !== undefined ? `, FAR=${hex(far)}` : '';
  return `hsr=${hex(hsr >>> 0, 8)} EC=0x${ec.toString(16)} (${ecName(ec)})${detail}`;
}
