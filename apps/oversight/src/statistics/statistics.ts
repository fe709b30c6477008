import { regionName } from '@pingan/access';
import { LABELS, ruleWords } from '@pingan/contracts';
import { beijingTime, labelOf } from '../domain/event-facts.js';

import type { Cell, OfficialReturn } from '@pingan/platform';

/**
 * Figures for one month and region, computed from the read models' rows (pure: the service
 * loads the rows, this counts them). A clock counts as met, breached (also: done after its due
 * instant, or overdue and not yet swept), cancelled, or open.
 */
export interface CaseFactsRow {
  case_number: string;
  hospital_id: string | null;
  categories: string[];
  incident_outcome: string | null;
  /** A death, a serious injury or a mass incident [S3 五(二)]. */
  major?: boolean;
}
export interface ClockRow {
  rule: string;
  clock: string | null;
  state: string;
  due_at: Date | string;
  completed_at: Date | string | null;
}
export interface OutcomeRow {
  area: string;
  outcome: string;
}

export type Section = 'incidents' | 'responseTime' | 'deadlines' | 'mediation' | 'prosecution' | 'penalties';
export const ALL_SECTIONS: Section[] = ['incidents', 'responseTime', 'deadlines', 'mediation', 'prosecution', 'penalties'];
export const POLICE_SECTIONS: Section[] = ['incidents', 'responseTime', 'prosecution', 'penalties'];

export interface Compliance {
  met: number;
  breached: number;
  cancelled: number;
  open: number;
  /** Windows that ran out as their outcome (onExpiry 'lapse', e.g. mediation): neither met nor breached; only when any. */
  lapsed?: number;
  /** met / (met + breached); null when nothing was decided yet. */
  rate: number | null;
}

export interface Statistics {
  month: string;
  region: string;
  sections: Section[];
  incidents?: {
    total: number;
    major: number;
    byCategory: Record<string, number>;
    byHospital: Record<string, number>;
    byOutcome: Record<string, number>;
  };
  responseTime?: Compliance;
  deadlines?: Record<string, Compliance>;
  mediation?: Record<string, number>;
  prosecution?: Record<string, number>;
  penalties?: Record<string, number>;
}

const count = (into: Record<string, number>, key: string) => void (into[key] = (into[key] ?? 0) + 1);

export type ClockOutcome = 'met' | 'breached' | 'lapsed' | 'cancelled' | 'open';
export function clockOutcome(row: ClockRow, now: Date): ClockOutcome {
  if (row.state === 'met') return 'met';
  if (row.state === 'breached') return 'breached';
  if (row.state === 'lapsed') return 'lapsed';
  if (row.state === 'cancelled') return 'cancelled';
  const due = new Date(row.due_at);
  if (row.completed_at && new Date(row.completed_at) > due) return 'breached';
  if (row.state !== 'paused' && now > due) return 'breached';
  return 'open';
}

const compliance = (rows: ClockRow[], now: Date): Compliance => {
  const c: Compliance = { met: 0, breached: 0, cancelled: 0, open: 0, rate: null };
  for (const row of rows) {
    const outcome = clockOutcome(row, now);
    if (outcome === 'lapsed') c.lapsed = (c.lapsed ?? 0) + 1;
    else c[outcome]++;
  }
  c.rate = c.met + c.breached > 0 ? Math.round((c.met / (c.met + c.breached)) * 10_000) / 10_000 : null;
  return c;
};

/** The police-arrival clock, however a region names its rule (the incidents contract's clock name first). */
export const isArrivalClock = (row: ClockRow): boolean =>
  row.clock === 'police_arrival' || (row.clock === null && /arrival/i.test(row.rule));

export function computeStatistics(
  input: { month: string; region: string; sections: Section[]; now: Date },
  cases: CaseFactsRow[],
  clocks: ClockRow[],
  outcomes: OutcomeRow[],
): Statistics {
  const stats: Statistics = { month: input.month, region: input.region, sections: input.sections };
  const want = (s: Section) => input.sections.includes(s);
  if (want('incidents')) {
    const byCategory: Record<string, number> = {};
    const byHospital: Record<string, number> = {};
    const byOutcome: Record<string, number> = {};
    for (const c of cases) {
      for (const category of c.categories.length ? c.categories : ['unclassified']) count(byCategory, category);
      count(byHospital, c.hospital_id ?? 'unknown');
      count(byOutcome, c.incident_outcome ?? 'open');
    }
    stats.incidents = { total: cases.length, major: cases.filter((c) => c.major === true).length, byCategory, byHospital, byOutcome };
  }
  if (want('responseTime')) stats.responseTime = compliance(clocks.filter(isArrivalClock), input.now);
  if (want('deadlines')) {
    const byRule = new Map<string, ClockRow[]>();
    for (const row of clocks) byRule.set(row.rule, [...(byRule.get(row.rule) ?? []), row]);
    stats.deadlines = Object.fromEntries(
      [...byRule.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([rule, rows]) => [rule, compliance(rows, input.now)]),
    );
  }
  for (const area of ['mediation', 'prosecution', 'penalties'] as const) {
    if (!want(area)) continue;
    const tally: Record<string, number> = {};
    for (const o of outcomes) if (o.area === (area === 'penalties' ? 'penalty' : area)) count(tally, o.outcome);
    stats[area] = tally;
  }
  return stats;
}

