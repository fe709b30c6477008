import { parseIsoDate } from '@pingan/contracts';
import { ChinaCalendar, type CalendarOverride, type ChinaCalendarOptions } from './china-calendar.js';

/**
 * Runs one SQL statement and resolves to its rows: a TypeORM DataSource's `query`, or
 * `(sql, params) => pool.query(sql, params).then((r) => r.rows)` for a `pg` Pool.
 */
export type SqlQuery = <Row = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<Row[]>;

export interface CalendarSchedule {
  year: number;
  /** The administrator declared the year's whole schedule loaded: its dates are not provisional. */
  completed: boolean;
  /** Where the schedule comes from, e.g. '国办发明电〔2026〕x号'. */
  source: string;
  loadedBy: string;
  loadedAt: Date;
}

export interface LoadYearOptions {
  source: string;
  loadedBy: string;
  /** Default true: the overrides are the year's whole published schedule. */
  completed?: boolean;
}

/**
 * Administrator overrides of the China calendar in PostgreSQL, one schema chosen by the
 * caller. Works through a single query function (no Nest, no pool), so each write is one
 * statement and therefore one transaction. Its tables come from `calendarMigrations`.
 */
export class CalendarOverrideRepository {
  private readonly overridesTable: string;
  private readonly schedulesTable: string;

  constructor(
    private readonly query: SqlQuery,
    private readonly options: { schema: string; now: () => Date },
  ) {
    const schema = quoteIdentifier(options.schema);
    this.overridesTable = `${schema}.calendar_overrides`;
    this.schedulesTable = `${schema}.calendar_schedules`;
  }

  /**
   * Replaces all overrides of `year` with `overrides` and records who loaded them from
   * where. The overrides are validated against the calendar rules first (e.g. a statutory
   * holiday cannot be made a working day).
   */
  async loadYear(year: number, overrides: readonly CalendarOverride[], options: LoadYearOptions): Promise<CalendarSchedule> {
    if (!Number.isInteger(year)) throw new RangeError(`Not a year: ${year}`);
    const dates = new Set<string>();
    for (const override of overrides) {
      if (parseIsoDate(override.date).year !== year) throw new RangeError(`Override ${override.date} is not in ${year}`);
      if (dates.has(override.date)) throw new RangeError(`Override ${override.date} is listed twice`);
      dates.add(override.date);
    }
    new ChinaCalendar({ overrides }); // throws on an invalid or conflicting override

    // One statement, so one transaction whatever connection `query` uses: the schedule row,
    // the upsert of the listed dates and the removal of the dates no longer listed. (Data-
    // changing CTEs run unreferenced; a delete and an insert of the same key in one
    // statement would collide, so the upsert and the delete touch disjoint rows.)
    const rows = await this.query<ScheduleRow>(
      `WITH schedule AS (
         INSERT INTO ${this.schedulesTable} (year, completed, source, loaded_by, loaded_at)
         VALUES ($1, $3, $4, $5, $6)
         ON CONFLICT (year) DO UPDATE
           SET completed = EXCLUDED.completed, source = EXCLUDED.source,
               loaded_by = EXCLUDED.loaded_by, loaded_at = EXCLUDED.loaded_at
         RETURNING year, completed, source, loaded_by, loaded_at
       ),
       incoming AS (
         SELECT o.date, o.kind, o.note FROM jsonb_to_recordset($2::jsonb) AS o(date date, kind text, note text)
       ),
       upserted AS (
         INSERT INTO ${this.overridesTable} (date, year, kind, note)
         SELECT date, (SELECT year FROM schedule), kind, note FROM incoming
         ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, note = EXCLUDED.note
       ),
       removed AS (
         DELETE FROM ${this.overridesTable}
         WHERE year = $1 AND date NOT IN (SELECT date FROM incoming)
       )
       SELECT year, completed, source, loaded_by, loaded_at FROM schedule`,
      [
        year,
        JSON.stringify(overrides.map(({ date, kind, note }) => ({ date, kind, note }))),
        options.completed ?? true,
        options.source,
        options.loadedBy,
        this.options.now(),
      ],
    );
    return toSchedule(rows[0]);
  }

  /** Every override, in date order. */
  async all(): Promise<CalendarOverride[]> {
    const rows = await this.query<CalendarOverride>(
      // to_char: node-postgres would turn a `date` into a Date at local midnight.
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, note FROM ${this.overridesTable} ORDER BY date`,
    );
    return rows.map(({ date, kind, note }) => ({ date, kind, note }));
  }

  async schedules(): Promise<CalendarSchedule[]> {
    const rows = await this.query<ScheduleRow>(
      `SELECT year, completed, source, loaded_by, loaded_at FROM ${this.schedulesTable} ORDER BY year`,
    );
    return rows.map(toSchedule);
  }
}

/** Builds the calendar from what administrators have loaded. */
export async function loadChinaCalendar(
  repository: CalendarOverrideRepository,
  options: Omit<ChinaCalendarOptions, 'overrides' | 'completedYears'> = {},
): Promise<ChinaCalendar> {
  const [overrides, schedules] = await Promise.all([repository.all(), repository.schedules()]);
  return new ChinaCalendar({
    ...options,
    overrides,
    completedYears: schedules.filter((schedule) => schedule.completed).map((schedule) => schedule.year),
  });
}

interface ScheduleRow {
  year: number | string;
  completed: boolean;
  source: string;
  loaded_by: string;
  loaded_at: string | Date;
}

function toSchedule(row: ScheduleRow): CalendarSchedule {
  return {
    year: Number(row.year),
    completed: row.completed,
    source: row.source,
    loadedBy: row.loaded_by,
    loadedAt: new Date(row.loaded_at),
  };
}

function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new RangeError(`Not a plain schema name: ${JSON.stringify(name)}`);
  return `"${name}"`;
}
