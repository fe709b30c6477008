import { regionName } from '@pingan/access';
import { LABELS } from '@pingan/contracts';
import { beijingTime } from '../domain/event-facts.js';
import type { Cell, OfficialReturn, ReturnColumn } from '@pingan/platform';
import { clockOutcome, periodWords, type ClockRow } from './statistics.js';

/**
 * The health commission's monthly incident statistics (涉医案事件月度统计表): one row per hospital,
 * the month's incidents by category, the major ones, the 12-hour report to the National Health
 * Commission [S3 五(二)] on time or not, and how the disputes' mediations ended; a 合计 row.
 * Pure: the service loads the read models' rows, this lays them out.
 */
export const HEALTH_MONTHLY_TITLE = '医疗机构涉医案事件月度统计表';

export interface HealthCaseRow {
  case_number: string;
  hospital_id: string | null;
  categories: string[];
  major: boolean;
}
export interface HealthClockRow extends ClockRow {
  hospital_id: string | null;
}
export interface HealthOutcomeRow {
  hospital_id: string | null;
  outcome: string;
}

const CATEGORIES = Object.keys(LABELS.incidentCategory) as (keyof typeof LABELS.incidentCategory)[];
/** The 12-hour report: the incidents contract's clock, or a rule named for it where a region renamed the clock. */
export const isNationalReportClock = (row: ClockRow): boolean =>
  row.clock === 'national_report' || (row.clock === null && /national-report/.test(row.rule));

export const HEALTH_MONTHLY_COLUMNS: readonly ReturnColumn[] = [
  { header: '序号', width: 6 },
  { header: '医疗机构', width: 30 },
  { header: '案事件总数', width: 10 },
  ...CATEGORIES.map((c) => ({
    header: LABELS.incidentCategory[c],
    width: Math.max(8, Math.ceil(LABELS.incidentCategory[c].length * 2.1)),
  })),
  { header: '其中：重大事件', width: 10 },
  { header: '12小时报告应报数', width: 10 },
  { header: '按时报告', width: 10 },
  { header: '超时报告', width: 10 },
  { header: '12小时报告按时率', width: 10, numFmt: '0.0%' },
  { header: '调解成功', width: 10 },
  { header: '调解不成', width: 10 },
];

interface Tally {
  total: number;
  byCategory: Record<string, number>;
  major: number;
  due: number;
  met: number;
  breached: number;
  agreed: number;
  failed: number;
}
const empty = (): Tally => ({ total: 0, byCategory: {}, major: 0, due: 0, met: 0, breached: 0, agreed: 0, failed: 0 });
const rate = (t: Tally): number | null => (t.met + t.breached > 0 ? Math.round((t.met / (t.met + t.breached)) * 10_000) / 10_000 : null);
const cells = (t: Tally): Cell[] => [
  t.total,
  ...CATEGORIES.map((c) => t.byCategory[c] ?? 0),
  t.major,
  t.due,
  t.met,
  t.breached,
  rate(t),
  t.agreed,
  t.failed,
];

export function healthMonthlyReturn(
  input: { month: string; region: string; unit: string; organisation: (id: string) => string; now: Date },
  cases: readonly HealthCaseRow[],
  clocks: readonly HealthClockRow[],
  outcomes: readonly HealthOutcomeRow[],
): OfficialReturn {
  const byHospital = new Map<string, Tally>();
  const of = (id: string | null) => {
    const key = id ?? '';
    if (!byHospital.has(key)) byHospital.set(key, empty());
    return byHospital.get(key)!;
  };
  const all = empty();
  for (const c of cases)
    for (const t of [of(c.hospital_id), all]) {
      t.total++;
      for (const category of c.categories) t.byCategory[category] = (t.byCategory[category] ?? 0) + 1;
      if (c.major) t.major++;
    }
  for (const clock of clocks.filter(isNationalReportClock)) {
    const outcome = clockOutcome(clock, input.now);
    for (const t of [of(clock.hospital_id), all]) {
      if (outcome !== 'cancelled' && outcome !== 'lapsed') t.due++;
      if (outcome === 'met') t.met++;
      if (outcome === 'breached') t.breached++;
    }
  }
  for (const o of outcomes)
    for (const t of [of(o.hospital_id), all]) {
      if (o.outcome === 'agreed') t.agreed++;
      else if (o.outcome.startsWith('failed')) t.failed++;
    }
  const hospitals = [...byHospital.entries()]
    .map(([id, t]) => ({ name: id ? input.organisation(id) : '未注明医疗机构', t }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return {
    sheetName: `卫健月报 ${input.month}`,
    title: HEALTH_MONTHLY_TITLE,
    particulars: [
      `填报单位：${input.unit}`,
      `统计区域：${regionName(input.region)}（${input.region}）`,
      `统计期间：${periodWords(input.month)}`,
      `制表时间：${beijingTime(input.now)}`,
    ],
    columns: HEALTH_MONTHLY_COLUMNS,
    rows: hospitals.map(({ name, t }, i) => [i + 1, name, ...cells(t)]),
    totals: ['合计', `${hospitals.length} 家医疗机构`, ...cells(all)],
    notes: [
      '说明：一起案事件可属多个类别，类别各列之和可大于总数。12小时报告指重大事件发生后12小时内报告国家卫生健康委（按时限开始所在月份统计，已取消的不计应报）；按时率 = 按时 ÷（按时 + 超时）。调解结果按作出之月统计。',
    ],
  };
}
