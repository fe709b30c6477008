import type { OpenAPIObject } from '@nestjs/swagger';
type SchemaObject = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];
import { PROBLEM_CONTENT_TYPE } from '../errors/problem-details.js';
import { JSON_BODY_LIMIT_BYTES, MAX_JSON_DEPTH } from '../errors/request-hygiene.js';
import { IDEMPOTENCY_KEY_HEADER, MAX_IDEMPOTENCY_KEY_LENGTH } from '../idempotency/idempotency-key.js';

type Operation = {
  parameters?: { name?: string; in?: string }[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
  security?: unknown[];
  'x-public'?: boolean;
  'x-roles'?: string[];
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** The one schema every error answers with (RFC 9457 plus our `code` and `errors`), as toProblemDetails makes it. */
export const PROBLEM_SCHEMAS: Record<'ProblemError' | 'ProblemDetails', SchemaObject> = {
  ProblemError: {
    type: 'object',
    description: 'One thing to change: the field at fault, or without `field` the precondition not met (by its code).',
    properties: {
      field: { type: 'string', description: 'Dotted path of the field at fault; (path), (body), (content-type) for the request itself' },
      code: { type: 'string', example: 'IS_NOT_EMPTY' },
      message: { type: 'string', example: 'hospitalId should not be empty' },
    },
    required: ['code', 'message'],
  },
  ProblemDetails: {
    type: 'object',
    description: 'RFC 9457 problem details (application/problem+json). Branch on `code`: it is stable.',
    properties: {
      type: { type: 'string', example: 'urn:pingan:problem:VALIDATION.FAILED' },
      title: { type: 'string', example: 'Bad Request' },
      status: { type: 'integer', example: 400 },
      code: { type: 'string', example: 'VALIDATION.FAILED' },
      detail: { type: 'string', example: 'The request is not valid; see errors for the fields at fault.' },
      instance: { type: 'string', example: '/incidents' },
      errors: { type: 'array', items: { $ref: '#/components/schemas/ProblemError' } },
    },
    required: ['type', 'title', 'status', 'code', 'detail'],
  },
};

const problem = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
});

/** The error answers an operation can give, by what the operation is. */
function errorResponses(path: string, method: string, operation: Operation): Record<string, unknown> {
  const responses: Record<string, unknown> = {
    400: problem(
      `Bad input: VALIDATION.FAILED with the fields at fault, REQUEST.MALFORMED (not JSON), REQUEST.INVALID_TEXT (a NUL or a lone surrogate), REQUEST.TOO_DEEP (JSON nested deeper than ${MAX_JSON_DEPTH} levels), REQUEST.NOT_AN_OBJECT (a body that is not one JSON object)`,
    ),
  };
  if (!operation['x-public']) {
    responses[401] = problem('ACCESS.UNAUTHENTICATED: no valid access token (POST /auth/login)');
    const roles = operation['x-roles'];
    responses[403] = problem(
      roles?.length ? `ACCESS.DENIED: only ${roles.join(', ')}, and only for records of their organisation or region` : 'ACCESS.DENIED',
    );
  }
  // Every operation reads or writes the database: its outage is a 503 the client may retry (the health
  // endpoints answer their own 503 body instead).
  if (!path.startsWith('/health')) {
    responses[503] = problem('SERVICE.UNAVAILABLE: the database cannot be reached just now; retry after the Retry-After seconds');
  }
  if (path.includes('{')) responses[404] = problem('No such record (or none the caller may know of)');
  if (method !== 'get') {
    responses[409] = problem(
      'Changed by someone else in the meantime, or already done; REQUEST.IDEMPOTENCY_KEY_IN_FLIGHT: a request with this Idempotency-Key is still running (Retry-After)',
    );
    responses[422] = problem(
      'Understood, but the rules do not allow it now: `code` and `errors` name the precondition not met; REQUEST.IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was used for another body',
    );
  }
  if (operation.requestBody) {
    responses[413] = problem(`REQUEST.TOO_LARGE: the body is over ${JSON_BODY_LIMIT_BYTES} bytes`);
    responses[415] = problem("REQUEST.UNSUPPORTED_MEDIA_TYPE: a body not sent as 'application/json'");
  }
  return responses;
}

/** The header the IdempotencyInterceptor reads on every command of a caller (docs/api.md). */
const IDEMPOTENCY_KEY_PARAMETER = {
  name: IDEMPOTENCY_KEY_HEADER,
  in: 'header',
  required: false,
  description:
    'A fresh unique value (a UUID) per user action, sent again on its retries: the first answer is stored for 24 h and replayed ' +
    '(`Idempotent-Replayed: true`) for a retry with the same body, which then changes nothing. Errors are not stored. ' +
    'draft-ietf-httpapi-idempotency-key-header; 1..255 printable ASCII characters, bare or as a quoted string.',
  schema: { type: 'string', minLength: 1, maxLength: MAX_IDEMPOTENCY_KEY_LENGTH, example: '8e03978e-40d5-43e8-bc93-6894a57f9324' },
};

/**
 * A success answer no decorator describes still gets a schema: JSON of any shape (a generated
 * client types it `unknown`, and says so, rather than promising nothing comes back).
 */
function describeUndescribedSuccess(method: string, operation: Operation): void {
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    const answer = response as { content?: unknown; description?: string };
    if (!/^2\d\d$/.test(status) || status === '204' || answer.content) continue;
    answer.content = {
      'application/json': {
        schema: method === 'get' ? { description: 'Not described in detail yet' } : { type: 'object', additionalProperties: true },
      },
    };
  }
}

/**
 * What a generated client needs beyond what the decorators say: the problem+json schema and each
 * operation's error answers, public operations without security, so that no error shape is guessed.
 */
export function completeDocument(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...PROBLEM_SCHEMAS } };
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      if (operation['x-public']) operation.security = [];
      else if (method !== 'get' && !operation.parameters?.some((p) => p.in === 'header' && p.name?.toLowerCase() === 'idempotency-key')) {
        operation.parameters = [...(operation.parameters ?? []), IDEMPOTENCY_KEY_PARAMETER];
      }
      // Decorators that describe an error themselves win.
      operation.responses = { ...errorResponses(path, method, operation), ...operation.responses };
      describeUndescribedSuccess(method, operation);
    }
  }
  return document;
}
