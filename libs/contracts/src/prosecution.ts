/**
 * Public events of the prosecution context (police case → procuratorate → court), published on
 * `pingan.prosecution.events` with stream type `police-case` and stream id = the case number,
 * which is also the correlation id (an incident's case number when the case came from one).
 *
 * Every event carries the case reference (case number, hospital, region) so that consumers in
 * other services need nothing else. Instants are ISO 8601 UTC strings.
 * Schema versions: every event below is at schemaVersion 1 (`PROSECUTION_EVENT_SCHEMA_VERSIONS`).
 */

export const PROSECUTION_CONTEXT = 'prosecution';
export const POLICE_CASE_STREAM_TYPE = 'police-case';

/** 治安案件 (administrative, Public Security Administration Punishments Law) or 刑事案件 (criminal). */
export type PoliceCaseKind = 'administrative' | 'criminal';

/** What every prosecution event carries, so consumers can route and count without a lookup. */
// A type alias, not an interface: event data must be assignable to Record<string, unknown>.
export type PoliceCaseRef = {
  caseNumber: string;
  hospitalId: string;
  /** 6-digit administrative division code (行政区划代码) of the hospital. */
  regionCode: string;
};

/**
 * The prosecution context's clock steps: a narrowing of `ClockInstruction` (clocks.ts), applied with
 * the append that carries them: `start`, `stop` → met, or cancelled with `outcome: 'moot'` (the duty
 * ended without the work, e.g. a detained suspect released on bail before any arrest request), `extend`.
 * Deadline ids are deterministic, so a redelivered event starts or stops nothing twice.
 */
export type ProsecutionClockInstruction =
  | {
      action: 'start';
      deadlineId: string;
      rule: string;
      /** The instant the period counts from (the decision's date, not when it was typed in). */
      startedAt: string;
      responsibleOrganisationId: string;
    }
  | {
      action: 'stop';
      deadlineId: string;
      rule: string;
      at: string;
      outcome: 'done' | 'moot';
    }
  | {
      action: 'extend';
      deadlineId: string;
      rule: string;
      by: { unit: 'calendar_days' | 'working_days'; amount: number };
      reason: string;
    };

export type PoliceCaseOrigin = { source: 'incident'; incidentId: string } | { source: 'direct' };

/** 治安管理处罚: warning (警告), fine (罚款), administrative detention (行政拘留). */
export type AdministrativePenalty =
  { kind: 'warning' } | { kind: 'fine'; amountYuan: number } | { kind: 'administrative_detention'; days: number };

/** 刑事强制措施. */
export type CompulsoryMeasureKind =
  | 'summons' // 拘传
  | 'bail' // 取保候审
  | 'residential_surveillance' // 监视居住
  | 'criminal_detention' // 刑事拘留
  | 'arrest'; // 逮捕

/** Grounds for extending the 3-day arrest-request period [law: CPL art. 91]. */
export type ArrestRequestExtensionGround =
  | 'special_circumstances' // 特殊情况: +1 to 4 days
  | 'roving' // 流窜作案
  | 'serial' // 多次作案
  | 'gang'; // 结伙作案 — these three: up to 30 days in all

export type ListedSupervisorKind = 'police' | 'health_commission' | 'political_legal';

export type CourtVerdict = 'guilty' | 'not_guilty';
/** 判决 (judgement: 10 days to appeal) or 裁定 (ruling: 5 days), CPL art. 230. */
export type CourtDecisionKind = 'judgement' | 'ruling';

export interface CriminalSentence {
  /** 主刑, or 'exempted' (免予刑事处罚) / 'fine_only' (单处罚金). */
  principal:
    | 'exempted'
    | 'fine_only'
    | 'public_surveillance' // 管制
    | 'criminal_detention' // 拘役
    | 'fixed_term_imprisonment' // 有期徒刑
    | 'life_imprisonment' // 无期徒刑
    | 'death'; // 死刑
  termMonths?: number;
  /** 缓刑考验期, when the sentence is suspended. */
  probationMonths?: number;
  fineYuan?: number;
}

type E<Type extends string, Data> = { type: Type; data: PoliceCaseRef & Data };

/** 受案: the case is accepted, from an incident or directly. */
export type CaseAccepted = E<
  'CaseAccepted',
  {
    kind: PoliceCaseKind;
    origin: PoliceCaseOrigin;
    handlingUnitId: string;
    acceptedAt: string;
    summary: string;
    /** A major case (from the incident's major flag): a designated prosecutor is expected [S0 二(四)3]. Absent: not major. */
    major?: boolean;
    /**
     * From an incident: whether the incident recorded its disturbance stopped (DisturbanceStopped) before the
     * handover; 治安调解 waits for it [S3 一(二)]. Absent on direct cases and on cases accepted before it was kept.
     */
    incidentDisturbanceStopped?: boolean;
    /** An administrative case starts its 30-day case clock (治安管理处罚法). Absent on older events. */
    clocks?: ProsecutionClockInstruction[];
  }
