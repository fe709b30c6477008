import type { ProsecutionEvent } from '@pingan/contracts';
import { policeCaseDecider } from './police-case.decider.js';
import { CODE, InvalidPoliceCaseCommandError, ProsecutionConflictError, ProsecutionRuleError } from './police-case.errors.js';
import {
  accepted,
  acceptedPublicSecurity,
  AT,
  by,
  CASE,
  cmd,
  DECIDED,
  given,
  iso,
  officer,
  ref,
  STATION,
  suspect,
  t,
  withData,
} from './police-case.fixture.js';

// 治安案件 under 治安管理处罚法 (revised, in force 2026-01-01): the 30-day case period and 治安调解.
const PERIOD = `${CASE}:public-security-case`;
const SUPERIOR = 'police-bureau-superior';
const LATER = t('2025-03-10T02:00:00.000Z');

const extend = cmd({
  type: 'ExtendPublicSecurityCasePeriod',
  ...by(officer, LATER),
  data: { caseNumber: CASE, approvingUnitId: SUPERIOR, approverName: '王局长', reason: '案情复杂，需调取监控并询问多名证人' },
});
const extended: ProsecutionEvent = {
  type: 'PublicSecurityCasePeriodExtended',
  data: {
    ...ref,
    approvingUnitId: SUPERIOR,
    approverName: '王局长',
    reason: '案情复杂，需调取监控并询问多名证人',
    days: 30,
    extendedAt: iso(LATER),
    clocks: [
      {
        action: 'extend',
        deadlineId: PERIOD,
        rule: 'public-security-case',
        by: { unit: 'calendar_days', amount: 30 },
        reason: expect.stringContaining('治安管理处罚法') as unknown as string,
      },
    ],
  },
};

const mediate = (outcome: 'agreement_reached' | 'failed', mediationId = 'mediation-1') =>
  cmd({
    type: 'RecordPublicSecurityMediation',
    ...by(officer, LATER),
    data: { caseNumber: CASE, mediationId, outcome, note: outcome === 'failed' ? '双方未达成协议' : '赔礼道歉并赔偿医药费' },
  });
const mediated = (outcome: 'agreement_reached' | 'failed', mediationId = 'mediation-1'): ProsecutionEvent => ({
  type: 'PublicSecurityMediationRecorded',
  data: {
    ...ref,
    mediationId,
    outcome,
    note: outcome === 'failed' ? '双方未达成协议' : '赔礼道歉并赔偿医药费',
    mediatingUnitId: STATION,
    concludedAt: iso(LATER),
    clocks:
      outcome === 'agreement_reached'
        ? [{ action: 'stop', deadlineId: PERIOD, rule: 'public-security-case', at: iso(LATER), outcome: 'done' }]
        : [],
  },
});

describe('the 治安案件 case period: 30 days from acceptance, +30 once with the superior’s approval', () => {
  it('an administrative case starts the period on acceptance; a criminal one does not', () => {
    const open = cmd({
      type: 'OpenCaseFromIncident',
      ...by(officer),
      data: {
        caseNumber: CASE,
        incidentId: 'incident-1',
        hospitalId: ref.hospitalId,
        regionCode: ref.regionCode,
        kind: 'administrative',
        handlingUnitId: STATION,
        summary: 'Relative of a patient struck a nurse in the emergency ward.',
        disturbanceStopped: true,
      },
    });
    given([])
      .when(open)
      .then([acceptedPublicSecurity(true)]);
    given([])
      .when(withData(open, { kind: 'criminal' }))
      .then([{ type: 'CaseAccepted', data: expect.not.objectContaining({ clocks: expect.anything() }) as never }]);
  });

  it('extends once, recording who approved', () => {
    given([acceptedPublicSecurity(true)])
      .when(extend)
      .then([extended]);
  });

  it('rejects a second extension with a stable code', () => {
    given([acceptedPublicSecurity(true), extended])
      .when(extend)
      .thenThrows(ProsecutionConflictError, { code: CODE.casePeriodAlreadyExtended, status: 409 });
  });

  it('rejects an extension without the approver, of a criminal case, or once the case is decided', () => {
    given([acceptedPublicSecurity(true)])
      .when(withData(extend, { approverName: ' ' }))
      .thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
    given([accepted('criminal')])
      .when(extend)
      .thenThrows(ProsecutionRuleError, { code: CODE.caseNotAdministrative });
    given([acceptedPublicSecurity(true), mediated('agreement_reached')])
      .when(extend)
      .thenThrows(ProsecutionRuleError, { code: CODE.casePeriodNotRunning });
  });

  it('a penalty decision meets the period, as of the decision', () => {
    given([acceptedPublicSecurity(true), suspect()])
      .when(
        cmd({
          type: 'DecideAdministrativePenalty',
          ...by(officer),
          data: {
            caseNumber: CASE,
            decisionId: 'd1',
            suspectId: 'suspect-1',
            penalty: { kind: 'warning' },
            decidedAt: DECIDED,
            decidingUnitId: STATION,
          },
        }),
      )
      .then([
        {
          type: 'AdministrativePenaltyDecided',
          data: expect.objectContaining({
            clocks: [
              expect.objectContaining({ action: 'start', rule: 'ministry-system-entry' }),
              // Dated an hour before the acceptance (entered late): met at the period's start, never before it.
              { action: 'stop', deadlineId: PERIOD, rule: 'public-security-case', at: iso(AT), outcome: 'done' },
            ],
          }) as never,
        },
      ]);
  });

  it('a conversion to criminal ends the period (moot)', () => {
    given([acceptedPublicSecurity(true)])
      .when(cmd({ type: 'ConvertToCriminalCase', ...by(officer), data: { caseNumber: CASE, reason: '经鉴定为轻伤' } }))
      .then([
        {
          type: 'CaseConvertedToCriminal',
          data: {
            ...ref,
            reason: '经鉴定为轻伤',
            convertedAt: iso(AT),
            clocks: [{ action: 'stop', deadlineId: PERIOD, rule: 'public-security-case', at: iso(AT), outcome: 'moot' }],
          },
        },
      ]);
  });
});

