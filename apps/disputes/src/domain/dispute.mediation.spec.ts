import { fold } from '@pingan/event-store';
import type { DisputeCommand } from './dispute.commands.js';
import { disputeDecider } from './dispute.decider.js';
import {
  acceptanceClock,
  accept,
  accepted,
  agree,
  AGREED,
  agreed,
  appraisalRequested,
  by,
  closed,
  commission,
  expire,
  failed,
  given,
  MEDIATING,
  MEDIATING_LIABLE,
  mediator,
  NOTIFIED,
  OPEN,
  outsider,
  peoplesClock,
  receiver,
  ref,
  referred,
  REFERRED,
  rejects,
  s,
  session,
  t,
  withData,
} from './dispute.decider.fixtures.js';
import { DisputeError } from './dispute.errors.js';
import type { DisputeEvent } from './dispute.events.js';

describe('dispute decider', () => {
  describe('AcceptMediation: the 30-working-day clock starts [law: 条例 第38条]', () => {
    it('starts the people’s mediation clock', () => {
      given(REFERRED).when(accept).then([accepted()]);
    });

    it('starts the clock paused when an appraisal is already under way', () => {
      given([...REFERRED, appraisalRequested(false, 2)])
        .when(accept)
        .then([accepted(true)]);
      expect(fold(disputeDecider, [...REFERRED, appraisalRequested(false, 2), accepted(true)]).mediation?.clockPaused).toBe(true);
    });

    it('administrative mediation runs on its own rule', () => {
      given([...NOTIFIED, referred(1, 'administrative_mediation')])
        .when({ type: 'AcceptMediation', data: {}, metadata: { actor: commission, now: t(3) } })
        .then([
          {
            type: 'MediationAccepted',
            data: {
              ...ref,
              attempt: 1,
              kind: 'administrative_mediation',
              mediatorOrganisationId: 'hc-500103',
              acceptedAt: s(3),
              clocks: [
                // the decision on acceptance came in time [law: 条例 第40条]
                { action: 'stop', deadlineId: acceptanceClock(), at: s(3), outcome: 'done', reason: 'accepted' },
                {
                  action: 'start',
                  deadlineId: 'dsp-1/administrative-mediation/1',
                  subject: 'YA-500103-2025-0001',
                  rule: 'administrative-mediation',
                  startedAt: s(3),
                  responsibleOrganisationId: 'hc-500103',
                  supervisingOrganisationId: null,
                },
              ],
            },
          },
        ]);
    });

    it('rejects acceptance once a court has accepted a lawsuit (不予受理 [law: 条例 第31条, 第40条])', () => {
      const sued: DisputeEvent = {
        type: 'LitigationFiled',
        data: { ...ref, courtId: 'court-1', reference: '(2025)渝0103民初1号', filedAt: s(2) },
      };
      // a stream from before a lawsuit ended the referral: the rule still holds at acceptance
      given([...REFERRED, sued])
        .when(accept)
        .thenThrows(DisputeError, rejects('DISPUTE.LITIGATION_ACCEPTED'));
    });

    it('rejects acceptance by an organisation it was not referred to', () => {
      given(REFERRED)
        .when(by(outsider, accept))
        .thenThrows(DisputeError, {
          ...rejects('DISPUTE.NOT_MEDIATOR'),
          status: 403,
        });
    });

    it('rejects acceptance without a referral', () => {
      given(NOTIFIED).when(accept).thenThrows(DisputeError, rejects('DISPUTE.MEDIATION_NOT_REFERRED'));
    });

    it('accepting twice changes nothing', () => {
      given(MEDIATING).when(accept).thenNothingHappens();
    });
  });

  describe('RecordMediationSession', () => {
    it('records a session with attendees and notes', () => {
      given(MEDIATING)
        .when(session)
        .then([
          {
            type: 'MediationSessionHeld',
            data: {
              ...ref,
              attempt: 1,
              sessionId: 'ses-1',
              heldAt: s(7),
              attendees: session.data.attendees,
              notes: session.data.notes,
            },
          },
        ]);
    });

    it('rejects a session after the mediation failed', () => {
      given([...MEDIATING, failed('no_agreement')])
        .when(session)
        .thenThrows(DisputeError, rejects('DISPUTE.MEDIATION_NOT_ACTIVE'));
    });

    it('rejects a session after the period ran out', () => {
      given([...MEDIATING, failed('expired')])
        .when(session)
        .thenThrows(DisputeError, rejects('DISPUTE.MEDIATION_EXPIRED'));
    });

    it('rejects a session before acceptance, by another organisation, or without attendees', () => {
      given(REFERRED).when(session).thenThrows(DisputeError, rejects('DISPUTE.MEDIATION_NOT_ACTIVE'));
      given(MEDIATING).when(by(receiver, session)).thenThrows(DisputeError, rejects('DISPUTE.NOT_MEDIATOR'));
      given(MEDIATING)
        .when(withData(session, { attendees: [] }))
        .thenThrows(DisputeError, rejects('DISPUTE.INVALID'));
    });
  });

  describe('appraisal (鉴定) pauses the mediation clock until its result', () => {
    const request: DisputeCommand = {
      type: 'RequestAppraisal',
      data: { appraisalId: 'apr-1', kind: 'medical_damage', appraiser: '某司法鉴定所' },
      metadata: { actor: mediator, now: t(5) },
    };
    const result = (outcome: 'concluded' | 'terminated', appraisalId = 'apr-1'): DisputeCommand => ({
      type: 'RecordAppraisalResult',
      data: {
        appraisalId,
        reportReference: '渝司鉴〔2025〕12号',
        result:
          outcome === 'concluded'
            ? {
                outcome,
                liability: {
                  responsibility: 'primary',
                  summary: '诊疗过错为主要原因',
                },
              }
            : { outcome, reason: '材料不足' },
      },
      metadata: { actor: mediator, now: t(25) },
    });
    const completed = (outcome: 'concluded' | 'terminated', resume: boolean): DisputeEvent => ({
      type: 'AppraisalCompleted',
      data: {
        ...ref,
        appraisalId: 'apr-1',
        outcome,
        reportReference: '渝司鉴〔2025〕12号',
        terminationReason: outcome === 'terminated' ? '材料不足' : null,
        completedAt: s(25),
        clocks: resume ? [{ action: 'resume', deadlineId: peoplesClock, at: s(25) }] : [],
      },
    });

    it('a request during mediation pauses the clock', () => {
      given(MEDIATING)
        .when(request)
        .then([appraisalRequested(true)]);
      expect(fold(disputeDecider, [...MEDIATING, appraisalRequested(true)]).mediation?.clockPaused).toBe(true);
    });

    it('a request outside mediation moves no clock', () => {
      given(OPEN)
        .when(request)
        .then([appraisalRequested(false)]);
    });

    it('the result resumes the clock and determines liability', () => {
      given([...MEDIATING, appraisalRequested(true)])
        .when(result('concluded'))
        .then([
          completed('concluded', true),
          {
            type: 'LiabilityDetermined',
            data: {
              ...ref,
              basis: 'appraisal',
              appraisalId: 'apr-1',
              responsibility: 'primary',
              summary: '诊疗过错为主要原因',
              determinedAt: s(25),
            },
          },
        ]);
      const state = fold(disputeDecider, [...MEDIATING, appraisalRequested(true), completed('concluded', true)]);
      expect(state.mediation?.clockPaused).toBe(false);
    });

    it('a terminated appraisal resumes the clock without a determination', () => {
      given([...MEDIATING, appraisalRequested(true)])
        .when(result('terminated'))
        .then([completed('terminated', true)]);
    });

    it('a result after the mediation ended resumes nothing', () => {
      given([...MEDIATING, appraisalRequested(true), failed('no_agreement')])
        .when(result('terminated'))
        .then([completed('terminated', false)]);
    });

    it('rejects a second appraisal while one is under way', () => {
      given([...MEDIATING, appraisalRequested(true)])
        .when(request)
        .thenThrows(DisputeError, rejects('DISPUTE.APPRAISAL_PENDING'));
    });

    it('rejects a result for no appraisal under way', () => {
      given(MEDIATING).when(result('concluded')).thenThrows(DisputeError, rejects('DISPUTE.NO_APPRAISAL_PENDING'));
      given([...MEDIATING, appraisalRequested(true)])
        .when(result('concluded', 'apr-other'))
        .thenThrows(DisputeError, rejects('DISPUTE.NO_APPRAISAL_PENDING'));
    });
  });

  describe('ExtendMediation (parties agree to extend [law: 条例 第38条])', () => {
    const extend: DisputeCommand = {
      type: 'ExtendMediation',
      data: {
        workingDays: 10,
        reason: '双方同意延长',
        consent: { patientPartyId: 'party-1', hospitalRepresentative: '医务科 王主任', reference: '延期约定书-1' },
      },
      metadata: { actor: mediator, now: t(30) },
    };

    it('extends the clock', () => {
      given(MEDIATING)
        .when(extend)
        .then([
          {
            type: 'MediationExtended',
            data: {
              ...ref,
              attempt: 1,
              workingDays: 10,
              reason: '双方同意延长',
              consent: { patientPartyId: 'party-1', hospitalRepresentative: '医务科 王主任', reference: '延期约定书-1' },
              extendedAt: s(30),
              clocks: [
                {
                  action: 'extend',
                  deadlineId: peoplesClock,
                  at: s(30),
                  by: { unit: 'working_days', amount: 10 },
                  reason: '双方同意延长',
                },
              ],
            },
          },
        ]);
    });

    it('rejects an extension without both parties’ consent', () => {
      given(MEDIATING)
        .when(withData(extend, { consent: undefined }))
        .thenThrows(DisputeError, rejects('DISPUTE.EXTENSION_CONSENT_REQUIRED'));
      given(MEDIATING)
        .when(withData(extend, { consent: { patientPartyId: 'party-1', hospitalRepresentative: ' ' } }))
        .thenThrows(DisputeError, rejects('DISPUTE.EXTENSION_CONSENT_REQUIRED'));
      given(MEDIATING)
        .when(withData(extend, { consent: { patientPartyId: '', hospitalRepresentative: '医务科 王主任' } }))
        .thenThrows(DisputeError, rejects('DISPUTE.EXTENSION_CONSENT_REQUIRED'));
    });

    it('rejects extending administrative mediation', () => {
      const events = [...NOTIFIED, referred(1, 'administrative_mediation')];
      const acceptedEvents = disputeDecider.decide(
        { type: 'AcceptMediation', data: {}, metadata: { actor: commission, now: t(3) } },
        fold(disputeDecider, events),
      );
      given([...events, ...acceptedEvents])
        .when(by(commission, extend))
        .thenThrows(DisputeError, rejects('DISPUTE.EXTENSION_NOT_ALLOWED'));
    });

    it('rejects an extension of no running mediation or of a bad length', () => {
      given(REFERRED).when(extend).thenThrows(DisputeError, rejects('DISPUTE.MEDIATION_NOT_ACTIVE'));
      given(MEDIATING)
        .when(withData(extend, { workingDays: 0 }))
        .thenThrows(DisputeError, rejects('DISPUTE.INVALID'));
      given(MEDIATING)
        .when(withData(extend, { reason: '' }))
        .thenThrows(DisputeError, rejects('DISPUTE.INVALID'));
    });
  });

  describe('RecordMediationAgreement (调解协议): liability before money [S3 二(三)]', () => {
    it('records the agreement with its amounts and stops the clock', () => {
      given(MEDIATING_LIABLE).when(agree()).then([agreed()]);
    });

    it('rejects agreed compensation before liability is determined', () => {
      given(MEDIATING).when(agree()).thenThrows(DisputeError, rejects('DISPUTE.LIABILITY_NOT_DETERMINED'));
    });

    it('an agreement without money needs no determination', () => {
      given(MEDIATING)
        .when(agree([]))
        .then([agreed(0)]);
    });

    it('rejects an agreement after the period ran out', () => {
      given([...MEDIATING_LIABLE, failed('expired')])
        .when(agree())
        .thenThrows(DisputeError, rejects('DISPUTE.MEDIATION_EXPIRED'));
    });

    it('rejects bad amounts and agreements by others', () => {
      given(MEDIATING_LIABLE)
        .when(agree([{ head: '医疗费', amountFen: 12.5 }]))
        .thenThrows(DisputeError, rejects('DISPUTE.INVALID'));
      given(MEDIATING_LIABLE)
        .when(agree([{ head: '', amountFen: 100 }]))
        .thenThrows(DisputeError, rejects('DISPUTE.INVALID'));
      given(MEDIATING_LIABLE).when(by(receiver, agree())).thenThrows(DisputeError, rejects('DISPUTE.NOT_MEDIATOR'));
    });
  });

  describe('FailMediation', () => {
    const fail: DisputeCommand = {
      type: 'FailMediation',
      data: { reason: 'no_agreement', note: '双方分歧过大' },
      metadata: { actor: mediator, now: t(45) },
    };

    it('records the failure and stops the clock', () => {
      given(MEDIATING)
        .when(fail)
        .then([failed('no_agreement')]);
    });

    it('a referral the committee does not accept fails without a clock', () => {
      given(REFERRED)
        .when(withData(fail, { reason: 'not_accepted', note: '不予受理' }))
        .then([
          {
            type: 'MediationFailed',
            data: {
              ...ref,
              attempt: 1,
              kind: 'peoples_mediation',
              reason: 'not_accepted',
              note: '不予受理',
              failedAt: s(45),
              clocks: [],
            },
          },
        ]);
    });

    it('the commission’s 不予受理 stops its 5-working-day acceptance clock as met: it decided [law: 条例 第40条]', () => {
      given([...NOTIFIED, referred(1, 'administrative_mediation')])
        .when(by(commission, withData(fail, { reason: 'not_accepted', note: '不予受理' })))
        .then([
          {
            type: 'MediationFailed',
            data: {
              ...ref,
              attempt: 1,
              kind: 'administrative_mediation',
              reason: 'not_accepted',
              note: '不予受理',
              failedAt: s(45),
              clocks: [{ action: 'stop', deadlineId: acceptanceClock(), at: s(45), outcome: 'done', reason: 'failed: not_accepted' }],
            },
          },
        ]);
    });

    it('rejects failing no mediation, or by another organisation', () => {
      given(NOTIFIED).when(fail).thenThrows(DisputeError, rejects('DISPUTE.MEDIATION_NOT_ACTIVE'));
      given(AGREED).when(fail).thenThrows(DisputeError, rejects('DISPUTE.MEDIATION_NOT_ACTIVE'));
      given(MEDIATING).when(by(receiver, fail)).thenThrows(DisputeError, rejects('DISPUTE.NOT_MEDIATOR'));
    });
  });

  describe('FailMediationOnExpiry (from DeadlineLapsed; 视为调解不成)', () => {
    it('fails a running mediation whose clock lapsed; the lapsed clock is not stopped', () => {
      given(MEDIATING)
        .when(expire())
        .then([failed('expired')]);
      expect(fold(disputeDecider, [...MEDIATING, failed('expired')]).mediationFailures).toEqual({
        expired: 1,
        other: 0,
      });
    });

    it('is ignored once agreed or failed, for another clock, or on a closed dispute', () => {
      given(AGREED).when(expire()).thenNothingHappens();
      given([...MEDIATING, failed('no_agreement')])
        .when(expire())
        .thenNothingHappens();
      given([...MEDIATING, failed('expired')])
        .when(expire())
        .thenNothingHappens();
      given(MEDIATING).when(expire('dsp-1/peoples-mediation/0')).thenNothingHappens();
      given([...NOTIFIED, closed])
        .when(expire())
        .thenNothingHappens();
      given([]).when(expire()).thenNothingHappens();
    });
  });
});
