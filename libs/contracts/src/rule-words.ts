/**
 * Deadline rules in words, for timelines, returns and notifications. Rule names are slugs a region may
 * vary ('police-arrival-3min'), so families are matched by pattern (first match wins: the narrower
 * ones first); an unknown rule keeps its slug.
 */
const RULE_FAMILIES: readonly [RegExp, string][] = [
  [/arrival/, '民警到场时限'],
  [/^immediate-local-report/, '立即报告县级卫健委和综治'],
  [/national(-hc)?-report/, '12小时内报告国家卫健委'],
  [/^report-forwarding/, '逐级转报时限'],
  [/^ministry-system-entry/, '公安部信息系统录入时限'],
  [/^arrest-request/, '提请批准逮捕期限'],
  [/^arrest-decision/, '批准逮捕决定期限'],
  [/^prosecution-review/, '审查起诉期限'],
  [/^supplementary-investigation/, '补充侦查期限'],
  [/^public-security-case/, '治安案件办案期限'],
  [/^appeal-window/, '上诉期限'],
  [/^peoples-mediation/, '人民调解期限'],
  [/^administrative-mediation-acceptance/, '行政调解受理决定期限'],
  [/^administrative-mediation/, '行政调解期限'],
  [/^dispute-risk-review/, '纠纷风险研判期限'],
  [/^high-risk-flag-review/, '重点人员复核期限'],
  [/^stabilisation-task/, '稳控任务期限'],
  [/^help-task/, '帮扶任务期限'],
  [/^counselling-task/, '心理疏导任务期限'],
  [/^supervision/, '督办期限'],
  [/^self-inspection-return/, '安全自查填报期限'],
  [/^rectification-item/, '整改期限'],
];

/** The rule's name in words ('人民调解期限'), or undefined for a rule no family names. */
export function ruleName(rule: string): string | undefined {
  return RULE_FAMILIES.find(([pattern]) => pattern.test(rule))?.[1];
}

/** For officials' records: the words with the slug kept in brackets ('人民调解期限（peoples-mediation）'). */
export function ruleWords(rule: string): string {
  const name = ruleName(rule);
  return name ? `${name}（${rule}）` : rule;
}
