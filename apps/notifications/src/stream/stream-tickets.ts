import { createHash, randomBytes } from 'node:crypto';
import type { Query } from '@pingan/event-store';
import { UnauthenticatedError, type Principal } from '@pingan/access';
import { SCHEMA } from '../inbox/notification-store.js';

/** How long a ticket opens the stream (EventSource's own reconnects within it need no new one). */
export const TICKET_TTL_MS = 60_000;

const hash = (ticket: string): string => createHash('sha256').update(ticket, 'utf8').digest('hex');

/**
 * Stream tickets: EventSource cannot send an Authorization header, so the console trades its
 * access token for a random ticket that only opens `GET /notifications/stream`, for a minute.
 * Stored as a hash with the principal (every instance of the service accepts it); the stream it
 * opens still ends when the access token it was issued for expires.
 */
export const streamTickets = {
  async issue(query: Query, principal: Principal, now: Date): Promise<{ ticket: string; expiresAt: Date }> {
    const ticket = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Math.min(now.getTime() + TICKET_TTL_MS, principal.expiresAt.getTime()));
    await query(`DELETE FROM ${SCHEMA}.stream_tickets WHERE expires_at < $1`, [now]);
    await query(`INSERT INTO ${SCHEMA}.stream_tickets (ticket_hash, principal, expires_at) VALUES ($1, $2, $3)`, [
      hash(ticket),
      JSON.stringify(principal),
      expiresAt,
    ]);
    return { ticket, expiresAt };
  },

  async redeem(query: Query, ticket: string, now: Date): Promise<Principal> {
    const [row] = await query<{ principal: Principal & { expiresAt: string } }>(
      `SELECT principal FROM ${SCHEMA}.stream_tickets WHERE ticket_hash = $1 AND expires_at > $2`,
      [hash(ticket), now],
    );
    // Like any failed authentication: 401 ACCESS.UNAUTHENTICATED, nothing said about why (get a new ticket).
    if (!row) throw new UnauthenticatedError();
    return { ...row.principal, expiresAt: new Date(row.principal.expiresAt) };
  },
};
