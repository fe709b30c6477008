import { fold } from '@pingan/event-store';
import type { DisputeCommand } from './dispute.commands.js';
import { disputeDecider } from './dispute.decider.js';
import {
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
    const refusal = (referralWithdrawn: boolean): DisputeEvent => ({
      type: 'MediationRefusedByPatientSide',
      data: {
        ...ref,
        reason: '患方拒绝调解，要求诉讼',
        refusedAt: s(4),
        referralWithdrawn,
        route: 'litigation',
      },
    });

    it('records the refusal and moves the dispute to the legal route', () => {
      given(NOTIFIED)
        .when(refuse)
        .then([refusal(false)]);
      expect(fold(disputeDecider, [...NOTIFIED, refusal(false)]).route).toBe('litigation');
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

    it('rejects litigation before the notice, or during mediation', () => {
      given(OPEN).when(sue).thenThrows(DisputeError, rejects('DISPUTE.ROUTES_NOT_NOTIFIED'));
      given(MEDIATING).when(sue).thenThrows(DisputeError, rejects('DISPUTE.MEDIATION_IN_PROGRESS'));
    });
  });
});
