import type {
  Actor,
  DisputeClockInstruction,
  DisputeCloseOutcome,
  DisputeDeadlineRuleName,
  DisputeMediationFailureReason,
  DisputeMediationKind,
  DisputeRef,
  DisputeRoute,
} from '@pingan/contracts';
import type { Decider } from '@pingan/event-store';
import type { CompensationItem, DisputeCommand, Responsibility } from './dispute.commands.js';
import { DisputeError, DisputeErrorCode as Code } from './dispute.errors.js';
import type { DisputeEvent } from './dispute.events.js';

type Who = { userId: string; organisationId: string };

export type MediationState = {
  attempt: number;
  kind: DisputeMediationKind;
  mediatorOrganisationId: string;
  phase: 'referred' | 'accepted' | 'agreed' | 'failed' | 'withdrawn';
  /** The clock of this attempt, once accepted. */
  deadlineId: string | null;
  clockPaused: boolean;
  failureReason: DisputeMediationFailureReason | null;
  sessions: number;
  extendedWorkingDays: number;
};

export type AgreementState = {
  agreementId: string;
  source: 'negotiation' | DisputeMediationKind;
  totalFen: number;
  paidFen: number;
  judiciallyConfirmed: boolean;
  performed: boolean;
};

export type DisputeState = {
  status: 'none' | 'open' | 'closed';
  ref: DisputeRef | null;
  origin: 'complaint' | 'incident' | null;
  openedAt: string | null;
  closedAt: string | null;
  closeOutcome: DisputeCloseOutcome | null;
  supervisingOrganisationId: string | null;
  /** 首诉负责人: the first receiver, until handed over. Null for a dispute opened from an incident until assigned. */
  owner: Who | null;
  handovers: number;
  partyCount: number;
  incident: { incidentId: string; disturbanceStopped: boolean } | null;
  routesNotified: boolean;
  route: DisputeRoute;
  /** The current (or last) mediation attempt. */
  mediation: MediationState | null;
  mediationFailures: { expired: number; other: number };
  appraisal: { appraisalId: string; pending: boolean } | null;
  appraisalsConcluded: number;
  liability: {
    basis: 'appraisal' | 'agreement';
    responsibility: Responsibility;
  } | null;
  agreement: AgreementState | null;
  escalationRisk: boolean;
  escalationFlags: number;
  /** The running risk-review clock; `sequence` numbers them. */
  riskReview: { deadlineId: string; sequence: number } | null;
  riskReviews: number;
};

export const initialDisputeState = (): DisputeState => ({
  status: 'none',
  ref: null,
  origin: null,
  openedAt: null,
  closedAt: null,
  closeOutcome: null,
  supervisingOrganisationId: null,
  owner: null,
  handovers: 0,
  partyCount: 0,
  incident: null,
  routesNotified: false,
  route: 'negotiation',
  mediation: null,
  mediationFailures: { expired: 0, other: 0 },
  appraisal: null,
  appraisalsConcluded: 0,
  liability: null,
  agreement: null,
  escalationRisk: false,
  escalationFlags: 0,
  riskReview: null,
  riskReviews: 0,
});

/** Deterministic clock ids, so a redelivered event starts the same clock. */
export const deadlineIdFor = (disputeId: string, rule: DisputeDeadlineRuleName, n: number): string => `${disputeId}/${rule}/${n}`;

const mediationRule = (kind: DisputeMediationKind): DisputeDeadlineRuleName =>
  kind === 'peoples_mediation' ? 'peoples-mediation' : 'administrative-mediation';

const iso = (date: Date): string => date.toISOString();
const who = (actor: Actor): Who => ({
  userId: actor.userId,
  organisationId: actor.organisationId,
});
const blank = (text: string | undefined): boolean => text === undefined || text.trim() === '';

function invalid(field: string, message: string): never {
  throw new DisputeError(Code.Invalid, message, [{ field, code: 'invalid', message }]);
}

