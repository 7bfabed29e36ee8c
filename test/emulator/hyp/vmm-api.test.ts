import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Vm, Vcpu, type Exit, type GuestExceptionExit, type TrapExit, type PolicyProfile } from '../../../emulator';
import { assembleGuest } from '../../support/guest-asm';
import { buildElf, words } from '../../support/elf-builder';
import { A64 } from '../../support/a64';

/**
 * The VMM-facing API the adapter uses instead of reaching into the CPU: opt-in guest-exception and trap exits,
 * pause that is never lost, debugState (guest vs effective), and side-effect-free virtual memory access.
 * Expected syndromes are the architecture's (ESR = EC << 26 | IL | ISS), as the adapter's DAP tests also check.
 */

const BASE = 0x4008_0000n;
// The handler skips the faulting instruction (SVC's ELR is already past it) and returns.
const PRELUDE = `
.global _start
_start:
  adr x0, vec
  msr vbar_el1, x0
  b body
.balign 2048
vec:
  b .
.org vec + 0x200
handler:
  mrs x11, elr_el1
  mrs x12, esr_el1
  lsr x12, x12, #26
  cmp x12, #0x15
  b.eq 1f
  add x11, x11, #4
  msr elr_el1, x11
1:
  eret
.org vec + 0x400
  b handler
.org vec + 0x800
body:
`;

const GUESTS = join(__dirname, 'vmm-api-guests');
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

const show = (e: Exit): string => JSON.stringify(e, (_k, v: unknown) => (typeof v === 'bigint' ? `0x${v.toString(16)}` : v));

function guestException(e: Exit): GuestExceptionExit {
  assert.equal(e.reason, 'guest-exception', show(e));
  if (e.reason !== 'guest-exception') throw new Error('unreachable');
  return e;
}

function trap(e: Exit): TrapExit {
  assert.equal(e.reason, 'trap', show(e));
  if (e.reason !== 'trap') throw new Error('unreachable');
  return e;
}

const RUN = { maxInstructions: 100_000 };

const EXC_BODY = `
  movz x1, #0x1000
u:
  udf #0
d:
  ldr x2, [x1]
s:
  svc #0x42
  wfi`;

