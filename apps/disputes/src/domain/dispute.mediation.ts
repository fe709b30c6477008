import { occurredAtOf } from '@pingan/platform';
import type { DisputeClockInstruction } from '@pingan/contracts';
import { DisputeError, DisputeErrorCode as Code } from './dispute.errors.js';
import type { DisputeEvent } from './dispute.events.js';
import {
  activeMediation,
  blank,
  acceptanceClockStop,
  compensationTotal,
  invalid,
  iso,
  mediationRule,
  requireLiability,
  requireDisturbanceStopped,
  requireMediator,
  requireOpen,
  oneEvent,
} from './dispute.rules.js';
import { deadlineIdFor, type Decisions, type DisputeState, type Evolutions, withMediation } from './dispute.state.js';

// Mediation: acceptance starts the 30-working-day clock [law: 条例 第38条], an appraisal pauses it, an extension lengthens it, agreement
// or failure stops it.

export const mediationDecisions = {
  AcceptMediation: (command, state) => {
    const ref = requireOpen(state);
    const mediation = state.mediation;
    if (mediation === null || (mediation.phase !== 'referred' && mediation.phase !== 'accepted')) {
      throw new DisputeError(Code.MediationNotReferred, 'The dispute has not been referred to mediation.');
    }
    requireMediator(command.metadata.actor, mediation);
    if (mediation.phase === 'accepted') return [];
    // Checked at referral too; again here because an incident may have been linked since [S3 一(二)].
    requireDisturbanceStopped(state);
    // 已向人民法院提起诉讼并且已被受理的，不予受理 [law: 条例 第31条, 第40条].
    if (state.litigation !== null) throw new DisputeError(Code.LitigationAccepted, 'A court has accepted a lawsuit on this dispute.');
    const deadlineId = deadlineIdFor(ref.disputeId, mediationRule(mediation.kind), mediation.attempt);
    const clocks: DisputeClockInstruction[] = [
      ...acceptanceClockStop(mediation, occurredAtOf(command.metadata), 'done', 'accepted'),
      {
        action: 'start',
        deadlineId,
        subject: ref.caseNumber,
        rule: mediationRule(mediation.kind),
        startedAt: iso(occurredAtOf(command.metadata)),
        responsibleOrganisationId: mediation.mediatorOrganisationId,
        supervisingOrganisationId: command.data.supervisingOrganisationId ?? null,
      },
    ];
    // An appraisal already under way: its time does not count from the start.
    if (state.appraisal?.pending)
      clocks.push({
        action: 'pause',
        deadlineId,
        at: iso(occurredAtOf(command.metadata)),
        reason: 'appraisal',
      });
    return oneEvent(ref, 'MediationAccepted', {
      attempt: mediation.attempt,
      kind: mediation.kind,
      mediatorOrganisationId: mediation.mediatorOrganisationId,
      acceptedAt: iso(occurredAtOf(command.metadata)),
      clocks,
    });
  },

  RecordMediationSession: (command, state) => {
    const ref = requireOpen(state);
    const mediation = activeMediation(state);
    requireMediator(command.metadata.actor, mediation);
    requireDisturbanceStopped(state); // an incident linked while mediation was under way
    if (command.data.attendees.length === 0) invalid('attendees', 'A session has attendees.');
    return oneEvent(ref, 'MediationSessionHeld', {
      attempt: mediation.attempt,
      sessionId: command.data.sessionId,
      heldAt: iso(command.metadata.occurredAt ?? command.data.heldAt),
      attendees: command.data.attendees,
      notes: command.data.notes,
    });
  },

  RequestAppraisal: (command, state) => {
    const ref = requireOpen(state);
    if (state.appraisal?.pending) throw new DisputeError(Code.AppraisalPending, 'An appraisal is already under way.');
    const mediation = state.mediation;
    const clocks: DisputeClockInstruction[] =
      mediation?.phase === 'accepted' && mediation.deadlineId !== null && !mediation.clockPaused
        ? [
            {
              action: 'pause',
              deadlineId: mediation.deadlineId,
              at: iso(occurredAtOf(command.metadata)),
              reason: 'appraisal',
            },
          ]
        : [];
    return oneEvent(ref, 'AppraisalRequested', {
      appraisalId: command.data.appraisalId,
      kind: command.data.kind,
      appraiser: command.data.appraiser,
      requestedAt: iso(occurredAtOf(command.metadata)),
      clocks,
    });
  },

  RecordAppraisalResult: (command, state) => {
    const ref = requireOpen(state);
    if (!state.appraisal?.pending || state.appraisal.appraisalId !== command.data.appraisalId) {
      throw new DisputeError(Code.NoAppraisalPending, 'No such appraisal is under way.');
    }
    const mediation = state.mediation;
    const clocks: DisputeClockInstruction[] =
      mediation?.phase === 'accepted' && mediation.deadlineId !== null && mediation.clockPaused
        ? [
            {
              action: 'resume',
              deadlineId: mediation.deadlineId,
              at: iso(occurredAtOf(command.metadata)),
            },
          ]
        : [];
    const { result } = command.data;
    const events: DisputeEvent[] = [
      {
        type: 'AppraisalCompleted',
        data: {
          ...ref,
          appraisalId: command.data.appraisalId,
          outcome: result.outcome,
          reportReference: command.data.reportReference,
          terminationReason: result.outcome === 'terminated' ? result.reason : null,
          completedAt: iso(occurredAtOf(command.metadata)),
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
          appraisalId: command.data.appraisalId,
          responsibility: result.liability.responsibility,
          summary: result.liability.summary,
          determinedAt: iso(occurredAtOf(command.metadata)),
        },
      });
    }
    return events;
  },

  ExtendMediation: (command, state) => {
    const ref = requireOpen(state);
    const mediation = activeMediation(state);
    requireMediator(command.metadata.actor, mediation);
    if (mediation.kind !== 'peoples_mediation') {
      throw new DisputeError(Code.ExtensionNotAllowed, "Only a people's mediation period may be extended by agreement (条例 第38条).");
    }
    if (!Number.isInteger(command.data.workingDays) || command.data.workingDays <= 0)
      invalid('workingDays', 'A positive whole number of working days.');
    if (blank(command.data.reason)) invalid('reason', 'An extension needs a reason.');
    // The committee cannot extend alone: 委员会和医患双方可以约定延长 — both sides' consent, recorded.
    const consent = command.data.consent;
    if (consent === undefined || blank(consent.patientPartyId) || blank(consent.hospitalRepresentative)) {
      throw new DisputeError(
        Code.ExtensionConsentRequired,
        'An extension needs the consent of both the patient side and the hospital (条例 第38条).',
      );
    }
    return oneEvent(ref, 'MediationExtended', {
      attempt: mediation.attempt,
      workingDays: command.data.workingDays,
      reason: command.data.reason,
      consent: {
        patientPartyId: consent.patientPartyId,
        hospitalRepresentative: consent.hospitalRepresentative,
        reference: blank(consent.reference) ? null : consent.reference!,
      },
      extendedAt: iso(occurredAtOf(command.metadata)),
      clocks: [
        {
          action: 'extend',
          deadlineId: mediation.deadlineId!,
          at: iso(occurredAtOf(command.metadata)),
          by: { unit: 'working_days', amount: command.data.workingDays },
          reason: command.data.reason,
        },
      ],
    });
  },

  RecordMediationAgreement: (command, state) => {
    const ref = requireOpen(state);
    const mediation = activeMediation(state);
    requireMediator(command.metadata.actor, mediation);
    const totalFen = compensationTotal(command.data.compensation);
    if (totalFen > 0) requireLiability(state);
    return oneEvent(ref, 'MediationAgreed', {
      attempt: mediation.attempt,
      kind: mediation.kind,
      agreementId: command.data.agreementId,
      agreedAt: iso(occurredAtOf(command.metadata)),
      terms: command.data.terms,
      compensation: command.data.compensation,
      totalFen,
      clocks: [
        {
          action: 'stop',
          deadlineId: mediation.deadlineId!,
          at: iso(occurredAtOf(command.metadata)),
          reason: 'agreement',
        },
      ],
    });
  },

  FailMediation: (command, state) => {
    const ref = requireOpen(state);
    const mediation = state.mediation?.phase === 'referred' ? state.mediation : activeMediation(state);
    requireMediator(command.metadata.actor, mediation);
    return oneEvent(ref, 'MediationFailed', {
      attempt: mediation.attempt,
      kind: mediation.kind,
      reason: command.data.reason,
      note: command.data.note,
      failedAt: iso(occurredAtOf(command.metadata)),
      clocks:
        mediation.deadlineId === null
          ? // 不予受理 is the commission's decision on time; the application falling away otherwise is moot.
            acceptanceClockStop(
              mediation,
              occurredAtOf(command.metadata),
              command.data.reason === 'not_accepted' ? 'done' : 'moot',
              `failed: ${command.data.reason}`,
            )
          : [
              {
                action: 'stop',
                deadlineId: mediation.deadlineId,
                at: iso(occurredAtOf(command.metadata)),
                reason: `failed: ${command.data.reason}`,
              },
            ],
    });
  },

  FailMediationOnExpiry: (command, state) => {
    // Driven by a DeadlineLapsed: anything but the running mediation of that clock is a no-op.
    const mediation = state.mediation;
    if (state.status !== 'open' || state.ref === null) return [];
    if (mediation?.phase !== 'accepted' || mediation.deadlineId !== command.data.deadlineId) return [];
    return [
      {
        type: 'MediationFailed',
        data: {
          ...state.ref,
          attempt: mediation.attempt,
          kind: mediation.kind,
          reason: 'expired',
          note: 'The mediation period ran out without agreement (视为调解不成).',
          failedAt: iso(command.data.expiredAt),
          clocks: [], // the clock lapsed: it is already final
        },
      },
    ];
  },
} satisfies Partial<Decisions>;

