import type { HighRiskDeadlineRuleName } from '@pingan/contracts';
import type { DeadlineRule } from '@pingan/deadlines';

/**
 * The high-risk register's clocks, as data. Which event starts and stops each (the events'
 * `clocks` field, applied by `highRiskClocksFor`):
 *
 * | rule | starts | stops (met) | cancelled |
 * |---|---|---|---|
 * | high-risk-flag-review | FlagApproved; again by FlagRenewed | FlagRenewed, FlagRemoved | — (a breach → ExpireFlag → FlagExpired) |
 * | stabilisation-task / help-task / counselling-task | StabilisationTaskAssigned | StabilisationTaskCompleted | FlagRemoved, FlagExpired |
 *
 * None of these periods is set by the seed documents: they ask for review dates and
 * stabilisation but give no lengths. All are our defaults and configurable. The deadlines
 * library runs clocks of a rule's length only, so a task's due date is the length of its
 * task type's rule (not a date per task); the review period (default 12 months, counted as
 * 365 calendar days since months are not a unit) comes from HIGH_RISK_REVIEW_PERIOD_DAYS.
 */
export interface HighRiskRuleSettings {
  reviewPeriodDays: number;
}

export const DEFAULT_REVIEW_PERIOD_DAYS = 365;

export function highRiskDeadlineRules(settings: HighRiskRuleSettings = { reviewPeriodDays: DEFAULT_REVIEW_PERIOD_DAYS }) {
  return [
    {
      name: 'high-risk-flag-review',
      source: '[S0 二(三)3] review dates for shared high-risk information (period ours: default 12 months, configurable)',
      length: { unit: 'calendar_days', amount: settings.reviewPeriodDays },
      warnAtFraction: 0.9,
    },
    {
      name: 'stabilisation-task',
      source: '[S0 二(二)3] 稳控 with community and family (period ours: 30 days, configurable)',
      length: { unit: 'calendar_days', amount: 30 },
      warnAtFraction: 0.75,
    },
    {
      name: 'help-task',
      source: '[S0 二(二)3] 帮扶 (period ours: 30 days, configurable)',
      length: { unit: 'calendar_days', amount: 30 },
      warnAtFraction: 0.75,
    },
    {
      name: 'counselling-task',
      source: '[S0 二(二)3] 心理疏导 (period ours: 14 days, configurable)',
      length: { unit: 'calendar_days', amount: 14 },
      warnAtFraction: 0.75,
    },
  ] as const satisfies readonly (DeadlineRule & { name: HighRiskDeadlineRuleName })[];
}

/** HIGH_RISK_REVIEW_PERIOD_DAYS (whole days > 0), default 365. */
export function ruleSettingsFromEnv(env: NodeJS.ProcessEnv): HighRiskRuleSettings {
  const text = env.HIGH_RISK_REVIEW_PERIOD_DAYS?.trim();
  if (!text) return { reviewPeriodDays: DEFAULT_REVIEW_PERIOD_DAYS };
  const days = Number(text);
  if (!Number.isInteger(days) || days <= 0)
    throw new Error(`HIGH_RISK_REVIEW_PERIOD_DAYS must be a whole number of days > 0, got "${text}"`);
  return { reviewPeriodDays: days };
}

export const TASK_RULES = {
  stabilisation: 'stabilisation-task',
  help: 'help-task',
  counselling: 'counselling-task',
} as const satisfies Record<'stabilisation' | 'help' | 'counselling', HighRiskDeadlineRuleName>;

export const reviewDeadlineId = (personId: string, flagNo: number, reviewNo: number): string =>
  `${personId}/flag-${flagNo}/review-${reviewNo}`;
export const taskDeadlineId = (personId: string, taskId: string): string => `${personId}/task-${taskId}`;
