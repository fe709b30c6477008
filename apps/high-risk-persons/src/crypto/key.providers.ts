import type { Provider } from '@nestjs/common';
import { PLATFORM_CONFIG, type PlatformConfig } from '@pingan/platform';
import { SCHEMA } from '../read-models/register.projection.js';
import { loadHighRiskKeys, type HighRiskKeys } from './high-risk-keys.js';
import { PersonVault } from './person-vault.js';

export const HIGH_RISK_KEYS = Symbol('pingan.HighRiskKeys');

/**
 * The master and match keys. A single process (embedded engine, or apps/standalone with all
 * services in one process) may generate them into DATA_DIR/keys; the service on its own with
 * DATABASE_URL must be given them.
 */
export const highRiskKeysProvider: Provider = {
  provide: HIGH_RISK_KEYS,
  inject: [PLATFORM_CONFIG],
  useFactory: (config: PlatformConfig): Promise<HighRiskKeys> =>
    loadHighRiskKeys({ env: process.env, dataDir: config.dataDir, singleProcess: !config.databaseUrl || config.service === 'standalone' }),
};

/** The per-person keys, in the register's schema. */
export const personVaultProvider: Provider = {
  provide: PersonVault,
  inject: [HIGH_RISK_KEYS],
  useFactory: (keys: HighRiskKeys) => new PersonVault(keys, SCHEMA),
};
