import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SealedField } from '@pingan/contracts';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../database/private-dir.js';

/**
 * Sealing personal data under per-record keys (crypto-shredding), shared by the services that
 * hold such data (the high-risk register's persons, the incidents' 110 callers). A record's
 * random data key is kept only wrapped by the service's master key, which is outside the
 * database; destroying the wrapped key makes everything sealed with it unreadable, in
 * PostgreSQL as on Kafka.
 */

/** A record's data key is gone: what was sealed with it can never be read again. */
export class KeyDestroyedError extends Error {
  constructor(what = 'the record’s key was destroyed (erased)') {
    super(what);
  }
}

type GcmBox = { iv: string; data: string; tag: string };
const b64 = (b: Buffer): string => b.toString('base64');
const unb64 = (s: string): Buffer => Buffer.from(s, 'base64');

export function gcmSeal(key: Buffer, plaintext: Buffer, aad: string): GcmBox {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv: b64(iv), data: b64(data), tag: b64(cipher.getAuthTag()) };
}

export function gcmOpen(key: Buffer, sealed: GcmBox, aad: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, unb64(sealed.iv));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(unb64(sealed.tag));
  return Buffer.concat([decipher.update(unb64(sealed.data)), decipher.final()]);
}

/** A wrapped key as one column: `iv.data.tag`. */
export const wrapKey = (masterKey: Buffer, dataKey: Buffer, aad: string): string => {
  const wrapped = gcmSeal(masterKey, dataKey, aad);
  return `${wrapped.iv}.${wrapped.data}.${wrapped.tag}`;
};
export const unwrapKey = (masterKey: Buffer, wrapped: string, aad: string): Buffer => {
  const [iv, data, tag] = wrapped.split('.');
  return gcmOpen(masterKey, { iv, data, tag }, aad);
};

/** `value` as JSON, sealed with `key` (the record's id in the additional data, so a box cannot be moved to another record). */
export const sealValue = (key: Buffer, keyId: string, value: unknown, aad: string): SealedField => ({
  alg: 'A256GCM',
  keyId,
  ...gcmSeal(key, Buffer.from(JSON.stringify(value), 'utf8'), aad),
});
export const openValue = (key: Buffer, sealed: SealedField, aad: string): unknown => JSON.parse(gcmOpen(key, sealed, aad).toString('utf8'));

export const isSealed = (node: unknown): node is SealedField =>
  !!node &&
  typeof node === 'object' &&
  (node as SealedField).alg === 'A256GCM' &&
  typeof (node as SealedField).iv === 'string' &&
  typeof (node as SealedField).tag === 'string';

/** 32 bytes as base64 (44 chars) or hex (64 chars). */
export function parseKey(value: string, name: string): Buffer {
  const text = value.trim();
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error(`${name} must be 32 random bytes, base64 or hex (generate: openssl rand -base64 32)`);
  return key;
}

/** Short fingerprint of a master key, stored beside each wrapped key (rotation, wrong-key diagnosis). */
export const keyFingerprint = (key: Buffer): string => createHash('sha256').update(key).digest('hex').slice(0, 16);

/** The key in `dir/name`, generated (0600, in a 0700 directory) the first time; never overwritten. */
export async function fileKey(dir: string, name: string): Promise<Buffer> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const path = join(dir, name);
  try {
    return parseKey(await readFile(path, 'utf8'), path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  try {
    // 'wx': never overwrite a key another start wrote (everything sealed with it would be lost).
    await writeFile(path, key.toString('base64'), { flag: 'wx', mode: PRIVATE_FILE_MODE });
    await chmod(path, PRIVATE_FILE_MODE);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return parseKey(await readFile(path, 'utf8'), path);
  }
}
