/**
 * The incidents context's public language (涉医警情/事件): what other services may read in its
 * events. Data shapes are `type` aliases, not interfaces, so they stay assignable to
 * `Record<string, unknown>` (the event store's data type). Instants are ISO 8601 UTC strings,
 * since events travel as JSON.
 *
 * Schema versions: every event below is at schemaVersion 1 (see INCIDENT_EVENT_SCHEMA_VERSIONS).
 * Optional fields (`countyHealthCommissionId`, `supervisingOrganisationId`) were added without a
 * version bump: they are absent from events written before them, and consumers must allow that.
 * A classification written before the injury grades were kept apart has `minorInjuries` and two
 * groups only: read every stored classification through `readClassification`.
 */
import type { SealedField } from './sealed-field.js';
import { isCalendarDate } from './shanghai-time.js';

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

/** How an incident came in. */
export const INCIDENT_CHANNELS = [
  'call_110', // 110 报警, logged by a police dispatcher
  'hospital_report', // the hospital's security office reports (医疗机构报警) [S3 二(二)]
  'one_key_alarm', // 一键式报警 from a ward or desk: details follow later
  'patrol', // found by a police patrol (巡逻发现)
] as const;
export type IncidentChannel = (typeof INCIDENT_CHANNELS)[number];

/** Categories [S3 一, S4 三(七), S1 六]; more than one may apply. */
export const INCIDENT_CATEGORIES = [
  'assault_on_staff', // 暴力伤医
  'threat_intimidation_insult', // 威胁、恐吓、侮辱医务人员
  'unlawful_restraint', // 非法限制医务人员人身自由
  'crowd_disturbance', // 聚众滋事
  'funeral_rite_disturbance', // 违规停尸、设灵堂、摆花圈、烧纸钱
  'carrying_weapons', // 携带管制器具、危险物品
  'bed_occupation', // 长期霸床
  'other',
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

/** How an incident ended. */
export const INCIDENT_OUTCOMES = [
  'handed_to_police_case', // 转为案件办理
  'referred_to_dispute', // 转医疗纠纷处理 (only once the disturbance has been stopped [S3 一(二)])
  'resolved_on_scene', // 现场处置完毕
  'unfounded', // 不实警情
] as const;
export type IncidentOutcome = (typeof INCIDENT_OUTCOMES)[number];

/**
 * Reporting chains (信息报送), each level acknowledging and forwarding to the next.
 * - health: the hospital reports to its county health commission, up to the national one [S3 五(二)].
 * - police: the station reports to its bureau (分局/县局), which forwards to the city bureau (市局).
 * - political_legal: the local 综治 organisation, one level; a major incident must reach it
 *   immediately [S3 五(二)].
 */
export const ESCALATION_LEVELS = {
  health: ['county', 'city', 'province', 'national'],
  police: ['bureau', 'city_bureau'],
  political_legal: ['local'],
} as const;
export type EscalationChain = keyof typeof ESCALATION_LEVELS;
export const ESCALATION_CHAINS = Object.keys(ESCALATION_LEVELS) as EscalationChain[];
export type EscalationLevel<C extends EscalationChain = EscalationChain> = (typeof ESCALATION_LEVELS)[C][number];

/**
 * The clocks the incidents context starts and stops (rule names in its deadline catalogue may be
 * regional variants, so consumers should key on `clock`, not on `rule`).
 */
export const INCIDENT_CLOCKS = [
  'police_arrival', // dispatch → arrival, 3 / 8 min [S1 三(一)]
  'immediate_local_report', // occurred → the report has reached the county HC and the local 综治 (the hospital's duty), "immediately" [S3 五(二)]
  'national_report', // occurred → the report reaches the national HC, 12 h [S3 五(二)]
  // Each commission's own duty: received → forwarded to the next level up, "immediately" (one clock per level).
  'county_forward',
  'city_forward',
  'province_forward',
] as const;
export type IncidentClock = (typeof INCIDENT_CLOCKS)[number];

// ---------------------------------------------------------------------------------------------
// Classification
// ---------------------------------------------------------------------------------------------

/**
 * Injury grades are legal categories and are kept apart: 重伤, 轻伤 (the threshold of a crime of
 * intentional injury, 刑法 art. 234) and 轻微伤 (at most a public-security matter).
 */
export type CasualtyCounts = {
  deaths: number;
  seriousInjuries: number; // 重伤
  lightInjuries: number; // 轻伤
  slightInjuries: number; // 轻微伤
};

/** Who was hurt: staff, the patient side (患方: patients and their relatives), the perpetrators, bystanders. */
export const CASUALTY_GROUPS = ['staff', 'patients', 'perpetrators', 'bystanders'] as const;
export type CasualtyGroup = (typeof CASUALTY_GROUPS)[number];

export type Casualties = Record<CasualtyGroup, CasualtyCounts>;

/** An injury appraisal's result (伤情鉴定意见); 'none' = no injury of any grade. */
export const INJURY_GRADES = ['serious', 'light', 'slight', 'none'] as const;
export type InjuryGrade = (typeof INJURY_GRADES)[number];
export const INJURY_GRADE_COUNT: Record<Exclude<InjuryGrade, 'none'>, keyof CasualtyCounts> = {
  serious: 'seriousInjuries',
  light: 'lightInjuries',
  slight: 'slightInjuries',
};

const NO_COUNTS: CasualtyCounts = { deaths: 0, seriousInjuries: 0, lightInjuries: 0, slightInjuries: 0 };

/**
 * Reads a classification as stored, whatever its age. Events written before the grades were
 * kept apart have `minorInjuries` (轻伤 and 轻微伤 merged) and only staff and patients: the merged
 * count is read as 轻微伤 — the lower grade is all that figure proves, and 轻伤 is a legal finding
 * (the crime threshold) nobody made — and the groups and the appraisal flag default to none.
 */
export function readClassification(stored: IncidentClassification): IncidentClassification {
  const raw = stored as unknown as {
    casualties?: Partial<Record<CasualtyGroup, Partial<CasualtyCounts> & { minorInjuries?: number }>>;
    seriousInjuryPendingAppraisal?: boolean;
  };
  const group = (name: CasualtyGroup): CasualtyCounts => {
    const given = raw.casualties?.[name] ?? {};
    return {
      deaths: given.deaths ?? 0,
      seriousInjuries: given.seriousInjuries ?? 0,
      lightInjuries: given.lightInjuries ?? 0,
      slightInjuries: given.slightInjuries ?? given.minorInjuries ?? 0,
    };
  };
  return {
    ...stored,
    casualties: {
      staff: group('staff'),
      patients: group('patients'),
      perpetrators: group('perpetrators'),
      bystanders: group('bystanders'),
    },
    seriousInjuryPendingAppraisal: raw.seriousInjuryPendingAppraisal ?? false,
  };
}

/** The counts summed over every group. */
export function totalCasualties(casualties: Casualties): CasualtyCounts {
  const total = { ...NO_COUNTS };
  for (const group of CASUALTY_GROUPS) {
    for (const name of Object.keys(NO_COUNTS) as (keyof CasualtyCounts)[]) total[name] += casualties[group]?.[name] ?? 0;
  }
  return total;
}

export type IncidentClassification = {
  /** Canonical order (as in INCIDENT_CATEGORIES), no duplicates; empty only before anyone classified it. */
  categories: IncidentCategory[];
  casualties: Casualties;
  /** 群体性事件 */
  massIncident: boolean;
  weaponsInvolved: boolean;
  /**
   * 疑似重伤，待鉴定: someone may be seriously injured and the appraisal is pending. It counts as
   * major (the report clocks run) until an `InjuryAppraised` event says otherwise.
   */
  seriousInjuryPendingAppraisal: boolean;
};

// ---------------------------------------------------------------------------------------------
// Case numbers: region + Shanghai date + sequence, e.g. '500101-20261122-0007'.
// The incident's case number is the correlation id of everything that follows from it.
// ---------------------------------------------------------------------------------------------

export interface CaseNumberParts {
  /** 6-digit administrative division code (行政区划代码) of the hospital's county. */
  regionCode: string;
  /** The Asia/Shanghai calendar date the number was allocated, 'YYYY-MM-DD'. */
  shanghaiDate: string;
  /** 1-based sequence within region and date. */
  sequence: number;
}

const CASE_NUMBER = /^(\d{6})-(\d{4})(\d{2})(\d{2})-(\d{4,})$/;
const SHANGHAI_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Formats a case number; the sequence is zero-padded to at least four digits. */
export function formatCaseNumber(regionCode: string, shanghaiDate: string, sequence: number): string {
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError(`Region code must be 6 digits, got '${regionCode}'`);
  const date = SHANGHAI_DATE.exec(shanghaiDate);
  if (!date || !isCalendarDate(Number(date[1]), Number(date[2]), Number(date[3]))) {
    throw new RangeError(`Date must be a calendar date 'YYYY-MM-DD', got '${shanghaiDate}'`);
  }
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`Sequence must be a positive integer, got ${sequence}`);
  return `${regionCode}-${date[1]}${date[2]}${date[3]}-${String(sequence).padStart(4, '0')}`;
}