describe('hyp: the VMM API (exception and trap exits, pause, debugState, virtual memory)', function () {
  describe('guest-exception exits', () => {
    it('report UNDEF, an external data abort and an SVC with ESR/FAR/ELR/SPSR right after entry (PC at the vector)', () => {
      const { vcpu, sym } = vmFor(EXC_BODY);
      vcpu.setExceptionExits({ classes: 'all' });
      const vector = sym('vec') + 0x200n;

      const u = guestException(vcpu.run(RUN));
      assert.deepEqual(
        { ec: u.ec, esr: u.esr, farValid: u.farValid, elr: u.elr, spsr: u.spsr, pc: u.pc, flags: u.flags },
        { ec: 0, esr: 0x0200_0000n, farValid: false, elr: sym('u'), spsr: 0x3c5n, pc: vector, flags: 0 },
      );
      assert.equal(vcpu.getOneReg('pc'), vector);
      assert.equal(vcpu.getOneReg('ESR_EL1'), 0x0200_0000n, 'the guest state is the entry state, not a preview');

      const d = guestException(vcpu.run(RUN));
      // 0x1000 is neither RAM nor a device: a synchronous external abort, FSC 0x10, FAR = the address.
      assert.deepEqual({ ec: d.ec, esr: d.esr, farValid: d.farValid, far: d.far, elr: d.elr, pc: d.pc }, { ec: 0x25, esr: 0x9600_0010n, farValid: true, far: 0x1000n, elr: sym('d'), pc: vector });

      const s = guestException(vcpu.run(RUN));
      assert.deepEqual({ ec: s.ec, esr: s.esr, farValid: s.farValid, far: s.far, elr: s.elr }, { ec: 0x15, esr: 0x5600_0042n, farValid: false, far: 0x1000n, elr: sym('s') + 4n });

      assert.equal(vcpu.run(RUN).reason, 'halt');
      assert.equal(vcpu.stats.exits['guest-exception'], 3);
    });

    it('only for the selected classes, and not at all when turned off', () => {
      const a = vmFor(EXC_BODY);
      a.vcpu.setExceptionExits({ classes: [0x15] });
      const s = guestException(a.vcpu.run(RUN));
      assert.equal(s.ec, 0x15);
      assert.equal(a.vcpu.run(RUN).reason, 'halt');

      const b = vmFor(EXC_BODY);
      b.vcpu.setExceptionExits({ classes: 'all' });
      b.vcpu.setExceptionExits(null);
      assert.equal(b.vcpu.run(RUN).reason, 'halt');
      assert.equal(b.vcpu.getOneReg('ESR_EL1'), 0x5600_0042n, 'the guest took all three exceptions without exits');
      assert.throws(() => b.vcpu.setExceptionExits({ classes: [64] }), RangeError);
    });

    it('never for an exception the VMM injects', () => {
      const { vcpu, sym } = vmFor(`
p:
  nop
  nop
  wfi`);
      for (let i = 0; i < 10 && vcpu.getOneReg('pc') !== sym('p'); i++) vcpu.run({ maxInstructions: 1 });
      vcpu.setExceptionExits({ classes: 'all' });
      vcpu.injectException({ hsr: (0x3c << 26) | (1 << 25) | 7 });
      assert.equal(vcpu.getOneReg('ESR_EL1'), 0xf200_0007n);
      assert.equal(vcpu.run(RUN).reason, 'halt');
    });

    it('report a translation fault with the MMU on: ESR level 3, FAR the faulting VA', () => {
      const { vcpu } = mmuVm([0xf9400022 /* ldr x2, [x1] */, A64.self]);
      vcpu.setOneReg('VBAR_EL1', 0x4008_1000n);
      vcpu.setOneReg('x1', 0x8000_3008n);
      vcpu.setExceptionExits({ classes: [0x25] });
      const e = guestException(vcpu.run(RUN));
      assert.deepEqual({ esr: e.esr, far: e.far, farValid: e.farValid, elr: e.elr, pc: e.pc }, { esr: 0x9600_0007n, far: 0x8000_3008n, farValid: true, elr: BASE, pc: 0x4008_1200n });
    });
  });

  describe('trap exits', () => {
    const TRAP_BODY = `
  mov x0, #1
o1:
  msr oslar_el1, x0
r:
  mrs x2, dbgbcr0_el1
  mov x3, #0
o2:
  msr oslar_el1, x3
  wfi`;

    it('report each served access (kvm): register, direction, value, OS Lock change, PC past the access', () => {
      const { vcpu, sym } = vmFor(TRAP_BODY);
      vcpu.setOneReg('DBGBCR0_EL1', 0x1e5n);
      const bcr = vcpu.getOneReg('DBGBCR0_EL1');
      vcpu.setTrapExits(true);

      const t1 = trap(vcpu.run(RUN));
      assert.deepEqual({ register: t1.register, write: t1.write, value: t1.value, osLockChanged: t1.osLockChanged, accessPc: t1.accessPc }, { register: 'OSLAR_EL1', write: true, value: 1n, osLockChanged: true, accessPc: sym('o1') });
      assert.equal(t1.esr >>> 26, 0x18);
      assert.equal(t1.esr & 1, 0, 'ISS.Direction = 0: a write');
      assert.equal(vcpu.getOneReg('pc'), sym('o1') + 4n);
      assert.equal(vcpu.debugState().oslsr, 0xan);

      const t2 = trap(vcpu.run(RUN));
      assert.deepEqual({ register: t2.register, write: t2.write, value: t2.value, accessPc: t2.accessPc }, { register: 'DBGBCR0_EL1', write: false, value: bcr, accessPc: sym('r') });
      assert.equal('osLockChanged' in t2, false);
      assert.equal(t2.esr & 1, 1, 'ISS.Direction = 1: a read');
      assert.equal(vcpu.getOneReg('x2'), bcr);

      const t3 = trap(vcpu.run(RUN));
      assert.deepEqual({ register: t3.register, value: t3.value, osLockChanged: t3.osLockChanged }, { register: 'OSLAR_EL1', value: 0n, osLockChanged: true });
      assert.equal(vcpu.debugState().oslsr, 0x8n);
      assert.equal(vcpu.run(RUN).reason, 'halt');
    });

    it('stay silent when off; kvm-5.16 ignores OSLAR (no OS Lock change)', () => {
      const a = vmFor(TRAP_BODY);
      assert.equal(a.vcpu.run(RUN).reason, 'halt');
      assert.equal(a.vcpu.stats.debug.trappedAccesses, 3);

      const b = vmFor(TRAP_BODY, 'kvm-5.16');
      b.vcpu.setTrapExits(true);
      const t = trap(b.vcpu.run(RUN));
      assert.equal(t.register, 'OSLAR_EL1');
      assert.equal(t.osLockChanged, undefined);
      assert.equal(b.vcpu.debugState().oslsr, 0x8n);
    });
  });

  describe('pause', () => {
    it('requested while the hypervisor serves a trap ends that run right after the access', () => {
      const { vcpu, sym } = vmFor(`
  mov x0, #1
o:
  msr oslar_el1, x0
  nop
  wfi`);
      // Stand-in for a VMM thread asking for a pause while the run is inside the hypervisor.
      const policy = vcpu.policy;
      const serve = policy.handleTrap.bind(policy);
      policy.handleTrap = () => {
        vcpu.pause();
        return serve();
      };
      assert.equal(vcpu.run(RUN).reason, 'pause');
      assert.equal(vcpu.getOneReg('pc'), sym('o') + 4n);
      assert.equal(vcpu.run(RUN).reason, 'halt');
    });

    it('requested in the same instruction as an exit is reported by the next run, before any instruction', () => {
      const { vcpu, sym } = vmFor(EXC_BODY);
      vcpu.setExceptionExits({ classes: [0] });
      const sys = vcpu.cpu.sys;
      const note = sys.onExceptionExit;
      sys.onExceptionExit = (ec, farValid) => {
        vcpu.pause();
        note?.(ec, farValid);
      };
      assert.equal(vcpu.run(RUN).reason, 'guest-exception');
      const at = vcpu.getOneReg('pc');
      assert.equal(at, sym('vec') + 0x200n);
      assert.equal(vcpu.run(RUN).reason, 'pause');
      assert.equal(vcpu.getOneReg('pc'), at);
      assert.equal(vcpu.run(RUN).reason, 'halt');
    });
  });

  describe('debugState', () => {
    const MDCR_BASE = (1n << 5n) | (1n << 6n) | (1n << 10n) | (1n << 11n); // TPMCR TPM TDOSA TDRA
    const TDA = 1n << 9n;
    const TDE = 1n << 8n;

    it('kvm: guest view vs effective with USE_HW, after the guest takes ownership, and under the OS Lock', () => {
      const { vcpu } = vmFor('  wfi');
      let d = vcpu.debugState();
      assert.deepEqual(d.counts, { breakpoints: 6, watchpoints: 4, contextBreakpoints: 2 });
      assert.equal(d.profile, 'kvm');
      assert.equal(d.guest.bcr.length, 6);
      assert.equal(d.effective.wcr.length, 4);
      assert.equal(d.oslsr, 0x8n);
      assert.equal(d.mdcrEl2, MDCR_BASE | TDA, 'nobody owns the debug registers: accesses trap');

      vcpu.setOneReg('DBGBCR0_EL1', 0x1e5n);
      vcpu.setOneReg('DBGBVR0_EL1', 0x4008_0800n);
      vcpu.setOneReg('MDSCR_EL1', 0xa000n);
      d = vcpu.debugState();
      assert.equal(d.guest.bcr[0], 0x1e5n);
      assert.equal(d.effective.bcr[0], 0x1e5n, 'MDSCR.MDE set: the guest owns the hardware, its registers are live');
      assert.equal(d.effective.bvr[0], 0x4008_0800n);
      assert.equal(d.effective.mdscr, 0xa000n);
      assert.equal(d.mdcrEl2, MDCR_BASE, 'guest-owned: TDA clear');

      vcpu.setGuestDebug({ enable: true, useHw: true, bcr: [0n, 0x1e7n], bvr: [0n, 0x4008_0004n], wcr: [0x1ffn], wvr: [0x4009_0000n] });
      d = vcpu.debugState();
      assert.equal(d.guest.bcr[0], 0x1e5n, 'the guest still reads its own');
      assert.equal(d.guest.bcr[1], 0n);
      assert.equal(d.effective.bcr[0], 0n, "USE_HW: the VMM's set is live");
      assert.equal(d.effective.bcr[1], 0x1e7n);
      assert.equal(d.effective.bvr[1], 0x4008_0004n);
      assert.equal(d.effective.wcr[0], 0x1ffn);
      assert.equal(d.effective.wvr[0], 0x4009_0000n);
      assert.equal(d.mdcrEl2, MDCR_BASE | TDA | TDE);

      vcpu.setGuestDebug({ enable: false });
      vcpu.setOneReg('OSLAR_EL1', 1n);
      d = vcpu.debugState();
      assert.equal(d.oslsr, 0xan);
      assert.equal(d.guest.mdscr, 0xa000n);
      assert.equal(d.effective.mdscr, 0x2000n, 'the emulated OS Lock clears MDE in the effective MDSCR');
      assert.equal(d.effective.bcr[0], 0x1e5n);
      assert.equal(d.mdcrEl2, MDCR_BASE | TDA, 'OS-locked: the host owns the registers again');
    });

    it('reflects an OSLAR write the guest made and does not change what the guest runs with', () => {
      const { vcpu } = vmFor(`
  mov x0, #0xa000
  msr mdscr_el1, x0
  mov x0, #1
  msr oslar_el1, x0
  wfi
  mrs x5, oslsr_el1
  wfi`);
      assert.equal(vcpu.run(RUN).reason, 'halt');
      const d = vcpu.debugState();
      assert.equal(d.oslsr, 0xan);
      assert.equal(d.effective.mdscr & 0x8000n, 0n);
      const switches = vcpu.stats.debug.worldSwitches;
      vcpu.debugState();
      assert.equal(vcpu.stats.debug.worldSwitches, switches, 'a view, not an entry');
      assert.equal(vcpu.run(RUN).reason, 'halt');
      assert.equal(vcpu.getOneReg('x5'), 0xan);
    });

    it('bare: the guest registers are the effective ones, no MDCR_EL2', () => {
      const { vcpu } = vmFor('  wfi', 'bare');
      vcpu.setOneReg('DBGWCR1_EL1', 0x1f7n);
      vcpu.setOneReg('MDSCR_EL1', 0x8000n);
      const d = vcpu.debugState();
      assert.equal(d.oslsr, 0xan);
      assert.equal(d.effective.wcr[1], d.guest.wcr[1]);
      assert.notEqual(d.guest.wcr[1], 0n);
      assert.equal(d.effective.mdscr, 0x8000n);
      assert.equal(d.mdcrEl2, 0n);
    });
  });

  describe('readVirtual / writeVirtual', () => {
    it('a fixture with its runtime identity map: VA = PA for RAM, unmapped and device addresses refused without side effects', () => {
      const bytes = readFileSync(join(__dirname, '../../fixtures/bin/hash-O2.elf'));
      const vm = new Vm();
      const image = vm.loadElf(bytes);
      const vcpu = vm.createVcpu();
      const main = image.symbols.find((s) => s.name === 'main')!.value;
      vcpu.setGuestDebug({ enable: true, useHw: true, bcr: [0x1e7n], bvr: [main] });
      const e = vcpu.run({ maxInstructions: 10_000_000 });
      assert.equal(e.reason, 'debug', show(e));
      assert.equal(vcpu.getOneReg('pc'), main);
      assert.equal(vcpu.getOneReg('SCTLR_EL1') & 1n, 1n, 'the runtime turned the MMU on');

      assert.equal(vcpu.translateVirtual(main), main);
      const seg = image.segments.find((s) => s.vaddr <= main && main < s.vaddr + BigInt(s.filesz))!;
      const off = seg.offset + Number(main - seg.vaddr);
      assert.deepEqual(vcpu.readVirtual(main, 16), new Uint8Array(bytes.subarray(off, off + 16)));

      const esr = vcpu.getOneReg('ESR_EL1');
      const far = vcpu.getOneReg('FAR_EL1');
      assert.equal(vcpu.translateVirtual(0x8000_0000n), undefined);
      assert.throws(() => vcpu.readVirtual(0x8000_0000n, 4), (err: Error) => err instanceof RangeError && /0x80000000: translation fault/.test(err.message));
      assert.throws(() => vcpu.readVirtual(0x0900_0000n, 4), (err: Error) => err instanceof RangeError && /0x9000000: not guest RAM/.test(err.message));
      assert.equal(vcpu.isBackedVirtual(main, 4), true);
      assert.equal(vcpu.isBackedVirtual(0x8000_0000n - 2n, 4), false);
      assert.equal(vcpu.getOneReg('ESR_EL1'), esr, 'no exception taken');
      assert.equal(vcpu.getOneReg('FAR_EL1'), far);

      vcpu.setGuestDebug({ enable: false });
      const end = vcpu.run({ maxInstructions: 50_000_000 });
      assert.equal(end.reason, 'shutdown', show(end));
    });

    it('a hand-built table: per-page translation, all pages checked before writing, writes drop decoded code', () => {
      const { vm, vcpu } = mmuVm([0xd2800020 /* movz x0, #1 */, A64.self]);
      vm.writePhysical(0x4030_0ffcn, Uint8Array.of(1, 2, 3, 4));
      vm.writePhysical(0x4031_0000n, Uint8Array.of(5, 6, 7, 8));
      assert.equal(vcpu.translateVirtual(0x8000_1234n), 0x4031_0234n);
      assert.deepEqual([...vcpu.readVirtual(0x8000_0ffcn, 8)], [1, 2, 3, 4, 5, 6, 7, 8]);

      vcpu.writeVirtual(0x8000_0ffen, Uint8Array.of(0xaa, 0xbb, 0xcc, 0xdd));
      assert.deepEqual([...vm.readPhysical(0x4030_0ffcn, 4)], [1, 2, 0xaa, 0xbb]);
      assert.deepEqual([...vm.readPhysical(0x4031_0000n, 4)], [0xcc, 0xdd, 7, 8]);

      const par = vcpu.getOneReg('PAR_EL1');
      assert.throws(() => vcpu.readVirtual(0x8000_2000n, 4), /0x80002000: not guest RAM \(physical 0x9000000\)/);
      assert.throws(() => vcpu.readVirtual(0x8000_2ffen, 4), /0x80002ffe: not guest RAM/);
      assert.throws(() => vcpu.readVirtual(0x8000_3000n, 1), /0x80003000: translation fault/);
      assert.throws(() => vcpu.writeVirtual(0x8000_1ffen, Uint8Array.of(9, 9, 9, 9)), /0x80002000: not guest RAM/);
      assert.deepEqual([...vm.readPhysical(0x4031_0ffen, 2)], [0, 0], 'nothing written when a later page fails');
      assert.equal(vcpu.getOneReg('PAR_EL1'), par);

      // The code runs at its identity VA; the patch goes through an alias VA of the same physical page.
      assert.equal(vcpu.run({ maxInstructions: 2 }).reason, 'budget');
      assert.equal(vcpu.getOneReg('x0'), 1n);
      vcpu.writeVirtual(0x8000_4000n, words(0xd2800040 /* movz x0, #2 */));
      vcpu.setOneReg('pc', BASE);
      vcpu.run({ maxInstructions: 2 });
      assert.equal(vcpu.getOneReg('x0'), 2n, 'the decoded movz #1 was dropped');
    });
  });
});

