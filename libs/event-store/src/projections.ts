import { randomUUID } from 'node:crypto';
import type { Query } from './types.js';
import { CreateProjectionCheckpoints1796184001000 } from './migrations/index.js';
import { positionOf, type PostgresEventStore } from './postgres-event-store.js';
import { runMigrations, type SchemaMigration } from './schema-migrations.js';
import { START, type Position, type StoredEvent } from './types.js';

/** A read model kept in the service's schema, fed from the store in commit order. */
export interface Projection {
  /** Stable name: the checkpoint is kept under it. */
  name: string;
  /** The read model's tables, as migrations in the service's schema (ServiceRuntime runs them at start). */
  migrations?: readonly SchemaMigration[];
  /** Empty the read model (for a rebuild). */
  reset(query: Query): Promise<void>;
  /** Apply one event; runs in the same transaction as the checkpoint update. */
  apply(event: StoredEvent, query: Query): Promise<void>;
}

/**
 * Runs one projection: reads batches after its checkpoint, applies them and moves the
 * checkpoint in one transaction, so a crash never applies an event twice or skips one.
 *
 * One runner per projection, however many replicas share the schema: a lease in the checkpoint
 * row (as the outbox relay has; no advisory lock, PGlite serves one session). It is set by the
 * database clock, claimed with a guarded UPDATE, renewed as the projector works, handed back on
 * stop (a projector that was never started holds it only for one pass) and taken over once expired.
 * Every batch is fenced: its transaction first locks the row where this instance is the owner and
 * the checkpoint is still the one the batch was read after, so a holder that lost its lease (or a
 * batch overtaken by a rebuild) applies nothing.
 */
export class Projector {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private again: Promise<number> | null = null;
  private readonly instanceId: string;
  private leader = false;
  private leaseValidUntil = 0; // local monotonic ms; renewed well before it
  private rowReady = false; // the checkpoint row exists (it is never deleted)

  constructor(
    private readonly store: PostgresEventStore,
    private readonly projection: Projection,
    private readonly options: {
      batchSize?: number;
      pollMs?: number;
      /** How long a pass waits for events committed before it to become readable (default 5 s). */
      visibilityWaitMs?: number;
      /** How long the lease lasts unrenewed: a crashed holder is replaced after at most this. Default 10 s. */
      leaseMs?: number;
      instanceId?: string;
    } = {},
  ) {
    this.instanceId = options.instanceId ?? randomUUID();
  }

  private get table(): string {
    return `${this.store.schema}.projection_checkpoints`;
  }

  private get leaseMs(): number {
    return this.options.leaseMs ?? 10_000;
  }

  /** Applies the checkpoint table's and the read model's migrations, for a projector used on its own. */
  async migrate(): Promise<void> {
    await runMigrations(this.store.db, this.store.schema, [
      CreateProjectionCheckpoints1796184001000,
      ...(this.projection.migrations ?? []),
    ]);
  }

  async checkpoint(query: Query = this.store.db.query): Promise<Position> {
    const [row] = await query<{ tx: string; pos: string }>(
      `SELECT transaction_id::text AS tx, global_position::text AS pos FROM ${this.table} WHERE name = $1`,
      [this.projection.name],
    );
    return row ? { transactionId: row.tx, globalPosition: row.pos } : START;
  }

  /** Whether this instance held the projection's lease at its last claim or batch. */
  isLeader(): boolean {
    return this.leader;
  }

  /**
   * Resolves once everything committed before the call has been applied (bounded by the
   * visibility wait), with how many events this instance applied. The lease holder applies;
   * a standby waits for the holder's checkpoint to reach what was committed (or takes the lease
   * over if it expires meanwhile).
   * One pass at a time, whoever asks (the poller, an append, a query that must read its own
   * writes): a call during a pass gets one more pass after it, shared by all such callers, so
   * it never returns before what was committed when it was called has been applied.
   */
  catchUp(): Promise<number> {
    return this.pass(true);
  }

  private pass(waitForLeader: boolean): Promise<number> {
    if (!this.running) {
      this.running = this.drain(waitForLeader).finally(() => (this.running = null));
      return this.running;
    }
    this.again ??= this.running
      .catch(() => 0)
      .then(() => {
        this.again = null;
        return this.pass(true);
      });
    return this.again;
  }

