import { STATUS_CODES } from 'node:http';
import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, type FieldError } from './domain-error.js';
import { RequestValidationError } from './validation.js';

/**
 * One thing the caller must change: the field at fault (dotted path; `(path)`, `(body)`,
 * `(content-type)` for the request itself) or, without `field`, the precondition not met, by its code.
 */
export interface ProblemError {
  field?: string;
  code: string;
  message: string;
}

/** RFC 9457 problem details, plus our stable `code` and, on every 4xx, what to change in `errors`. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  errors?: ProblemError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** A code as a URI, so `type` identifies the problem kind as RFC 9457 asks. */
export const problemType = (code: string): string => `urn:pingan:problem:${code}`;

const DOMAIN_CODE = /^[A-Z][A-Z0-9_]*(\.[A-Z0-9_]+)+$/;

const reason = (status: number): string => STATUS_CODES[status] ?? 'Error';

// A 4xx the caller can act on always says what to act on: the fields at fault, else the precondition (its code).
const make = (status: number, code: string, detail: string, extra: Partial<ProblemDetails> = {}): ProblemDetails => {
  const errors = extra.errors?.length ? extra.errors : status < 500 ? [{ code, message: detail }] : undefined;
  return { type: problemType(code), title: extra.title ?? reason(status), status, code, detail, ...(errors ? { errors } : {}) };
};

const answer = (problem: ProblemDetails, internal = false) => ({ problem, internal });

/**
 * Errors from other libraries may not extend our DomainError class (their own error class,
 * e.g. DeadlineError); a dotted upper-case `code` is enough to trust them.
 */
function asDomainError(error: unknown): DomainError | undefined {
  if (error instanceof DomainError) return error;
  if (!(error instanceof Error)) return undefined;
  const candidate = error as Error & { code?: unknown; status?: unknown; errors?: FieldError[] };
  if (typeof candidate.code !== 'string' || !DOMAIN_CODE.test(candidate.code)) return undefined;
  const fallback = candidate.code.endsWith('.NOT_FOUND') ? 404 : 422;
  const status = typeof candidate.status === 'number' && candidate.status >= 400 && candidate.status < 500 ? candidate.status : fallback;
  return new DomainError(candidate.code, error.message, { status, errors: candidate.errors });
}

/** HttpException messages: Nest puts a string or a string[] under `message`. */
function httpDetail(exception: HttpException): string {
  const body = exception.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/** What body-parser refused, said so that the client knows what to send instead (the limit, the type). */
function bodyParserProblem(cause: unknown): ProblemDetails | undefined {
  const error = cause as { type?: unknown; limit?: unknown; length?: unknown; message?: string } | undefined;
  switch (error?.type) {
    case 'entity.parse.failed':
      return make(400, 'REQUEST.MALFORMED', `The body is not valid JSON: ${error.message ?? 'parse error'}.`, {
        errors: [{ field: '(body)', code: 'MALFORMED', message: 'send one JSON object' }],
      });
    case 'entity.too.large': {
      const limit = typeof error.limit === 'number' ? error.limit : undefined;
      const size = typeof error.length === 'number' ? `${error.length} bytes` : 'larger than the limit';
      const stated = limit === undefined ? 'the limit' : `the limit is ${limit} bytes (${Math.round(limit / 1024)} KiB)`;
      return make(413, 'REQUEST.TOO_LARGE', `The body is ${size}; ${stated}.`, {
        errors: [
          { field: '(body)', code: 'TOO_LARGE', message: limit === undefined ? 'send a smaller body' : `send at most ${limit} bytes` },
        ],
      });
    }
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return make(415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', `${error.message ?? 'Unsupported body encoding'}; send UTF-8 JSON.`, {
        errors: [{ field: '(content-type)', code: 'UNSUPPORTED_MEDIA_TYPE', message: "send 'Content-Type: application/json' in UTF-8" }],
      });
    case 'request.aborted':
    case 'request.size.invalid':
      return make(400, 'REQUEST.MALFORMED', 'The body ended before its announced length.', {
        errors: [{ field: '(body)', code: 'INCOMPLETE', message: 'send the whole body its Content-Length announces' }],
      });
    default:
      return undefined;
  }
}

