import type { LiveNotification } from '../live';
import type { components, operations, paths } from './schema';

/**
 * What the console reads from the API's answers. The API's OpenAPI document describes its requests
 * (generated into schema.ts) but not yet its responses, so these are the fields the screens use, as the
 * services return them; the request types and enums are the generated ones. Replace each by its
 * `components['schemas']` entry once the API documents its answers.
 */
type Schemas = components['schemas'];
export type IncidentCategory = Schemas['ClassificationDto']['categories'][number];
export type EscalationChain = Schemas['SubmitEscalationDto']['chain'];
// Not from the document: two services name their close DTO `CloseDto` and the document keeps the disputes one
// (issue 14 makes the names unique; then this becomes the generated enum).
export type IncidentOutcome = 'handed_to_police_case' | 'referred_to_dispute' | 'resolved_on_scene' | 'unfounded';
export type ReportIncident = Schemas['ReportIncidentDto'];
export type HospitalReportIntake = Schemas['HospitalReportIntakeDto'];

export interface Me {
  userId: string;
  username: string;
  organisationId: string;
  organisationName: string | null;
  organisationKind: string;
  organisationRegion: string;
  roles: string[];
  healthCommissionLevel: string | null;
  policeUnitType: string | null;
  accessTokenExpiresAt: string;
}

export interface Organisation {
  organisationId: string;
  kind: string;
  name: string;
  regionCode: string;
  parentId: string | null;
  details: {
    hospital?: { level: string; ownership: string; beds: number; dailyOutpatients: number; hasPoliceOffice: boolean };
    police?: { unitType: string };
    healthCommission?: { level: string };
  };
  active: boolean;
}

export interface IncidentSummary {
  caseNumber: string;
  hospitalId: string;
  regionCode: string;
  channel: string;
  status: 'open' | 'closed';
  outcome: string | null;
  occurredAt: string;
  reportedAt: string;
  categories: IncidentCategory[];
  major: boolean;
  deaths: number;
  seriousInjuries: number; // 重伤
  lightInjuries: number; // 轻伤
  slightInjuries: number; // 轻微伤
  seriousInjuryPendingAppraisal: boolean;
  detailsPending: boolean;
  dispatchedAt: string | null;
  arrivedAt: string | null;
  disturbanceStoppedAt: string | null;
  sceneClearedAt: string | null;
  runningClocks: string[];
}

export interface LevelProgress {
  receivedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  forwardedAt: string | null;
}

export interface Incident {
  status: 'open' | 'closed';
  ref: { caseNumber: string; hospitalId: string; regionCode: string };
  channel: string;
  intake: { channel: string; location?: string | null; description?: string | null; [key: string]: unknown };
  particulars: { partiesCount: number; behaviour: string; anyoneInjured: boolean; description?: string | null } | null;
  occurredAt: string;
  reportedAt: string;
  hasPoliceOffice: boolean;
  classification: {
    categories: IncidentCategory[];
    casualties: Record<
      'staff' | 'patients' | 'perpetrators' | 'bystanders',
      { deaths: number; seriousInjuries: number; lightInjuries: number; slightInjuries: number }
    >;
    massIncident: boolean;
    weaponsInvolved: boolean;
    seriousInjuryPendingAppraisal: boolean;
  };
  major: boolean;
  police: {
    dispatchedAt: string | null;
    unitOrganisationId: string | null;
    arrivedAt: string | null;
    disturbanceStoppedAt: string | null;
    sceneClearedAt: string | null;
  };
  escalation: Record<EscalationChain, Partial<Record<string, LevelProgress>>>;
  clocks: Partial<Record<string, { deadlineId: string; generation: number; state: 'running' | 'stopped' | 'cancelled' }>>;
  outcome: string | null;
  closedAt: string | null;
}

export interface HistoryEntry {
  version: number;
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  actor: { userId: string; organisationId: string; role: string };
  occurredAt: string;
  recordedAt: string;
}