  /** The newest event committed now (null: none). */
  private async lastCommitted(): Promise<Position | null> {
    const [row] = await this.store.db.query<{ tx: string; pos: string }>(
      `SELECT transaction_id::text AS tx, global_position::text AS pos FROM ${this.store.schema}.events
        ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
    );
    return row ? { transactionId: row.tx, globalPosition: row.pos } : null;
  }

  private async drain(waitForLeader: boolean): Promise<number> {
    try {
      return await this.drainUnderLease(waitForLeader);
    } finally {
      // Not polling: nobody would renew the lease, so hand it back after the pass.
      if (!this.timer) await this.release();
    }
  }

  private async drainUnderLease(waitForLeader: boolean): Promise<number> {
    const batchSize = this.options.batchSize ?? 500;
    // readAll only returns transactions below the snapshot's xmin (so it never skips one still
    // in flight), and xmin is held back by ANY open transaction of the cluster, even in another
    // database. So "nothing readable" may still mean "committed, not yet readable": the pass
    // waits (bounded) until what was committed when it began has been applied.
    const target = await this.lastCommitted();
    const waitUntil = Date.now() + (this.options.visibilityWaitMs ?? 5_000);
    let pause = 5;
    const waitABit = async (): Promise<void> => {
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 50);
    };
    let applied = 0;
    for (;;) {
      if (!(await this.holdLease())) {
        // A standby: the holder applies; wait for its checkpoint to pass what was committed.
        if (!waitForLeader || target === null || Date.now() >= waitUntil) return applied;
        if (!isBefore(await this.checkpoint(), target)) return applied;
        await waitABit();
        continue;
      }
      const after = await this.checkpoint();
      const events = await this.store.readAll({ after, limit: batchSize });
      if (events.length === 0) {
        if (target === null || !isBefore(after, target) || Date.now() >= waitUntil) return applied;
        await waitABit();
        continue;
      }
      if (!(await this.applyBatch(after, events))) {
        // Fenced out: the lease went to another instance, or a rebuild moved the checkpoint. Claim afresh.
        this.leader = false;
        this.leaseValidUntil = 0;
        continue;
      }
      applied += events.length;
      const reached = target === null || !isBefore(positionOf(events[events.length - 1]), target);
      if (events.length < batchSize && reached) return applied;
    }
  }

  /** Applies a batch and moves the checkpoint, only while this instance owns the lease and the checkpoint is still `after`. */
  private async applyBatch(after: Position, events: StoredEvent[]): Promise<boolean> {
    const startedAt = performance.now();
    const fenced = await this.store.db.transaction(async (query) => {
      // Locks the row first (a rebuild locks it first too, so the two never deadlock) and renews the lease.
      const held = await query(
        `WITH held AS (
           UPDATE ${this.table} SET lease_until = now() + make_interval(secs => $5 / 1000.0)
            WHERE name = $1 AND lease_owner = $2 AND transaction_id = $3::xid8 AND global_position = $4
            RETURNING name)
         SELECT * FROM held`,
        [this.projection.name, this.instanceId, after.transactionId, after.globalPosition, this.leaseMs],
      );
      if (held.length === 0) return false;
      for (const event of events) await this.projection.apply(event, query);
      const last = positionOf(events[events.length - 1]);
      await query(`UPDATE ${this.table} SET transaction_id = $2::xid8, global_position = $3, updated_at = now() WHERE name = $1`, [
        this.projection.name,
        last.transactionId,
        last.globalPosition,
      ]);
      return true;
    });
    if (fenced) this.leaseValidUntil = startedAt + this.leaseMs;
    return fenced;
  }

  /** True while this instance holds the lease: renews it at a third of its time, or takes it if free or expired. */
  private async holdLease(): Promise<boolean> {
    if (this.leader && performance.now() < this.leaseValidUntil - (2 * this.leaseMs) / 3) return true;
    if (!this.rowReady) {
      await this.store.db.query(
        `INSERT INTO ${this.table} (name, transaction_id, global_position) VALUES ($1, $2::xid8, $3) ON CONFLICT DO NOTHING`,
        [this.projection.name, START.transactionId, START.globalPosition],
      );
      this.rowReady = true;
    }
    const startedAt = performance.now();
    // A plain guarded UPDATE: while another instance holds the lease it matches nothing, without
    // waiting on the holder's batch (an upsert would lock the row to test its condition).
    const rows = await this.store.db.query(
      `WITH claimed AS (
         UPDATE ${this.table} SET lease_owner = $2, lease_until = now() + make_interval(secs => $3 / 1000.0)
          WHERE name = $1 AND (lease_owner IS NULL OR lease_owner = $2 OR lease_until < now())
          RETURNING name)
       SELECT * FROM claimed`,
      [this.projection.name, this.instanceId, this.leaseMs],
    );
    this.leader = rows.length > 0;
    this.leaseValidUntil = this.leader ? startedAt + this.leaseMs : 0;
    return this.leader;
  }

  /** Hands the lease back so a standby takes over at once (it would expire anyway). */
  private async release(): Promise<void> {
    if (!this.leader) return;
    this.leader = false;
    this.leaseValidUntil = 0;
    await this.store.db
      .query(`UPDATE ${this.table} SET lease_owner = NULL, lease_until = NULL WHERE name = $1 AND lease_owner = $2`, [
        this.projection.name,
        this.instanceId,
      ])
      .catch(() => undefined); // unreleased, it expires after leaseMs
  }

  /**
   * Drops the read model's rows and replays the whole store into it (the lease holder replays;
   * elsewhere this waits for it, as catchUp does).
   */
  async rebuild(): Promise<number> {
    await this.store.db.transaction(async (query) => {
      // The checkpoint row first, as a batch locks it: a batch in flight ends before the reset, or is fenced out after it.
      await query(
        `INSERT INTO ${this.table} (name, transaction_id, global_position) VALUES ($1, $2::xid8, $3)
         ON CONFLICT (name) DO UPDATE SET transaction_id = EXCLUDED.transaction_id, global_position = EXCLUDED.global_position,
           updated_at = now()`,
        [this.projection.name, START.transactionId, START.globalPosition],
      );
      await this.projection.reset(query);
    });
    return this.catchUp();
  }

  start(): void {
    const pollMs = this.options.pollMs ?? 200;
    const tick = (): void => {
      // A standby's tick only tries the lease: it has nobody waiting for the holder's progress.
      this.pass(false)
        .catch(() => undefined) // a failed pass is retried on the next tick
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, pollMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Stops polling after the pass in flight and hands the lease back. */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.again?.catch(() => 0);
    await this.running?.catch(() => 0);
    await this.release();
  }
}

/** Commit order: transaction id, then position. */
function isBefore(a: Position, b: Position): boolean {
  const [at, bt] = [BigInt(a.transactionId), BigInt(b.transactionId)];
  return at !== bt ? at < bt : BigInt(a.globalPosition) < BigInt(b.globalPosition);
}
