import { generateAccessTokenKeyPair } from './keys.js';
import { testPrincipal } from '@pingan/testing';
import { actorOf } from './principal.js';
import { AccessTokenSigner, AccessTokenVerifier, maxTokenLifetimeFromEnv } from './tokens.js';

describe('access tokens (ES256)', () => {
  const pair = generateAccessTokenKeyPair();
  let now = new Date('2026-11-02T08:00:00Z');
  const clock = () => now;
  const signer = new AccessTokenSigner(pair.privateKey, { clock });
  const verifier = new AccessTokenVerifier(pair.publicKey, clock);
  const {
    tokenId: _t,
    expiresAt: _e,
    ...claims
  } = testPrincipal({
    organisationKind: 'health_commission',
    organisationRegion: '500100',
    roles: ['health_commission_official'],
    healthCommissionLevel: 'city',
  });

  afterEach(() => (now = new Date('2026-11-02T08:00:00Z')));

  it('round-trips the principal and lives 15 minutes', async () => {
    const signed = await signer.sign(claims);
    expect(signed.token.split('.')[0]).toBe(Buffer.from(JSON.stringify({ alg: 'ES256', typ: 'JWT' })).toString('base64url'));
    const principal = await verifier.verify(signed.token);
    expect(principal).toEqual({ ...claims, tokenId: signed.tokenId, expiresAt: new Date('2026-11-02T08:15:00Z') });
    now = new Date('2026-11-02T08:14:59Z');
    await expect(verifier.verify(signed.token)).resolves.toBeDefined();
    now = new Date('2026-11-02T08:15:01Z');
    await expect(verifier.verify(signed.token)).rejects.toMatchObject({ code: 'ACCESS.UNAUTHENTICATED', status: 401 });
  });

  it('carries the display name, which events then name the actor by; a token without one still verifies', async () => {
    const named = await verifier.verify((await signer.sign({ ...claims, displayName: '刘芳' })).token);
    expect(named.displayName).toBe('刘芳');
    expect(actorOf(named)).toEqual({
      userId: claims.userId,
      organisationId: claims.organisationId,
      role: 'health_commission_official',
      name: '刘芳',
    });
    const unnamed = await verifier.verify((await signer.sign(claims)).token);
    expect(unnamed).not.toHaveProperty('displayName');
    expect(actorOf(unnamed)).not.toHaveProperty('name');
  });

  it('refuses tokens of another key, tampered tokens, unsigned tokens and HS256 with the public key', async () => {
    const other = new AccessTokenSigner(generateAccessTokenKeyPair().privateKey, { clock });
    await expect(verifier.verify((await other.sign(claims)).token)).rejects.toMatchObject({ code: 'ACCESS.UNAUTHENTICATED' });

    const [header, body, signature] = (await signer.sign(claims)).token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), roles: ['system_administrator'] }),
    ).toString('base64url');
    await expect(verifier.verify(`${header}.${forged}.${signature}`)).rejects.toMatchObject({ code: 'ACCESS.UNAUTHENTICATED' });
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    await expect(verifier.verify(`${none}.${body}.`)).rejects.toMatchObject({ code: 'ACCESS.UNAUTHENTICATED' });
    const { createHmac } = await import('node:crypto');
    const hs = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
    const mac = createHmac('sha256', pair.publicKey).update(`${hs}.${body}`).digest('base64url');
    await expect(verifier.verify(`${hs}.${body}.${mac}`)).rejects.toMatchObject({ code: 'ACCESS.UNAUTHENTICATED' });
    await expect(verifier.verify('garbage')).rejects.toMatchObject({ code: 'ACCESS.UNAUTHENTICATED' });
  });
});

describe('access token lifetime', () => {
  const pair = generateAccessTokenKeyPair();
  const now = new Date('2026-11-02T08:00:00Z');
  const iat = Math.floor(now.getTime() / 1000);
  const verifier = new AccessTokenVerifier(pair.publicKey, () => now, 3600);
  const { tokenId: _t, expiresAt: _e, ...principal } = testPrincipal();
  // Signed with the right key, as a leaked key or a misconfigured signer would: only the claims differ.
  const signed = async (times: { iat?: number; exp?: number }) => {
    const { JwtService } = await import('@nestjs/jwt');
    return new JwtService().signAsync(
      {
        sub: principal.userId,
        usr: principal.username,
        org: principal.organisationId,
        okd: principal.organisationKind,
        reg: principal.organisationRegion,
        roles: principal.roles,
        jti: 'token-1',
        ...times,
      },
      {
        privateKey: pair.privateKey,
        algorithm: 'ES256',
        issuer: 'pingan-gateway',
        audience: 'pingan',
        noTimestamp: times.iat === undefined,
      },
    );
  };

  it('accepts a token living exactly the maximum', async () => {
    await expect(verifier.verify(await signed({ iat, exp: iat + 3600 }))).resolves.toMatchObject({ userId: principal.userId });
  });

  it('refuses a token without exp, without iat, or living longer than the maximum', async () => {
    for (const times of [{ iat }, { exp: iat + 600 }, { iat, exp: iat + 3601 }, { iat: iat - 86_400 * 365, exp: iat + 600 }]) {
      await expect(verifier.verify(await signed(times))).rejects.toMatchObject({ code: 'ACCESS.UNAUTHENTICATED', status: 401 });
    }
  });

  it('will not sign tokens longer-lived than the maximum, and reads the maximum from the environment', () => {
    expect(() => new AccessTokenSigner(pair.privateKey, { clock: () => now, ttlSeconds: 7200, maxLifetimeSeconds: 3600 })).toThrow(
      /longer than the maximum/,
    );
    expect(maxTokenLifetimeFromEnv({})).toBe(3600);
    expect(maxTokenLifetimeFromEnv({ ACCESS_TOKEN_MAX_LIFETIME_SECONDS: '1800' })).toBe(1800);
    for (const bad of ['0', '59', '86401', '1e3', '-5', 'one hour']) {
      expect(() => maxTokenLifetimeFromEnv({ ACCESS_TOKEN_MAX_LIFETIME_SECONDS: bad })).toThrow(/ACCESS_TOKEN_MAX_LIFETIME_SECONDS/);
    }
  });
});
