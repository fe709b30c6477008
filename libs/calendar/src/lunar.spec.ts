import { lunarDateOf, qingmingDate, solarDateOfLunar } from './lunar.js';

// chinese-days reads dates in the process's local time zone; these wrappers must not. Jest
// gives tests a copy of process.env, so TZ cannot be switched here: run this file with
// TZ=America/New_York (or any zone west of UTC) to check, as libs/calendar/README.md says.

describe('lunar dates and Qingming (for years without a published schedule)', () => {
  it.each([
    // year, lunar New Year's Day, Dragon Boat (5/5), Mid-Autumn (8/15), Qingming
    [2025, '2025-01-29', '2025-05-31', '2025-10-06', '2025-04-04'],
    [2026, '2026-02-17', '2026-06-19', '2026-09-25', '2026-04-05'],
    [2027, '2027-02-06', '2027-06-09', '2027-09-15', '2027-04-05'],
    [2028, '2028-01-26', '2028-05-28', '2028-10-03', '2028-04-04'],
  ])('Given %i, then the festivals fall on the known dates', (year, newYear, dragonBoat, midAutumn, qingming) => {
    expect(solarDateOfLunar(year, 1, 1)).toBe(newYear);
    expect(solarDateOfLunar(year, 5, 5)).toBe(dragonBoat);
    expect(solarDateOfLunar(year, 8, 15)).toBe(midAutumn);
    expect(qingmingDate(year)).toBe(qingming);
  });

  it('Given 2028 with a leap 5th month, then Dragon Boat is in the ordinary 5th month', () => {
    expect(lunarDateOf('2028-05-28')).toEqual({ year: 2028, month: 5, day: 5, isLeapMonth: false });
    expect(lunarDateOf('2028-06-27')).toEqual({ year: 2028, month: 5, day: 5, isLeapMonth: true });
  });
});
