import type { DeadlineRule } from '@pingan/deadlines';

/**
 * Oversight's one clock: a supervision (督办) runs to the due date its supervisor set, per case:
 * each clock starts with that date as its own `dueAt` (clocks.ts), so the rule's length is only
 * nominal. It warns at 75 % of the period and breaches at the date like any other clock.
 */
export const SUPERVISION_RULE = 'supervision-due';

export const OVERSIGHT_DEADLINE_RULES: readonly DeadlineRule[] = [
  {
    name: SUPERVISION_RULE,
    source: '[S0 二(四)3] 挂牌督办: due date set by the supervising body',
    length: { unit: 'minutes', amount: 1 }, // nominal: every supervision clock has its own due date
    warnAtFraction: 0.75,
  },
];
