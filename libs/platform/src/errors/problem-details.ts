import { STATUS_CODES } from "node:http";
import { HttpException, HttpStatus } from "@nestjs/common";
import { DomainError, type FieldError } from "./domain-error.js";
import { RequestValidationError } from "./validation.js";

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

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** A code as a URI, so `type` identifies the problem kind as RFC 9457 asks. */
export const problemType = (code: string): string =>
  `urn:pingan:problem:${code}`;

const DOMAIN_CODE = /^[A-Z][A-Z0-9_]*(\.[A-Z0-9_]+)+$/;

const reason = (status: number): string => STATUS_CODES[status] ?? "Error";

const make = (
  status: number,
  code: string,
  detail: string,
  extra: Partial<ProblemDetails> = {},
): ProblemDetails => ({
  type: problemType(code),
  title: extra.title ?? reason(status),
  status,
  code,
  detail,
  ...(extra.errors ? { errors: extra.errors } : {}),
});

/**
 * Errors from other libraries may not extend our DomainError class (a second copy of the
 * module, or their own base class); a dotted upper-case `code` is enough to trust them.
 */
function asDomainError(error: unknown): DomainError | undefined {
  if (error instanceof DomainError) return error;
  if (!(error instanceof Error)) return undefined;
  const candidate = error as Error & { code?: unknown; status?: unknown };
  if (typeof candidate.code !== "string" || !DOMAIN_CODE.test(candidate.code))
    return undefined;
  const fallback = candidate.code.endsWith(".NOT_FOUND") ? 404 : 422;
  const status =
    typeof candidate.status === "number" &&
    candidate.status >= 400 &&
    candidate.status < 500
      ? candidate.status
      : fallback;
  return Object.assign(
    new DomainError(candidate.code, error.message, { status }),
    { errors: (error as DomainError).errors },
  );
}

/** HttpException messages: Nest puts a string or a string[] under `message`. */
function httpDetail(exception: HttpException): string {
  const body = exception.getResponse();
  if (typeof body === "string") return body;
  const message = (body as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join("; ");
  return typeof message === "string" ? message : exception.message;
}

/** 'NOT_FOUND' for 404, from Nest's HttpStatus enum. */
const statusName = (status: number): string =>
  (HttpStatus as unknown as Record<number, string>)[status] ?? String(status);

/**
 * Maps anything thrown while handling a request to problem details. Pure, so the mapping
 * is unit-tested; `internal` tells the filter to log the error with its stack.
 */
export function toProblemDetails(error: unknown): {
  problem: ProblemDetails;
  internal: boolean;
} {
  if (error instanceof RequestValidationError) {
    return {
      problem: make(
        400,
        "VALIDATION.FAILED",
        "The request is not valid; see errors for the fields at fault.",
        { errors: error.errors },
      ),
      internal: false,
    };
  }
  // By name, so the event store's own ConcurrencyError class needs no import here.
  if (error instanceof Error && error.name === "ConcurrencyError") {
    return {
      problem: make(
        409,
        "STREAM.CONCURRENCY_CONFLICT",
        "The case was changed by someone else in the meantime; reload it and try again.",
      ),
      internal: false,
    };
  }
  const domain = asDomainError(error);
  if (domain) {
    return {
      problem: make(domain.status, domain.code, domain.message, {
        title: domain.title,
        errors: domain.errors,
      }),
      internal: false,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status < 500)
      return {
        problem: make(status, `HTTP.${statusName(status)}`, httpDetail(error)),
        internal: false,
      };
    return {
      problem: make(status, `HTTP.${statusName(status)}`, reason(status)),
      internal: true,
    };
  }
  // body-parser and friends: http-errors with `expose` set are safe to show.
  const httpError = error as {
    status?: unknown;
    expose?: unknown;
    message?: unknown;
    type?: unknown;
  };
  if (
    typeof httpError?.status === "number" &&
    httpError.status >= 400 &&
    httpError.status < 500 &&
    httpError.expose === true
  ) {
    const code =
      httpError.type === "entity.parse.failed"
        ? "REQUEST.MALFORMED"
        : `HTTP.${statusName(httpError.status)}`;
    return {
      problem: make(httpError.status, code, String(httpError.message)),
      internal: false,
    };
  }
  return {
    problem: make(
      500,
      "INTERNAL",
      "An unexpected error occurred. It has been logged.",
    ),
    internal: true,
  };
}
