import type { Actor, IncidentClassification, IncidentClock, IncidentEvent } from '@pingan/contracts';
import { deciderSpec } from '@pingan/testing';
import { isMajor, UNCLASSIFIED } from './incident.classification.js';
import type { IncidentCommand } from './incident.commands.js';
import { incidentDecider } from './incident.decider.js';

// ---------------------------------------------------------------------------------------------
// Fixtures of the decider's specs: a hospital in Yuzhong district, Chongqing (500103), on 22 Nov 2026, Beijing time.
// ---------------------------------------------------------------------------------------------

export const CASE = '500103-20261122-0007';
export const HOSPITAL = 'hospital-cq-1';
export const REGION = '500103';
export const ref = { caseNumber: CASE, hospitalId: HOSPITAL, regionCode: REGION };

/** An instant on the day, given as Beijing wall-clock time 'HH:MM'. */
export const t = (hhmm: string): Date => new Date(`2026-11-22T${hhmm}:00+08:00`);
export const s = (hhmm: string): string => t(hhmm).toISOString();

export const dispatcher: Actor = { userId: 'u-110', organisationId: 'police-cq-command', role: 'police_dispatcher' };
export const security: Actor = { userId: 'u-sec', organisationId: HOSPITAL, role: 'hospital_security' };
export const officer: Actor = { userId: 'u-officer', organisationId: 'police-station-1', role: 'police_officer' };
export const countyHc: Actor = { userId: 'u-county', organisationId: 'hc-500103', role: 'health_commission' };
export const cityHc: Actor = { userId: 'u-city', organisationId: 'hc-500100', role: 'health_commission' };
export const provinceHc: Actor = { userId: 'u-prov', organisationId: 'hc-500000', role: 'health_commission' };
export const nationalHc: Actor = { userId: 'u-nhc', organisationId: 'hc-national', role: 'health_commission' };
export const zongzhi: Actor = { userId: 'u-zz', organisationId: 'pl-500103', role: 'political_legal' };

export const given = deciderSpec(incidentDecider);

/** Who each level of the chains is, as the handler found them in the directory. */
export const ADDRESSEES = {
  'health:county': countyHc.organisationId,
  'health:city': cityHc.organisationId,
  'health:province': provinceHc.organisationId,
  'health:national': nationalHc.organisationId,
  'political_legal:local': zongzhi.organisationId,
};

export const counts = (deaths = 0, seriousInjuries = 0, lightInjuries = 0, slightInjuries = 0) => ({
  deaths,
  seriousInjuries,
  lightInjuries,
  slightInjuries,
});
/** Nobody hurt among the perpetrators and bystanders. */
export const others = { perpetrators: counts(), bystanders: counts() };
export const minor: IncidentClassification = {
  categories: ['threat_intimidation_insult'],
  casualties: { staff: counts(), patients: counts(), ...others },
  massIncident: false,
  weaponsInvolved: false,
  seriousInjuryPendingAppraisal: false,
};
export const serious: IncidentClassification = {
  categories: ['assault_on_staff', 'carrying_weapons'],
  casualties: { staff: counts(0, 1, 0), patients: counts(), ...others },
  massIncident: false,
  weaponsInvolved: true,
  seriousInjuryPendingAppraisal: false,
};

// Events as they are stored (instants as ISO strings).
export const reported = (overrides: { classification?: IncidentClassification; hasPoliceOffice?: boolean } = {}): IncidentEvent => {
  const classification = overrides.classification ?? minor;
  return {
    type: 'IncidentReported',
    data: {
      ...ref,
      channel: 'call_110',
      intake: {
        channel: 'call_110',
        callReceivedAt: s('10:01'),
        caller: { name: null, phone: '13800000000' },
        description: 'A relative is shouting at a nurse',
      },
      occurredAt: s('10:00'),
      reportedAt: s('10:02'),
      reportedByOrganisationId: dispatcher.organisationId,
      hasPoliceOffice: overrides.hasPoliceOffice ?? false,
      classification,
      major: isMajor(classification),
      countyHealthCommissionId: countyHc.organisationId,
      escalationAddressees: ADDRESSEES,
    },
  };
};
export const alarmReported: IncidentEvent = {
  type: 'IncidentReported',
  data: {
    ...ref,
    channel: 'one_key_alarm',
    intake: { channel: 'one_key_alarm', location: 'Emergency department, triage desk', deviceId: 'ED-3' },
    occurredAt: s('10:00'),
    reportedAt: s('10:00'),
    reportedByOrganisationId: HOSPITAL,
    hasPoliceOffice: true,
    classification: UNCLASSIFIED,
    major: false,
  },
};
type FixtureClock =
  'police_arrival' | 'immediate_local_report' | 'national_report' | 'county_forward' | 'city_forward' | 'province_forward';

