import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { EventEnvelope } from '@pingan/contracts';
import { runMigrations, type Database, type Position, type StoredEvent } from '@pingan/event-store';
import type { MessageBus } from './message-bus.js';
import { messagingMigrations } from './migrations/index.js';
import { assertSchema } from './schema.js';
import { Alarm, backoff, errorInfo, sleep } from './timing.js';

/** What the relay needs of an event store: commit-safe rows after a position, in commit order. */
export interface RelaySource {
  readAll(opts: { after: Position; limit: number }): Promise<StoredEvent[]>;
}

export interface OutboxRelayOptions {
  /** Names the checkpoint row, e.g. 'incidents-outbox'. One relay per name runs at a time. */
  name: string;
  source: RelaySource;
  bus: MessageBus;
  db: Database;
  schema: string;
  batchSize?: number; // default 500
  pollIntervalMs?: number; // idle wait between reads; default 100
  /** How long a lease lasts unrenewed: a crashed holder is replaced after at most this. Default 10 s. */
  leaseMs?: number;
  instanceId?: string;
  /** Which events leave the store (default: all); the others are passed over, checkpoint and all. */
  publishes?: (event: StoredEvent) => boolean;
}

export interface RelayStatus {
  leader: boolean;
  checkpoint: Position | null;
  published: number; // envelopes published by this instance
  lastError: string | null;
}

/**
 * Publishes a store's events to the bus in commit order, at least once.
 *
 * One relay per store, by a lease row in `relay_checkpoints` rather than an advisory lock: the
 * Database seam has no session to hold a session-level lock on, and PGlite (embedded mode) serves one
 * session at a time. The lease is set by the database clock (`now()`), renewed as the relay works,
 * and taken over by a standby once it expired, so a crashed holder stops blocking after `leaseMs`.
 * Every checkpoint write is fenced by the owner column: a holder that lost its lease (paused
 * past expiry) cannot move the checkpoint, and only re-publishes a batch, which consumers dedupe.
 */
export class OutboxRelay {
  private readonly log: Logger;
  private readonly schema: string;
  private readonly instanceId: string;
  private readonly alarm = new Alarm();
  private running = false;
  private loop: Promise<void> | null = null;
  private leaseValidUntil = 0; // local monotonic ms; renew well before it
  private state: RelayStatus = { leader: false, checkpoint: null, published: 0, lastError: null };

  constructor(private readonly options: OutboxRelayOptions) {
    this.schema = assertSchema(options.schema);
    this.instanceId = options.instanceId ?? randomUUID();
    this.log = new Logger(`OutboxRelay:${options.name}`);
  }

  /** Applies the messaging migrations (inbox, relay checkpoints) to its schema, for use on its own; ServiceRuntime runs them at start. */
  async migrate(): Promise<void> {
    await runMigrations(this.options.db, this.schema, messagingMigrations);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after the batch in flight and hands the lease back, so a standby takes over at once. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.alarm.wake();
    await this.loop;
    this.loop = null;
    if (this.state.leader) {
      this.state.leader = false;
      await this.options.db
        .query(
          `UPDATE ${this.schema}.relay_checkpoints SET lease_owner = NULL, lease_until = NULL
                WHERE relay_name = $1 AND lease_owner = $2`,
          [this.options.name, this.instanceId],
        )
        .catch((err) => this.log.warn(`releasing the lease: ${errorInfo(err).message}`));
    }
  }

  /** Cuts the idle wait short: the store calls this after an append. */
  wake(): void {
    this.alarm.wake();
  }

  status(): RelayStatus {
    return { ...this.state, checkpoint: this.state.checkpoint && { ...this.state.checkpoint } };
  }

