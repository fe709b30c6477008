/** How long a deadline runs. Days and months count as the law counts them (see README: counting). */
export type DeadlineUnit = 'minutes' | 'hours' | 'calendar_days' | 'working_days' | 'months';

export interface DeadlineLength {
  unit: DeadlineUnit;
  amount: number;
}

/**
 * One legal deadline, as data. A service lists its rules in one place and passes them to its
 * `DeadlineStore`; a running clock keeps a snapshot of its rule, so editing the list later
 * changes only clocks started afterwards.
 */
export interface DeadlineRule {
  name: string;
  /** Where the rule comes from, e.g. '[S1 六(二)] 渝卫发〔2021〕3号' or '[law] 刑事诉讼法 第91条'. */
  source: string;
  length: DeadlineLength;
  /** Warn when this fraction of the (active) period has elapsed, e.g. 0.75. */
  warnAtFraction: number;
  /**
   * calendar_days only: a period whose last day is not a working day runs on to the next
   * working day. Default true (the general rule); custody periods set false.
   */
  extendOverHoliday?: boolean;
  /**
   * hours only: CPL art. 105 does not count the hour in which a period starts, so the hours run
   * from the next whole hour. Default false: administrative periods (the 12-hour report) are
   * exact clock time from the instant.
   */
  excludeStartHour?: boolean;
  /**
   * What reaching the due instant means. 'breach' (default): the period is somebody's duty, and
   * running out is their breach (DeadlineBreached, escalated). 'lapse': the period is a window
   * whose running out is itself the outcome, nobody's fault — e.g. mediation not agreed within
   * 30 working days counts as failed (医疗纠纷预防和处理条例 第38条), an appeal not lodged in time
   * [刑事诉讼法 第230条]: the sweeper ends the clock `lapsed` (DeadlineLapsed), never breached.
   * Warnings fire alike (warnAtFraction); a service that wants none reads and ignores them.
   */
  onExpiry?: 'breach' | 'lapse';
}

/** Whether a clock of `rule` ends lapsed rather than breached when it runs out. */
export const lapsesOnExpiry = (rule: Pick<DeadlineRule, 'onExpiry'>): boolean => rule.onExpiry === 'lapse';

/** Units counted on the calendar in whole days (a month is counted by its dates, then as days). */
export const isDayUnit = (unit: DeadlineUnit): unit is 'calendar_days' | 'working_days' | 'months' =>
  unit === 'calendar_days' || unit === 'working_days' || unit === 'months';

/** The units a clock of `ruleUnit` can be extended in: a month period takes months or days ("+15 days"). */
export function extensionUnitsOf(ruleUnit: DeadlineUnit): readonly DeadlineUnit[] {
  if (ruleUnit === 'months') return ['months', 'calendar_days'];
  return isDayUnit(ruleUnit) ? [ruleUnit] : ['minutes', 'hours'];
}

/** Checks a service's rule list once, at start-up, and indexes it by name. */
export function indexRules(rules: readonly DeadlineRule[]): ReadonlyMap<string, DeadlineRule> {
  const byName = new Map<string, DeadlineRule>();
  for (const rule of rules) {
    if (byName.has(rule.name)) throw new RangeError(`Duplicate deadline rule: ${rule.name}`);
    assertLength(rule.length, `rule ${rule.name}`);
    if (!(rule.warnAtFraction > 0 && rule.warnAtFraction < 1)) {
      throw new RangeError(`Rule ${rule.name}: warnAtFraction must be between 0 and 1 (exclusive)`);
    }
    if (rule.onExpiry !== undefined && rule.onExpiry !== 'breach' && rule.onExpiry !== 'lapse') {
      throw new RangeError(`Rule ${rule.name}: onExpiry must be 'breach' or 'lapse'`);
    }
    byName.set(rule.name, rule);
  }
  return byName;
}

export function assertLength(length: DeadlineLength, what: string): void {
  const units: readonly string[] = ['minutes', 'hours', 'calendar_days', 'working_days', 'months'];
  if (!units.includes(length.unit)) throw new RangeError(`${what}: unknown unit ${String(length.unit)}`);
  const wholeDays = isDayUnit(length.unit) ? Number.isInteger(length.amount) : true;
  if (!(length.amount > 0) || !Number.isFinite(length.amount) || !wholeDays) {
    throw new RangeError(`${what}: amount must be positive (whole for day units), got ${length.amount}`);
  }
}
