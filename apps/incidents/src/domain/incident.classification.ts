import {
  CASUALTY_GROUPS,
  INCIDENT_CATEGORIES,
  type CasualtyGroup,
  type Casualties,
  type CasualtyCounts,
  type IncidentCategory,
  type IncidentClassification,
} from '@pingan/contracts';
import type { FieldError } from '@pingan/platform';

/**
 * MAJOR (重大): a death, a serious injury (of anyone hurt), or a mass incident (群体性事件). A
 * major incident must be reported immediately to the local health commission and 综治, and to
 * the national health commission within 12 hours [S3 五(二)]. A suspected serious injury awaiting
 * its appraisal counts: the 12 hours cannot wait for the appraisal.
 */
export function isMajor(classification: IncidentClassification): boolean {
  if (classification.massIncident || classification.seriousInjuryPendingAppraisal) return true;
  return CASUALTY_GROUPS.some((group) => {
    const counts = classification.casualties[group];
    return counts.deaths + counts.seriousInjuries > 0;
  });
}

const NO_CASUALTIES: CasualtyCounts = { deaths: 0, seriousInjuries: 0, lightInjuries: 0, slightInjuries: 0 };

/** Before anyone classified it (e.g. a one-key alarm): no categories, nobody hurt. */
export const UNCLASSIFIED: IncidentClassification = {
  categories: [],
  casualties: { staff: NO_CASUALTIES, patients: NO_CASUALTIES, perpetrators: NO_CASUALTIES, bystanders: NO_CASUALTIES },
  massIncident: false,
  weaponsInvolved: false,
  seriousInjuryPendingAppraisal: false,
};

/** A classification as a command gives it: counts and flags not given are zero / false. */
export interface ClassificationInput {
  categories: readonly IncidentCategory[];
  casualties?: Partial<Record<CasualtyGroup, Partial<CasualtyCounts>>>;
  massIncident?: boolean;
  weaponsInvolved?: boolean;
  seriousInjuryPendingAppraisal?: boolean;
}

const COUNT_FIELDS = ['deaths', 'seriousInjuries', 'lightInjuries', 'slightInjuries'] as const;

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
  const counts = (group: CasualtyGroup): CasualtyCounts => {
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
  const casualties = Object.fromEntries(CASUALTY_GROUPS.map((group) => [group, counts(group)])) as Casualties;
  for (const flag of ['massIncident', 'weaponsInvolved', 'seriousInjuryPendingAppraisal'] as const) {
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
      seriousInjuryPendingAppraisal: input.seriousInjuryPendingAppraisal ?? false,
    },
    errors: [],
  };
}

export function sameClassification(a: IncidentClassification, b: IncidentClassification): boolean {
  const sameCounts = (x: CasualtyCounts, y: CasualtyCounts) => COUNT_FIELDS.every((name) => x[name] === y[name]);
  return (
    a.categories.length === b.categories.length &&
    a.categories.every((category, i) => category === b.categories[i]) &&
    CASUALTY_GROUPS.every((group) => sameCounts(a.casualties[group], b.casualties[group])) &&
    a.massIncident === b.massIncident &&
    a.weaponsInvolved === b.weaponsInvolved &&
    a.seriousInjuryPendingAppraisal === b.seriousInjuryPendingAppraisal
  );
}
