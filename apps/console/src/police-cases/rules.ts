/** Police-case clocks whose period is working days (the API's rule names; deadline-rules.ts in prosecution). */
const WORKING_DAY_RULES = [/^ministry-system-entry/];

export const isWorkingDayRule = (rule: string): boolean => WORKING_DAY_RULES.some((pattern) => pattern.test(rule));