/** 'open' is not an incident outcome: the incident is still being handled. */
const outcomeWords = (outcome: string): string => (outcome === 'open' ? LABELS.caseStatus.open : labelOf(['incidentOutcome'], outcome));

/** Statistics outcome codes (see domain/event-facts outcomeOf) in words. */
function resultWords(area: 'mediation' | 'prosecution' | 'penalties', code: string): string {
  if (area === 'penalties') return labelOf(['penaltyKind'], code);
  if (area === 'mediation') {
    if (code === 'agreed') return '达成调解协议';
    const reason = code.replace(/^failed:/, '');
    return `调解不成（${reason === 'expired' ? '调解期满' : labelOf(['mediationFailureReason'], reason)}）`;
  }
  const words: Record<string, string> = {
    indicted: LABELS.policeCaseStage.indicted,
    not_prosecuted: LABELS.policeCaseStage.not_prosecuted,
    arrest_approved: LABELS.arrestDecisionOutcome.approved,
    arrest_not_approved: LABELS.arrestDecisionOutcome.not_approved,
    judgement_guilty: '判决有罪',
    judgement_not_guilty: '判决无罪',
  };
  return words[code] ?? code;
}

export const STATISTICS_TITLE = '涉医案事件月度统计表';

/** 2026-11 → 2026年11月1日至2026年11月30日 (Asia/Shanghai calendar month). */
export function periodWords(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}年${m}月1日至${y}年${m}月${last}日`;
}

/**
 * The figures as an official return (统计报表): one row per counted thing in words, hospitals by
 * name, a 合计 row of the month's incidents. Pure: names come in from the directory.
 */
export function statisticsReturn(
  stats: Statistics,
  context: { unit: string; organisation: (id: string) => string; now: Date },
): OfficialReturn {
  const rows: Cell[][] = [];
  const add = (section: string, item: string, value: number, rate: number | null = null) =>
    rows.push([rows.length + 1, section, item, value, rate]);
  if (stats.incidents) {
    add('涉医案事件', '总数', stats.incidents.total);
    add('涉医案事件', '其中：重大事件', stats.incidents.major);
    for (const [k, v] of Object.entries(stats.incidents.byCategory))
      add('按类别', k === 'unclassified' ? '未分类' : labelOf(['incidentCategory'], k), v);
    for (const [k, v] of Object.entries(stats.incidents.byHospital))
      add('按医疗机构', k === 'unknown' ? '未注明' : context.organisation(k), v);
    for (const [k, v] of Object.entries(stats.incidents.byOutcome)) add('按处置结果', outcomeWords(k), v);
  }
  const clocks = (section: string, c: Compliance) => {
    add(section, '按时', c.met, c.rate);
    add(section, '超时', c.breached);
    add(section, '已取消', c.cancelled);
    if (c.lapsed) add(section, '期限届满', c.lapsed);
    add(section, '未到期', c.open);
  };
  if (stats.responseTime) clocks(LABELS.incidentClock.police_arrival, stats.responseTime);
  for (const [rule, c] of Object.entries(stats.deadlines ?? {})) clocks(`法定时限：${ruleWords(rule)}`, c);
  const areas = { mediation: '医疗纠纷调解', prosecution: '起诉与审判', penalties: '行政处罚' } as const;
  for (const area of ['mediation', 'prosecution', 'penalties'] as const)
    for (const [k, v] of Object.entries(stats[area] ?? {})) add(areas[area], resultWords(area, k), v);
  return {
    sheetName: `统计 ${stats.month}`,
    title: STATISTICS_TITLE,
    particulars: [
      `填报单位：${context.unit}`,
      `统计区域：${regionName(stats.region)}（${stats.region}）`,
      `统计期间：${periodWords(stats.month)}`,
      `制表时间：${beijingTime(context.now)}`,
    ],
    columns: [
      { header: '序号', width: 6 },
      { header: '统计项目', width: 28 },
      { header: '分项', width: 36 },
      { header: '数量', width: 10 },
      { header: '按时率', width: 10, numFmt: '0.0%' },
    ],
    rows,
    totals: stats.incidents ? ['合计', '涉医案事件（起）', null, stats.incidents.total, null] : undefined,
    notes: ['说明：按时率 = 按时 ÷（按时 + 超时）；时限按其开始时所在月份（北京时间）统计。'],
  };
}
