import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { assembleGuest } from '../../support/guest-asm';
import { Vm, Vcpu, EXIT_FLAG_HSR_HIGH_VALID, type Exit, type PolicyProfile } from '../../../emulator';

/**
 * Host-side scenarios S21-S30 (spec D.arm64, KVM policy) through the Vcpu API: setGuestDebug, run, exits with
 * hsr/hsrHigh/far/flags, and what the guest reads back. Guest code is assembled at test time (clang + ld.lld);
 * every program starts with the same prologue and a vector table at BASE + 0x800 whose handlers record ESR_EL1 in
 * x10 and ELR_EL1 in x11, then return (BRK and breakpoints with ELR + 4 / SPSR.D set).
 */
const BASE = 0x4008_0000n;
const X = 0x4009_0000n; // a data doubleword
const PRELUDE = `
.global _start
_start:
  adr x0, vec
  msr vbar_el1, x0
  movz x1, #0x4009, lsl #16
  b body
.balign 2048
vec:
  b handler
.org vec + 0x200
handler:
  mrs x10, esr_el1
  mrs x11, elr_el1
  lsr x12, x10, #26
  cmp x12, #0x3c
  b.eq 2f
  cbnz x12, 1f
2:
  add x11, x11, #4
  msr elr_el1, x11
1:
  mrs x12, spsr_el1
  orr x12, x12, #0x200
  msr spsr_el1, x12
  eret
.org vec + 0x400
  b handler
.org vec + 0x800
body:
`;

const GUESTS = join(__dirname, 'debug-host-guests');
const assemble = (body: string): Uint8Array => assembleGuest(PRELUDE + body + '\n', GUESTS);

function vmFor(body: string, profile: PolicyProfile = 'kvm'): { vm: Vm; vcpu: Vcpu; sym: (name: string) => bigint } {
  const vm = new Vm({ profile });
  const image = vm.loadElf(assemble(body));
  const vcpu = vm.createVcpu();
  const sym = (name: string): bigint => {
    const s = image.symbols.find((x) => x.name === name);
    if (s === undefined) throw new Error(`no symbol ${name}`);
    return s.value;
  };
  return { vm, vcpu, sym };
}

/** Run until PC reaches `pc` (budget 1 at a time would change stepping; use a breakpoint-free run to a label). */
function runTo(vcpu: Vcpu, pc: bigint): void {
  for (let i = 0; i < 10_000 && vcpu.getOneReg('pc') !== pc; i++) vcpu.run({ maxInstructions: 1 });
  assert.equal(vcpu.getOneReg('pc'), pc);
}

function debugExit(e: Exit): { hsr: number; hsrHigh: number; far: bigint } {
  assert.equal(e.reason, 'debug', JSON.stringify(e, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString(16) : v)));
  if (e.reason !== 'debug' || !('arm64' in e)) throw new Error('not an arm64 debug exit');
  assert.equal(e.flags, EXIT_FLAG_HSR_HIGH_VALID);
  return e.arm64;
}

const KDE_MDE = '#0xa000';

