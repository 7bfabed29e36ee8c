import { strict as assert } from 'node:assert';
import { handlePsci, PSCI_FEATURES, PSCI_SYSTEM_OFF } from '../../../emulator/hyp/psci';

describe('emulator/hyp/psci', () => {
  it('reports version 1.1 (as QEMU virt 7.2 does: checked on qemu-system-aarch64)', () =>
    assert.deepEqual(handlePsci(0x8400_0000, 0), { kind: 'return', x0: 0x10001 }));
  it('powers off and resets', () => {
    assert.deepEqual(handlePsci(0x8400_0008, 0), { kind: 'system-off' });
    assert.deepEqual(handlePsci(0x8400_0009, 0), { kind: 'system-reset' });
  });
  it('answers PSCI_FEATURES per function and NOT_SUPPORTED for the rest', () => {
    assert.deepEqual(handlePsci(PSCI_FEATURES, PSCI_SYSTEM_OFF), { kind: 'return', x0: 0 });
    assert.deepEqual(handlePsci(PSCI_FEATURES, 0xc400_0003), { kind: 'return', x0: -1 });
    assert.deepEqual(handlePsci(0xc400_0003, 0), { kind: 'return', x0: -1 });
  });
});
