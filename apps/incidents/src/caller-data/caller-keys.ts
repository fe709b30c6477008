import type { Provider } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { PLATFORM_CONFIG, RecordKeys, fileKey, keyFingerprint, parseKey, schemaFor, type MasterKey, type PlatformConfig } from '@pingan/platform';
import { join } from 'node:path';
import { INCIDENTS_CONTEXT_NAME } from '../incidents.context.js';

export const CALLER_MASTER_KEY_ENV = 'INCIDENTS_CALLER_MASTER_KEY';

/** The per-case keys of the 110 callers' details, in the incidents schema. */
export class CallerKeys extends RecordKeys {}

/**
 * The master key that wraps every case's caller key: INCIDENTS_CALLER_MASTER_KEY (32 bytes,
 * base64 or hex), else generated once into DATA_DIR/keys. Unlike the high-risk register this
 * does not refuse to start without it (every existing deployment would stop), but several
 * instances behind one database must share it: each would otherwise seal with a key the others
 * cannot open. It is never in the database, so a copy of the database reads no caller.
 */
export async function loadCallerMasterKey(env: NodeJS.ProcessEnv, dataDir: string, singleProcess: boolean): Promise<MasterKey> {
  const given = env[CALLER_MASTER_KEY_ENV]?.trim();
  const key = given ? parseKey(given, CALLER_MASTER_KEY_ENV) : await fileKey(join(dataDir, 'keys'), 'incidents-caller-master.key');
  if (!given && !singleProcess) {
    new Logger('CallerKeys').warn(`${CALLER_MASTER_KEY_ENV} is not set: using DATA_DIR/keys (one instance only; see docs/incidents.md)`);
  }
  return { key, keyId: keyFingerprint(key) };
}

export const callerKeysProvider: Provider = {
  provide: CallerKeys,
  inject: [PLATFORM_CONFIG],
  useFactory: async (config: PlatformConfig): Promise<CallerKeys> =>
    new CallerKeys(
      await loadCallerMasterKey(process.env, config.dataDir, !config.databaseUrl || config.service === 'standalone'),
      `${schemaFor(INCIDENTS_CONTEXT_NAME)}.caller_keys`,
      'pingan:incidents:caller',
    ),
};
