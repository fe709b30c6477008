import type { ProsecutionEvent } from '@pingan/contracts';
import { deciderSpec } from '@pingan/testing';
import { DEFAULT_PROSECUTION_POLICY } from './deadline-rules.js';
import { createPoliceCaseDecider } from './police-case.decider.js';
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
  BUREAU,
  PROCURATORATE,
  officer,
  prosecutor,
  t,
  AT,
  DECIDED,
  iso,
  by,
  cmd,
  measure,
  requested,
  arrestDecided,
  criminalCase,
  adminCase,
  accepted,
  inDetention,
  underReview,
  withData,
  withActor,
  received,
} from './police-case.fixture.js';

// ── Decisions and measures, ministry-system entry ─────────────────────────────
describe('administrative penalty decisions (治安处罚决定)', () => {
  const penalty = cmd({
    type: 'DecideAdministrativePenalty',
    ...by(officer),
    data: {
      caseNumber: CASE,
      decisionId: 'penalty-1',
      suspectId: 'suspect-1',
      penalty: { kind: 'administrative_detention', days: 10 },
      decidedAt: DECIDED,
      decidingUnitId: BUREAU,
    },
  });

  it('records the decision and starts the 3-working-day ministry-entry clock from its date [S1 六(二)]', () => {
    given(adminCase)
      .when(penalty)
      .then([
        {
          type: 'AdministrativePenaltyDecided',
          data: {
            ...ref,
            decisionId: 'penalty-1',
            suspectId: 'suspect-1',
            penalty: { kind: 'administrative_detention', days: 10 },
            decidedAt: iso(DECIDED),
            decidingUnitId: BUREAU,
            clocks: [
              {
                action: 'start',
                deadlineId: `${CASE}:ministry-system-entry:penalty-1`,
                rule: 'ministry-system-entry',
                startedAt: iso(DECIDED),
                responsibleOrganisationId: BUREAU,
              },
            ],
          },
        },
      ]);
  });

  it('takes warnings and fines too', () => {
    given(adminCase)
      .when(withData(penalty, { penalty: { kind: 'warning' } }))
      .then([expect.objectContaining({ type: 'AdministrativePenaltyDecided' })]);
    given(adminCase)
      .when(withData(penalty, { penalty: { kind: 'fine', amountYuan: 500 } }))
      .then([expect.objectContaining({ type: 'AdministrativePenaltyDecided' })]);
  });

  it('rejects a penalty decision on a criminal case', () => {
    given(criminalCase).when(penalty).thenThrows(ProsecutionRuleError, {
      code: CODE.caseNotAdministrative,
      status: 422,
    });
  });

  it('rejects an unknown suspect, a repeated decision id, a decision dated in the future', () => {
    given(adminCase)
      .when(withData(penalty, { suspectId: 'nobody' }))
      .thenThrows(ProsecutionRuleError, { code: CODE.suspectNotFound });
    given([
      ...adminCase,
      {
        type: 'AdministrativePenaltyDecided',
        data: {
          ...ref,
          decisionId: 'penalty-1',
          suspectId: 'suspect-1',
          penalty: { kind: 'warning' },
          decidedAt: iso(DECIDED),
          decidingUnitId: BUREAU,
          clocks: [],
        },
      },
    ])
      .when(penalty)
      .thenThrows(ProsecutionConflictError, {
        code: CODE.decisionAlreadyRecorded,
      });
    given(adminCase)
      .when(withData(penalty, { decidedAt: t('2025-03-04T00:00:00Z') }))
      .thenThrows(ProsecutionRuleError, { code: CODE.decisionInFuture });
  });

  it('rejects a fine of nothing and detention beyond the lawful maximum (20 days)', () => {
    given(adminCase)
      .when(withData(penalty, { penalty: { kind: 'fine', amountYuan: 0 } }))
      .thenThrows(ProsecutionRuleError, { code: CODE.penaltyOutOfRange });
    given(adminCase)
      .when(withData(penalty, { penalty: { kind: 'administrative_detention', days: 21 } }))
      .thenThrows(ProsecutionRuleError, { code: CODE.penaltyOutOfRange });
  });
});

