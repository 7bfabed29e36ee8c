/**
 * The ops fastRun (fast-run.ts) handles, as a table indexed by op number. For the ALU ops and branches
 * fastRun holds the only handler; for the loads and stores it holds the TLB-hit path and execute.ts the
 * complete one. test/emulator/arm64/fast-run.test.ts checks this table against the case labels of both files.
 */
export const FAST_OP_LIST: readonly number[] = [
  ...range(1, 14), // add/sub immediate and register
  ...range(17, 39), // moves, ADR/ADRP, logical immediate and register
  41, // LOGIC_W (shifted register)
  ...range(42, 47), // shifts by immediate
  49, // UBFM_W
  ...range(56, 63), // conditional select
  67, 68, 69, 70, // MADD/MSUB W and X
  ...range(72, 83), // branches
  ...range(84, 102), // loads and stores, offset and register-offset forms
  104, 105, // LDP/STP X, signed offset
  113, // NOP
  ...range(114, 117), // compare + B.cond, fused (fuse.ts)
];

function range(first: number, last: number): number[] {
  const out: number[] = [];
  for (let op = first; op <= last; op++) out.push(op);
  return out;
}

export const FAST_OPS: Uint8Array = new Uint8Array(4096);
for (const op of FAST_OP_LIST) FAST_OPS[op] = 1;
