import { occurredAtOf } from '@pingan/platform';
import { DisputeError, DisputeErrorCode as Code } from './dispute.errors.js';
import { inProgress, invalid, iso, requireLiability, requireOpen, oneEvent } from './dispute.rules.js';
import type { Decisions, Evolutions } from './dispute.state.js';

// Performance and judicial confirmation: payments under an agreement, its performance, 司法确认, and closing the dispute.

export const performanceDecisions = {
  ConfirmAgreementJudicially: (command, state) => {
    const ref = requireOpen(state);
    const agreement = state.agreement;
    if (agreement === null) throw new DisputeError(Code.NoAgreement, 'There is no agreement to confirm.');
    if (agreement.source !== 'peoples_mediation') {
      throw new DisputeError(Code.JudicialConfirmationNotApplicable, "Judicial confirmation applies to people's mediation agreements.");
    }
    if (agreement.judiciallyConfirmed) return [];
    return oneEvent(ref, 'AgreementJudiciallyConfirmed', {
      agreementId: agreement.agreementId,
      courtId: command.data.courtId,
      rulingReference: command.data.rulingReference,
      confirmedAt: iso(occurredAtOf(command.metadata)),
    });
  },

  RecordCompensationPayment: (command, state) => {
    const ref = requireOpen(state);
    requireLiability(state);
    const agreement = state.agreement;
    if (agreement === null) throw new DisputeError(Code.NoAgreement, 'Compensation is paid under an agreement; none exists.');
    if (!Number.isInteger(command.data.amountFen) || command.data.amountFen <= 0) invalid('amountFen', 'A positive whole number of fen.');
    const paidTotalFen = agreement.paidFen + command.data.amountFen;
    if (paidTotalFen > agreement.totalFen) {
      throw new DisputeError(Code.PaymentExceedsAgreement, 'The payment would exceed the agreed compensation.');
    }
    return oneEvent(ref, 'CompensationPaid', {
      agreementId: agreement.agreementId,
      paymentId: command.data.paymentId,
      amountFen: command.data.amountFen,
      payer: command.data.payer,
      paidAt: iso(occurredAtOf(command.metadata)),
      paidTotalFen,
    });
  },

  RecordAgreementPerformed: (command, state) => {
    const ref = requireOpen(state);
    const agreement = state.agreement;
    if (agreement === null) throw new DisputeError(Code.NoAgreement, 'There is no agreement to perform.');
    if (agreement.performed) return [];
    if (agreement.paidFen < agreement.totalFen) {
      throw new DisputeError(Code.CompensationOutstanding, 'Agreed compensation is still unpaid.');
    }
    return oneEvent(ref, 'AgreementPerformed', {
      agreementId: agreement.agreementId,
      note: command.data.note,
      performedAt: iso(occurredAtOf(command.metadata)),
    });
  },

  CloseDispute: (command, state) => {
    const ref = requireOpen(state);
    if (inProgress(state.mediation)) throw new DisputeError(Code.MediationInProgress, 'End the mediation before closing the dispute.');
    if (command.data.outcome === 'agreement_performed') {
      if (state.agreement === null) throw new DisputeError(Code.NoAgreement, 'There is no agreement.');
      if (!state.agreement.performed) throw new DisputeError(Code.AgreementNotPerformed, 'The agreement has not been performed yet.');
    }
    return oneEvent(ref, 'DisputeClosed', {
      outcome: command.data.outcome,
      note: command.data.note,
      closedAt: iso(occurredAtOf(command.metadata)),
      clocks: state.riskReview
        ? [
            {
              action: 'stop',
              deadlineId: state.riskReview.deadlineId,
              at: iso(occurredAtOf(command.metadata)),
              reason: 'closed',
            },
          ]
        : [],
    });
  },
} satisfies Partial<Decisions>;

export const performanceEvolutions = {
  AgreementJudiciallyConfirmed: (state) =>
    state.agreement
      ? {
          ...state,
          agreement: { ...state.agreement, judiciallyConfirmed: true },
        }
      : state,
  CompensationPaid: (state, event) =>
    state.agreement
      ? {
          ...state,
          agreement: { ...state.agreement, paidFen: event.data.paidTotalFen },
        }
      : state,
  AgreementPerformed: (state) => (state.agreement ? { ...state, agreement: { ...state.agreement, performed: true } } : state),
  DisputeClosed: (state, event) => ({
    ...state,
    status: 'closed',
    closedAt: event.data.closedAt,
    closeOutcome: event.data.outcome,
    riskReview: null,
  }),
} satisfies Partial<Evolutions>;
