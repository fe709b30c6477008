import { DisputeError, DisputeErrorCode as Code } from './dispute.errors.js';
import { inProgress, invalid, iso, requireDisturbanceStopped, requireOpen, requireRoutesNotified, who, oneEvent } from './dispute.rules.js';
import { type Decisions, type DisputeState, type Evolutions, withMediation } from './dispute.state.js';

// Notice and referral: the patient side is told the routes (多元化解告知 [S3 二(三)]), then the dispute is referred to mediation, mediation
// is refused, or a lawsuit is filed.

export const referralDecisions = {
  NotifyResolutionRoutes: (command, state) => {
    const ref = requireOpen(state);
    if (command.data.routes.length === 0) invalid('routes', 'Name the routes the patient side was told about.');
    // The notice just recorded, sent again (a retry, a double submit, or one of concurrent duplicates
    // decided again after the conflict): nothing new was told, so nothing is recorded.
    if (sameNotice(state.routesNotice, command.data)) return [];
    return oneEvent(ref, 'ResolutionRoutesNotified', {
      routes: command.data.routes,
      method: command.data.method,
      note: command.data.note,
      notifiedAt: iso(command.metadata.now),
      notifiedBy: who(command.metadata.actor),
    });
  },

  ReferToMediation: (command, state) => {
    const ref = requireOpen(state);
    requireRoutesNotified(state);
    requireDisturbanceStopped(state);
    if (inProgress(state.mediation)) throw new DisputeError(Code.MediationInProgress, 'A mediation is already under way.');
    // A lawsuit accepted by a court: neither committee nor commission may accept mediation [law: 条例 第38条, 第40条].
    if (state.litigation !== null) throw new DisputeError(Code.LitigationAccepted, 'A court has accepted a lawsuit on this dispute.');
    if (state.agreement !== null) throw new DisputeError(Code.AgreementExists, 'The dispute is already settled by an agreement.');
    return oneEvent(ref, 'MediationReferred', {
      attempt: (state.mediation?.attempt ?? 0) + 1,
      kind: command.data.kind,
      mediatorOrganisationId: command.data.mediatorOrganisationId,
      referredAt: iso(command.metadata.now),
    });
  },

  RecordMediationRefused: (command, state) => {
    const ref = requireOpen(state);
    requireRoutesNotified(state);
    if (state.mediation?.phase === 'accepted') {
      throw new DisputeError(Code.MediationInProgress, 'Mediation is under way: record its failure (party withdrew) instead.');
    }
    return oneEvent(ref, 'MediationRefusedByPatientSide', {
      reason: command.data.reason,
      refusedAt: iso(command.metadata.now),
      referralWithdrawn: state.mediation?.phase === 'referred',
      route: 'litigation',
    });
  },

  FileLitigation: (command, state) => {
    const ref = requireOpen(state);
    requireRoutesNotified(state);
    if (inProgress(state.mediation)) throw new DisputeError(Code.MediationInProgress, 'End the mediation before recording a lawsuit.');
    return oneEvent(ref, 'LitigationFiled', {
      courtId: command.data.courtId,
      reference: command.data.reference,
      filedAt: iso(command.metadata.now),
    });
  },
} satisfies Partial<Decisions>;

export const referralEvolutions = {
  ResolutionRoutesNotified: (state, event) => ({
    ...state,
    routesNotified: true,
    routesNotice: { routes: event.data.routes, method: event.data.method, note: event.data.note },
  }),
  MediationReferred: (state, event) => ({
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
  }),
  MediationRefusedByPatientSide: (state, event) => {
    const next = { ...state, route: event.data.route };
    return event.data.referralWithdrawn ? withMediation(next, { phase: 'withdrawn' }) : next;
  },
  LitigationFiled: (state, event) => ({
    ...state,
    route: 'litigation',
    litigation: { courtId: event.data.courtId, reference: event.data.reference },
  }),
} satisfies Partial<Evolutions>;

/** The same routes (in any order), method and note. */
function sameNotice(last: DisputeState['routesNotice'], next: { routes: readonly string[]; method: string; note: string }): boolean {
  if (!last || last.method !== next.method || last.note !== next.note || last.routes.length !== next.routes.length) return false;
  const told = new Set<string>(last.routes);
  return next.routes.every((route) => told.has(route));
}
