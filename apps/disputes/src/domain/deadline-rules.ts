import type { DisputeDeadlineRuleName } from '@pingan/contracts';
import type { DeadlineRule } from '@pingan/deadlines';

/**
 * The disputes service's clocks, as data (passed to its `DeadlineStore`). Which event starts,
 * pauses, extends and stops each clock is written in the events' `clocks` field:
 *
 * | rule | starts | paused / extended | stops |
 * |---|---|---|---|
 * | peoples-mediation | MediationAccepted (kind peoples_mediation) | AppraisalRequested → AppraisalCompleted; MediationExtended | MediationAgreed, MediationFailed (not on expiry: the clock lapsed) |
 * | administrative-mediation | MediationAccepted (kind administrative_mediation) | AppraisalRequested → AppraisalCompleted (no extension) | MediationAgreed, MediationFailed, LitigationFiled's termination |
 * | administrative-mediation-acceptance | MediationReferred (kind administrative_mediation) | — | MediationAccepted, MediationFailed (not_accepted / litigation_accepted), MediationRefusedByPatientSide (moot) |
 * | dispute-risk-review | DisputeOpened; restarted by RiskReviewRecorded | — | RiskReviewRecorded, DisputeClosed |
 *
 * The mediation clocks lapse on expiry (onExpiry 'lapse': running out is the outcome, 视为调解不成,
 * not anybody's breach); their `DeadlineLapsed` becomes `FailMediationOnExpiry`. A warning or
 * breach on the risk-review clock is the due task "review this dispute's risk".
 */
export const DISPUTE_DEADLINE_RULES = [
  {
    // [law], configurable: not from the seed documents. The 30-working-day rule is article 38 of
    // the regulation (国务院令第701号); DOMAIN.md's "art. 33" should read 38.
    name: 'peoples-mediation',
    source:
      "[law] 医疗纠纷预防和处理条例 第38条 (30 working days from acceptance; appraisal not counted; extendable with both parties' consent)",
    length: { unit: 'working_days', amount: 30 },
    // The warning stays: the mediator may still seek the parties' consent to extend.
    warnAtFraction: 0.75,
    onExpiry: 'lapse',
  },
  {
    // [law], configurable; not in DOMAIN.md's deadlines table — the regulation's rule for 行政调解.
    name: 'administrative-mediation',
    source: '[law] 医疗纠纷预防和处理条例 第40条 (30 working days from acceptance; appraisal not counted; no extension)',
    length: { unit: 'working_days', amount: 30 },
    // Warned too: the commission's last chance to bring the parties to an agreement.
    warnAtFraction: 0.75,
    onExpiry: 'lapse',
  },
  {
    // [law], configurable: 卫生主管部门应当自收到申请之日起5个工作日内作出是否受理的决定. The application is
    // the referral to the commission; acceptance or refusal (不予受理) stops it.
    name: 'administrative-mediation-acceptance',
    source: '[law] 医疗纠纷预防和处理条例 第40条 (decide on acceptance within 5 working days of the application)',
    length: { unit: 'working_days', amount: 5 },
    warnAtFraction: 0.6,
  },
  {
    // The source asks for periodic risk reviews of long-unresolved disputes without a period:
    // 30 calendar days is our default, configurable per region.
    name: 'dispute-risk-review',
    source: '[S1 四(三)] 渝卫发〔2021〕3号 定期进行风险研判 (period configurable, default 30 days)',
    length: { unit: 'calendar_days', amount: 30 },
    warnAtFraction: 0.75,
  },
] as const satisfies readonly (DeadlineRule & {
  name: DisputeDeadlineRuleName;
})[];

export const disputeDeadlineRule = (name: DisputeDeadlineRuleName): DeadlineRule =>
  DISPUTE_DEADLINE_RULES.find((rule) => rule.name === name)!;