describe('criminal compulsory measures (刑事强制措施)', () => {
  const impose = (measureKind: 'summons' | 'bail' | 'residential_surveillance' | 'criminal_detention' | 'arrest', measureId = 'm-1') =>
    cmd({
      type: 'ImposeCompulsoryMeasure',
      ...by(officer),
      data: { caseNumber: CASE, measureId, suspectId: 'suspect-1', measure: measureKind, decidedAt: DECIDED, decidingUnitId: BUREAU },
    });
  const entryClock = (measureId: string) => ({
    action: 'start' as const,
    deadlineId: `${CASE}:ministry-system-entry:${measureId}`,
    rule: 'ministry-system-entry',
    startedAt: iso(DECIDED),
    responsibleOrganisationId: BUREAU,
  });

  it('on a case without a suspect says to add one first, naming the field', () => {
    given([accepted('criminal')])
      .when(impose('criminal_detention'))
      .thenThrows(ProsecutionRuleError, {
        code: CODE.suspectNotFound,
        message: expect.stringContaining('add a suspect first'),
        errors: [{ field: 'suspectId', code: CODE.suspectNotFound, message: 'add a suspect first' }],
      });
  });

  it('criminal detention starts the ministry-entry clock and the 3-day arrest-request clock', () => {
    given(criminalCase)
      .when(impose('criminal_detention'))
      .then([
        {
          type: 'CompulsoryMeasureImposed',
          data: {
            ...ref,
            measureId: 'm-1',
            suspectId: 'suspect-1',
            measure: 'criminal_detention',
            decidedAt: iso(DECIDED),
            decidingUnitId: BUREAU,
            custodyAfter: 'criminal_detention',
            clocks: [
              entryClock('m-1'),
              {
                action: 'start',
                deadlineId: `${CASE}:arrest-request:m-1`,
                rule: 'arrest-request',
                startedAt: iso(DECIDED),
                responsibleOrganisationId: STATION,
              },
            ],
          },
        },
      ]);
  });

  it('summons leaves the suspect free and starts only the ministry-entry clock', () => {
    given(criminalCase)
      .when(impose('summons'))
      .then([
        {
          type: 'CompulsoryMeasureImposed',
          data: expect.objectContaining({
            custodyAfter: 'none',
            clocks: [entryClock('m-1')],
          }) as never,
        },
      ]);
  });

  it('bail of a detained suspect ends the detention and the duty to request arrest (moot)', () => {
    given(inDetention)
      .when(impose('bail', 'bail-1'))
      .then([
        {
          type: 'CompulsoryMeasureImposed',
          data: expect.objectContaining({
            custodyAfter: 'none',
            clocks: [
              entryClock('bail-1'),
              {
                action: 'stop',
                deadlineId: `${CASE}:arrest-request:detention-suspect-1`,
                rule: 'arrest-request',
                at: iso(DECIDED),
                outcome: 'moot',
              },
            ],
          }) as never,
        },
      ]);
  });

  it('residential surveillance of a free suspect stops nothing', () => {
    given(criminalCase)
      .when(impose('residential_surveillance'))
      .then([
        {
          type: 'CompulsoryMeasureImposed',
          data: expect.objectContaining({
            clocks: [entryClock('m-1')],
          }) as never,
        },
      ]);
  });

  it('arrest after the procuratorate approved it', () => {
    given([...inDetention, requested(), arrestDecided('approved')])
      .when(impose('arrest', 'arrest-1'))
      .then([
        {
          type: 'CompulsoryMeasureImposed',
          data: expect.objectContaining({
            measure: 'arrest',
            custodyAfter: 'arrested',
          }) as never,
        },
      ]);
  });

  it('rejects an arrest without approval, and a second arrest on the same approval', () => {
    given(inDetention).when(impose('arrest')).thenThrows(ProsecutionRuleError, { code: CODE.arrestNotApproved });
    given([...inDetention, requested()])
      .when(impose('arrest'))
      .thenThrows(ProsecutionRuleError, { code: CODE.arrestNotApproved });
    given(underReview).when(impose('arrest', 'arrest-2')).thenThrows(ProsecutionRuleError, { code: CODE.arrestNotApproved });
  });

  it('rejects detention or summons of a suspect already held', () => {
    given(inDetention).when(impose('criminal_detention', 'm-2')).thenThrows(ProsecutionRuleError, { code: CODE.alreadyInCustody });
    given(inDetention).when(impose('summons', 'm-2')).thenThrows(ProsecutionRuleError, { code: CODE.alreadyInCustody });
  });

  it('rejects a compulsory measure on an administrative case', () => {
    given(adminCase).when(impose('criminal_detention')).thenThrows(ProsecutionRuleError, { code: CODE.caseNotCriminal });
  });

  it('rejects a repeated measure id and a date in the future', () => {
    given(inDetention).when(impose('bail', 'detention-suspect-1')).thenThrows(ProsecutionConflictError, {
      code: CODE.decisionAlreadyRecorded,
    });
    given(criminalCase)
      .when(withData(impose('summons'), { decidedAt: t('2025-03-03T02:00:01Z') }))
      .thenThrows(ProsecutionRuleError, { code: CODE.decisionInFuture });
  });
});