/** Each clock's own owner and the body above it: nobody is late for another's delay. */
const OWNERS: Record<FixtureClock, { responsibleOrganisationId: string; supervisingOrganisationId?: string }> = {
  police_arrival: { responsibleOrganisationId: officer.organisationId },
  immediate_local_report: { responsibleOrganisationId: HOSPITAL, supervisingOrganisationId: countyHc.organisationId },
  national_report: { responsibleOrganisationId: nationalHc.organisationId },
  county_forward: { responsibleOrganisationId: countyHc.organisationId, supervisingOrganisationId: cityHc.organisationId },
  city_forward: { responsibleOrganisationId: cityHc.organisationId, supervisingOrganisationId: provinceHc.organisationId },
  province_forward: { responsibleOrganisationId: provinceHc.organisationId, supervisingOrganisationId: nationalHc.organisationId },
};

export const clockStarted = (
  clock: FixtureClock,
  rule: string,
  startedAt: string,
  trigger: 'reported_major' | 'reclassified_major' | 'police_dispatched' | 'report_received',
  generation = 1,
): IncidentEvent => ({
  type: 'IncidentClockStarted',
  data: {
    ...ref,
    deadlineId: `${CASE}:${clock}:${generation}`,
    clock,
    rule,
    startedAt,
    ...OWNERS[clock],
    trigger,
  },
});
export const clockStopped = (clock: FixtureClock, completedAt: string, generation = 1): IncidentEvent => ({
  type: 'IncidentClockStopped',
  data: { ...ref, deadlineId: `${CASE}:${clock}:${generation}`, clock, completedAt },
});
export const reportClocksStarted = (trigger: 'reported_major' | 'reclassified_major', generation = 1): IncidentEvent[] => [
  clockStarted('immediate_local_report', 'immediate-local-report', s('10:00'), trigger, generation),
  clockStarted('national_report', 'national-hc-report', s('10:00'), trigger, generation),
];
/** The report made by itself to the county commission and the local 综治 (in the hospital's name). */
export const autoSubmitted = (chain: 'health' | 'political_legal', at: string): IncidentEvent => ({
  type: 'EscalationSubmitted',
  data: {
    ...ref,
    chain,
    level: chain === 'health' ? 'county' : 'local',
    submittedAt: at,
    submittedByOrganisationId: HOSPITAL,
    major: true,
    addresseeOrganisationId: chain === 'health' ? countyHc.organisationId : zongzhi.organisationId,
    automatic: true,
  },
});
/** A major incident goes up by itself at `at`: the hospital's duty is met, the county's begins. */
export const wentUp = (at: string, generation = 1): IncidentEvent[] => [
  autoSubmitted('health', at),
  autoSubmitted('political_legal', at),
  clockStarted('county_forward', 'report-forwarding', at, 'report_received', generation),
  clockStopped('immediate_local_report', at, generation),
];
export const majorReported: IncidentEvent[] = [
  reported({ classification: serious }),
  ...reportClocksStarted('reported_major'),
  ...wentUp(s('10:02')),
];

export const dispatched: IncidentEvent = {
  type: 'PoliceDispatched',
  data: { ...ref, dispatchedAt: s('10:03'), unitOrganisationId: officer.organisationId },
};
export const arrivalClock = clockStarted('police_arrival', 'police-arrival', s('10:03'), 'police_dispatched');
export const arrived: IncidentEvent = { type: 'PoliceArrived', data: { ...ref, arrivedAt: s('10:09'), dispatchedAt: s('10:03') } };
export const clockCancelled = (
  clock: IncidentClock,
  cancelledAt: string,
  reason: 'no_longer_major' | 'incident_closed',
  generation = 1,
): IncidentEvent => ({
  type: 'IncidentClockCancelled',
  data: { ...ref, deadlineId: `${CASE}:${clock}:${generation}`, clock, cancelledAt, reason },
});
export const arrivalClockStopped = clockStopped('police_arrival', s('10:09'));
export const stopped: IncidentEvent = { type: 'DisturbanceStopped', data: { ...ref, stoppedAt: s('10:12') } };
export const cleared: IncidentEvent = { type: 'SceneCleared', data: { ...ref, clearedAt: s('10:40') } };
export const closed = (outcome: 'resolved_on_scene' | 'handed_to_police_case' = 'resolved_on_scene', major = false): IncidentEvent => ({
  type: 'IncidentClosed',
  data: { ...ref, outcome, closedAt: s('11:00'), note: null, major },
});

/** The addressee a submission or forwarding names, where the directory had one. */
const addressed = (chainLevel: string) => {
  const id = (ADDRESSEES as Record<string, string>)[chainLevel];
  return id ? { addresseeOrganisationId: id } : {};
};

