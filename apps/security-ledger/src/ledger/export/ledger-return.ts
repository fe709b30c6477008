import { LABELS, shanghaiDateTimeOf } from '@pingan/contracts';
import type { Cell, OfficialReturn, ReturnColumn } from '@pingan/platform';
import { citation, STANDARDS, standardsFor, type Standard } from '../../domain/standards.data.js';
import type { RegionLedgerHandler } from '../queries/region-ledger.js';

/**
 * The ledger as the commission files it (《医院安全秩序管理工作台账》): built from the ledger
 * query's answer only, so whatever the ledger gains shows here by adding its column below.
 */
export type RegionLedger = Awaited<ReturnType<RegionLedgerHandler['execute']>>;
export type LedgerItem = RegionLedger['items'][number];

export const LEDGER_TITLE = '医院安全秩序管理工作台账';

/** A column of one hospital's row, and its cell of the 合计 row. */
export interface LedgerColumn extends ReturnColumn {
  cell: (item: LedgerItem) => Cell;
  total?: (ledger: RegionLedger) => Cell;
}

const LEVEL_WORDS = (level: LedgerItem['level']): string => level ?? '未定级';
const OWNERSHIP_WORDS = (ownership: LedgerItem['ownership']): string =>
  ownership === 'public' ? '公立' : ownership === 'private' ? '民营' : '未注明';

/** "2026年7月1日" */
export const dayWords = (day: string): string => `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/** Who the hospital is: before the requirements. */
const HOSPITAL_COLUMNS: LedgerColumn[] = [
  { header: '医院名称', width: 30, cell: (i) => i.name, total: (l) => `医院${l.summary.hospitals}家` },
  { header: '所属区域', width: 22, cell: (i) => i.regionName },
  { header: '医院等级', width: 9, cell: (i) => LEVEL_WORDS(i.level) },
  { header: '所有制', width: 8, cell: (i) => OWNERSHIP_WORDS(i.ownership) },
];

/** One column per standard: its status in words and the figure behind it. */
function requirementColumn(standard: Standard): LedgerColumn {
  return {
    header: `${standard.title}\n（${citation(standard.source)}）`,
    width: 34,
    cell: (item) => {
      if (item.compliance === 'not_filed') return LABELS.securityCompliance.not_filed;
      const r = item.requirements.find((x) => x.standardId === standard.id);
      // A regional standard of another region of the ledger: not this hospital's.
      if (!r) return LABELS.securityRequirementStatus.not_applicable;
      return `${LABELS.securityRequirementStatus[r.status]}：${r.figure}`;
    },
  };
}

/**
 * What the commission follows up, after the requirements. Inspections and rectification
 * (open and overdue items, last inspection) add their columns HERE, from the ledger items' fields.
 */
const sum = (ledger: RegionLedger, count: (item: LedgerItem) => number): number =>
  ledger.items.reduce((total, item) => total + count(item), 0);

const FOLLOW_UP_COLUMNS: LedgerColumn[] = [
  {
    header: '总体达标情况',
    width: 12,
    cell: (i) => LABELS.securityCompliance[i.compliance],
    total: (l) =>
      `${LABELS.securityCompliance.compliant}${l.summary.compliant}家，${LABELS.securityCompliance.non_compliant}${l.summary.non_compliant}家，` +
      `${LABELS.securityCompliance.incomplete}${l.summary.incomplete}家，${LABELS.securityCompliance.not_filed}${l.summary.not_filed}家`,
  },
  {
    header: '最近填报时间',
    width: 18,
    cell: (i) => (i.filedAt ? shanghaiDateTimeOf(new Date(i.filedAt)).slice(0, 16) : '—'),
  },
  // Rectification (整改): "完成一家，销号一家" [S0 三(三)].
  { header: '未销号整改事项', width: 10, cell: (i) => i.openItems, total: (l) => sum(l, (i) => i.openItems) },
  { header: '其中逾期', width: 8, cell: (i) => i.overdueItems, total: (l) => sum(l, (i) => i.overdueItems) },
  { header: '逾期销号', width: 8, cell: (i) => i.lateItems, total: (l) => sum(l, (i) => i.lateItems) },
  { header: '最近检查日期', width: 12, cell: (i) => i.lastInspectionOn ?? '—' },
];

/** The standards of the ledger's hospitals, in the standards' order (a province's ledger may hold several regions' own). */
const standardsOfLedger = (ledger: RegionLedger): Standard[] => {
  const regions = new Set([ledger.regionCode, ...ledger.items.map((i) => i.regionCode)]);
  const ids = new Set([...regions].flatMap((code) => standardsFor(code).map((s) => s.id)));
  return STANDARDS.filter((s) => ids.has(s.id));
};

export function ledgerColumns(ledger: RegionLedger): LedgerColumn[] {
  return [...HOSPITAL_COLUMNS, ...standardsOfLedger(ledger).map(requirementColumn), ...FOLLOW_UP_COLUMNS];
}

/** The region's ledger as an official return: title with the region and as-of day, one row per hospital, 合计. */
export function ledgerReturn(ledger: RegionLedger, now: Date): OfficialReturn {
  const columns = ledgerColumns(ledger);
  return {
    sheetName: `台账 ${ledger.asOf}`,
    title: `《${LEDGER_TITLE}》（${ledger.regionName}，截至${dayWords(ledger.asOf)}）`,
    particulars: [
      `统计区域：${ledger.regionName}（${ledger.regionCode}）`,
      `制表时间：${shanghaiDateTimeOf(now).slice(0, 16)}（北京时间）`,
    ],
    columns: [{ header: '序号', width: 6 }, ...columns],
    rows: ledger.items.map((item, i) => [i + 1, ...columns.map((c) => c.cell(item))]),
    totals: ['合计', ...columns.map((c) => c.total?.(ledger) ?? null)],
    notes: [
      '说明：各项标准状态为“达标”“未达标”“待核实（未填报）”“不适用”，冒号后为依据的数据；标准按医院所在地区适用（地方标准与国家标准同时适用，就高不就低）。',
    ],
  };
}
