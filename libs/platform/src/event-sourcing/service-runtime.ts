import { Logger } from '@nestjs/common';
import {
  CALENDAR_CONTEXT,
  CALENDAR_YEAR_LOADED,
  SYSTEM_ACTOR,
  eventsTopic,
  type CalendarYearLoadedData,
  type EventEnvelope,
} from '@pingan/contracts';
import { CalendarOverrideRepository, calendarMigrations, loadChinaCalendar, type ChinaCalendar } from '@pingan/calendar';
import {
  CLOCK_EVENT_TYPES,
  DEADLINE_REOPENED,
  DEADLINE_RESCHEDULED,
  DeadlineError,
  DeadlineStore,
  DeadlineSweeper,
  applyClockStep,
  clockSnapshot,
  clockStepAt,
  clockStepsFor,
  deadlineMigrations,
  type ClockStep,
  type DeadlineEvent,
  type DeadlineRule,
  type DueResult,
  type WorkingCalendar,
} from '@pingan/deadlines';
import {
  PostgresEventStore,
  Projector,
  anchorChainHeads,
  eventStoreMigrations,
  runMigrations,
  type AppendedEvent,
  type Database,
  type Projection,
  type Query,
  type SchemaMigration,
} from '@pingan/event-store';
import { InboxConsumer, OutboxRelay, messagingMigrations, type MessageBus } from '@pingan/messaging';
import { OrganisationDirectory, directoryMigrations, directorySubscription } from '@pingan/access';

/**
 * Which clock steps an event takes. Default `clockStepsFor`: the instructions in its `data.clocks`
 * (the one protocol); a context narrows it to its case streams, or maps events that are clock
 * steps of their own (incidents' IncidentClock*) to instructions first.
 */
export type ClocksFor = (event: AppendedEvent) => ClockStep[];

export interface ServiceRuntimeOptions {
  /** Bounded context: names the topic `pingan.<context>.events` and the PostgreSQL schema. */
  context: string;
  /** The service's own tables (besides the libraries' and its projections'), oldest first; see `migrations`. */
  migrations?: readonly SchemaMigration[];
  projections?: Projection[];
  /** The service's legal clocks: rules as data; the events say which clock they move (`data.clocks`). */
  deadlines?: {
    rules: readonly DeadlineRule[];
    clocksFor?: ClocksFor;
    sweepIntervalMs?: number;
    /** How often a replica rereads the calendar another replica stored (default 30 s); see libs/calendar/README.md. */
    calendarRefreshMs?: number;
  };
  clock?: () => Date;
  /** How often chain heads are anchored as events (default 60 s). */
  anchorIntervalMs?: number;
  /**
   * Keep a copy of the access directory (the gateway's organisation events) in this schema:
   * `runtime.directory` looks organisations up, so requests need not state what the directory knows.
   */
  directory?: boolean;
}

export interface SubscriptionSpec {
  /** Consumer group, e.g. 'prosecution.incidents'. */
  group: string;
  /** Contexts whose topics to follow, e.g. ['incidents']. */
  contexts: string[];
  handle(envelope: EventEnvelope, query: Query): Promise<void>;
}

/** Schema names are SQL identifiers: 'high-risk-persons' → 'high_risk_persons'. */
export const schemaFor = (context: string): string => context.replace(/-/g, '_');

/**
 * Everything that makes a bounded context event-sourced, started and stopped with its module:
 * the event store (its own schema), the outbox relay to the bus, inbox consumers of other
 * contexts' events, checkpointed projections, legal clocks that follow the events, and the
 * periodic anchoring of hash-chain heads.
 */
export class ServiceRuntime {
  readonly store: PostgresEventStore;
  readonly schema: string;
  /** The same store without the clock step (clock streams and sweeper events move no clock). */
  private readonly clockStreams: PostgresEventStore;
  deadlines: DeadlineStore | null = null;
  /** The context's copy of the access directory (option `directory`), else null. */
  readonly directory: OrganisationDirectory | null = null;
  private readonly log: Logger;
  private readonly relay: OutboxRelay;
  private readonly projections: Projection[];
  private readonly projectors: Projector[] = [];
  private readonly consumers: InboxConsumer[] = [];
  private sweeper: DeadlineSweeper | null = null;
  /** The calendar the clocks count with; replaced whenever a year is loaded. */
  readonly calendar = new CurrentCalendar();
  private calendarTimer: NodeJS.Timeout | null = null;
  private calendarConsumer: InboxConsumer | null = null;
  private calendarJoin: Promise<void> | null = null;
  private directoryConsumer: InboxConsumer | null = null;
  private directoryJoin: Promise<void> | null = null;
  private anchorTimer: NodeJS.Timeout | null = null;
  private started = false;

