import { PasswordHasher } from './password-hasher.js';

describe('PasswordHasher (scrypt)', () => {
  const hasher = new PasswordHasher();

  it('hashes with N=2^15, r=8, p=1 and a fresh salt, and verifies', async () => {
    const a = await hasher.hash('correct horse 马 battery');
    const b = await hasher.hash('correct horse 马 battery');
    expect(a).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('battery');
    await expect(hasher.verify('correct horse 马 battery', a)).resolves.toBe(true);
    await expect(hasher.verify('correct horse 马 batterY', a)).resolves.toBe(false);
  });

  it('an unknown account never verifies (but costs the same)', async () => {
    await expect(hasher.verify('no such account', undefined)).resolves.toBe(false);
    await expect(hasher.verify('x', 'md5$abc')).resolves.toBe(false);
  });

  it('old hashes with other parameters still verify', async () => {
    const cheap = await new PasswordHasher({ logN: 10, r: 8, p: 1 }).hash('pw-123456789');
    await expect(hasher.verify('pw-123456789', cheap)).resolves.toBe(true);
  });
});
