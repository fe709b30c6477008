import { runMigrations, type Database, type Query } from '@pingan/event-store';
import {
  extendDeadline,
  cancelDeadline,
  meetDeadline,
  pauseDeadline,
  rescheduleDeadline,
  resumeDeadline,
  startDeadline,
  type Rescheduled,
  type Deadline,
  type DeadlineExtension,
  type DeadlineState,
  type StartDeadline,
} from './deadline.js';
import type { WorkingCalendar } from './due-date.js';
import { DeadlineError } from './errors.js';
import type { DeadlineEvent, DeadlineEventHandler } from './events.js';
import { deadlineMigrations } from './migrations/index.js';
import { indexRules, isDayUnit, type DeadlineLength, type DeadlineRule } from './rules.js';

export type Clock = () => Date;

export interface DeadlineStoreOptions {
  database: Database;
  /** The service's own schema; the store keeps its clocks in `<schema>.deadlines`. */
  schema: string;
  /** The service's deadline catalogue. */
  rules: readonly DeadlineRule[];
  /** Needed when any rule counts days (`ChinaCalendar` from @pingan/calendar). */
  calendar?: WorkingCalendar;
  clock?: Clock;
}

export interface DeadlineFilter {
  state?: DeadlineState | readonly DeadlineState[];
  subject?: string;
  limit?: number;
}

export interface SweepOptions {
  /** Clocks handled per transaction. */
  batchSize?: number;
}

export interface SweepResult {
  warned: number;
  breached: number;
  /** Clocks of onExpiry 'lapse' rules that ran out (never counted as breached). */
  lapsed: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;

interface Row {
  id: string;
  subject: string;
  rule_name: string;
  rule: DeadlineRule;
  state: DeadlineState;
  started_at: Date;
  due_at: Date;
  warn_at: Date;
  next_fire_at: Date | null;
  provisional: boolean;
  paused_at: Date | null;
  paused_from: 'running' | 'warned' | null;
  paused_ms: string | number;
  completed_at: Date | null;
  warned_at: Date | null;
  breached_at: Date | null;
  responsible_organisation_id: string | null;
  supervising_organisation_id: string | null;
  extensions: Array<Omit<DeadlineExtension, 'at' | 'dueBefore' | 'dueAfter'> & { at: string; dueBefore: string; dueAfter: string }>;
  pauses: Array<{ from: string; to: string }>;
  due_set: boolean;
}

function toDeadline(row: Row): Deadline {
  return {
    id: row.id,
    subject: row.subject,
    rule: row.rule,
    state: row.state,
    startedAt: row.started_at,
    dueAt: row.due_at,
    warnAt: row.warn_at,
    nextFireAt: row.next_fire_at,
    provisional: row.provisional,
    pausedAt: row.paused_at,
    pausedFrom: row.paused_from,
    pausedMs: Number(row.paused_ms),
    completedAt: row.completed_at,
    warnedAt: row.warned_at,
    breachedAt: row.breached_at,
    responsibleOrganisationId: row.responsible_organisation_id,
    supervisingOrganisationId: row.supervising_organisation_id,
    extensions: row.extensions.map((e) => ({
      ...e,
      at: new Date(e.at),
      dueBefore: new Date(e.dueBefore),
      dueAfter: new Date(e.dueAfter),
    })),
    pauses: (row.pauses ?? []).map((p) => ({ from: new Date(p.from), to: new Date(p.to) })),
    dueSet: row.due_set ?? false,
  };
}

/**
 * Durable legal clocks of one service, in PostgreSQL. Every change locks the clock's row, so
 * user commands and sweepers never interleave on one clock. `in(query)` runs the same
 * operations inside a caller's transaction (e.g. start the clock with the event that starts it).
 */
export class DeadlineStore {
  private readonly table: string;
  private readonly rules: ReadonlyMap<string, DeadlineRule>;
  private readonly clock: Clock;

  constructor(
    private readonly options: DeadlineStoreOptions,
    private readonly boundQuery?: Query,
  ) {
    if (!SCHEMA_NAME.test(options.schema)) throw new RangeError(`Bad schema name: ${options.schema}`);
    this.table = `"${options.schema}".deadlines`;
    this.rules = indexRules(options.rules);
    if (!options.calendar && options.rules.some((rule) => isDayUnit(rule.length.unit))) {
      throw new RangeError('Day-counted deadline rules need a calendar');
    }
    this.clock = options.clock ?? (() => new Date());
  }

  /** The same store, working inside the caller's transaction. */
  in(query: Query): DeadlineStore {
    return new DeadlineStore(this.options, query);
  }

  /** Applies deadlineMigrations to the schema, for a store used on its own; ServiceRuntime runs them at start. */
  async migrate(): Promise<void> {
    await runMigrations(this.options.database, this.options.schema, deadlineMigrations);
  }

