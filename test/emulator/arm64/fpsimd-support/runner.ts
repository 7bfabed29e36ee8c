/** Replays oracle cases (recorded from QEMU by gen.ts) on the emulator's FP/AdvSIMD unit. */
import { Arm64Cpu } from '../../../../emulator/arm64/cpu';
import { Insn } from '../../../../emulator/arm64/insn';
import { PhysicalBus } from '../../../../emulator/machine/bus';
import { decodeFpSimd, execFpSimd } from '../../../../emulator/arm64/fpsimd';
import type { Case } from './harness';

export const MEM_BASE = 0x40010000;

let cpu: Arm64Cpu | undefined;
export function theCpu(): Arm64Cpu {
  if (cpu === undefined) cpu = new Arm64Cpu(new PhysicalBus(0x40000000, 16 << 20));
  return cpu;
}

function hexLe64(h: string): [number, number] {
  const v = BigInt('0x' + h);
  return [Number(v & 0xffffffffn) | 0, Number(v >> 32n) | 0];
}

/** Run one case; returns a description of the first mismatch, or undefined. */
export function replay(c: Case): string | undefined {
  const p = theCpu();
  p.fpEnabled = 1;
  for (let i = 0; i < 4; i++) p.vu8.set(Buffer.from(c.v[i], 'hex'), 16 * i);
  for (let i = 0; i < 4; i++) {
    const [lo, hi] = hexLe64(c.x[i]);
    p.x[2 * i] = lo;
    p.x[2 * i + 1] = hi;
  }
  p.x[8] = MEM_BASE;
  p.x[9] = 0;
  const mem = Buffer.from(c.mem, 'hex');
  for (let i = 0; i < 64; i++) p.st8(MEM_BASE + i, 0, mem[i]);
  p.fpcr = c.fpcr;
  p.fpsr = 0;
  p.nf = (c.nzcv >>> 31) & 1;
  p.zf = (c.nzcv >>> 30) & 1;
  p.cf = (c.nzcv >>> 29) & 1;
  p.vf = (c.nzcv >>> 28) & 1;
  const insn = new Insn();
  decodeFpSimd(c.word, insn);
  if (insn.op === 0) return `decoded as unallocated`;
  execFpSimd(p, insn);
  const bad: string[] = [];
  for (let i = 0; i < 4; i++) {
    const got = Buffer.from(p.vu8.subarray(16 * i, 16 * i + 16)).toString('hex');
    if (got !== c.out.v[i]) bad.push(`v${i} got ${got} want ${c.out.v[i]}`);
  }
  for (let i = 0; i < 5; i++) {
    let got = ((BigInt(p.x[2 * i + 1] >>> 0) << 32n) | BigInt(p.x[2 * i] >>> 0));
    if (i === 4) got = BigInt.asUintN(64, got - BigInt(MEM_BASE));
    const gs = got.toString(16).padStart(16, '0');
    if (gs !== c.out.x[i]) bad.push(`x${i} got ${gs} want ${c.out.x[i]}`);
  }
  if (p.fpsr !== c.out.fpsr) bad.push(`fpsr got ${p.fpsr.toString(16)} want ${c.out.fpsr.toString(16)}`);
  const nzcv = ((p.nf << 31) | (p.zf << 30) | (p.cf << 29) | (p.vf << 28)) >>> 0;
  if (nzcv !== c.out.nzcv) bad.push(`nzcv got ${nzcv.toString(16)} want ${c.out.nzcv.toString(16)}`);
  const m = Buffer.alloc(64);
  for (let i = 0; i < 64; i++) m[i] = p.ld8(MEM_BASE + i, 0);
  if (m.toString('hex') !== c.out.mem) bad.push(`mem got ${m.toString('hex')} want ${c.out.mem}`);
  return bad.length ? bad.join('; ') : undefined;
}

export function describe1(c: Case): string {
  return `word ${(c.word >>> 0).toString(16)} fpcr ${c.fpcr.toString(16)} v=${c.v.join(',')} x=${c.x.join(',')}`;
}
