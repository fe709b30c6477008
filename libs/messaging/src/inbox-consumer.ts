import { Logger } from '@nestjs/common';
import type { EventEnvelope } from '@pingan/contracts';
import { runMigrations, type Database, type Query } from '@pingan/event-store';
import type { DeliveryMeta, MessageBus, Subscription } from './message-bus.js';
import { messagingMigrations } from './migrations/index.js';
import { assertSchema } from './schema.js';
import { backoff, errorInfo, sleep } from './timing.js';

/** The subscriber's effect. `query` runs inside the transaction that also records the event in the inbox. */
export type InboxHandler = (envelope: EventEnvelope, query: Query) => Promise<void>;

export interface InboxConsumerOptions {
  bus: MessageBus;
  db: Database;
  /** The consumer's own schema, holding its inbox table. */
  schema: string;
  group: string;
  topics: string[];
  handle: InboxHandler;
  /** Attempts before a message is dead-lettered. Default 3. */
  maxAttempts?: number;
  /** First retry delay; doubles each attempt. Default 100 ms. Keep the total well under the Kafka session timeout. */
  retryDelayMs?: number;
}

export type ProcessOutcome = 'handled' | 'duplicate' | 'dead-lettered';

/** The handler itself failed (as opposed to the database around it). */
class HandlerError extends Error {
  constructor(readonly original: unknown) {
    super(errorInfo(original).message);
  }
}

/**
 * Exactly-once effects over at-least-once delivery: the handler runs in one transaction with the
 * insert of (consumer_group, event_id) into the inbox; an event already there is skipped.
 * Both transports deliver through `process`, so the embedded mode runs the same path as Kafka.
 */
export class InboxConsumer {
  private readonly log: Logger;
  private subscription: Subscription | null = null;
  private readonly schema: string;

  constructor(private readonly options: InboxConsumerOptions) {
    this.schema = assertSchema(options.schema);
    this.log = new Logger(`InboxConsumer:${options.group}`);
  }

  /** Applies the messaging migrations (inbox, relay checkpoints) to its schema, for use on its own; ServiceRuntime runs them at start. */
  async migrate(): Promise<void> {
    await runMigrations(this.options.db, this.schema, messagingMigrations);
  }

  async start(): Promise<void> {
    if (this.subscription) return;
    const { bus, group, topics } = this.options;
    this.subscription = await bus.subscribe({
      group,
      topics,
      handle: async (envelope, meta) => {
        await this.process(envelope, meta);
      },
    });
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.close();
  }

  /**
   * Applies one delivered envelope. Retries a failing handler a few times, then dead-letters the
   * message and reports it done, so the partition moves on. Throws only when the infrastructure
   * fails (database or dead-letter topic unreachable): the bus then keeps the offset and retries.
   */
  async process(envelope: EventEnvelope, meta: DeliveryMeta): Promise<ProcessOutcome> {
    const maxAttempts = this.options.maxAttempts ?? 3;
    let lastError: unknown;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        return (await this.applyOnce(envelope)) ? 'handled' : 'duplicate';
      } catch (err) {
        if (!(err instanceof HandlerError)) throw err;
        lastError = err.original;
        this.log.warn(`${envelope.type} ${envelope.eventId} attempt ${attempt}/${maxAttempts}: ${err.message}`);
        if (attempt < maxAttempts) await sleep(backoff(attempt, this.options.retryDelayMs ?? 100, 2_000));
      }
    }
    // The handler's own queries fail when the database is down; that is no reason to dead-letter.
    await this.options.db.query('SELECT 1');
    await this.options.bus.publishDeadLetter({
      ...meta,
      group: this.options.group,
      envelope,
      error: errorInfo(lastError),
      attempts: maxAttempts,
      failedAt: new Date().toISOString(),
    });
    this.log.error(`${envelope.type} ${envelope.eventId} dead-lettered: ${errorInfo(lastError).message}`);
    return 'dead-lettered';
  }

  /** One transaction: claim the event in the inbox, then apply it. False when it was applied before. */
  private applyOnce(envelope: EventEnvelope): Promise<boolean> {
    const { db, group, handle } = this.options;
    return db.transaction(async (query) => {
      // A concurrent delivery of the same event (rebalance) blocks here until the first commits, then skips.
      const claimed = await query(
        `INSERT INTO ${this.schema}.inbox (consumer_group, event_id, event_type) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [group, envelope.eventId, envelope.type],
      );
      if (claimed.length === 0) return false;
      try {
        await handle(envelope, query);
      } catch (err) {
        throw new HandlerError(err);
      }
      return true;
    });
  }
}
