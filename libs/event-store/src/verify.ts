import { createHash } from 'node:crypto';
import type { Database } from './database.js';
import { ANCHOR_STREAM_ID, ANCHOR_EVENT_TYPE, type ChainHeadsAnchored } from './anchoring.js';
import { GENESIS_HASH, assertSchemaName } from './schema.js';

export type TamperKind = 'edited' | 'deleted' | 'reordered' | 'truncated';

export interface TamperFinding {
  streamId: string;
  version: number;
  kind: TamperKind;
  detail: string;
}

export interface VerifyReport {
  ok: boolean;
  streams: number;
  events: number;
  findings: TamperFinding[];
}

interface Row {
  global_position: string;
  event_id: string;
  stream_id: string;
  version: number;
  type: string;
  schema_version: number;
  occurred: string;
  recorded: string;
  data_text: string;
  metadata_text: string;
  prev_hash: string;
  hash: string;
}

/**
 * Recomputes every stream's hash chain in TypeScript (independently of the database's own
 * append function) and compares it with the stream heads and the anchored heads.
 * Reports an edited row (hash mismatch), a deleted one (gap or broken link), a reordered one
 * (positions out of version order), and deleted newest rows (head or anchor ahead of the rows).
 */
export async function verifyEventStore(db: Database, schema: string, options: { streamId?: string } = {}): Promise<VerifyReport> {
  const s = assertSchemaName(schema);
  const where = options.streamId ? 'WHERE stream_id = $1' : '';
  const params = options.streamId ? [options.streamId] : [];
  const rows = await db.query<Row>(
    `SELECT global_position::text, event_id::text, stream_id, version, type, schema_version,
            to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred,
            to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS recorded,
            data::text AS data_text, metadata::text AS metadata_text, prev_hash, hash
       FROM ${s}.events ${where} ORDER BY stream_id, version`,
    params,
  );
  const heads = await db.query<{ stream_id: string; version: number; head_hash: string }>(
    `SELECT stream_id, version, head_hash FROM ${s}.streams ${where}`,
    params,
  );

  const findings: TamperFinding[] = [];
  const byStream = new Map<string, Row[]>();
  for (const row of rows) {
    const list = byStream.get(row.stream_id) ?? [];
    list.push(row);
    byStream.set(row.stream_id, list);
  }

  const lastSeen = new Map<string, { version: number; hash: string }>();
  for (const [streamId, events] of byStream) {
    let prevHash = GENESIS_HASH;
    let prevPosition = -1n;
    events.forEach((row, index) => {
      const expectedVersion = index + 1;
      if (row.version !== expectedVersion && !findings.some((f) => f.streamId === streamId && f.kind === 'deleted')) {
        findings.push({ streamId, version: expectedVersion, kind: 'deleted', detail: `version ${expectedVersion} is missing` });
      }
      if (chainHash(row.prev_hash, row) !== row.hash) {
        findings.push({ streamId, version: row.version, kind: 'edited', detail: 'content does not match its hash' });
      } else if (row.prev_hash !== prevHash) {
        findings.push({ streamId, version: row.version, kind: 'deleted', detail: 'link to the previous event is broken' });
      }
      const position = BigInt(row.global_position);
      if (position < prevPosition) {
        findings.push({ streamId, version: row.version, kind: 'reordered', detail: 'stored out of version order' });
      }
      prevPosition = position;
      prevHash = row.hash;
    });
    const last = events[events.length - 1];
    lastSeen.set(streamId, { version: last.version, hash: last.hash });
  }

  for (const head of heads) {
    const seen = lastSeen.get(head.stream_id);
    if (!seen || seen.version < head.version) {
      findings.push({
        streamId: head.stream_id,
        version: (seen?.version ?? 0) + 1,
        kind: 'truncated',
        detail: `stream head is at version ${head.version}, events end at ${seen?.version ?? 0}`,
      });
    } else if (seen.version === head.version && seen.hash !== head.head_hash) {
      findings.push({ streamId: head.stream_id, version: head.version, kind: 'edited', detail: 'stream head hash differs' });
    }
  }

  // Anchors survive an attacker who deletes the newest events and rewinds the stream head too.
  for (const anchor of byStream.get(ANCHOR_STREAM_ID) ?? []) {
    if (anchor.type !== ANCHOR_EVENT_TYPE) continue;
    const { heads: anchored } = JSON.parse(anchor.data_text) as ChainHeadsAnchored;
    for (const h of anchored) {
      if (options.streamId && h.streamId !== options.streamId) continue;
      const event = byStream.get(h.streamId)?.find((e) => e.version === h.version);
      if (!event) {
        findings.push({ streamId: h.streamId, version: h.version, kind: 'truncated', detail: `anchored version ${h.version} is gone` });
      } else if (event.hash !== h.hash) {
        findings.push({ streamId: h.streamId, version: h.version, kind: 'edited', detail: 'differs from its anchored hash' });
      }
    }
  }

  const unique = dedupe(findings);
  return { ok: unique.length === 0, streams: byStream.size, events: rows.length, findings: unique };
}

function chainHash(prev: string, row: Row): string {
  const text = [
    prev,
    row.event_id,
    row.stream_id,
    String(row.version),
    row.type,
    String(row.schema_version),
    row.occurred,
    row.recorded,
    row.data_text,
    row.metadata_text,
  ].join('|');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function dedupe(findings: TamperFinding[]): TamperFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.streamId}#${f.version}#${f.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
