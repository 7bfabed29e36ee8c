import { Insn, REG_SINK } from './insn';
import { decode } from './decode';
import * as O from './int-ops';
import { OP_UNDEF } from './ops';

const FUSED: Readonly<Record<number, number>> = {
  [O.OP_SUBS_XR]: O.OP_CMP_XR_BCOND,
  [O.OP_SUBS_XI]: O.OP_CMP_XI_BCOND,
  [O.OP_SUBS_WR]: O.OP_CMP_WR_BCOND,
  [O.OP_SUBS_WI]: O.OP_CMP_WI_BCOND,
};

const next = new Insn();

/**
 * Fuse a compare with the B.cond that follows it on the same page (the pair closes most compiled loops):
 * one dispatch instead of two. `insn` is the freshly decoded record of the compare; `nextWord` the word
 * after it. The fused record still retires two instructions and sets NZCV; fastRun runs only the compare
 * when its limit allows one instruction (budget end, single step, a page the debug unit checks per
 * instruction), so a breakpoint or step on the B.cond behaves as before. Code writes drop the whole page's
 * records, so the pair cannot go stale apart.
 */
export function fuseCompareBranch(insn: Insn, nextWord: number): void {
  const fused = FUSED[insn.op];
  if (fused === undefined || insn.rd !== REG_SINK) return;
  next.op = OP_UNDEF;
  decode(nextWord, next);
  if (next.op !== O.OP_BCOND) return;
  insn.op = fused;
  insn.a = next.a;
  insn.b = next.imm;
}