export const mediationEvolutions = {
  MediationAccepted: (state, event) => {
    const start = event.data.clocks.find((clock) => clock.action === 'start');
    return withMediation(state, {
      phase: 'accepted',
      acceptanceDeadlineId: null,
      deadlineId: start?.deadlineId ?? null,
      clockPaused: event.data.clocks.some((clock) => clock.action === 'pause'),
    });
  },
  MediationSessionHeld: (state) =>
    withMediation(state, {
      sessions: (state.mediation?.sessions ?? 0) + 1,
    }),
  AppraisalRequested: (state, event) => {
    const next = {
      ...state,
      appraisal: { appraisalId: event.data.appraisalId, pending: true },
    };
    return event.data.clocks.some((clock) => clock.action === 'pause') ? withMediation(next, { clockPaused: true }) : next;
  },
  AppraisalCompleted: (state, event) => {
    const next: DisputeState = {
      ...state,
      appraisal: { appraisalId: event.data.appraisalId, pending: false },
      appraisalsConcluded: state.appraisalsConcluded + (event.data.outcome === 'concluded' ? 1 : 0),
    };
    return event.data.clocks.some((clock) => clock.action === 'resume') ? withMediation(next, { clockPaused: false }) : next;
  },
  MediationExtended: (state, event) =>
    withMediation(state, {
      extendedWorkingDays: (state.mediation?.extendedWorkingDays ?? 0) + event.data.workingDays,
    }),
  MediationAgreed: (state, event) => ({
    ...withMediation(state, { phase: 'agreed' }),
    agreement: {
      agreementId: event.data.agreementId,
      source: event.data.kind,
      totalFen: event.data.totalFen,
      paidFen: 0,
      judiciallyConfirmed: false,
      performed: false,
    },
  }),
  MediationFailed: (state, event) => {
    const expired = event.data.reason === 'expired';
    return {
      ...withMediation(state, {
        phase: 'failed',
        acceptanceDeadlineId: null,
        failureReason: event.data.reason,
      }),
      mediationFailures: {
        expired: state.mediationFailures.expired + (expired ? 1 : 0),
        other: state.mediationFailures.other + (expired ? 0 : 1),
      },
    };
  },
} satisfies Partial<Evolutions>;
