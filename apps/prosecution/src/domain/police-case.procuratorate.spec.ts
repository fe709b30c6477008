import type { ProsecutionEvent } from '@pingan/contracts';
import {
  CODE,
  InvalidPoliceCaseCommandError,
  ProsecutionConflictError,
  ProsecutionForbiddenError,
  ProsecutionRuleError,
} from './police-case.errors.js';
import {
  given,
  CASE,
  ref,
  STATION,
  PROCURATORATE,
  COURT,
  officer,
  prosecutor,
  AT,
  iso,
  by,
  cmd,
  accepted,
  filed,
  suspect,
  measure,
  transferred,
  indicted,
  criminalCase,
  adminCase,
  inDetention,
  underReview,
  withData,
  withActor,
  t,
} from './police-case.fixture.js';

describe('designated prosecutor for a major case [S0 二(四)3]', () => {
  const designate = cmd({
    type: 'DesignateProsecutor',
    ...by(prosecutor),
    data: { caseNumber: CASE, prosecutorUserId: 'prosecutor-7', prosecutorName: '王检察官' },
  });
  const designated: ProsecutionEvent = {
    type: 'ProsecutorDesignated',
    data: {
      ...ref,
      procuratorateId: PROCURATORATE,
      prosecutorUserId: 'prosecutor-7',
      prosecutorName: '王检察官',
      designatedAt: iso(AT),
    },
  };

  it('designates one of the acting procuratorate’s prosecutors; repeating it changes nothing', () => {
    given(criminalCase).when(designate).then([designated]);
    given([...criminalCase, designated])
      .when(designate)
      .thenNothingHappens();
  });

  it('rejects a designation on an administrative case', () => {
    given(adminCase).when(designate).thenThrows(ProsecutionRuleError, { code: CODE.caseNotCriminal });
  });
});

