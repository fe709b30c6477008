/**
 * The annual 平安医院 assessment (考评) of the security-ledger context [S0 三(四), S2 三], on
 * `pingan.security-ledger.events`: a scoring sheet per region (stream
 * `security-assessment-sheet-<regionCode>`; a region without one is scored by the default sheet)
 * and each assessment a commission records (stream `security-assessment-<assessmentId>`), with
 * every hospital's score per item as computed when it was recorded: a sheet changed later does not
 * rewrite it. schemaVersion 1.
 */

export const ASSESSMENT_SHEET_STREAM_TYPE = 'security-assessment-sheet';
export const assessmentSheetStreamId = (regionCode: string): string => `security-assessment-sheet-${regionCode}`;
export const SECURITY_ASSESSMENT_STREAM_TYPE = 'security-assessment';
export const securityAssessmentStreamId = (assessmentId: string): string => `security-assessment-${assessmentId}`;

/**
 * What an item scores: one kind of requirement of the standards (its status over every standard of
 * that kind the hospital is held to), or a fact of the profile (training held, liability insurance).
 */
export const ASSESSMENT_ITEM_KINDS = [
  'guards',
  'guards_certified',
  'screening',
  'police_office',
  'police_office_staffing',
  'one_key_alarm',
  'alarm_to_police',
  'video_coverage',
  'video_retention',
  'drills',
  'training',
  'liability_insurance',
] as const;
export type AssessmentItemKind = (typeof ASSESSMENT_ITEM_KINDS)[number];

export interface AssessmentSheetItem {
  /** Stable within the sheet (the score's column). */
  id: string;
  kind: AssessmentItemKind;
  /** 考评内容, in Chinese. */
  title: string;
  /** 分值: earned in full when the item is met or does not apply, else none. */
  points: number;
  /** Where the requirement comes from (document and article), null where none is cited. */
  source: string | null;
}

/** 等次: a total of at least `minScore` earns `grade` (the highest band reached). */
export interface AssessmentGradeBand {
  grade: string;
  minScore: number;
}

export interface AssessmentSheet {
  title: string;
  /** The stated total: the items' points must add up to it. */
  total: number;
  items: AssessmentSheetItem[];
  /** Empty: the sheet grades nobody, it only scores. */
  bands: AssessmentGradeBand[];
}

/** Where an item of a hospital stands: the statuses of the standards. */
export type AssessmentItemStatus = 'met' | 'not_met' | 'unknown' | 'not_applicable';

export type AssessmentSheetSet = {
  type: 'AssessmentSheetSet';
  data: {
    regionCode: string;
    /** 1 for the region's first sheet, then one more each time it changes. */
    version: number;
    sheet: AssessmentSheet;
    setBy: string;
    setAt: string;
  };
};

export interface AssessedHospital {
  hospitalId: string;
  regionCode: string;
  level: '一级' | '二级' | '三级' | null;
  ownership: 'public' | 'private' | null;
  compliance: 'compliant' | 'non_compliant' | 'incomplete' | 'not_filed';
  /** The profile's revision scored (0: none filed). */
  revision: number;
  scores: { itemId: string; status: AssessmentItemStatus; score: number; figure: string }[];
  total: number;
  grade: string | null;
}

export type SecurityAssessmentRecorded = {
  type: 'SecurityAssessmentRecorded';
  data: {
    assessmentId: string;
    year: number;
    regionCode: string;
    commissionId: string;
    /** The Shanghai day the profiles were scored as of. */
    asOf: string;
    /** The sheet used, as it stood: `origin` is the region whose sheet it is, or 'default'. */
    sheet: AssessmentSheet & { origin: string; version: number };
    hospitals: AssessedHospital[];
    recordedAt: string;
  };
};

export type SecurityAssessmentEvent = AssessmentSheetSet | SecurityAssessmentRecorded;
