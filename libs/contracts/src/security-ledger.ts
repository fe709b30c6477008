/**
 * Public events of the security-ledger context (医院安全秩序管理工作台账), on
 * `pingan.security-ledger.events`: each hospital's security profile as its security office files
 * it. The standards are evaluated at read time (apps/security-ledger/src/domain/standards.ts), so
 * no event carries a verdict that a later standard would make stale.
 *
 * Instants are ISO 8601 UTC strings; days are Shanghai days (YYYY-MM-DD). schemaVersion 1.
 */

import type { SecurityAssessmentEvent } from './security-assessment.js';

export const SECURITY_LEDGER_CONTEXT = 'security-ledger';
export const SECURITY_PROFILE_STREAM_TYPE = 'security-profile';
export const securityProfileStreamId = (hospitalId: string): string => `security-profile-${hospitalId}`;

/** 安检设备 [S0 二(三)2]. */
export const SCREENING_EQUIPMENT = [
  'walk_through_metal_detector',
  'x_ray_baggage_scanner',
  'handheld_metal_detector',
  'liquid_detector',
] as const;
export type ScreeningEquipment = (typeof SCREENING_EQUIPMENT)[number];

export interface PoliceOfficeProfile {
  present: boolean;
  fullTimeOfficers: number;
  partTimeOfficers: number;
  auxiliaries: number;
  guards: number;
}

/**
 * A hospital's security profile. Every part may be null: not yet filed, which the standards read
 * as "unknown", never as "no".
 */
export interface SecurityProfile {
  /** 开放床位 */
  openBeds: number | null;
  /** 在岗医务人员 */
  onDutyMedicalStaff: number | null;
  /** 日均门诊量（人次） */
  dailyOutpatients: number | null;
  /** 专职保卫干部 */
  securityCadres: number | null;
  /** 保安员 */
  guards: number | null;
  /** 持证上岗的保安员 */
  certifiedGuards: number | null;
  policeOffice: PoliceOfficeProfile | null;
  screening: { mainEntrances: number; screenedMainEntrances: number; equipment: ScreeningEquipment[] } | null;
  alarms: {
    gate: boolean;
    departments: boolean;
    keyPlaces: boolean;
    networkedToMonitoringCentre: boolean;
    networkedToPolice: boolean;
  } | null;
  video: { keyPlacesCovered: boolean; highDefinition: boolean; retentionDays: number } | null;
  emergencyPlan: { adopted: boolean; revisedOn: string | null } | null;
  /** Days emergency drills were held. */
  drills: string[] | null;
  /** Security training sessions in the last twelve months. */
  trainingSessions: number | null;
  /** 医疗责任保险 */
  liabilityInsurance: boolean | null;
}

/** What every security-ledger event of a hospital carries. Level and ownership as the directory knows them (null: it does not). */
export type SecurityHospitalRef = {
  hospitalId: string;
  regionCode: string;
};

export type SecurityProfileFiled = {
  type: 'SecurityProfileFiled';
  data: SecurityHospitalRef & {
    /** 1 for the first filing, then one more each time the profile changes. */
    revision: number;
    level: '一级' | '二级' | '三级' | null;
    ownership: 'public' | 'private' | null;
    profile: SecurityProfile;
    filedAt: string;
  };
};

/**
 * Self-inspection returns (自查填报) [S0 三(三), S2 四(四)]: a health commission sets a return for the
 * hospitals of its region (stream `security-return-<returnId>`); each hospital's duty to file is a
 * clock (rule `self-inspection-return`, due at 24:00 Shanghai time of the due day), stopped by its filing.
 */
export const SELF_INSPECTION_RETURN_STREAM_TYPE = 'security-return';
export const selfInspectionReturnStreamId = (returnId: string): string => `security-return-${returnId}`;
export const selfInspectionDeadlineId = (returnId: string, hospitalId: string): string => `${returnId}/${hospitalId}`;
export type SecurityLedgerDeadlineRuleName = 'self-inspection-return' | 'rectification-item';

/** Where a hospital stands on a return: filed by the due date, filed after it, not filed and overdue, not filed and not yet due. */
export const SELF_INSPECTION_FILING_STATUSES = ['on_time', 'late', 'missing', 'pending'] as const;
export type SelfInspectionFilingStatus = (typeof SELF_INSPECTION_FILING_STATUSES)[number];

export type SecurityLedgerClockInstruction =
  | {
      action: 'start';
      deadlineId: string;
      subject: string;
      rule: SecurityLedgerDeadlineRuleName;
      startedAt: string;
      dueAt: string;
      responsibleOrganisationId: string;
      supervisingOrganisationId: string | null;
    }
  | { action: 'stop'; deadlineId: string; at: string };

