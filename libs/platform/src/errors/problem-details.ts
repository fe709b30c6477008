import { STATUS_CODES } from 'node:http';
import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, type FieldError } from './domain-error.js';
import { RequestValidationError } from './validation.js';

/** RFC 9457 problem details, plus our stable `code` and, for bad input, the fields at fault. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** A code as a URI, so `type` identifies the problem kind as RFC 9457 asks. */
export const problemType = (code: string): string => `urn:pingan:problem:${code}`;

const DOMAIN_CODE = /^[A-Z][A-Z0-9_]*(\.[A-Z0-9_]+)+$/;

const reason = (status: number): string => STATUS_CODES[status] ?? 'Error';

const make = (status: number, code: string, detail: string, extra: Partial<ProblemDetails> = {}): ProblemDetails => ({
  type: problemType(code),
  title: extra.title ?? reason(status),
  status,
  code,
  detail,
  ...(extra.errors ? { errors: extra.errors } : {}),
});

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

/** 'NOT_FOUND' for 404, from Nest's HttpStatus enum. */
const statusName = (status: number): string => (HttpStatus as unknown as Record<number, string>)[status] ?? String(status);

/**
 * Maps anything thrown while handling a request to problem details. Pure, so the mapping
 * is unit-tested; `internal` tells the filter to log the error with its stack.
 */
export function toProblemDetails(error: unknown): { problem: ProblemDetails; internal: boolean } {
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
    // Nest wraps body-parser's "not JSON" SyntaxError in a BadRequestException.
    if ((error.cause as { type?: unknown } | undefined)?.type === 'entity.parse.failed') {
      return answer(make(400, 'REQUEST.MALFORMED', httpDetail(error)));
    }
    if (status < 500) return answer(make(status, `HTTP.${statusName(status)}`, httpDetail(error)));
    return answer(make(status, `HTTP.${statusName(status)}`, reason(status)), true);
  }
  return answer(make(500, 'INTERNAL', 'An unexpected error occurred. It has been logged.'), true);
}