  constructor(
    private readonly options: ServiceRuntimeOptions,
    readonly db: Database,
    private readonly bus: MessageBus,
  ) {
    this.schema = schemaFor(options.context);
    this.projections = [...(options.projections ?? [])];
    this.log = new Logger(`Runtime:${options.context}`);
    const storeOptions = {
      db,
      schema: this.schema,
      context: options.context,
      clock: options.clock,
      onAppended: () => {
        this.relay.wake();
        for (const p of this.projectors) void p.catchUp().catch((e: unknown) => this.log.warn(`projection: ${String(e)}`));
      },
    };
    this.clockStreams = new PostgresEventStore(storeOptions);
    const clocks = options.deadlines;
    this.store = new PostgresEventStore(
      clocks
        ? {
            ...storeOptions,
            withinAppend: (events, query) => this.moveClocks(events, query, clocks.clocksFor ?? clockStepsFor),
          }
        : storeOptions,
    );
    this.relay = new OutboxRelay({ name: `${options.context}-outbox`, source: this.store, bus, db, schema: this.schema });
    if (options.directory) {
      this.directory = new OrganisationDirectory(db.query, this.schema);
      this.directoryConsumer = this.consumerFor(directorySubscription(options.context, this.schema));
    }
  }

  get clock(): () => Date {
    return this.options.clock ?? (() => new Date());
  }

  /**
   * The schema's migrations, in the order start() applies them: the libraries' (event store and
   * projection checkpoints, inbox and relay, calendar and clocks if the service has clocks), then
   * the service's own, then its projections'.
   */
  get migrations(): SchemaMigration[] {
    const { deadlines, migrations = [], projections = [], directory } = this.options;
    return [
      ...eventStoreMigrations,
      ...messagingMigrations,
      ...(deadlines ? [...calendarMigrations, ...deadlineMigrations] : []),
      ...(directory ? directoryMigrations : []),
      ...migrations,
      ...projections.flatMap((projection) => projection.migrations ?? []),
    ];
  }

  async start(): Promise<void> {
    const applied = await runMigrations(this.db, this.schema, this.migrations);
    if (applied.length > 0) this.log.log(`schema ${this.schema}: applied ${applied.join(', ')}`);
    if (this.options.deadlines) await this.startDeadlines(this.options.deadlines);
    for (const projection of this.projections) {
      const projector = new Projector(this.store, projection, { pollMs: 500 });
      this.projectors.push(projector);
    }
    for (const p of this.projectors) p.start();
    this.relay.start();
    this.sweeper?.start();
    this.anchorTimer = setInterval(() => {
      anchorChainHeads(this.store).catch((e: unknown) => this.log.warn(`anchoring: ${String(e)}`));
    }, this.options.anchorIntervalMs ?? 60_000);
    this.anchorTimer.unref();
    this.started = true;
    for (const c of this.consumers) await c.start();
    // Followed in the background: a Kafka group join must not hold up (or, with the broker down, fail) the start.
    if (this.calendarConsumer) this.calendarJoin = this.joinInBackground(this.calendarConsumer, 'calendar');
    if (this.directoryConsumer) this.directoryJoin = this.joinInBackground(this.directoryConsumer, 'directory');
  }

  /** Starts a consumer, retrying a failed join until the runtime stops. */
  private async joinInBackground(consumer: InboxConsumer, what: string): Promise<void> {
    while (this.started) {
      try {
        await consumer.start();
        return;
      } catch (error) {
        this.log.warn(`${what} consumer: ${String(error)}; retrying`);
        // 5 s between attempts, cut short when the runtime stops.
        for (let waited = 0; this.started && waited < 5_000; waited += 100)
          await new Promise((resolve) => setTimeout(resolve, 100).unref());
      }
    }
  }

