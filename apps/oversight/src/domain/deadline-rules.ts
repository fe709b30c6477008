import type { DeadlineRule } from '@pingan/deadlines';

/**
 * Oversight's one clock: a supervision (督办) runs to the due date its supervisor set, per case.
 * The deadline library derives a due instant from a rule's length, so the rule has a nominal
 * length of one minute and clocksFor extends each clock, in the same step, by the rest of the
 * period it was given (see clocks.ts): the clock's dueAt is then exactly the supervisor's date,
 * it warns at 75 % of that period and breaches at it like any other clock.
 */
export const SUPERVISION_RULE = 'supervision-due';
export const NOMINAL_SUPERVISION_MINUTES = 1;

export const OVERSIGHT_DEADLINE_RULES: readonly DeadlineRule[] = [
  {
    name: SUPERVISION_RULE,
    source: '[S0 二(四)3] 挂牌督办: due date set by the supervising body',
    length: { unit: 'minutes', amount: NOMINAL_SUPERVISION_MINUTES },
    warnAtFraction: 0.75,
  },
];
