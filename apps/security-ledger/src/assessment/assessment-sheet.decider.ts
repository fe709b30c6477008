import { isRegionCode, regionContains } from '@pingan/access';
import type { AssessmentSheet, SecurityLedgerEvent } from '@pingan/contracts';
import type { Decider } from '@pingan/event-store';
import { canonicalJson } from '@pingan/platform';
import type { SetAssessmentSheet } from './assessment.commands.js';
import { AssessmentError, AssessmentErrorCode as E } from './assessment.errors.js';
import { normalisedSheet, sheetErrors } from './scoring-sheet.js';

/** The commission keeps its region's sheet; a system administrator may set any region's. */
export const SHEET_SETTER_ROLES = ['health_commission_official', 'system_administrator'];

export interface AssessmentSheetState {
  regionCode: string | null;
  version: number;
  sheet: AssessmentSheet | null;
  setAt: string | null;
  setBy: string | null;
}

export const initialState = (): AssessmentSheetState => ({ regionCode: null, version: 0, sheet: null, setAt: null, setBy: null });

export function decide(command: SetAssessmentSheet, state: AssessmentSheetState): SecurityLedgerEvent[] {
  const { actor, now } = command.metadata;
  const d = command.data;
  if (!SHEET_SETTER_ROLES.includes(actor.role))
    throw new AssessmentError(E.NotAuthorised, `Role ${actor.role} may not set a scoring sheet`);
  if (!isRegionCode(d.regionCode)) throw new AssessmentError(E.RegionOutsideScope, `${d.regionCode} is not a region code`);
  // A commission for its own region or below; the administrator (no setter region) anywhere.
  if (actor.role !== 'system_administrator' && (d.setterRegion === null || !regionContains(d.setterRegion, d.regionCode)))
    throw new AssessmentError(E.RegionOutsideScope, `Region ${d.regionCode} is not the commission's region or below it`);
  const errors = sheetErrors(d.sheet);
  if (errors.length) throw new AssessmentError(E.InvalidSheet, errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  const sheet = normalisedSheet(d.sheet);
  // The same sheet again records nothing (key order aside: the stored copy's is the database's).
  if (state.sheet && canonicalJson(state.sheet) === canonicalJson(sheet)) return [];
  return [
    {
      type: 'AssessmentSheetSet',
      data: { regionCode: d.regionCode, version: state.version + 1, sheet, setBy: d.setterOrganisationId, setAt: now.toISOString() },
    },
  ];
}

export function evolve(state: AssessmentSheetState, event: SecurityLedgerEvent): AssessmentSheetState {
  if (event.type !== 'AssessmentSheetSet') return state;
  const d = event.data;
  return { regionCode: d.regionCode, version: d.version, sheet: d.sheet, setAt: d.setAt, setBy: d.setBy };
}

export const assessmentSheetDecider: Decider<SetAssessmentSheet, SecurityLedgerEvent, AssessmentSheetState> = {
  decide,
  evolve,
  initialState,
};