function requireOpen(state: DisputeState): DisputeRef {
  if (state.status === 'none' || state.ref === null) throw new DisputeError(Code.NotFound, 'No such dispute.');
  if (state.status === 'closed') throw new DisputeError(Code.Closed, 'The dispute is closed.');
  return state.ref;
}

/** Nothing beyond negotiation before the patient side has been told the routes [S3 二(三)]. */
function requireRoutesNotified(state: DisputeState): void {
  if (!state.routesNotified) {
    throw new DisputeError(Code.RoutesNotNotified, 'The patient side must first be told the routes, methods and procedure (多元化解告知).');
  }
}

/** No mediation while the disturbance goes on [S3 一(二)]. */
function requireDisturbanceStopped(state: DisputeState): void {
  if (state.incident !== null && !state.incident.disturbanceStopped) {
    throw new DisputeError(
      Code.DisturbanceNotStopped,
      'Mediation cannot start before the disturbance of the linked incident has been stopped.',
    );
  }
}

/** No compensation before liability is determined (责任未认定前不得赔钱息事) [S3 二(三)]. */
function requireLiability(state: DisputeState): void {
  if (state.liability === null) {
    throw new DisputeError(
      Code.LiabilityNotDetermined,
      'Liability must be determined (appraisal or agreed determination) before any compensation.',
    );
  }
}

const inProgress = (mediation: MediationState | null): boolean =>
  mediation !== null && (mediation.phase === 'referred' || mediation.phase === 'accepted');

function activeMediation(state: DisputeState): MediationState {
  const mediation = state.mediation;
  if (mediation?.phase === 'accepted') return mediation;
  if (mediation?.phase === 'failed' && mediation.failureReason === 'expired') {
    throw new DisputeError(Code.MediationExpired, 'The mediation period ran out without agreement; mediation counts as failed.');
  }
  throw new DisputeError(Code.MediationNotActive, 'No mediation is under way.');
}

function requireMediator(actor: Actor, mediation: MediationState): void {
  if (actor.organisationId !== mediation.mediatorOrganisationId) {
    throw new DisputeError(Code.NotMediator, 'Only the mediating organisation may do this.');
  }
}

function compensationTotal(items: CompensationItem[]): number {
  items.forEach((item, i) => {
    if (blank(item.head)) invalid(`compensation[${i}].head`, 'Each compensation item needs a head.');
    if (!Number.isInteger(item.amountFen) || item.amountFen <= 0) {
      invalid(`compensation[${i}].amountFen`, 'Amounts are positive whole numbers of fen.');
    }
  });
  return items.reduce((sum, item) => sum + item.amountFen, 0);
}

function riskReviewStart(ref: DisputeRef, sequence: number, at: Date, supervisingOrganisationId: string | null): DisputeClockInstruction {
  return {
    action: 'start',
    deadlineId: deadlineIdFor(ref.disputeId, 'dispute-risk-review', sequence),
    subject: ref.caseNumber,
    rule: 'dispute-risk-review',
    startedAt: iso(at),
    responsibleOrganisationId: ref.hospitalId,
    supervisingOrganisationId,
  };
}

