import { strict as assert } from 'node:assert';
import { Vm, Vcpu, EXIT_FLAG_HSR_HIGH_VALID, type Exit } from '../../../emulator';
import { buildElf, words } from '../../support/elf-builder';
import { A64, load32 } from '../../support/a64';

const BASE = 0x4008_0000n;

function vmWith(code: number[], uart?: (b: number) => void): { vm: Vm; vcpu: Vcpu; exit: () => Exit; run: (n?: number) => Exit } {
  const vm = new Vm({ onUart: uart });
  vm.loadElf(buildElf({ entry: BASE, segments: [{ paddr: BASE, data: words(...code), memsz: 0x1000, flags: 7 }] }));
  const vcpu = vm.createVcpu();
  const run = (n?: number): Exit => vcpu.run(n === undefined ? {} : { maxInstructions: n });
  return { vm, vcpu, exit: () => run(1_000_000), run };
}

const UART = [A64.movz(1, 0x0900, 16)];
const putc = (ch: string): number[] => [A64.movz(2, ch.charCodeAt(0)), A64.strb(2, 1)];
const systemOff = [...load32(0, 0x8400_0008), A64.hvc0];

describe('emulator/hyp Vm and Vcpu', () => {
  it('runs to PSCI SYSTEM_OFF with UART bytes delivered in order', () => {
    const out: number[] = [];
    const { exit } = vmWith([...UART, ...putc('o'), ...putc('k'), ...putc('\n'), ...systemOff], (b) => out.push(b));
    const e = exit();
    assert.deepEqual(e, { reason: 'shutdown', kind: 'system-off', flags: 0 });
    assert.equal(Buffer.from(out).toString(), 'ok\n');
  });

  it('answers PSCI_VERSION with 1.1 and unknown SMCCC calls with NOT_SUPPORTED', () => {
    const { vcpu, exit } = vmWith([...load32(0, 0x8400_0000), A64.hvc0, A64.addi(5, 0, 0), ...load32(0, 0x8400_00ff), A64.hvc0, A64.addi(6, 0, 0), ...systemOff]);
    assert.equal(exit().reason, 'shutdown');
    assert.equal(vcpu.getOneReg('x5'), 0x10001n);
    assert.equal(vcpu.getOneReg('x6'), 0xffff_ffff_ffff_ffffn);
  });

  it('stops on the instruction budget exactly and resumes where it stopped', () => {
    const { vcpu, run } = vmWith([A64.nop, A64.nop, A64.self]);
    const e = run(1000);
    assert.deepEqual(e, { reason: 'budget', flags: 0 });
    assert.equal(vcpu.stats.instructions, 1000);
    assert.equal(vcpu.getOneReg('pc'), BASE + 8n);
  });

  it('exits halt on WFI with PC past the WFI', () => {
    const e = vmWith([A64.nop, A64.wfi, A64.nop]).exit();
    assert.equal(e.reason, 'halt');
    if (e.reason === 'halt') assert.equal(e.pc, BASE + 8n);
  });

  it('reports an exception with no usable vector with its syndrome instead of looping', () => {
    const e = vmWith([A64.nop, A64.brk(0x3e8)]).exit();
    assert.equal(e.reason, 'internal-error');
    if (e.reason === 'internal-error') {
      assert.equal(e.kind, 'no-vector');
      assert.equal(e.esr, 0xf20003e8n);
      assert.equal(e.elr, BASE + 4n);
      assert.match(e.message, /PC=0x40080004 ESR=0xf20003e8/);
    }
  });

  it('resets flags on every run and never reports HSR_HIGH_VALID outside a debug exit', () => {
    const { run } = vmWith([A64.self]);
    for (let i = 0; i < 3; i++) assert.equal(run(10).flags & EXIT_FLAG_HSR_HIGH_VALID, 0);
  });

  it('pauses a running vCPU after the current instruction, and before the next run when idle', () => {
    let pauseTarget: Vcpu | undefined;
    const { vcpu, run } = vmWith([...UART, ...putc('a'), A64.nop, A64.self], () => pauseTarget?.pause());
    pauseTarget = vcpu;
    const e = run(1000);
    assert.equal(e.reason, 'pause');
    assert.equal(pauseTarget.getOneReg('pc'), BASE + 12n, 'stops right after the UART store');
    pauseTarget.pause();
    assert.equal(run(1000).reason, 'pause');
    assert.equal(run(10).reason, 'budget');
  });

  it('reads and writes registers by name', () => {
    const { vcpu } = vmWith([A64.self]);
    vcpu.setOneReg('x7', 0x1234_5678_9abc_def0n);
    assert.equal(vcpu.getOneReg('X7'), 0x1234_5678_9abc_def0n);
    vcpu.setOneReg('v3', (1n << 127n) | 5n);
    assert.equal(vcpu.getOneReg('q3'), (1n << 127n) | 5n);
    vcpu.setOneReg('pc', BASE + 4n);
    assert.equal(vcpu.getOneReg('pc'), BASE + 4n);
    assert.throws(() => vcpu.getOneReg('nonsense'), RangeError);
  });

  it('reboots to a pristine image on reset', () => {
    // The guest overwrites its own first instruction word, then asks for SYSTEM_RESET.
    const { vm, exit } = vmWith([...load32(3, 0x4008_0000), A64.strb(3, 3), ...load32(0, 0x8400_0009), A64.hvc0]);
    assert.deepEqual(exit(), { reason: 'shutdown', kind: 'system-reset', flags: 0 });
    assert.equal(vm.machine.bus.readBytes(0x4008_0000, 1)[0], 0x00);
    vm.reset();
    assert.deepEqual([...vm.machine.bus.readBytes(0x4008_0000, 4)], [...words(load32(3, 0x4008_0000)[0])]);
  });
});