>;
/** 立案: a criminal case is filed for investigation. */
export type CriminalCaseFiled = E<'CriminalCaseFiled', { filingUnitId: string; filedAt: string }>;
/** An administrative case turns out to be a crime (经调查取证涉嫌构成犯罪) [S2 二(六)]. */
export type CaseConvertedToCriminal = E<
  'CaseConvertedToCriminal',
  { reason: string; convertedAt: string; /** Stops the 治安案件 period (moot) where it ran. */ clocks?: ProsecutionClockInstruction[] }
>;
/**
 * A suspect joins the case. The name is personal data and is NOT in the event (events are
 * immutable and travel to every subscriber): the prosecution service keeps it in its own
 * erasable table, and every read of it is audited. Other services know suspects by id only.
 */
export type SuspectAdded = E<'SuspectAdded', { suspectId: string; addedAt: string }>;
export type InvestigationNoteAdded = E<'InvestigationNoteAdded', { noteId: string; text: string; authorUserId: string; writtenAt: string }>;
export type CaseTransferred = E<
  'CaseTransferred',
  {
    fromUnitId: string;
    toUnitId: string;
    reason: string;
    transferredAt: string;
  }
>;
/** Starts the ministry-system-entry clock. */
export type AdministrativePenaltyDecided = E<
  'AdministrativePenaltyDecided',
  {
    decisionId: string;
    suspectId: string;
    penalty: AdministrativePenalty;
    decidedAt: string;
    decidingUnitId: string;
    clocks: ProsecutionClockInstruction[];
  }
>;
/**
 * Starts the ministry-system-entry clock; criminal detention also starts the arrest-request clock;
 * bail or residential surveillance of a detained suspect ends the detention and stops it (moot).
 */
export type CompulsoryMeasureImposed = E<
  'CompulsoryMeasureImposed',
  {
    measureId: string;
    suspectId: string;
    measure: CompulsoryMeasureKind;
    decidedAt: string;
    decidingUnitId: string;
    /** The suspect's custody after the measure: only detention and arrest hold a person. */
    custodyAfter: 'none' | 'criminal_detention' | 'arrested';
    clocks: ProsecutionClockInstruction[];
  }
>;
/** Stops the ministry-system-entry clock of that decision or measure. */
export type MinistrySystemEntryRecorded = E<
  'MinistrySystemEntryRecorded',
  {
    decisionId: string;
    suspectId: string;
    referenceNumber: string;
    recordedAt: string;
    clocks: ProsecutionClockInstruction[];
  }
>;
/** Extends the arrest-request clock. */
export type ArrestRequestPeriodExtended = E<
  'ArrestRequestPeriodExtended',
  {
    suspectId: string;
    detentionMeasureId: string;
    ground: ArrestRequestExtensionGround;
    explanation: string;
    days: number;
    /** Days added so far, this extension included (the period is 3 + this). */
    totalExtensionDays: number;
    extendedAt: string;
    clocks: ProsecutionClockInstruction[];
  }
>;
/**
 * 提请批准逮捕: stops the arrest-request clock. The decision clock starts with the procuratorate's
 * receipt (ArrestRequestReceived); requests recorded before receipt existed carried its start here.
 */
export type ArrestApprovalRequested = E<
  'ArrestApprovalRequested',
  {
    requestId: string;
    suspectId: string;
    procuratorateId: string;
    requestedAt: string;
    clocks: ProsecutionClockInstruction[];
  }
>;
/** 收到提请批准逮捕书: the procuratorate's decision period counts from here (CPL art. 91: 自接到…后). */
export type ArrestRequestReceived = E<
  'ArrestRequestReceived',
  {
    requestId: string;
    suspectId: string;
    procuratorateId: string;
    receivedAt: string;
    clocks: ProsecutionClockInstruction[];
  }
>;
/** 批准逮捕 / 不批准逮捕: stops the arrest-decision clock. Not approved: the suspect is released. */
export type ArrestApprovalDecided = E<
  'ArrestApprovalDecided',
  {
    requestId: string;
    suspectId: string;
    procuratorateId: string;
    outcome: 'approved' | 'not_approved';
    reason: string;
    decidedAt: string;
    releaseRequired: boolean;
    clocks: ProsecutionClockInstruction[];
  }
