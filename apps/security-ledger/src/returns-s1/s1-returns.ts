import { addDays, LABELS, shanghaiDateTimeOf } from '@pingan/contracts';
import type { Cell, OfficialReturn, ReturnColumn } from '@pingan/platform';
import type { SecurityProfile } from '../domain/security-profile.js';
import { citation, standardsFor, type HospitalScope } from '../domain/standards.data.js';
import { guardsFor, inScope, scopeText, type HospitalFacts, type RequirementStatus } from '../domain/standards.js';
import { dayWords, type LedgerItem, type RegionLedger } from '../ledger/export/ledger-return.js';

/**
 * The two returns of S1 七(一) (渝卫发〔2021〕3号): the commissions' 《医疗机构安全防范能力建设统计表》
 * (附件1) and the police's 《公安机关驻医院警务室基本情况统计表》 (附件2). The seed names them but gives
 * no layout, so the columns are the figures S1 二、三(二) asks of each hospital and each office. Both
 * are built from the region's ledger (its items' grade, ownership and requirements) and the profiles
 * read model (the figures as filed), never from anything else.
 */
export const CAPABILITY_TITLE = '医疗机构安全防范能力建设统计表';
export const POLICE_OFFICE_TITLE = '公安机关驻医院警务室基本情况统计表';

export interface S1ReturnInput {
  ledger: RegionLedger;
  /** The latest profile of each hospital that filed, by hospital id. */
  profiles: Readonly<Record<string, SecurityProfile>>;
  /** The caller's organisation by name (填报单位). */
  unit: string;
  now: Date;
}

const NOT_FILED = LABELS.securityCompliance.not_filed;
const yesNo = (value: boolean | null | undefined): Cell => (value === null || value === undefined ? NOT_FILED : value ? '是' : '否');
const levelWords = (level: LedgerItem['level']): string => level ?? '未定级';
const ownershipWords = (ownership: LedgerItem['ownership']): string => (ownership ? LABELS.hospitalOwnership[ownership] : '未注明');
const factsOf = (item: LedgerItem): HospitalFacts => ({ regionCode: item.regionCode, level: item.level, ownership: item.ownership });

/**
 * Guards the standards ask of the hospital: the highest of every guards criterion of its region
 * ("就高不就低", S0's and Chongqing's 20:1 alike); null when a figure a criterion needs is not filed.
 */
export function guardsRequired(regionCode: string, profile: SecurityProfile): number | null {
  const FIELD = { on_duty_medical_staff: 'onDutyMedicalStaff', open_beds: 'openBeds', daily_outpatients: 'dailyOutpatients' } as const;
  const criteria = standardsFor(regionCode).flatMap((s) => (s.rule.kind === 'guards' ? s.rule.criteria : []));
  let needed = 0;
  for (const c of criteria) {
    const basis = profile[FIELD[c.basis]];
    if (basis === null) return null;
    needed = Math.max(needed, guardsFor(basis, c));
  }
  return needed;
}

/** Drill days within 365 days of the as-of day, as the drills standard (S0 二(四)1, `withinDays`) counts them. */
const drillsInYear = (profile: SecurityProfile, asOf: string): number | null =>
  profile.drills === null ? null : new Set(profile.drills.filter((d) => d <= asOf && d >= addDays(asOf, -365))).size;

/** Whether the standards of its region require screening at its main entrances ("以上" includes the figure). */
function screeningRequired(regionCode: string, p: SecurityProfile): Cell {
  const rules = standardsFor(regionCode).flatMap((s) => (s.rule.kind === 'screening' ? [s.rule] : []));
  const big = rules.some((r) => (p.dailyOutpatients ?? -1) >= r.minDailyOutpatients || (p.openBeds ?? -1) >= r.minBeds);
  if (big) return '是';
  return rules.length && (p.dailyOutpatients === null || p.openBeds === null) ? LABELS.securityRequirementStatus.unknown : '否';
}

function alarmPlaces(alarms: SecurityProfile['alarms']): Cell {
  if (alarms === null) return NOT_FILED;
  const places = [alarms.gate && '门卫室', alarms.departments && '各科室', alarms.keyPlaces && '重点要害部位'].filter(Boolean);
  return places.length ? places.join('、') : '未安装';
}

/** A column of the return: its cell for a hospital (null: the hospital has not filed) and its 合计. */
interface Column<R> extends ReturnColumn {
  cell: (row: R) => Cell;
  /** 'sum' adds the numbers; 'yes' counts the hospitals answering 是. */
  total?: 'sum' | 'yes' | ((rows: readonly R[]) => Cell);
}

interface CapabilityRow {
  item: LedgerItem;
  profile: SecurityProfile | undefined;
  asOf: string;
}