describe('ministry-system entry (录入公安部专门信息系统)', () => {
  const entry = cmd({
    type: 'RecordMinistrySystemEntry',
    ...by(officer),
    data: { caseNumber: CASE, decisionId: 'detention-suspect-1', referenceNumber: 'MPS-2025-000123' },
  });
  const recorded: ProsecutionEvent = {
    type: 'MinistrySystemEntryRecorded',
    data: {
      ...ref,
      decisionId: 'detention-suspect-1',
      suspectId: 'suspect-1',
      referenceNumber: 'MPS-2025-000123',
      recordedAt: iso(AT),
      clocks: [
        {
          action: 'stop',
          deadlineId: `${CASE}:ministry-system-entry:detention-suspect-1`,
          rule: 'ministry-system-entry',
          at: iso(AT),
          outcome: 'done',
        },
      ],
    },
  };

  it('records the entry with the system reference and stops the clock', () => {
    given(inDetention).when(entry).then([recorded]);
  });

  it('rejects an entry recorded twice', () => {
    given([...inDetention, recorded])
      .when(entry)
      .thenThrows(ProsecutionConflictError, {
        code: CODE.entryAlreadyRecorded,
        status: 409,
      });
  });

  it('rejects an entry for an unknown decision, or without a reference', () => {
    given(inDetention)
      .when(withData(entry, { decisionId: 'nope' }))
      .thenThrows(ProsecutionRuleError, { code: CODE.entryUnknownDecision });
    given(inDetention)
      .when(withData(entry, { referenceNumber: '' }))
      .thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
  });
});

