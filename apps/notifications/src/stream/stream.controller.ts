import { Controller, Get, HttpCode, Inject, Post, Query as QueryParam, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ACCESS_TOKEN_VERIFIER, AccessTokenVerifier, CurrentPrincipal, Public, UnauthenticatedError, type Principal } from '@pingan/access';
import { NOTIFICATIONS_CONTEXT } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { visibleItems, type NotificationItem } from '../inbox/notification-store.js';
import { LiveHub, visibleTo, type LiveRow } from './live-hub.js';
import { streamTickets } from './stream-tickets.js';

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]+)$/;
const HEARTBEAT_MS = 15_000;

const frame = (item: NotificationItem): string => `id: ${item.seq}\nevent: notification\ndata: ${JSON.stringify(item)}\n\n`;

/** The live stream of a user's notifications (Server-Sent Events); docs/notifications.md has the protocol. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class StreamController {
  constructor(
    @InjectRuntime(NOTIFICATIONS_CONTEXT) private readonly runtime: ServiceRuntime,
    @Inject(ACCESS_TOKEN_VERIFIER) private readonly verifier: AccessTokenVerifier,
    private readonly hub: LiveHub,
  ) {}

  /** A one-minute ticket that opens the stream (EventSource cannot send the Authorization header). */
  @Post('stream-tickets')
  @HttpCode(201)
  async ticket(@CurrentPrincipal() principal: Principal): Promise<{ ticket: string; expiresAt: string; url: string }> {
    const { ticket, expiresAt } = await streamTickets.issue(this.runtime.db.query, principal, this.runtime.clock());
    return { ticket, expiresAt: expiresAt.toISOString(), url: `/notifications/stream?ticket=${ticket}` };
  }

  /**
   * Opens the stream with `?ticket=` (browsers) or an Authorization header (other clients).
   * Resumes after `Last-Event-ID` (header, as EventSource sends it on reconnect) or `?lastEventId=`.
   */
  @Public()
  @Get('stream')
  @ApiProduces('text/event-stream')
  @ApiQuery({ name: 'ticket', required: false })
  @ApiQuery({ name: 'lastEventId', required: false })
  @ApiOkResponse({ description: 'text/event-stream: `event: ready`, then `event: notification` frames (id = sequence number)' })
  async stream(
    @Req() req: Request,
    @Res() res: Response,
    @QueryParam('ticket') ticket?: string,
    @QueryParam('lastEventId') lastEventIdParam?: string,
  ): Promise<void> {
    const principal = await this.authenticate(req, ticket);
    const resumeText = (req.headers['last-event-id'] as string | undefined) ?? lastEventIdParam;
    const resumeFrom = resumeText !== undefined && /^\d{1,15}$/.test(resumeText.trim()) ? Number(resumeText.trim()) : null;

    res.status(200);
    res.setHeader('content-type', 'text/event-stream; charset=utf-8');
    res.setHeader('cache-control', 'no-cache, no-transform');
    res.setHeader('x-accel-buffering', 'no'); // proxies (nginx) must not hold the frames back
    res.flushHeaders();

    // Registered before the backlog is read: anything committed meanwhile is buffered, then sent once.
    let cursor = resumeFrom ?? (await this.hub.currentPosition());
    let buffered: LiveRow[] | null = [];
    const send = (rows: readonly LiveRow[]) => {
      for (const row of rows) {
        if (row.item.seq <= cursor || !visibleTo(principal, row)) continue;
        res.write(frame(row.item));
        cursor = row.item.seq;
      }
    };
    const unsubscribe = this.hub.subscribe((rows) => (buffered ? buffered.push(...rows) : send(rows)));
    const heartbeat = setInterval(() => res.write(`: keep-alive\n\n`), HEARTBEAT_MS);
    // The stream lives no longer than the access token behind it: access ends when the token does.
    const expiry = setTimeout(
      () => {
        res.write(`event: expired\ndata: {}\n\n`);
        res.end();
      },
      Math.max(0, principal.expiresAt.getTime() - Date.now()),
    );
    const close = () => {
      unsubscribe();
      clearInterval(heartbeat);
      clearTimeout(expiry);
    };
    req.on('close', close);

    try {
      res.write(`retry: 3000\n\n`);
      // From Last-Event-ID, or from where the stream stood when it opened (what committed since is here too).
      for (;;) {
        const backlog = await visibleItems(this.runtime.db.query, principal, { afterSeq: cursor, limit: 500, order: 'asc' });
        for (const item of backlog) res.write(frame(item));
        if (backlog.length > 0) cursor = backlog[backlog.length - 1].seq;
        if (backlog.length < 500) break;
      }
      res.write(`id: ${cursor}\nevent: ready\ndata: ${JSON.stringify({ lastEventId: cursor })}\n\n`);
      const pending = buffered;
      buffered = null;
      send(pending);
    } catch (error) {
      close();
      res.destroy(error as Error);
    }
  }

  private async authenticate(req: Request, ticket: string | undefined): Promise<Principal> {
    if (ticket) return streamTickets.redeem(this.runtime.db.query, ticket, this.runtime.clock());
    const match = typeof req.headers.authorization === 'string' ? BEARER.exec(req.headers.authorization) : null;
    if (!match) throw new UnauthenticatedError();
    return this.verifier.verify(match[1]);
  }
}
