import { v7 as uuidv7 } from 'uuid';
import { afterCommit, type Database } from './database.js';
import { ConcurrencyError } from './errors.js';
import { eventStoreMigrations } from './migrations/index.js';
import { CONFLICT_SQLSTATE, assertSchemaName } from './schema.js';
import { runMigrations } from './schema-migrations.js';
import type { AppendedEvent, AppendOptions, AppendResult, NewEvent, Position, Query, StoredEvent } from './types.js';
import { upcast, type Upcaster } from './upcasting.js';

export interface EventStoreOptions {
  db: Database;
  /** PostgreSQL schema holding this service's store, e.g. 'incidents'. */
  schema: string;
  /** Bounded context name written into every envelope, e.g. 'incidents'. */
  context: string;
  clock?: () => Date;
  upcasters?: readonly Upcaster[];
  /** Called after every successful append, e.g. to wake the outbox relay. */
  onAppended?: () => void;
  /**
   * Runs in the append's own transaction, after the events are written: what must commit with
   * them or not at all (the legal clocks the events start or stop). Its failure undoes the append.
   */
  withinAppend?: (events: readonly AppendedEvent[], query: Query) => Promise<void>;
}

interface EventRow {
  global_position: string;
  transaction_id: string;
  event_id: string;
  stream_id: string;
  stream_type: string;
  version: number;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: { actor: StoredEvent['actor']; correlationId: string; causationId: string | null };
  occurred_at: Date;
  recorded_at: Date;
  hash: string;
}

const EVENT_COLUMNS = `global_position::text, transaction_id::text, event_id::text, stream_id, stream_type, version,
  type, schema_version, data, metadata, occurred_at, recorded_at, hash`;

const expectedParam = (expected: AppendOptions['expectedVersion']): number =>
  expected === 'no_stream' ? -1 : expected === 'any' ? -2 : expected;

/** The event store of one service: streams of events in its own schema of PostgreSQL. */
export class PostgresEventStore {
  readonly schema: string;
  readonly context: string;
  private readonly clock: () => Date;
  private readonly upcasters: readonly Upcaster[];

  constructor(private readonly options: EventStoreOptions) {
    this.schema = assertSchemaName(options.schema);
    this.context = options.context;
    this.clock = options.clock ?? (() => new Date());
    this.upcasters = options.upcasters ?? [];
  }

  get db(): Database {
    return this.options.db;
  }

  /**
   * The same store appending and reading inside the caller's transaction. `onAppended` waits for
   * that transaction's commit (afterCommit): called at once, it would wake the relay and the
   * projections before the events are visible, and they would sleep a poll interval.
   */
  using(query: Query): PostgresEventStore {
    const { onAppended } = this.options;
    return new PostgresEventStore({
      ...this.options,
      db: { query, transaction: (work) => work(query) },
      onAppended: onAppended && (() => afterCommit(query, onAppended)),
    });
  }

  /**
   * Applies the store's migrations (eventStoreMigrations) to its schema, for a store used on its
   * own; ServiceRuntime applies them with the rest of the schema's. Instances take turns.
   */
  async migrate(): Promise<void> {
    await runMigrations(this.db, this.schema, eventStoreMigrations);
  }

  /**
   * Appends events to a stream if it is at the expected version, in one round trip.
   * Throws ConcurrencyError when it is not. All events of one call commit together.
   */
  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    const within = this.options.withinAppend;
    const result = within
      ? await this.db.transaction(async (query) => {
          const { result, appended } = await this.insert(query, streamId, events, options);
          await within(appended, query);
          return result;
        })
      : (await this.insert(this.db.query, streamId, events, options)).result;
    this.options.onAppended?.();
    return result;
  }

  private async insert(
    query: Query,
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<{ result: AppendResult; appended: AppendedEvent[] }> {
    const now = this.clock();
    const metadata = { actor: options.actor, correlationId: options.correlationId, causationId: options.causationId ?? null };
    const eventIds = events.map(() => uuidv7());
    const occurredAt = events.map((e) => (e.occurredAt ?? now).toISOString());
    let rows: { next_version: number; first_position: string; last_position: string }[];
    try {
      rows = await query(
        `SELECT next_version, first_position::text, last_position::text
           FROM ${this.schema}.append_events($1, $2, $3, $4::uuid[], $5::text[], $6::int[], $7::jsonb[], $8::jsonb[], $9::timestamptz[], $10)`,
        [
          streamId,
          options.streamType,
          expectedParam(options.expectedVersion),
          eventIds,
          events.map((e) => e.type),
          events.map((e) => e.schemaVersion ?? 1),
          events.map((e) => JSON.stringify(e.data)),
          events.map(() => JSON.stringify(metadata)),
          occurredAt,
          now.toISOString(),
        ],
      );
    } catch (error) {
      if (isConflict(error)) throw new ConcurrencyError(streamId, String(options.expectedVersion));
      throw error;
    }
    const [row] = rows;
    const firstVersion = row.next_version - events.length + 1;
    return {
      result: { nextExpectedVersion: row.next_version, firstGlobalPosition: row.first_position, lastGlobalPosition: row.last_position },
      appended: events.map((e, i) => ({
        eventId: eventIds[i],
        type: e.type,
        data: e.data,
        streamId,
        streamType: options.streamType,
        version: firstVersion + i,
        occurredAt: occurredAt[i],
        correlationId: options.correlationId,
      })),
    };
  }

  /** A stream's events in order, optionally from a version on (inclusive). */
  async readStream(streamId: string, options: { fromVersion?: number } = {}): Promise<StoredEvent[]> {
    const rows = await this.db.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.schema}.events
        WHERE stream_id = $1 AND version >= $2 ORDER BY version`,
      [streamId, options.fromVersion ?? 1],
    );
    return rows.map((r) => this.toStoredEvent(r));
  }

  /**
   * Events of every stream in commit order, after a position, only where no earlier transaction
   * can still commit: rows of transactions older than the oldest running one. A reader that
   * trusted the global position alone would skip rows committed late by a slower writer.
   */
  async readAll(options: { after: Position; limit: number }): Promise<StoredEvent[]> {
    // `e.` matters: unqualified, ORDER BY would sort by the selected text columns of the same
    // names ('1001' < '999'), not by the numbers.
    const rows = await this.db.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.schema}.events e
        WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
          AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY e.transaction_id, e.global_position
        LIMIT $3`,
      [options.after.transactionId, options.after.globalPosition, options.limit],
    );
    return rows.map((r) => this.toStoredEvent(r));
  }

  private toStoredEvent(row: EventRow): StoredEvent {
    const { schemaVersion, data } = upcast(this.upcasters, row.type, row.schema_version, row.data);
    return {
      eventId: row.event_id,
      type: row.type,
      schemaVersion,
      context: this.context,
      streamId: row.stream_id,
      streamType: row.stream_type,
      version: row.version,
      globalPosition: row.global_position,
      transactionId: row.transaction_id,
      occurredAt: new Date(row.occurred_at).toISOString(),
      recordedAt: new Date(row.recorded_at).toISOString(),
      actor: row.metadata.actor,
      correlationId: row.metadata.correlationId,
      causationId: row.metadata.causationId,
      data,
      hash: row.hash,
    };
  }
}

/** The position just after an event, for checkpoints. */
export const positionOf = (event: Pick<StoredEvent, 'transactionId' | 'globalPosition'>): Position => ({
  transactionId: event.transactionId,
  globalPosition: event.globalPosition,
});

function isConflict(error: unknown): boolean {
  const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
  // PA409 from the append function; 23505 when two writers create the same stream at once
  return code === CONFLICT_SQLSTATE || code === '23505';
}
