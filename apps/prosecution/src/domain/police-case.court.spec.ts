import type { CriminalSentence, ProsecutionEvent } from '@pingan/contracts';
import { CODE, ProsecutionConflictError, ProsecutionForbiddenError, ProsecutionRuleError } from './police-case.errors.js';
import {
  given,
  ref,
  COURT,
  APPEAL_COURT,
  judge,
  AT,
  iso,
  by,
  cmd,
  indicted,
  trialStarted,
  threeYears,
  verdictDelivered,
  appealed,
  underReview,
  onTrial,
  CASE,
  withData,
  withActor,
  appealWindowStart,
  appealWindowStop,
} from './police-case.fixture.js';
import { RULE } from './deadline-rules.js';

describe('first-instance trial and verdict', () => {
  const startTrial = cmd({ type: 'StartFirstInstanceTrial', ...by(judge), data: { caseNumber: CASE } });

  it('starts the trial of the defendants indicted to this court', () => {
    given([...underReview, indicted()])
      .when(startTrial)
      .then([trialStarted()]);
  });

  it('rejects a trial before indictment, at another court, or twice', () => {
    given(underReview).when(startTrial).thenThrows(ProsecutionRuleError, { code: CODE.notIndicted });
    given([...underReview, indicted(['suspect-1'], 'court-2')])
      .when(startTrial)
      .thenThrows(ProsecutionForbiddenError, { code: CODE.wrongCourt });
    given(onTrial).when(startTrial).thenThrows(ProsecutionConflictError, { code: CODE.trialAlreadyStarted });
  });

  const verdict = cmd({
    type: 'DeliverFirstInstanceVerdict',
    ...by(judge),
    data: { caseNumber: CASE, suspectId: 'suspect-1', verdict: 'guilty', sentence: threeYears },
  });

  it('delivers a verdict and sentence per defendant', () => {
    given(onTrial).when(verdict).then([verdictDelivered()]);
    given(onTrial)
      .when(withData(verdict, { verdict: 'not_guilty', sentence: null }))
      .then([
        {
          type: 'FirstInstanceVerdictDelivered',
          data: {
            ...ref,
            courtId: COURT,
            suspectId: 'suspect-1',
            verdict: 'not_guilty',
            sentence: null,
            deliveredAt: iso(AT),
            decisionKind: 'judgement',
            clocks: [appealWindowStart()],
          },
        },
      ]);
  });

  it('starts the appeal window: 10 days for a judgement (判决), 5 for a ruling (裁定), CPL art. 230', () => {
    given(onTrial)
      .when(withData(verdict, { decisionKind: 'ruling' }))
      .then([
        {
          type: 'FirstInstanceVerdictDelivered',
          data: {
            ...ref,
            courtId: COURT,
            suspectId: 'suspect-1',
            verdict: 'guilty',
            sentence: threeYears,
            deliveredAt: iso(AT),
            decisionKind: 'ruling',
            clocks: [appealWindowStart(RULE.appealWindowRuling)],
          },
        },
      ]);
  });

  it('rejects a verdict before indictment', () => {
    given(underReview).when(verdict).thenThrows(ProsecutionRuleError, { code: CODE.notIndicted });
  });

  it('rejects a verdict before the trial, by another court, or twice', () => {
    given([...underReview, indicted()])
      .when(verdict)
      .thenThrows(ProsecutionRuleError, { code: CODE.trialNotStarted });
    given(onTrial)
      .when(withActor(verdict, { ...judge, organisationId: 'court-2' }))
      .thenThrows(ProsecutionForbiddenError, { code: CODE.wrongCourt });
    given([...onTrial, verdictDelivered()])
      .when(verdict)
      .thenThrows(ProsecutionConflictError, {
        code: CODE.verdictAlreadyDelivered,
      });
  });

  it('rejects a guilty verdict without a sentence, and a not-guilty one with a sentence', () => {
    given(onTrial)
      .when(withData(verdict, { sentence: null }))
      .thenThrows(ProsecutionRuleError, { code: CODE.sentenceMismatch });
    given(onTrial)
      .when(withData(verdict, { verdict: 'not_guilty' }))
      .thenThrows(ProsecutionRuleError, { code: CODE.sentenceMismatch });
  });
});

