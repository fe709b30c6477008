import { Inject, Injectable } from '@nestjs/common';
import { ACCESS_CLOCK, type Clock } from '@pingan/access';
import { AccessStore } from '../directory/access-store.js';

export interface LockoutPolicy {
  /** Failures within `windowMs` that lock an account. */
  accountMaxFailures: number;
  /**
   * Failures from one address that lock the address. Higher than per account: a whole
   * hospital often sits behind one NAT address, and one clumsy user must not lock out the rest.
   */
  ipMaxFailures: number;
  windowMs: number;
  lockMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = {
  accountMaxFailures: 5,
  ipMaxFailures: 20,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};
export const LOCKOUT_POLICY = Symbol('pingan.gateway.LockoutPolicy');

type Scope = 'account' | 'ip';

/**
 * Failed logins counted in the database (not in memory), so every gateway instance and a
 * restart see the same count. A locked account or address is refused before the password
 * is even checked, so a correct guess during the lock is worth nothing.
 */
@Injectable()
export class LoginLockout {
  constructor(
    private readonly store: AccessStore,
    @Inject(ACCESS_CLOCK) private readonly clock: Clock,
    @Inject(LOCKOUT_POLICY) private readonly policy: LockoutPolicy,
  ) {}

  /** The time until which the account or the address is locked, or null. */
  async lockedUntil(username: string, ip: string): Promise<Date | null> {
    const rows = await this.store.db.query<{ until: Date }>(
      `SELECT max(locked_until) AS until FROM access.login_failures
        WHERE ((scope = 'account' AND key = $1) OR (scope = 'ip' AND key = $2)) AND locked_until > $3`,
      [accountKey(username), ip, this.clock()],
    );
    return rows[0]?.until ? new Date(rows[0].until) : null;
  }

  async recordFailure(username: string, ip: string): Promise<void> {
    await this.count('account', accountKey(username), this.policy.accountMaxFailures);
    await this.count('ip', ip, this.policy.ipMaxFailures);
  }

  /** A successful login clears the account's count (not the address's: others may be guessing from it). */
  async recordSuccess(username: string): Promise<void> {
    await this.store.db.query(`DELETE FROM access.login_failures WHERE scope = 'account' AND key = $1`, [accountKey(username)]);
  }

  private async count(scope: Scope, key: string, max: number): Promise<void> {
    const now = this.clock();
    const windowStart = new Date(now.getTime() - this.policy.windowMs);
    // A count older than the window, or one whose lock has run out, starts again at 1.
    const [row] = await this.store.db.query<{ failures: number }>(
      `INSERT INTO access.login_failures AS f (scope, key, failures, first_failure_at, locked_until) VALUES ($1, $2, 1, $3, NULL)
       ON CONFLICT (scope, key) DO UPDATE SET
         failures = CASE WHEN f.first_failure_at < $4 OR f.locked_until <= $3 THEN 1 ELSE f.failures + 1 END,
         first_failure_at = CASE WHEN f.first_failure_at < $4 OR f.locked_until <= $3 THEN $3 ELSE f.first_failure_at END,
         locked_until = CASE WHEN f.locked_until <= $3 THEN NULL ELSE f.locked_until END
       RETURNING failures`,
      [scope, key, now, windowStart],
    );
    if (row.failures >= max) {
      await this.store.db.query(
        `UPDATE access.login_failures SET locked_until = $3, failures = 0, first_failure_at = $4 WHERE scope = $1 AND key = $2`,
        [scope, key, new Date(now.getTime() + this.policy.lockMs), now],
      );
    }
  }
}

// Case and spaces must not buy an attacker five more guesses.
const accountKey = (username: string): string => username.trim().toLowerCase().slice(0, 128);
