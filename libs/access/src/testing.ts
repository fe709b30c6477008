import { generateAccessTokenKeyPair, PRIVATE_KEY_ENV, PUBLIC_KEY_ENV } from './keys.js';
import type { Principal } from './principal.js';
import { AccessTokenSigner, type PrincipalClaims } from './tokens.js';

/**
 * For other services' tests: a key pair to put in the environment (so their app verifies
 * tokens exactly as in production) and tokens for any principal, without running the gateway.
 *   const keys = testAccessTokenKeys(); Object.assign(process.env, keys.env);
 *   .set('authorization', `Bearer ${await keys.tokenFor({ roles: ['police_dispatcher'], organisationKind: 'police' })}`)
 */
export function testAccessTokenKeys(clock: () => Date = () => new Date()) {
  const pair = generateAccessTokenKeyPair();
  const signer = new AccessTokenSigner(pair.privateKey, { clock });
  return {
    ...pair,
    env: { [PUBLIC_KEY_ENV]: pair.publicKey, [PRIVATE_KEY_ENV]: pair.privateKey },
    tokenFor: async (overrides: Partial<PrincipalClaims> = {}): Promise<string> => (await signer.sign(testPrincipal(overrides))).token,
  };
}

/** A principal with sensible defaults: a security officer of a hospital in 渝中区 (500103). */
export function testPrincipal(overrides: Partial<Principal> = {}): Principal {
  return {
    userId: 'user-test',
    username: 'test.user',
    organisationId: 'org-test-hospital',
    organisationKind: 'hospital',
    organisationRegion: '500103',
    roles: ['hospital_security_officer'],
    tokenId: 'token-test',
    expiresAt: new Date(Date.now() + 15 * 60_000),
    ...overrides,
  };
}
