import { shanghaiMonthOf } from '@pingan/contracts';
import type { Projection, Query, StoredEvent } from '@pingan/event-store';
import { CreateDisputeOutcomes1796184042000 } from '../migrations/index.js';
import { disputeOutcomeStatistics } from '../domain/dispute.statistics.js';
import { SCHEMA, evolvedState, isDisputeEvent } from './dispute-state.js';

export const DISPUTE_OUTCOMES_TABLE = `${SCHEMA}.dispute_outcomes`;

/**
 * Outcome statistics for health commissions: one row per dispute with its outcome category
 * (`disputeOutcomeStatistics`, pure), counted by opening month (Asia/Shanghai) and region.
 * No names, no summaries: only what oversight counts.
 */
export const disputeStatisticsProjection: Projection = {
  name: 'dispute-outcome-statistics',
  migrations: [CreateDisputeOutcomes1796184042000],
  async reset(query: Query) {
    await query(`DELETE FROM ${DISPUTE_OUTCOMES_TABLE}`);
  },
  async apply(event: StoredEvent, query: Query) {
    if (!isDisputeEvent(event)) return;
    const state = await evolvedState(query, DISPUTE_OUTCOMES_TABLE, event);
    if (state.ref === null || state.openedAt === null) return;
    const stats = disputeOutcomeStatistics(state);
    await query(
      `INSERT INTO ${DISPUTE_OUTCOMES_TABLE} (dispute_id, region_code, opened_month, closed_month, category, origin, mediation_attempts,
         mediation_failed_expired, mediation_failed_other, liability_determined, compensation_agreed_fen, compensation_paid_fen,
         escalation_risk_flagged, state)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (dispute_id) DO UPDATE SET closed_month = excluded.closed_month, category = excluded.category,
         mediation_attempts = excluded.mediation_attempts, mediation_failed_expired = excluded.mediation_failed_expired,
         mediation_failed_other = excluded.mediation_failed_other, liability_determined = excluded.liability_determined,
         compensation_agreed_fen = excluded.compensation_agreed_fen, compensation_paid_fen = excluded.compensation_paid_fen,
         escalation_risk_flagged = excluded.escalation_risk_flagged, state = excluded.state`,
      [
        state.ref.disputeId,
        state.ref.regionCode,
        shanghaiMonthOf(new Date(state.openedAt)),
        state.closedAt === null ? null : shanghaiMonthOf(new Date(state.closedAt)),
        stats.category,
        stats.origin,
        stats.mediationAttempts,
        stats.mediationFailures.expired,
        stats.mediationFailures.other,
        stats.liability !== null,
        stats.compensationAgreedFen,
        stats.compensationPaidFen,
        stats.escalationRiskFlagged,
        JSON.stringify(state),
      ],
    );
  },
};
