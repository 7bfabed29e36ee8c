/**
 * What the adapter's `stepvisor/debugHardware` request returns, and how the Debug Hardware view words it.
 * No `vscode` import: the formatting is plain data so it can be unit-tested without VS Code.
 */

export interface RegPair {
  ctrl: string;
  value: string;
}

export interface Slot {
  index: number;
  guest: RegPair;
  effective: RegPair;
  owner?: { dapBreakpointId: number; description: string };
}

export interface DebugHardwareState {
  breakpoints: Slot[];
  watchpoints: Slot[];
  mdscr: { guest: string; effective: string };
  oslsr: string;
  mdcrEl2: string;
  profile: string;
}

export type SlotKind = 'breakpoint' | 'watchpoint';

/** Low 32 bits of a `0x…` string (every control field lives there); NaN-safe. */
function low32(hex: string): number {
  const digits = hex.replace(/^0x/i, '');
  const n = parseInt(digits.slice(-8) || '0', 16);
  return Number.isNaN(n) ? 0 : n >>> 0;
}

function bit(hex: string, n: number): number {
  return (low32(hex) >>> n) & 1;
}

/** `0x0000000040080abc` → `0x40080abc`: the view is narrow, leading zeros carry nothing. */
export function shortHex(hex: string): string {
  const digits = hex.replace(/^0x/i, '').replace(/^0+(?=.)/, '');
  return '0x' + digits.toLowerCase();
}

export function isEnabled(pair: RegPair): boolean {
  return bit(pair.ctrl, 0) === 1;
}

/** DBGWCR.LSC (bits 4:3): which accesses the watchpoint matches. */
function watchAccess(ctrl: string): string {
  switch ((low32(ctrl) >>> 3) & 3) {
    case 1:
      return 'read';
    case 2:
      return 'write';
    case 3:
      return 'read/write';
    default:
      return 'no access';
  }
}

/** DBGWCR.BAS (bits 12:5) → number of bytes watched; MASK (bits 28:24) → a power-of-two range. */
function watchSize(ctrl: string): string {
  const c = low32(ctrl);
  const mask = (c >>> 24) & 0x1f;
  if (mask !== 0) return `${2 ** mask} bytes (MASK)`;
  const bas = (c >>> 5) & 0xff;
  let n = 0;
  for (let b = bas; b !== 0; b >>>= 1) n += b & 1;
  return `${n} byte${n === 1 ? '' : 's'}`;
}

/** One side (guest or effective) of a slot in a few words: "0x40080abc" or "off". */
export function describePair(kind: SlotKind, pair: RegPair): string {
  if (!isEnabled(pair)) return /^(0x)?0*$/i.test(pair.value) ? 'off' : `off (${shortHex(pair.value)})`;
  if (kind === 'breakpoint') return shortHex(pair.value);
  return `${shortHex(pair.value)} ${watchAccess(pair.ctrl)} ${watchSize(pair.ctrl)}`;
}

export function slotName(kind: SlotKind, index: number): string {
  return `${kind === 'breakpoint' ? 'BP' : 'WP'}${index}`;
}

/** The one-line summary shown next to a slot's name. */
export function slotSummary(kind: SlotKind, slot: Slot): string {
  const eff = describePair(kind, slot.effective);
  const guest = describePair(kind, slot.guest);
  const owner = slot.owner ? ` ← ${slot.owner.description}` : '';
  return `effective ${eff}${owner} | guest ${guest}`;
}

export function slotDiffers(slot: Slot): boolean {
  return slot.guest.ctrl !== slot.effective.ctrl || slot.guest.value !== slot.effective.value;
}

/** Field decoders for the control registers the view lists (names from the Arm ARM). */
export function mdscrFields(hex: string): string {
  const parts: string[] = [];
  if (bit(hex, 15)) parts.push('MDE');
  if (bit(hex, 13)) parts.push('KDE');
  if (bit(hex, 0)) parts.push('SS');
  if (bit(hex, 12)) parts.push('TDCC');
  return parts.length > 0 ? parts.join(' ') : 'all clear';
}

export function oslsrFields(hex: string): string {
  const oslk = bit(hex, 1);
  return oslk ? 'OSLK=1 (OS Lock set)' : 'OSLK=0';
}

export function mdcrEl2Fields(hex: string): string {
  const parts: string[] = [];
  if (bit(hex, 8)) parts.push('TDE');
  if (bit(hex, 9)) parts.push('TDA');
  if (bit(hex, 10)) parts.push('TDOSA');
  if (bit(hex, 11)) parts.push('TDRA');
  return parts.length > 0 ? parts.join(' ') : 'no debug traps';
}

/** Narrow an unknown response body to the state shape, or say what is wrong with it. */
export function parseDebugHardware(body: unknown): DebugHardwareState {
  const o = body as Partial<DebugHardwareState> | undefined;
  if (o === undefined || o === null || typeof o !== 'object') throw new Error('stepvisor/debugHardware returned no body');
  if (!Array.isArray(o.breakpoints) || !Array.isArray(o.watchpoints) || typeof o.mdscr !== 'object' || o.mdscr === null)
    throw new Error('stepvisor/debugHardware returned an unexpected shape');
  return {
    breakpoints: o.breakpoints,
    watchpoints: o.watchpoints,
    mdscr: o.mdscr,
    oslsr: String(o.oslsr ?? '0x0'),
    mdcrEl2: String(o.mdcrEl2 ?? '0x0'),
    profile: String(o.profile ?? ''),
  };
}
