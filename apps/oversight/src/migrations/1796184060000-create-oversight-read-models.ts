import { sqlMigration } from '@pingan/event-store';

/**
 * The read models fed by every context's events (read-models/feed.ts). They are kept by the inbox
 * consumer, not by a Projector over our own store, because their source is other contexts'
 * topics: each event's effect commits with its inbox row, so a redelivery changes nothing.
 */
export const CreateOversightReadModels1796184060000 = sqlMigration('CreateOversightReadModels1796184060000', (s) => [
  `
      CREATE TABLE ${s}.timeline (
        event_id       text PRIMARY KEY,
        context        text NOT NULL,
        type           text NOT NULL,
        stream_id      text NOT NULL,
        case_number    text NOT NULL,
        occurred_at    timestamptz NOT NULL,
        recorded_at    timestamptz NOT NULL,
        actor_user_id  text NOT NULL,
        actor_organisation_id text NOT NULL,
        actor_role     text NOT NULL,
        region_code    text,
        hospital_id    text,
        high_risk      boolean NOT NULL,
        summary        text NOT NULL
      )`,
  `CREATE INDEX timeline_case ON ${s}.timeline (case_number, occurred_at, recorded_at, event_id)`,
  `
      CREATE TABLE ${s}.cases (
        case_number    text PRIMARY KEY,
        region_code    text,
        hospital_id    text,
        party_ids      text[] NOT NULL DEFAULT '{}',
        political_legal_escalated boolean NOT NULL DEFAULT false,
        occurred_at    timestamptz,
        month          text,
        categories     text[] NOT NULL DEFAULT '{}',
        major          boolean NOT NULL DEFAULT false,
        incident_outcome text
      )`,
  `
      CREATE TABLE ${s}.escalations (
        case_number    text NOT NULL,
        chain          text NOT NULL,
        level          text NOT NULL,
        region_code    text NOT NULL,
        addressee_region text NOT NULL,
        hospital_id    text NOT NULL,
        status         text NOT NULL,
        major          boolean NOT NULL,
        waiting_since  timestamptz NOT NULL,
        acknowledged_at timestamptz,
        acknowledged_by text,
        forwarded_at   timestamptz,
        forwarded_to   text,
        PRIMARY KEY (case_number, chain, level)
      )`,
  `
      CREATE TABLE ${s}.board (
        context        text NOT NULL,
        deadline_id    text NOT NULL,
        case_number    text NOT NULL,
        rule           text NOT NULL,
        rule_source    text,
        clock          text,
        state          text NOT NULL,
        started_at     timestamptz,
        due_at         timestamptz NOT NULL,
        warn_at        timestamptz,
        provisional    boolean NOT NULL DEFAULT false,
        completed_at   timestamptz,
        warned_at      timestamptz,
        breached_at    timestamptz,
        escalated_at   timestamptz,
        responsible_organisation_id text,
        supervising_organisation_id text,
        updated_at     timestamptz NOT NULL,
        PRIMARY KEY (context, deadline_id)
      )`,
  `CREATE INDEX board_case ON ${s}.board (case_number)`,
  `
      CREATE TABLE ${s}.outcomes (
        event_id       text PRIMARY KEY,
        case_number    text NOT NULL,
        area           text NOT NULL,
        outcome        text NOT NULL,
        at             timestamptz NOT NULL,
        month          text NOT NULL
      )`,
  // IncidentClockStarted names the clock (police_arrival, ...) a deadline id belongs to; the
  // Deadline* snapshot carries only the rule, whose name may be a regional variant.
  `
      CREATE TABLE ${s}.clock_names (
        deadline_id    text PRIMARY KEY,
        clock          text NOT NULL
      )`,
]);