// ── Procuratorate ─────────────────────────────────────────────────────────────
describe('arrest-request period and its lawful extensions [law: CPL art. 91]', () => {
  const extend = (ground: 'special_circumstances' | 'roving' | 'serial' | 'gang', days: number) =>
    cmd({
      type: 'ExtendArrestRequestPeriod',
      ...by(officer),
      data: { caseNumber: CASE, suspectId: 'suspect-1', ground, explanation: 'Witnesses still being traced.', days },
    });
  const extended = (ground: 'special_circumstances' | 'roving' | 'serial' | 'gang', days: number, total: number): ProsecutionEvent => ({
    type: 'ArrestRequestPeriodExtended',
    data: {
      ...ref,
      suspectId: 'suspect-1',
      detentionMeasureId: 'detention-suspect-1',
      ground,
      explanation: 'Witnesses still being traced.',
      days,
      totalExtensionDays: total,
      extendedAt: iso(AT),
      clocks: [
        {
          action: 'extend',
          deadlineId: `${CASE}:arrest-request:detention-suspect-1`,
          rule: 'arrest-request',
          by: { unit: 'calendar_days', amount: days },
          reason: `${ground}: Witnesses still being traced.`,
        },
      ],
    },
  });

  it('extends by 1 to 4 days in special circumstances, with the reason on the clock', () => {
    given(inDetention)
      .when(extend('special_circumstances', 2))
      .then([extended('special_circumstances', 2, 2)]);
    given([...inDetention, extended('special_circumstances', 2, 2)])
      .when(extend('special_circumstances', 2))
      .then([extended('special_circumstances', 2, 4)]);
  });

  it('rejects an extension beyond 4 days in special circumstances', () => {
    given([...inDetention, extended('special_circumstances', 3, 3)])
      .when(extend('special_circumstances', 2))
      .thenThrows(ProsecutionRuleError, { code: CODE.extensionBeyondMaximum });
    given(inDetention).when(extend('special_circumstances', 5)).thenThrows(ProsecutionRuleError, { code: CODE.extensionBeyondMaximum });
  });

  it('extends up to 30 days in all for roving, serial or gang suspects, and no further', () => {
    given(inDetention)
      .when(extend('gang', 27))
      .then([extended('gang', 27, 27)]);
    given([...inDetention, extended('special_circumstances', 4, 4)])
      .when(extend('roving', 23))
      .then([extended('roving', 23, 27)]);
    given(inDetention).when(extend('serial', 28)).thenThrows(ProsecutionRuleError, { code: CODE.extensionBeyondMaximum });
  });

  it('takes its limits from the policy (they are [law] defaults)', () => {
    const strict = deciderSpec(
      createPoliceCaseDecider({
        ...DEFAULT_PROSECUTION_POLICY,
        arrestRequest: {
          ...DEFAULT_PROSECUTION_POLICY.arrestRequest,
          specialCircumstancesMaxExtensionDays: 1,
        },
      }),
    );
    strict(inDetention).when(extend('special_circumstances', 2)).thenThrows(ProsecutionRuleError, { code: CODE.extensionBeyondMaximum });
  });

  it('rejects an extension without criminal detention, after the request, with no explanation or no days', () => {
    given(criminalCase).when(extend('gang', 1)).thenThrows(ProsecutionRuleError, { code: CODE.noCriminalDetention });
    given([...inDetention, requested()])
      .when(extend('gang', 1))
      .thenThrows(ProsecutionConflictError, {
        code: CODE.arrestAlreadyRequested,
      });
    given(inDetention)
      .when(withData(extend('gang', 1), { explanation: '' }))
      .thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
    given(inDetention).when(extend('gang', 0)).thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
  });

  it('rejects an extension on an administrative case', () => {
    given(adminCase).when(extend('gang', 1)).thenThrows(ProsecutionRuleError, { code: CODE.caseNotCriminal });
  });
});