export const submitted = (chain: 'health' | 'police' | 'political_legal', at: string, major = false): IncidentEvent => ({
  type: 'EscalationSubmitted',
  data: {
    ...ref,
    chain,
    level: chain === 'health' ? 'county' : chain === 'police' ? 'bureau' : 'local',
    submittedAt: at,
    submittedByOrganisationId: chain === 'police' ? officer.organisationId : HOSPITAL,
    major,
    ...addressed(`${chain}:${chain === 'health' ? 'county' : chain === 'police' ? 'bureau' : 'local'}`),
  },
});
export const acknowledged = (
  chain: 'health' | 'police' | 'political_legal',
  level: string,
  by: Actor,
  at: string,
  major = false,
): IncidentEvent => ({
  type: 'EscalationAcknowledged',
  data: { ...ref, chain, level: level as never, acknowledgedAt: at, organisationId: by.organisationId, major },
});
export const forwarded = (
  chain: 'health' | 'police',
  fromLevel: string,
  toLevel: string,
  by: Actor,
  at: string,
  major = false,
): IncidentEvent => ({
  type: 'EscalationForwarded',
  data: {
    ...ref,
    chain,
    fromLevel: fromLevel as never,
    toLevel: toLevel as never,
    forwardedAt: at,
    organisationId: by.organisationId,
    major,
    ...addressed(`${chain}:${toLevel}`),
  },
});

/** The health chain from the hospital's submission up to the province's forwarding to the national commission. */
export const healthChainToNational = (major = false): IncidentEvent[] => [
  submitted('health', s('10:30'), major),
  acknowledged('health', 'county', countyHc, s('10:40'), major),
  forwarded('health', 'county', 'city', countyHc, s('10:50'), major),
  acknowledged('health', 'city', cityHc, s('11:00'), major),
  forwarded('health', 'city', 'province', cityHc, s('11:10'), major),
  acknowledged('health', 'province', provinceHc, s('11:20'), major),
  forwarded('health', 'province', 'national', provinceHc, s('11:30'), major),
];

// Commands.
export const report110 = (overrides: Partial<Extract<IncidentCommand, { type: 'ReportIncident' }>['data']> = {}): IncidentCommand => ({
  type: 'ReportIncident',
  data: {
    caseNumber: CASE,
    hospital: {
      hospitalId: HOSPITAL,
      regionCode: REGION,
      hasPoliceOffice: false,
      countyHealthCommissionId: countyHc.organisationId,
      escalationAddressees: ADDRESSEES,
    },
    occurredAt: t('10:00'),
    intake: {
      channel: 'call_110',
      callReceivedAt: t('10:01'),
      caller: { phone: '13800000000' },
      description: 'A relative is shouting at a nurse',
    },
    classification: { categories: ['threat_intimidation_insult'] },
    ...overrides,
  },
  metadata: { actor: dispatcher, now: t('10:02') },
});
export const reclassify = (classification: IncidentClassification, at = '12:00', reason?: string): IncidentCommand => ({
  type: 'ReclassifyIncident',
  data: { classification, reason },
  metadata: { actor: officer, now: t(at) },
});
export const dispatch = (dispatchedAt = '10:03', at = '10:04'): IncidentCommand => ({
  type: 'DispatchPolice',
  data: { dispatchedAt: t(dispatchedAt), unitOrganisationId: officer.organisationId },
  metadata: { actor: dispatcher, now: t(at) },
});
export const arrive = (arrivedAt = '10:09'): IncidentCommand => ({
  type: 'RecordPoliceArrival',
  data: { arrivedAt: t(arrivedAt) },
  metadata: { actor: officer, now: t('10:10') },
});
export const stopDisturbance = (stoppedAt = '10:12'): IncidentCommand => ({
  type: 'RecordDisturbanceStopped',
  data: { stoppedAt: t(stoppedAt) },
  metadata: { actor: officer, now: t('10:15') },
});
export const clearScene = (clearedAt = '10:40'): IncidentCommand => ({
  type: 'RecordSceneCleared',
  data: { clearedAt: t(clearedAt) },
  metadata: { actor: officer, now: t('10:41') },
});
export const submit = (chain: 'health' | 'police' | 'political_legal', at = '10:30', actor: Actor = security): IncidentCommand => ({
  type: 'SubmitEscalation',
  data: { chain },
  metadata: { actor, now: t(at) },
});
export const acknowledge = (chain: 'health' | 'police' | 'political_legal', level: string, actor: Actor, at: string): IncidentCommand => ({
  type: 'AcknowledgeEscalation',
  data: { chain, level: level as never },
  metadata: { actor, now: t(at) },
});
export const forward = (chain: 'health' | 'police', fromLevel: string, actor: Actor, at: string): IncidentCommand => ({
  type: 'ForwardEscalation',
  data: { chain, fromLevel: fromLevel as never },
  metadata: { actor, now: t(at) },
});
export const close = (outcome: string, at = '11:00', note?: string): IncidentCommand => ({
  type: 'CloseIncident',
  data: { outcome: outcome as never, note },
  metadata: { actor: officer, now: t(at) },
});
export const reopen = (reason: string): IncidentCommand => ({
  type: 'ReopenIncident',
  data: { reason },
  metadata: { actor: officer, now: t('13:00') },
});

// ---------------------------------------------------------------------------------------------