describe('治安调解 (public-security mediation) as an outcome of an administrative case', () => {
  it('records an agreement, which meets the case period', () => {
    given([acceptedPublicSecurity(true)])
      .when(mediate('agreement_reached'))
      .then([mediated('agreement_reached')]);
  });

  it('no mediation before the incident’s disturbance is stopped [S3 一(二)]', () => {
    given([acceptedPublicSecurity(false)])
      .when(mediate('agreement_reached'))
      .thenThrows(ProsecutionRuleError, { code: CODE.disturbanceNotStopped, status: 422 });
    // An incident case accepted before the fact was kept: not known to be stopped, so refused too.
    given([accepted('administrative')])
      .when(mediate('agreement_reached'))
      .thenThrows(ProsecutionRuleError, { code: CODE.disturbanceNotStopped });
  });

  it('handed over again once the incident recorded the stop: noted, then mediation may go ahead; a plain repeat is nothing', () => {
    const again = cmd({
      type: 'OpenCaseFromIncident',
      ...by(officer, LATER),
      data: {
        caseNumber: CASE,
        incidentId: 'incident-1',
        hospitalId: ref.hospitalId,
        regionCode: ref.regionCode,
        kind: 'administrative',
        handlingUnitId: STATION,
        summary: 's',
        disturbanceStopped: true,
      },
    });
    const noted: ProsecutionEvent = {
      type: 'IncidentDisturbanceStoppedNoted',
      data: { ...ref, incidentId: 'incident-1', notedAt: iso(LATER) },
    };
    given([acceptedPublicSecurity(false)])
      .when(again)
      .then([noted]);
    given([acceptedPublicSecurity(true)])
      .when(again)
      .thenNothingHappens();
    given([acceptedPublicSecurity(false)])
      .when(withData(again, { disturbanceStopped: false }))
      .thenNothingHappens();
    given([acceptedPublicSecurity(false), noted])
      .when(mediate('agreement_reached'))
      .then([mediated('agreement_reached')]);
  });

  it('a direct case has no incident disturbance to wait for', () => {
    const direct: ProsecutionEvent = {
      ...accepted('administrative'),
      data: { ...accepted('administrative').data, origin: { source: 'direct' } },
    } as ProsecutionEvent;
    given([direct])
      .when(mediate('failed'))
      .then([mediated('failed')]);
  });

  it('rejects 治安调解 of a criminal case', () => {
    given([accepted('criminal')])
      .when(mediate('agreement_reached'))
      .thenThrows(ProsecutionRuleError, { code: CODE.caseNotAdministrative });
  });

  it('a failed mediation leaves the case open: the period runs on and a penalty may follow', () => {
    given([acceptedPublicSecurity(true)])
      .when(mediate('failed'))
      .then([mediated('failed')]);
    const state = [acceptedPublicSecurity(true), mediated('failed')].reduce(policeCaseDecider.evolve, policeCaseDecider.initialState());
    expect(state).toMatchObject({ casePeriod: { open: true }, mediation: { outcome: 'failed' } });
    given([acceptedPublicSecurity(true), mediated('failed'), suspect()])
      .when(
        cmd({
          type: 'DecideAdministrativePenalty',
          ...by(officer),
          data: {
            caseNumber: CASE,
            decisionId: 'd1',
            suspectId: 'suspect-1',
            penalty: { kind: 'fine', amountYuan: 500 },
            decidedAt: DECIDED,
            decidingUnitId: STATION,
          },
        }),
      )
      .then([
        {
          type: 'AdministrativePenaltyDecided',
          data: expect.objectContaining({
            clocks: expect.arrayContaining([expect.objectContaining({ action: 'stop', deadlineId: PERIOD })]),
          }) as never,
        },
      ]);
    // Another attempt after a failure is a new mediation.
    given([acceptedPublicSecurity(true), mediated('failed')])
      .when(mediate('agreement_reached', 'mediation-2'))
      .then([mediated('agreement_reached', 'mediation-2')]);
  });

  it('rejects the same mediation twice, and mediation after an agreement', () => {
    given([acceptedPublicSecurity(true), mediated('failed')])
      .when(mediate('failed'))
      .thenThrows(ProsecutionConflictError, { code: CODE.mediationAlreadyRecorded });
    given([acceptedPublicSecurity(true), mediated('agreement_reached')])
      .when(mediate('agreement_reached', 'mediation-2'))
      .thenThrows(ProsecutionConflictError, { code: CODE.mediationAlreadyAgreed });
  });
});
