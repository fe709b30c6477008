import {
  ASSESSMENT_ITEM_KINDS,
  type AssessmentItemKind,
  type AssessmentSheet,
  type AssessmentSheetItem,
  type FieldError,
} from '@pingan/contracts';
import { citation, STANDARDS, type RequirementKind } from '../domain/standards.data.js';

/**
 * The 平安医院 scoring sheet (考评评分表) as data. The seeds ask for the assessment [S0 三(四):
 * "充分发挥平安医院考评指挥棒作用"; S2 三: 创建考评, 逐一验收, 总结评优] but give no points: the
 * default below is this system's, and each region's commission (or a system administrator) sets
 * its own (PUT /security-ledger/assessment-sheets/{region}).
 */

export type { AssessmentSheet, AssessmentSheetItem };

/** Every standard's citation of a kind, e.g. "国卫医发〔2021〕28号 二(一)2；渝卫发〔2021〕3号 二(一)". */
const sourcesOf = (kind: RequirementKind): string =>
  [...new Set(STANDARDS.filter((s) => s.rule.kind === kind).map((s) => citation(s.source)))].join('；');

const requirement = (kind: RequirementKind, title: string, points: number): AssessmentSheetItem => ({
  id: kind,
  kind,
  title,
  points,
  source: sourcesOf(kind),
});

/** Scored when no region above or at the one assessed has a sheet of its own. 100 points, no grade bands (the seeds name none). */
export const DEFAULT_ASSESSMENT_SHEET: AssessmentSheet = {
  title: '平安医院考评评分表',
  total: 100,
  items: [
    requirement('guards', '保安员按标准足额配备', 15),
    requirement('guards_certified', '保安员持证上岗', 5),
    requirement('screening', '主要出入口安检', 10),
    requirement('police_office', '警务室设置', 10),
    requirement('police_office_staffing', '警务室人员配置', 5),
    requirement('one_key_alarm', '一键式报警与监控中心联网', 10),
    requirement('alarm_to_police', '一键报警接入公安机关', 10),
    requirement('video_coverage', '视频监控全覆盖', 10),
    requirement('video_retention', '高清监控与存储时限', 5),
    requirement('drills', '应急预案与演练', 10),
    {
      id: 'training',
      kind: 'training',
      title: '安全防范教育和技能培训',
      points: 5,
      source: '国卫医发〔2021〕28号 二(五)1',
    },
    {
      id: 'liability_insurance',
      kind: 'liability_insurance',
      title: '参加医疗责任保险',
      points: 5,
      source: '乌卫健发〔2022〕99号 一',
    },
  ],
  bands: [],
};

const MAX_ITEMS = 100;
const tenths = (n: number): number => Math.round(n * 10);
const isPoints = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0 && Math.abs(n * 10 - tenths(n)) < 1e-9;
const blank = (s: unknown): boolean => typeof s !== 'string' || s.trim() === '';

/**
 * A sheet's faults, each with the field at fault (empty: a valid sheet). Points are whole or in
 * tenths and never negative, kinds are those the service can score, the items add up to the
 * stated total, and each band's score lies within it.
 */
export function sheetErrors(sheet: AssessmentSheet): FieldError[] {
  const errors: FieldError[] = [];
  if (blank(sheet.title)) errors.push({ field: 'title', code: 'BLANK', message: 'a title' });
  if (!Array.isArray(sheet.items) || sheet.items.length === 0) errors.push({ field: 'items', code: 'EMPTY', message: 'at least one item' });
  else if (sheet.items.length > MAX_ITEMS) errors.push({ field: 'items', code: 'TOO_MANY', message: `at most ${MAX_ITEMS} items` });
  // A name given once: not blank, not seen before in its list.
  const once = (seen: Set<string>, field: string, value: string, what: string) => {
    if (blank(value)) errors.push({ field, code: 'BLANK', message: what });
    else if (seen.has(value)) errors.push({ field, code: 'DUPLICATE', message: `${value} twice` });
    else seen.add(value);
  };
  const ids = new Set<string>();
  (sheet.items ?? []).forEach((item, i) => {
    const at = `items[${i}]`;
    once(ids, `${at}.id`, item.id, 'an id');
    if (!(ASSESSMENT_ITEM_KINDS as readonly string[]).includes(item.kind))
      errors.push({ field: `${at}.kind`, code: 'UNKNOWN_KIND', message: `one of ${ASSESSMENT_ITEM_KINDS.join(', ')}` });
    if (blank(item.title)) errors.push({ field: `${at}.title`, code: 'BLANK', message: 'a title' });
    if (!isPoints(item.points)) errors.push({ field: `${at}.points`, code: 'NOT_POINTS', message: 'points ≥ 0, whole or in tenths' });
  });
  if (!isPoints(sheet.total)) errors.push({ field: 'total', code: 'NOT_POINTS', message: 'points ≥ 0, whole or in tenths' });
  else if ((sheet.items ?? []).every((item) => isPoints(item.points))) {
    const sum = (sheet.items ?? []).reduce((n, item) => n + tenths(item.points), 0);
    if (sum !== tenths(sheet.total))
      errors.push({ field: 'total', code: 'TOTAL_MISMATCH', message: `the items add up to ${sum / 10}, not ${sheet.total}` });
  }
  const grades = new Set<string>();
  const mins = new Set<number>();
  (sheet.bands ?? []).forEach((band, i) => {
    const at = `bands[${i}]`;
    once(grades, `${at}.grade`, band.grade, 'a grade');
    if (!isPoints(band.minScore)) errors.push({ field: `${at}.minScore`, code: 'NOT_POINTS', message: 'points ≥ 0, whole or in tenths' });
    else if (isPoints(sheet.total) && band.minScore > sheet.total)
      errors.push({ field: `${at}.minScore`, code: 'ABOVE_TOTAL', message: `above the total (${sheet.total})` });
    else if (mins.has(tenths(band.minScore)))
      errors.push({ field: `${at}.minScore`, code: 'DUPLICATE', message: `${band.minScore} twice` });
    else mins.add(tenths(band.minScore));
  });
  return errors;
}

/** The sheet as stored: titles trimmed, bands from the highest score down. */
export function normalisedSheet(sheet: AssessmentSheet): AssessmentSheet {
  return {
    title: sheet.title.trim(),
    total: sheet.total,
    items: sheet.items.map((i) => ({
      id: i.id.trim(),
      kind: i.kind,
      title: i.title.trim(),
      points: i.points,
      source: i.source?.trim() || null,
    })),
    bands: [...(sheet.bands ?? [])].map((b) => ({ grade: b.grade.trim(), minScore: b.minScore })).sort((a, b) => b.minScore - a.minScore),
  };
}

export const isItemKind = (kind: unknown): kind is AssessmentItemKind => (ASSESSMENT_ITEM_KINDS as readonly unknown[]).includes(kind);
