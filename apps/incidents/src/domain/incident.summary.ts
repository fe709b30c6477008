import {
  ESCALATION_LEVELS,
  INCIDENT_CLOCKS,
  type EscalationChain,
  type EscalationLevel,
  type IncidentCategory,
  type IncidentChannel,
  type IncidentClock,
  type IncidentOutcome,
  totalCasualties,
} from '@pingan/contracts';
import type { ChainProgress, IncidentState } from './incident.state.js';

/**
 * One incident as a list or dashboard shows it: flat, with totals, ready to be a read-model row.
 * Build it by folding the stream with the decider's `evolve` and mapping the state.
 */
export type IncidentSummary = {
  caseNumber: string;
  hospitalId: string;
  regionCode: string;
  channel: IncidentChannel;
  status: 'open' | 'closed';
  outcome: IncidentOutcome | null;
  occurredAt: string;
  reportedAt: string;
  closedAt: string | null;
  reopenCount: number;
  categories: IncidentCategory[];
  major: boolean;
  massIncident: boolean;
  weaponsInvolved: boolean;
  deaths: number;
  /** Summed over everyone hurt (staff, patient side, perpetrators, bystanders); grades kept apart. */
  seriousInjuries: number; // 重伤
  lightInjuries: number; // 轻伤
  slightInjuries: number; // 轻微伤
  /** 疑似重伤，待鉴定 */
  seriousInjuryPendingAppraisal: boolean;
  staffHurt: number;
  /** A one-key alarm whose particulars are still to come. */
  detailsPending: boolean;
  dispatchedAt: string | null;
  arrivedAt: string | null;
  disturbanceStoppedAt: string | null;
  sceneClearedAt: string | null;
  /** Highest level that has acknowledged, per chain (null: none yet). */
  healthAcknowledgedLevel: EscalationLevel<'health'> | null;
  policeAcknowledgedLevel: EscalationLevel<'police'> | null;
  politicalLegalAcknowledged: boolean;
  nationalAcknowledgedAt: string | null;
  runningClocks: IncidentClock[];
  policeCaseNumber: string | null;
  disputeCaseNumber: string | null;
};

function highestAcknowledged<C extends EscalationChain>(chain: C, progress: ChainProgress): EscalationLevel<C> | null {
  const levels = ESCALATION_LEVELS[chain] as readonly EscalationLevel<C>[];
  return [...levels].reverse().find((level) => progress[level]?.acknowledgedAt) ?? null;
}

/** The summary of a reported incident, or null before it was reported. */
export function toIncidentSummary(state: IncidentState): IncidentSummary | null {
  if (state.status === 'none') return null;
  const { staff } = state.classification.casualties;
  const total = totalCasualties(state.classification.casualties);
  return {
    ...state.ref,
    channel: state.channel,
    status: state.status,
    outcome: state.outcome,
    occurredAt: state.occurredAt,
    reportedAt: state.reportedAt,
    closedAt: state.closedAt,
    reopenCount: state.reopenCount,
    categories: state.classification.categories,
    major: state.major,
    massIncident: state.classification.massIncident,
    weaponsInvolved: state.classification.weaponsInvolved,
    deaths: total.deaths,
    seriousInjuries: total.seriousInjuries,
    lightInjuries: total.lightInjuries,
    slightInjuries: total.slightInjuries,
    seriousInjuryPendingAppraisal: state.classification.seriousInjuryPendingAppraisal,
    staffHurt: staff.deaths + staff.seriousInjuries + staff.lightInjuries + staff.slightInjuries,
    detailsPending: state.channel === 'one_key_alarm' && state.particulars === null,
    dispatchedAt: state.police.dispatchedAt,
    arrivedAt: state.police.arrivedAt,
    disturbanceStoppedAt: state.police.disturbanceStoppedAt,
    sceneClearedAt: state.police.sceneClearedAt,
    healthAcknowledgedLevel: highestAcknowledged('health', state.escalation.health),
    policeAcknowledgedLevel: highestAcknowledged('police', state.escalation.police),
    politicalLegalAcknowledged: Boolean(state.escalation.political_legal.local?.acknowledgedAt),
    nationalAcknowledgedAt: state.escalation.health.national?.acknowledgedAt ?? null,
    runningClocks: INCIDENT_CLOCKS.filter((clock) => state.clocks[clock]?.state === 'running'),
    policeCaseNumber: state.policeCaseNumber,
    disputeCaseNumber: state.disputeCaseNumber,
  };
}
