import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The key pair of access tokens (ES256, ECDSA on P-256). Only the gateway holds the private
 * key and signs; every service verifies with the public key, so a service reached directly
 * is protected as well as one reached through the gateway.
 */
export interface AccessTokenKeys {
  publicKey: string; // PEM (SPKI)
  privateKey?: string; // PEM (PKCS#8); only where tokens are signed
  source: 'environment' | 'data-dir';
}

export interface KeySettings {
  env: NodeJS.ProcessEnv;
  /** Embedded mode's data directory: keys live in `<dataDir>/keys` when the environment has none. */
  dataDir: string;
  /** True when no DATABASE_URL is set (embedded engine): only then may keys be generated. */
  embedded: boolean;
}

export const PUBLIC_KEY_ENV = 'ACCESS_TOKEN_PUBLIC_KEY';
export const PRIVATE_KEY_ENV = 'ACCESS_TOKEN_PRIVATE_KEY';

// PEM in an env var often arrives with literal "\n" (docker env files, CI secrets).
const pem = (value: string | undefined): string | undefined => {
  const text = value?.trim();
  return text ? text.replace(/\\n/g, '\n').trim() : undefined;
};

/** A new ES256 key pair as PEM. */
export function generateAccessTokenKeyPair(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

function assertP256(key: KeyObject, what: string): void {
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error(`${what} must be an EC P-256 key (ES256)`);
  }
}

/** Both keys parse, are P-256, and belong together (a mismatched pair would sign tokens nobody accepts). */
export function checkAccessTokenKeys(keys: Pick<AccessTokenKeys, 'publicKey' | 'privateKey'>): void {
  const publicKey = createPublicKey(keys.publicKey);
  assertP256(publicKey, PUBLIC_KEY_ENV);
  if (!keys.privateKey) return;
  const privateKey = createPrivateKey(keys.privateKey);
  assertP256(privateKey, PRIVATE_KEY_ENV);
  const probe = Buffer.from('pingan key check');
  if (!verify('sha256', probe, publicKey, sign('sha256', probe, privateKey))) {
    throw new Error(`${PRIVATE_KEY_ENV} does not belong to ${PUBLIC_KEY_ENV}`);
  }
}

// One generation per directory per process: standalone's services all ask at start.
const generating = new Map<string, Promise<AccessTokenKeys>>();

async function dataDirKeys(dataDir: string): Promise<AccessTokenKeys> {
  const dir = join(dataDir, 'keys');
  const privatePath = join(dir, 'access-token-private.pem');
  const publicPath = join(dir, 'access-token-public.pem');
  try {
    return {
      privateKey: await readFile(privatePath, 'utf8'),
      publicKey: await readFile(publicPath, 'utf8'),
      source: 'data-dir',
    };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const pair = generateAccessTokenKeyPair();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // 'wx': never overwrite a key another start wrote (tokens signed with it would die).
  await writeFile(privatePath, pair.privateKey, { flag: 'wx', mode: 0o600 });
  await writeFile(publicPath, pair.publicKey, { flag: 'wx', mode: 0o644 });
  await chmod(privatePath, 0o600);
  return { ...pair, source: 'data-dir' };
}

/**
 * Keys from ACCESS_TOKEN_PUBLIC_KEY / ACCESS_TOKEN_PRIVATE_KEY (PEM). Without them, the embedded
 * mode generates a pair once into DATA_DIR/keys and reuses it; the distributed mode refuses to
 * start, since a service without a key could verify nothing.
 */
export async function loadAccessTokenKeys(settings: KeySettings): Promise<AccessTokenKeys> {
  const publicKey = pem(settings.env[PUBLIC_KEY_ENV]);
  const privateKey = pem(settings.env[PRIVATE_KEY_ENV]);
  let keys: AccessTokenKeys;
  if (publicKey) {
    keys = { publicKey, privateKey, source: 'environment' };
  } else if (privateKey) {
    throw new Error(`${PRIVATE_KEY_ENV} is set but ${PUBLIC_KEY_ENV} is not; set both (PEM)`);
  } else if (settings.embedded) {
    const dir = settings.dataDir;
    if (!generating.has(dir))
      generating.set(
        dir,
        dataDirKeys(dir).finally(() => generating.delete(dir)),
      );
    keys = await generating.get(dir)!;
  } else {
    throw new Error(
      `${PUBLIC_KEY_ENV} is required (PEM, EC P-256) when DATABASE_URL is set: every service verifies access tokens itself; ` +
        `the gateway also needs ${PRIVATE_KEY_ENV}. See docs/access.md.`,
    );
  }
  checkAccessTokenKeys(keys);
  return keys;
}