  /** Starts a clock. Starting an id that exists returns the existing clock unchanged (redelivery). */
  async start(input: StartDeadline): Promise<Deadline> {
    const rule = this.rules.get(input.rule);
    if (!rule) throw new DeadlineError('DEADLINE.UNKNOWN_RULE', `No deadline rule named ${input.rule}`);
    const deadline = startDeadline(input, rule, this.options.calendar);
    return this.run(async (query) => {
      const inserted = await query<Row>(
        `INSERT INTO ${this.table} (
           id, subject, rule_name, rule, state, started_at, due_at, warn_at, next_fire_at, provisional,
           paused_at, paused_from, paused_ms, completed_at, warned_at, breached_at,
           responsible_organisation_id, supervising_organisation_id, extensions, pauses, due_set)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
         ON CONFLICT (id) DO NOTHING
         RETURNING *`,
        [deadline.id, deadline.subject, rule.name, JSON.stringify(rule), ...this.mutableColumns(deadline)],
      );
      if (inserted[0]) return toDeadline(inserted[0]);
      return (await this.load(query, deadline.id, false))!;
    });
  }

  met(id: string, at: Date): Promise<Deadline> {
    return this.change(id, (deadline) => meetDeadline(deadline, at));
  }

  cancel(id: string, at: Date): Promise<Deadline> {
    return this.change(id, (deadline) => cancelDeadline(deadline, at));
  }

  pause(id: string, at: Date): Promise<Deadline> {
    return this.change(id, (deadline) => pauseDeadline(deadline, at));
  }

  resume(id: string, at: Date): Promise<Deadline> {
    return this.change(id, (deadline) => resumeDeadline(deadline, at, this.options.calendar));
  }

  /** `at` defaults to the store's clock. */
  extend(id: string, by: DeadlineLength, reason: string, at: Date = this.clock()): Promise<Deadline> {
    return this.change(id, (deadline) => extendDeadline(deadline, by, reason, at, this.options.calendar));
  }

  async get(id: string): Promise<Deadline | null> {
    return this.load(this.readQuery, id, false);
  }

  /** Clocks by state and/or subject, soonest due first. */
  async list(filter: DeadlineFilter = {}): Promise<Deadline[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.state !== undefined) {
      params.push(typeof filter.state === 'string' ? [filter.state] : [...filter.state]);
      where.push(`state = ANY($${params.length}::text[])`);
    }
    if (filter.subject !== undefined) {
      params.push(filter.subject);
      where.push(`subject = $${params.length}`);
    }
    params.push(filter.limit ?? 1000);
    const sql = `SELECT * FROM ${this.table} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                 ORDER BY due_at, id LIMIT $${params.length}`;
    const rows = await this.readQuery<Row>(sql, params);
    return rows.map(toDeadline);
  }

  /**
   * Fires every clock whose warning or due instant lies before `now`: running → warned
   * (DeadlineWarned), warned → breached (DeadlineBreached), and a running clock already past
   * due → breached with both events, warning first. A clock whose rule snapshot says onExpiry
   * 'lapse' ends lapsed instead (DeadlineLapsed, no breachedAt). Each batch is one transaction that locks
   * its rows with SKIP LOCKED, changes their state with a guarded UPDATE and hands the events
   * to `onEvent` before committing, so concurrent sweepers never fire a transition twice.
   */
  async sweep(now: Date, onEvent: DeadlineEventHandler, options: SweepOptions = {}): Promise<SweepResult> {
    const batchSize = options.batchSize ?? 500;
    const result: SweepResult = { warned: 0, breached: 0, lapsed: 0 };
    for (const from of ['warned', 'running'] as const) {
      for (;;) {
        const handled = await this.options.database.transaction((query) => this.sweepBatch(query, from, now, batchSize, onEvent, result));
        if (handled < batchSize) break;
      }
    }
    return result;
  }

  private async sweepBatch(
    query: Query,
    from: 'running' | 'warned',
    now: Date,
    batchSize: number,
    onEvent: DeadlineEventHandler,
    result: SweepResult,
  ): Promise<number> {
    // A warned clock can only breach; a running one warns, and breaches too if already past due.
    // (The UPDATE is wrapped in a SELECT because TypeORM returns [rows, count] for a bare UPDATE.)
    // The rule snapshot decides breach or lapse (expiredState), so a clock keeps the rule it started with.
    const rows = await query<Row>(
      `WITH due AS (
         SELECT id FROM ${this.table}
          WHERE state = $1 AND next_fire_at < $2
          ORDER BY next_fire_at
          LIMIT $3
          FOR UPDATE SKIP LOCKED),
       fired AS (
       UPDATE ${this.table} d SET
         state = CASE WHEN d.due_at >= $2 THEN 'warned' WHEN d.rule->>'onExpiry' = 'lapse' THEN 'lapsed' ELSE 'breached' END,
         next_fire_at = CASE WHEN d.due_at < $2 THEN NULL ELSE d.due_at END,
         warned_at = CASE WHEN d.state = 'running' THEN $2 ELSE d.warned_at END,
         breached_at = CASE WHEN d.due_at < $2 AND d.rule->>'onExpiry' IS DISTINCT FROM 'lapse' THEN $2 ELSE NULL END
        FROM due
       WHERE d.id = due.id AND d.state = $1
       RETURNING d.*)
       SELECT * FROM fired`,
      [from, now, batchSize],
    );
    // Oldest threshold first, so events come in the order the clocks fell due.
    const threshold = (row: Row): number => (from === 'running' ? row.warn_at : row.due_at).getTime();
    rows.sort((a, b) => threshold(a) - threshold(b));
    for (const row of rows) {
      if (from === 'running') {
        await onEvent(this.event('DeadlineWarned', row, row.warn_at, now), query);
        result.warned++;
      }
      if (row.state === 'breached') {
        await onEvent(this.event('DeadlineBreached', row, row.due_at, now), query);
        result.breached++;
      }
      if (row.state === 'lapsed') {
        await onEvent(this.event('DeadlineLapsed', row, row.due_at, now), query);
        result.lapsed++;
      }
    }
    return rows.length;
  }

