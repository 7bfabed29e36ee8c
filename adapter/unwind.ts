import type { SymbolTable } from './symbols';

/** One frame of the guest's call stack: its PC and the registers known in it (31 = SP, 29 = FP, 30 = LR). */
export interface Frame {
  pc: number;
  regs: Map<number, bigint>;
  /** How this frame's caller was found: CFI, the frame-pointer chain, or the link register. */
  via: 'cfi' | 'fp' | 'lr' | 'top';
}

const MAX_FRAMES = 64;
const SP = 31;
const FP = 29;
const LR = 30;

/**
 * Unwind from the current registers: CFI rows where the image has them (.debug_frame / .eh_frame), else the
 * AArch64 frame record chain (x29 → {caller x29, caller x30}). Stops at a zero or repeated PC, unreadable memory
 * or 64 frames.
 */
export function unwind(top: Map<number, bigint>, pc: number, symbols: SymbolTable, read64: (addr: number) => bigint | undefined): Frame[] {
  const frames: Frame[] = [{ pc, regs: top, via: 'top' }];
  let cur = frames[0];
  for (let depth = 0; depth < MAX_FRAMES; depth++) {
    const lookup = depth === 0 ? cur.pc : cur.pc - 4; // a return address may lie past the end of the caller's FDE
    const row = symbols.frameRow(lookup);
    let next: Frame | undefined;
    if (row !== undefined && row.cfaKnown) {
      const base = cur.regs.get(row.cfaReg);
      if (base !== undefined) {
        const cfa = BigInt.asUintN(64, base + BigInt(row.cfaOffset));
        const regs = new Map<number, bigint>();
        regs.set(SP, cfa);
        let ok = true;
        for (let r = 19; r <= 30; r++) {
          const rule = row.regs.get(r);
          if (rule === undefined || rule.kind === 'same') {
            const v = cur.regs.get(r);
            if (v !== undefined) regs.set(r, v);
          } else if (rule.kind === 'offset') {
            const v = read64(Number(cfa) + rule.offset);
            if (v === undefined) ok = false;
            else regs.set(r, v);
          } else if (rule.kind === 'valOffset') regs.set(r, BigInt.asUintN(64, cfa + BigInt(rule.offset)));
          else if (rule.kind === 'register') {
            const v = cur.regs.get(rule.reg);
            if (v !== undefined) regs.set(r, v);
          }
        }
        const ra = regs.get(row.returnReg);
        if (ok && ra !== undefined) next = { pc: Number(ra), regs, via: 'cfi' };
      }
    }
    if (next === undefined) {
      const fp = cur.regs.get(FP);
      const lr = cur.regs.get(LR);
      const f = symbols.functionAt(cur.pc);
      if (depth === 0 && lr !== undefined && f !== undefined && cur.pc === f.start) {
        // At a function's first instruction nothing is pushed yet: the caller is LR, same SP.
        const regs = new Map(cur.regs);
        next = { pc: Number(lr), regs, via: 'lr' };
      } else if (fp !== undefined && fp !== 0n) {
        const callerFp = read64(Number(fp));
        const callerLr = read64(Number(fp) + 8);
        if (callerFp !== undefined && callerLr !== undefined) {
          const regs = new Map<number, bigint>([
            [FP, callerFp],
            [SP, fp + 16n],
            [LR, callerLr],
          ]);
          next = { pc: Number(callerLr), regs, via: 'fp' };
        }
      }
    }
    if (next === undefined || next.pc === 0 || (next.pc === cur.pc && next.regs.get(SP) === cur.regs.get(SP))) break;
    if (symbols.functionAt(next.pc) === undefined && symbols.lineAt(next.pc) === undefined) break;
    // A frame must move up the stack (stack grows down).
    const nsp = next.regs.get(SP);
    const csp = cur.regs.get(SP);
    if (nsp !== undefined && csp !== undefined && nsp < csp) break;
    frames.push(next);
    cur = next;
  }
  return frames;
}
