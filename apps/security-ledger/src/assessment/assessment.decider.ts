import { isRegionCode, regionContains } from '@pingan/access';
import { shanghaiDateOf, type FieldError, type SecurityAssessmentRecorded, type SecurityLedgerEvent } from '@pingan/contracts';
import type { Decider } from '@pingan/event-store';
import type { RecordSecurityAssessment } from './assessment.commands.js';
import { AssessmentError, AssessmentErrorCode as E } from './assessment.errors.js';
import { scoreHospital } from './scoring.js';

/** Commissions assess [S0 三(四)]; police read the result. */
export const ASSESSOR_ROLES = ['health_commission_official'];
/** The first year the service assesses (no ledger before it). */
export const FIRST_YEAR = 2000;

export interface SecurityAssessmentState {
  recorded: SecurityAssessmentRecorded['data'] | null;
}

export const initialState = (): SecurityAssessmentState => ({ recorded: null });

export function decide(command: RecordSecurityAssessment, state: SecurityAssessmentState): SecurityLedgerEvent[] {
  const { actor, now } = command.metadata;
  const d = command.data;
  if (!ASSESSOR_ROLES.includes(actor.role)) throw new AssessmentError(E.NotAuthorised, `Role ${actor.role} may not record an assessment`);
  if (!isRegionCode(d.regionCode) || !regionContains(d.commissionRegion, d.regionCode))
    throw new AssessmentError(E.RegionOutsideScope, `Region ${d.regionCode} is not the commission's region or below it`);
  if (state.recorded) throw new AssessmentError(E.AssessmentExists, `Assessment ${d.assessmentId} is already recorded`);
  const asOf = shanghaiDateOf(now);
  const thisYear = Number(asOf.slice(0, 4));
  const errors: FieldError[] = [];
  if (!Number.isInteger(d.year) || d.year < FIRST_YEAR || d.year > thisYear)
    errors.push({ field: 'year', code: 'NOT_A_YEAR', message: `a year from ${FIRST_YEAR} to ${thisYear}` });
  if (!d.hospitals.length) errors.push({ field: 'region', code: 'NO_HOSPITALS', message: 'no hospital in the region' });
  if (errors.length) throw new AssessmentError(E.InvalidAssessment, errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  const hospitals = [...d.hospitals]
    .sort((a, b) => a.hospitalId.localeCompare(b.hospitalId))
    .map(({ filed, requirements, profile, ...hospital }) => ({ ...hospital, ...scoreHospital(d.sheet, { filed, requirements, profile }) }));
  return [
    {
      type: 'SecurityAssessmentRecorded',
      data: {
        assessmentId: d.assessmentId,
        year: d.year,
        regionCode: d.regionCode,
        commissionId: d.commissionId,
        asOf,
        sheet: d.sheet,
        hospitals,
        recordedAt: now.toISOString(),
      },
    },
  ];
}

export function evolve(state: SecurityAssessmentState, event: SecurityLedgerEvent): SecurityAssessmentState {
  return event.type === 'SecurityAssessmentRecorded' ? { recorded: event.data } : state;
}

export const securityAssessmentDecider: Decider<RecordSecurityAssessment, SecurityLedgerEvent, SecurityAssessmentState> = {
  decide,
  evolve,
  initialState,
};