/**
 * A VM whose code page is at BASE with the MMU on through a table the test builds: TTBR0 at 0x4010_0000, 39-bit
 * VAs; [0x4000_0000, 0x8000_0000) identity (1 GiB block), and level-3 pages at 0x8000_0000: page 0 -> 0x4030_0000,
 * page 1 -> 0x4031_0000, page 2 -> the UART (Device), page 3 invalid, page 4 -> BASE (an alias of the code).
 */
function mmuVm(code: number[]): { vm: Vm; vcpu: Vcpu } {
  const vm = new Vm();
  vm.loadElf(buildElf({ entry: BASE, segments: [{ paddr: BASE, data: words(...code), memsz: 0x1000, flags: 7 }] }));
  const vcpu = vm.createVcpu();
  const put = (pa: bigint, v: bigint): void => {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, v, true);
    vm.writePhysical(pa, b);
  };
  const L1 = 0x4010_0000n;
  const L2 = 0x4010_1000n;
  const L3 = 0x4010_2000n;
  const NORMAL_PAGE = 0x707n; // AF, inner shareable, AttrIndx 1, page
  put(L1 + 8n, 0x4000_0000n | 0x705n);
  put(L1 + 16n, L2 | 3n);
  put(L2, L3 | 3n);
  put(L3, 0x4030_0000n | NORMAL_PAGE);
  put(L3 + 8n, 0x4031_0000n | NORMAL_PAGE);
  put(L3 + 16n, 0x0900_0000n | 0x403n); // AttrIndx 0: Device
  put(L3 + 32n, BASE | NORMAL_PAGE);
  vcpu.setOneReg('MAIR_EL1', 0xff00n);
  vcpu.setOneReg('TCR_EL1', 25n | (1n << 8n) | (1n << 10n) | (3n << 12n) | (1n << 23n) | (2n << 32n));
  vcpu.setOneReg('TTBR0_EL1', L1);
  vcpu.setOneReg('SCTLR_EL1', 0x30d0_0800n | 1n | 4n | 0x1000n);
  return { vm, vcpu };
}