export interface IncidentView {
  caseNumber: string;
  incident: Incident;
  parties: string[];
  history: HistoryEntry[];
}

export interface IncidentCommandResult {
  caseNumber: string;
  recorded: string[];
  incident: Incident;
}

export interface Deadline {
  context: string;
  deadlineId: string;
  caseNumber: string;
  rule: string;
  clock: string | null;
  state: string;
  overdue: boolean;
  startedAt: string | null;
  dueAt: string;
  warnAt: string | null;
  completedAt: string | null;
  breachedAt: string | null;
  escalatedAt: string | null;
  responsibleOrganisationId: string | null;
  supervisingOrganisationId: string | null;
}

export interface TimelineEntry {
  eventId: string;
  context: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: { userId: string; organisationId: string; role: string };
  summary: string;
}

export interface Timeline {
  caseNumber: string;
  entries: TimelineEntry[];
}

export type HighRiskCategory = Schemas['CategoryGroundsDto']['category'];
export type HighRiskAdvice = 'remind_staff' | 'security_escort' | 'notify_police';

/** The door check's answer: a warning and what to do, never who (docs/high-risk-persons.md). */
export interface DoorCheckAnswer {
  match: boolean;
  warning?: { categories: HighRiskCategory[]; advice: HighRiskAdvice[] };
}

export type ReceiveComplaint = Schemas['ReceiveComplaintDto'];
export type RoutesNotice = Schemas['RoutesNoticeDto'];
export type DisputeRoute = RoutesNotice['routes'][number];
export type NoticeMethod = RoutesNotice['method'];
export type PartyRelation = ReceiveComplaint['parties'][number]['relation'];
export type ClaimKind = ReceiveComplaint['claims'][number]['kind'];

/** A disputes command's answer: the case and the clocks still running on it, soonest first. */
export interface DisputeCommandResult {
  disputeId: string;
  caseNumber: string;
  clocks: { deadlineId: string; rule: string; state: 'running' | 'warned' | 'paused'; dueAt: string; warnAt: string }[];
}

export type NotificationStatus = NonNullable<NonNullable<paths['/notifications']['get']['parameters']['query']>['status']>;

/**
 * One item of the user's inbox (docs/notifications.md, Inbox): the stream's frame plus the user's marks;
 * `link` is an API path (see inbox/caseLink.ts).
 */
export interface NotificationItem extends Omit<LiveNotification, 'urgency'> {
  urgency: 'immediate' | 'high' | 'normal';
  organisationId: string | null;
  status: NotificationStatus;
  readAt: string | null;
  acknowledgedAt: string | null;
  /** The user who acknowledged it for the organisation. */
  acknowledgedBy: string | null;
  /** Set on the reminder sent to the next addressees when nobody acknowledged the original in time. */
  escalationOf: string | null;
}

export interface NotificationPage {
  items: NotificationItem[];
  total: number;
  limit: number;
  offset: number;
}

// 公安办案 (the case officer's cases): the prosecution service's answers (apps/prosecution/src/police-cases/queries).
export type PoliceCaseKind = Schemas['OpenCaseDto']['kind'];
export type PoliceCaseStage = NonNullable<NonNullable<operations['PoliceCasesController_list']['parameters']['query']>['status']>;
export type OpenPoliceCase = Schemas['OpenCaseDto'];
export type AddSuspect = Schemas['AddSuspectDto'];
export type DecidePenalty = Schemas['DecidePenaltyDto'];
export type PenaltyKind = Schemas['PenaltyDto']['kind'];
export type ImposeMeasure = Schemas['ImposeMeasureDto'];
export type CompulsoryMeasureKind = ImposeMeasure['measure'];
export type MinistryEntry = Schemas['MinistryEntryDto'];
export type TransferForProsecution = Schemas['TransferForProsecutionDto'];

