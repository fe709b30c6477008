import { Module, type DynamicModule } from '@nestjs/common';
import { getConfigToken } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { ACCESS_TOKEN_VERIFIER, AccessGuard } from './access.guard.js';
import { loadAccessTokenKeys, type AccessTokenKeys } from './keys.js';
import { AccessTokenVerifier, maxTokenLifetimeFromEnv } from './tokens.js';

export const ACCESS_TOKEN_KEYS = Symbol('pingan.AccessTokenKeys');
/** `() => Date`; tests override it to move time (token expiry, lockouts). */
export const ACCESS_CLOCK = Symbol('pingan.AccessClock');
export type Clock = () => Date;

// The platform's config namespace, by token: libs/platform imports this library, not the reverse.
const PLATFORM_CONFIG = getConfigToken('platform');
interface KeyConfig {
  dataDir: string;
  databaseUrl?: string;
}

/**
 * Authentication for an app: the token keys, the verifier and the global AccessGuard.
 * PlatformModule imports it once per app, so every service (also one reached directly,
 * not through the gateway) verifies tokens itself.
 */
@Module({})
export class AccessModule {
  static forRoot(): DynamicModule {
    return {
      module: AccessModule,
      global: true,
      providers: [
        { provide: ACCESS_CLOCK, useValue: (() => new Date()) satisfies Clock },
        {
          provide: ACCESS_TOKEN_KEYS,
          inject: [PLATFORM_CONFIG],
          useFactory: (config: KeyConfig): Promise<AccessTokenKeys> =>
            loadAccessTokenKeys({ env: process.env, dataDir: config.dataDir, embedded: !config.databaseUrl }),
        },
        {
          provide: ACCESS_TOKEN_VERIFIER,
          inject: [ACCESS_TOKEN_KEYS, ACCESS_CLOCK],
          useFactory: (keys: AccessTokenKeys, clock: Clock) =>
            new AccessTokenVerifier(keys.publicKey, () => clock(), maxTokenLifetimeFromEnv(process.env)),
        },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [ACCESS_CLOCK, ACCESS_TOKEN_KEYS, ACCESS_TOKEN_VERIFIER],
    };
  }
}
