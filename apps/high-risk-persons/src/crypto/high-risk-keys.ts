import { fileKey as sharedFileKey, keyFingerprint as fingerprint, parseKey } from '@pingan/platform';
import { dirname, basename, join } from 'node:path';

export { parseKey };

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

const fileKey = (path: string): Promise<Buffer> => sharedFileKey(dirname(path), basename(path));

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
        const masterKey = await fileKey(join(dir, 'high-risk-master.key'));
        const matchKey = await fileKey(join(dir, 'high-risk-match.key'));
        return { masterKey, matchKey, masterKeyId: fingerprint(masterKey), source: 'data-dir' as const };
      })(),
    );
  }
  return generating.get(dir)!;
}