/** A cell from the profile, 未填报 when the hospital has not filed at all. */
const filed =
  (f: (p: SecurityProfile, row: CapabilityRow) => Cell) =>
  (row: CapabilityRow): Cell =>
    row.profile ? f(row.profile, row) : NOT_FILED;

const CAPABILITY_COLUMNS: Column<CapabilityRow>[] = [
  { header: '医院名称', width: 30, cell: (r) => r.item.name, total: (rows) => `医院${rows.length}家` },
  { header: '所属区域', width: 22, cell: (r) => r.item.regionName },
  { header: '医院等级', width: 9, cell: (r) => levelWords(r.item.level) },
  { header: '所有制', width: 8, cell: (r) => ownershipWords(r.item.ownership) },
  { header: '应配保安\n（人）', width: 10, cell: filed((p, r) => guardsRequired(r.item.regionCode, p) ?? NOT_FILED), total: 'sum' },
  { header: '现有保安\n（人）', width: 10, cell: filed((p) => p.guards ?? NOT_FILED), total: 'sum' },
  { header: '持证上岗\n（人）', width: 10, cell: filed((p) => p.certifiedGuards ?? NOT_FILED), total: 'sum' },
  { header: '主要出入口\n须安检', width: 11, cell: filed((p, r) => screeningRequired(r.item.regionCode, p)), total: 'yes' },
  { header: '主要出入口\n（个）', width: 11, cell: filed((p) => p.screening?.mainEntrances ?? NOT_FILED), total: 'sum' },
  { header: '已安检出入口\n（个）', width: 12, cell: filed((p) => p.screening?.screenedMainEntrances ?? NOT_FILED), total: 'sum' },
  {
    header: '安检设备',
    width: 34,
    cell: filed((p) =>
      p.screening === null ? NOT_FILED : p.screening.equipment.map((e) => LABELS.screeningEquipment[e]).join('、') || '无',
    ),
  },
  { header: '一键报警\n安装部位', width: 28, cell: filed((p) => alarmPlaces(p.alarms)) },
  { header: '一键报警与\n监控中心联网', width: 12, cell: filed((p) => yesNo(p.alarms?.networkedToMonitoringCentre)), total: 'yes' },
  { header: '一键报警\n接入公安机关', width: 12, cell: filed((p) => yesNo(p.alarms?.networkedToPolice)), total: 'yes' },
  { header: '视频监控\n重点区域全覆盖', width: 14, cell: filed((p) => yesNo(p.video?.keyPlacesCovered)), total: 'yes' },
  { header: '录像存储\n（天）', width: 10, cell: filed((p) => p.video?.retentionDays ?? NOT_FILED) },
  { header: '设有警务室', width: 11, cell: filed((p) => yesNo(p.policeOffice?.present)), total: 'yes' },
  { header: '近一年应急演练\n（次）', width: 14, cell: filed((p, r) => drillsInYear(p, r.asOf) ?? NOT_FILED), total: 'sum' },
  { header: '总体达标情况', width: 12, cell: (r) => LABELS.securityCompliance[r.item.compliance] },
];

function totalOf<R>(column: Column<R>, rows: readonly R[]): Cell {
  if (typeof column.total === 'function') return column.total(rows);
  const cells = rows.map(column.cell);
  if (column.total === 'sum') return cells.reduce<number>((n, c) => n + (typeof c === 'number' ? c : 0), 0);
  if (column.total === 'yes') return cells.filter((c) => c === '是').length;
  return null;
}

function table<R>(columns: readonly Column<R>[], rows: readonly R[]) {
  return {
    columns: [{ header: '序号', width: 6 }, ...columns],
    rows: rows.map((row, i) => [i + 1, ...columns.map((c) => c.cell(row))]),
    totals: ['合计', ...columns.map((c) => totalOf(c, rows))],
  };
}

const particulars = (input: S1ReturnInput): string[] => [
  `填报单位：${input.unit}`,
  `统计区域：${input.ledger.regionName}（${input.ledger.regionCode}）`,
  `统计截至：${dayWords(input.ledger.asOf)}`,
  `制表时间：${shanghaiDateTimeOf(input.now).slice(0, 16)}（北京时间）`,
];

/** 附件1: one row per hospital of the region's ledger (those that have not filed too, as 未填报). */
export function capabilityReturn(input: S1ReturnInput): OfficialReturn {
  const rows = input.ledger.items.map((item) => ({ item, profile: input.profiles[item.hospitalId], asOf: input.ledger.asOf }));
  return {
    sheetName: '安全防范能力建设',
    title: `《${CAPABILITY_TITLE}》`,
    particulars: particulars(input),
    ...table(CAPABILITY_COLUMNS, rows),
    notes: [
      '说明：应配保安按医院所在地区适用的各项标准取其高者（就高不就低）；“须安检”依日均门诊量与开放床位判定；“是/否”列的合计为答“是”的医院数；未填报的数据不计入合计。',
    ],
  };
}

