import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const MASTER_KEY_ENV = 'HIGH_RISK_MASTER_KEY';
export const MATCH_KEY_ENV = 'HIGH_RISK_MATCH_KEY';

/**
 * The service's two secrets: the master key that wraps every person's data key (AES-256-GCM),
 * and the HMAC-SHA256 key that turns a resident ID number into the matching hash. Neither is in
 * the database, so a copy of the database alone reads nothing and matches nothing.
 */
export interface HighRiskKeys {
  masterKey: Buffer; // 32 bytes
  matchKey: Buffer; // 32 bytes
  /** Short fingerprint of the master key, stored beside each wrapped key (rotation, wrong-key diagnosis). */
  masterKeyId: string;
  source: 'environment' | 'data-dir';
}

/** 32 bytes as base64 (44 chars) or hex (64 chars). */
export function parseKey(value: string, name: string): Buffer {
  const text = value.trim();
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error(`${name} must be 32 random bytes, base64 or hex (generate: openssl rand -base64 32)`);
  return key;
}

const fingerprint = (key: Buffer): string => createHash('sha256').update(key).digest('hex').slice(0, 16);

async function fileKey(path: string): Promise<Buffer> {
  try {
    return parseKey(await readFile(path, 'utf8'), path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  try {
    // 'wx': never overwrite a key another start wrote (everything sealed with it would be lost).
    await writeFile(path, key.toString('base64'), { flag: 'wx', mode: 0o600 });
    await chmod(path, 0o600);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return parseKey(await readFile(path, 'utf8'), path);
  }
}

const generating = new Map<string, Promise<HighRiskKeys>>();

/**
 * From HIGH_RISK_MASTER_KEY / HIGH_RISK_MATCH_KEY. Without them, a single process (the embedded
 * mode, or standalone) generates both once into DATA_DIR/keys and reuses them; the service on
 * its own with DATABASE_URL refuses to start, since several instances with keys of their own
 * would each be unable to read what the others wrote.
 */
export async function loadHighRiskKeys(settings: {
  env: NodeJS.ProcessEnv;
  dataDir: string;
  singleProcess: boolean;
}): Promise<HighRiskKeys> {
  const master = settings.env[MASTER_KEY_ENV]?.trim();
  const match = settings.env[MATCH_KEY_ENV]?.trim();
  if (master && match) {
    const masterKey = parseKey(master, MASTER_KEY_ENV);
    const matchKey = parseKey(match, MATCH_KEY_ENV);
    return { masterKey, matchKey, masterKeyId: fingerprint(masterKey), source: 'environment' };
  }
  if (master || match) throw new Error(`Set both ${MASTER_KEY_ENV} and ${MATCH_KEY_ENV}, or neither (single-process mode only)`);
  if (!settings.singleProcess) {
    throw new Error(
      `${MASTER_KEY_ENV} and ${MATCH_KEY_ENV} are required (32 bytes, base64) when the service runs on its own with DATABASE_URL. See docs/high-risk-persons.md.`,
    );
  }
  const dir = join(settings.dataDir, 'keys');
  if (!generating.has(dir)) {
    generating.set(
      dir,
      (async () => {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        const masterKey = await fileKey(join(dir, 'high-risk-master.key'));
        const matchKey = await fileKey(join(dir, 'high-risk-match.key'));
        return { masterKey, matchKey, masterKeyId: fingerprint(masterKey), source: 'data-dir' as const };
      })(),
    );
  }
  return generating.get(dir)!;
}
