import type { SchemaMigration } from '@pingan/event-store';

/**
 * The notifications service's tables. All of them are state derived from other contexts' events
 * (the inbox consumer writes them in the inbox's transaction) or configuration; the only events
 * of this context are acknowledgements (stream `notification-<id>`).
 */
export const CreateNotifications1796184070000: SchemaMigration = {
  name: 'CreateNotifications1796184070000',
  async up(query, s) {
    await query(`
      CREATE TABLE ${s}.directory_organisations (
        organisation_id text PRIMARY KEY,
        kind            text NOT NULL,
        name            text NOT NULL,
        region_code     text NOT NULL,
        parent_id       text,
        details         jsonb NOT NULL,
        active          boolean NOT NULL
      );
      CREATE TABLE ${s}.case_facts (
        case_number     text PRIMARY KEY,
        region_code     text,
        hospital_id     text,
        police_unit_ids text[] NOT NULL DEFAULT '{}'
      );
      CREATE TABLE ${s}.notifications (
        seq              bigserial UNIQUE,
        notification_id  uuid PRIMARY KEY,
        rule_id          text NOT NULL,
        urgency          text NOT NULL,
        source_event_id  uuid NOT NULL,
        source_context   text NOT NULL,
        source_type      text NOT NULL,
        case_number      text,
        region_code      text,
        hospital_id      text,
        organisation_id  text,
        audience_region  text,
        roles            text[] NOT NULL,
        title            text NOT NULL,
        body             text NOT NULL,
        link             text,
        created_at       timestamptz NOT NULL,
        ack_due_at       timestamptz,
        escalated_at     timestamptz,
        escalation_of    uuid,
        acknowledged_at  timestamptz,
        acknowledged_by  text
      );
      CREATE INDEX notifications_organisation ON ${s}.notifications (organisation_id, seq);
      CREATE INDEX notifications_ack_due ON ${s}.notifications (ack_due_at) WHERE acknowledged_at IS NULL AND escalated_at IS NULL;
      CREATE TABLE ${s}.notification_reads (
        notification_id uuid NOT NULL,
        user_id         text NOT NULL,
        read_at         timestamptz NOT NULL,
        PRIMARY KEY (notification_id, user_id)
      );
      CREATE TABLE ${s}.rule_overrides (
        rule_id     text NOT NULL,
        region_code text NOT NULL,
        override    jsonb NOT NULL,
        updated_at  timestamptz NOT NULL,
        updated_by  text NOT NULL,
        PRIMARY KEY (rule_id, region_code)
      );
      CREATE TABLE ${s}.channels (
        channel_id      uuid PRIMARY KEY,
        organisation_id text NOT NULL,
        region_code     text NOT NULL,
        kind            text NOT NULL,
        name            text NOT NULL,
        min_urgency     text NOT NULL,
        settings        jsonb NOT NULL,
        sealed_secrets  text NOT NULL,
        enabled         boolean NOT NULL,
        created_at      timestamptz NOT NULL,
        created_by      text NOT NULL
      );
      CREATE INDEX channels_organisation ON ${s}.channels (organisation_id);
      CREATE TABLE ${s}.deliveries (
        delivery_id     uuid PRIMARY KEY,
        notification_id uuid NOT NULL,
        channel_id      uuid NOT NULL,
        idempotency_key text NOT NULL UNIQUE,
        status          text NOT NULL,
        attempts        integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        lease_until     timestamptz,
        last_error      text,
        created_at      timestamptz NOT NULL,
        delivered_at    timestamptz,
        dead_at         timestamptz,
        UNIQUE (notification_id, channel_id)
      );
      CREATE INDEX deliveries_due ON ${s}.deliveries (next_attempt_at) WHERE status = 'pending';
      CREATE TABLE ${s}.delivery_attempts (
        delivery_id uuid NOT NULL,
        attempt     integer NOT NULL,
        at          timestamptz NOT NULL,
        outcome     text NOT NULL,
        error       text,
        PRIMARY KEY (delivery_id, attempt)
      );
      CREATE TABLE ${s}.stream_tickets (
        ticket_hash text PRIMARY KEY,
        principal   jsonb NOT NULL,
        expires_at  timestamptz NOT NULL
      );`);
  },
};
