import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const CORRELATION_HEADER = 'x-correlation-id';

// Anything else (too long, control characters) would let a caller forge log lines.
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request's correlation id: the caller's `x-correlation-id` when it is sane, else a new
 * UUID. Echoed in the response so the caller can quote it. pino-http stores it as `req.id`.
 */
export function correlationIdFor(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers[CORRELATION_HEADER];
  const id = typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
  res.setHeader(CORRELATION_HEADER, id);
  return id;
}

/** For handlers: `correlationIdOf(req)` (set by the logging middleware for every request). */
export const correlationIdOf = (req: IncomingMessage): string | undefined => {
  const id = (req as IncomingMessage & { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
};
