import { ruleName, ruleWords } from './rule-words.js';

describe('deadline rules in words', () => {
  it.each([
    ['police-arrival-with-office', '民警到场时限'],
    ['national-hc-report', '12小时内报告国家卫健委'],
    ['immediate-local-report', '立即报告县级卫健委和综治'],
    ['administrative-mediation-acceptance', '行政调解受理决定期限'],
    ['administrative-mediation', '行政调解期限'],
    ['arrest-decision-at-liberty', '批准逮捕决定期限'],
    ['appeal-window-ruling', '上诉期限'],
  ])('names %s as %s', (rule, name) => {
    expect(ruleName(rule)).toBe(name);
  });

  it('keeps the slug for officials, and an unknown rule as itself', () => {
    expect(ruleWords('peoples-mediation')).toBe('人民调解期限（peoples-mediation）');
    expect(ruleName('a-rule-of-some-region')).toBeUndefined();
    expect(ruleWords('a-rule-of-some-region')).toBe('a-rule-of-some-region');
  });
});
