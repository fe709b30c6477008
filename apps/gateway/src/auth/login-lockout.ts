import { Inject, Injectable } from '@nestjs/common';
import { ACCESS_CLOCK, type Clock } from '@pingan/access';
import { AccessStore } from '../directory/access-store.js';

export interface LockoutPolicy {
  /** Failures within `windowMs` that lock an account for `lockMs`. */
  accountMaxFailures: number;
  /**
   * Failures from one address within `windowMs` after which the address is throttled, not locked:
   * a whole hospital often sits behind one NAT address or proxy, and one clumsy user (or one
   * attacker among them) must not lock out the rest. Past it, each further failure makes the
   * address wait `ipThrottleMs` before its next attempt (429 with Retry-After), right or wrong.
   */
  ipMaxFailures: number;
  ipThrottleMs: number;
  windowMs: number;
  lockMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = {
  accountMaxFailures: 5,
  ipMaxFailures: 20,
  // A guess every 10 s at most: 90 in the 15 minutes of a window instead of thousands; a user behind
  // the same address waits at worst 10 s.
  ipThrottleMs: 10_000,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};
export const LOCKOUT_POLICY = Symbol('pingan.gateway.LockoutPolicy');

/** Why a login is refused before the password is checked: its account is locked, or its address throttled. */
export interface LoginHold {
  scope: 'account' | 'ip';
  until: Date;
}

/**
 * Failed logins counted in the database (not in memory), so every gateway instance and a
 * restart see the same count. A locked account or a throttled address is refused before the
 * password is even checked, so a correct guess during the hold is worth nothing.
 */
@Injectable()
export class LoginLockout {
  constructor(
    private readonly store: AccessStore,
    @Inject(ACCESS_CLOCK) private readonly clock: Clock,
    @Inject(LOCKOUT_POLICY) private readonly policy: LockoutPolicy,
  ) {}

  /** The account's lock, else the address's throttle, whichever holds now; null when neither does. */
  async heldUntil(username: string, ip: string): Promise<LoginHold | null> {
    const rows = await this.store.db.query<{ scope: 'account' | 'ip'; until: Date }>(
      `SELECT scope, locked_until AS until FROM access.login_failures
        WHERE ((scope = 'account' AND key = $1) OR (scope = 'ip' AND key = $2)) AND locked_until > $3
        ORDER BY scope = 'account' DESC LIMIT 1`,
      [accountKey(username), ip, this.clock()],
    );
    return rows[0] ? { scope: rows[0].scope, until: new Date(rows[0].until) } : null;
  }

  async recordFailure(username: string, ip: string): Promise<void> {
    await this.countAccount(accountKey(username));
    await this.countAddress(ip);
  }

  /** A successful login clears the account's count (not the address's: others may be guessing from it). */
  async recordSuccess(username: string): Promise<void> {
    await this.store.db.query(`DELETE FROM access.login_failures WHERE scope = 'account' AND key = $1`, [accountKey(username)]);
  }

  private async countAccount(key: string): Promise<void> {
    const now = this.clock();
    const windowStart = new Date(now.getTime() - this.policy.windowMs);
    // A count older than the window, or one whose lock has run out, starts again at 1.
    const [row] = await this.store.db.query<{ failures: number }>(
      `INSERT INTO access.login_failures AS f (scope, key, failures, first_failure_at, locked_until) VALUES ('account', $1, 1, $2, NULL)
       ON CONFLICT (scope, key) DO UPDATE SET
         failures = CASE WHEN f.first_failure_at < $3 OR f.locked_until <= $2 THEN 1 ELSE f.failures + 1 END,
         first_failure_at = CASE WHEN f.first_failure_at < $3 OR f.locked_until <= $2 THEN $2 ELSE f.first_failure_at END,
         locked_until = CASE WHEN f.locked_until <= $2 THEN NULL ELSE f.locked_until END
       RETURNING failures`,
      [key, now, windowStart],
    );
    if (row.failures >= this.policy.accountMaxFailures) {
      await this.store.db.query(
        `UPDATE access.login_failures SET locked_until = $2, failures = 0, first_failure_at = $3 WHERE scope = 'account' AND key = $1`,
        [key, new Date(now.getTime() + this.policy.lockMs), now],
      );
    }
  }

  private async countAddress(ip: string): Promise<void> {
    const now = this.clock();
    const windowStart = new Date(now.getTime() - this.policy.windowMs);
    // Only the window restarts the count (a throttle running out does not): past the limit, every
    // failure until the window ends holds the address for ipThrottleMs.
    await this.store.db.query(
      `INSERT INTO access.login_failures AS f (scope, key, failures, first_failure_at, locked_until)
         VALUES ('ip', $1, 1, $2, CASE WHEN 1 >= $4 THEN $5::timestamptz END)
       ON CONFLICT (scope, key) DO UPDATE SET
         failures = CASE WHEN f.first_failure_at < $3 THEN 1 ELSE f.failures + 1 END,
         first_failure_at = CASE WHEN f.first_failure_at < $3 THEN $2 ELSE f.first_failure_at END,
         locked_until = CASE WHEN (CASE WHEN f.first_failure_at < $3 THEN 1 ELSE f.failures + 1 END) >= $4 THEN $5::timestamptz END`,
      [ip, now, windowStart, this.policy.ipMaxFailures, new Date(now.getTime() + this.policy.ipThrottleMs)],
    );
  }
}

// Case and spaces must not buy an attacker five more guesses.
const accountKey = (username: string): string => username.trim().toLowerCase().slice(0, 128);