>;
/** 指定专人负责 [S0 二(四)3]. */
export type ProsecutorDesignated = E<
  'ProsecutorDesignated',
  {
    procuratorateId: string;
    prosecutorUserId: string;
    prosecutorName: string;
    designatedAt: string;
  }
>;
/** 移送审查起诉: starts the prosecution-review clock (the custody variant when anyone is held). */
export type CaseTransferredForProsecution = E<
  'CaseTransferredForProsecution',
  {
    suspectIds: string[];
    procuratorateId: string;
    transferringUnitId: string;
    inCustody: boolean;
    transferredAt: string;
    clocks: ProsecutionClockInstruction[];
  }
>;
/** +15 days for a major or complex case: extends the prosecution-review clock. */
export type ProsecutionReviewExtended = E<
  'ProsecutionReviewExtended',
  {
    ground: 'major' | 'complex';
    explanation: string;
    days: number;
    extendedAt: string;
    clocks: ProsecutionClockInstruction[];
  }
>;
/**
 * 退回补充侦查 (CPL art. 175), at most twice: the review period ends with this decision (its clock
 * is met), and the police's one-month clock starts. `returnNumber` is 1 or 2.
 */
export type CaseReturnedForSupplementaryInvestigation = E<
  'CaseReturnedForSupplementaryInvestigation',
  {
    procuratorateId: string;
    handlingUnitId: string;
    returnNumber: number;
    reason: string;
    returnedAt: string;
    clocks: ProsecutionClockInstruction[];
  }
>;
/**
 * 补充侦查完毕移送: meets the police's clock and starts a new review period (重新计算审查起诉期限,
 * CPL art. 175), a clock of its own so the first period's record stays as it was.
 */
export type CaseResubmittedForProsecution = E<
  'CaseResubmittedForProsecution',
  {
    procuratorateId: string;
    resubmittingUnitId: string;
    returnNumber: number;
    inCustody: boolean;
    resubmittedAt: string;
    clocks: ProsecutionClockInstruction[];
  }
>;
/** 提起公诉: stops the prosecution-review clock once every suspect under review has an outcome. */
export type SuspectsIndicted = E<
  'SuspectsIndicted',
  {
    suspectIds: string[];
    procuratorateId: string;
    courtId: string;
    indictedAt: string;
    clocks: ProsecutionClockInstruction[];
  }
>;
/** 不起诉: as above for the clock. */
export type NonProsecutionDecided = E<
  'NonProsecutionDecided',
  {
    suspectIds: string[];
    procuratorateId: string;
    reason: string;
    decidedAt: string;
    clocks: ProsecutionClockInstruction[];
  }
>;
export type FirstInstanceTrialStarted = E<'FirstInstanceTrialStarted', { courtId: string; defendantIds: string[]; startedAt: string }>;
export type FirstInstanceVerdictDelivered = E<
  'FirstInstanceVerdictDelivered',
  {
    courtId: string;
    suspectId: string;
    verdict: CourtVerdict;
    sentence: CriminalSentence | null;
    deliveredAt: string;
    /** 判决 or 裁定: the appeal period is 10 or 5 days (CPL art. 230). Absent on older events: a judgement. */
    decisionKind?: CourtDecisionKind;
    /** Starts the appeal window (a lapse rule: its running out lets the verdict stand). Absent on older events. */
    clocks?: ProsecutionClockInstruction[];
  }
>;
/** 上诉 (defendant) or 抗诉 (procuratorate). */
export type AppealFiled = E<
  'AppealFiled',
  {
    suspectId: string;
    appellant: 'defendant' | 'procuratorate';
    filedAt: string;
    /** Meets the appeal window. Absent on older events. */
    clocks?: ProsecutionClockInstruction[];
  }
>;
export type FinalJudgementRecorded = E<
  'FinalJudgementRecorded',
  {
    courtId: string;
    suspectId: string;
    verdict: CourtVerdict;
    sentence: CriminalSentence | null;
    basis: 'first_instance_not_appealed' | 'second_instance';
    finalAt: string;
    /** Ends an appeal window still open (moot). Absent on older events. */
    clocks?: ProsecutionClockInstruction[];
  }
>;
/** 治安案件 case period extended once by 30 days, with the superior public-security organ's approval (经上一级公安机关批准). */
export type PublicSecurityCasePeriodExtended = E<
  'PublicSecurityCasePeriodExtended',
  {
    /** The approving superior organ and the person who approved (who approved is the record). */
    approvingUnitId: string;
    approverName: string;
    reason: string;
    days: number;
    extendedAt: string;
    clocks: ProsecutionClockInstruction[];
  }
