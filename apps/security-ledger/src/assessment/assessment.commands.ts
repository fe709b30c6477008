import type { AssessmentSheet, SecurityAssessmentRecorded } from '@pingan/contracts';
import type { Command } from '@pingan/platform';
import type { ScoringInput } from './scoring.js';

/**
 * A region's scoring sheet is set: by a system administrator (`setterRegion` null: any region) or
 * a health commission for its own region or one below it.
 */
export type SetAssessmentSheet = Command<
  'SetAssessmentSheet',
  { regionCode: string; setterOrganisationId: string; setterRegion: string | null; sheet: AssessmentSheet }
>;

/** One hospital as the handler found it when the assessment was asked for. */
export type AssessmentHospitalInput = Omit<SecurityAssessmentRecorded['data']['hospitals'][number], 'scores' | 'total' | 'grade'> &
  ScoringInput;

/** A health commission records the year's assessment of the hospitals of its region (or one below it). */
export type RecordSecurityAssessment = Command<
  'RecordSecurityAssessment',
  {
    assessmentId: string;
    year: number;
    regionCode: string;
    commissionId: string;
    commissionRegion: string;
    sheet: SecurityAssessmentRecorded['data']['sheet'];
    hospitals: AssessmentHospitalInput[];
  }
>;
