import { regionName } from '@pingan/access';
import { LABELS, type EventEnvelope } from '@pingan/contracts';
import { beijingTime, shanghaiMonthOf } from '../domain/event-facts.js';
import type { Cell, OfficialReturn, ReturnColumn } from '@pingan/platform';
import { clockOutcome, periodWords, type ClockRow } from './statistics.js';

/**
 * 《公安机关打击涉医违法犯罪专项行动统计表》 [S2 四(三)]: one row per police unit of the region, the
 * month's cases accepted by kind and filed, penalties, compulsory measures, arrests, prosecutions,
 * and the ministry-system entries (within 3 working days [S1 六(二)]) on time or late; a 合计 row.
 * Pure: the feed files each prosecution event's coded fact (`policeFactOf`), the service loads
 * them, this lays them out.
 */
export const POLICE_MONTHLY_TITLE = '公安机关打击涉医违法犯罪专项行动统计表';

/** A counted prosecution event, as the feed files it in oversight.police_facts. */
export interface PoliceFactRow {
  case_number: string;
  type: string;
  /** The police unit the event names; null when it names none (the procuratorate's decisions): the case's unit. */
  unit_id: string | null;
  /** Case kind, penalty kind, measure, or arrest outcome. */
  kind: string | null;
  persons: number;
}
export interface PoliceClockRow extends ClockRow {
  responsible_organisation_id: string | null;
}

type Data = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/**
 * The fact a prosecution event adds to the return, or null. Counted in the Asia/Shanghai month of
 * the act (accepted, decided…), not of its entry; the unit is the one the event names.
 */
export function policeFactOf(
  envelope: EventEnvelope,
): { type: string; unitId: string | null; kind: string | null; persons: number; at: Date; month: string } | null {
  if (envelope.context !== 'prosecution') return null;
  const d = (envelope.data ?? {}) as Data;
  const fact = (unitId: unknown, kind: unknown, at: unknown, persons = 1) => {
    const instant = new Date(str(at) ?? envelope.occurredAt);
    const when = Number.isNaN(instant.getTime()) ? new Date(envelope.occurredAt) : instant;
    return { type: envelope.type, unitId: str(unitId), kind: str(kind), persons, at: when, month: shanghaiMonthOf(when) };
  };
  const suspects = Array.isArray(d.suspectIds) ? d.suspectIds.length : 1;
  switch (envelope.type) {
    case 'CaseAccepted':
      return fact(d.handlingUnitId, d.kind, d.acceptedAt);
    case 'CaseTransferred': // not counted: it moves the case, and what follows, to another unit
      return fact(d.toUnitId, null, d.transferredAt);
    case 'CriminalCaseFiled':
      return fact(d.filingUnitId, null, d.filedAt);
    case 'CaseConvertedToCriminal':
      return fact(null, null, d.convertedAt);
    case 'AdministrativePenaltyDecided':
      return fact(d.decidingUnitId, (d.penalty as { kind?: string } | undefined)?.kind, d.decidedAt);
    case 'CompulsoryMeasureImposed':
      return fact(d.decidingUnitId, d.measure, d.decidedAt);
    case 'ArrestApprovalRequested':
      return fact(null, null, d.requestedAt);
    case 'ArrestApprovalDecided':
      return fact(null, d.outcome, d.decidedAt);
    case 'CaseTransferredForProsecution':
      return fact(d.transferringUnitId, null, d.transferredAt, suspects);
    case 'SuspectsIndicted':
      return fact(null, null, d.indictedAt, suspects);
    default:
      return null;
  }
}

/** The 3-working-day entry into the ministry's system, however a region names its rule. */
export const isMinistryEntryClock = (row: ClockRow): boolean => /ministry/i.test(row.rule);

const PENALTIES = Object.keys(LABELS.penaltyKind) as (keyof typeof LABELS.penaltyKind)[];
const MEASURES = Object.keys(LABELS.compulsoryMeasure) as (keyof typeof LABELS.compulsoryMeasure)[];

export const POLICE_MONTHLY_COLUMNS: readonly ReturnColumn[] = [
  { header: '序号', width: 6 },
  { header: '办案单位', width: 30 },
  { header: '受理案件', width: 10 },
  { header: '其中：刑事案件', width: 10 },
  { header: '其中：治安案件', width: 10 },
  { header: '刑事立案', width: 10 },
  { header: '治安转刑事', width: 10 },
  ...PENALTIES.map((k) => ({ header: `治安处罚：${LABELS.penaltyKind[k]}（人次）`, width: 12 })),
  ...MEASURES.map((k) => ({ header: `强制措施：${LABELS.compulsoryMeasure[k]}（人次）`, width: 12 })),
  { header: '提请批准逮捕（人）', width: 12 },
  { header: '批准逮捕（人）', width: 12 },
  { header: '移送审查起诉（人）', width: 12 },
  { header: '提起公诉（人）', width: 12 },
  { header: '部级系统应录入', width: 10 },
  { header: '按时录入', width: 10 },
  { header: '超时录入', width: 10 },
  { header: '录入按时率', width: 10, numFmt: '0.0%' },
];

