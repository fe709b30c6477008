import { fold } from '@pingan/event-store';
import type { DisputeCommand } from './dispute.commands.js';
import { disputeDecider } from './dispute.decider.js';
import type { DisputeClockInstruction } from '@pingan/contracts';
import {
  acceptanceClock,
  AGREED,
  disturbanceStopped,
  failed,
  given,
  MEDIATING,
  NOTIFIED,
  notified,
  notify,
  OPEN,
  openedFromIncident,
  peoplesClock,
  receiver,
  ref,
  refer,
  REFERRED,
  referred,
  rejects,
  s,
  t,
  withData,
} from './dispute.decider.fixtures.js';
import { DisputeError } from './dispute.errors.js';
import type { DisputeEvent } from './dispute.events.js';

describe('dispute decider', () => {
  describe('NotifyResolutionRoutes (多元化解告知 [S3 二(三)])', () => {
    it('records what the patient side was told', () => {
      given(OPEN).when(notify).then([notified]);
    });

    it('records the same notice sent again once: a retry or a concurrent duplicate decided again records nothing', () => {
      given(NOTIFIED).when(notify).then([]);
      given(NOTIFIED)
        .when(withData(notify, { routes: [...notify.data.routes].reverse() }))
        .then([]);
    });

    it('records a notice that says something new', () => {
      given(NOTIFIED)
        .when(withData(notify, { method: 'in_person', note: '当面再次告知' }))
        .then([{ ...notified, data: { ...notified.data, method: 'in_person', note: '当面再次告知' } } as DisputeEvent]);
    });

    it('rejects a notice that names no route', () => {
      given(OPEN)
        .when(withData(notify, { routes: [] }))
        .thenThrows(DisputeError, rejects('DISPUTE.INVALID'));
    });
  });

  describe('ReferToMediation', () => {
    it('refers to a people’s mediation committee after the notice', () => {
      given(NOTIFIED).when(refer).then([referred()]);
      expect(fold(disputeDecider, REFERRED).route).toBe('peoples_mediation');
    });

    it('rejects mediation once a court has accepted a lawsuit [law: 条例 第38条, 第40条]', () => {
      const sued: DisputeEvent = {
        type: 'LitigationFiled',
        data: { ...ref, courtId: 'court-1', reference: '(2025)渝0103民初1号', filedAt: s(2) },
      };
      given([...NOTIFIED, sued])
        .when(refer)
        .thenThrows(DisputeError, rejects('DISPUTE.LITIGATION_ACCEPTED'));
    });

    it('rejects mediation before the notice of routes', () => {
      given(OPEN).when(refer).thenThrows(DisputeError, rejects('DISPUTE.ROUTES_NOT_NOTIFIED'));
    });

    it('rejects mediation while the linked disturbance is not stopped [S3 一(二)]', () => {
      given([openedFromIncident(false), notified])
        .when(refer)
        .thenThrows(DisputeError, rejects('DISPUTE.DISTURBANCE_NOT_STOPPED'));
    });

    it('allows it once the disturbance was stopped', () => {
      given([openedFromIncident(false), disturbanceStopped, notified])
        .when(refer)
        .then([referred()]);
    });

    it('rejects a second referral while one is under way', () => {
      given(REFERRED).when(refer).thenThrows(DisputeError, rejects('DISPUTE.MEDIATION_IN_PROGRESS'));
      given(MEDIATING).when(refer).thenThrows(DisputeError, rejects('DISPUTE.MEDIATION_IN_PROGRESS'));
    });

    it('rejects a referral once an agreement settled the dispute', () => {
      given(AGREED).when(refer).thenThrows(DisputeError, rejects('DISPUTE.AGREEMENT_EXISTS'));
    });

    it('an application for administrative mediation starts the commission’s 5-working-day decision clock [law: 条例 第40条]', () => {
      const [event] = disputeDecider.decide(
        {
          type: 'ReferToMediation',
          data: { kind: 'administrative_mediation', mediatorOrganisationId: 'hc-500103' },
          metadata: { actor: receiver, now: t(2) },
        },
        fold(disputeDecider, NOTIFIED),
      );
      expect(event).toEqual(referred(1, 'administrative_mediation'));
      expect(fold(disputeDecider, [...NOTIFIED, event!]).mediation?.acceptanceDeadlineId).toBe(acceptanceClock());
      // people's mediation: no acceptance period in the regulation
      expect(referred().data).toMatchObject({ clocks: [] });
    });

    it('after a failed mediation, administrative mediation is attempt 2', () => {
      given([...MEDIATING, failed('no_agreement')])
        .when({
          type: 'ReferToMediation',
          data: { kind: 'administrative_mediation', mediatorOrganisationId: 'hc-500103' },
          metadata: { actor: receiver, now: t(2) },
        })
        .then([referred(2, 'administrative_mediation')]);
    });
  });

  describe('RecordMediationRefused', () => {
    const refuse: DisputeCommand = {
      type: 'RecordMediationRefused',
      data: { reason: '患方拒绝调解，要求诉讼' },
      metadata: { actor: receiver, now: t(4) },
    };
    const refusal = (
      referralWithdrawn: boolean,
      over: Partial<Extract<DisputeEvent, { type: 'MediationRefusedByPatientSide' }>['data']> = {},
    ): DisputeEvent => ({
      type: 'MediationRefusedByPatientSide',
      data: {
        ...ref,
        reason: '患方拒绝调解，要求诉讼',
        refusedAt: s(4),
        referralWithdrawn,
        route: 'negotiation',
        remainingRoutes: ['negotiation', 'administrative_mediation', 'litigation'],
        refusedKind: 'peoples_mediation',
        clocks: [],
        ...over,
      },
    });

    it('records the refusal and offers every route that remains, not only litigation [S3 二(三)]', () => {
      given(NOTIFIED)
        .when(refuse)
        .then([refusal(false)]);
      const state = fold(disputeDecider, [...NOTIFIED, refusal(false)]);
      expect(state.route).toBe('negotiation');
      expect(state.remainingRoutes).toEqual(['negotiation', 'administrative_mediation', 'litigation']);
    });

    it('refusing administrative mediation leaves people’s mediation open, and withdraws the application: its acceptance clock is moot', () => {
      given([...NOTIFIED, referred(1, 'administrative_mediation')])
        .when(refuse)
        .then([
          refusal(true, {
            refusedKind: 'administrative_mediation',
            remainingRoutes: ['negotiation', 'peoples_mediation', 'litigation'],
            clocks: [{ action: 'stop', deadlineId: acceptanceClock(), at: s(4), outcome: 'moot', reason: 'application withdrawn' }],
          }),
        ]);
      given(NOTIFIED)
        .when(withData(refuse, { kind: 'administrative_mediation' }))
        .then([
          refusal(false, { refusedKind: 'administrative_mediation', remainingRoutes: ['negotiation', 'peoples_mediation', 'litigation'] }),
        ]);
    });

    it('an old refusal event (route litigation, no remainingRoutes) still folds', () => {
      const old = refusal(false, { route: 'litigation' });
      delete (old.data as { remainingRoutes?: unknown }).remainingRoutes;
      expect(fold(disputeDecider, [...NOTIFIED, old]).remainingRoutes).toEqual(['litigation']);
    });

    it('withdraws a referral not yet accepted', () => {
      given(REFERRED)
        .when(refuse)
        .then([refusal(true)]);
      expect(fold(disputeDecider, [...REFERRED, refusal(true)]).mediation?.phase).toBe('withdrawn');
    });

    it('rejects a refusal before the notice of routes', () => {
      given(OPEN).when(refuse).thenThrows(DisputeError, rejects('DISPUTE.ROUTES_NOT_NOTIFIED'));
    });

    it('rejects a refusal during accepted mediation (that is a failure)', () => {
      given(MEDIATING).when(refuse).thenThrows(DisputeError, rejects('DISPUTE.MEDIATION_IN_PROGRESS'));
    });
  });

  describe('FileLitigation', () => {
    const sue: DisputeCommand = {
      type: 'FileLitigation',
      data: { courtId: 'court-500103', reference: '(2025)渝0103民初88号' },
      metadata: { actor: receiver, now: t(9) },
    };

    it('records the lawsuit and the litigation route', () => {
      const filed: DisputeEvent = {
        type: 'LitigationFiled',
        data: {
          ...ref,
          courtId: 'court-500103',
          reference: '(2025)渝0103民初88号',
          filedAt: s(9),
        },
      };
      given(NOTIFIED).when(sue).then([filed]);
      expect(fold(disputeDecider, [...NOTIFIED, filed]).route).toBe('litigation');
    });

    const filed: DisputeEvent = {
      type: 'LitigationFiled',
      data: { ...ref, courtId: 'court-500103', reference: '(2025)渝0103民初88号', filedAt: s(9) },
    };
    const terminated = (kind: 'peoples_mediation' | 'administrative_mediation', clocks: DisputeClockInstruction[]): DisputeEvent => ({
      type: 'MediationFailed',
      data: {
        ...ref,
        attempt: 1,
        kind,
        reason: 'litigation_accepted',
        note: '当事人已向人民法院提起诉讼并已被受理，终止调解。',
        failedAt: s(9),
        clocks,
      },
    });

    it('rejects litigation before the notice', () => {
      given(OPEN).when(sue).thenThrows(DisputeError, rejects('DISPUTE.ROUTES_NOT_NOTIFIED'));
    });

    it('a lawsuit accepted during mediation ends it (终止调解 [law: 条例 第31条, 第40条]); the clock is moot, not breached', () => {
      given(MEDIATING)
        .when(sue)
        .then([
          filed,
          terminated('peoples_mediation', [
            { action: 'stop', deadlineId: peoplesClock, at: s(9), outcome: 'moot', reason: 'terminated: litigation accepted' },
          ]),
        ]);
      const state = fold(disputeDecider, [...MEDIATING, filed, terminated('peoples_mediation', [])]);
      expect(state.mediation?.phase).toBe('failed');
      expect(state.route).toBe('litigation');
    });

    it('a lawsuit accepted while the commission has not decided ends the application and its acceptance clock', () => {
      given([...NOTIFIED, referred(1, 'administrative_mediation')])
        .when(sue)
        .then([
          filed,
          terminated('administrative_mediation', [
            { action: 'stop', deadlineId: acceptanceClock(), at: s(9), outcome: 'moot', reason: 'terminated: litigation accepted' },
          ]),
        ]);
    });
  });
});
