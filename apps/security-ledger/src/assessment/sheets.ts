import { parentRegion } from '@pingan/access';
import { assessmentSheetStreamId, type AssessmentSheet, type SecurityLedgerEvent } from '@pingan/contracts';
import { fold } from '@pingan/event-store';
import type { ServiceRuntime } from '@pingan/platform';
import { assessmentSheetDecider } from './assessment-sheet.decider.js';
import { DEFAULT_ASSESSMENT_SHEET } from './scoring-sheet.js';

export interface EffectiveSheet {
  regionCode: string;
  /** The region whose sheet this is (the one asked for or one above it), or 'default'. */
  origin: string;
  version: number;
  setAt: string | null;
  sheet: AssessmentSheet;
}

/**
 * The sheet a region is scored by: its own, else the nearest region above it with one (a
 * province's sheet holds for its cities and counties until they set their own), else the default.
 */
export async function effectiveSheet(runtime: ServiceRuntime, regionCode: string): Promise<EffectiveSheet> {
  for (let code: string | undefined = regionCode; code; code = parentRegion(code)) {
    const events = await runtime.store.readStream(assessmentSheetStreamId(code));
    const state = fold(assessmentSheetDecider, events as unknown as SecurityLedgerEvent[]);
    if (state.sheet) return { regionCode, origin: code, version: state.version, setAt: state.setAt, sheet: state.sheet };
  }
  return { regionCode, origin: 'default', version: 0, setAt: null, sheet: DEFAULT_ASSESSMENT_SHEET };
}
