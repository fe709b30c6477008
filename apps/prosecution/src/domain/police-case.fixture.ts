import type { Actor, CriminalSentence, PoliceCaseRef, ProsecutionEvent } from '@pingan/contracts';
import { deciderSpec } from '@pingan/testing';
import type { PoliceCaseCommand } from './police-case.commands.js';
import { deadlineId, RULE } from './deadline-rules.js';
import { policeCaseDecider } from './police-case.decider.js';

// Shared by the police-case decider specs (one per phase): the case, the actors, and the events a case goes through.

export const given = deciderSpec(policeCaseDecider);

// ── Fixtures ───────────────────────────────────────────────────────────────────
export const CASE = 'A5001032025030300017';
export const ref: PoliceCaseRef = {
  caseNumber: CASE,
  hospitalId: 'hospital-1',
  regionCode: '500103',
};
export const STATION = 'police-station-1';
export const BUREAU = 'police-bureau-1';
export const PROCURATORATE = 'procuratorate-1';
export const COURT = 'court-1';
export const APPEAL_COURT = 'court-intermediate-1';
export const HEALTH_COMMISSION = 'health-commission-cq';

export const officer: Actor = {
  userId: 'officer-1',
  organisationId: STATION,
  role: 'police_officer',
};
export const prosecutor: Actor = {
  userId: 'prosecutor-1',
  organisationId: PROCURATORATE,
  role: 'prosecutor',
};
export const judge: Actor = {
  userId: 'judge-1',
  organisationId: COURT,
  role: 'judge',
};
export const supervisor: Actor = {
  userId: 'inspector-1',
  organisationId: HEALTH_COMMISSION,
  role: 'health_official',
};

export const t = (iso: string): Date => new Date(iso);
export const AT = t('2025-03-03T02:00:00.000Z');
export const DECIDED = t('2025-03-03T01:00:00.000Z');
export const iso = (date: Date): string => date.toISOString();

// Builders for commands: fill the envelope (who, when), let each test say only what matters.
export const by = (actor: Actor, at: Date = AT) => ({ metadata: { actor, now: at } });
export const cmd = <C extends PoliceCaseCommand>(command: C): C => command;
type CommandOf<T extends PoliceCaseCommand['type']> = Extract<PoliceCaseCommand, { type: T }>;
/** The same command with some of its data changed. */
export const withData = <T extends PoliceCaseCommand['type']>(command: CommandOf<T>, data: Partial<CommandOf<T>['data']>): CommandOf<T> =>
  ({ ...command, data: { ...command.data, ...data } }) as CommandOf<T>;
/** The same command given by someone else, at the same instant. */
export const withActor = <T extends PoliceCaseCommand['type']>(command: CommandOf<T>, actor: Actor): CommandOf<T> =>
  ({ ...command, metadata: { ...command.metadata, actor } }) as CommandOf<T>;

export const accepted = (kind: 'administrative' | 'criminal' = 'criminal'): ProsecutionEvent => ({
  type: 'CaseAccepted',
  data: {
    ...ref,
    kind,
    origin: { source: 'incident', incidentId: 'incident-1' },
    handlingUnitId: STATION,
    acceptedAt: iso(AT),
    summary: 'Relative of a patient struck a nurse in the emergency ward.',
  },
});
/** The 治安案件 period's start, as CaseAccepted carries it (30 days from acceptance). */
export const casePeriodStart = (at: Date = AT) => ({
  action: 'start' as const,
  deadlineId: `${CASE}:public-security-case`,
  rule: 'public-security-case',
  startedAt: iso(at),
  responsibleOrganisationId: STATION,
});
/** An administrative case from an incident whose disturbance was (or was not yet) stopped, its period running. */
export const acceptedPublicSecurity = (disturbanceStopped: boolean): ProsecutionEvent => ({
  type: 'CaseAccepted',
  data: {
    ...(accepted('administrative').data as Extract<ProsecutionEvent, { type: 'CaseAccepted' }>['data']),
    incidentDisturbanceStopped: disturbanceStopped,
    clocks: [casePeriodStart()],
  },
});
export const filed: ProsecutionEvent = {
  type: 'CriminalCaseFiled',
  data: { ...ref, filingUnitId: BUREAU, filedAt: iso(AT) },
};
// The name is checked by the decider but kept out of the event (personal data).
export const suspect = (suspectId = 'suspect-1'): ProsecutionEvent => ({
  type: 'SuspectAdded',
  data: { ...ref, suspectId, addedAt: iso(AT) },
});
export const measure = (
  measureId: string,
  kind: 'summons' | 'bail' | 'residential_surveillance' | 'criminal_detention' | 'arrest',
  custodyAfter: 'none' | 'criminal_detention' | 'arrested',
  suspectId = 'suspect-1',
): ProsecutionEvent => ({
  type: 'CompulsoryMeasureImposed',
  data: {
    ...ref,
    measureId,
    suspectId,
    measure: kind,
    decidedAt: iso(DECIDED),
    decidingUnitId: BUREAU,
    custodyAfter,
    clocks: [],
  },
});
export const detained = (suspectId = 'suspect-1', measureId = `detention-${suspectId}`) =>
  measure(measureId, 'criminal_detention', 'criminal_detention', suspectId);
