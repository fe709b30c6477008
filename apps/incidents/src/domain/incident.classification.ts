import {
  INCIDENT_CATEGORIES,
  type Casualties,
  type CasualtyCounts,
  type IncidentCategory,
  type IncidentClassification,
} from '@pingan/contracts';
import type { FieldError } from '@pingan/platform';

/**
 * MAJOR (重大): a death, a serious injury (of staff or of the patient side), or a mass incident
 * (群体性事件). A major incident must be reported immediately to the local health commission and
 * 综治, and to the national health commission within 12 hours [S3 五(二)].
 */
export function isMajor(classification: IncidentClassification): boolean {
  const { staff, patients } = classification.casualties;
  return classification.massIncident || staff.deaths + patients.deaths + staff.seriousInjuries + patients.seriousInjuries > 0;
}

const NO_CASUALTIES: CasualtyCounts = { deaths: 0, seriousInjuries: 0, minorInjuries: 0 };

/** Before anyone classified it (e.g. a one-key alarm): no categories, nobody hurt. */
export const UNCLASSIFIED: IncidentClassification = {
  categories: [],
  casualties: { staff: NO_CASUALTIES, patients: NO_CASUALTIES },
  massIncident: false,
  weaponsInvolved: false,
};

/** A classification as a command gives it: counts and flags not given are zero / false. */
export interface ClassificationInput {
  categories: readonly IncidentCategory[];
  casualties?: { staff?: Partial<CasualtyCounts>; patients?: Partial<CasualtyCounts> };
  massIncident?: boolean;
  weaponsInvolved?: boolean;
}

const COUNT_FIELDS = ['deaths', 'seriousInjuries', 'minorInjuries'] as const;

/**
 * Checks a classification and returns it in canonical form (categories deduplicated, in the
 * catalogue's order), or the fields at fault.
 */
export function normaliseClassification(
  input: ClassificationInput,
  field = 'classification',
): { classification: IncidentClassification; errors: [] } | { classification: null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const categories = Array.isArray(input?.categories) ? input.categories : [];
  if (categories.length === 0) {
    errors.push({ field: `${field}.categories`, code: 'required', message: 'At least one category' });
  }
  for (const category of categories) {
    if (!INCIDENT_CATEGORIES.includes(category)) {
      errors.push({ field: `${field}.categories`, code: 'unknown', message: `Unknown category '${String(category)}'` });
    }
  }
  const counts = (group: 'staff' | 'patients'): CasualtyCounts => {
    const given = input?.casualties?.[group] ?? {};
    const result = { ...NO_CASUALTIES };
    for (const name of COUNT_FIELDS) {
      const value = given[name] ?? 0;
      if (!Number.isSafeInteger(value) || value < 0) {
        errors.push({ field: `${field}.casualties.${group}.${name}`, code: 'not_a_count', message: 'A whole number, 0 or more' });
      } else {
        result[name] = value;
      }
    }
    return result;
  };
  const casualties: Casualties = { staff: counts('staff'), patients: counts('patients') };
  for (const flag of ['massIncident', 'weaponsInvolved'] as const) {
    const value = input?.[flag];
    if (value !== undefined && typeof value !== 'boolean') {
      errors.push({ field: `${field}.${flag}`, code: 'not_a_boolean', message: 'true or false' });
    }
  }
  if (errors.length > 0) return { classification: null, errors };
  return {
    classification: {
      categories: INCIDENT_CATEGORIES.filter((category) => categories.includes(category)),
      casualties,
      massIncident: input.massIncident ?? false,
      weaponsInvolved: input.weaponsInvolved ?? false,
    },
    errors: [],
  };
}

export function sameClassification(a: IncidentClassification, b: IncidentClassification): boolean {
  const sameCounts = (x: CasualtyCounts, y: CasualtyCounts) => COUNT_FIELDS.every((name) => x[name] === y[name]);
  return (
    a.categories.length === b.categories.length &&
    a.categories.every((category, i) => category === b.categories[i]) &&
    sameCounts(a.casualties.staff, b.casualties.staff) &&
    sameCounts(a.casualties.patients, b.casualties.patients) &&
    a.massIncident === b.massIncident &&
    a.weaponsInvolved === b.weaponsInvolved
  );
}
