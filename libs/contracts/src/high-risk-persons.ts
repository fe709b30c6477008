/**
 * Public events of the high-risk-persons context (高风险就诊人员), on `pingan.high-risk-persons.events`.
 *
 * The most sensitive data in the system. Personal fields (name, resident ID number, phone, and
 * every free text about the person: behaviour, notes, reasons) travel ONLY as `SealedField`
 * ciphertext under a per-person key that never leaves the service; destroying that key on
 * erasure makes every copy unreadable (crypto-shredding), on Kafka as in PostgreSQL.
 * What is in the clear is structure: ids, categories, dates, acting organisations, statuses.
 * `personId` is a random UUID (a pseudonym): a consumer that needs the identity asks the
 * service, which checks and audits the read.
 *
 * Every event's data carries `HighRiskPersonRef`. Instants are ISO 8601 UTC strings. All
 * events are schemaVersion 1.
 */
import type { SealedField } from './sealed-field.js';

export const HIGH_RISK_PERSONS_CONTEXT = 'high-risk-persons';
export const HIGH_RISK_PERSON_STREAM_TYPE = 'high-risk-person';
export const highRiskPersonStreamId = (personId: string): string => `high-risk-person-${personId}`;

/** Categories [S0 二(三)3, S1 三(四), S3 三(三)]. */
export const HIGH_RISK_CATEGORIES = [
  'threatened_violence', // 扬言伤医
  'repeated_unreasonable_disturbance', // 多次无理缠闹
  'drunk_or_on_drugs', // 醉酒、吸毒
  'severe_mental_disorder_with_risk', // 有肇事肇祸风险的严重精神障碍
  'violent_tendency', // 暴力倾向
  'repeated_petitions_or_extreme_behaviour', // 多次信访、极端行为
] as const;
export type HighRiskCategory = (typeof HIGH_RISK_CATEGORIES)[number];

/** What a hospital is told to do when a flagged person arrives [S0, S2 二(五)]. */
export const HIGH_RISK_ADVICE = [
  'remind_staff', // 提醒医务人员
  'security_escort', // 安保陪诊
  'notify_police', // 通知公安
] as const;
export type HighRiskAdvice = (typeof HIGH_RISK_ADVICE)[number];

/**
 * A personal field, encrypted with the person's data key (AES-256-GCM, 96-bit IV, the person id
 * as additional data). Base64 strings. Unreadable once the key is destroyed.
 */

export type HighRiskPersonRef = {
  personId: string;
  /** Region of the organisation that registered the person (police jurisdiction follows it). */
  regionCode: string;
};

/** Deadline rule names (catalogue: apps/high-risk-persons/src/domain/deadline-rules.ts). */
export type HighRiskDeadlineRuleName = 'high-risk-flag-review' | 'stabilisation-task' | 'help-task' | 'counselling-task';

/**
 * How an event moves a clock: start → `start`, stop → `met` (done), cancel → `cancel` (no longer
 * needed). Deadline ids: `<personId>/flag-<n>/review-<k>` and `<personId>/task-<taskId>`; the
 * subject is the person id.
 */
export type HighRiskClockInstruction =
  | {
      action: 'start';
      deadlineId: string;
      subject: string;
      rule: HighRiskDeadlineRuleName;
      startedAt: string;
      responsibleOrganisationId: string;
      supervisingOrganisationId: string | null;
    }
  | { action: 'stop'; deadlineId: string; at: string }
  | { action: 'cancel'; deadlineId: string; at: string; reason: string };

/** One category with its grounds: the concrete behaviour and links to incidents/cases, sealed. */
export type HighRiskFlagCategory = { category: HighRiskCategory; grounds: SealedField };

/** First flag of a person: the identity (name, ID number, phone), sealed. schemaVersion 1. */
export type HighRiskPersonRegistered = {
  type: 'PersonRegistered';
  data: HighRiskPersonRef & { identity: SealedField; registeredAt: string; registeringOrganisationId: string };
};

/** A flag proposed; not active until approved by another organisation. schemaVersion 1. */
export type HighRiskFlagProposed = {
  type: 'FlagProposed';
  data: HighRiskPersonRef & {
    flagNo: number;
    categories: HighRiskFlagCategory[];
    proposingOrganisationId: string;
    proposingOrganisationKind: string;
    proposedAt: string;
  };
};

/** Approved by an authorised role of another organisation: the flag is ACTIVE; the review clock starts. schemaVersion 1. */
export type HighRiskFlagApproved = {
  type: 'FlagApproved';
  data: HighRiskPersonRef & {
    flagNo: number;
    categories: HighRiskCategory[];
    approvingOrganisationId: string;
    activatedAt: string;
    clocks: HighRiskClockInstruction[];
  };
};

/** schemaVersion 1. */
export type HighRiskFlagRejected = {
  type: 'FlagRejected';
  data: HighRiskPersonRef & { flagNo: number; reason: SealedField; rejectingOrganisationId: string; rejectedAt: string };
};

