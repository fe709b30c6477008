import type { Command } from '@pingan/platform';
import type { SealedField, CasualtyGroup, EscalationChain, EscalationLevel, IncidentOutcome, InjuryGrade } from '@pingan/contracts';
import type { ClassificationInput } from './incident.classification.js';

/**
 * Commands on one incident, in the one command shape: `metadata.now` is when the system records it
 * (the injectable clock), `metadata.actor` who acts. Times of things that happened outside the
 * system (the call, the dispatch, the arrival) are data fields, since they may be recorded a little
 * later. Fields a person may leave out are optional here: the decider checks them, not the type system.
 */
type CommandOf<Type extends string, Data> = Command<Type, Data>;

/** The hospital as the service layer found it in the access directory when the incident comes in. */
export interface HospitalRef {
  hospitalId: string;
  /** 6-digit region code of the hospital's county. */
  regionCode: string;
  /** 警务室 on site: the arrival limit is 3 minutes instead of 8 [S1 三(一)]. */
  hasPoliceOffice: boolean;
  /** The county health commission over the hospital (the report's first addressee; supervises the hospital's clock), when the directory has one. */
  countyHealthCommissionId?: string;
  /** Who each level of the reporting chains is ('health:county' … 'health:national', 'political_legal:local'), from the directory. */
  escalationAddressees?: Partial<Record<string, string>>;
}

/** What happened, as the channel tells it. */
export type IntakeInput =
  | {
      channel: 'call_110';
      callReceivedAt: Date;
      /**
       * `sealed`: the caller's details (callerDetailsOf) sealed under the case's key by the service
       * layer, which keeps the key; the event then carries only that. Without it the details are
       * recorded as given (how events before sealing were written).
       */
      caller?: { name?: string; phone?: string; sealed?: SealedField };
      /** What is happening, as the caller says. */
      description: string;
    }
  | {
      channel: 'hospital_report';
      location?: string;
      // Required by [S3 二(二)] — optional here so the decider can say what is missing.
      partiesCount?: number;
      behaviour?: string;
      anyoneInjured?: boolean;
      description?: string;
    }
  | { channel: 'one_key_alarm'; location: string; deviceId?: string }
  | { channel: 'patrol'; location?: string; description: string };

export type ReportIncident = CommandOf<
  'ReportIncident',
  {
    /** Allocated by the service before deciding (region + Shanghai date + sequence). */
    caseNumber: string;
    hospital: HospitalRef;
    occurredAt: Date;
    intake: IntakeInput;
    /** Often unknown at intake (one-key alarm): then unclassified. */
    classification?: ClassificationInput;
  }
>;

/** The particulars of a one-key alarm, filled in after the alarm. */
export type CompleteAlarmDetails = CommandOf<
  'CompleteAlarmDetails',
  { partiesCount?: number; behaviour?: string; anyoneInjured?: boolean; description?: string }
>;

export type ReclassifyIncident = CommandOf<'ReclassifyIncident', { classification: ClassificationInput; reason?: string }>;

// The instants of the steps below default to when the command is decided; a stated one, checked by
// the pipeline (metadata.occurredAt, taken as now when a skewed clock put it just ahead), wins.

/** The appraisal (伤情鉴定) of a suspected serious injury: whose, at what grade, by which opinion. */
export type RecordInjuryAppraisal = CommandOf<
  'RecordInjuryAppraisal',
  { group: CasualtyGroup; grade: InjuryGrade; appraisalReference: string; appraisedAt?: Date }
>;

export type DispatchPolice = CommandOf<
  'DispatchPolice',
  {
    dispatchedAt?: Date;
    unitOrganisationId: string;
    /** The unit's superior in the directory (the bureau over a station): supervises the arrival clock, when it has one. */
    supervisingOrganisationId?: string;
  }
>;
export type RecordPoliceArrival = CommandOf<'RecordPoliceArrival', { arrivedAt?: Date }>;
/** 违法行为已制止. May have been stopped (by hospital security) before the police arrived. */
export type RecordDisturbanceStopped = CommandOf<'RecordDisturbanceStopped', { stoppedAt?: Date }>;
export type RecordSceneCleared = CommandOf<'RecordSceneCleared', { clearedAt?: Date }>;

/** The first report on a chain (hospital → county HC, station → bureau, hospital → local 综治). */
export type SubmitEscalation = CommandOf<'SubmitEscalation', { chain: EscalationChain }>;
export type AcknowledgeEscalation = CommandOf<'AcknowledgeEscalation', { chain: EscalationChain; level: EscalationLevel }>;
export type ForwardEscalation = CommandOf<'ForwardEscalation', { chain: EscalationChain; fromLevel: EscalationLevel }>;

export type CloseIncident = CommandOf<'CloseIncident', { outcome: IncidentOutcome; note?: string }>;
export type ReopenIncident = CommandOf<'ReopenIncident', { reason: string }>;
export type LinkPoliceCase = CommandOf<'LinkPoliceCase', { policeCaseNumber: string }>;
export type LinkDispute = CommandOf<'LinkDispute', { disputeCaseNumber: string }>;

/**
 * The sweep erases the 110 caller's details of an incident closed for the retention period (the
 * service destroys the case's key in the same transaction).
 */
export type EraseCallerData = CommandOf<'EraseCallerData', { retentionDays: number }>;

export type IncidentCommand =
  | ReportIncident
  | CompleteAlarmDetails
  | ReclassifyIncident
  | RecordInjuryAppraisal
  | DispatchPolice
  | RecordPoliceArrival
  | RecordDisturbanceStopped
  | RecordSceneCleared
  | SubmitEscalation
  | AcknowledgeEscalation
  | ForwardEscalation
  | CloseIncident
  | ReopenIncident
  | LinkPoliceCase
  | LinkDispute
  | EraseCallerData;