/** Parses a case number, or returns null when it is not one. */
export function parseCaseNumber(caseNumber: string): CaseNumberParts | null {
  const match = CASE_NUMBER.exec(caseNumber);
  if (!match) return null;
  const [, regionCode, year, month, day, sequence] = match;
  if (!isCalendarDate(Number(year), Number(month), Number(day))) return null;
  const parsed = Number(sequence);
  if (!Number.isSafeInteger(parsed) || parsed < 1) return null;
  // Only the canonical form parses (no '00007' for 7), so a number has one spelling.
  if (sequence.length > 4 && sequence.startsWith('0')) return null;
  return { regionCode, shanghaiDate: `${year}-${month}-${day}`, sequence: parsed };
}

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

/** Every event names its incident the way other services know it. */
export type IncidentRef = {
  caseNumber: string;
  hospitalId: string;
  /** The hospital's 6-digit region code: higher levels see their whole region. */
  regionCode: string;
};

/** What the hospital must say when it reports [S3 二(二)]: parties, behaviour, injuries. */
export type IncidentParticulars = {
  partiesCount: number; // 当事方人数
  behaviour: string; // 具体行为
  anyoneInjured: boolean; // 有无人员受伤
  description: string | null;
};

/** The 110 caller's name and phone: personal data (police working the case only, audited). */
export type CallerDetails = { name: string | null; phone: string | null };

