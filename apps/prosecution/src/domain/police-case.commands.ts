import type { Command } from '@pingan/platform';
import type {
  AdministrativePenalty,
  ArrestRequestExtensionGround,
  CompulsoryMeasureKind,
  CourtDecisionKind,
  CourtVerdict,
  CriminalSentence,
  ListedSupervisorKind,
  PoliceCaseKind,
  PublicSecurityMediationOutcome,
} from '@pingan/contracts';

/**
 * Commands on a police case (stream id = case number), in the one command shape: `metadata.now`
 * is when the system records it (the injectable clock), `metadata.actor` who acts; where a rule
 * depends on who acts (procuratorate, court, supervising body) the actor's organisation is the one
 * that acts. Instants of decisions taken outside the system (`decidedAt`) are data fields.
 */
type C<Type extends string, Data> = Command<Type, Data>;

type CaseHeader = {
  caseNumber: string;
  hospitalId: string;
  regionCode: string;
  kind: PoliceCaseKind;
  /** The police unit that accepts and handles the case (派出所, 分局…). */
  handlingUnitId: string;
  summary: string;
};

/**
 * Issued by the service layer when it consumes an incident from `pingan.incidents.events`;
 * the incident's case number becomes this case's number and the correlation id.
 */
export type OpenCaseFromIncident = C<
  'OpenCaseFromIncident',
  CaseHeader & {
    incidentId: string;
    major?: boolean;
    /** From the incident's own DisturbanceStopped event (as the consumer kept it), never from a request. */
    disturbanceStopped?: boolean;
  }
>;
/** A case accepted directly (e.g. a report at the station), with no incident behind it. */
export type OpenCase = C<'OpenCase', CaseHeader>;
export type FileCriminalCase = C<'FileCriminalCase', { caseNumber: string; filingUnitId: string }>;
export type ConvertToCriminalCase = C<'ConvertToCriminalCase', { caseNumber: string; reason: string }>;
export type AddSuspect = C<'AddSuspect', { caseNumber: string; suspectId: string; name: string }>;
export type AddInvestigationNote = C<'AddInvestigationNote', { caseNumber: string; noteId: string; text: string }>;
export type TransferCase = C<'TransferCase', { caseNumber: string; toUnitId: string; reason: string }>;

export type DecideAdministrativePenalty = C<
  'DecideAdministrativePenalty',
  {
    caseNumber: string;
    decisionId: string;
    suspectId: string;
    penalty: AdministrativePenalty;
    decidedAt: Date;
    decidingUnitId: string;
  }
>;
export type ImposeCompulsoryMeasure = C<
  'ImposeCompulsoryMeasure',
  {
    caseNumber: string;
    measureId: string;
    suspectId: string;
    measure: CompulsoryMeasureKind;
    decidedAt: Date;
    decidingUnitId: string;
  }
>;
/** `decisionId` is a penalty decision's or a compulsory measure's id. */
export type RecordMinistrySystemEntry = C<'RecordMinistrySystemEntry', { caseNumber: string; decisionId: string; referenceNumber: string }>;

export type ExtendArrestRequestPeriod = C<
  'ExtendArrestRequestPeriod',
  {
    caseNumber: string;
    suspectId: string;
    ground: ArrestRequestExtensionGround;
    explanation: string;
    days: number;
  }
>;
export type RequestArrestApproval = C<
  'RequestArrestApproval',
  {
    caseNumber: string;
    requestId: string;
    suspectId: string;
    procuratorateId: string;
  }
>;
/** 收到提请批准逮捕书, by the procuratorate the request went to; when: `metadata.occurredAt`. */
export type RecordArrestRequestReceipt = C<'RecordArrestRequestReceipt', { caseNumber: string; suspectId: string }>;
/** The acting procuratorate (actor.organisationId) must be the one the request went to. */
export type DecideArrestApproval = C<
  'DecideArrestApproval',
  {
    caseNumber: string;
    suspectId: string;
    outcome: 'approved' | 'not_approved';
    reason: string;
  }
