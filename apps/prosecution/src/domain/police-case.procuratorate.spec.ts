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
