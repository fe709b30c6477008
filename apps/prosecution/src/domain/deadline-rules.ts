import type { ProsecutionEventType } from '@pingan/contracts';
import type { DeadlineRule } from '@pingan/deadlines';

/**
 * The prosecution service's legal clocks, as data. Pass `PROSECUTION_DEADLINES` to the
 * `DeadlineStore`; `starts`/`stops`/`extends` name the events whose `data.clocks` carry the
 * instruction, so the service layer needs no rule knowledge of its own.
 *
 * `configurable: true` marks the rules from national law (`[law]`), which DOMAIN.md asks us to
 * treat as configurable defaults rather than facts from the seed documents.
 */
export interface ProsecutionDeadlineRule extends DeadlineRule {
  configurable: boolean;
  starts: readonly ProsecutionEventType[];
  stops: readonly ProsecutionEventType[];
  extendedBy: readonly ProsecutionEventType[];
}

export const RULE = {
  ministrySystemEntry: 'ministry-system-entry',
  arrestRequest: 'arrest-request',
  arrestDecision: 'arrest-decision',
  arrestDecisionAtLiberty: 'arrest-decision-at-liberty',
  prosecutionReview: 'prosecution-review',
  prosecutionReviewInCustody: 'prosecution-review-in-custody',
  supplementaryInvestigation: 'supplementary-investigation',
  supplementaryInvestigationInCustody: 'supplementary-investigation-in-custody',
  publicSecurityCase: 'public-security-case',
  appealWindow: 'appeal-window',
  appealWindowRuling: 'appeal-window-ruling',
} as const;

export type ProsecutionRuleName = (typeof RULE)[keyof typeof RULE];

