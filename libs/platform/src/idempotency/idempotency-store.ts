import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { runMigrations, type Database, type SchemaMigration } from '@pingan/event-store';
import { CLOCK, type Clock } from '../clock.js';
import { DATABASE } from '../database/database.module.js';
import { CreateIdempotencyKeys1796214810000 } from './migrations/1796214810000-create-idempotency-keys.js';

/** The schema of the keys in each app's database (each service has its own database; standalone shares one). */
export const IDEMPOTENCY_SCHEMA = 'idempotency';
export const idempotencyMigrations: readonly SchemaMigration[] = [CreateIdempotencyKeys1796214810000];

/** A stored answer is replayed for this long after the first request; then the key may be used afresh. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
/**
 * A key still "in flight" this long after it was claimed belongs to a process that died before
 * answering: a retry takes it over (no command runs near this long).
 */
export const IDEMPOTENCY_IN_FLIGHT_LEASE_MS = 60 * 1000;
const PURGE_EVERY_MS = 10 * 60 * 1000;

/** Whose key it is and for which operation: a key means nothing outside this scope. */
export interface IdempotencyScope {
  caller: string;
  method: string;
  path: string;
  key: string;
}

export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  /** The body as JSON text, or null for none (204). */
  body: string | null;
}

export type Claim =
  { outcome: 'claimed'; claim: string } | { outcome: 'replay'; answer: StoredAnswer } | { outcome: 'reused' } | { outcome: 'in-flight' };

interface Row {
  fingerprint: string;
  claim: string;
  claimed_at: Date;
  completed_at: Date | null;
  status: number | null;
  headers: Record<string, string> | null;
  body: string | null;
  expires_at: Date;
}

const WHERE_SCOPE = 'caller = $1 AND method = $2 AND path = $3 AND key = $4';
/** The parameters $1..$4 of WHERE_SCOPE. */
const scopeParams = (scope: IdempotencyScope) => [scope.caller, scope.method, scope.path, scope.key];

/**
 * The keys of the app's database. A request claims its key with one INSERT … ON CONFLICT DO
 * NOTHING, so of two at once exactly one runs; the other finds the row and is answered from it.
 */
@Injectable()
export class IdempotencyStore implements OnModuleInit {
  private readonly s = IDEMPOTENCY_SCHEMA;
  private lastPurge = 0;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await runMigrations(this.db, this.s, idempotencyMigrations);
  }

  async claim(scope: IdempotencyScope, fingerprint: string): Promise<Claim> {
    const now = this.clock();
    await this.purgeExpired(now);
    const params = scopeParams(scope);
    const expiresAt = new Date(now.getTime() + IDEMPOTENCY_KEY_TTL_MS);
    // A row may vanish between the INSERT and the SELECT (its request failed and let go): try again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const claim = randomUUID();
      const inserted = await this.db.query(
        `INSERT INTO ${this.s}.idempotency_keys (caller, method, path, key, fingerprint, claim, claimed_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING claim`,
        [...params, fingerprint, claim, now, expiresAt],
      );
      if (inserted.length > 0) return { outcome: 'claimed', claim };

      const [row] = await this.db.query<Row>(
        `SELECT fingerprint, claim, claimed_at, completed_at, status, headers, body, expires_at
           FROM ${this.s}.idempotency_keys WHERE ${WHERE_SCOPE}`,
        params,
      );
      if (!row) continue;
      const abandoned = row.completed_at === null && new Date(row.claimed_at).getTime() + IDEMPOTENCY_IN_FLIGHT_LEASE_MS <= now.getTime();
      if (new Date(row.expires_at).getTime() <= now.getTime() || abandoned) {
        // Taken over only if nobody else took it over first (the old claim is still there).
        const taken = await this.db.query(
          `UPDATE ${this.s}.idempotency_keys
              SET fingerprint = $5, claim = $6, claimed_at = $7, expires_at = $8, completed_at = NULL, status = NULL, headers = NULL, body = NULL
            WHERE ${WHERE_SCOPE} AND claim = $9 RETURNING claim`,
          [...params, fingerprint, claim, now, expiresAt, row.claim],
        );
        if (taken.length > 0) return { outcome: 'claimed', claim };
        continue;
      }
      if (row.fingerprint !== fingerprint) return { outcome: 'reused' };
      if (row.completed_at === null) return { outcome: 'in-flight' };
      return { outcome: 'replay', answer: { status: Number(row.status), headers: row.headers ?? {}, body: row.body } };
    }
    return { outcome: 'in-flight' };
  }

  /** The request succeeded: keep its answer for retries. */
  async complete(scope: IdempotencyScope, claim: string, answer: StoredAnswer): Promise<void> {
    await this.db.query(
      `UPDATE ${this.s}.idempotency_keys SET completed_at = $6, status = $7, headers = $8, body = $9 WHERE ${WHERE_SCOPE} AND claim = $5`,
      [...scopeParams(scope), claim, this.clock(), answer.status, JSON.stringify(answer.headers), answer.body],
    );
  }

  /** The request failed (or its answer cannot be kept): the key is free again, a retry runs afresh. */
  async release(scope: IdempotencyScope, claim: string): Promise<void> {
    await this.db.query(`DELETE FROM ${this.s}.idempotency_keys WHERE ${WHERE_SCOPE} AND claim = $5`, [...scopeParams(scope), claim]);
  }

  /** Expired keys are deleted now and then, by the requests themselves (no timer to stop). */
  private async purgeExpired(now: Date): Promise<void> {
    if (now.getTime() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now.getTime();
    await this.db.query(`DELETE FROM ${this.s}.idempotency_keys WHERE expires_at <= $1`, [now]);
  }
}
