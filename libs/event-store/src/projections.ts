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
 */
export class Projector {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private again: Promise<number> | null = null;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly projection: Projection,
    private readonly options: {
      batchSize?: number;
      pollMs?: number;
      /** How long a pass waits for events committed before it to become readable (default 5 s). */
      visibilityWaitMs?: number;
    } = {},
  ) {}

  private get table(): string {
    return `${this.store.schema}.projection_checkpoints`;
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

  /**
   * Applies everything visible now; resolves with how many events the pass applied.
   * One pass at a time, whoever asks (the poller, an append, a query that must read its own
   * writes): a call during a pass gets one more pass after it, shared by all such callers, so
   * it never returns before what was committed when it was called has been applied.
   */
  catchUp(): Promise<number> {
    if (!this.running) {
      this.running = this.drain().finally(() => (this.running = null));
      return this.running;
    }
    this.again ??= this.running
      .catch(() => 0)
      .then(() => {
        this.again = null;
        return this.catchUp();
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

  private async drain(): Promise<number> {
    const batchSize = this.options.batchSize ?? 500;
    // readAll only returns transactions below the snapshot's xmin (so it never skips one still
    // in flight), and xmin is held back by ANY open transaction of the cluster, even in another
    // database. So "nothing readable" may still mean "committed, not yet readable": the pass
    // waits (bounded) until what was committed when it began has been applied.
    const target = await this.lastCommitted();
    const waitUntil = Date.now() + (this.options.visibilityWaitMs ?? 5_000);
    let pause = 5;
    let applied = 0;
    for (;;) {
      const after = await this.checkpoint();
      const events = await this.store.readAll({ after, limit: batchSize });
      if (events.length === 0) {
        if (target === null || !isBefore(after, target) || Date.now() >= waitUntil) return applied;
        await new Promise((resolve) => setTimeout(resolve, pause));
        pause = Math.min(pause * 2, 50);
        continue;
      }
      await this.store.db.transaction(async (query) => {
        for (const event of events) await this.projection.apply(event, query);
        const last = positionOf(events[events.length - 1]);
        await query(
          `INSERT INTO ${this.table} (name, transaction_id, global_position, updated_at) VALUES ($1, $2::xid8, $3, now())
           ON CONFLICT (name) DO UPDATE SET transaction_id = EXCLUDED.transaction_id,
             global_position = EXCLUDED.global_position, updated_at = now()`,
          [this.projection.name, last.transactionId, last.globalPosition],
        );
      });
      applied += events.length;
      const reached = target === null || !isBefore(positionOf(events[events.length - 1]), target);
      if (events.length < batchSize && reached) return applied;
    }
  }

  /** Drops the read model's rows and replays the whole store into it. */
  async rebuild(): Promise<number> {
    await this.store.db.transaction(async (query) => {
      await this.projection.reset(query);
      await query(`DELETE FROM ${this.table} WHERE name = $1`, [this.projection.name]);
    });
    return this.catchUp();
  }

  start(): void {
    const pollMs = this.options.pollMs ?? 200;
    const tick = (): void => {
      this.catchUp()
        .catch(() => undefined) // a failed pass is retried on the next tick
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, pollMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.again?.catch(() => 0);
    await this.running?.catch(() => 0);
  }
}

/** Commit order: transaction id, then position. */
function isBefore(a: Position, b: Position): boolean {
  const [at, bt] = [BigInt(a.transactionId), BigInt(b.transactionId)];
  return at !== bt ? at < bt : BigInt(a.globalPosition) < BigInt(b.globalPosition);
}