interface Tally {
  n: Record<string, number>;
  due: number;
  met: number;
  breached: number;
}
const empty = (): Tally => ({ n: {}, due: 0, met: 0, breached: 0 });
const add = (t: Tally, key: string, by = 1) => void (t.n[key] = (t.n[key] ?? 0) + by);
const rate = (t: Tally): number | null => (t.met + t.breached > 0 ? Math.round((t.met / (t.met + t.breached)) * 10_000) / 10_000 : null);
const cells = (t: Tally): Cell[] => {
  const n = (k: string) => t.n[k] ?? 0;
  return [
    n('accepted'),
    n('accepted:criminal'),
    n('accepted:administrative'),
    n('filed'),
    n('converted'),
    ...PENALTIES.map((k) => n(`penalty:${k}`)),
    ...MEASURES.map((k) => n(`measure:${k}`)),
    n('arrest_requested'),
    n('arrest_approved'),
    n('transferred_for_prosecution'),
    n('indicted'),
    t.due,
    t.met,
    t.breached,
    rate(t),
  ];
};

function count(t: Tally, f: PoliceFactRow): void {
  switch (f.type) {
    case 'CaseAccepted':
      add(t, 'accepted');
      if (f.kind) add(t, `accepted:${f.kind}`);
      return;
    case 'CriminalCaseFiled':
      return add(t, 'filed');
    case 'CaseConvertedToCriminal':
      return add(t, 'converted');
    case 'AdministrativePenaltyDecided':
      return add(t, `penalty:${f.kind}`);
    case 'CompulsoryMeasureImposed':
      return add(t, `measure:${f.kind}`);
    case 'ArrestApprovalRequested':
      return add(t, 'arrest_requested', f.persons);
    case 'ArrestApprovalDecided':
      if (f.kind === 'approved') add(t, 'arrest_approved', f.persons);
      return;
    case 'CaseTransferredForProsecution':
      return add(t, 'transferred_for_prosecution', f.persons);
    case 'SuspectsIndicted':
      return add(t, 'indicted', f.persons);
  }
}

export function policeMonthlyReturn(
  input: { month: string; region: string; unit: string; organisation: (id: string) => string; now: Date },
  /** The month's facts of the region's cases. */
  facts: readonly PoliceFactRow[],
  /** Each case's police unit: the last to accept it or have it transferred to. */
  caseUnits: Readonly<Record<string, string>>,
  clocks: readonly PoliceClockRow[],
): OfficialReturn {
  const byUnit = new Map<string, Tally>();
  const of = (id: string | null | undefined) => {
    const key = id ?? '';
    if (!byUnit.has(key)) byUnit.set(key, empty());
    return byUnit.get(key)!;
  };
  const all = empty();
  for (const f of facts) {
    if (f.type === 'CaseTransferred') continue;
    for (const t of [of(f.unit_id ?? caseUnits[f.case_number]), all]) count(t, f);
  }
  for (const clock of clocks.filter(isMinistryEntryClock)) {
    const outcome = clockOutcome(clock, input.now);
    for (const t of [of(clock.responsible_organisation_id), all]) {
      if (outcome !== 'cancelled') t.due++;
      if (outcome === 'met') t.met++;
      if (outcome === 'breached') t.breached++;
    }
  }
  const units = [...byUnit.entries()]
    .map(([id, t]) => ({ name: id ? input.organisation(id) : '未注明办案单位', t }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return {
    sheetName: `公安月报 ${input.month}`,
    title: POLICE_MONTHLY_TITLE,
    particulars: [
      `填报单位：${input.unit}`,
      `统计区域：${regionName(input.region)}（${input.region}）`,
      `统计期间：${periodWords(input.month)}`,
      `制表时间：${beijingTime(input.now)}`,
    ],
    columns: POLICE_MONTHLY_COLUMNS,
    rows: units.map(({ name, t }, i) => [i + 1, name, ...cells(t)]),
    totals: ['合计', `${units.length} 个办案单位`, ...cells(all)],
    notes: [
      '说明：按受案、立案、决定之日（北京时间）所在月份统计；检察机关的批准逮捕、提起公诉计入案件的办案单位。治安处罚、强制措施按决定人次统计。部级系统录入指处罚或强制措施决定后3个工作日内录入公安部系统，按时限开始所在月份统计，已取消的不计应录入；按时率 = 按时 ÷（按时 + 超时）。',
    ],
  };
}