export function decide(command: DisputeCommand, state: DisputeState): DisputeEvent[] {
  switch (command.type) {
    case 'ReceiveComplaint':
    case 'OpenDisputeFromIncident': {
      if (state.status !== 'none') {
        // A redelivered incident event opens nothing twice.
        const sameIncident = command.type === 'OpenDisputeFromIncident' && state.incident?.incidentId === command.incidentId;
        if (sameIncident) return [];
        throw new DisputeError(Code.AlreadyExists, 'This dispute already exists.');
      }
      if (blank(command.summary)) invalid('summary', 'A summary is required.');
      if (command.parties.length === 0) invalid('parties', 'At least one party of the patient side is required.');
      const ref: DisputeRef = {
        disputeId: command.disputeId,
        caseNumber: command.caseNumber,
        hospitalId: command.hospitalId,
        regionCode: command.regionCode,
      };
      const supervisingOrganisationId = command.supervisingOrganisationId ?? null;
      return [
        {
          type: 'DisputeOpened',
          data: {
            ...ref,
            origin:
              command.type === 'ReceiveComplaint'
                ? { kind: 'complaint', receivedBy: who(command.actor) }
                : { kind: 'incident', incidentId: command.incidentId },
            openedAt: iso(command.at),
            summary: command.summary,
            parties: command.parties,
            claims: command.claims,
            disturbanceStopped: command.type === 'OpenDisputeFromIncident' ? command.disturbanceStopped : null,
            supervisingOrganisationId,
            clocks: [riskReviewStart(ref, 1, command.at, supervisingOrganisationId)],
          },
        },
      ];
    }

    case 'HandOverDispute': {
      const ref = requireOpen(state);
      if (blank(command.reason)) throw new DisputeError(Code.HandoverReasonRequired, 'A handover needs a reason (首诉负责制).');
      const owner = state.owner;
      const mayHandOver = owner === null ? command.actor.organisationId === ref.hospitalId : command.actor.userId === owner.userId;
      if (!mayHandOver) throw new DisputeError(Code.NotOwner, 'Only the person responsible for the dispute may hand it over.');
      if (owner?.userId === command.to.userId && owner.organisationId === command.to.organisationId) return [];
      return [
        {
          type: 'DisputeHandedOver',
          data: {
            ...ref,
            from: owner,
            to: command.to,
            reason: command.reason,
            handedOverAt: iso(command.at),
          },
        },
      ];
    }

    case 'RecordIncidentDisturbanceStopped': {
      const ref = requireOpen(state);
      if (state.incident?.incidentId !== command.incidentId) {
        throw new DisputeError(Code.IncidentNotLinked, 'That incident is not linked to this dispute.');
      }
      if (state.incident.disturbanceStopped) return [];
      return [
        {
          type: 'IncidentDisturbanceStopped',
          data: {
            ...ref,
            incidentId: command.incidentId,
            stoppedAt: iso(command.stoppedAt),
          },
        },
      ];
    }

    case 'NotifyResolutionRoutes': {
      const ref = requireOpen(state);
      if (command.routes.length === 0) invalid('routes', 'Name the routes the patient side was told about.');
      return [
        {
          type: 'ResolutionRoutesNotified',
          data: {
            ...ref,
            routes: command.routes,
            method: command.method,
            note: command.note,
            notifiedAt: iso(command.at),
            notifiedBy: who(command.actor),
          },
        },
      ];
    }

    case 'ReferToMediation': {
      const ref = requireOpen(state);
      requireRoutesNotified(state);
      requireDisturbanceStopped(state);
      if (inProgress(state.mediation)) throw new DisputeError(Code.MediationInProgress, 'A mediation is already under way.');
      if (state.agreement !== null) throw new DisputeError(Code.AgreementExists, 'The dispute is already settled by an agreement.');
      return [
        {
          type: 'MediationReferred',
          data: {
            ...ref,
            attempt: (state.mediation?.attempt ?? 0) + 1,
            kind: command.kind,
            mediatorOrganisationId: command.mediatorOrganisationId,
            referredAt: iso(command.at),
          },
        },
      ];
    }

    case 'RecordMediationRefused': {
      const ref = requireOpen(state);
      requireRoutesNotified(state);
      if (state.mediation?.phase === 'accepted') {
        throw new DisputeError(Code.MediationInProgress, 'Mediation is under way: record its failure (party withdrew) instead.');
      }
      return [
        {
          type: 'MediationRefusedByPatientSide',
          data: {
            ...ref,
            reason: command.reason,
            refusedAt: iso(command.at),
            referralWithdrawn: state.mediation?.phase === 'referred',
            route: 'litigation',
          },
        },
      ];
    }

    case 'AcceptMediation': {
      const ref = requireOpen(state);
      const mediation = state.mediation;
      if (mediation === null || (mediation.phase !== 'referred' && mediation.phase !== 'accepted')) {
        throw new DisputeError(Code.MediationNotReferred, 'The dispute has not been referred to mediation.');
      }
      requireMediator(command.actor, mediation);
      // The disturbance was checked at referral, and a stopped disturbance stays stopped.
      if (mediation.phase === 'accepted') return [];
      const deadlineId = deadlineIdFor(ref.disputeId, mediationRule(mediation.kind), mediation.attempt);
      const clocks: DisputeClockInstruction[] = [
        {
          action: 'start',
          deadlineId,
          subject: ref.caseNumber,
          rule: mediationRule(mediation.kind),
          startedAt: iso(command.at),
          responsibleOrganisationId: mediation.mediatorOrganisationId,
          supervisingOrganisationId: command.supervisingOrganisationId ?? null,
        },
      ];
      // An appraisal already under way: its time does not count from the start.
      if (state.appraisal?.pending)
        clocks.push({
          action: 'pause',
          deadlineId,
          at: iso(command.at),
          reason: 'appraisal',
        });
      return [
        {
          type: 'MediationAccepted',
          data: {
            ...ref,
            attempt: mediation.attempt,
            kind: mediation.kind,
            mediatorOrganisationId: mediation.mediatorOrganisationId,
            acceptedAt: iso(command.at),
            clocks,
          },
        },
      ];
    }

    case 'RecordMediationSession': {
      const ref = requireOpen(state);
      const mediation = activeMediation(state);
      requireMediator(command.actor, mediation);
      if (command.attendees.length === 0) invalid('attendees', 'A session has attendees.');
      return [
        {
          type: 'MediationSessionHeld',
          data: {
            ...ref,
            attempt: mediation.attempt,
            sessionId: command.sessionId,
            heldAt: iso(command.heldAt),
            attendees: command.attendees,
            notes: command.notes,
          },
        },
      ];
    }

    case 'RequestAppraisal': {
      const ref = requireOpen(state);
      if (state.appraisal?.pending) throw new DisputeError(Code.AppraisalPending, 'An appraisal is already under way.');
      const mediation = state.mediation;
      const clocks: DisputeClockInstruction[] =
        mediation?.phase === 'accepted' && mediation.deadlineId !== null && !mediation.clockPaused
          ? [
              {
                action: 'pause',
                deadlineId: mediation.deadlineId,
                at: iso(command.at),
                reason: 'appraisal',
              },
            ]
          : [];
      return [
        {
          type: 'AppraisalRequested',
          data: {
            ...ref,
            appraisalId: command.appraisalId,
            kind: command.kind,
            appraiser: command.appraiser,
            requestedAt: iso(command.at),
            clocks,
          },
        },
      ];
    }

    case 'RecordAppraisalResult': {
      const ref = requireOpen(state);
      if (!state.appraisal?.pending || state.appraisal.appraisalId !== command.appraisalId) {
        throw new DisputeError(Code.NoAppraisalPending, 'No such appraisal is under way.');
      }
      const mediation = state.mediation;
      const clocks: DisputeClockInstruction[] =
        mediation?.phase === 'accepted' && mediation.deadlineId !== null && mediation.clockPaused
          ? [
              {
                action: 'resume',
                deadlineId: mediation.deadlineId,
                at: iso(command.at),
              },
            ]
          : [];
      const { result } = command;
      const events: DisputeEvent[] = [
        {
          type: 'AppraisalCompleted',
          data: {
            ...ref,
            appraisalId: command.appraisalId,
            outcome: result.outcome,
            reportReference: command.reportReference,
            terminationReason: result.outcome === 'terminated' ? result.reason : null,
            completedAt: iso(command.at),
            clocks,
          },
        },
      ];
      if (result.outcome === 'concluded') {
        events.push({
          type: 'LiabilityDetermined',
          data: {
            ...ref,
            basis: 'appraisal',
            appraisalId: command.appraisalId,
            responsibility: result.liability.responsibility,
            summary: result.liability.summary,
            determinedAt: iso(command.at),
          },
        });
      }
      return events;
    }

    case 'RecordLiabilityAgreement': {
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
    }

    case 'ExtendMediation': {
      const ref = requireOpen(state);
      const mediation = activeMediation(state);
      requireMediator(command.actor, mediation);
      if (mediation.kind !== 'peoples_mediation') {
        throw new DisputeError(Code.ExtensionNotAllowed, "Only a people's mediation period may be extended by agreement (条例 第38条).");
      }
      if (!Number.isInteger(command.workingDays) || command.workingDays <= 0)
        invalid('workingDays', 'A positive whole number of working days.');
      if (blank(command.reason)) invalid('reason', 'An extension needs a reason.');
      return [
        {
          type: 'MediationExtended',
          data: {
            ...ref,
            attempt: mediation.attempt,
            workingDays: command.workingDays,
            reason: command.reason,
            extendedAt: iso(command.at),
            clocks: [
              {
                action: 'extend',
                deadlineId: mediation.deadlineId!,
                at: iso(command.at),
                by: { unit: 'working_days', amount: command.workingDays },
                reason: command.reason,
              },
            ],
          },
        },
      ];
    }

    case 'RecordMediationAgreement': {
      const ref = requireOpen(state);
      const mediation = activeMediation(state);
      requireMediator(command.actor, mediation);
      const totalFen = compensationTotal(command.compensation);
      if (totalFen > 0) requireLiability(state);
      return [
        {
          type: 'MediationAgreed',
          data: {
            ...ref,
            attempt: mediation.attempt,
            kind: mediation.kind,
            agreementId: command.agreementId,
            agreedAt: iso(command.at),
            terms: command.terms,
            compensation: command.compensation,
            totalFen,
            clocks: [
              {
                action: 'stop',
                deadlineId: mediation.deadlineId!,
                at: iso(command.at),
                reason: 'agreement',
              },
            ],
          },
        },
      ];
    }

    case 'ConfirmAgreementJudicially': {
      const ref = requireOpen(state);
      const agreement = state.agreement;
      if (agreement === null) throw new DisputeError(Code.NoAgreement, 'There is no agreement to confirm.');
      if (agreement.source !== 'peoples_mediation') {
        throw new DisputeError(Code.JudicialConfirmationNotApplicable, "Judicial confirmation applies to people's mediation agreements.");
      }
      if (agreement.judiciallyConfirmed) return [];
      return [
        {
          type: 'AgreementJudiciallyConfirmed',
          data: {
            ...ref,
            agreementId: agreement.agreementId,
            courtId: command.courtId,
            rulingReference: command.rulingReference,
            confirmedAt: iso(command.at),
          },
        },
      ];
    }

    case 'FailMediation': {
      const ref = requireOpen(state);
      const mediation = state.mediation?.phase === 'referred' ? state.mediation : activeMediation(state);
      requireMediator(command.actor, mediation);
      return [
        {
          type: 'MediationFailed',
          data: {
            ...ref,
            attempt: mediation.attempt,
            kind: mediation.kind,
            reason: command.reason,
            note: command.note,
            failedAt: iso(command.at),
            clocks:
              mediation.deadlineId === null
                ? []
                : [
                    {
                      action: 'stop',
                      deadlineId: mediation.deadlineId,
                      at: iso(command.at),
                      reason: `failed: ${command.reason}`,
                    },
                  ],
          },
        },
      ];
    }

    case 'FailMediationOnExpiry': {
      // Driven by a DeadlineBreached: anything but the running mediation of that clock is a no-op.
      const mediation = state.mediation;
      if (state.status !== 'open' || state.ref === null) return [];
      if (mediation?.phase !== 'accepted' || mediation.deadlineId !== command.deadlineId) return [];
      return [
        {
          type: 'MediationFailed',
          data: {
            ...state.ref,
            attempt: mediation.attempt,
            kind: mediation.kind,
            reason: 'expired',
            note: 'The mediation period ran out without agreement (视为调解不成).',
            failedAt: iso(command.at),
            clocks: [], // the clock breached: it is already final
          },
        },
      ];
    }

    case 'RecordNegotiatedSettlement': {
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
    }

    case 'FileLitigation': {
      const ref = requireOpen(state);
      requireRoutesNotified(state);
      if (inProgress(state.mediation)) throw new DisputeError(Code.MediationInProgress, 'End the mediation before recording a lawsuit.');
      return [
        {
          type: 'LitigationFiled',
          data: {
            ...ref,
            courtId: command.courtId,
            reference: command.reference,
            filedAt: iso(command.at),
          },
        },
      ];
    }

    case 'RecordCompensationPayment': {
      const ref = requireOpen(state);
      requireLiability(state);
      const agreement = state.agreement;
      if (agreement === null) throw new DisputeError(Code.NoAgreement, 'Compensation is paid under an agreement; none exists.');
      if (!Number.isInteger(command.amountFen) || command.amountFen <= 0) invalid('amountFen', 'A positive whole number of fen.');
      const paidTotalFen = agreement.paidFen + command.amountFen;
      if (paidTotalFen > agreement.totalFen) {
        throw new DisputeError(Code.PaymentExceedsAgreement, 'The payment would exceed the agreed compensation.');
      }
      return [
        {
          type: 'CompensationPaid',
          data: {
            ...ref,
            agreementId: agreement.agreementId,
            paymentId: command.paymentId,
            amountFen: command.amountFen,
            payer: command.payer,
            paidAt: iso(command.at),
            paidTotalFen,
          },
        },
      ];
    }

    case 'RecordAgreementPerformed': {
      const ref = requireOpen(state);
      const agreement = state.agreement;
      if (agreement === null) throw new DisputeError(Code.NoAgreement, 'There is no agreement to perform.');
      if (agreement.performed) return [];
      if (agreement.paidFen < agreement.totalFen) {
        throw new DisputeError(Code.CompensationOutstanding, 'Agreed compensation is still unpaid.');
      }
      return [
        {
          type: 'AgreementPerformed',
          data: {
            ...ref,
            agreementId: agreement.agreementId,
            note: command.note,
            performedAt: iso(command.at),
          },
        },
      ];
    }

    case 'FlagEscalationRisk': {
      const ref = requireOpen(state);
      if (command.reasons.length === 0 || command.reasons.some(blank)) invalid('reasons', 'Say why the dispute may escalate.');
      return [
        {
          type: 'DisputeFlaggedAsEscalationRisk',
          data: {
            ...ref,
            flaggedAt: iso(command.at),
            reasons: command.reasons,
            partyCount: state.partyCount,
            incidentId: state.incident?.incidentId ?? null,
            flaggedBy: who(command.actor),
          },
        },
      ];
    }

    case 'ClearEscalationRisk': {
      const ref = requireOpen(state);
      if (!state.escalationRisk) throw new DisputeError(Code.RiskNotFlagged, 'The dispute is not flagged as an escalation risk.');
      return [
        {
          type: 'DisputeEscalationRiskCleared',
          data: { ...ref, clearedAt: iso(command.at), reason: command.reason },
        },
      ];
    }

    case 'RecordRiskReview': {
      const ref = requireOpen(state);
      const sequence = (state.riskReview?.sequence ?? 0) + 1;
      const clocks: DisputeClockInstruction[] = [];
      if (state.riskReview)
        clocks.push({
          action: 'stop',
          deadlineId: state.riskReview.deadlineId,
          at: iso(command.at),
          reason: 'reviewed',
        });
      clocks.push(riskReviewStart(ref, sequence, command.at, state.supervisingOrganisationId));
      return [
        {
          type: 'RiskReviewRecorded',
          data: {
            ...ref,
            riskLevel: command.riskLevel,
            findings: command.findings,
            measures: command.measures,
            reviewedAt: iso(command.at),
            reviewedBy: who(command.actor),
            clocks,
          },
        },
      ];
    }

    case 'CloseDispute': {
      const ref = requireOpen(state);
      if (inProgress(state.mediation)) throw new DisputeError(Code.MediationInProgress, 'End the mediation before closing the dispute.');
      if (command.outcome === 'agreement_performed') {
        if (state.agreement === null) throw new DisputeError(Code.NoAgreement, 'There is no agreement.');
        if (!state.agreement.performed) throw new DisputeError(Code.AgreementNotPerformed, 'The agreement has not been performed yet.');
      }
      return [
        {
          type: 'DisputeClosed',
          data: {
            ...ref,
            outcome: command.outcome,
            note: command.note,
            closedAt: iso(command.at),
            clocks: state.riskReview
              ? [
                  {
                    action: 'stop',
                    deadlineId: state.riskReview.deadlineId,
                    at: iso(command.at),
                    reason: 'closed',
                  },
                ]
              : [],
          },
        },
      ];
    }

    default: {
      const unknown: never = command;
      throw new Error(`Unknown command: ${(unknown as { type: string }).type}`);
    }
  }
}

