import { createHash } from 'node:crypto';
import { defineErrors } from '../errors/domain-error.js';

/** The request header (draft-ietf-httpapi-idempotency-key-header). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Set on an answer that is a stored one replayed, not a new execution. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** How a key goes wrong; the codes are stable, clients branch on them. Each names the header as the field. */
export class IdempotencyError extends defineErrors({
  invalidKey: { code: 'REQUEST.IDEMPOTENCY_KEY_INVALID', status: 400 },
  inFlight: { code: 'REQUEST.IDEMPOTENCY_KEY_IN_FLIGHT', status: 409 },
  reused: { code: 'REQUEST.IDEMPOTENCY_KEY_REUSED', status: 422 },
}) {}

const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

type IdempotencyCode = 'REQUEST.IDEMPOTENCY_KEY_INVALID' | 'REQUEST.IDEMPOTENCY_KEY_IN_FLIGHT' | 'REQUEST.IDEMPOTENCY_KEY_REUSED';

/** One of the key's errors, with the header as the field at fault and what to do about it. */
export function idempotencyError(code: IdempotencyCode, message: string, hint: string): IdempotencyError {
  return new IdempotencyError(code, message, [{ field: IDEMPOTENCY_KEY_HEADER, code: code.replace('REQUEST.', ''), message: hint }]);
}

function invalid(message: string): IdempotencyError {
  return idempotencyError(
    'REQUEST.IDEMPOTENCY_KEY_INVALID',
    `The Idempotency-Key header is not a valid key: ${message}.`,
    `send 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters, e.g. a UUID`,
  );
}

/**
 * The key of a request, or undefined when it sends none. The draft makes the value a structured
 * field string (`"8e03978e-…"`); a bare token is accepted too, as most clients send one. Either
 * way it must be 1..255 printable ASCII characters (not only spaces), else 400.
 */
export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (Array.isArray(header)) {
    if (header.length !== 1) throw invalid('the header is sent more than once');
    header = header[0];
  }
  let key = header.trim();
  if (key.length >= 2 && key.startsWith('"') && key.endsWith('"')) {
    const inner = key.slice(1, -1);
    // An sf-string escapes only `"` and `\`; anything else after a backslash is no sf-string.
    if (/\\[^"\\]|\\$/.test(inner.replace(/\\["\\]/g, ''))) throw invalid('a backslash escapes only " and \\ in a quoted key');
    key = inner.replace(/\\(["\\])/g, '$1');
  }
  if (key.trim().length === 0) throw invalid('it is empty');
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) throw invalid(`it is ${key.length} characters long, over ${MAX_IDEMPOTENCY_KEY_LENGTH}`);
  if (!PRINTABLE_ASCII.test(key)) throw invalid('it contains a character that is not printable ASCII');
  return key;
}

/** JSON with object keys sorted, so the same body sent with its fields in another order is the same request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, child]) => child !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, child]) => `${JSON.stringify(name)}:${canonicalJson(child)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** What makes two requests under one key "the same": the query and the body (method and path are the key's scope). */
export function requestFingerprint(query: unknown, body: unknown): string {
  return createHash('sha256')
    .update(canonicalJson({ query: query ?? {}, body: body ?? null }))
    .digest('hex');
}
