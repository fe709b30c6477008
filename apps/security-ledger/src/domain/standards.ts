import type { HospitalLevel } from '@pingan/access';
import {
  citation,
  standardsFor,
  STANDARDS,
  type GuardCriterion,
  type HospitalScope,
  type Ownership,
  type Standard,
} from './standards.data.js';
import type { SecurityProfile } from './security-profile.js';

/**
 * The standards' PURE evaluation: a hospital's profile (and its directory facts) against every
 * standard of its region, as of a day. No I/O, no clock: the caller passes `asOf`.
 */

export const REQUIREMENT_STATUSES = ['met', 'not_met', 'unknown', 'not_applicable'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

export const COMPLIANCE_LEVELS = ['compliant', 'non_compliant', 'incomplete', 'not_filed'] as const;
export type Compliance = (typeof COMPLIANCE_LEVELS)[number];

/** What the directory knows of the hospital (null: not known). */
export interface HospitalFacts {
  regionCode: string;
  level: HospitalLevel | null;
  ownership: Ownership | null;
}

export interface RequirementResult {
  standardId: string;
  kind: Standard['rule']['kind'];
  title: string;
  scope: Standard['scope'];
  /** "国卫医发〔2021〕28号 二(一)2" */
  source: string;
  status: RequirementStatus;
  /** The figure behind the status, in Chinese: "需配备保安47人，现有39人". */
  figure: string;
}

export interface Evaluation {
  asOf: string;
  compliance: Compliance;
  counts: Record<RequirementStatus, number>;
  requirements: RequirementResult[];
}

type Outcome = { status: RequirementStatus; figure: string };

const BASIS: Record<GuardCriterion['basis'], { field: 'onDutyMedicalStaff' | 'openBeds' | 'dailyOutpatients'; label: string }> = {
  on_duty_medical_staff: { field: 'onDutyMedicalStaff', label: '在岗医务人员' },
  open_beds: { field: 'openBeds', label: '开放床位' },
  daily_outpatients: { field: 'dailyOutpatients', label: '日均门诊量' },
};
const UNIT: Record<GuardCriterion['basis'], string> = { on_duty_medical_staff: '人', open_beds: '张', daily_outpatients: '人次' };

/** Guards one criterion asks for: rounded up, in integers (3 % of 1550 is 46.5 → 47, without floating-point error). */
export const guardsFor = (count: number, c: GuardCriterion): number => Math.floor((count * c.guards + c.per - 1) / c.per);

const ratioText = (c: GuardCriterion): string =>
  c.per === 100 ? `${c.guards}%` : c.per === 1000 ? `${c.guards}‰` : `每${c.per}${UNIT[c.basis]}${c.guards}名`;

/** Whether a hospital is in a rule's scope (null: the directory lacks the grade or ownership the scope needs). */
export const inScope = (facts: HospitalFacts, scope: HospitalScope): boolean | null => {
  if (scope.levels && facts.level === null) return null;
  if (scope.ownership && facts.ownership === null) return null;
  return (!scope.levels || scope.levels.includes(facts.level!)) && (!scope.ownership || scope.ownership.includes(facts.ownership!));
};
/** "二级、三级公立医院" */
export const scopeText = (scope: HospitalScope): string =>
  `${scope.levels ? scope.levels.join('、') : ''}${scope.ownership ? scope.ownership.map((o) => (o === 'public' ? '公立' : '民营')).join('、') : ''}医院`;

const unknown = (what: string): Outcome => ({ status: 'unknown', figure: `未填报${what}` });
const days = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

function guards(criteria: readonly GuardCriterion[], p: SecurityProfile): Outcome {
  const missing = criteria.filter((c) => p[BASIS[c.basis].field] === null).map((c) => BASIS[c.basis].label);
  if (missing.length) return unknown(missing.join('、'));
  if (p.guards === null) return unknown('保安员人数');
  // 就高不就低: the highest criterion governs (the first of equals, in the standard's order).
  const needs = criteria.map((c) => ({ c, n: guardsFor(p[BASIS[c.basis].field]!, c) }));
  const governing = needs.reduce((a, b) => (b.n > a.n ? b : a));
  const basis = `按${BASIS[governing.c.basis].label}${p[BASIS[governing.c.basis].field]}${UNIT[governing.c.basis]}的${ratioText(governing.c)}计`;
  return {
    status: p.guards >= governing.n ? 'met' : 'not_met',
    figure: `需配备保安${governing.n}人（${basis}），现有${p.guards}人`,
  };
}

function guardsCertified(p: SecurityProfile): Outcome {
  if (p.guards === null || p.certifiedGuards === null) return unknown('保安员持证人数');
  return {
    status: p.certifiedGuards >= p.guards ? 'met' : 'not_met',
    figure: `保安员${p.guards}人，持证上岗${p.certifiedGuards}人`,
  };
}

function screening(rule: { minDailyOutpatients: number; minBeds: number }, p: SecurityProfile): Outcome {
  const big =
    (p.dailyOutpatients !== null && p.dailyOutpatients >= rule.minDailyOutpatients) || (p.openBeds !== null && p.openBeds >= rule.minBeds);
  if (!big) {
    if (p.dailyOutpatients === null || p.openBeds === null) return unknown('日均门诊量或开放床位');
    return {
      status: 'not_applicable',
      figure: `日均门诊量${p.dailyOutpatients}人次、床位${p.openBeds}张，未达${rule.minDailyOutpatients}人次或${rule.minBeds}张，不强制安检`,
    };
  }
  const why = `日均门诊量${p.dailyOutpatients ?? '未填报'}人次、床位${p.openBeds ?? '未填报'}张，须在主要出入口实施安检`;
  if (p.screening === null) return { status: 'unknown', figure: `${why}；未填报安检情况` };
  const { mainEntrances, screenedMainEntrances } = p.screening;
  return {
    status: mainEntrances > 0 && screenedMainEntrances >= mainEntrances ? 'met' : 'not_met',
    figure: `${why}；主要出入口${mainEntrances}个，已安检${screenedMainEntrances}个`,
  };
}

function policeOffice(
  rule: { every: HospitalScope; coverage?: HospitalScope & { minShare: number } },
  f: HospitalFacts,
  p: SecurityProfile,
): Outcome {
  const required = inScope(f, rule.every);
  const counted = rule.coverage ? inScope(f, rule.coverage) : false;
  if (required === null || counted === null) return { status: 'unknown', figure: '目录中无医院等级或所有制' };
  const has = p.policeOffice === null ? null : p.policeOffice.present;
  if (required) {
    if (has === null) return unknown('警务室情况');
    return { status: has ? 'met' : 'not_met', figure: `${scopeText(rule.every)}须设警务室，${has ? '已设' : '未设'}` };
  }
  if (counted) {
    // Not required of each one: the region's share is (evaluateRegion).
    return {
      status: has ? 'met' : 'not_applicable',
      figure: `${scopeText(rule.coverage!)}按辖区设置率统计（不低于${Math.round(rule.coverage!.minShare * 100)}%），本院${has === null ? '未填报' : has ? '已设' : '未设'}`,
    };
  }
  return { status: 'not_applicable', figure: `非${scopeText(rule.every)}，不强制设警务室` };
}

function policeOfficeStaffing(
  rule: { officers: number; auxiliaries: number; guards: number; fullTimeOfficerLevels: readonly HospitalLevel[] },
  f: HospitalFacts,
  p: SecurityProfile,
): Outcome {
  if (p.policeOffice === null) return unknown('警务室情况');
  if (!p.policeOffice.present) return { status: 'not_applicable', figure: '未设警务室' };
  const o = p.policeOffice;
  const officers = o.fullTimeOfficers + o.partTimeOfficers;
  const fullTimeNeeded = f.level === null ? null : rule.fullTimeOfficerLevels.includes(f.level);
  const short =
    officers < rule.officers ||
    o.auxiliaries < rule.auxiliaries ||
    o.guards < rule.guards ||
    (fullTimeNeeded === true && o.fullTimeOfficers < rule.officers);
  const figure =
    `须按“${rule.officers}+${rule.auxiliaries}+${rule.guards}”配置${fullTimeNeeded ? '（专职民警）' : ''}，` +
    `现有民警${officers}人（专职${o.fullTimeOfficers}人）、协警${o.auxiliaries}人、保安${o.guards}人`;
  if (short) return { status: 'not_met', figure };
  return fullTimeNeeded === null ? { status: 'unknown', figure: `${figure}；目录中无医院等级` } : { status: 'met', figure };
}

function oneKeyAlarm(p: SecurityProfile): Outcome {
  if (p.alarms === null) return unknown('一键报警情况');
  const a = p.alarms;
  const missing = [!a.gate && '门卫室', !a.departments && '各科室', !a.keyPlaces && '重点要害部位'].filter(Boolean);
  const parts = [missing.length ? `未安装：${missing.join('、')}` : '门卫室、各科室、重点要害部位均已安装'];
  parts.push(a.networkedToMonitoringCentre ? '已与安全监控中心联网' : '未与安全监控中心联网');
  return { status: missing.length === 0 && a.networkedToMonitoringCentre ? 'met' : 'not_met', figure: parts.join('，') };
}

function alarmToPolice(scope: HospitalScope, f: HospitalFacts, p: SecurityProfile): Outcome {
  const applies = inScope(f, scope);
  if (applies === null) return { status: 'unknown', figure: '目录中无医院等级' };
  if (!applies) return { status: 'not_applicable', figure: `非${scopeText(scope)}` };
  if (p.alarms === null) return unknown('一键报警情况');
  return p.alarms.networkedToPolice
    ? { status: 'met', figure: '一键报警已接入公安机关' }
    : { status: 'not_met', figure: '一键报警未接入公安机关' };
}

function videoCoverage(p: SecurityProfile): Outcome {
  if (p.video === null) return unknown('视频监控情况');
  return p.video.keyPlacesCovered
    ? { status: 'met', figure: '公共区域、重点区域视频监控已全覆盖' }
    : { status: 'not_met', figure: '公共区域、重点区域视频监控未全覆盖' };
}

function videoRetention(
  rule: { minDays: number; highDefinition: boolean; scope: HospitalScope },
  f: HospitalFacts,
  p: SecurityProfile,
): Outcome {
  const applies = inScope(f, rule.scope);
  if (applies === null) return { status: 'unknown', figure: '目录中无医院等级' };
  if (!applies) return { status: 'not_applicable', figure: `非${scopeText(rule.scope)}` };
  if (p.video === null) return unknown('视频监控情况');
  const ok = p.video.retentionDays >= rule.minDays && (!rule.highDefinition || p.video.highDefinition);
  return {
    status: ok ? 'met' : 'not_met',
    figure: `须${rule.highDefinition ? '高清、' : ''}存储不少于${rule.minDays}天，现${p.video.highDefinition ? '高清' : '非高清'}、存储${p.video.retentionDays}天`,
  };
}

function drills(rule: { withinDays: number; planRevisedAfter: boolean }, p: SecurityProfile, asOf: string): Outcome {
  if (p.drills === null || p.emergencyPlan === null) return unknown('应急预案或演练情况');
  if (!p.emergencyPlan.adopted) return { status: 'not_met', figure: '未制定应急预案' };
  const last = [...p.drills]
    .filter((d) => d <= asOf)
    .sort()
    .at(-1);
  if (!last || days(last, asOf) > rule.withinDays) {
    return { status: 'not_met', figure: last ? `最近一次演练${last}，已超过${rule.withinDays}天` : '未开展应急演练' };
  }
  const revised = p.emergencyPlan.revisedOn;
  if (rule.planRevisedAfter && (revised === null || revised < last)) {
    return { status: 'not_met', figure: `最近一次演练${last}，演练后未修订预案${revised ? `（最近修订${revised}）` : ''}` };
  }
  return { status: 'met', figure: `最近一次演练${last}，预案修订于${revised}` };
}

function outcome(standard: Standard, f: HospitalFacts, p: SecurityProfile, asOf: string): Outcome {
  const rule = standard.rule;
  switch (rule.kind) {
    case 'guards':
      return guards(rule.criteria, p);
    case 'guards_certified':
      return guardsCertified(p);
    case 'screening':
      return screening(rule, p);
    case 'police_office':
      return policeOffice(rule, f, p);
    case 'police_office_staffing':
      return policeOfficeStaffing(rule, f, p);
    case 'one_key_alarm':
      return oneKeyAlarm(p);
    case 'alarm_to_police':
      return alarmToPolice(rule.scope, f, p);
    case 'video_coverage':
      return videoCoverage(p);
    case 'video_retention':
      return videoRetention(rule, f, p);
    case 'drills':
      return drills(rule, p, asOf);
  }
}

/** Overall: any requirement not met → non-compliant; else any unknown → incomplete; else compliant. */
export function complianceOf(results: readonly { status: RequirementStatus }[]): Compliance {
  if (results.some((r) => r.status === 'not_met')) return 'non_compliant';
  if (results.some((r) => r.status === 'unknown')) return 'incomplete';
  return 'compliant';
}

/** A hospital against every standard of its region, as of `asOf` (YYYY-MM-DD, Shanghai day). */
export function evaluateHospital(
  facts: HospitalFacts,
  profile: SecurityProfile,
  asOf: string,
  standards: readonly Standard[] = STANDARDS,
): Evaluation {
  const requirements = standardsFor(facts.regionCode, standards).map((standard): RequirementResult => ({
    standardId: standard.id,
    kind: standard.rule.kind,
    title: standard.title,
    scope: standard.scope,
    source: citation(standard.source),
    ...outcome(standard, facts, profile, asOf),
  }));
  const counts = { met: 0, not_met: 0, unknown: 0, not_applicable: 0 };
  for (const r of requirements) counts[r.status] += 1;
  return { asOf, compliance: complianceOf(requirements), counts, requirements };
}

/** One hospital of a region as the region's rules count it. */
export interface RegionHospital {
  facts: HospitalFacts;
  /** Whether it has a police office (null: not filed). */
  hasPoliceOffice: boolean | null;
}

/**
 * The rules a region meets as a whole: the share of hospitals of a kind with a police office
 * (S1 三(二): ≥ 80 % of private grade-二 hospitals). Counted over the hospitals given (those of
 * the region asked for); one that has not filed counts as without.
 */
export function evaluateRegion(
  regionCode: string,
  hospitals: readonly RegionHospital[],
  standards: readonly Standard[] = STANDARDS,
): RequirementResult[] {
  const results: RequirementResult[] = [];
  for (const standard of standardsFor(regionCode, standards)) {
    if (standard.rule.kind !== 'police_office' || !standard.rule.coverage) continue;
    const coverage = standard.rule.coverage;
    const counted = hospitals.filter((h) => inScope(h.facts, coverage) === true);
    const withOffice = counted.filter((h) => h.hasPoliceOffice === true).length;
    const base = {
      standardId: standard.id,
      kind: standard.rule.kind,
      title: standard.title,
      scope: standard.scope,
      source: citation(standard.source),
    };
    const min = Math.round(coverage.minShare * 100);
    if (counted.length === 0) {
      results.push({ ...base, status: 'not_applicable', figure: `辖区无${scopeText(coverage)}` });
      continue;
    }
    // withOffice / counted ≥ minShare, in integers (4 of 5 is exactly 80 %).
    const met = withOffice * 100 >= min * counted.length;
    const share = Math.floor((withOffice * 1000) / counted.length) / 10;
    results.push({
      ...base,
      status: met ? 'met' : 'not_met',
      figure: `辖区${scopeText(coverage)}${counted.length}家，设警务室${withOffice}家（${share}%），须不低于${min}%`,
    });
  }
  return results;
}
