import { Inject } from '@nestjs/common';
import { CommandHandler, Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ChinaCalendar, checkCalendarYear, daysOfYear, type CalendarDayView } from '@pingan/calendar';
import { CALENDAR_CONTEXT, CALENDAR_STREAM_TYPE, calendarStreamId, type CalendarYearLoadedData } from '@pingan/contracts';
import { DecideCommand, DeciderCommandHandler, runtimeToken, type ServiceRuntime } from '@pingan/platform';
import {
  calendarYearDecider,
  type CalendarYearCommand,
  type CalendarYearEvent,
  type CalendarYearState,
} from '../domain/calendar-year.decider.js';

/** A command on one year's schedule (stream `calendar-<year>` of the gateway's `calendar` context). */
export class CalendarYearCommandMessage extends DecideCommand<CalendarYearCommand, CalendarYearEvent, CalendarYearState> {}

/** The platform's decider handler on the calendar context's runtime (its relay publishes the loads). */
@CommandHandler(CalendarYearCommandMessage)
export class CalendarYearCommandHandler extends DeciderCommandHandler<CalendarYearCommand, CalendarYearEvent, CalendarYearState> {
  constructor(@Inject(runtimeToken(CALENDAR_CONTEXT)) runtime: ServiceRuntime) {
    super(runtime, { streamType: CALENDAR_STREAM_TYPE, decider: calendarYearDecider });
  }
}

export interface CalendarLoadView {
  version: number;
  notice: string;
  title: string | null;
  publishedOn: string | null;
  loadedAt: string;
  loadedBy: { userId: string; organisationId: string };
}

export interface CalendarYearView {
  year: number;
  /** official: a loaded notice or the bundled one; provisional: the law alone (放假办法, art. 2 and 6). */
  status: 'official' | 'provisional';
  source: 'loaded' | 'bundled' | 'law';
  /** Every load of the year, oldest first: the last one is in force. */
  loads: CalendarLoadView[];
  days: CalendarDayView[];
}

/** GET /calendar/{year}: each day, where the year comes from, and its loads. */
export class GetCalendarYearQuery extends Query<CalendarYearView> {
  constructor(readonly year: string) {
    super();
  }
}

@QueryHandler(GetCalendarYearQuery)
export class GetCalendarYearHandler implements IQueryHandler<GetCalendarYearQuery, CalendarYearView> {
  constructor(@Inject(runtimeToken(CALENDAR_CONTEXT)) private readonly runtime: ServiceRuntime) {}

  async execute({ year: raw }: GetCalendarYearQuery): Promise<CalendarYearView> {
    const year = checkCalendarYear(raw);
    const history = await this.runtime.store.readStream(calendarStreamId(year));
    const loads = history.map((event) => ({ data: event.data as unknown as CalendarYearLoadedData, actor: event.actor }));
    const latest = loads.at(-1)?.data;
    // A year's days depend on its own rulings only.
    const calendar = latest ? new ChinaCalendar({ overrides: latest.days, completedYears: [year] }) : new ChinaCalendar();
    return {
      year,
      ...calendar.yearStatus(year),
      loads: loads.map(({ data, actor }) => ({
        version: data.version,
        notice: data.notice,
        title: data.title,
        publishedOn: data.publishedOn,
        loadedAt: data.loadedAt,
        loadedBy: { userId: actor.userId, organisationId: actor.organisationId },
      })),
      days: daysOfYear(calendar, year),
    };
  }
}
