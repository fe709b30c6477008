import { randomBytes } from 'node:crypto';
import { isSealed, openValue, sealValue, unwrapKey, wrapKey } from './sealing.js';

describe('sealing personal data under a record’s key', () => {
  const key = randomBytes(32);

  it('opens what it sealed; the box shows no plain text', () => {
    const sealed = sealValue(key, 'k-1', { phone: '13800000000' }, 'case:1');
    expect(isSealed(sealed)).toBe(true);
    expect(JSON.stringify(sealed)).not.toContain('13800000000');
    expect(openValue(key, sealed, 'case:1')).toEqual({ phone: '13800000000' });
  });

  it('a box moved to another record, or opened with another key, does not open', () => {
    const sealed = sealValue(key, 'k-1', 'x', 'case:1');
    expect(() => openValue(key, sealed, 'case:2')).toThrow();
    expect(() => openValue(randomBytes(32), sealed, 'case:1')).toThrow();
  });

  it('a wrapped key unwraps only under its master key and record', () => {
    const master = randomBytes(32);
    const wrapped = wrapKey(master, key, 'key:1');
    expect(unwrapKey(master, wrapped, 'key:1').equals(key)).toBe(true);
    expect(() => unwrapKey(master, wrapped, 'key:2')).toThrow();
  });
});
