export { ChinaCalendar } from './china-calendar.js';
export type { CalendarOverride, ChinaCalendarOptions, DayInfo, Due } from './china-calendar.js';
export {
  LAST_COMPUTABLE_YEAR,
  STATUTORY_HOLIDAYS_2024_REVISION,
  STATUTORY_RULES_IN_FORCE_FROM,
  fallbackDaysOff,
  statutoryHolidays,
} from './statutory-holidays.js';
export type { FallbackDayOff, StatutoryHoliday, StatutoryHolidayRule } from './statutory-holidays.js';
// Asia/Shanghai dates are computed in @pingan/contracts only; re-exported for callers of the calendar.
export { endOfShanghaiDay, shanghaiDateOf, startOfShanghaiDay } from '@pingan/contracts';
export { CalendarOverrideRepository, loadChinaCalendar } from './calendar-override.repository.js';
export type { CalendarSchedule, LoadYearOptions, SqlQuery } from './calendar-override.repository.js';
export { calendarMigrations, type CalendarMigration } from './migrations/index.js';
export { CalendarError, checkCalendarYear, daysOf, daysOfYear, parseYearSchedule, parseYearScheduleCsv } from './year-schedule.js';
export type { CalendarDayView, YearSchedule } from './year-schedule.js';
