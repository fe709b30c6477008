import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { NOTIFICATIONS_CONTEXT } from '@pingan/contracts';
import type { Query } from '@pingan/event-store';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { DeliveryFailure, redact, type ChannelKind, type OutboundMessage, type Secrets } from '../channels/channel.js';
import { OUTBOUND_CHANNELS } from '../channels/channels.js';
import { SecretBox } from '../channels/secret-box.js';
import { messageFor } from '../domain/messages.js';
import { ruleById, type Urgency } from '../domain/rules.js';
import { SCHEMA, insertNotification } from '../inbox/notification-store.js';
import { NotificationRouter, notificationIdOf } from '../routing/notification-router.js';
import { ruleBook } from '../rules/rule-book.js';
import { LiveHub } from '../stream/live-hub.js';

export interface DeliverySettings {
  /** How often the worker looks for due deliveries and overdue acknowledgements. */
  pollMs: number;
  /** Retry n waits min(maxDelay, base · 2^(n-1)). */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Attempts before a delivery is dead-lettered. */
  maxAttempts: number;
  timeoutMs: number;
}
export const DELIVERY_SETTINGS = Symbol('pingan.notifications.DeliverySettings');

const int = (value: string | undefined, fallback: number): number => {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : fallback;
};

/** NOTIFICATIONS_RETRY_BASE_MS (5 s), NOTIFICATIONS_RETRY_MAX_MS (10 min), NOTIFICATIONS_MAX_ATTEMPTS (12, about an hour), NOTIFICATIONS_TIMEOUT_MS (10 s). */
export const deliverySettingsFromEnv = (env: NodeJS.ProcessEnv = process.env): DeliverySettings => ({
  pollMs: int(env.NOTIFICATIONS_POLL_MS, 500),
  retryBaseMs: int(env.NOTIFICATIONS_RETRY_BASE_MS, 5_000),
  retryMaxMs: int(env.NOTIFICATIONS_RETRY_MAX_MS, 600_000),
  maxAttempts: int(env.NOTIFICATIONS_MAX_ATTEMPTS, 12),
  timeoutMs: int(env.NOTIFICATIONS_TIMEOUT_MS, 10_000),
});

export const retryDelay = (attempt: number, s: Pick<DeliverySettings, 'retryBaseMs' | 'retryMaxMs'>): number =>
  Math.min(s.retryMaxMs, s.retryBaseMs * 2 ** Math.max(0, attempt - 1));

interface DueDelivery {
  delivery_id: string;
  idempotency_key: string;
  attempts: number;
  channel_id: string;
  kind: ChannelKind;
  channel_name: string;
  settings: Record<string, unknown>;
  sealed_secrets: string;
  organisation_id: string;
  region_code: string;
  notification_id: string;
  rule_id: string;
  urgency: Urgency;
  title: string;
  body: string;
  link: string | null;
  case_number: string | null;
  created_at: Date;
}

