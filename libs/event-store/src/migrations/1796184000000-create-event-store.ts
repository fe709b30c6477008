import { sqlMigration } from '../schema-migrations.js';
import { CONFLICT_SQLSTATE, GENESIS_HASH, STREAM_LOCK_CLASS } from '../schema.js';

/**
 * The store's tables and its append function (the SQL of the first version, as applied: a change
 * is a new migration, never an edit of this one).
 * - streams: one row per stream, its version and the head of its hash chain;
 * - events: append-only; `transaction_id` (xid8) lets readers follow commit order (see readAll);
 *   the table doubles as the outbox: the relay publishes from it by a checkpointed position.
 */
export const CreateEventStore1796184000000 = sqlMigration('CreateEventStore1796184000000', (s) => [
  `
CREATE TABLE ${s}.streams (
  stream_id   text PRIMARY KEY,
  stream_type text NOT NULL,
  version     integer NOT NULL,
  head_hash   text NOT NULL
);

CREATE TABLE ${s}.events (
  global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  transaction_id  xid8 NOT NULL DEFAULT pg_current_xact_id(),
  event_id        uuid NOT NULL UNIQUE,
  stream_id       text NOT NULL,
  stream_type     text NOT NULL,
  version         integer NOT NULL,
  type            text NOT NULL,
  schema_version  integer NOT NULL,
  data            jsonb NOT NULL,
  metadata        jsonb NOT NULL,
  occurred_at     timestamptz NOT NULL,
  recorded_at     timestamptz NOT NULL,
  prev_hash       text NOT NULL,
  hash            text NOT NULL,
  UNIQUE (stream_id, version)
);

CREATE INDEX events_commit_order ON ${s}.events (transaction_id, global_position);

-- The chain link: sha256 over the previous hash and the event's canonical text.
-- verify() recomputes the same text in TypeScript from the stored columns.
CREATE OR REPLACE FUNCTION ${s}.event_hash(
  prev text, event_id uuid, stream_id text, version integer, type text, schema_version integer,
  occurred_at timestamptz, recorded_at timestamptz, data jsonb, metadata jsonb
) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws('|',
    prev, event_id::text, stream_id, version::text, type, schema_version::text,
    to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    data::text, metadata::text), 'UTF8')), 'hex')
$$;

-- One round trip per append: the version check, the events, the hash chain and the stream head
-- in a single call (autocommit). p_expected: -1 = no stream yet, -2 = any, n >= 0 = exactly n.
CREATE OR REPLACE FUNCTION ${s}.append_events(
  p_stream_id text, p_stream_type text, p_expected bigint,
  p_event_ids uuid[], p_types text[], p_schema_versions integer[], p_data jsonb[], p_metadata jsonb[],
  p_occurred_at timestamptz[], p_recorded_at timestamptz
) RETURNS TABLE (next_version integer, first_position bigint, last_position bigint)
LANGUAGE plpgsql AS $$
DECLARE
  v_version integer;
  v_hash text;
  v_prev text;
  v_pos bigint;
  v_first bigint;
BEGIN
  -- Serialise writers of one stream BEFORE this transaction takes an id (an advisory lock assigns
  -- none). Readers follow transaction-id order, so a later version must never get an older id:
  -- without this, two writers racing to create a stream could both take ids, and the loser would
  -- write version 2 under a smaller id than the winner's version 1.
  PERFORM pg_advisory_xact_lock(${STREAM_LOCK_CLASS}, hashtext(p_stream_id));
  IF p_expected = -1 OR p_expected = 0 THEN
    INSERT INTO ${s}.streams (stream_id, stream_type, version, head_hash)
    VALUES (p_stream_id, p_stream_type, 0, '${GENESIS_HASH}') ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'stream % already exists', p_stream_id USING ERRCODE = '${CONFLICT_SQLSTATE}';
    END IF;
    v_version := 0;
    v_hash := '${GENESIS_HASH}';
  ELSE
    SELECT version, head_hash INTO v_version, v_hash FROM ${s}.streams WHERE stream_id = p_stream_id FOR UPDATE;
    IF NOT FOUND THEN
      IF p_expected <> -2 THEN
        RAISE EXCEPTION 'stream % does not exist', p_stream_id USING ERRCODE = '${CONFLICT_SQLSTATE}';
      END IF;
      INSERT INTO ${s}.streams (stream_id, stream_type, version, head_hash)
      VALUES (p_stream_id, p_stream_type, 0, '${GENESIS_HASH}') ON CONFLICT DO NOTHING;
      -- lost a race to create it: take the winner's head
      SELECT version, head_hash INTO v_version, v_hash FROM ${s}.streams WHERE stream_id = p_stream_id FOR UPDATE;
    ELSIF p_expected >= 0 AND v_version <> p_expected THEN
      RAISE EXCEPTION 'stream % is at version %, expected %', p_stream_id, v_version, p_expected
        USING ERRCODE = '${CONFLICT_SQLSTATE}';
    END IF;
  END IF;

  FOR i IN 1 .. array_length(p_types, 1) LOOP
    v_version := v_version + 1;
    v_prev := v_hash;
    v_hash := ${s}.event_hash(v_prev, p_event_ids[i], p_stream_id, v_version, p_types[i], p_schema_versions[i],
      p_occurred_at[i], p_recorded_at, p_data[i], p_metadata[i]);
    INSERT INTO ${s}.events (event_id, stream_id, stream_type, version, type, schema_version, data, metadata,
      occurred_at, recorded_at, prev_hash, hash)
    VALUES (p_event_ids[i], p_stream_id, p_stream_type, v_version, p_types[i], p_schema_versions[i], p_data[i],
      p_metadata[i], p_occurred_at[i], p_recorded_at, v_prev, v_hash)
    RETURNING global_position INTO v_pos;
    v_first := coalesce(v_first, v_pos);
  END LOOP;

  UPDATE ${s}.streams SET version = v_version, head_hash = v_hash WHERE stream_id = p_stream_id;
  RETURN QUERY SELECT v_version, v_first, v_pos;
END
$$;
`,
]);
