import { addDays, shanghaiDateOf } from '../../../../libs/contracts/src/shanghai-time';

/** Times are shown in Beijing time whatever the browser's zone (the law's clocks run on it). */
const ZONE = 'Asia/Shanghai';

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});
const clockTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: ZONE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

export const beijing = (iso: string | null | undefined): string => (iso ? dateTime.format(new Date(iso)).replace(/\//g, '-') : '—');
export const beijingClock = (iso: string | null | undefined): string => (iso ? clockTime.format(new Date(iso)) : '—');

/**
 * `02:41` or `1:02:41` for a span in ms (absolute); a day or more as `32 天 2 小时`, since nobody reads a
 * 30-working-day mediation period as 770:30:52 (and seconds mean nothing at that range).
 */
export function span(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86_400);
  if (days > 0) return `${days} 天 ${Math.floor((total % 86_400) / 3600)} 小时`;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

/** A `datetime-local` input's value (Beijing wall time) for an instant, and back. */
export function toBeijingInput(date: Date): string {
  const shifted = new Date(date.getTime() + 8 * 3600_000);
  return shifted.toISOString().slice(0, 16);
}
export function fromBeijingInput(value: string): string {
  return new Date(`${value}:00+08:00`).toISOString();
}

/** Today's date in Beijing ('YYYY-MM-DD'), and the date `days` from it: the product's one Shanghai-date helper. */
export const beijingToday = (): string => shanghaiDateOf(new Date());
export const beijingDaysFromToday = (days: number): string => addDays(beijingToday(), days);