>;
/**
 * The incident behind the case recorded its disturbance stopped after the case was accepted (the incident was
 * reopened, the stop recorded, and handed over again): 治安调解 may now go ahead [S3 一(二)].
 */
export type IncidentDisturbanceStoppedNoted = E<'IncidentDisturbanceStoppedNoted', { incidentId: string; notedAt: string }>;
/** 治安调解 outcome: agreement reached (达成协议) or failed (未达成协议 / 不履行), after which a penalty may follow. */
export type PublicSecurityMediationOutcome = 'agreement_reached' | 'failed';
/** 治安调解 of an administrative case; an agreement is the case's decision (meets the case clock). */
export type PublicSecurityMediationRecorded = E<
  'PublicSecurityMediationRecorded',
  {
    mediationId: string;
    outcome: PublicSecurityMediationOutcome;
    note: string | null;
    mediatingUnitId: string;
    concludedAt: string;
    clocks: ProsecutionClockInstruction[];
  }
>;

/** 挂牌督办 [S0 二(四)3]. */
export type ListedSupervisionStarted = E<
  'ListedSupervisionStarted',
  {
    supervisorOrganisationId: string;
    supervisorKind: ListedSupervisorKind;
    requirements: string;
    dueAt: string;
    startedAt: string;
  }
>;
export type SupervisionProgressReported = E<
  'SupervisionProgressReported',
  {
    supervisorOrganisationId: string;
    reportingOrganisationId: string;
    report: string;
    reportedAt: string;
  }
>;
export type ListedSupervisionRemoved = E<
  'ListedSupervisionRemoved',
  { supervisorOrganisationId: string; reason: string; removedAt: string }
>;

export type ProsecutionEvent =
  | CaseAccepted
  | CriminalCaseFiled
  | CaseConvertedToCriminal
  | SuspectAdded
  | InvestigationNoteAdded
  | CaseTransferred
  | AdministrativePenaltyDecided
  | CompulsoryMeasureImposed
  | MinistrySystemEntryRecorded
  | ArrestRequestPeriodExtended
  | ArrestApprovalRequested
  | ArrestRequestReceived
  | ArrestApprovalDecided
  | ProsecutorDesignated
  | CaseTransferredForProsecution
  | ProsecutionReviewExtended
  | CaseReturnedForSupplementaryInvestigation
  | CaseResubmittedForProsecution
  | SuspectsIndicted
  | NonProsecutionDecided
  | FirstInstanceTrialStarted
  | FirstInstanceVerdictDelivered
  | AppealFiled
  | FinalJudgementRecorded
  | ListedSupervisionStarted
  | SupervisionProgressReported
  | ListedSupervisionRemoved
  | PublicSecurityCasePeriodExtended
  | PublicSecurityMediationRecorded
  | IncidentDisturbanceStoppedNoted;

export type ProsecutionEventType = ProsecutionEvent['type'];

/** Current schema version of each event type (all 1; bump with an upcaster, never edit old events). */
export const PROSECUTION_EVENT_SCHEMA_VERSIONS: Readonly<Record<ProsecutionEventType, number>> = {
  CaseAccepted: 1,
  CriminalCaseFiled: 1,
  CaseConvertedToCriminal: 1,
  SuspectAdded: 1,
  InvestigationNoteAdded: 1,
  CaseTransferred: 1,
  AdministrativePenaltyDecided: 1,
  CompulsoryMeasureImposed: 1,
  MinistrySystemEntryRecorded: 1,
  ArrestRequestPeriodExtended: 1,
  ArrestApprovalRequested: 1,
  ArrestRequestReceived: 1,
  ArrestApprovalDecided: 1,
  ProsecutorDesignated: 1,
  CaseTransferredForProsecution: 1,
  ProsecutionReviewExtended: 1,
  CaseReturnedForSupplementaryInvestigation: 1,
  CaseResubmittedForProsecution: 1,
  SuspectsIndicted: 1,
  NonProsecutionDecided: 1,
  FirstInstanceTrialStarted: 1,
  FirstInstanceVerdictDelivered: 1,
  AppealFiled: 1,
  FinalJudgementRecorded: 1,
  ListedSupervisionStarted: 1,
  SupervisionProgressReported: 1,
  ListedSupervisionRemoved: 1,
  PublicSecurityCasePeriodExtended: 1,
  PublicSecurityMediationRecorded: 1,
  IncidentDisturbanceStoppedNoted: 1,
};

export const PROSECUTION_EVENT_TYPES = Object.keys(PROSECUTION_EVENT_SCHEMA_VERSIONS) as ProsecutionEventType[];
