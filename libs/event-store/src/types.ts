import type { Actor, EventEnvelope } from '@pingan/contracts';

/** Database access the store needs: a pg-style query function (TypeORM's DataSource.query fits). */
export type Query = <Row = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<Row[]>;

/**
 * What the caller expects of the stream before appending:
 * - 'no_stream': it must not exist yet (the first event of a new case);
 * - 'any': append regardless;
 * - a number: the stream's current version must be exactly this.
 */
export type ExpectedVersion = 'no_stream' | 'any' | number;

/** An event the caller wants to append: its type, data and, optionally, when it happened. */
export interface NewEvent<Data = Record<string, unknown>> {
  type: string;
  data: Data;
  schemaVersion?: number; // default 1
  occurredAt?: Date; // default: the store's clock
}

export interface AppendOptions {
  streamType: string;
  expectedVersion: ExpectedVersion;
  actor: Actor;
  correlationId: string;
  causationId?: string | null;
}

export interface AppendResult {
  nextExpectedVersion: number; // the stream's version after the append
  firstGlobalPosition: string;
  lastGlobalPosition: string;
}

/** An event as the append just wrote it (what must commit with it can depend on these). */
export interface AppendedEvent {
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  streamId: string;
  streamType: string;
  version: number;
  occurredAt: string; // ISO 8601 UTC
  correlationId: string;
}

/** A stored event: the envelope that goes to Kafka, plus the store's hash. */
export type StoredEvent<Data = Record<string, unknown>> = EventEnvelope<Data> & { hash: string; transactionId: string };

/**
 * Commit-safe position in the whole store: (transaction id, global position).
 * Readers only see rows whose transaction is older than every transaction still running,
 * so a position once passed is never filled in behind the reader.
 */
export interface Position {
  transactionId: string; // xid8 as decimal string
  globalPosition: string; // bigint as decimal string
}

export const START: Position = { transactionId: '0', globalPosition: '0' };