describe('hyp: host debugging of an arm64 guest (S21-S30, KVM policy)', function () {
  it('S21 host single-step: one instruction per run, hsr 0xCB000022, the guest reads its own MDSCR', () => {
    const { vcpu, sym } = vmFor(`
  mov x3, #0x2000
  msr mdscr_el1, x3
p:
  nop
  nop
  mrs x2, mdscr_el1
  add x3, x3, #1
  wfi`);
    runTo(vcpu, sym('p'));
    vcpu.setGuestDebug({ enable: true, singlestep: true });
    const p = sym('p');
    for (let k = 1; k <= 4; k++) {
      const d = debugExit(vcpu.run({ maxInstructions: 100_000 }));
      // k = 3 steps the trapped MRS MDSCR_EL1: KVM emulates it and, single-stepping, leaves the step pending
      // (ACTIVE_PENDING), so the exception comes with ISV = 0, as on a real KVM host.
      assert.equal(d.hsr, k === 3 ? 0xca000022 : 0xcb000022);
      assert.equal(d.hsrHigh, 0);
      assert.equal(vcpu.getOneReg('pc'), p + 4n * BigInt(k));
    }
    assert.equal(vcpu.getOneReg('x2'), 0x2000n, 'MRS MDSCR_EL1 returns the guest value (no SS)');
    assert.equal(vcpu.getOneReg('MDSCR_EL1'), 0x2000n);
    assert.ok(vcpu.stats.debug.trappedAccesses >= 1, 'MDSCR access trapped (TDA)');
    vcpu.setGuestDebug({ enable: false });
    assert.equal(vcpu.run({ maxInstructions: 100_000 }).reason, 'halt');
  });

  it('S22 host step while the guest holds the OS Lock: steps continue, guest bp/step never delivered', () => {
    const { vcpu, sym } = vmFor(`
  mov x3, #1
  msr oslar_el1, x3
  adr x4, g
  msr dbgbvr0_el1, x4
  mov x4, #0x1e3
  msr dbgbcr0_el1, x4
  mov x3, #0xa001
  msr mdscr_el1, x3
  msr daifclr, #8
p:
  nop
g:
  nop
  mrs x5, oslsr_el1
  wfi`);
    runTo(vcpu, sym('p'));
    vcpu.setGuestDebug({ enable: true, singlestep: true });
    for (let k = 1; k <= 3; k++) {
      // k = 3: MRS OSLSR_EL1 is trapped (TDOSA) and emulated: the step exception follows with ISV = 0.
      assert.equal(debugExit(vcpu.run({ maxInstructions: 100_000 })).hsr, k === 3 ? 0xca000022 : 0xcb000022);
      assert.equal(vcpu.getOneReg('pc'), sym('p') + 4n * BigInt(k));
    }
    assert.equal(vcpu.getOneReg('x5'), 0xan);
    assert.equal(vcpu.getOneReg('x10'), 0n, 'no guest exception taken');
    vcpu.setGuestDebug({ enable: false });
    assert.equal(vcpu.run({ maxInstructions: 100_000 }).reason, 'halt');
    assert.equal(vcpu.getOneReg('x10'), 0n, 'guest bp/step stay blocked under the OS Lock');
  });

  it('S23 host step into a guest exception: exit at VBAR+0x200 with hsr 0xCA000022 (ISV = 0)', () => {
    const { vcpu, sym } = vmFor(`
p:
  svc #0
  wfi`);
    runTo(vcpu, sym('p'));
    vcpu.setGuestDebug({ enable: true, singlestep: true });
    const d = debugExit(vcpu.run({ maxInstructions: 100_000 }));
    assert.equal(d.hsr, 0xca000022);
    assert.equal(vcpu.getOneReg('pc'), sym('handler'));
    assert.equal(vcpu.getOneReg('ESR_EL1'), 0x56000000n);
    assert.equal(vcpu.getOneReg('ELR_EL1'), sym('p') + 4n);
    assert.equal((vcpu.getOneReg('SPSR_EL1') >> 21n) & 1n, 0n, 'SVC advanced the step state machine first');
    assert.equal(debugExit(vcpu.run({ maxInstructions: 100_000 })).hsr, 0xcb000022, 'the next run steps the handler');
    assert.equal(vcpu.getOneReg('pc'), sym('handler') + 4n);
  });

  it('S24 step carried across an interrupt exit (ACTIVE_PENDING): next run executes nothing, hsr 0xCA000022', () => {
    const { vcpu, sym } = vmFor(`
p:
  add x3, x3, #1
  add x3, x3, #1
  wfi`);
    runTo(vcpu, sym('p'));
    vcpu.setGuestDebug({ enable: true, singlestep: true });
    vcpu.scheduleInterruptExit(1);
    const e = vcpu.run({ maxInstructions: 100_000 });
    assert.equal(e.reason, 'intr');
    assert.equal(e.flags, 0);
    assert.equal(vcpu.policy.activePending, true);
    assert.equal(vcpu.getOneReg('x3'), 1n);
    const before = vcpu.stats.instructions;
    const d = debugExit(vcpu.run({ maxInstructions: 100_000 }));
    assert.equal(d.hsr, 0xca000022);
    assert.equal(vcpu.stats.instructions, before, 'no instruction executed');
    assert.equal(vcpu.getOneReg('pc'), sym('p') + 4n);
    assert.equal(vcpu.policy.activePending, false);
    assert.equal(debugExit(vcpu.run({ maxInstructions: 100_000 })).hsr, 0xcb000022);
    assert.equal(vcpu.getOneReg('x3'), 2n);
  });

  it('a budget exit between the stepped instruction and its exception is invisible (ISV stays 1)', () => {
    const { vcpu, sym } = vmFor(`
p:
  add x3, x3, #1
  add x3, x3, #1
  wfi`);
    runTo(vcpu, sym('p'));
    vcpu.setGuestDebug({ enable: true, singlestep: true });
    assert.equal(vcpu.run({ maxInstructions: 1 }).reason, 'budget');
    assert.equal(vcpu.policy.activePending, false);
    assert.equal(debugExit(vcpu.run({ maxInstructions: 100 })).hsr, 0xcb000022);
    assert.equal(vcpu.getOneReg('pc'), sym('p') + 4n);
    assert.equal(vcpu.getOneReg('x3'), 1n);
  });

  it('S25 host HW breakpoint with the guest also using breakpoints', () => {
    const { vcpu, sym } = vmFor(`
  adr x4, g
  msr dbgbvr0_el1, x4
  mov x4, #0x1e3
  msr dbgbcr0_el1, x4
  mov x3, ${KDE_MDE}
  msr mdscr_el1, x3
  msr daifclr, #8
  isb
g:
  nop
h:
  nop
  mrs x6, dbgbcr0_el1
  mrs x7, dbgbvr0_el1
  wfi`);
    vcpu.setGuestDebug({ enable: true, useHw: true, bcr: [0x1e7n], bvr: [sym('h')] });
    const d = debugExit(vcpu.run({ maxInstructions: 100_000 }));
    assert.equal(d.hsr, 0xc2000022);
    assert.equal(vcpu.getOneReg('pc'), sym('h'));
    assert.equal(vcpu.getOneReg('x10'), 0n, 'the guest breakpoint at g did not fire (guest regs not live)');
    assert.equal(debugExit(vcpu.run({ maxInstructions: 100_000 })).hsr, 0xc2000022, 're-running without change re-exits');
    vcpu.setGuestDebug({ enable: false });
    assert.equal(vcpu.run({ maxInstructions: 100_000 }).reason, 'halt');
    assert.equal(vcpu.getOneReg('x6'), 0x1e3n);
    assert.equal(vcpu.getOneReg('x7'), sym('g'));
    assert.equal(vcpu.getOneReg('DBGBCR0_EL1'), 0x1e3n);
  });

  it('S26 host HW breakpoint while the guest has the OS Lock: still exits; OSLSR reads 0xA', () => {
    const { vcpu, sym } = vmFor(`
  mov x3, #1
  msr oslar_el1, x3
  mrs x5, oslsr_el1
h:
  nop
  wfi`);
    vcpu.setGuestDebug({ enable: true, useHw: true, bcr: [0x1e7n], bvr: [sym('h')] });
    assert.equal(debugExit(vcpu.run({ maxInstructions: 100_000 })).hsr, 0xc2000022);
    assert.equal(vcpu.getOneReg('pc'), sym('h'));
    assert.equal(vcpu.getOneReg('x5'), 0xan);
  });

  it('S27 host watchpoint: hsr 0xD2000062, far = &x, PC at the store (not executed); S29 flags reset', () => {
    const { vcpu, sym } = vmFor(`
  mov x3, #0x78
s:
  strb w3, [x1]
  wfi`);
    vcpu.setGuestDebug({ enable: true, useHw: true, wcr: [0x1fffn], wvr: [X] });
    const d = debugExit(vcpu.run({ maxInstructions: 100_000 }));
    assert.equal(d.hsr, 0xd2000062);
    assert.equal(d.hsrHigh, 0);
    assert.equal(d.far, X);
    assert.equal(vcpu.getOneReg('pc'), sym('s'));
    assert.equal(vcpu.vm.machine.bus.read8(Number(X)), 0, 'the store did not happen');
    // S29: the next run ends with a non-debug exit: flags are 0 again.
    vcpu.setGuestDebug({ enable: false });
    const e = vcpu.run({ maxInstructions: 100_000 });
    assert.equal(e.reason, 'halt');
    assert.equal(e.flags, 0);
    assert.equal(vcpu.vm.machine.bus.read8(Number(X)), 0x78);
  });

  it('S28 ENABLE|USE_SW_BP: guest BRK exits (hsr 0xF2000000); re-injection gives the guest ESR 0xF2000000, ELR = B', () => {
    for (const cfg of [{ enable: true, useSwBp: true }, { enable: true }]) {
      const { vcpu, sym } = vmFor(`
b:
  brk #0
  wfi`);
      vcpu.setGuestDebug(cfg);
      const d = debugExit(vcpu.run({ maxInstructions: 100_000 }));
      assert.equal(d.hsr, 0xf2000000);
      assert.equal(vcpu.getOneReg('pc'), sym('b'));
      vcpu.injectException(d);
      vcpu.setGuestDebug({ enable: false });
      assert.equal(vcpu.run({ maxInstructions: 100_000 }).reason, 'halt');
      assert.equal(vcpu.getOneReg('x10'), 0xf2000000n);
      assert.equal(vcpu.getOneReg('x11'), sym('b') + 4n, 'the handler saw ELR = B and skipped the BRK');
    }
  });

  it('re-injected guest breakpoint: EC becomes the current-EL class (architectural) or stays LOW (QEMU mode)', () => {
    for (const [mode, esr] of [['architectural', 0xc6000022n], ['qemu', 0xc2000022n]] as const) {
      const { vcpu } = vmFor(`
  adr x4, g
  msr dbgbvr0_el1, x4
  mov x4, #0x1e3
  msr dbgbcr0_el1, x4
  mov x3, ${KDE_MDE}
  msr mdscr_el1, x3
  msr daifclr, #8
  isb
g:
  nop
  wfi`);
      vcpu.setGuestDebug({ enable: true });
      const d = debugExit(vcpu.run({ maxInstructions: 100_000 }));
      assert.equal(d.hsr, 0xc2000022, 'the guest-owned breakpoint reaches the VMM (TDE)');
      vcpu.injectException(d, mode);
      vcpu.setGuestDebug({ enable: false });
      assert.equal(vcpu.run({ maxInstructions: 100_000 }).reason, 'halt');
      assert.equal(vcpu.getOneReg('x10'), esr);
    }
  });

  it('S30 guest register read-back under host debug: DBGWCR1 reads 0x1FF5 in the guest and through getOneReg', () => {
    const { vcpu } = vmFor(`
  mov x3, #0x1ff5
  msr dbgwcr1_el1, x3
  mrs x6, dbgwcr1_el1
  wfi`);
    vcpu.setGuestDebug({ enable: true, useHw: true, wcr: [0n, 0x1fffn], wvr: [0n, 0x5000_0000n] });
    assert.equal(vcpu.run({ maxInstructions: 100_000 }).reason, 'halt');
    assert.equal(vcpu.getOneReg('x6'), 0x1ff5n);
    assert.equal(vcpu.getOneReg('DBGWCR1_EL1'), 0x1ff5n);
    assert.equal(vcpu.cpu.debug.live.wcr[1], 0x1fffn, 'the host value is the live one');
  });

  it('OS Lock emulation (seed 000): guest bp blocked, BRK still taken, MDSCR reads as written; kvm-5.16 and bare differ', () => {
    const prog = `
  mov x3, #1
  msr oslar_el1, x3
  mrs x5, oslsr_el1
  adr x4, g
  msr dbgbvr0_el1, x4
  mov x4, #0x1e3
  msr dbgbcr0_el1, x4
  mov x3, ${KDE_MDE}
  msr mdscr_el1, x3
  msr daifclr, #8
  isb
g:
  nop
  mrs x6, mdscr_el1
  brk #0
  wfi`;
    const expect: Record<PolicyProfile, { oslsr: bigint; esr: bigint }> = {
      kvm: { oslsr: 0xan, esr: 0xf2000000n }, // bp blocked, BRK delivered
      'kvm-5.16': { oslsr: 0x8n, esr: 0xc6000022n }, // no OS Lock: the bp fires first (then BRK)
      bare: { oslsr: 0xan, esr: 0xf2000000n }, // the hardware lock
    };
    for (const profile of ['kvm', 'kvm-5.16', 'bare'] as const) {
      const { vcpu } = vmFor(prog, profile);
      let e = vcpu.run({ maxInstructions: 1000 });
      assert.equal(e.reason, 'halt', profile);
      assert.equal(vcpu.getOneReg('x5'), expect[profile].oslsr, `${profile} OSLSR`);
      assert.equal(vcpu.getOneReg('x6'), 0xa000n, `${profile} MDSCR read-back`);
      assert.equal(vcpu.getOneReg('x10'), 0xf2000000n, `${profile}: last exception is the BRK`);
      if (profile === 'kvm-5.16') assert.equal(vcpu.cpu.sys.exceptionCount, 2);
      else assert.equal(vcpu.cpu.sys.exceptionCount, 1);
      e = vcpu.run({ maxInstructions: 100_000 });
      void e;
    }
  });

  it('lazy world switch: debug registers switched only while someone uses them; trapped accesses counted', () => {
    const { vcpu } = vmFor(`
  nop
  wfi
  mov x4, #0x1e3
  msr dbgbcr0_el1, x4
  wfi
  wfi`);
    assert.equal(vcpu.run({ maxInstructions: 100_000 }).reason, 'halt');
    assert.equal(vcpu.stats.debug.worldSwitches, 0, 'nobody uses debug: no switch');
    assert.equal(vcpu.run({ maxInstructions: 100_000 }).reason, 'halt');
    assert.equal(vcpu.stats.debug.trappedAccesses, 1, 'first access trapped (TDA)');
    assert.equal(vcpu.stats.debug.worldSwitches, 1, 'the guest now owns the registers');
    assert.equal(vcpu.policy.mdcr & (1 << 9), 0, 'guest-owned: TDA clear, accesses go straight to the registers');
    vcpu.run({ maxInstructions: 100_000 });
    assert.equal(vcpu.stats.debug.worldSwitches, 2);
  });

  it('SPE (seed 001): host sampling stopped and drained on entry, restored on exit; guest PMSCR_EL1 is UNDEFINED', () => {
    const vm = new Vm({ hostSpe: { pmscr: 0x3n, pmblimitr: 0x4100_0001n, pmbidr: 0n } });
    vm.loadElf(assemble(`
  mrs x6, s3_0_c9_c9_0
  wfi`));
    const vcpu = vm.createVcpu();
    assert.equal(vcpu.run({ maxInstructions: 100_000 }).reason, 'halt');
    assert.equal(vcpu.getOneReg('x10'), 0x02000000n, 'guest PMSCR_EL1 access trapped (TPMS) and answered UNDEF');
    assert.equal(vcpu.stats.debug.speDrains, 1);
    assert.equal(vcpu.hostSpe?.pmscr, 0x3n, 'restored after the exit');
    const owned = new Vm({ hostSpe: { pmscr: 0x3n, pmblimitr: 0x1n, pmbidr: 0x10n } });
    owned.loadElf(assemble('  wfi'));
    const v2 = owned.createVcpu();
    v2.run({ maxInstructions: 100_000 });
    assert.equal(v2.stats.debug.speDrains, 0, 'buffer owned by a higher EL (PMBIDR.P): left alone');
  });
});