  /** Resolves once this runtime follows the calendar (tests that load a year right after start). */
  async calendarFollowed(): Promise<void> {
    await this.calendarJoin;
  }

  /** Follows other contexts' events; each event's effect happens once (inbox in this schema). */
  async subscribe(spec: SubscriptionSpec): Promise<void> {
    const consumer = this.consumerFor(spec);
    this.consumers.push(consumer);
    if (this.started) await consumer.start();
  }

  private consumerFor(spec: SubscriptionSpec): InboxConsumer {
    return new InboxConsumer({
      bus: this.bus,
      db: this.db,
      schema: this.schema,
      group: spec.group,
      topics: spec.contexts.map(eventsTopic),
      handle: spec.handle,
    });
  }

  /** Brings every projection up to date now (queries that must read their own writes). */
  async catchUpProjections(): Promise<void> {
    for (const p of this.projectors) await p.catchUp();
  }

  /** One sweep of this context's clocks now (the sweeper also runs on its own interval). */
  async sweepDeadlines(): Promise<void> {
    await this.sweeper?.sweepOnce();
  }

  async stop(): Promise<void> {
    if (this.anchorTimer) clearInterval(this.anchorTimer);
    if (this.calendarTimer) clearInterval(this.calendarTimer);
    this.started = false;
    await this.calendarJoin;
    await this.directoryJoin;
    const background = [this.calendarConsumer, this.directoryConsumer].filter((c): c is InboxConsumer => c !== null);
    await Promise.all([...this.consumers, ...background].map((c) => c.stop()));
    await this.sweeper?.stop();
    await Promise.all(this.projectors.map((p) => p.stop()));
    await this.relay.stop();
    this.started = false;
  }

  private async startDeadlines({
    rules,
    sweepIntervalMs,
    calendarRefreshMs,
  }: NonNullable<ServiceRuntimeOptions['deadlines']>): Promise<void> {
    const calendarRepo = new CalendarOverrideRepository(this.db.query, { schema: this.schema, now: this.clock });
    this.calendar.use(await loadChinaCalendar(calendarRepo));
    const deadlines = new DeadlineStore({ database: this.db, schema: this.schema, rules, calendar: this.calendar, clock: this.clock });
    this.deadlines = deadlines;

    // The years administrators load (the gateway's calendar context): stored in this schema, counted with at once.
    // Joined in the background: the service counts with what it stored until then, and a Kafka group join
    // (seconds, more under load) must not hold up its start.
    this.calendarConsumer = new InboxConsumer({
      bus: this.bus,
      db: this.db,
      schema: this.schema,
      group: `${this.options.context}.calendar`,
      topics: [eventsTopic(CALENDAR_CONTEXT)],
      handle: (envelope, query) => this.followCalendar(envelope, query),
    });
    // One replica consumes each load; the others reread what it stored.
    this.calendarTimer = setInterval(() => {
      loadChinaCalendar(calendarRepo)
        .then((calendar) => this.calendar.use(calendar))
        .catch((e: unknown) => this.log.warn(`calendar refresh: ${String(e)}`));
    }, calendarRefreshMs ?? 30_000);
    this.calendarTimer.unref();

    // Warnings and breaches become events of this context, in the sweeper's transaction.
    this.sweeper = new DeadlineSweeper({
      store: deadlines,
      intervalMs: sweepIntervalMs ?? 1_000,
      clock: this.clock,
      onEvent: (event, query) => this.recordDeadlineEvent(event, query),
      onError: (error) => this.log.warn(`deadline sweep: ${String(error)}`),
    });
  }