const withMediation = (state: DisputeState, change: Partial<MediationState>): DisputeState =>
  state.mediation === null ? state : { ...state, mediation: { ...state.mediation, ...change } };

export function evolve(state: DisputeState, event: DisputeEvent): DisputeState {
  switch (event.type) {
    case 'DisputeOpened': {
      const { disputeId, caseNumber, hospitalId, regionCode, origin } = event.data;
      const start = event.data.clocks.find((clock) => clock.action === 'start');
      return {
        ...state,
        status: 'open',
        ref: { disputeId, caseNumber, hospitalId, regionCode },
        origin: origin.kind,
        openedAt: event.data.openedAt,
        supervisingOrganisationId: event.data.supervisingOrganisationId,
        owner: origin.kind === 'complaint' ? origin.receivedBy : null,
        incident:
          origin.kind === 'incident'
            ? {
                incidentId: origin.incidentId,
                disturbanceStopped: event.data.disturbanceStopped === true,
              }
            : null,
        partyCount: event.data.parties.length,
        riskReview: start ? { deadlineId: start.deadlineId, sequence: 1 } : null,
      };
    }
    case 'DisputeHandedOver':
      return { ...state, owner: event.data.to, handovers: state.handovers + 1 };
    case 'IncidentDisturbanceStopped':
      return state.incident
        ? {
            ...state,
            incident: { ...state.incident, disturbanceStopped: true },
          }
        : state;
    case 'ResolutionRoutesNotified':
      return { ...state, routesNotified: true };
    case 'MediationReferred':
      return {
        ...state,
        route: event.data.kind,
        mediation: {
          attempt: event.data.attempt,
          kind: event.data.kind,
          mediatorOrganisationId: event.data.mediatorOrganisationId,
          phase: 'referred',
          deadlineId: null,
          clockPaused: false,
          failureReason: null,
          sessions: 0,
          extendedWorkingDays: 0,
        },
      };
    case 'MediationRefusedByPatientSide': {
      const next = { ...state, route: event.data.route };
      return event.data.referralWithdrawn ? withMediation(next, { phase: 'withdrawn' }) : next;
    }
    case 'MediationAccepted': {
      const start = event.data.clocks.find((clock) => clock.action === 'start');
      return withMediation(state, {
        phase: 'accepted',
        deadlineId: start?.deadlineId ?? null,
        clockPaused: event.data.clocks.some((clock) => clock.action === 'pause'),
      });
    }
    case 'MediationSessionHeld':
      return withMediation(state, {
        sessions: (state.mediation?.sessions ?? 0) + 1,
      });
    case 'AppraisalRequested': {
      const next = {
        ...state,
        appraisal: { appraisalId: event.data.appraisalId, pending: true },
      };
      return event.data.clocks.some((clock) => clock.action === 'pause') ? withMediation(next, { clockPaused: true }) : next;
    }
    case 'AppraisalCompleted': {
      const next: DisputeState = {
        ...state,
        appraisal: { appraisalId: event.data.appraisalId, pending: false },
        appraisalsConcluded: state.appraisalsConcluded + (event.data.outcome === 'concluded' ? 1 : 0),
      };
      return event.data.clocks.some((clock) => clock.action === 'resume') ? withMediation(next, { clockPaused: false }) : next;
    }
    case 'LiabilityDetermined':
      return {
        ...state,
        liability: {
          basis: event.data.basis,
          responsibility: event.data.responsibility,
        },
      };
    case 'MediationExtended':
      return withMediation(state, {
        extendedWorkingDays: (state.mediation?.extendedWorkingDays ?? 0) + event.data.workingDays,
      });
    case 'MediationAgreed':
      return {
        ...withMediation(state, { phase: 'agreed' }),
        agreement: {
          agreementId: event.data.agreementId,
          source: event.data.kind,
          totalFen: event.data.totalFen,
          paidFen: 0,
          judiciallyConfirmed: false,
          performed: false,
        },
      };
    case 'AgreementJudiciallyConfirmed':
      return state.agreement
        ? {
            ...state,
            agreement: { ...state.agreement, judiciallyConfirmed: true },
          }
        : state;
    case 'MediationFailed': {
      const expired = event.data.reason === 'expired';
      return {
        ...withMediation(state, {
          phase: 'failed',
          failureReason: event.data.reason,
        }),
        mediationFailures: {
          expired: state.mediationFailures.expired + (expired ? 1 : 0),
          other: state.mediationFailures.other + (expired ? 0 : 1),
        },
      };
    }
    case 'NegotiatedSettlementReached':
      return {
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
      };
    case 'LitigationFiled':
      return { ...state, route: 'litigation' };
    case 'CompensationPaid':
      return state.agreement
        ? {
            ...state,
            agreement: { ...state.agreement, paidFen: event.data.paidTotalFen },
          }
        : state;
    case 'AgreementPerformed':
      return state.agreement ? { ...state, agreement: { ...state.agreement, performed: true } } : state;
    case 'DisputeFlaggedAsEscalationRisk':
      return {
        ...state,
        escalationRisk: true,
        escalationFlags: state.escalationFlags + 1,
      };
    case 'DisputeEscalationRiskCleared':
      return { ...state, escalationRisk: false };
    case 'RiskReviewRecorded': {
      const start = event.data.clocks.find((clock) => clock.action === 'start');
      return {
        ...state,
        riskReviews: state.riskReviews + 1,
        riskReview: start
          ? {
              deadlineId: start.deadlineId,
              sequence: (state.riskReview?.sequence ?? 0) + 1,
            }
          : state.riskReview,
      };
    }
    case 'DisputeClosed':
      return {
        ...state,
        status: 'closed',
        closedAt: event.data.closedAt,
        closeOutcome: event.data.outcome,
        riskReview: null,
      };
    default: {
      // Exhaustive; an event type from a newer writer leaves the state as it is.
      const unknown: never = event;
      void unknown;
      return state;
    }
  }
}

export const disputeDecider: Decider<DisputeCommand, DisputeEvent, DisputeState> = {
  decide,
  evolve,
  initialState: initialDisputeState,
};
