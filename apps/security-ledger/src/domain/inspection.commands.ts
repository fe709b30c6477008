import type { InspectingUnit, InspectionKind } from '@pingan/contracts';
import type { Command } from '@pingan/platform';

/**
 * A health commission or police unit records an inspection (检查/督导) of a hospital. The hospital's
 * region is the directory's (the handler's); when it was inspected is the command's `occurredAt`
 * (checked by the platform: not in the future, not absurdly old).
 */
export type RecordInspection = Command<
  'RecordInspection',
  {
    inspectionId: string;
    hospitalId: string;
    regionCode: string;
    kind: InspectionKind;
    inspector: InspectingUnit;
    findings: { requirement: string; note: string }[];
  }
>;

/** A rectification item (整改) from one finding: who at the hospital answers for it, and by which day. */
export type IssueRectificationItem = Command<
  'IssueRectificationItem',
  { findingId: string; responsible: { name: string; role: string }; dueOn: string; by: InspectingUnit }
>;

/** The hospital's security office reports the item fixed, with evidence references. */
export type ReportRectification = Command<'ReportRectification', { itemId: string; hospitalId: string; note: string; evidence: string[] }>;

/** The inspecting side verifies a reported fix and signs the item off (销号). */
export type SignOffRectification = Command<'SignOffRectification', { itemId: string; note: string; by: InspectingUnit }>;

/** The inspecting side finds the reported fix insufficient and sends it back. */
export type SendBackRectification = Command<'SendBackRectification', { itemId: string; reason: string; by: InspectingUnit }>;

/** 通报 on the inspection's findings. */
export type IssueCircular = Command<'IssueCircular', { text: string; by: InspectingUnit }>;

/** 约谈: held with someone of the hospital (when: the command's `occurredAt`). */
export type RecordInterview = Command<'RecordInterview', { interviewee: string; summary: string; by: InspectingUnit }>;

export type InspectionCommand =
  | RecordInspection
  | IssueRectificationItem
  | ReportRectification
  | SignOffRectification
  | SendBackRectification
  | IssueCircular
  | RecordInterview;