/**
 * The caller as an event carries it: `{ sealed }`, the CallerDetails sealed under the case's own
 * key, which stays in the incidents' database and is destroyed after the retention period
 * (CallerDataErased). Events written before sealing (and calls where the caller gave nothing)
 * carry plain CallerDetails: read as they are.
 */
export type RecordedCaller = CallerDetails | { sealed: SealedField };

/** The channel-specific part of an intake. Caller details are personal data: need-to-know only. */
export type IncidentIntake =
  | { channel: 'call_110'; callReceivedAt: string; caller: RecordedCaller; description: string }
  | ({ channel: 'hospital_report'; location: string | null } & IncidentParticulars)
  | { channel: 'one_key_alarm'; location: string; deviceId: string | null }
  | { channel: 'patrol'; location: string | null; description: string };

/** schemaVersion 1. Intake through any channel. */
export type IncidentReportedData = IncidentRef & {
  channel: IncidentChannel;
  intake: IncidentIntake;
  /** When it happened: the report clocks of a major incident run from here. */
  occurredAt: string;
  reportedAt: string;
  reportedByOrganisationId: string;
  hasPoliceOffice: boolean; // 警务室: decides the arrival limit
  classification: IncidentClassification;
  major: boolean;
  /** The county health commission over the hospital, from the directory: the report's first addressee. */
  countyHealthCommissionId?: string;
  /**
   * Who each level of the reporting chains is, from the directory when the incident came in, by
   * 'chain:level' ('health:county' … 'health:national', 'political_legal:local'); levels the
   * directory had no body for are absent.
   */
  escalationAddressees?: Partial<Record<string, string>>;
};