export type SelfInspectionReturnSet = {
  type: 'SelfInspectionReturnSet';
  data: {
    returnId: string;
    commissionId: string;
    regionCode: string;
    title: string;
    /** The day the profile is filed as of (YYYY-MM-DD). */
    asOf: string;
    /** The last day to file (YYYY-MM-DD); the clocks are due at 24:00 Shanghai time of it. */
    dueOn: string;
    dueAt: string;
    /** The hospitals of the region (and below) the directory knew when the return was set. */
    hospitalIds: string[];
    setAt: string;
    clocks: SecurityLedgerClockInstruction[];
  };
};

export type SelfInspectionReturnFiled = {
  type: 'SelfInspectionReturnFiled';
  data: {
    returnId: string;
    hospitalId: string;
    /** The revision of the hospital's profile filed (null: it had filed none). */
    profileRevision: number | null;
    /** A snapshot of the hospital's current profile: later revisions do not change what was filed. */
    profile: SecurityProfile | null;
    evidence: string[];
    filedAt: string;
    onTime: boolean;
    clocks: SecurityLedgerClockInstruction[];
  };
};

/**
 * Inspections and rectification (检查/督导 → 整改 → 销号) [S0 三(三)–(四)]: a health commission or a
 * police unit of a region containing the hospital inspects it and records its findings (stream
 * `security-inspection-<inspectionId>`); rectification items issued from the findings each carry a
 * clock (rule `rectification-item`, due at 24:00 Shanghai time of the due day, escalated to the
 * inspecting unit), stopped only when the item is signed off (销号). 通报 and 约谈 are events on the
 * inspection.
 */
export const SECURITY_INSPECTION_STREAM_TYPE = 'security-inspection';
export const securityInspectionStreamId = (inspectionId: string): string => `security-inspection-${inspectionId}`;
export const rectificationDeadlineId = (inspectionId: string, itemId: string): string => `${inspectionId}/rectification/${itemId}`;

/** 检查 (an inspection) or 督导 (supervision: a follow-up visit on the work as a whole). */
export const INSPECTION_KINDS = ['inspection', 'supervision'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

/** Issued (to rectify), reported fixed (awaiting the inspector's check), sent back (to rectify again), signed off (销号). */
export const RECTIFICATION_ITEM_STATUSES = ['issued', 'reported', 'sent_back', 'signed_off'] as const;
export type RectificationItemStatus = (typeof RECTIFICATION_ITEM_STATUSES)[number];

/** The unit that acts on the inspecting side: a health commission or a police unit, and its region. */
export type InspectingUnit = {
  organisationId: string;
  organisationKind: 'health_commission' | 'police';
  regionCode: string;
};

/** A gap the inspection found, against one of the standards' requirement kinds (securityRequirementKind). */
export type InspectionFinding = { findingId: string; requirement: string; note: string };

type InspectionRef = SecurityHospitalRef & { inspectionId: string };

export type InspectionRecorded = {
  type: 'InspectionRecorded';
  data: InspectionRef & {
    kind: InspectionKind;
    /** When the hospital was inspected (stated by the inspector; not in the future). */
    inspectedAt: string;
    inspector: InspectingUnit;
    findings: InspectionFinding[];
    recordedAt: string;
  };
};

export type RectificationItemIssued = {
  type: 'RectificationItemIssued';
  data: InspectionRef & {
    itemId: string;
    findingId: string;
    requirement: string;
    /** The person at the hospital answerable for the fix (name and role, as text). */
    responsible: { name: string; role: string };
    dueOn: string;
    dueAt: string;
    issuedAt: string;
    issuedBy: InspectingUnit;
    clocks: SecurityLedgerClockInstruction[];
  };
};

export type RectificationReported = {
  type: 'RectificationReported';
  data: InspectionRef & { itemId: string; note: string; evidence: string[]; reportedAt: string };
};

export type RectificationSignedOff = {
  type: 'RectificationSignedOff';
  data: InspectionRef & {
    itemId: string;
    note: string;
    signedOffAt: string;
    /** Signed off by the due instant; false: late (the clock keeps its breach). */
    onTime: boolean;
    signedOffBy: InspectingUnit;
    clocks: SecurityLedgerClockInstruction[];
  };
};

export type RectificationSentBack = {
  type: 'RectificationSentBack';
  data: InspectionRef & { itemId: string; reason: string; sentBackAt: string; sentBackBy: InspectingUnit };
};

/** 通报 */
export type CircularIssued = {
  type: 'CircularIssued';
  data: InspectionRef & { circularId: string; text: string; issuedAt: string; issuedBy: InspectingUnit };
};

/** 约谈 */
export type InterviewHeld = {
  type: 'InterviewHeld';
  data: InspectionRef & { interviewId: string; heldAt: string; interviewee: string; summary: string; heldBy: InspectingUnit };
};

export type InspectionEvent =
  | InspectionRecorded
  | RectificationItemIssued
  | RectificationReported
  | RectificationSignedOff
  | RectificationSentBack
  | CircularIssued
  | InterviewHeld;

export type SecurityLedgerEvent =
  SecurityProfileFiled | SelfInspectionReturnSet | SelfInspectionReturnFiled | SecurityAssessmentEvent | InspectionEvent;
