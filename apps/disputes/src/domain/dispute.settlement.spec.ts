import type { DisputeCommand } from './dispute.commands.js';
import {
  given,
  receiver,
  mediator,
  t,
  compensation,
  opened,
  liabilityAgreed,
  settled,
  NOTIFIED,
  MEDIATING,
  MEDIATING_LIABLE,
  rejects,
} from './dispute.decider.fixtures.js';
import { DisputeError } from './dispute.errors.js';

describe('dispute decider', () => {
  describe('RecordLiabilityAgreement', () => {
    it('records an agreed determination of liability', () => {
      given(MEDIATING)
        .when({
          type: 'RecordLiabilityAgreement',
          data: {
            liability: {
              responsibility: 'secondary',
              summary: '院方承担次要责任',
            },
          },
          metadata: { actor: mediator, now: t(6) },
        })
        .then([liabilityAgreed]);
    });
  });

  describe('RecordNegotiatedSettlement (协商)', () => {
    const settle: DisputeCommand = {
      type: 'RecordNegotiatedSettlement',
      data: { agreementId: 'agr-n', terms: '协商一致', compensation },
      metadata: { actor: receiver, now: t(8) },
    };

    it('settles by negotiation once liability is determined (negotiation needs no notice)', () => {
      given([opened, liabilityAgreed]).when(settle).then([settled]);
    });

    it('rejects compensation before liability is determined', () => {
      given(NOTIFIED).when(settle).thenThrows(DisputeError, rejects('DISPUTE.LIABILITY_NOT_DETERMINED'));
    });

    it('rejects a settlement beside a running mediation or a second agreement', () => {
      given(MEDIATING_LIABLE).when(settle).thenThrows(DisputeError, rejects('DISPUTE.MEDIATION_IN_PROGRESS'));
      given([...NOTIFIED, liabilityAgreed, settled])
        .when(settle)
        .thenThrows(DisputeError, rejects('DISPUTE.AGREEMENT_EXISTS'));
    });
  });
});
