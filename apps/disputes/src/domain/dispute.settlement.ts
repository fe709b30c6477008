import { occurredAtOf } from '@pingan/platform';
import { DisputeError, DisputeErrorCode as Code } from './dispute.errors.js';
import { compensationTotal, inProgress, iso, requireLiability, requireOpen, oneEvent } from './dispute.rules.js';
import type { Decisions, Evolutions } from './dispute.state.js';

// Liability and settlement: liability agreed without an appraisal, and a settlement negotiated directly (协商).

export const settlementDecisions = {
  RecordLiabilityAgreement: (command, state) => {
    const ref = requireOpen(state);
    return oneEvent(ref, 'LiabilityDetermined', {
      basis: 'agreement',
      appraisalId: null,
      responsibility: command.data.liability.responsibility,
      summary: command.data.liability.summary,
      determinedAt: iso(occurredAtOf(command.metadata)),
    });
  },

  RecordNegotiatedSettlement: (command, state) => {
    const ref = requireOpen(state);
    if (inProgress(state.mediation)) throw new DisputeError(Code.MediationInProgress, 'A mediation is under way: settle through it.');
    if (state.agreement !== null) throw new DisputeError(Code.AgreementExists, 'The dispute is already settled by an agreement.');
    const totalFen = compensationTotal(command.data.compensation);
    if (totalFen > 0) requireLiability(state);
    return oneEvent(ref, 'NegotiatedSettlementReached', {
      agreementId: command.data.agreementId,
      terms: command.data.terms,
      compensation: command.data.compensation,
      totalFen,
      settledAt: iso(occurredAtOf(command.metadata)),
    });
  },
} satisfies Partial<Decisions>;

export const settlementEvolutions = {
  LiabilityDetermined: (state, event) => ({
    ...state,
    liability: {
      basis: event.data.basis,
      responsibility: event.data.responsibility,
    },
  }),
  NegotiatedSettlementReached: (state, event) => ({
    ...state,
    route: 'negotiation',
    agreement: {
      agreementId: event.data.agreementId,
      source: 'negotiation',
      totalFen: event.data.totalFen,
      paidFen: 0,
      judiciallyConfirmed: false,
      performed: false,
    },
  }),
} satisfies Partial<Evolutions>;
