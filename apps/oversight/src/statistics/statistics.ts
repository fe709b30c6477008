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

export type ClockOutcome = 'met' | 'breached' | 'cancelled' | 'open';
export function clockOutcome(row: ClockRow, now: Date): ClockOutcome {
  if (row.state === 'met') return 'met';
  if (row.state === 'breached') return 'breached';
  if (row.state === 'cancelled') return 'cancelled';
  const due = new Date(row.due_at);
  if (row.completed_at && new Date(row.completed_at) > due) return 'breached';
  if (row.state !== 'paused' && now > due) return 'breached';
  return 'open';
}

const compliance = (rows: ClockRow[], now: Date): Compliance => {
  const c: Compliance = { met: 0, breached: 0, cancelled: 0, open: 0, rate: null };
  for (const row of rows) c[clockOutcome(row, now)]++;
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

export const STATISTICS_COLUMNS = ['month', 'region', 'section', 'key', 'count', 'rate'];

/** The figures as rows (CSV, XLSX): one per counted thing. */
export function statisticsRows(stats: Statistics): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  const add = (section: string, key: string, value: number, rate: number | null = null) =>
    rows.push([stats.month, stats.region, section, key, value, rate]);
  if (stats.incidents) {
    add('incidents', 'total', stats.incidents.total);
    add('incidents', 'major', stats.incidents.major);
    for (const [k, v] of Object.entries(stats.incidents.byCategory)) add('incidents.category', k, v);
    for (const [k, v] of Object.entries(stats.incidents.byHospital)) add('incidents.hospital', k, v);
    for (const [k, v] of Object.entries(stats.incidents.byOutcome)) add('incidents.outcome', k, v);
  }
  const clocks = (section: string, c: Compliance) => {
    add(section, 'met', c.met, c.rate);
    add(section, 'breached', c.breached, c.rate);
    add(section, 'cancelled', c.cancelled);
    add(section, 'open', c.open);
  };
  if (stats.responseTime) clocks('responseTime.policeArrival', stats.responseTime);
  for (const [rule, c] of Object.entries(stats.deadlines ?? {})) clocks(`deadlines.${rule}`, c);
  for (const area of ['mediation', 'prosecution', 'penalties'] as const)
    for (const [k, v] of Object.entries(stats[area] ?? {})) add(area, k, v);
  return rows;
}
