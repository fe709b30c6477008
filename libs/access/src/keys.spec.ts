import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateAccessTokenKeyPair, loadAccessTokenKeys } from './keys.js';

describe('loadAccessTokenKeys', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'pingan-keys-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('embedded: generates a pair once into DATA_DIR/keys and reuses it', async () => {
    const first = await loadAccessTokenKeys({ env: {}, dataDir: dir, embedded: true });
    expect(first.source).toBe('data-dir');
    expect(first.privateKey).toMatch(/BEGIN PRIVATE KEY/);
    const again = await loadAccessTokenKeys({ env: {}, dataDir: dir, embedded: true });
    expect(again.publicKey).toBe(first.publicKey);
    expect((await stat(join(dir, 'keys', 'access-token-private.pem'))).mode & 0o077).toBe(0);
    expect(await readFile(join(dir, 'keys', 'access-token-public.pem'), 'utf8')).toBe(first.publicKey);
  });

  it('takes PEM from the environment, also with escaped newlines', async () => {
    const pair = generateAccessTokenKeyPair();
    const keys = await loadAccessTokenKeys({
      env: { ACCESS_TOKEN_PUBLIC_KEY: pair.publicKey.replace(/\n/g, '\\n'), ACCESS_TOKEN_PRIVATE_KEY: pair.privateKey },
      dataDir: dir,
      embedded: false,
    });
    expect(keys).toEqual({ publicKey: pair.publicKey.trim(), privateKey: pair.privateKey.trim(), source: 'environment' });
  });

  it('distributed mode without keys, a private key alone, or a mismatched pair: refuses to start', async () => {
    await expect(loadAccessTokenKeys({ env: {}, dataDir: dir, embedded: false })).rejects.toThrow(/ACCESS_TOKEN_PUBLIC_KEY is required/);
    const a = generateAccessTokenKeyPair();
    const b = generateAccessTokenKeyPair();
    await expect(loadAccessTokenKeys({ env: { ACCESS_TOKEN_PRIVATE_KEY: a.privateKey }, dataDir: dir, embedded: true })).rejects.toThrow(
      /ACCESS_TOKEN_PUBLIC_KEY is not/,
    );
    await expect(
      loadAccessTokenKeys({
        env: { ACCESS_TOKEN_PUBLIC_KEY: a.publicKey, ACCESS_TOKEN_PRIVATE_KEY: b.privateKey },
        dataDir: dir,
        embedded: false,
      }),
    ).rejects.toThrow(/does not belong/);
  });
});