  private event(type: DeadlineEvent['type'], row: Row, at: Date, now: Date): DeadlineEvent {
    return {
      type,
      deadlineId: row.id,
      subject: row.subject,
      rule: row.rule_name,
      ruleSource: row.rule.source,
      dueAt: row.due_at.toISOString(),
      at: at.toISOString(),
      detectedAt: now.toISOString(),
      responsibleOrganisationId: row.responsible_organisation_id,
      supervisingOrganisationId: row.supervising_organisation_id,
    };
  }

  private async change(id: string, transition: (deadline: Deadline) => Deadline): Promise<Deadline> {
    return this.run(async (query) => {
      const current = await this.load(query, id, true);
      if (!current) throw new DeadlineError('DEADLINE.NOT_FOUND', `No deadline ${id}`);
      const next = transition(current);
      if (next === current) return current;
      return this.write(query, next);
    });
  }

  private async write(query: Query, next: Deadline): Promise<Deadline> {
    const rows = await query<Row>(
      `WITH updated AS (UPDATE ${this.table} SET
         state = $2, started_at = $3, due_at = $4, warn_at = $5, next_fire_at = $6, provisional = $7,
         paused_at = $8, paused_from = $9, paused_ms = $10, completed_at = $11, warned_at = $12,
         breached_at = $13, responsible_organisation_id = $14, supervising_organisation_id = $15,
         extensions = $16, pauses = $17, due_set = $18
       WHERE id = $1
       RETURNING *)
       SELECT * FROM updated`,
      [next.id, ...this.mutableColumns(next)],
    );
    return toDeadline(rows[0]!);
  }

  /**
   * Counts every provisional clock that can still change again on `calendar` (a year was loaded
   * or corrected), and with `year` every such clock whose period touches that year, at `at`, with its rows locked; returns the clocks whose due instant, provisional
   * flag or state changed (see rescheduleDeadline). Run it in the transaction that records why.
   */
  async reschedule(calendar: WorkingCalendar, at: Date = this.clock(), options: { year?: number } = {}): Promise<Rescheduled[]> {
    // A correction of a year also moves clocks that the year's first load made firm: those whose period touches it.
    const year = options.year ?? null;
    return this.run(async (query) => {
      const rows = await query<Row>(
        `SELECT * FROM ${this.table}
          WHERE state IN ('running', 'warned', 'paused', 'breached') AND NOT due_set
            AND (provisional OR ($1::int IS NOT NULL
                 AND started_at < make_timestamptz($1::int + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai')
                 AND due_at >= make_timestamptz($1::int, 1, 1, 0, 0, 0, 'Asia/Shanghai')))
          ORDER BY due_at, id FOR UPDATE`,
        [year],
      );
      const changed: Rescheduled[] = [];
      for (const row of rows) {
        const outcome = rescheduleDeadline(toDeadline(row), calendar, at);
        if (!outcome) continue;
        changed.push({ ...outcome, after: await this.write(query, outcome.after) });
      }
      return changed;
    });
  }

  private mutableColumns(d: Deadline): unknown[] {
    return [
      d.state,
      d.startedAt,
      d.dueAt,
      d.warnAt,
      d.nextFireAt,
      d.provisional,
      d.pausedAt,
      d.pausedFrom,
      d.pausedMs,
      d.completedAt,
      d.warnedAt,
      d.breachedAt,
      d.responsibleOrganisationId,
      d.supervisingOrganisationId,
      JSON.stringify(d.extensions),
      JSON.stringify(d.pauses),
      d.dueSet,
    ];
  }

  private async load(query: Query, id: string, forUpdate: boolean): Promise<Deadline | null> {
    const rows = await query<Row>(`SELECT * FROM ${this.table} WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [id]);
    return rows[0] ? toDeadline(rows[0]) : null;
  }

  /** Reads need no transaction of their own. */
  private get readQuery(): Query {
    return this.boundQuery ?? this.options.database.query;
  }

  private run<T>(work: (query: Query) => Promise<T>): Promise<T> {
    return this.boundQuery ? work(this.boundQuery) : this.options.database.transaction(work);
  }
}