/** A row of GET /police-cases. */
export interface PoliceCaseSummary {
  caseNumber: string;
  hospitalId: string;
  regionCode: string;
  kind: PoliceCaseKind;
  status: PoliceCaseStage;
  origin: string;
  incidentId: string | null;
  handlingUnitId: string;
  underSupervision: boolean;
  supervisorOrganisationId: string | null;
  suspectCount: number;
  acceptedAt: string;
  updatedAt: string;
}

/** A legal clock of a police case, as the prosecution service counts it (committed with the events that move it). */
export interface PoliceCaseClock {
  deadlineId: string;
  rule: string;
  source: string;
  length: { unit: string; amount: number };
  state: string;
  startedAt: string;
  dueAt: string;
  warnAt: string;
  /** The due instant depends on a year whose holiday schedule is not yet published. */
  provisional: boolean;
  completedAt: string | null;
  breachedAt: string | null;
  responsibleOrganisationId: string;
}

export interface PoliceCaseView {
  case: {
    caseNumber: string;
    hospitalId: string;
    regionCode: string;
    kind: PoliceCaseKind;
    origin: { source: 'incident'; incidentId: string } | { source: 'direct' };
    handlingUnitId: string;
    filed: boolean;
    suspects: { suspectId: string; custody: string; prosecution: string }[];
    decisions: Record<string, { suspectId: string; entryRecorded: boolean }>;
    major: boolean;
    review: { procuratorateId: string; suspectIds: string[]; open: boolean } | null;
    supervision: { supervisorOrganisationId: string } | null;
  };
  clocks: PoliceCaseClock[];
  history: HistoryEntry[];
}

/** GET /police-cases/{n}/suspects: the names (personal data; each read audited with its purpose). */
export interface CaseSuspects {
  caseNumber: string;
  suspects: { suspectId: string; name: string | null; custody: string }[];
}

/** A police case command's answer (the events recorded) with the id it generated. */
export interface PoliceCaseCommandResult {
  caseNumber: string;
  suspectId?: string;
  decisionId?: string;
}

/** GET /calendar/{year}: each day of the year, working or not (official or provisional). */
export interface CalendarYear {
  year: number;
  status: 'official' | 'provisional';
  days: { date: string; working: boolean; kind: string; name: string | null; provisional: boolean }[];
}
export type AlarmDetails = Schemas['AlarmDetailsDto'];
export type Reclassify = Schemas['ReclassifyDto'];
export type Claim = Schemas['ClaimDto'];

/** A row of GET /disputes (the hospital's disputes, those referred to the caller, a commission's region). */
export interface DisputeSummary {
  disputeId: string;
  caseNumber: string;
  hospitalId: string;
  regionCode: string;
  origin: 'complaint' | 'incident';
  incidentId: string | null;
  status: 'open' | 'closed';
  route: DisputeRoute;
  summary: string;
  mediation: { kind: string; phase: string; mediatorOrganisationId: string } | null;
  escalationRisk: boolean;
  openedAt: string;
  closedAt: string | null;
  closeOutcome: string | null;
  lastEventAt: string;
}

/** One dispute (GET /disputes/{id}): its state, the parties (an audited read), its clocks and history. */
export interface DisputeView {
  disputeId: string;
  caseNumber: string;
  hospitalId: string;
  regionCode: string;
  status: 'open' | 'closed';
  origin: 'complaint' | 'incident';
  openedAt: string;
  closedAt: string | null;
  closeOutcome: string | null;
  owner: { userId: string; organisationId: string } | null;
  incident: { incidentId: string; disturbanceStopped: boolean } | null;
  routesNotified: boolean;
  route: DisputeRoute;
  remainingRoutes: DisputeRoute[] | null;
  mediation: { attempt: number; kind: string; mediatorOrganisationId: string; phase: string } | null;
  escalationRisk: boolean;
  parties: { partyId: string; relation: PartyRelation; name: string; contact: string | null }[];
  clocks: {
    deadlineId: string;
    rule: string;
    source: string;
    state: string;
    startedAt: string;
    dueAt: string;
    warnAt: string;
    completedAt: string | null;
    breachedAt: string | null;
  }[];
  history: HistoryEntry[];
}