describe('prosecution review (审查起诉) [law: CPL art. 172]', () => {
  const beforeTransfer = underReview.slice(0, -1);
  const transfer = cmd({
    type: 'TransferForProsecution',
    ...by(officer),
    data: { caseNumber: CASE, suspectIds: ['suspect-1'], procuratorateId: PROCURATORATE },
  });

  it('starts the custody variant of the review clock when the suspect is held', () => {
    given(beforeTransfer)
      .when(transfer)
      .then([
        {
          type: 'CaseTransferredForProsecution',
          data: {
            ...ref,
            suspectIds: ['suspect-1'],
            procuratorateId: PROCURATORATE,
            transferringUnitId: STATION,
            inCustody: true,
            transferredAt: iso(AT),
            clocks: [
              {
                action: 'start',
                deadlineId: `${CASE}:prosecution-review`,
                rule: 'prosecution-review-in-custody',
                startedAt: iso(AT),
                responsibleOrganisationId: PROCURATORATE,
              },
            ],
          },
        },
      ]);
  });

  it('starts the ordinary review clock when nobody is held', () => {
    given([accepted(), filed, suspect(), measure('bail-1', 'bail', 'none')])
      .when(transfer)
      .then([
        {
          type: 'CaseTransferredForProsecution',
          data: expect.objectContaining({
            inCustody: false,
            clocks: [expect.objectContaining({ rule: 'prosecution-review' })],
          }) as never,
        },
      ]);
  });

  it('rejects a transfer before filing, a second transfer, an administrative case, unknown or no suspects', () => {
    given(inDetention).when(transfer).thenThrows(ProsecutionRuleError, { code: CODE.caseNotFiled });
    given(underReview).when(transfer).thenThrows(ProsecutionConflictError, { code: CODE.alreadyUnderReview });
    given(adminCase).when(transfer).thenThrows(ProsecutionRuleError, { code: CODE.caseNotCriminal });
    given(beforeTransfer)
      .when(withData(transfer, { suspectIds: ['nobody'] }))
      .thenThrows(ProsecutionRuleError, { code: CODE.suspectNotFound });
    given(beforeTransfer)
      .when(withData(transfer, { suspectIds: [] }))
      .thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
  });

  const extendReview = cmd({
    type: 'ExtendProsecutionReview',
    ...by(prosecutor),
    data: { caseNumber: CASE, ground: 'complex', explanation: 'Forensic re-examination.' },
  });
  const reviewExtended: ProsecutionEvent = {
    type: 'ProsecutionReviewExtended',
    data: {
      ...ref,
      ground: 'complex',
      explanation: 'Forensic re-examination.',
      days: 15,
      extendedAt: iso(AT),
      clocks: [
        {
          action: 'extend',
          deadlineId: `${CASE}:prosecution-review`,
          rule: 'prosecution-review-in-custody',
          by: { unit: 'calendar_days', amount: 15 },
          reason: 'complex: Forensic re-examination.',
        },
      ],
    },
  };

  it('extends the review by 15 days once, for a major or complex case', () => {
    given(underReview).when(extendReview).then([reviewExtended]);
    given([...underReview, reviewExtended])
      .when(extendReview)
      .thenThrows(ProsecutionConflictError, {
        code: CODE.reviewAlreadyExtended,
      });
  });

  it('rejects an extension before transfer, by another procuratorate, or without explanation', () => {
    given(beforeTransfer).when(extendReview).thenThrows(ProsecutionRuleError, { code: CODE.notUnderReview });
    given(underReview)
      .when(withActor(extendReview, { ...prosecutor, organisationId: 'procuratorate-2' }))
      .thenThrows(ProsecutionForbiddenError, { code: CODE.wrongProcuratorate });
    given(underReview)
      .when(withData(extendReview, { explanation: '' }))
      .thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
  });

  const indict = cmd({ type: 'Indict', ...by(prosecutor), data: { caseNumber: CASE, suspectIds: ['suspect-1'], courtId: COURT } });
  const reviewStop = {
    action: 'stop',
    deadlineId: `${CASE}:prosecution-review`,
    rule: 'prosecution-review-in-custody',
    at: iso(AT),
    outcome: 'done',
  };

  it('indicts, stopping the review clock when nobody is left to decide on', () => {
    given(underReview)
      .when(indict)
      .then([
        {
          type: 'SuspectsIndicted',
          data: {
            ...ref,
            suspectIds: ['suspect-1'],
            procuratorateId: PROCURATORATE,
            courtId: COURT,
            indictedAt: iso(AT),
            clocks: [reviewStop],
          },
        } as ProsecutionEvent,
      ]);
  });

  it('with two suspects, the clock stops only with the second decision', () => {
    const two = [accepted(), filed, suspect(), suspect('suspect-2'), transferred(['suspect-1', 'suspect-2'], false)];
    given(two)
      .when(indict)
      .then([
        {
          type: 'SuspectsIndicted',
          data: expect.objectContaining({ clocks: [] }) as never,
        },
      ]);
    given([...two, indicted()])
      .when({
        type: 'DecideNotToProsecute',
        ...by(prosecutor),
        data: { caseNumber: CASE, suspectIds: ['suspect-2'], reason: 'Minor role; 相对不起诉.' },
      })
      .then([
        {
          type: 'NonProsecutionDecided',
          data: {
            ...ref,
            suspectIds: ['suspect-2'],
            procuratorateId: PROCURATORATE,
            reason: 'Minor role; 相对不起诉.',
            decidedAt: iso(AT),
            clocks: [{ ...reviewStop, rule: 'prosecution-review' }],
          },
        } as ProsecutionEvent,
      ]);
  });

  it('rejects an indictment before transfer, by another procuratorate, of a suspect not under review, or twice', () => {
    given(beforeTransfer).when(indict).thenThrows(ProsecutionRuleError, { code: CODE.notUnderReview });
    given(underReview)
      .when(withActor(indict, { ...prosecutor, organisationId: 'procuratorate-2' }))
      .thenThrows(ProsecutionForbiddenError, { code: CODE.wrongProcuratorate });
    given([...underReview, suspect('suspect-2')])
      .when(withData(indict, { suspectIds: ['suspect-2'] }))
      .thenThrows(ProsecutionRuleError, { code: CODE.suspectNotUnderReview });
    given([...underReview, indicted()])
      .when(indict)
      .thenThrows(ProsecutionRuleError, { code: CODE.notUnderReview });
    given([...underReview, suspect('suspect-2'), { ...transferred(['suspect-1', 'suspect-2']) }, indicted()])
      .when(indict)
      .thenThrows(ProsecutionRuleError, { code: CODE.suspectNotUnderReview });
  });

  it('rejects a decision not to prosecute without reason or naming nobody', () => {
    const notProsecute = cmd({
      type: 'DecideNotToProsecute',
      ...by(prosecutor),
      data: { caseNumber: CASE, suspectIds: ['suspect-1'], reason: '' },
    });
    given(underReview).when(notProsecute).thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
    given(underReview)
      .when(withData(notProsecute, { suspectIds: [], reason: 'r' }))
      .thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
  });

  it('rejects an indictment naming no court', () => {
    given(underReview)
      .when(withData(indict, { courtId: '' }))
      .thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
  });
});

// ── Court ─────────────────────────────────────────────────────────────────────

