import { DisputeError, DisputeErrorCode as Code } from './dispute.errors.js';
import { compensationTotal, inProgress, iso, requireLiability, requireOpen } from './dispute.rules.js';
import type { Decisions, Evolutions } from './dispute.state.js';

// Liability and settlement: liability agreed without an appraisal, and a settlement negotiated directly (协商).

export const settlementDecisions = {
  RecordLiabilityAgreement: (command, state) => {
    const ref = requireOpen(state);
    return [
      {
        type: 'LiabilityDetermined',
        data: {
          ...ref,
          basis: 'agreement',
          appraisalId: null,
          responsibility: command.liability.responsibility,
          summary: command.liability.summary,
          determinedAt: iso(command.at),
        },
      },
    ];
  },

  RecordNegotiatedSettlement: (command, state) => {
    const ref = requireOpen(state);
    if (inProgress(state.mediation)) throw new DisputeError(Code.MediationInProgress, 'A mediation is under way: settle through it.');
    if (state.agreement !== null) throw new DisputeError(Code.AgreementExists, 'The dispute is already settled by an agreement.');
    const totalFen = compensationTotal(command.compensation);
    if (totalFen > 0) requireLiability(state);
    return [
      {
        type: 'NegotiatedSettlementReached',
        data: {
          ...ref,
          agreementId: command.agreementId,
          terms: command.terms,
          compensation: command.compensation,
          totalFen,
          settledAt: iso(command.at),
        },
      },
    ];
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
