/**
 * The working-day calendar as events: an administrator loads a year's holiday schedule (the State
 * Council's notice) into the gateway's `calendar` context, one stream per year; every service with
 * legal clocks follows `pingan.calendar.events` and counts with it from then on. A correction is
 * another load of the same year: the stream keeps every version.
 */
export const CALENDAR_CONTEXT = 'calendar';
export const CALENDAR_YEAR_LOADED = 'CalendarYearLoaded';
export const CALENDAR_STREAM_TYPE = 'calendar-year';
export const calendarStreamId = (year: number): string => `calendar-${year}`;

/** One item of a notice: "春节：2月5日至11日放假调休，共7天。2月14日（周日）、2月20日（周六）上班。" */
export interface CalendarHolidayItem {
  /** e.g. '春节' */
  name: string;
  /** First and last day off, 'YYYY-MM-DD' (Asia/Shanghai). */
  from: string;
  to: string;
  /** The make-up working days (调休上班) the item names. */
  workdays: string[];
}

/** One date the schedule rules on. */
export interface CalendarDayRuling {
  date: string;
  kind: 'off' | 'working';
  note: string;
}

export type CalendarYearLoadedData = {
  year: number;
  /** The notice's number, e.g. '国办发明电〔2026〕x号'. */
  notice: string;
  title: string | null;
  /** The day the notice was published, if known. */
  publishedOn: string | null;
  holidays: CalendarHolidayItem[];
  /** Every date the items rule on (the days off and the make-up working days), in date order. */
  days: CalendarDayRuling[];
  /** 1 for the first load of the year, 2 for its first correction, … */
  version: number;
  loadedAt: string;
};
