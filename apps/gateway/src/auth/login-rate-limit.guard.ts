import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ACCESS_CLOCK, type Clock } from '@pingan/access';
import { TooManyRequestsError } from './auth.errors.js';

export const LOGIN_RATE_LIMIT = Symbol('pingan.gateway.LoginRateLimit');
export interface LoginRateLimit {
  limit: number;
  windowMs: number;
}
/** Requests per address, right or wrong: slows a password spray across many accounts. */
export const DEFAULT_LOGIN_RATE_LIMIT: LoginRateLimit = { limit: 30, windowMs: 60_000 };

/**
 * A fixed-window request limit per address, in memory (per gateway instance). It complements the
 * lockout, which counts failures in the database. (@nestjs/throttler 6 is CommonJS requiring the
 * ESM-only @nestjs/common 12, which Jest on Node 20 cannot load; the rule is small enough to own.)
 */
@Injectable()
export class LoginRateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    @Inject(ACCESS_CLOCK) private readonly clock: Clock,
    @Inject(LOGIN_RATE_LIMIT) private readonly settings: LoginRateLimit,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const ip = context.switchToHttp().getRequest<{ ip?: string }>().ip ?? 'unknown';
    const now = this.clock().getTime();
    const window = this.windows.get(ip);
    if (!window || now - window.start >= this.settings.windowMs) {
      if (this.windows.size > 10_000) this.sweep(now); // bounded memory under a spray from many addresses
      this.windows.set(ip, { start: now, count: 1 });
      return true;
    }
    if (++window.count > this.settings.limit) {
      throw new TooManyRequestsError(Math.max(1, Math.ceil((window.start + this.settings.windowMs - now) / 1000)));
    }
    return true;
  }

  private sweep(now: number): void {
    for (const [ip, window] of this.windows) if (now - window.start >= this.settings.windowMs) this.windows.delete(ip);
  }
}