/** schemaVersion 1. A one-key alarm's particulars, filled in after the alarm. */
export type AlarmDetailsCompletedData = IncidentRef & { particulars: IncidentParticulars; completedAt: string };

/** schemaVersion 1. A new classification; `before` keeps the history (who: the event's actor). */
export type IncidentReclassifiedData = IncidentRef & {
  before: IncidentClassification;
  after: IncidentClassification;
  majorBefore: boolean;
  majorAfter: boolean;
  reason: string | null;
  reclassifiedAt: string;
};

/**
 * schemaVersion 1. The injury appraisal (伤情鉴定) for a suspected serious injury: it clears the
 * pending flag, counts the person in `group` at the appraised grade, and re-classifies.
 */
export type InjuryAppraisedData = IncidentRef & {
  group: CasualtyGroup;
  grade: InjuryGrade;
  /** The appraisal opinion's reference (鉴定意见书编号). */
  appraisalReference: string;
  appraisedAt: string;
  before: IncidentClassification;
  after: IncidentClassification;
  majorBefore: boolean;
  majorAfter: boolean;
};

/** schemaVersion 1 (each of the four police response steps). */
export type PoliceDispatchedData = IncidentRef & {
  dispatchedAt: string;
  unitOrganisationId: string;
  /** The unit's superior (the bureau over a station), when the dispatcher named it: it supervises the arrival clock. */
  supervisingOrganisationId?: string;
};
export type PoliceArrivedData = IncidentRef & { arrivedAt: string; dispatchedAt: string };
/** 违法行为已制止: mediation may follow only after this [S3 一(二)]. */
export type DisturbanceStoppedData = IncidentRef & { stoppedAt: string };
export type SceneClearedData = IncidentRef & { clearedAt: string };

/**
 * schemaVersion 1. The first report on a chain, received by its first level. A major incident's
 * reports to the county commission and the local 综治 are made by themselves, in the command that
 * made it major (`automatic`, in the hospital's name).
 */
export type EscalationSubmittedData = IncidentRef & {
  chain: EscalationChain;
  level: EscalationLevel;
  submittedAt: string;
  submittedByOrganisationId: string;
  major: boolean;
  /** The body at that level, when the directory names one. */
  addresseeOrganisationId?: string;
  automatic?: boolean;
};
/** schemaVersion 1. A level confirms receipt; `organisationId` is the acknowledging body. */
export type EscalationAcknowledgedData = IncidentRef & {
  chain: EscalationChain;
  level: EscalationLevel;
  acknowledgedAt: string;
  organisationId: string;
  major: boolean;
};
/** schemaVersion 1. A level passes the report on to the next. */
export type EscalationForwardedData = IncidentRef & {
  chain: EscalationChain;
  fromLevel: EscalationLevel;
  toLevel: EscalationLevel;
  forwardedAt: string;
  organisationId: string;
  major: boolean;
  /** The body at the next level, when the directory names one. */
  addresseeOrganisationId?: string;
};

/**
 * schemaVersion 1. Start a clock (DeadlineStore.start): `deadlineId` is unique per start,
 * `rule` is a name from the incidents deadline catalogue, `startedAt` may lie in the past
 * (a report clock runs from when the incident occurred).
 */
export type IncidentClockStartedData = IncidentRef & {
  deadlineId: string;
  clock: IncidentClock;
  rule: string;
  startedAt: string;
  responsibleOrganisationId: string;
  /** The next level up from the responsible organisation, when known: a breach is escalated to it. */
  supervisingOrganisationId?: string;
  /** Why now: the intake, a dispatch, or a reclassification that made the incident major. */
  trigger: 'reported_major' | 'reclassified_major' | 'police_dispatched' | 'report_received';
};
/** schemaVersion 1. The work is done (DeadlineStore.met at `completedAt`). */
export type IncidentClockStoppedData = IncidentRef & { deadlineId: string; clock: IncidentClock; completedAt: string };
/** schemaVersion 1. The obligation went away; the clock neither meets nor breaches. */
export type IncidentClockCancelledData = IncidentRef & {
  deadlineId: string;
  clock: IncidentClock;
  cancelledAt: string;
  reason: 'no_longer_major' | 'incident_closed';
};

