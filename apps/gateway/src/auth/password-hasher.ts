import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCallback(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

export interface ScryptParameters {
  logN: number; // N = 2^logN
  r: number;
  p: number;
}

/** OWASP's scrypt floor (N=2^17 is its first choice; 2^15 with r=8 is ~32 MiB and ~100 ms here). */
export const DEFAULT_SCRYPT: ScryptParameters = { logN: 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

/**
 * Passwords hashed with scrypt (memory-hard, Node's own crypto: no native module). The stored
 * string names its parameters, `scrypt$15$8$1$<salt>$<hash>`, so raising the cost later still
 * verifies old hashes.
 */
export class PasswordHasher {
  private dummy?: Promise<string>;
  constructor(private readonly parameters: ScryptParameters = DEFAULT_SCRYPT) {}

  async hash(password: string): Promise<string> {
    const { logN, r, p } = this.parameters;
    const salt = randomBytes(16);
    const key = await scrypt(password.normalize('NFC'), salt, KEY_LENGTH, this.options(logN, r, p));
    return ['scrypt', logN, r, p, salt.toString('base64'), key.toString('base64')].join('$');
  }

  async verify(password: string, stored: string | undefined): Promise<boolean> {
    // No account: still spend the same time, so timing does not tell which usernames exist.
    const target = stored ?? (await (this.dummy ??= this.hash('no such account')));
    const [scheme, logN, r, p, salt, expected] = target.split('$');
    if (scheme !== 'scrypt' || !expected) return false;
    const expectedKey = Buffer.from(expected, 'base64');
    const key = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64'), expectedKey.length, this.options(+logN, +r, +p));
    return timingSafeEqual(key, expectedKey) && stored !== undefined;
  }

  private options(logN: number, r: number, p: number): ScryptOptions {
    const N = 2 ** logN;
    return { N, r, p, maxmem: 256 * N * r }; // twice the 128·N·r scrypt needs
  }
}