/** 训诫 / 警示 / 法制教育 by police [S0, S2 二(五)]. schemaVersion 1. */
export type HighRiskWarningGiven = {
  type: 'WarningGiven';
  data: HighRiskPersonRef & {
    flagNo: number;
    measureId: string;
    kind: 'reprimand' | 'warning' | 'legal_education';
    note: SealedField;
    actingOrganisationId: string;
    givenAt: string;
  };
};

/** 稳控 / 帮扶 / 心理疏导, assigned to a community (政法/综治) or police unit with a due clock [S0 二(二)3]. schemaVersion 1. */
export type HighRiskStabilisationTaskAssigned = {
  type: 'StabilisationTaskAssigned';
  data: HighRiskPersonRef & {
    flagNo: number;
    taskId: string;
    kind: 'stabilisation' | 'help' | 'counselling';
    assigneeOrganisationId: string;
    assigneeKind: 'community' | 'police';
    note: SealedField;
    actingOrganisationId: string;
    assignedAt: string;
    clocks: HighRiskClockInstruction[];
  };
};

/** schemaVersion 1. */
export type HighRiskStabilisationTaskCompleted = {
  type: 'StabilisationTaskCompleted';
  data: HighRiskPersonRef & {
    flagNo: number;
    taskId: string;
    outcome: SealedField;
    actingOrganisationId: string;
    completedAt: string;
    clocks: HighRiskClockInstruction[];
  };
};

/** Treatment arrangement for a severe mental disorder. schemaVersion 1. */
export type HighRiskTreatmentArranged = {
  type: 'TreatmentArranged';
  data: HighRiskPersonRef & {
    flagNo: number;
    measureId: string;
    arrangement: 'outpatient_follow_up' | 'hospitalisation' | 'community_management';
    note: SealedField;
    actingOrganisationId: string;
    arrangedAt: string;
  };
};

/** Reviewed and renewed: the old review clock is met, a new one starts. schemaVersion 1. */
export type HighRiskFlagRenewed = {
  type: 'FlagRenewed';
  data: HighRiskPersonRef & {
    flagNo: number;
    reviewNo: number;
    reason: SealedField;
    reviewingOrganisationId: string;
    renewedAt: string;
    clocks: HighRiskClockInstruction[];
  };
};

/** Removed from the list with a reason; history stays. schemaVersion 1. */
export type HighRiskFlagRemoved = {
  type: 'FlagRemoved';
  data: HighRiskPersonRef & {
    flagNo: number;
    reason: SealedField;
    removingOrganisationId: string;
    removedAt: string;
    clocks: HighRiskClockInstruction[];
  };
};

/** Not reviewed in time: the flag lapses on its own. schemaVersion 1. */
export type HighRiskFlagExpired = {
  type: 'FlagExpired';
  data: HighRiskPersonRef & { flagNo: number; deadlineId: string; expiredAt: string; clocks: HighRiskClockInstruction[] };
};

/**
 * A hospital's check matched an ACTIVE flag (real-name appointment, arrival): police follow up.
 * No identity: police open the record (audited) for it. schemaVersion 1.
 */
export type HighRiskArrivalAlertRaised = {
  type: 'ArrivalAlertRaised';
  data: HighRiskPersonRef & {
    alertId: string;
    flagNo: number;
    hospitalId: string;
    hospitalRegionCode: string;
    categories: HighRiskCategory[];
    advice: HighRiskAdvice[];
    checkedAt: string;
  };
};

/** Crypto-shredded: the person's key is destroyed; every sealed field of theirs is unreadable. schemaVersion 1. */
export type HighRiskPersonErased = {
  type: 'PersonErased';
  data: HighRiskPersonRef & { legalBasis: string; erasingOrganisationId: string; erasedAt: string };
};

/** A hospital check, whatever its outcome, in the stream `high-risk-checks-<hospitalId>`; no identifier of the person checked. schemaVersion 1. */
export type HighRiskCheckRecorded = {
  type: 'HighRiskCheckRecorded';
  data: {
    checkId: string;
    hospitalId: string;
    hospitalRegionCode: string;
    matched: boolean;
    alertId: string | null;
    checkedAt: string;
    purpose: string | null;
  };
};

export type HighRiskPersonEvent =
  | HighRiskPersonRegistered
  | HighRiskFlagProposed
  | HighRiskFlagApproved
  | HighRiskFlagRejected
  | HighRiskWarningGiven
  | HighRiskStabilisationTaskAssigned
  | HighRiskStabilisationTaskCompleted
  | HighRiskTreatmentArranged
  | HighRiskFlagRenewed
  | HighRiskFlagRemoved
  | HighRiskFlagExpired
  | HighRiskArrivalAlertRaised
  | HighRiskPersonErased;
