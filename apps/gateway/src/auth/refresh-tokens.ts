import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ACCESS_CLOCK, type Clock } from '@pingan/access';
import { AccessStore } from '../directory/access-store.js';
import { InvalidRefreshTokenError } from './auth.errors.js';

/** A refresh token is good for 12 hours (a shift) and rotates on use; a login's chain ends after 7 days. */
export const REFRESH_TOKEN_TTL_MS = 12 * 3_600_000;
export const REFRESH_FAMILY_MAX_MS = 7 * 24 * 3_600_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

interface TokenRow {
  token_id: string;
  family_id: string;
  user_id: string;
  secret_hash: string;
  family_started_at: Date;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

/**
 * Opaque refresh tokens `<id>.<secret>`; only a SHA-256 of the secret is stored (the secret
 * is 256 random bits, so a fast hash is enough). Each use replaces the token with a new one
 * of the same family; presenting a used token again means it was stolen (or replayed), so
 * the whole family is revoked.
 */
@Injectable()
export class RefreshTokens {
  constructor(
    private readonly store: AccessStore,
    @Inject(ACCESS_CLOCK) private readonly clock: Clock,
  ) {}

  async issue(
    userId: string,
    family?: { familyId: string; startedAt: Date },
    query = this.store.db.query,
  ): Promise<{ token: string; expiresAt: Date }> {
    const now = this.clock();
    const tokenId = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    const familyId = family?.familyId ?? randomUUID();
    const startedAt = family?.startedAt ?? now;
    const expiresAt = new Date(Math.min(now.getTime() + REFRESH_TOKEN_TTL_MS, startedAt.getTime() + REFRESH_FAMILY_MAX_MS));
    await query(
      `INSERT INTO access.refresh_tokens (token_id, family_id, user_id, secret_hash, family_started_at, issued_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [tokenId, familyId, userId, sha256(secret).toString('hex'), startedAt, now, expiresAt],
    );
    return { token: `${tokenId}.${secret}`, expiresAt };
  }

  /** Uses a refresh token up: its user and a new token of the same family. */
  async rotate(token: string): Promise<{ userId: string; familyId: string; token: string; expiresAt: Date }> {
    const [tokenId, secret] = token.split('.');
    if (!tokenId || !secret || !UUID.test(tokenId)) throw new InvalidRefreshTokenError();
    const outcome = await this.store.db.transaction(async (query) => {
      const [row] = await query<TokenRow>(`SELECT * FROM access.refresh_tokens WHERE token_id = $1 FOR UPDATE`, [tokenId]);
      if (!row || !timingSafeEqual(Buffer.from(row.secret_hash, 'hex'), sha256(secret))) return { error: 'invalid' as const };
      if (row.revoked_at) return { error: 'invalid' as const };
      if (row.used_at) {
        await query(`UPDATE access.refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL`, [
          row.family_id,
          this.clock(),
        ]);
        return { error: 'reused' as const };
      }
      if (new Date(row.expires_at) <= this.clock()) return { error: 'invalid' as const };
      await query(`UPDATE access.refresh_tokens SET used_at = $2 WHERE token_id = $1`, [tokenId, this.clock()]);
      const next = await this.issue(row.user_id, { familyId: row.family_id, startedAt: new Date(row.family_started_at) }, query);
      return { userId: row.user_id, familyId: row.family_id, ...next };
    });
    if ('error' in outcome) throw new InvalidRefreshTokenError();
    return outcome;
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.store.db.query(`UPDATE access.refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL`, [
      familyId,
      this.clock(),
    ]);
  }

  /** Logout: the family of the given token, if it is the caller's; without a token, every session of the user. */
  async revoke(userId: string, token?: string): Promise<void> {
    const tokenId = token?.split('.')[0];
    if (tokenId !== undefined) {
      if (!UUID.test(tokenId)) return;
      await this.store.db.query(
        `UPDATE access.refresh_tokens SET revoked_at = $3 WHERE revoked_at IS NULL AND user_id = $2
           AND family_id = (SELECT family_id FROM access.refresh_tokens WHERE token_id = $1)`,
        [tokenId, userId, this.clock()],
      );
      return;
    }
    await this.store.db.query(`UPDATE access.refresh_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL`, [
      userId,
      this.clock(),
    ]);
  }
}
