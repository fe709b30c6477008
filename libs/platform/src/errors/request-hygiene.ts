import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { defineErrors } from './domain-error.js';

/** What body-parser allows by default (Nest keeps it): said in the 413 a client gets. */
export const JSON_BODY_LIMIT_BYTES = 100 * 1024;
/** Deeper JSON than this is no request of ours (our deepest DTO is 3 levels) and costs recursion further on. */
export const MAX_JSON_DEPTH = 32;

/** Malformed requests, refused before any controller sees them. Codes are stable: clients branch on them. */
export class RequestError extends defineErrors({
  malformed: { code: 'REQUEST.MALFORMED', status: 400 },
  notAnObject: { code: 'REQUEST.NOT_AN_OBJECT', status: 400 },
  invalidText: { code: 'REQUEST.INVALID_TEXT', status: 400 },
  tooDeep: { code: 'REQUEST.TOO_DEEP', status: 400 },
  tooLarge: { code: 'REQUEST.TOO_LARGE', status: 413 },
  unsupportedMediaType: { code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE', status: 415 },
}) {}

// A NUL cannot be stored in a PostgreSQL text column, and a lone surrogate is no Unicode text at all:
// either would fail deep in a handler (a 500), so both are refused up front.
const NUL = '\u0000';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const badTextIn = (text: string): string | undefined => {
  if (text.includes(NUL)) return 'a NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'a lone UTF-16 surrogate';
  return undefined;
};

/** The first string (key or value) in a parsed JSON value that is not storable text, and how deep it nests. */
function inspect(value: unknown): { field: string; problem: string } | { depth: number } {
  let deepest = 0;
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  // Iterative, so a body nested thousands deep is measured without overflowing the stack.
  while (stack.length > 0) {
    const { value: current, path, depth } = stack.pop()!;
    if (typeof current === 'string') {
      const problem = badTextIn(current);
      if (problem) return { field: path || '(body)', problem };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > MAX_JSON_DEPTH) return { depth: deepest };
    for (const [key, child] of Object.entries(current)) {
      const field = path ? `${path}.${key}` : key;
      const problem = badTextIn(key);
      if (problem) return { field, problem };
      stack.push({ value: child, path: field, depth: depth + 1 });
    }
  }
  return { depth: deepest };
}

const hasBody = (req: Request): boolean => Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;

// body-parser reads 'application/json' only; '+json' types are refused rather than silently left unparsed.
const isJson = (contentType: string | undefined): boolean => /^application\/json\s*(;|$)/i.test(contentType ?? '');

/**
 * Refuses, with a 400/415 problem naming what is wrong, every request no handler could serve:
 * a body that is not JSON (or none where one was sent without a type), a NUL or a lone surrogate
 * in the path, the query or any string of the body, JSON nested deeper than MAX_JSON_DEPTH.
 * Runs after the body parser (an app-level middleware) and before routing, in every app
 * (the gateway and each service alike), so the distributed mode refuses what the embedded one does.
 */
@Injectable()
export class RequestHygieneMiddleware implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    let path: string;
    try {
      path = decodeURIComponent(req.originalUrl.split('?')[0]);
    } catch {
      throw new RequestError('REQUEST.MALFORMED', 'The path is not valid percent-encoded UTF-8.', [
        { field: '(path)', code: 'INVALID_ENCODING', message: 'percent-encode the path as UTF-8' },
      ]);
    }
    const inPath = badTextIn(path);
    if (inPath) throw invalidText('(path)', inPath);

    const query = inspect(req.query);
    if ('field' in query) throw invalidText(`query.${query.field}`, query.problem);

    if (hasBody(req) && !isJson(req.headers['content-type'])) {
      const sent = req.headers['content-type'] ? `'${req.headers['content-type']}'` : 'no Content-Type';
      throw new RequestError(
        'REQUEST.UNSUPPORTED_MEDIA_TYPE',
        `The body must be JSON sent as 'application/json'; this request has ${sent}.`,
        [{ field: '(content-type)', code: 'UNSUPPORTED_MEDIA_TYPE', message: "set 'Content-Type: application/json'" }],
      );
    }
    // Every body of this API is one JSON object. A list where it belongs would reach class-transformer as
    // an array of DTOs and class-validator as no object at all: refused here, for every route alike.
    if (hasBody(req) && (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body))) {
      const sent = Array.isArray(req.body) ? 'a list' : req.body === null ? 'null' : `a ${typeof req.body}`;
      throw new RequestError('REQUEST.NOT_AN_OBJECT', `The body must be one JSON object; this request sent ${sent}.`, [
        { field: '(body)', code: 'NOT_AN_OBJECT', message: 'send one JSON object: {…}' },
      ]);
    }
    const body = inspect(req.body);
    if ('field' in body) throw invalidText(body.field, body.problem);
    if (body.depth > MAX_JSON_DEPTH) {
      throw new RequestError('REQUEST.TOO_DEEP', `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels.`, [
        { field: '(body)', code: 'TOO_DEEP', message: `nest at most ${MAX_JSON_DEPTH} levels` },
      ]);
    }
    next();
  }
}

function invalidText(field: string, problem: string): RequestError {
  return new RequestError('REQUEST.INVALID_TEXT', `${field} contains ${problem}, which is not text this API accepts.`, [
    { field, code: 'INVALID_TEXT', message: `remove ${problem}` },
  ]);
}