interface OfficeRow {
  item: LedgerItem;
  office: NonNullable<SecurityProfile['policeOffice']>;
}

/** "1+2+6" met: the ledger's evaluation of the staffing standard; 不适用 where the region has none. */
function staffingMet(item: LedgerItem): Cell {
  const r = item.requirements.find((x) => x.kind === 'police_office_staffing');
  if (!r) return LABELS.securityRequirementStatus.not_applicable;
  return r.status === 'met' ? '是' : r.status === 'not_met' ? '否' : LABELS.securityRequirementStatus[r.status];
}

const OFFICE_COLUMNS: Column<OfficeRow>[] = [
  { header: '医院名称', width: 30, cell: (r) => r.item.name, total: (rows) => `警务室${rows.length}个` },
  { header: '所属区域', width: 22, cell: (r) => r.item.regionName },
  { header: '医院等级', width: 9, cell: (r) => levelWords(r.item.level) },
  { header: '所有制', width: 8, cell: (r) => ownershipWords(r.item.ownership) },
  { header: '专职民警\n（人）', width: 10, cell: (r) => r.office.fullTimeOfficers, total: 'sum' },
  { header: '兼职民警\n（人）', width: 10, cell: (r) => r.office.partTimeOfficers, total: 'sum' },
  { header: '协警（辅警）\n（人）', width: 12, cell: (r) => r.office.auxiliaries, total: 'sum' },
  { header: '保安\n（人）', width: 8, cell: (r) => r.office.guards, total: 'sum' },
  { header: '达到“1+2+6”\n配置标准', width: 13, cell: (r) => staffingMet(r.item), total: 'yes' },
];

/**
 * The region's coverage, one line per police-office standard of the region: the hospitals each one
 * must have an office in, and the share rule (S1 三(二): private grade 二 ≥ 80 %). A hospital that
 * has not filed counts as without (as the ledger's region rule counts it).
 */
export function coverageLines(input: S1ReturnInput): string[] {
  const { ledger, profiles } = input;
  const count = (scope: HospitalScope) => {
    const counted = ledger.items.filter((i) => inScope(factsOf(i), scope) === true);
    const withOffice = counted.filter((i) => profiles[i.hospitalId]?.policeOffice?.present === true).length;
    const share = counted.length ? `${Math.floor((withOffice * 1000) / counted.length) / 10}%` : '—';
    return { total: counted.length, withOffice, share };
  };
  const status = (s: RequirementStatus) => LABELS.securityRequirementStatus[s];
  const lines: string[] = [];
  for (const standard of standardsFor(ledger.regionCode)) {
    if (standard.rule.kind !== 'police_office') continue;
    const every = count(standard.rule.every);
    const met: RequirementStatus = every.total === 0 ? 'not_applicable' : every.withOffice === every.total ? 'met' : 'not_met';
    lines.push(
      `${scopeText(standard.rule.every)}：共${every.total}家，设警务室${every.withOffice}家（${every.share}），须全部设立，${status(met)}（${citation(standard.source)}）`,
    );
    const coverage = standard.rule.coverage;
    if (!coverage) continue;
    const share = count(coverage);
    // The verdict is the ledger's own region rule, not re-derived here.
    const rule = ledger.regionRequirements.find((r) => r.standardId === standard.id);
    lines.push(
      `${scopeText(coverage)}：共${share.total}家，设警务室${share.withOffice}家（${share.share}），须不低于${Math.round(coverage.minShare * 100)}%，` +
        `${status(rule?.status ?? 'not_applicable')}（${citation(standard.source)}）`,
    );
  }
  return lines;
}

/** 附件2: one row per police office (a hospital of the region with one), then the region's coverage. */
export function policeOfficeReturn(input: S1ReturnInput): OfficialReturn {
  const rows = input.ledger.items.flatMap((item): OfficeRow[] => {
    const office = input.profiles[item.hospitalId]?.policeOffice;
    return office?.present ? [{ item, office }] : [];
  });
  return {
    sheetName: '驻医院警务室',
    title: `《${POLICE_OFFICE_TITLE}》`,
    particulars: particulars(input),
    ...table(OFFICE_COLUMNS, rows),
    notes: [
      `辖区警务室覆盖情况（${input.ledger.regionName}）：`,
      ...coverageLines(input),
      '说明：“1+2+6”为1名民警、2名协警、6名保安，三级医院须为专职民警（渝卫发〔2021〕3号 三(二)）；未填报警务室情况的医院按未设计。',
    ],
  };
}
