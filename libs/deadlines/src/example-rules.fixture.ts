import type { DeadlineRule } from './rules.js';

/**
 * An example catalogue from DOMAIN.md's deadlines table, for tests. Real services list their
 * own rules (with per-region values where the source is regional, e.g. Chongqing's arrival times).
 */
export const EXAMPLE_RULES = [
  {
    name: 'police-arrival-with-office',
    source: '[S1 三(一)] 渝卫发〔2021〕3号',
    length: { unit: 'minutes', amount: 3 },
    warnAtFraction: 0.75,
  },
  { name: 'police-arrival', source: '[S1 三(一)] 渝卫发〔2021〕3号', length: { unit: 'minutes', amount: 8 }, warnAtFraction: 0.75 },
  { name: 'national-hc-report', source: '[S3 五(二)]', length: { unit: 'hours', amount: 12 }, warnAtFraction: 0.75 },
  {
    name: 'immediate-local-report',
    source: '[S3 五(二)] "immediately", configured as 1 h',
    length: { unit: 'hours', amount: 1 },
    warnAtFraction: 0.5,
  },
  {
    name: 'ministry-system-entry',
    source: '[S1 六(二)] 渝卫发〔2021〕3号',
    length: { unit: 'working_days', amount: 3 },
    warnAtFraction: 0.75,
  },
  // Custody periods are never extended over holidays.
  {
    name: 'arrest-request',
    source: '[law] 刑事诉讼法 第91条',
    length: { unit: 'calendar_days', amount: 3 },
    warnAtFraction: 0.75,
    extendOverHoliday: false,
  },
  {
    name: 'arrest-decision',
    source: '[law] 刑事诉讼法 第91条',
    length: { unit: 'calendar_days', amount: 7 },
    warnAtFraction: 0.75,
    extendOverHoliday: false,
  },
  {
    name: 'peoples-mediation',
    source: '[law] 医疗纠纷预防和处理条例 第33条',
    length: { unit: 'working_days', amount: 30 },
    warnAtFraction: 0.75,
  },
] as const satisfies readonly DeadlineRule[];

export const ruleNamed = (name: (typeof EXAMPLE_RULES)[number]['name']): DeadlineRule => EXAMPLE_RULES.find((rule) => rule.name === name)!;