/** How long a client waits before retrying an outage of the database (Retry-After). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// Node's socket errors on the way to the server, and SQLSTATEs of a server that is gone, going or full:
// class 08 (connection exception), 57P01-57P03 (terminated by an administrator, crash, starting up), 53300.
const CONNECTION_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
// pg and TypeORM say it only in words when the socket closed under a query or no connection came in time.
const CONNECTION_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|not queryable|Connection is not established|the database system is (starting up|shutting down)|terminating connection due to administrator command|is not currently accepting connections/i;

/**
 * Is this (or what it wraps: TypeORM's QueryFailedError keeps pg's error as `driverError`, others as `cause`)
 * the database being out of reach rather than a fault of the request or of our code?
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  // By shape, not `instanceof Error`: Node's socket errors may come from another realm (a VM context, Jest).
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const { code, message, name, errors } = current as { code?: unknown; message?: unknown; name?: unknown; errors?: unknown };
    if (typeof code === 'string' && (CONNECTION_ERRNOS.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
    if (name === 'ConnectionIsNotSetError') return true;
    if (typeof message === 'string' && CONNECTION_MESSAGES.test(message)) return true;
    // AggregateError: Node's connect tries every address of a host name (IPv4 and IPv6).
    if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    const wrapped = current as { driverError?: unknown; cause?: unknown };
    current = wrapped.driverError ?? wrapped.cause;
  }
  return false;
}

/** 'NOT_FOUND' for 404, from Nest's HttpStatus enum. */
const statusName = (status: number): string => (HttpStatus as unknown as Record<number, string>)[status] ?? String(status);

/**
 * Maps anything thrown while handling a request to problem details. Pure, so the mapping
 * is unit-tested; `internal` tells the filter to log the error with its stack.
 */
export function toProblemDetails(error: unknown): { problem: ProblemDetails; internal: boolean; retryAfterSeconds?: number } {
  const mapped = mapError(error);
  // An error that knows when to come back (a login hold, a rate limit) says so in Retry-After.
  const retryAfter = (error as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (typeof retryAfter === 'number' && Number.isInteger(retryAfter) && retryAfter > 0) return { ...mapped, retryAfterSeconds: retryAfter };
  if (mapped.problem.code === 'SERVICE.UNAVAILABLE') return { ...mapped, retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS };
  return mapped;
}

function mapError(error: unknown): { problem: ProblemDetails; internal: boolean } {
  if (error instanceof RequestValidationError) {
    const detail = 'The request is not valid; see errors for the fields at fault.';
    return answer(make(400, 'VALIDATION.FAILED', detail, { errors: error.errors }));
  }
  // By name, so the event store's own ConcurrencyError class needs no import here.
  if (error instanceof Error && error.name === 'ConcurrencyError') {
    const detail = 'The case was changed by someone else in the meantime; reload it and try again.';
    return answer(make(409, 'STREAM.CONCURRENCY_CONFLICT', detail));
  }
  const domain = asDomainError(error);
  if (domain) return answer(make(domain.status, domain.code, domain.message, { title: domain.title, errors: domain.errors }));

  if (error instanceof HttpException) {
    const status = error.getStatus();
    // Nest wraps body-parser's errors (http-errors with a `type`) in an HttpException.
    const parser = bodyParserProblem(error.cause);
    if (parser) return answer(parser);
    // …and Express's URIError for a path it cannot percent-decode (before any middleware of ours runs).
    if (error.cause instanceof URIError) {
      return answer(
        make(400, 'REQUEST.MALFORMED', 'The path is not valid percent-encoded UTF-8.', {
          errors: [{ field: '(path)', code: 'INVALID_ENCODING', message: 'percent-encode the path as UTF-8' }],
        }),
      );
    }
    if (status < 500) return answer(make(status, `HTTP.${statusName(status)}`, httpDetail(error)));
    return answer(make(status, `HTTP.${statusName(status)}`, reason(status)), true);
  }
  // An outage, not a bug: a 503 the client may retry (logged, as the operator must know).
  if (isDatabaseUnavailable(error)) {
    return answer(make(503, 'SERVICE.UNAVAILABLE', 'The database cannot be reached just now; try again shortly.'), true);
  }
  return answer(make(500, 'INTERNAL', 'An unexpected error occurred. It has been logged.'), true);
}