>;
/** The acting procuratorate designates one of its prosecutors [S0 二(四)3]. */
export type DesignateProsecutor = C<'DesignateProsecutor', { caseNumber: string; prosecutorUserId: string; prosecutorName: string }>;
export type TransferForProsecution = C<'TransferForProsecution', { caseNumber: string; suspectIds: string[]; procuratorateId: string }>;
export type ExtendProsecutionReview = C<
  'ExtendProsecutionReview',
  { caseNumber: string; ground: 'major' | 'complex'; explanation: string }
>;
/** 退回补充侦查 by the reviewing procuratorate (CPL art. 175); when it happened: `metadata.occurredAt`. */
export type ReturnForSupplementaryInvestigation = C<'ReturnForSupplementaryInvestigation', { caseNumber: string; reason: string }>;
/** The police resubmit the returned case (补充侦查完毕移送); when: `metadata.occurredAt`. */
export type ResubmitForProsecution = C<'ResubmitForProsecution', { caseNumber: string }>;
export type Indict = C<'Indict', { caseNumber: string; suspectIds: string[]; courtId: string }>;
export type DecideNotToProsecute = C<'DecideNotToProsecute', { caseNumber: string; suspectIds: string[]; reason: string }>;

/** The acting court must be the one the indictment went to. */
export type StartFirstInstanceTrial = C<'StartFirstInstanceTrial', { caseNumber: string }>;
export type DeliverFirstInstanceVerdict = C<
  'DeliverFirstInstanceVerdict',
  {
    caseNumber: string;
    suspectId: string;
    verdict: CourtVerdict;
    sentence: CriminalSentence | null;
    /** 判决 (default) or 裁定: which appeal period runs (CPL art. 230). */
    decisionKind?: CourtDecisionKind;
  }
>;
export type FileAppeal = C<
  'FileAppeal',
  {
    caseNumber: string;
    suspectId: string;
    appellant: 'defendant' | 'procuratorate';
  }
>;
/**
 * A first-instance verdict that nobody appealed becomes final as delivered; after an appeal the
 * second-instance court's judgement is recorded (acting court: the appeal court).
 */
export type RecordFinalJudgement = C<
  'RecordFinalJudgement',
  {
    caseNumber: string;
    suspectId: string;
    verdict: CourtVerdict;
    sentence: CriminalSentence | null;
  }
>;

/** 挂牌督办 by the acting superior body (actor.organisationId). */
export type PutUnderListedSupervision = C<
  'PutUnderListedSupervision',
  {
    caseNumber: string;
    supervisorKind: ListedSupervisorKind;
    requirements: string;
    dueAt: Date;
  }
>;
export type ReportSupervisionProgress = C<'ReportSupervisionProgress', { caseNumber: string; report: string }>;
export type RemoveListedSupervision = C<'RemoveListedSupervision', { caseNumber: string; reason: string }>;

/** 经上一级公安机关批准延长三十日: the approval is recorded by the handling unit, naming who approved. */
export type ExtendPublicSecurityCasePeriod = C<
  'ExtendPublicSecurityCasePeriod',
  { caseNumber: string; approvingUnitId: string; approverName: string; reason: string }
>;
/** 治安调解 of an administrative case, concluded with an agreement or failed; when: `metadata.occurredAt`. */
export type RecordPublicSecurityMediation = C<
  'RecordPublicSecurityMediation',
  { caseNumber: string; mediationId: string; outcome: PublicSecurityMediationOutcome; note: string | null }
>;

export type PoliceCaseCommand =
  | OpenCaseFromIncident
  | OpenCase
  | FileCriminalCase
  | ConvertToCriminalCase
  | AddSuspect
  | AddInvestigationNote
  | TransferCase
  | DecideAdministrativePenalty
  | ImposeCompulsoryMeasure
  | RecordMinistrySystemEntry
  | ExtendArrestRequestPeriod
  | RequestArrestApproval
  | RecordArrestRequestReceipt
  | DecideArrestApproval
  | DesignateProsecutor
  | TransferForProsecution
  | ExtendProsecutionReview
  | ReturnForSupplementaryInvestigation
  | ResubmitForProsecution
  | Indict
  | DecideNotToProsecute
  | StartFirstInstanceTrial
  | DeliverFirstInstanceVerdict
  | FileAppeal
  | RecordFinalJudgement
  | PutUnderListedSupervision
  | ReportSupervisionProgress
  | RemoveListedSupervision
  | ExtendPublicSecurityCasePeriod
  | RecordPublicSecurityMediation;
