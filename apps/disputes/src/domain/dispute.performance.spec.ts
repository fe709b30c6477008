import type { DisputeCommand } from './dispute.commands.js';
import {
  given,
  ref,
  receiver,
  mediator,
  t,
  s,
  liabilityAgreed,
  settled,
  paid,
  performed,
  closed,
  NOTIFIED,
  MEDIATING,
  MEDIATING_LIABLE,
  AGREED,
  notify,
  pay,
  rejects,
} from './dispute.decider.fixtures.js';
import { DisputeError } from './dispute.errors.js';
import type { DisputeEvent } from './dispute.events.js';

describe('dispute decider', () => {
  describe('ConfirmAgreementJudicially (司法确认)', () => {
    const confirm: DisputeCommand = {
      type: 'ConfirmAgreementJudicially',
      data: { courtId: 'court-500103', rulingReference: '(2025)渝0103民特12号' },
      metadata: { actor: mediator, now: t(15) },
    };
    const confirmed: DisputeEvent = {
      type: 'AgreementJudiciallyConfirmed',
      data: {
        ...ref,
        agreementId: 'agr-1',
        courtId: 'court-500103',
        rulingReference: '(2025)渝0103民特12号',
        confirmedAt: s(15),
      },
    };

    it('confirms a people’s mediation agreement, once', () => {
      given(AGREED).when(confirm).then([confirmed]);
      given([...AGREED, confirmed])
        .when(confirm)
        .thenNothingHappens();
    });

    it('rejects confirmation without an agreement, or of a negotiated settlement', () => {
      given(MEDIATING).when(confirm).thenThrows(DisputeError, rejects('DISPUTE.NO_AGREEMENT'));
      given([...NOTIFIED, liabilityAgreed, settled])
        .when(confirm)
        .thenThrows(DisputeError, rejects('DISPUTE.JUDICIAL_CONFIRMATION_NOT_APPLICABLE'));
    });
  });

  describe('RecordCompensationPayment', () => {
    it('records a payment under the agreement', () => {
      given(AGREED)
        .when(pay(1_000_000))
        .then([paid(1_000_000, 1_000_000)]);
    });

    it('rejects compensation paid before liability is determined (不得赔钱息事)', () => {
      given(NOTIFIED)
        .when(pay(100_000))
        .thenThrows(DisputeError, {
          ...rejects('DISPUTE.LIABILITY_NOT_DETERMINED'),
          status: 422,
        });
    });

    it('rejects a payment with no agreement, beyond the agreement, or of a bad amount', () => {
      given(MEDIATING_LIABLE).when(pay(100_000)).thenThrows(DisputeError, rejects('DISPUTE.NO_AGREEMENT'));
      given([...AGREED, paid(1_000_000, 1_000_000)])
        .when(pay(600_000))
        .thenThrows(DisputeError, rejects('DISPUTE.PAYMENT_EXCEEDS_AGREEMENT'));
      given(AGREED).when(pay(-5)).thenThrows(DisputeError, rejects('DISPUTE.INVALID'));
    });
  });

  describe('RecordAgreementPerformed', () => {
    const perform: DisputeCommand = {
      type: 'RecordAgreementPerformed',
      data: { note: '已履行' },
      metadata: { actor: receiver, now: t(21) },
    };

    it('records performance once everything agreed is paid, once', () => {
      given([...AGREED, paid(1_500_000, 1_500_000)])
        .when(perform)
        .then([performed]);
      given([...AGREED, paid(1_500_000, 1_500_000), performed])
        .when(perform)
        .thenNothingHappens();
    });

    it('rejects performance with compensation outstanding or without an agreement', () => {
      given([...AGREED, paid(1_000_000, 1_000_000)])
        .when(perform)
        .thenThrows(DisputeError, rejects('DISPUTE.COMPENSATION_OUTSTANDING'));
      given(MEDIATING).when(perform).thenThrows(DisputeError, rejects('DISPUTE.NO_AGREEMENT'));
    });
  });

  describe('CloseDispute', () => {
    const close = (outcome: 'withdrawn' | 'agreement_performed'): DisputeCommand => ({
      type: 'CloseDispute',
      data: { outcome, note: '患方撤回投诉' },
      metadata: { actor: receiver, now: t(30) },
    });

    it('closes and stops the risk-review clock', () => {
      given(NOTIFIED).when(close('withdrawn')).then([closed]);
    });

    it('rejects closing during mediation, or as performed without a performed agreement', () => {
      given(MEDIATING).when(close('withdrawn')).thenThrows(DisputeError, rejects('DISPUTE.MEDIATION_IN_PROGRESS'));
      given(NOTIFIED).when(close('agreement_performed')).thenThrows(DisputeError, rejects('DISPUTE.NO_AGREEMENT'));
      given(AGREED).when(close('agreement_performed')).thenThrows(DisputeError, rejects('DISPUTE.AGREEMENT_NOT_PERFORMED'));
    });

    it('rejects any command on a closed dispute', () => {
      given([...NOTIFIED, closed])
        .when(notify)
        .thenThrows(DisputeError, rejects('DISPUTE.CLOSED'));
      given([...NOTIFIED, closed])
        .when(close('withdrawn'))
        .thenThrows(DisputeError, rejects('DISPUTE.CLOSED'));
    });
  });
});
