import type {
  Actor,
  DisputeClockInstruction,
  DisputeDeadlineRuleName,
  DisputeMediationKind,
  DisputeRef,
  DisputeRoute,
} from '@pingan/contracts';
import { oneEventOf } from '@pingan/event-store';
import type { CompensationItem } from './dispute.commands.js';
import { DisputeError, DisputeErrorCode as Code } from './dispute.errors.js';
import type { DisputeEvent } from './dispute.events.js';
import { deadlineIdFor, type DisputeState, type MediationState, type Who } from './dispute.state.js';

// The guards and helpers the phases of the dispute decider share.

export const mediationRule = (kind: DisputeMediationKind): DisputeDeadlineRuleName =>
  kind === 'peoples_mediation' ? 'peoples-mediation' : 'administrative-mediation';

export const iso = (date: Date): string => date.toISOString();

/** What most commands record: one event with the dispute's reference. */
export const oneEvent = oneEventOf<DisputeEvent, DisputeRef>();
export const who = (actor: Actor): Who => ({
  userId: actor.userId,
  organisationId: actor.organisationId,
});
export const blank = (text: string | undefined): boolean => text === undefined || text.trim() === '';

export function invalid(field: string, message: string): never {
  throw new DisputeError(Code.Invalid, message, [{ field, code: 'invalid', message }]);
}

export function requireOpen(state: DisputeState): DisputeRef {
  if (state.status === 'none' || state.ref === null) throw new DisputeError(Code.NotFound, 'No such dispute.');
  if (state.status === 'closed') throw new DisputeError(Code.Closed, 'The dispute is closed.');
  return state.ref;
}

/** Nothing beyond negotiation before the patient side has been told the routes [S3 二(三)]. */
export function requireRoutesNotified(state: DisputeState): void {
  if (!state.routesNotified) {
    throw new DisputeError(Code.RoutesNotNotified, 'The patient side must first be told the routes, methods and procedure (多元化解告知).');
  }
}

/** No mediation while the disturbance goes on [S3 一(二)]. */
export function requireDisturbanceStopped(state: DisputeState): void {
  if (state.incident !== null && !state.incident.disturbanceStopped) {
    throw new DisputeError(
      Code.DisturbanceNotStopped,
      'No mediation before the disturbance of the linked incident has been recorded as stopped.',
    );
  }
}

/** No compensation before liability is determined (责任未认定前不得赔钱息事) [S3 二(三)]. */
export function requireLiability(state: DisputeState): void {
  if (state.liability === null) {
    throw new DisputeError(
      Code.LiabilityNotDetermined,
      'Liability must be determined (appraisal or agreed determination) before any compensation.',
    );
  }
}

export const inProgress = (mediation: MediationState | null): boolean =>
  mediation !== null && (mediation.phase === 'referred' || mediation.phase === 'accepted');

export function activeMediation(state: DisputeState): MediationState {
  const mediation = state.mediation;
  if (mediation?.phase === 'accepted') return mediation;
  if (mediation?.phase === 'failed' && mediation.failureReason === 'expired') {
    throw new DisputeError(Code.MediationExpired, 'The mediation period ran out without agreement; mediation counts as failed.');
  }
  throw new DisputeError(Code.MediationNotActive, 'No mediation is under way.');
}

/**
 * Stops the 5-working-day acceptance clock of an administrative referral, if it runs: 'done' when
 * the commission decided (accepted or 不予受理), 'moot' when the application fell away undecided.
 */
export function acceptanceClockStop(
  mediation: MediationState | null,
  at: Date,
  outcome: 'done' | 'moot',
  reason: string,
): DisputeClockInstruction[] {
  const id = mediation?.phase === 'referred' ? mediation.acceptanceDeadlineId : null;
  return id === null || id === undefined ? [] : [{ action: 'stop', deadlineId: id, at: iso(at), outcome, reason }];
}

/** The routes a patient side still has after refusing `refused` [S3 二(三)]: never a dead end. */
export function remainingRoutesAfterRefusal(state: DisputeState, refused: DisputeMediationKind): DisputeRoute[] {
  // A lawsuit the court accepted leaves only the lawsuit (and negotiation beside it).
  if (state.litigation !== null) return ['negotiation', 'litigation'];
  const other: DisputeMediationKind = refused === 'peoples_mediation' ? 'administrative_mediation' : 'peoples_mediation';
  return ['negotiation', other, 'litigation'];
}

export function requireMediator(actor: Actor, mediation: MediationState): void {
  if (actor.organisationId !== mediation.mediatorOrganisationId) {
    throw new DisputeError(Code.NotMediator, 'Only the mediating organisation may do this.');
  }
}

export function compensationTotal(items: CompensationItem[]): number {
  items.forEach((item, i) => {
    if (blank(item.head)) invalid(`compensation[${i}].head`, 'Each compensation item needs a head.');
    if (!Number.isInteger(item.amountFen) || item.amountFen <= 0) {
      invalid(`compensation[${i}].amountFen`, 'Amounts are positive whole numbers of fen.');
    }
  });
  return items.reduce((sum, item) => sum + item.amountFen, 0);
}

export function riskReviewStart(
  ref: DisputeRef,
  sequence: number,
  at: Date,
  supervisingOrganisationId: string | null,
): DisputeClockInstruction {
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