describe('return for supplementary investigation (退回补充侦查) [law: CPL art. 175]', () => {
  const LATER = t('2025-03-20T02:00:00.000Z');
  const BACK = t('2025-04-10T02:00:00.000Z');
  const returnCase = cmd({
    type: 'ReturnForSupplementaryInvestigation',
    ...by(prosecutor, LATER),
    data: { caseNumber: CASE, reason: 'Obtain the injury appraisal and the ward’s video.' },
  });
  const resubmit = cmd({ type: 'ResubmitForProsecution', ...by(officer, BACK), data: { caseNumber: CASE } });
  const returned = (returnNumber: number, at: Date = LATER): ProsecutionEvent => ({
    type: 'CaseReturnedForSupplementaryInvestigation',
    data: {
      ...ref,
      procuratorateId: PROCURATORATE,
      handlingUnitId: STATION,
      returnNumber,
      reason: 'r',
      returnedAt: iso(at),
      clocks: [],
    },
  });
  const resubmitted = (returnNumber: number, at: Date = BACK): ProsecutionEvent => ({
    type: 'CaseResubmittedForProsecution',
    data: {
      ...ref,
      procuratorateId: PROCURATORATE,
      resubmittingUnitId: STATION,
      returnNumber,
      inCustody: true,
      resubmittedAt: iso(at),
      clocks: [],
    },
  });

  it('returns the case to the police: the review clock is met, the police’s month starts (custody variant: the suspect is held)', () => {
    given(underReview)
      .when(returnCase)
      .then([
        {
          type: 'CaseReturnedForSupplementaryInvestigation',
          data: {
            ...ref,
            procuratorateId: PROCURATORATE,
            handlingUnitId: STATION,
            returnNumber: 1,
            reason: 'Obtain the injury appraisal and the ward’s video.',
            returnedAt: iso(LATER),
            clocks: [
              {
                action: 'stop',
                deadlineId: `${CASE}:prosecution-review`,
                rule: 'prosecution-review-in-custody',
                at: iso(LATER),
                outcome: 'done',
              },
              {
                action: 'start',
                deadlineId: `${CASE}:supplementary-investigation:1`,
                rule: 'supplementary-investigation-in-custody',
                startedAt: iso(LATER),
                responsibleOrganisationId: STATION,
              },
            ],
          },
        },
      ]);
  });

  it('the police’s month is the ordinary one when nobody is held', () => {
    given([accepted(), filed, suspect(), measure('bail-1', 'bail', 'none'), transferred(['suspect-1'], false)])
      .when(returnCase)
      .then([
        {
          type: 'CaseReturnedForSupplementaryInvestigation',
          data: expect.objectContaining({
            clocks: [
              expect.objectContaining({ action: 'stop', rule: 'prosecution-review' }),
              expect.objectContaining({ action: 'start', rule: 'supplementary-investigation' }),
            ],
          }) as never,
        },
      ]);
  });

  it('takes the instant it happened (occurredAt), not before the review began', () => {
    const stated = { ...returnCase, metadata: { ...returnCase.metadata, occurredAt: t('2025-03-10T02:00:00.000Z') } };
    given(underReview)
      .when(stated)
      .then([
        {
          type: 'CaseReturnedForSupplementaryInvestigation',
          data: expect.objectContaining({ returnedAt: '2025-03-10T02:00:00.000Z' }) as never,
        },
      ]);
    const before = { ...returnCase, metadata: { ...returnCase.metadata, occurredAt: t('2025-03-01T00:00:00.000Z') } };
    given(underReview).when(before).thenThrows(ProsecutionRuleError, { code: CODE.beforePreviousStep });
  });

  it('resubmission: meets the police’s clock and starts a new review period with a clock of its own', () => {
    given([...underReview, returned(1)])
      .when(resubmit)
      .then([
        {
          type: 'CaseResubmittedForProsecution',
          data: {
            ...ref,
            procuratorateId: PROCURATORATE,
            resubmittingUnitId: STATION,
            returnNumber: 1,
            inCustody: true,
            resubmittedAt: iso(BACK),
            clocks: [
              {
                action: 'stop',
                deadlineId: `${CASE}:supplementary-investigation:1`,
                // the fixture's return carries no clocks: the stop falls back to the ordinary rule name
                rule: 'supplementary-investigation',
                at: iso(BACK),
                outcome: 'done',
              },
              {
                action: 'start',
                deadlineId: `${CASE}:prosecution-review:resubmission-1`,
                rule: 'prosecution-review-in-custody',
                startedAt: iso(BACK),
                responsibleOrganisationId: PROCURATORATE,
              },
            ],
          },
        },
      ]);
  });

  it('after resubmission the review goes on: indicting stops the new period’s clock, and it may be extended again', () => {
    const again = [...underReview, returned(1), resubmitted(1)];
    given(again)
      .when({ type: 'Indict', ...by(prosecutor, BACK), data: { caseNumber: CASE, suspectIds: ['suspect-1'], courtId: COURT } })
      .then([
        {
          type: 'SuspectsIndicted',
          data: expect.objectContaining({
            clocks: [expect.objectContaining({ action: 'stop', deadlineId: `${CASE}:prosecution-review:resubmission-1` })],
          }) as never,
        },
      ]);
    given([
      ...underReview,
      { type: 'ProsecutionReviewExtended', data: { ...ref, ground: 'major', explanation: 'e', days: 15, extendedAt: iso(AT), clocks: [] } },
      returned(1),
      resubmitted(1),
    ])
      .when({ type: 'ExtendProsecutionReview', ...by(prosecutor, BACK), data: { caseNumber: CASE, ground: 'major', explanation: 'e' } })
      .then([
        {
          type: 'ProsecutionReviewExtended',
          data: expect.objectContaining({
            clocks: [expect.objectContaining({ deadlineId: `${CASE}:prosecution-review:resubmission-1` })],
          }) as never,
        },
      ]);
  });

  it('a second return is allowed; a third is refused (以二次为限)', () => {
    const secondReturn = { ...returnCase, ...by(prosecutor, t('2025-04-20T02:00:00.000Z')) };
    given([...underReview, returned(1), resubmitted(1)])
      .when(secondReturn)
      .then([
        {
          type: 'CaseReturnedForSupplementaryInvestigation',
          data: expect.objectContaining({
            returnNumber: 2,
            clocks: [
              expect.objectContaining({ action: 'stop', deadlineId: `${CASE}:prosecution-review:resubmission-1` }),
              expect.objectContaining({ action: 'start', deadlineId: `${CASE}:supplementary-investigation:2` }),
            ],
          }) as never,
        },
      ]);
    given([...underReview, returned(1), resubmitted(1), returned(2), resubmitted(2)])
      .when(secondReturn)
      .thenThrows(ProsecutionRuleError, { code: CODE.supplementaryInvestigationLimit });
  });

  it('while the case is with the police, the procuratorate cannot indict, decide or return it again', () => {
    const withPolice = [...underReview, returned(1)];
    given(withPolice)
      .when({ type: 'Indict', ...by(prosecutor, BACK), data: { caseNumber: CASE, suspectIds: ['suspect-1'], courtId: COURT } })
      .thenThrows(ProsecutionRuleError, { code: CODE.notUnderReview });
    given(withPolice).when(returnCase).thenThrows(ProsecutionRuleError, { code: CODE.notUnderReview });
  });

  it('rejects a return before transfer, by another procuratorate, or without a reason', () => {
    given(underReview.slice(0, -1)).when(returnCase).thenThrows(ProsecutionRuleError, { code: CODE.notUnderReview });
    given(underReview)
      .when(withActor(returnCase, { ...prosecutor, organisationId: 'procuratorate-2' }))
      .thenThrows(ProsecutionForbiddenError, { code: CODE.wrongProcuratorate });
    given(underReview)
      .when(withData(returnCase, { reason: ' ' }))
      .thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
  });

  it('rejects a resubmission of a case not with the police, or dated before its return', () => {
    given(underReview).when(resubmit).thenThrows(ProsecutionRuleError, { code: CODE.notReturnedToPolice });
    given(criminalCase).when(resubmit).thenThrows(ProsecutionRuleError, { code: CODE.notReturnedToPolice });
    given([...underReview, returned(1), resubmitted(1)])
      .when(resubmit)
      .thenThrows(ProsecutionRuleError, { code: CODE.notReturnedToPolice });
    const early = { ...resubmit, metadata: { ...resubmit.metadata, occurredAt: t('2025-03-19T02:00:00.000Z') } };
    given([...underReview, returned(1)])
      .when(early)
      .thenThrows(ProsecutionRuleError, { code: CODE.beforePreviousStep });
  });

  it('an indictment takes the instant it happened, not before the review began', () => {
    const indictAt = (occurredAt: string) =>
      cmd({
        type: 'Indict',
        metadata: { actor: prosecutor, now: BACK, occurredAt: t(occurredAt) },
        data: { caseNumber: CASE, suspectIds: ['suspect-1'], courtId: COURT },
      });
    given(underReview)
      .when(indictAt('2025-03-25T02:00:00.000Z'))
      .then([
        {
          type: 'SuspectsIndicted',
          data: expect.objectContaining({
            indictedAt: '2025-03-25T02:00:00.000Z',
            clocks: [expect.objectContaining({ at: '2025-03-25T02:00:00.000Z' })],
          }) as never,
        },
      ]);
    given(underReview).when(indictAt('2025-03-01T02:00:00.000Z')).thenThrows(ProsecutionRuleError, { code: CODE.beforePreviousStep });
  });
});
