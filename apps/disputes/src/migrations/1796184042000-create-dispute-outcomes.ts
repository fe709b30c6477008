import { sqlMigration } from '@pingan/event-store';

/** The outcome statistics read model (read-models/dispute-statistics.projection.ts). */
export const CreateDisputeOutcomes1796184042000 = sqlMigration('CreateDisputeOutcomes1796184042000', (s) => [
  `CREATE TABLE ${s}.dispute_outcomes (
      dispute_id text PRIMARY KEY,
      region_code text NOT NULL,
      opened_month text NOT NULL,
      closed_month text,
      category text NOT NULL,
      origin text,
      mediation_attempts integer NOT NULL,
      mediation_failed_expired integer NOT NULL,
      mediation_failed_other integer NOT NULL,
      liability_determined boolean NOT NULL,
      compensation_agreed_fen bigint NOT NULL,
      compensation_paid_fen bigint NOT NULL,
      escalation_risk_flagged boolean NOT NULL,
      state jsonb NOT NULL)`,
  `CREATE INDEX dispute_outcomes_month_region ON ${s}.dispute_outcomes (opened_month, region_code)`,
]);
