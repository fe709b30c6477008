import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { NOTIFICATIONS_CONTEXT } from '@pingan/contracts';
import { isRegionCode, regionPrefix, type Principal } from '@pingan/access';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { ITEM_COLUMNS, SCHEMA, toItem, type NotificationItem } from '../inbox/notification-store.js';

/** A new notification with whom it is for, as the hub hands it to the open streams. */
export interface LiveRow {
  item: NotificationItem;
  organisationId: string | null;
  audienceRegion: string | null;
  roles: string[];
}

export type LiveListener = (rows: readonly LiveRow[]) => void;

/** The same rule as the inbox's SQL (notification-store VISIBLE), for one row in memory. */
export function visibleTo(principal: Principal, row: LiveRow): boolean {
  const own = row.organisationId === principal.organisationId;
  const regional =
    row.organisationId === null &&
    row.audienceRegion !== null &&
    isRegionCode(principal.organisationRegion) &&
    row.audienceRegion.startsWith(regionPrefix(principal.organisationRegion));
  return (own || regional) && (row.roles.length === 0 || row.roles.some((r) => (principal.roles as string[]).includes(r)));
}

/**
 * One reader of new notifications per process, fanning out to every open stream: it reads rows
 * past its high-water mark (sequence numbers commit in order: see insertNotification), woken by
 * this process's router and polling for other instances' writes.
 */
@Injectable()
export class LiveHub implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('LiveHub');
  private readonly listeners = new Set<LiveListener>();
  private highWater = 0;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(@InjectRuntime(NOTIFICATIONS_CONTEXT) private readonly runtime: ServiceRuntime) {}

  async onApplicationBootstrap(): Promise<void> {
    const [row] = await this.runtime.db.query<{ seq: number }>(`SELECT COALESCE(max(seq), 0)::int AS seq FROM ${SCHEMA}.notifications`);
    this.highWater = row.seq;
    this.timer = setInterval(() => this.wake(), 500);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
  }

  /**
   * The newest sequence number committed: a stream that starts now continues after it. While no
   * stream is open the hub reads nothing, so its own mark moves up to this one here.
   */
  async currentPosition(): Promise<number> {
    const [row] = await this.runtime.db.query<{ seq: number }>(`SELECT COALESCE(max(seq), 0)::int AS seq FROM ${SCHEMA}.notifications`);
    if (this.listeners.size === 0 && !this.running) this.highWater = Math.max(this.highWater, row.seq);
    return row.seq;
  }

  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Read now (new rows were committed, or may have been); nothing to do while no stream is open. */
  wake(): void {
    if (this.stopped || this.listeners.size === 0) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.read()
      .catch((error: unknown) => this.log.warn(`reading new notifications: ${String(error)}`))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async read(): Promise<void> {
    for (;;) {
      const rows = await this.runtime.db.query<Record<string, unknown>>(
        `SELECT ${ITEM_COLUMNS}, n.audience_region AS "audienceRegion", n.roles
           FROM ${SCHEMA}.notifications n LEFT JOIN ${SCHEMA}.notification_reads r ON false
          WHERE n.seq > $1 ORDER BY n.seq LIMIT 500`,
        [this.highWater],
      );
      if (rows.length === 0) return;
      const live = rows.map(({ audienceRegion, roles, ...columns }) => ({
        // The frame is the inbox item, nothing more (whom it is for stays here).
        item: toItem(columns as unknown as Parameters<typeof toItem>[0]),
        organisationId: (columns.organisationId as string | null) ?? null,
        audienceRegion: (audienceRegion as string | null) ?? null,
        roles: roles as string[],
      }));
      this.highWater = live[live.length - 1].item.seq;
      for (const listener of this.listeners) listener(live);
      if (rows.length < 500) return;
    }
  }
}
