import { defineErrors } from '@pingan/contracts';
import type { CommandMetadata } from './command.js';

/** An instant a user states for a fact (when it happened), refused with the field named. */
export class OccurredAtError extends defineErrors({
  InFuture: { code: 'OCCURRED_AT.IN_FUTURE', status: 422 },
  BeforeCase: { code: 'OCCURRED_AT.BEFORE_CASE', status: 422 },
  TooOld: { code: 'OCCURRED_AT.TOO_OLD', status: 422 },
}) {}

/** The instant a fact happened, as a command states it: the request's field and its value. */
export interface OccurredAt {
  field: string;
  at: Date;
}

export interface OccurredAtBounds {
  /** How far ahead of the server's clock a client's clock may be (default 2 minutes). */
  maxSkewMs: number;
  /** Nothing this system records happened before this (a typo like 1970, a wrong century). */
  earliest: Date;
}

/** The bounds, from OCCURRED_AT_MAX_SKEW_SECONDS and OCCURRED_AT_EARLIEST (ISO date) when set. */
export function occurredAtBounds(env: NodeJS.ProcessEnv = process.env): OccurredAtBounds {
  const skew = Number(env.OCCURRED_AT_MAX_SKEW_SECONDS);
  const earliest = env.OCCURRED_AT_EARLIEST ? new Date(env.OCCURRED_AT_EARLIEST) : new Date('2000-01-01T00:00:00Z');
  return {
    maxSkewMs: Number.isFinite(skew) && skew >= 0 ? skew * 1000 : 120_000,
    earliest: Number.isNaN(earliest.getTime()) ? new Date('2000-01-01T00:00:00Z') : earliest,
  };
}

const fieldError = (field: string, code: string, message: string) => [{ field, code, message }];

/**
 * Checks a stated instant: not after now (within the skew), not before the case began, not
 * absurdly old. A skewed instant a little ahead of now is taken as now: a fact cannot have
 * happened after it was recorded.
 */
export function checkOccurredAt(occurred: OccurredAt, now: Date, caseBegan: Date | null, bounds: OccurredAtBounds): Date {
  const { field, at } = occurred;
  if (at.getTime() > now.getTime() + bounds.maxSkewMs) {
    const message = `${field} ${at.toISOString()} is in the future (now ${now.toISOString()})`;
    throw new OccurredAtError('OCCURRED_AT.IN_FUTURE', message, fieldError(field, 'IN_FUTURE', message));
  }
  if (at < bounds.earliest) {
    const message = `${field} ${at.toISOString()} is before ${bounds.earliest.toISOString()}: check the year`;
    throw new OccurredAtError('OCCURRED_AT.TOO_OLD', message, fieldError(field, 'TOO_OLD', message));
  }
  if (caseBegan !== null && at < caseBegan) {
    const message = `${field} ${at.toISOString()} is before the case began (${caseBegan.toISOString()})`;
    throw new OccurredAtError('OCCURRED_AT.BEFORE_CASE', message, fieldError(field, 'BEFORE_CASE', message));
  }
  return at > now ? now : at;
}

/** When the fact a command records happened: the instant the caller stated, else when it is decided. */
export const occurredAtOf = (metadata: CommandMetadata): Date => metadata.occurredAt ?? metadata.now;

/** The instant a request body states in `field` (a checked ISO 8601 string), for the pipeline to bound; none: undefined (now). */
export const statedOccurredAt = (value: string | undefined, field = 'occurredAt'): OccurredAt | undefined =>
  value === undefined ? undefined : { field, at: new Date(value) };
