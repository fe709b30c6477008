import type { AssessmentItemStatus, AssessmentSheet, SecurityProfile } from '@pingan/contracts';
import type { RequirementResult } from '../domain/standards.js';

/**
 * The assessment's PURE scoring: a hospital's evaluation (the standards, domain/standards.ts) and
 * profile against a scoring sheet. No I/O, no clock.
 *
 * An item of a requirement kind is held over every standard of that kind the hospital is held to
 * (S0's guards and Chongqing's 20:1 both): not met if any is not met, unknown if any is unknown,
 * met otherwise; a kind none of whose standards applies to it is not applicable. Met and not
 * applicable (合理缺项) earn the item's points, not met and unknown none: a point is earned by
 * what was filed, "unknown" is never read as "yes".
 */
export interface ScoringInput {
  filed: boolean;
  requirements: readonly Pick<RequirementResult, 'kind' | 'status' | 'figure'>[];
  profile: SecurityProfile | null;
}

export interface ItemScore {
  itemId: string;
  status: AssessmentItemStatus;
  score: number;
  figure: string;
}

export interface HospitalScore {
  scores: ItemScore[];
  total: number;
  grade: string | null;
}

type Outcome = { status: AssessmentItemStatus; figure: string };

function ofRequirements(results: readonly Pick<RequirementResult, 'status' | 'figure'>[]): Outcome {
  if (results.length === 0) return { status: 'not_applicable', figure: '本地区无此项标准' };
  const statuses = results.map((r) => r.status);
  const status: AssessmentItemStatus = statuses.includes('not_met')
    ? 'not_met'
    : statuses.includes('unknown')
      ? 'unknown'
      : statuses.includes('met')
        ? 'met'
        : 'not_applicable';
  return { status, figure: results.map((r) => r.figure).join('；') };
}

function ofProfile(kind: 'training' | 'liability_insurance', p: SecurityProfile | null): Outcome {
  if (kind === 'training') {
    if (p?.trainingSessions == null) return { status: 'unknown', figure: '未填报培训情况' };
    return p.trainingSessions > 0
      ? { status: 'met', figure: `近12个月开展安全培训${p.trainingSessions}次` }
      : { status: 'not_met', figure: '近12个月未开展安全培训' };
  }
  if (p?.liabilityInsurance == null) return { status: 'unknown', figure: '未填报医疗责任保险情况' };
  return p.liabilityInsurance ? { status: 'met', figure: '已参加医疗责任保险' } : { status: 'not_met', figure: '未参加医疗责任保险' };
}

/** In tenths, so 2.5 + 0.1 adds up exactly. */
const tenths = (n: number): number => Math.round(n * 10);

export function scoreHospital(sheet: AssessmentSheet, input: ScoringInput): HospitalScore {
  let sum = 0;
  const scores = sheet.items.map((item): ItemScore => {
    const outcome: Outcome = !input.filed
      ? { status: 'unknown', figure: '未填报安全档案' }
      : item.kind === 'training' || item.kind === 'liability_insurance'
        ? ofProfile(item.kind, input.profile)
        : ofRequirements(input.requirements.filter((r) => r.kind === item.kind));
    const score = outcome.status === 'met' || outcome.status === 'not_applicable' ? item.points : 0;
    sum += tenths(score);
    return { itemId: item.id, status: outcome.status, score, figure: outcome.figure };
  });
  const total = sum / 10;
  // Bands are kept highest first (normalisedSheet); the first reached is the grade.
  const grade = [...sheet.bands].sort((a, b) => b.minScore - a.minScore).find((b) => total >= b.minScore)?.grade ?? null;
  return { scores, total, grade };
}