export const PROSECUTION_DEADLINES: readonly ProsecutionDeadlineRule[] = [
  {
    // 作出治安处罚决定及采取刑事强制措施之日 3 个工作日内录入公安部专门信息系统 (a Chongqing rule).
    name: RULE.ministrySystemEntry,
    source: '[S1 六(二)] 渝卫发〔2021〕3号',
    length: { unit: 'working_days', amount: 3 },
    warnAtFraction: 0.75,
    configurable: false,
    starts: ['AdministrativePenaltyDecided', 'CompulsoryMeasureImposed'],
    stops: ['MinistrySystemEntryRecorded'],
    extendedBy: [],
  },
  {
    // 拘留后三日以内提请审查批准; a custody period, so never extended over a holiday.
    name: RULE.arrestRequest,
    source: '[law] 刑事诉讼法 第91条',
    length: { unit: 'calendar_days', amount: 3 },
    warnAtFraction: 0.75,
    extendOverHoliday: false,
    configurable: true,
    starts: ['CompulsoryMeasureImposed'], // measure 'criminal_detention'
    stops: ['ArrestApprovalRequested', 'CompulsoryMeasureImposed'], // the latter (moot): bail/surveillance ends the detention
    extendedBy: ['ArrestRequestPeriodExtended'],
  },
  {
    // 人民检察院应当自接到提请批准逮捕书后的七日以内作出决定: from the receipt; custody.
    // (ArrestApprovalRequested: streams recorded before the receipt was a step of its own.)
    name: RULE.arrestDecision,
    source: '[law] 刑事诉讼法 第91条',
    length: { unit: 'calendar_days', amount: 7 },
    warnAtFraction: 0.75,
    extendOverHoliday: false,
    configurable: true,
    starts: ['ArrestRequestReceived', 'ArrestApprovalRequested'],
    stops: ['ArrestApprovalDecided'],
    extendedBy: [],
  },
  {
    // 对未被拘留的犯罪嫌疑人 (取保候审、监视居住、在逃): 十五日以内作出决定 (重大、复杂案件二十日).
    name: RULE.arrestDecisionAtLiberty,
    source: '[law] 刑事诉讼法 第91条; 人民检察院刑事诉讼规则 第296条',
    length: { unit: 'calendar_days', amount: 15 },
    warnAtFraction: 0.75,
    extendOverHoliday: false,
    configurable: true,
    starts: ['ArrestRequestReceived', 'ArrestApprovalRequested'], // from the receipt, as above
    stops: ['ArrestApprovalDecided'],
    extendedBy: [],
  },
  {
    // "一个月以内作出决定": a calendar month, to the same date of the next month (the month's last
    // day where that date does not exist), never 30 days. Nobody held: a last day on a holiday
    // moves to the next working day (CPL art. 105). The extension "十五日" is 15 calendar days.
    name: RULE.prosecutionReview,
    source: '[law] 刑事诉讼法 第172条, 第105条 (1 month)',
    length: { unit: 'months', amount: 1 },
    warnAtFraction: 0.75,
    extendOverHoliday: true,
    configurable: true,
    starts: ['CaseTransferredForProsecution', 'CaseResubmittedForProsecution'], // inCustody: false
    // A return for supplementary investigation is one of the review's lawful decisions: met.
    stops: ['SuspectsIndicted', 'NonProsecutionDecided', 'CaseReturnedForSupplementaryInvestigation'],
    extendedBy: ['ProsecutionReviewExtended'],
  },
  {
    // Same period while a suspect is held: 在押期间不得因节假日而延长 (CPL art. 105).
    name: RULE.prosecutionReviewInCustody,
    source: '[law] 刑事诉讼法 第172条, 第105条 (1 month, in custody)',
    length: { unit: 'months', amount: 1 },
    warnAtFraction: 0.75,
    extendOverHoliday: false,
    configurable: true,
    starts: ['CaseTransferredForProsecution', 'CaseResubmittedForProsecution'], // inCustody: true
    stops: ['SuspectsIndicted', 'NonProsecutionDecided', 'CaseReturnedForSupplementaryInvestigation'],
    extendedBy: ['ProsecutionReviewExtended'],
  },
  {
    // 补充侦查，应当在一个月以内补充侦查完毕: a calendar month, like the review; the police's duty.
    name: RULE.supplementaryInvestigation,
    source: '[law] 刑事诉讼法 第175条, 第105条 (1 month)',
    length: { unit: 'months', amount: 1 },
    warnAtFraction: 0.75,
    extendOverHoliday: true,
    configurable: true,
    starts: ['CaseReturnedForSupplementaryInvestigation'], // nobody held
    stops: ['CaseResubmittedForProsecution'],
    extendedBy: [],
  },
  {
    // The same month while a suspect is held: never moved past a holiday (CPL art. 105).
    name: RULE.supplementaryInvestigationInCustody,
    source: '[law] 刑事诉讼法 第175条, 第105条 (1 month, in custody)',
    length: { unit: 'months', amount: 1 },
    warnAtFraction: 0.75,
    extendOverHoliday: false,
    configurable: true,
    starts: ['CaseReturnedForSupplementaryInvestigation'], // someone held
    stops: ['CaseResubmittedForProsecution'],
    extendedBy: [],
  },
  {
    // 办理治安案件的期限，自受理之日起不得超过三十日；案情重大、复杂的，经上一级公安机关批准，可以延长三十日.
    // Days as the law counts them: from the day after acceptance, nobody held by it, so a last day on a
    // holiday moves to the next working day. Met by the case's decision: a penalty decision or a 治安调解
    // agreement; a conversion to criminal ends it (moot).
    name: RULE.publicSecurityCase,
    source: '[law] 治安管理处罚法 (2025年修订，2026-01-01施行) 办案期限 (原第99条)',
    length: { unit: 'calendar_days', amount: 30 },
    warnAtFraction: 0.75,
    extendOverHoliday: true,
    configurable: true,
    starts: ['CaseAccepted'], // kind 'administrative'
    stops: ['AdministrativePenaltyDecided', 'PublicSecurityMediationRecorded', 'CaseConvertedToCriminal'],
    extendedBy: ['PublicSecurityCasePeriodExtended'],
  },
  {
    // 不服判决的上诉和抗诉的期限为十日，从接到判决书的第二日起算. A window, not a duty: running out lets the
    // judgement stand (lapse, nobody's breach). Nobody is held by it, so the general rule for periods applies:
    // a last day on a holiday moves to the first day after it (CPL art. 105).
    name: RULE.appealWindow,
    source: '[law] 刑事诉讼法 第230条 (判决 10日), 第105条',
    length: { unit: 'calendar_days', amount: 10 },
    warnAtFraction: 0.75,
    extendOverHoliday: true,
    onExpiry: 'lapse',
    configurable: true,
    starts: ['FirstInstanceVerdictDelivered'], // decisionKind 'judgement' (or absent)
    stops: ['AppealFiled', 'FinalJudgementRecorded'], // the latter moot: the court recorded the verdict as final
    extendedBy: [],
  },
  {
    // 不服裁定的上诉和抗诉的期限为五日: as above.
    name: RULE.appealWindowRuling,
    source: '[law] 刑事诉讼法 第230条 (裁定 5日), 第105条',
    length: { unit: 'calendar_days', amount: 5 },
    warnAtFraction: 0.75,
    extendOverHoliday: true,
    onExpiry: 'lapse',
    configurable: true,
    starts: ['FirstInstanceVerdictDelivered'], // decisionKind 'ruling'
    stops: ['AppealFiled', 'FinalJudgementRecorded'],
    extendedBy: [],
  },
];

