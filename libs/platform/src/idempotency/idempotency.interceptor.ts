import { Injectable, Logger, StreamableFile, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC, type RequestWithPrincipal } from '@pingan/access';
import type { Request, Response } from 'express';
import { catchError, concatMap, from, mergeMap, of, throwError, type Observable } from 'rxjs';
import { IDEMPOTENT_REPLAYED_HEADER, idempotencyError, parseIdempotencyKey, requestFingerprint } from './idempotency-key.js';
import { IdempotencyStore, type IdempotencyScope, type StoredAnswer } from './idempotency-store.js';

const COMMAND_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Headers of a first answer a retry needs as well (where the new record is). */
const REPLAYED_HEADERS = ['location', 'content-location'];

/**
 * `Idempotency-Key` on every state-changing route of every app (draft-ietf-httpapi-idempotency-key-header),
 * applied globally by PlatformModule, so a new endpoint needs nothing. Scoped by caller, method and path:
 * - the first request under a key runs; a success (2xx/3xx) is stored with the key for
 *   IDEMPOTENCY_KEY_TTL_MS and replayed to every retry with the same query and body (status, body,
 *   Location; `Idempotent-Replayed: true`), which then changes nothing;
 * - a failed first request (any error answer) is not stored: the command's transaction wrote
 *   nothing, so the key is let go and a retry runs afresh;
 * - the same key with another body: 422 REQUEST.IDEMPOTENCY_KEY_REUSED; while the first is still
 *   running: 409 REQUEST.IDEMPOTENCY_KEY_IN_FLIGHT (Retry-After: 1); a malformed key: 400.
 * Routes without a caller (login, token refresh) ignore the header: their answers are credentials.
 * Requests without the header run as before.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly log = new Logger('Idempotency');

  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const req = http.getRequest<Request & RequestWithPrincipal>();
    const res = http.getResponse<Response>();
    const header = req.headers['idempotency-key'];
    if (header === undefined || !COMMAND_METHODS.has(req.method) || !req.principal) return next.handle();
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return next.handle();

    const key = parseIdempotencyKey(header)!;
    const scope: IdempotencyScope = { caller: req.principal.userId, method: req.method, path: req.originalUrl.split('?')[0], key };
    const fingerprint = requestFingerprint(req.query, req.body);

    return from(this.store.claim(scope, fingerprint)).pipe(
      mergeMap((claimed) => {
        switch (claimed.outcome) {
          case 'replay':
            return of(this.replay(res, claimed.answer));
          case 'reused':
            return throwError(() =>
              idempotencyError(
                'REQUEST.IDEMPOTENCY_KEY_REUSED',
                'This Idempotency-Key was already used for a request with another body; send a new key for a new request.',
                'use a fresh key for each new request',
              ),
            );
          case 'in-flight':
            res.setHeader('Retry-After', '1');
            return throwError(() =>
              idempotencyError(
                'REQUEST.IDEMPOTENCY_KEY_IN_FLIGHT',
                'A request with this Idempotency-Key is still being processed; retry shortly to get its answer.',
                'retry after the first request has answered',
              ),
            );
          case 'claimed':
            return next.handle().pipe(
              concatMap(async (body: unknown) => {
                await this.keep(scope, claimed.claim, res, body);
                return body;
              }),
              catchError((error: unknown) => from(this.store.release(scope, claimed.claim)).pipe(mergeMap(() => throwError(() => error)))),
            );
        }
      }),
    );
  }

  private async keep(scope: IdempotencyScope, claim: string, res: Response, body: unknown): Promise<void> {
    // A file or a stream cannot be kept to be sent again: such an answer is not replayed.
    if (body instanceof StreamableFile || Buffer.isBuffer(body) || typeof (body as { pipe?: unknown } | null)?.pipe === 'function') {
      await this.store.release(scope, claim);
      return;
    }
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = res.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    try {
      await this.store.complete(scope, claim, { status: res.statusCode, headers, body: body === undefined ? null : JSON.stringify(body) });
    } catch (error) {
      // The command is done; its answer still goes out. A retry finds the key in flight, then (after the lease) runs again.
      this.log.warn(`could not keep the answer of ${scope.method} ${scope.path}: ${(error as Error).message}`);
    }
  }

  private replay(res: Response, answer: StoredAnswer): unknown {
    res.status(answer.status);
    for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
    res.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
    return answer.body === null ? undefined : JSON.parse(answer.body);
  }
}