  /**
   * The clock steps the appended events carry, applied in the append's own transaction: a read
   * after the write sees its clocks, and a crash cannot keep the events and lose their clocks (or
   * the other way round). Every step is published as a Deadline* event of the clock's stream.
   */
  private async moveClocks(events: readonly AppendedEvent[], query: Query, clocksFor: ClocksFor): Promise<void> {
    for (const event of events) {
      const steps = clocksFor(event);
      if (steps.length === 0) continue;
      // The clocks' store (and its calendar) is opened by start(); an append that moves a clock
      // before then would have nowhere to put it.
      const deadlines = this.deadlines;
      if (!deadlines) throw new Error(`${this.options.context}: a clock moved before the runtime started`);
      for (const step of steps) {
        try {
          const deadline = await applyClockStep(deadlines.in(query), step);
          await this.appendToClockStream(
            query,
            CLOCK_EVENT_TYPES[step.op],
            clockSnapshot(deadline, step),
            clockStepAt(step),
            event.eventId,
          );
        } catch (error) {
          // The clock cannot take this step any more (already final, unknown): the event stands.
          // DeadlineErrors are raised before any SQL of the step, so the transaction is still good.
          if (!(error instanceof DeadlineError)) throw error;
          this.log.warn(`clock ${step.op} ${step.id}: ${error.message}`);
        }
      }
    }
  }

  /**
   * A year's schedule was loaded or corrected: keep it in this schema (so a restart counts with it),
   * count with it from now on, and count again every clock that had counted on a guess, each change
   * an event of the clock's stream, all in the inbox transaction.
   */
  private async followCalendar(envelope: EventEnvelope, query: Query): Promise<void> {
    if (envelope.type !== CALENDAR_YEAR_LOADED || !this.deadlines) return;
    const load = envelope.data as CalendarYearLoadedData;
    const repository = new CalendarOverrideRepository(query, { schema: this.schema, now: this.clock });
    await repository.loadYear(load.year, load.days, {
      source: `${load.notice} (version ${load.version})`,
      loadedBy: envelope.actor.userId,
    });
    const calendar = await loadChinaCalendar(repository);
    const reason = `calendar ${load.year} loaded from ${load.notice} (version ${load.version})`;
    const now = this.clock();
    const changes = await this.deadlines.in(query).reschedule(calendar, now, { year: load.year });
    for (const { before, after, reopened } of changes) {
      await this.appendToClockStream(
        query,
        DEADLINE_RESCHEDULED,
        { ...clockSnapshot(after, { reason }), previousDueAt: before.dueAt.toISOString(), calendarYear: load.year, notice: load.notice },
        now,
        envelope.eventId,
      );
      if (reopened) {
        await this.appendToClockStream(
          query,
          DEADLINE_REOPENED,
          { ...clockSnapshot(after, { reason }), withdrawnBreachAt: before.breachedAt?.toISOString() ?? null },
          now,
          envelope.eventId,
        );
      }
    }
    this.calendar.use(calendar);
    if (changes.length > 0) this.log.log(`${reason}: ${changes.length} clock(s) rescheduled`);
  }

  private recordDeadlineEvent(event: DeadlineEvent, query: Query): Promise<void> {
    const { type, ...data } = event;
    return this.appendToClockStream(query, type, data, new Date(event.at), null);
  }

  /** Every clock has its own stream `deadline-<id>`; its subject (the case number) is the correlation id. */
  private async appendToClockStream(
    query: Query,
    type: string,
    data: Record<string, unknown> & { deadlineId: string; subject: string },
    occurredAt: Date,
    causationId: string | null,
  ): Promise<void> {
    await this.clockStreams.using(query).append(`deadline-${data.deadlineId}`, [{ type, data, occurredAt }], {
      streamType: 'deadline',
      expectedVersion: 'any',
      actor: SYSTEM_ACTOR,
      correlationId: data.subject,
      causationId,
    });
  }
}

/** The runtime's calendar, swapped whole when a year is loaded (clocks hold this, not a snapshot). */
class CurrentCalendar implements WorkingCalendar {
  private current: ChinaCalendar | null = null;

  use(calendar: ChinaCalendar): void {
    this.current = calendar;
  }

  private get calendar(): ChinaCalendar {
    if (!this.current) throw new Error('the calendar is read at start');
    return this.current;
  }

  addWorkingDays(start: Date, n: number): DueResult {
    return this.calendar.addWorkingDays(start, n);
  }

  addCalendarDays(start: Date, n: number, options: { extendOverHoliday: boolean }): DueResult {
    return this.calendar.addCalendarDays(start, n, options);
  }

  isWorkingDay(date: string): boolean {
    return this.calendar.isWorkingDay(date);
  }
}