export const requested = (suspectId = 'suspect-1', requestId = `request-${suspectId}`): ProsecutionEvent => ({
  type: 'ArrestApprovalRequested',
  data: {
    ...ref,
    requestId,
    suspectId,
    procuratorateId: PROCURATORATE,
    requestedAt: iso(AT),
    clocks: [],
  },
});
export const received = (suspectId = 'suspect-1', requestId = `request-${suspectId}`, rule = 'arrest-decision'): ProsecutionEvent => ({
  type: 'ArrestRequestReceived',
  data: {
    ...ref,
    requestId,
    suspectId,
    procuratorateId: PROCURATORATE,
    receivedAt: iso(AT),
    clocks: [
      {
        action: 'start',
        deadlineId: `${CASE}:arrest-decision:${requestId}`,
        rule,
        startedAt: iso(AT),
        responsibleOrganisationId: PROCURATORATE,
      },
    ],
  },
});
export const arrestDecided = (outcome: 'approved' | 'not_approved', suspectId = 'suspect-1'): ProsecutionEvent => ({
  type: 'ArrestApprovalDecided',
  data: {
    ...ref,
    requestId: `request-${suspectId}`,
    suspectId,
    procuratorateId: PROCURATORATE,
    outcome,
    reason: 'r',
    decidedAt: iso(AT),
    releaseRequired: outcome === 'not_approved',
    clocks: [],
  },
});
export const transferred = (suspectIds = ['suspect-1'], inCustody = true): ProsecutionEvent => ({
  type: 'CaseTransferredForProsecution',
  data: {
    ...ref,
    suspectIds,
    procuratorateId: PROCURATORATE,
    transferringUnitId: STATION,
    inCustody,
    transferredAt: iso(AT),
    clocks: [],
  },
});
export const indicted = (suspectIds = ['suspect-1'], courtId = COURT): ProsecutionEvent => ({
  type: 'SuspectsIndicted',
  data: {
    ...ref,
    suspectIds,
    procuratorateId: PROCURATORATE,
    courtId,
    indictedAt: iso(AT),
    clocks: [],
  },
});
export const trialStarted = (defendantIds = ['suspect-1']): ProsecutionEvent => ({
  type: 'FirstInstanceTrialStarted',
  data: { ...ref, courtId: COURT, defendantIds, startedAt: iso(AT) },
});
export const threeYears: CriminalSentence = {
  principal: 'fixed_term_imprisonment',
  termMonths: 36,
};
export const verdictDelivered = (sentence: CriminalSentence = threeYears): ProsecutionEvent => ({
  type: 'FirstInstanceVerdictDelivered',
  data: {
    ...ref,
    courtId: COURT,
    suspectId: 'suspect-1',
    verdict: 'guilty',
    sentence,
    deliveredAt: iso(AT),
    decisionKind: 'judgement',
    clocks: [appealWindowStart()],
  },
});
export const appealWindowId = deadlineId.appealWindow(CASE, 'suspect-1');
export const appealWindowStart = (rule: string = RULE.appealWindow) =>
  ({ action: 'start', deadlineId: appealWindowId, rule, startedAt: iso(AT), responsibleOrganisationId: COURT }) as const;
export const appealWindowStop = (outcome: 'done' | 'moot') =>
  ({ action: 'stop', deadlineId: appealWindowId, rule: RULE.appealWindow, at: iso(AT), outcome }) as const;
export const appealed: ProsecutionEvent = {
  type: 'AppealFiled',
  data: {
    ...ref,
    suspectId: 'suspect-1',
    appellant: 'defendant',
    filedAt: iso(AT),
    clocks: [appealWindowStop('done')],
  },
};
export const supervised: ProsecutionEvent = {
  type: 'ListedSupervisionStarted',
  data: {
    ...ref,
    supervisorOrganisationId: HEALTH_COMMISSION,
    supervisorKind: 'health_commission',
    requirements: 'Report weekly; conclude within 60 days.',
    dueAt: '2025-05-02T16:00:00.000Z',
    startedAt: iso(AT),
  },
};

export const criminalCase = [accepted('criminal'), suspect()];
export const adminCase = [accepted('administrative'), suspect()];
export const inDetention = [...criminalCase, detained()];
export const underReview = [
  accepted('criminal'),
  filed,
  suspect(),
  detained(),
  requested(),
  received(),
  arrestDecided('approved'),
  measure('arrest-1', 'arrest', 'arrested'),
  transferred(),
];
export const onTrial = [...underReview, indicted(), trialStarted()];
