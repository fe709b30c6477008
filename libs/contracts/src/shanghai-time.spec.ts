import { shanghaiDateOf, shanghaiDateTimeOf, shanghaiMonthOf, shanghaiMonthRange, startOfShanghaiDay } from '@pingan/contracts';

describe('Asia/Shanghai dates and times', () => {
  it('turns the date, month and wall-clock time at 16:00 UTC, whatever the process time zone', () => {
    expect(shanghaiDateOf(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11-30');
    expect(shanghaiMonthOf(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11');
    expect(shanghaiMonthOf(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12');
    expect(shanghaiDateTimeOf(new Date('2026-12-31T16:05:09.123Z'))).toBe('2027-01-01 00:05:09');
  });

  it('gives a month as the half-open range of its instants, across a year end', () => {
    expect(shanghaiMonthRange('2026-12')).toEqual({ from: new Date('2026-11-30T16:00:00Z'), to: new Date('2026-12-31T16:00:00Z') });
    expect(startOfShanghaiDay('2026-03-01')).toEqual(new Date('2026-02-28T16:00:00Z'));
  });

  it('refuses what is not a date or a month', () => {
    expect(() => shanghaiDateOf(new Date('nonsense'))).toThrow(RangeError);
    expect(() => shanghaiMonthRange('2026-13')).toThrow(RangeError);
    expect(() => startOfShanghaiDay('2026-02-30')).toThrow(RangeError);
  });
});