describe('request to approve arrest (提请批准逮捕) and the decision', () => {
  const request = cmd({
    type: 'RequestArrestApproval',
    ...by(officer),
    data: { caseNumber: CASE, requestId: 'request-suspect-1', suspectId: 'suspect-1', procuratorateId: PROCURATORATE },
  });

  it('stops the arrest-request clock; the procuratorate’s clock waits for its receipt', () => {
    given(inDetention)
      .when(request)
      .then([
        {
          type: 'ArrestApprovalRequested',
          data: {
            ...ref,
            requestId: 'request-suspect-1',
            suspectId: 'suspect-1',
            procuratorateId: PROCURATORATE,
            requestedAt: iso(AT),
            clocks: [
              {
                action: 'stop',
                deadlineId: `${CASE}:arrest-request:detention-suspect-1`,
                rule: 'arrest-request',
                at: iso(AT),
                outcome: 'done',
              },
            ],
          },
        },
      ]);
  });

  const receive = cmd({
    type: 'RecordArrestRequestReceipt',
    metadata: { actor: prosecutor, now: t('2025-03-04T02:00:00.000Z') },
    data: { caseNumber: CASE, suspectId: 'suspect-1' },
  });

  it('the receipt starts the 7-day decision clock, from the instant it was received', () => {
    const stated = { ...receive, metadata: { ...receive.metadata, occurredAt: t('2025-03-03T08:00:00.000Z') } };
    given([...inDetention, requested()])
      .when(stated)
      .then([
        {
          type: 'ArrestRequestReceived',
          data: {
            ...ref,
            requestId: 'request-suspect-1',
            suspectId: 'suspect-1',
            procuratorateId: PROCURATORATE,
            receivedAt: '2025-03-03T08:00:00.000Z',
            clocks: [
              {
                action: 'start',
                deadlineId: `${CASE}:arrest-decision:request-suspect-1`,
                rule: 'arrest-decision',
                startedAt: '2025-03-03T08:00:00.000Z',
                responsibleOrganisationId: PROCURATORATE,
              },
            ],
          },
        },
      ]);
  });

  it('rejects a receipt before the request, twice, by another procuratorate, or with no request pending', () => {
    const early = { ...receive, metadata: { ...receive.metadata, occurredAt: t('2025-03-03T01:00:00.000Z') } };
    given([...inDetention, requested()])
      .when(early)
      .thenThrows(ProsecutionRuleError, { code: CODE.beforePreviousStep });
    given([...inDetention, requested(), received()])
      .when(receive)
      .thenThrows(ProsecutionConflictError, { code: CODE.requestAlreadyReceived });
    given([...inDetention, requested()])
      .when(withActor(receive, { ...prosecutor, organisationId: 'procuratorate-2' }))
      .thenThrows(ProsecutionForbiddenError, { code: CODE.wrongProcuratorate });
    given(inDetention).when(receive).thenThrows(ProsecutionRuleError, { code: CODE.noPendingArrestRequest });
  });

  const atLiberty = (history: Parameters<typeof given>[0]) => {
    given(history)
      .when(request)
      .then([
        {
          type: 'ArrestApprovalRequested',
          data: {
            ...ref,
            requestId: 'request-suspect-1',
            suspectId: 'suspect-1',
            procuratorateId: PROCURATORATE,
            requestedAt: iso(AT),
            clocks: [],
          },
        },
      ]);
    given([...history, requested()])
      .when(receive)
      .then([
        {
          type: 'ArrestRequestReceived',
          data: expect.objectContaining({
            clocks: [expect.objectContaining({ action: 'start', rule: 'arrest-decision-at-liberty' })],
          }) as never,
        },
      ]);
  };

  it('a suspect at large or on bail may be proposed for arrest: no arrest-request clock to stop; the receipt starts the 15-day clock', () => {
    atLiberty(criminalCase);
    atLiberty([...inDetention, measure('bail-1', 'bail', 'none')]);
    atLiberty([...criminalCase, measure('rs-1', 'residential_surveillance', 'none')]);
  });

  it('the decision on an at-liberty request stops the 15-day clock, and no release is required', () => {
    given([
      ...criminalCase,
      { ...requested(), data: { ...requested().data, clocks: [{ action: 'start', rule: 'arrest-decision-at-liberty' }] } } as never,
    ])
      .when(
        cmd({
          type: 'DecideArrestApproval',
          ...by(prosecutor),
          data: { caseNumber: CASE, suspectId: 'suspect-1', outcome: 'not_approved', reason: 'r' },
        }),
      )
      .then([
        {
          type: 'ArrestApprovalDecided',
          data: expect.objectContaining({
            releaseRequired: false,
            clocks: [expect.objectContaining({ action: 'stop', rule: 'arrest-decision-at-liberty' })],
          }) as never,
        },
      ]);
  });

  it('rejects an arrest request for a suspect already arrested', () => {
    given([...inDetention, requested(), received(), arrestDecided('approved'), measure('arrest-1', 'arrest', 'arrested')])
      .when(withData(request, { requestId: 'request-2' }))
      .thenThrows(ProsecutionRuleError, { code: CODE.alreadyInCustody });
  });

  it('rejects a second request while one is pending', () => {
    given([...inDetention, requested()])
      .when(request)
      .thenThrows(ProsecutionConflictError, {
        code: CODE.arrestAlreadyRequested,
      });
  });

  it('rejects an arrest request on an administrative case', () => {
    given(adminCase).when(request).thenThrows(ProsecutionRuleError, { code: CODE.caseNotCriminal });
  });

  const decideArrest = cmd({
    type: 'DecideArrestApproval',
    ...by(prosecutor),
    data: { caseNumber: CASE, suspectId: 'suspect-1', outcome: 'approved', reason: 'Evidence sufficient.' },
  });

  it('approves, stopping the decision clock', () => {
    given([...inDetention, requested(), received()])
      .when(decideArrest)
      .then([
        {
          type: 'ArrestApprovalDecided',
          data: {
            ...ref,
            requestId: 'request-suspect-1',
            suspectId: 'suspect-1',
            procuratorateId: PROCURATORATE,
            outcome: 'approved',
            reason: 'Evidence sufficient.',
            decidedAt: iso(AT),
            releaseRequired: false,
            clocks: [
              {
                action: 'stop',
                deadlineId: `${CASE}:arrest-decision:request-suspect-1`,
                rule: 'arrest-decision',
                at: iso(AT),
                outcome: 'done',
              },
            ],
          },
        },
      ]);
  });

  it('not approved: the detained suspect must be released, and cannot be requested again without new detention', () => {
    given([...inDetention, requested(), received()])
      .when(withData(decideArrest, { outcome: 'not_approved', reason: 'Insufficient evidence.' }))
      .then([
        {
          type: 'ArrestApprovalDecided',
          data: expect.objectContaining({
            outcome: 'not_approved',
            releaseRequired: true,
          }) as never,
        },
      ]);
    // Released, the suspect may be proposed again; now at liberty, so the 15-day clock.
    given([...inDetention, requested(), received(), arrestDecided('not_approved'), requested('suspect-1', 'request-2')])
      .when(receive)
      .then([
        {
          type: 'ArrestRequestReceived',
          data: expect.objectContaining({ clocks: [expect.objectContaining({ rule: 'arrest-decision-at-liberty' })] }) as never,
        },
      ]);
  });

  it('rejects a decision before any request, before the receipt, dated before the receipt, and a second decision', () => {
    given(inDetention).when(decideArrest).thenThrows(ProsecutionRuleError, { code: CODE.noPendingArrestRequest });
    given([...inDetention, requested()])
      .when(decideArrest)
      .thenThrows(ProsecutionRuleError, { code: CODE.requestNotReceived });
    const early = { ...decideArrest, metadata: { ...decideArrest.metadata, occurredAt: t('2025-03-03T01:30:00.000Z') } };
    given([...inDetention, requested(), received()])
      .when(early)
      .thenThrows(ProsecutionRuleError, { code: CODE.beforePreviousStep });
    given([...inDetention, requested(), received(), arrestDecided('approved')])
      .when(decideArrest)
      .thenThrows(ProsecutionRuleError, { code: CODE.noPendingArrestRequest });
  });

  it('rejects a decision by a procuratorate the request did not go to', () => {
    given([...inDetention, requested(), received()])
      .when(withActor(decideArrest, { ...prosecutor, organisationId: 'procuratorate-2' }))
      .thenThrows(ProsecutionForbiddenError, {
        code: CODE.wrongProcuratorate,
        status: 403,
      });
  });

  it('needs a reason', () => {
    given([...inDetention, requested(), received()])
      .when(withData(decideArrest, { reason: '' }))
      .thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
  });
});