/**
 * The outbox's worker: sends each pending delivery through its channel, at least once, with the
 * same idempotency key every time (receivers drop repeats: exactly once in effect); retries with
 * exponential backoff; after `maxAttempts` (or a permanent refusal) the delivery is dead and the
 * region's administrators get a notification. Deliveries are claimed with a lease, so several
 * instances never send one at the same time. It also escalates notifications nobody acknowledged.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('DeliveryWorker');
  private timer: NodeJS.Timeout | null = null;
  private busy: Promise<void> | null = null;
  private stopped = false;
  private again = false;

  constructor(
    @InjectRuntime(NOTIFICATIONS_CONTEXT) private readonly runtime: ServiceRuntime,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
    @Inject(SecretBox) private readonly secrets: SecretBox,
    private readonly router: NotificationRouter,
    private readonly hub: LiveHub,
  ) {}

  onApplicationBootstrap(): void {
    // Woken when this process's router committed deliveries; the poll finds the rest.
    this.router.onDeliveries(() => void this.tick());
    this.timer = setInterval(() => void this.tick(), this.settings.pollMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.busy;
  }

  /** One round now: escalations, then due deliveries (a call during a round asks for one more after it). */
  tick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.busy) {
      this.again = true;
      return this.busy;
    }
    this.busy = this.round()
      .catch((error: unknown) => this.log.warn(`delivery round: ${String(error)}`))
      .finally(() => {
        this.busy = null;
        if (this.again) {
          this.again = false;
          void this.tick();
        }
      });
    return this.busy;
  }

  private async round(): Promise<void> {
    await this.escalateOverdue();
    for (;;) {
      const due = await this.claim();
      if (due.length === 0) return;
      await Promise.all(due.map((d) => this.attempt(d)));
      if (this.stopped) return;
    }
  }

  private claim(): Promise<DueDelivery[]> {
    const now = this.runtime.clock();
    return this.runtime.db
      .query<DueDelivery>(
        `WITH due AS (
         SELECT delivery_id FROM ${SCHEMA}.deliveries
          WHERE status = 'pending' AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until < $1)
          ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED)
       UPDATE ${SCHEMA}.deliveries d SET lease_until = $2 FROM due WHERE d.delivery_id = due.delivery_id
       RETURNING d.delivery_id, d.idempotency_key, d.attempts, d.channel_id,
         (SELECT row_to_json(x) FROM (
            SELECT c.kind, c.name AS channel_name, c.settings, c.sealed_secrets, c.organisation_id, c.region_code,
                   n.notification_id, n.rule_id, n.urgency, n.title, n.body, n.link, n.case_number, n.created_at
              FROM ${SCHEMA}.channels c, ${SCHEMA}.notifications n
             WHERE c.channel_id = d.channel_id AND n.notification_id = d.notification_id) x) AS detail`,
        [now, new Date(now.getTime() + this.settings.timeoutMs * 3)],
      )
      .then((rows) =>
        rows.map((row) => {
          const { detail, ...rest } = row as unknown as { detail: Omit<DueDelivery, 'delivery_id'> } & DueDelivery;
          return { ...rest, ...detail, created_at: new Date(detail.created_at) };
        }),
      );
  }

  private async attempt(d: DueDelivery): Promise<void> {
    const attempt = d.attempts + 1;
    let secrets: Secrets = {};
    try {
      secrets = this.secrets.open(d.channel_id, d.sealed_secrets);
      const message: OutboundMessage = {
        notificationId: d.notification_id,
        ruleId: d.rule_id,
        urgency: d.urgency,
        title: d.title,
        body: d.body,
        link: d.link,
        caseNumber: d.case_number,
        organisationId: d.organisation_id,
        createdAt: d.created_at.toISOString(),
      };
      await OUTBOUND_CHANNELS[d.kind].send(message, d.settings, secrets, {
        idempotencyKey: d.idempotency_key,
        now: this.runtime.clock(),
        timeoutMs: this.settings.timeoutMs,
      });
      const at = this.runtime.clock();
      await this.runtime.db.transaction(async (query) => {
        await query(
          `UPDATE ${SCHEMA}.deliveries SET status = 'delivered', attempts = $2, delivered_at = $3, lease_until = NULL, last_error = NULL WHERE delivery_id = $1`,
          [d.delivery_id, attempt, at],
        );
        await this.logAttempt(query, d.delivery_id, attempt, at, 'delivered', null);
      });
    } catch (error) {
      const failure = error instanceof DeliveryFailure ? error : new DeliveryFailure(`failed: ${(error as Error).name ?? 'error'}`);
      const text = redact(failure.message, secrets);
      const at = this.runtime.clock();
      const dead = failure.permanent || attempt >= this.settings.maxAttempts;
      await this.runtime.db.transaction(async (query) => {
        await query(
          `UPDATE ${SCHEMA}.deliveries SET attempts = $2, last_error = $3, lease_until = NULL,
             status = CASE WHEN $4 THEN 'dead' ELSE 'pending' END, dead_at = CASE WHEN $4 THEN $5::timestamptz END,
             next_attempt_at = $6 WHERE delivery_id = $1`,
          [d.delivery_id, attempt, text, dead, at, new Date(at.getTime() + retryDelay(attempt, this.settings))],
        );
        await this.logAttempt(query, d.delivery_id, attempt, at, dead ? 'dead' : 'failed', text);
        if (dead) await this.alertAdministrators(query, d, text, at);
      });
      if (dead) {
        this.log.error(`delivery ${d.delivery_id} (${d.kind} ${d.channel_id}) dead after ${attempt} attempts: ${text}`);
        this.hub.wake();
      }
    }
  }

  private logAttempt(query: Query, deliveryId: string, attempt: number, at: Date, outcome: string, error: string | null) {
    return query(`INSERT INTO ${SCHEMA}.delivery_attempts (delivery_id, attempt, at, outcome, error) VALUES ($1, $2, $3, $4, $5)`, [
      deliveryId,
      attempt,
      at,
      outcome,
      error,
    ]);
  }

  /** The dead letter's alarm: the system administrators of the channel's region are told (inbox and stream). */
  private async alertAdministrators(query: Query, d: DueDelivery, lastError: string, at: Date): Promise<void> {
    const message = messageFor({
      ruleId: 'delivery-dead-letter',
      type: 'DeliveryDeadLettered',
      context: NOTIFICATIONS_CONTEXT,
      correlationId: d.case_number ?? d.notification_id,
      data: { channelName: d.channel_name, lastError, caseNumber: d.case_number },
      addresseeKind: 'political_legal',
      hospitalName: null,
      linkAllowed: true,
    });
    await insertNotification(query, {
      notificationId: notificationIdOf(d.delivery_id, 'delivery-dead-letter'),
      ruleId: 'delivery-dead-letter',
      urgency: 'high',
      sourceEventId: d.notification_id,
      sourceContext: NOTIFICATIONS_CONTEXT,
      sourceType: 'DeliveryDeadLettered',
      caseNumber: d.case_number,
      regionCode: d.region_code,
      hospitalId: null,
      organisationId: null,
      audienceRegion: d.region_code,
      roles: ['system_administrator'],
      title: message.title,
      body: message.body,
      link: message.link,
      createdAt: at,
      ackDueAt: null,
      escalationOf: null,
    });
  }

  /**
   * Notifications of a rule with an escalation that nobody among the addressees acknowledged in
   * time: the escalation's addressees are told, once per event.
   */
  private async escalateOverdue(): Promise<void> {
    const now = this.runtime.clock();
    // Most rounds have nothing overdue: one indexed look, no transaction (the embedded engine has one session).
    const [due] = await this.runtime.db.query<{ any: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ${SCHEMA}.notifications WHERE ack_due_at <= $1 AND escalated_at IS NULL AND acknowledged_at IS NULL) AS any`,
      [now],
    );
    if (!due.any) return;
    await this.runtime.db.transaction(async (query) => {
      const overdue = await query<{
        source_event_id: string;
        source_context: string;
        source_type: string;
        rule_id: string;
        case_number: string | null;
        hospital_id: string | null;
        region_code: string | null;
        notification_id: string;
      }>(
        `SELECT DISTINCT ON (n.source_event_id, n.rule_id) n.source_event_id, n.source_context, n.source_type, n.rule_id, n.case_number,
                n.hospital_id, n.region_code, n.notification_id
           FROM ${SCHEMA}.notifications n
          WHERE n.ack_due_at <= $1 AND n.escalated_at IS NULL AND n.acknowledged_at IS NULL
          ORDER BY n.source_event_id, n.rule_id, n.seq`,
        [now],
      );
      let made = 0;
      for (const row of overdue) {
        const claimed = await query(
          `UPDATE ${SCHEMA}.notifications SET escalated_at = $3 WHERE source_event_id = $1 AND rule_id = $2 AND escalated_at IS NULL RETURNING acknowledged_at`,
          [row.source_event_id, row.rule_id, now],
        );
        // Somebody acknowledged (another addressee of the same event): nobody needs telling.
        if ((claimed as { acknowledged_at: Date | null }[]).some((r) => r.acknowledged_at !== null)) continue;
        const table = ruleById(row.rule_id);
        if (!table) continue;
        const rule = await ruleBook.effective(query, table, row.region_code);
        if (!rule.escalation) continue;
        made += await this.router.notify(
          query,
          rule,
          { eventId: row.source_event_id, context: row.source_context, type: row.source_type, correlationId: row.case_number ?? '' },
          { caseNumber: row.case_number },
          { hospitalId: row.hospital_id, regionCode: row.region_code, policeUnitIds: [] },
          rule.escalation.to,
          row.notification_id,
        );
      }
      if (made > 0) this.hub.wake();
    });
  }
}
