import { createHash } from 'node:crypto';
import { SYSTEM_ACTOR } from '@pingan/contracts';
import type { PostgresEventStore } from './postgres-event-store.js';
import { START, type Position } from './types.js';

export const ANCHOR_STREAM_ID = '$chain-anchors';
export const ANCHOR_EVENT_TYPE = 'ChainHeadsAnchored';

export interface AnchoredHead {
  streamId: string;
  version: number;
  hash: string;
}

/** Data of a ChainHeadsAnchored event: the heads that moved since the previous anchor. */
export interface ChainHeadsAnchored {
  /** Commit-safe position the anchor covers (see readAll): later anchors continue from it. */
  upTo: Position;
  heads: AnchoredHead[];
  /** sha256 over the sorted heads: one value that other services and oversight can keep. */
  root: string;
  [key: string]: unknown;
}

/**
 * Records the current head of every stream that changed since the last anchor as an event.
 * The event goes out on the bus like any other, so copies live outside this database:
 * deleting the newest events of a stream (and rewinding its head) no longer goes unnoticed.
 * Returns null when nothing changed.
 */
export async function anchorChainHeads(store: PostgresEventStore): Promise<ChainHeadsAnchored | null> {
  const s = store.schema;
  const [last] = await store.db.query<{ up_to: Position }>(
    `SELECT data->'upTo' AS up_to FROM ${s}.events WHERE stream_id = $1 ORDER BY version DESC LIMIT 1`,
    [ANCHOR_STREAM_ID],
  );
  const from = last?.up_to ?? START;
  const heads = await store.db.query<{ stream_id: string; version: number; hash: string; tx: string; position: string }>(
    `SELECT DISTINCT ON (stream_id) stream_id, version, hash, transaction_id::text AS tx, global_position::text AS position
       FROM ${s}.events
      WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
        AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        AND stream_id <> $3
      ORDER BY stream_id, version DESC`,
    [from.transactionId, from.globalPosition, ANCHOR_STREAM_ID],
  );
  if (heads.length === 0) return null;
  const newest = heads.reduce((a, b) =>
    BigInt(b.tx) > BigInt(a.tx) || (b.tx === a.tx && BigInt(b.position) > BigInt(a.position)) ? b : a,
  );
  const anchored = heads.map((h) => ({ streamId: h.stream_id, version: h.version, hash: h.hash }));
  const data: ChainHeadsAnchored = {
    upTo: { transactionId: newest.tx, globalPosition: newest.position },
    heads: anchored,
    root: createHash('sha256')
      .update(anchored.map((h) => `${h.streamId}:${h.version}:${h.hash}`).join('\n'))
      .digest('hex'),
  };
  await store.append(ANCHOR_STREAM_ID, [{ type: ANCHOR_EVENT_TYPE, data }], {
    streamType: 'chain-anchors',
    expectedVersion: 'any',
    actor: SYSTEM_ACTOR,
    correlationId: ANCHOR_STREAM_ID,
  });
  return data;
}
