import { daysOf, parseYearSchedule, type YearSchedule } from '@pingan/calendar';
import { CALENDAR_YEAR_LOADED, type CalendarYearLoadedData } from '@pingan/contracts';
import type { Decider } from '@pingan/event-store';
import type { Command } from '@pingan/platform';

/** Load (or correct) one year's holiday schedule: stream `calendar-<year>`. */
export type CalendarYearCommand = Command<'LoadCalendarYear', { schedule: unknown; year: number }>;

export type CalendarYearEvent = { type: typeof CALENDAR_YEAR_LOADED; data: CalendarYearLoadedData };

export interface CalendarYearState {
  version: number;
  latest: CalendarYearLoadedData | null;
}

// Field by field: a stored event's jsonb does not keep the keys' order.
const itemsOf = (holidays: YearSchedule['holidays']): string =>
  JSON.stringify(holidays.map(({ name, from, to, workdays }) => [name, from, to, workdays]));
const sameSchedule = (a: CalendarYearLoadedData, b: YearSchedule): boolean =>
  a.notice === b.notice && a.title === b.title && a.publishedOn === b.publishedOn && itemsOf(a.holidays) === itemsOf(b.holidays);

/**
 * A year's schedule as a stream: every load is an event (who, when, from which notice), a second
 * load is a correction and the history stays. Loading exactly what is loaded already changes
 * nothing (an operator running the CLI twice).
 */
export const calendarYearDecider: Decider<CalendarYearCommand, CalendarYearEvent, CalendarYearState> = {
  initialState: () => ({ version: 0, latest: null }),
  decide(command, state) {
    const schedule = parseYearSchedule(command.data.schedule, command.data.year);
    if (state.latest && sameSchedule(state.latest, schedule)) return [];
    return [
      {
        type: CALENDAR_YEAR_LOADED,
        data: {
          year: schedule.year,
          notice: schedule.notice,
          title: schedule.title,
          publishedOn: schedule.publishedOn,
          holidays: schedule.holidays,
          days: daysOf(schedule),
          version: state.version + 1,
          loadedAt: command.metadata.now.toISOString(),
        },
      },
    ];
  },
  evolve: (state, event) => (event.type === CALENDAR_YEAR_LOADED ? { version: event.data.version, latest: event.data } : state),
};