  private async run(): Promise<void> {
    const batchSize = this.options.batchSize ?? 500;
    const pollMs = this.options.pollIntervalMs ?? 100;
    const leaseMs = this.options.leaseMs ?? 10_000;
    let failures = 0;
    while (this.running) {
      try {
        // Renew at a third of the lease, so a slow publish still finishes inside it.
        if (performance.now() > this.leaseValidUntil - (2 * leaseMs) / 3) {
          const checkpoint = await this.claimLease(leaseMs);
          if (!checkpoint) {
            if (this.state.leader) this.log.warn('lost the relay lease; standing by');
            this.state.leader = false;
            await this.alarm.wait(Math.min(leaseMs / 4, 1_000));
            continue;
          }
          // On taking over, the stored checkpoint is the truth (another instance may have moved it).
          if (!this.state.leader) {
            this.log.log(`took the relay lease at ${checkpoint.transactionId}/${checkpoint.globalPosition}`);
            this.state.checkpoint = checkpoint;
          }
          this.state.leader = true;
        }
        const after = this.state.checkpoint!;
        const batch = await this.options.source.readAll({ after, limit: batchSize });
        if (batch.length > 0) {
          // One publish per batch: the bus keeps the order per key. On error the same batch is retried.
          const outgoing = this.options.publishes ? batch.filter(this.options.publishes) : batch;
          if (outgoing.length > 0) await this.options.bus.publish(outgoing.map(toEnvelope));
          const last = batch[batch.length - 1];
          const position = { transactionId: last.transactionId, globalPosition: last.globalPosition };
          if (!(await this.advance(position, leaseMs))) {
            this.log.warn('lost the relay lease before checkpointing; standing by');
            this.state.leader = false;
            this.leaseValidUntil = 0;
            continue;
          }
          this.state.checkpoint = position;
          this.state.published += outgoing.length;
        }
        failures = 0;
        this.state.lastError = null;
        if (batch.length < batchSize) await this.alarm.wait(pollMs);
      } catch (err) {
        failures++;
        this.state.lastError = errorInfo(err).message;
        this.log.warn(`attempt ${failures}: ${this.state.lastError}`);
        await sleep(backoff(failures, 100, 5_000));
      }
    }
  }

  /** Takes or renews the lease; returns the stored checkpoint, or null while another instance holds it. */
  private async claimLease(leaseMs: number): Promise<Position | null> {
    const { db, name } = this.options;
    const startedAt = performance.now();
    await db.query(`INSERT INTO ${this.schema}.relay_checkpoints (relay_name) VALUES ($1) ON CONFLICT DO NOTHING`, [name]);
    const rows = await db.query<{ transaction_id: string; global_position: string }>(
      // Wrapped in WITH … SELECT: TypeORM returns [rows, count] for a bare UPDATE, plain rows for a SELECT.
      `WITH claimed AS (
         UPDATE ${this.schema}.relay_checkpoints
            SET lease_owner = $2, lease_until = now() + make_interval(secs => $3 / 1000.0)
          WHERE relay_name = $1 AND (lease_owner IS NULL OR lease_owner = $2 OR lease_until < now())
          RETURNING transaction_id::text, global_position::text)
       SELECT * FROM claimed`,
      [name, this.instanceId, leaseMs],
    );
    if (rows.length === 0) return null;
    this.leaseValidUntil = startedAt + leaseMs;
    return { transactionId: rows[0].transaction_id, globalPosition: rows[0].global_position };
  }

  /** Moves the checkpoint (and renews the lease) only while this instance holds the lease. */
  private async advance(position: Position, leaseMs: number): Promise<boolean> {
    const startedAt = performance.now();
    const rows = await this.options.db.query(
      `WITH advanced AS (
         UPDATE ${this.schema}.relay_checkpoints
            SET transaction_id = $3::xid8, global_position = $4, updated_at = now(),
                lease_until = now() + make_interval(secs => $5 / 1000.0)
          WHERE relay_name = $1 AND lease_owner = $2
          RETURNING relay_name)
       SELECT * FROM advanced`,
      [this.options.name, this.instanceId, position.transactionId, position.globalPosition, leaseMs],
    );
    if (rows.length === 0) return false;
    this.leaseValidUntil = startedAt + leaseMs;
    return true;
  }
}

/** The wire envelope: the stored event without the store's own columns (hash, transaction id). */
export function toEnvelope(event: StoredEvent): EventEnvelope {
  const { hash: _hash, transactionId: _transactionId, ...envelope } = event;
  return envelope;
}
