import {
  BadRequestException,
  NotFoundException,
  PayloadTooLargeException,
  ServiceUnavailableException,
  UnsupportedMediaTypeException,
  type ValidationError,
} from '@nestjs/common';
import { ConcurrencyError } from '@pingan/event-store';
import { DomainError, ForbiddenError, NotFoundError } from './domain-error.js';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable, problemType, toProblemDetails } from './problem-details.js';
import { RequestValidationError, flattenValidationErrors } from './validation.js';

describe('toProblemDetails', () => {
  it('maps a domain error to its code, status (default 422) and message', () => {
    const { problem, internal } = toProblemDetails(new DomainError('INCIDENT.ALREADY_CLOSED', 'Incident 110-1 is closed'));
    expect(problem).toEqual({
      type: problemType('INCIDENT.ALREADY_CLOSED'),
      title: 'Unprocessable Entity',
      status: 422,
      code: 'INCIDENT.ALREADY_CLOSED',
      detail: 'Incident 110-1 is closed',
      // No field at fault: the precondition not met, by its code.
      errors: [{ code: 'INCIDENT.ALREADY_CLOSED', message: 'Incident 110-1 is closed' }],
    });
    expect(internal).toBe(false);
  });

  it('honours the status of domain error subclasses and explicit statuses', () => {
    expect(toProblemDetails(new NotFoundError('INCIDENT.NOT_FOUND', 'no such incident')).problem.status).toBe(404);
    expect(toProblemDetails(new ForbiddenError('ACCESS.DENIED', 'not your region')).problem.status).toBe(403);
    expect(
      toProblemDetails(
        new DomainError('DISPUTE.DUPLICATE', 'dup', {
          status: 409,
          title: 'Duplicate',
        }),
      ).problem,
    ).toMatchObject({
      status: 409,
      title: 'Duplicate',
    });
  });

  it('accepts foreign errors that carry a dotted upper-case code', () => {
    const foreign = Object.assign(new Error('deadline already met'), {
      code: 'DEADLINE.ALREADY_MET',
      status: 409,
    });
    expect(toProblemDetails(foreign).problem).toMatchObject({
      status: 409,
      code: 'DEADLINE.ALREADY_MET',
      detail: 'deadline already met',
    });
    const notFound = Object.assign(new Error('no such clock'), {
      code: 'DEADLINE.NOT_FOUND',
    });
    expect(toProblemDetails(notFound).problem.status).toBe(404);
    expect(toProblemDetails(Object.assign(new Error('bad rule'), { code: 'DEADLINE.UNKNOWN_RULE' })).problem.status).toBe(422);
    // Node's and pg's codes ('ECONNREFUSED', '23505') are not domain codes: they stay internal.
    const pgError = Object.assign(new Error('duplicate key value violates unique constraint "x"'), { code: '23505' });
    expect(toProblemDetails(pgError)).toMatchObject({
      problem: { status: 500, code: 'INTERNAL' },
      internal: true,
    });
  });

  it('maps any error named ConcurrencyError to 409 STREAM.CONCURRENCY_CONFLICT', () => {
    expect(toProblemDetails(new ConcurrencyError('incident-1', '3')).problem).toMatchObject({
      status: 409,
      code: 'STREAM.CONCURRENCY_CONFLICT',
    });
    const foreign = new Error('version 3 expected, found 4');
    foreign.name = 'ConcurrencyError';
    expect(toProblemDetails(foreign)).toMatchObject({
      problem: { status: 409, code: 'STREAM.CONCURRENCY_CONFLICT' },
      internal: false,
    });
  });

  it('maps validation failures to 400 VALIDATION.FAILED with the fields at fault', () => {
    const errors: ValidationError[] = [
      {
        property: 'hospitalId',
        constraints: { isNotEmpty: 'hospitalId should not be empty' },
        children: [],
      },
      {
        property: 'extra',
        constraints: { whitelistValidation: 'property extra should not exist' },
        children: [],
      },
      {
        property: 'victims',
        children: [
          {
            property: '0',
            children: [
              {
                property: 'age',
                constraints: { isInt: 'age must be an integer number' },
              },
            ],
          },
        ],
      },
    ];
    const { problem } = toProblemDetails(new RequestValidationError(flattenValidationErrors(errors)));
    expect(problem).toMatchObject({
      status: 400,
      code: 'VALIDATION.FAILED',
      title: 'Bad Request',
    });
    expect(problem.errors).toEqual([
      {
        field: 'hospitalId',
        code: 'IS_NOT_EMPTY',
        message: 'hospitalId should not be empty',
      },
      {
        field: 'extra',
        code: 'NOT_ALLOWED',
        message: 'property extra should not exist',
      },
      {
        field: 'victims.0.age',
        code: 'IS_INT',
        message: 'age must be an integer number',
      },
    ]);
  });

  it('keeps client-side HttpException messages and hides server-side ones', () => {
    expect(toProblemDetails(new NotFoundException('Cannot GET /nope')).problem).toMatchObject({
      status: 404,
      code: 'HTTP.NOT_FOUND',
      detail: 'Cannot GET /nope',
    });
    expect(toProblemDetails(new BadRequestException(['a is bad', 'b is bad'])).problem.detail).toBe('a is bad; b is bad');
    const hidden = toProblemDetails(new ServiceUnavailableException('pool exhausted at 10.0.0.5'));
    expect(hidden).toMatchObject({
      problem: { status: 503, detail: 'Service Unavailable' },
      internal: true,
    });
  });

  it('maps malformed JSON bodies to 400 REQUEST.MALFORMED', () => {
    // What Nest's Express adapter makes of body-parser's error.
    const parseError = Object.assign(new SyntaxError('Unexpected token } in JSON'), { status: 400, type: 'entity.parse.failed' });
    const wrapped = new BadRequestException(parseError.message, { cause: parseError });
    expect(toProblemDetails(wrapped).problem).toMatchObject({
      status: 400,
      code: 'REQUEST.MALFORMED',
      errors: [{ field: '(body)', code: 'MALFORMED' }],
    });
  });

  it('maps a path Express cannot percent-decode to 400 REQUEST.MALFORMED naming the path', () => {
    const uriError = Object.assign(new URIError("Failed to decode param '%E0%A4%A'"), { status: 400 });
    expect(toProblemDetails(new BadRequestException(uriError.message, { cause: uriError })).problem).toMatchObject({
      status: 400,
      code: 'REQUEST.MALFORMED',
      errors: [{ field: '(path)', code: 'INVALID_ENCODING' }],
    });
  });

  it('states the body limit in the 413, and a charset body-parser cannot read is a 415', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { type: 'entity.too.large', limit: 102400, length: 204800 });
    expect(toProblemDetails(new PayloadTooLargeException(tooLarge.message, { cause: tooLarge })).problem).toMatchObject({
      status: 413,
      code: 'REQUEST.TOO_LARGE',
      detail: 'The body is 204800 bytes; the limit is 102400 bytes (100 KiB).',
      errors: [{ field: '(body)', code: 'TOO_LARGE', message: 'send at most 102400 bytes' }],
    });
    const charset = Object.assign(new Error('unsupported charset "LATIN1"'), { type: 'charset.unsupported' });
    expect(toProblemDetails(new UnsupportedMediaTypeException(charset.message, { cause: charset })).problem).toMatchObject({
      status: 415,
      code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    });
  });

  it('answers unknown errors with 500 and no internals', () => {
    const { problem, internal } = toProblemDetails(new TypeError("Cannot read properties of undefined (reading 'secret')"));
    expect(problem).toEqual({
      type: problemType('INTERNAL'),
      title: 'Internal Server Error',
      status: 500,
      code: 'INTERNAL',
      detail: 'An unexpected error occurred. It has been logged.',
    });
    expect(internal).toBe(true);
    expect(toProblemDetails('a string').problem.status).toBe(500);
    expect(toProblemDetails(undefined).problem.status).toBe(500);
  });

  describe('a database outage', () => {
    // What pg and TypeORM throw when the server is down, restarting or cut off (TypeORM keeps pg's error as driverError).
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const terminated = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const queryFailed = Object.assign(new Error('terminating connection due to administrator command'), {
      name: 'QueryFailedError',
      driverError: terminated,
    });
    const cases: unknown[] = [
      refused,
      terminated,
      queryFailed,
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
      Object.assign(new Error('sorry, too many clients already'), { code: '53300' }),
      Object.assign(new Error('connection failure'), { code: '08006' }),
      new AggregateError([refused], ''),
      new Error('query failed', { cause: refused }),
    ];

    it.each(cases.map((error) => [String((error as Error).message || (error as Error).name), error]))(
      'is 503 SERVICE.UNAVAILABLE with Retry-After, never a 500: %s',
      (_name, error) => {
        expect(isDatabaseUnavailable(error)).toBe(true);
        expect(toProblemDetails(error)).toMatchObject({
          problem: { status: 503, code: 'SERVICE.UNAVAILABLE', title: 'Service Unavailable' },
          internal: true, // logged with its stack: the operator must know
          retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
        });
        expect(toProblemDetails(error).problem.detail).not.toMatch(/127\.0\.0\.1|5432|administrator/);
      },
    );

    it('is told from a fault of the statement, which stays a 500', () => {
      for (const error of [
        Object.assign(new Error('duplicate key value violates unique constraint "x"'), { code: '23505' }),
        Object.assign(new Error('syntax error at or near "SELEC"'), { code: '42601' }),
        new TypeError('x is undefined'),
      ]) {
        expect(isDatabaseUnavailable(error)).toBe(false);
        expect(toProblemDetails(error).problem.status).toBe(500);
      }
    });
  });

  it('passes on when to retry, for errors that know it', () => {
    const held = Object.assign(new DomainError('ACCESS.LOGIN_THROTTLED', 'wait', { status: 429 }), { retryAfterSeconds: 7 });
    expect(toProblemDetails(held)).toMatchObject({ problem: { status: 429 }, retryAfterSeconds: 7 });
    expect(toProblemDetails(new DomainError('X.Y', 'no wait')).retryAfterSeconds).toBeUndefined();
  });
});