describe('appeal and final judgement', () => {
  const appeal = cmd({ type: 'FileAppeal', ...by(judge), data: { caseNumber: CASE, suspectId: 'suspect-1', appellant: 'defendant' } });
  const finalJudgement = cmd({
    type: 'RecordFinalJudgement',
    ...by(judge),
    data: { caseNumber: CASE, suspectId: 'suspect-1', verdict: 'guilty', sentence: threeYears },
  });
  const final: ProsecutionEvent = {
    type: 'FinalJudgementRecorded',
    data: {
      ...ref,
      courtId: COURT,
      suspectId: 'suspect-1',
      verdict: 'guilty',
      sentence: threeYears,
      basis: 'first_instance_not_appealed',
      finalAt: iso(AT),
      clocks: [appealWindowStop('moot')],
    },
  };

  it('records an appeal (上诉) against a first-instance verdict', () => {
    given([...onTrial, verdictDelivered()])
      .when(appeal)
      .then([appealed]);
  });

  it('rejects an appeal without a verdict, a second appeal, an appeal after the judgement is final', () => {
    given(onTrial).when(appeal).thenThrows(ProsecutionRuleError, { code: CODE.noVerdict });
    given([...onTrial, verdictDelivered(), appealed])
      .when(appeal)
      .thenThrows(ProsecutionConflictError, { code: CODE.alreadyAppealed });
    given([...onTrial, verdictDelivered(), final])
      .when(appeal)
      .thenThrows(ProsecutionRuleError, { code: CODE.judgementAlreadyFinal });
  });

  it('a verdict recorded before the appeal window existed moves no clock', () => {
    const legacy: ProsecutionEvent = verdictDelivered();
    if (legacy.type !== 'FirstInstanceVerdictDelivered') throw new Error('fixture');
    const { clocks: _clocks, decisionKind: _kind, ...data } = legacy.data;
    given([...onTrial, { ...legacy, data }])
      .when(appeal)
      .then([{ ...appealed, data: { ...(appealed.data as object), clocks: [] } } as unknown as ProsecutionEvent]);
  });

  it('an unappealed verdict becomes final as delivered', () => {
    given([...onTrial, verdictDelivered()])
      .when(finalJudgement)
      .then([final]);
  });

  it('rejects a final judgement that differs from the unappealed verdict, or recorded by another court', () => {
    given([...onTrial, verdictDelivered()])
      .when(withData(finalJudgement, { sentence: { principal: 'fixed_term_imprisonment', termMonths: 24 } }))
      .thenThrows(ProsecutionRuleError, { code: CODE.sentenceMismatch });
    given([...onTrial, verdictDelivered()])
      .when(withActor(finalJudgement, { ...judge, organisationId: APPEAL_COURT }))
      .thenThrows(ProsecutionForbiddenError, { code: CODE.wrongCourt });
  });

  it('after an appeal, records the second-instance judgement of the appeal court', () => {
    const reduced: CriminalSentence = {
      principal: 'fixed_term_imprisonment',
      termMonths: 30,
    };
    given([...onTrial, verdictDelivered(), appealed])
      .when(withActor(withData(finalJudgement, { sentence: reduced }), { ...judge, organisationId: APPEAL_COURT }))
      .then([
        {
          type: 'FinalJudgementRecorded',
          data: {
            ...ref,
            courtId: APPEAL_COURT,
            suspectId: 'suspect-1',
            verdict: 'guilty',
            sentence: reduced,
            basis: 'second_instance',
            finalAt: iso(AT),
            clocks: [],
          },
        },
      ]);
  });

  it('rejects a final judgement without a verdict, twice, or with an inconsistent sentence', () => {
    given(onTrial).when(finalJudgement).thenThrows(ProsecutionRuleError, { code: CODE.noVerdict });
    given([...onTrial, verdictDelivered(), final])
      .when(finalJudgement)
      .thenThrows(ProsecutionConflictError, {
        code: CODE.judgementAlreadyFinal,
      });
    given([...onTrial, verdictDelivered(), appealed])
      .when(withData(finalJudgement, { verdict: 'not_guilty' }))
      .thenThrows(ProsecutionRuleError, { code: CODE.sentenceMismatch });
  });
});

// ── Listed supervision ────────────────────────────────────────────────────────