/** schemaVersion 1. */
export type IncidentClosedData = IncidentRef & { outcome: IncidentOutcome; closedAt: string; note: string | null; major: boolean };
/** schemaVersion 1. */
export type IncidentReopenedData = IncidentRef & { reason: string; previousOutcome: IncidentOutcome; reopenedAt: string };
/** schemaVersion 1. The police case (案件) this incident became; its number is the police system's. */
export type IncidentLinkedToPoliceCaseData = IncidentRef & { policeCaseNumber: string; linkedAt: string };
/** schemaVersion 1. The medical dispute (医疗纠纷) this incident belongs to. */
export type IncidentLinkedToDisputeData = IncidentRef & { disputeCaseNumber: string; linkedAt: string };
/**
 * schemaVersion 1. The 110 caller's name and phone were erased (the case's key destroyed) once the
 * incident had been closed for the retention period a system administrator set.
 */
export type CallerDataErasedData = IncidentRef & { erasedAt: string; closedAt: string; retentionDays: number };

export type IncidentEvent =
  | { type: 'IncidentReported'; data: IncidentReportedData }
  | { type: 'AlarmDetailsCompleted'; data: AlarmDetailsCompletedData }
  | { type: 'IncidentReclassified'; data: IncidentReclassifiedData }
  | { type: 'InjuryAppraised'; data: InjuryAppraisedData }
  | { type: 'PoliceDispatched'; data: PoliceDispatchedData }
  | { type: 'PoliceArrived'; data: PoliceArrivedData }
  | { type: 'DisturbanceStopped'; data: DisturbanceStoppedData }
  | { type: 'SceneCleared'; data: SceneClearedData }
  | { type: 'EscalationSubmitted'; data: EscalationSubmittedData }
  | { type: 'EscalationAcknowledged'; data: EscalationAcknowledgedData }
  | { type: 'EscalationForwarded'; data: EscalationForwardedData }
  | { type: 'IncidentClockStarted'; data: IncidentClockStartedData }
  | { type: 'IncidentClockStopped'; data: IncidentClockStoppedData }
  | { type: 'IncidentClockCancelled'; data: IncidentClockCancelledData }
  | { type: 'IncidentClosed'; data: IncidentClosedData }
  | { type: 'IncidentReopened'; data: IncidentReopenedData }
  | { type: 'IncidentLinkedToPoliceCase'; data: IncidentLinkedToPoliceCaseData }
  | { type: 'IncidentLinkedToDispute'; data: IncidentLinkedToDisputeData }
  | { type: 'CallerDataErased'; data: CallerDataErasedData };

export type IncidentEventType = IncidentEvent['type'];

/** The schema version each event type is written with; bump with an upcaster, never edit. */
export const INCIDENT_EVENT_SCHEMA_VERSIONS: Record<IncidentEventType, number> = {
  IncidentReported: 1,
  AlarmDetailsCompleted: 1,
  IncidentReclassified: 1,
  InjuryAppraised: 1,
  PoliceDispatched: 1,
  PoliceArrived: 1,
  DisturbanceStopped: 1,
  SceneCleared: 1,
  EscalationSubmitted: 1,
  EscalationAcknowledged: 1,
  EscalationForwarded: 1,
  IncidentClockStarted: 1,
  IncidentClockStopped: 1,
  IncidentClockCancelled: 1,
  IncidentClosed: 1,
  IncidentReopened: 1,
  IncidentLinkedToPoliceCase: 1,
  IncidentLinkedToDispute: 1,
  CallerDataErased: 1,
};

export const INCIDENTS_CONTEXT = 'incidents';

/** Stream type and id of an incident: one stream per case number. */
export const INCIDENT_STREAM_TYPE = 'incident';
export const incidentStreamId = (caseNumber: string): string => `incident-${caseNumber}`;
