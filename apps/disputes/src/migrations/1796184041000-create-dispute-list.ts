import { sqlMigration } from '@pingan/event-store';

/** The dispute list read model (read-models/dispute-list.projection.ts). */
export const CreateDisputeList1796184041000 = sqlMigration('CreateDisputeList1796184041000', (s) => [
  `CREATE TABLE ${s}.dispute_list (
      dispute_id text PRIMARY KEY,
      case_number text NOT NULL,
      hospital_id text NOT NULL,
      region_code text NOT NULL,
      origin text NOT NULL,
      incident_id text,
      status text NOT NULL,
      route text NOT NULL,
      summary text NOT NULL,
      mediation_kind text,
      mediation_phase text,
      mediator_organisation_id text,
      -- every organisation the dispute was referred or taken to (mediators, courts): access follows
      party_organisation_ids text[] NOT NULL DEFAULT '{}',
      escalation_risk boolean NOT NULL DEFAULT false,
      opened_at timestamptz NOT NULL,
      closed_at timestamptz,
      close_outcome text,
      last_event_at timestamptz NOT NULL,
      version integer NOT NULL,
      state jsonb NOT NULL)`,
  `CREATE INDEX dispute_list_hospital ON ${s}.dispute_list (hospital_id, opened_at DESC)`,
  `CREATE INDEX dispute_list_region ON ${s}.dispute_list (region_code text_pattern_ops)`,
  `CREATE INDEX dispute_list_parties ON ${s}.dispute_list USING gin (party_organisation_ids)`,
]);