/** Lawful limits the decider checks; from national law, so configurable (see `createPoliceCaseDecider`). */
export interface ProsecutionPolicy {
  arrestRequest: {
    baseDays: number;
    /** 特殊情况: extensions add 1 to this many days in all. */
    specialCircumstancesMaxExtensionDays: number;
    /** 流窜作案、多次作案、结伙作案的重大嫌疑分子: the whole period may reach this many days. */
    rovingSerialGangMaxTotalDays: number;
    source: string;
  };
  prosecutionReview: { extensionDays: number; source: string };
  /** 退回补充侦查: how many times a case may go back to the police (以二次为限). */
  supplementaryInvestigation: { maxReturns: number; source: string };
  administrativeDetention: { maxDays: number; source: string };
  /** 治安案件: one extension of this many days, with the superior organ's approval. */
  publicSecurityCase: { extensionDays: number; source: string };
}

export const DEFAULT_PROSECUTION_POLICY: ProsecutionPolicy = {
  arrestRequest: {
    baseDays: 3,
    specialCircumstancesMaxExtensionDays: 4,
    rovingSerialGangMaxTotalDays: 30,
    source: '[law] 刑事诉讼法 第91条',
  },
  prosecutionReview: { extensionDays: 15, source: '[law] 刑事诉讼法 第172条' },
  supplementaryInvestigation: { maxReturns: 2, source: '[law] 刑事诉讼法 第175条' },
  // 行政拘留 up to 15 days, up to 20 when several are combined.
  administrativeDetention: {
    maxDays: 20,
    source: '[law] 治安管理处罚法 (行政拘留 1–15 日，合并执行最长 20 日)',
  },
  publicSecurityCase: { extensionDays: 30, source: '[law] 治安管理处罚法 (2025年修订) 办案期限 (原第99条)' },
};

/** Deterministic deadline ids: one clock per decision, detention, request, or case review. */
export const deadlineId = {
  ministrySystemEntry: (caseNumber: string, decisionId: string) => `${caseNumber}:${RULE.ministrySystemEntry}:${decisionId}`,
  arrestRequest: (caseNumber: string, detentionMeasureId: string) => `${caseNumber}:${RULE.arrestRequest}:${detentionMeasureId}`,
  arrestDecision: (caseNumber: string, requestId: string) => `${caseNumber}:${RULE.arrestDecision}:${requestId}`,
  /** Round 0: the first review; round n: the review after the n-th resubmission (a new period, CPL art. 175). */
  prosecutionReview: (caseNumber: string, round = 0) =>
    round === 0 ? `${caseNumber}:prosecution-review` : `${caseNumber}:prosecution-review:resubmission-${round}`,
  supplementaryInvestigation: (caseNumber: string, returnNumber: number) =>
    `${caseNumber}:${RULE.supplementaryInvestigation}:${returnNumber}`,
  publicSecurityCase: (caseNumber: string) => `${caseNumber}:${RULE.publicSecurityCase}`,
  /** One window per defendant's first-instance verdict (one verdict each). */
  appealWindow: (caseNumber: string, suspectId: string) => `${caseNumber}:appeal-window:${suspectId}`,
};
