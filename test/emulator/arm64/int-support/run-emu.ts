import { PhysicalBus } from '../../../../emulator/machine/bus';
import { Arm64Cpu } from '../../../../emulator/arm64/cpu';
import { IntCase, IntResult, SCRATCH_BASE, SCRATCH_SIZE, SNIPPET_BASE, hex128, hex64, initialState, scratchPattern } from './layout';

/** Load raw instruction words at `base` in a fresh machine (RAM at 0x40000000, 16 MiB). */
export function machineWith(words: number[], base = SNIPPET_BASE): { bus: PhysicalBus; cpu: Arm64Cpu } {
  const bus = new PhysicalBus(0x40000000, 16 << 20);
  const code = new Uint8Array(words.length * 4);
  const dv = new DataView(code.buffer);
  words.forEach((w, i) => dv.setUint32(i * 4, w >>> 0, true));
  bus.writeBytes(base, code);
  const cpu = new Arm64Cpu(bus);
  // QEMU user mode runs with the MMU on and Normal memory, so unaligned accesses are allowed; the MMU-off
  // Device-memory alignment rule would fault them here.
  cpu.sys.options.strictMmuOffAlignment = false;
  cpu.sys.applyOptions();
  cpu.pc = BigInt(base);
  cpu.fpEnabled = 1;
  return { bus, cpu };
}

/** Run a case's words from its initial state until PC reaches the end of the snippet; return the dump. */
export function runOnEmulator(c: IntCase, words: number[], maxSteps = 100_000): IntResult {
  const { bus, cpu } = machineWith(words);
  bus.writeBytes(SCRATCH_BASE, scratchPattern());
  const st = initialState(c);
  st.x.forEach((v, i) => cpu.setX(i, v));
  cpu.setX(31, st.sp);
  cpu.nf = (st.nzcv >>> 31) & 1;
  cpu.zf = (st.nzcv >>> 30) & 1;
  cpu.cf = (st.nzcv >>> 29) & 1;
  cpu.vf = (st.nzcv >>> 28) & 1;
  st.q.forEach((v, i) => {
    cpu.v64[2 * i] = v & ((1n << 64n) - 1n);
    cpu.v64[2 * i + 1] = v >> 64n;
  });
  const end = BigInt(SNIPPET_BASE + words.length * 4);
  let steps = 0;
  while (cpu.pc !== end) {
    if (++steps > maxSteps) throw new Error(`${c.name}: did not reach the end (pc=0x${cpu.pc.toString(16)})`);
    const before = cpu.icount;
    cpu.run(1);
    if (cpu.icount === before || cpu.stopReason !== 0)
      throw new Error(`${c.name}: stopped (reason ${cpu.stopReason}) at pc=0x${cpu.pc.toString(16)}, word 0x${(words[Number(cpu.pc - BigInt(SNIPPET_BASE)) / 4] >>> 0).toString(16)}`);
  }
  const x: string[] = [];
  for (let i = 0; i < 31; i++) x.push(hex64(cpu.getX(i)));
  const q: string[] = [];
  for (let i = 0; i < 32; i++) q.push(hex128(cpu.v64[2 * i] | (cpu.v64[2 * i + 1] << 64n)));
  const nzcv = (cpu.nf << 31) | (cpu.zf << 30) | (cpu.cf << 29) | (cpu.vf << 28);
  return {
    x,
    sp: hex64(cpu.getX(31)),
    nzcv: hex64(BigInt(nzcv >>> 0)),
    q,
    scratch: Buffer.from(bus.readBytes(SCRATCH_BASE, SCRATCH_SIZE)).toString('hex'),
  };
}
