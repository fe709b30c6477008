import { occurredAtOf } from '@pingan/platform';
import type { DisputeClockInstruction } from '@pingan/contracts';
import { DisputeError, DisputeErrorCode as Code } from './dispute.errors.js';
import type { DisputeEvent } from './dispute.events.js';
import {
  acceptanceClockStop,
  inProgress,
  invalid,
  iso,
  remainingRoutesAfterRefusal,
  requireDisturbanceStopped,
  requireOpen,
  requireRoutesNotified,
  who,
  oneEvent,
} from './dispute.rules.js';
import { deadlineIdFor, type Decisions, type DisputeState, type Evolutions, withMediation } from './dispute.state.js';

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
    const attempt = (state.mediation?.attempt ?? 0) + 1;
    // An application to the commission must be decided within 5 working days [law: 条例 第40条]; the
    // committee has no such limit in the regulation.
    const clocks: DisputeClockInstruction[] =
      command.data.kind === 'administrative_mediation'
        ? [
            {
              action: 'start',
              deadlineId: deadlineIdFor(ref.disputeId, 'administrative-mediation-acceptance', attempt),
              subject: ref.caseNumber,
              rule: 'administrative-mediation-acceptance',
              startedAt: iso(command.metadata.now),
              responsibleOrganisationId: command.data.mediatorOrganisationId,
              supervisingOrganisationId: command.data.supervisingOrganisationId ?? null,
            },
          ]
        : [];
    return oneEvent(ref, 'MediationReferred', {
      attempt,
      kind: command.data.kind,
      mediatorOrganisationId: command.data.mediatorOrganisationId,
      referredAt: iso(command.metadata.now),
      clocks,
    });
  },

  RecordMediationRefused: (command, state) => {
    const ref = requireOpen(state);
    requireRoutesNotified(state);
    if (state.mediation?.phase === 'accepted') {
      throw new DisputeError(Code.MediationInProgress, 'Mediation is under way: record its failure (party withdrew) instead.');
    }
    const referral = state.mediation?.phase === 'referred' ? state.mediation : null;
    const refusedKind = referral?.kind ?? command.data.kind ?? 'peoples_mediation';
    // Refusing mediation is not a choice of litigation: the other routes stay open [S3 二(三)].
    return oneEvent(ref, 'MediationRefusedByPatientSide', {
      reason: command.data.reason,
      refusedAt: iso(command.metadata.now),
      referralWithdrawn: referral !== null,
      route: state.litigation !== null ? 'litigation' : 'negotiation',
      remainingRoutes: remainingRoutesAfterRefusal(state, refusedKind),
      refusedKind,
      clocks: acceptanceClockStop(state.mediation, command.metadata.now, 'moot', 'application withdrawn'),
    });
  },

  FileLitigation: (command, state) => {
    const ref = requireOpen(state);
    requireRoutesNotified(state);
    const filed: DisputeEvent = {
      type: 'LitigationFiled',
      data: { ...ref, courtId: command.data.courtId, reference: command.data.reference, filedAt: iso(occurredAtOf(command.metadata)) },
    };
    const mediation = state.mediation;
    if (mediation === null || !inProgress(mediation)) return [filed];
    // A lawsuit the court has accepted ends a mediation under way, accepted or only applied for
    // (已经受理的，终止调解 [law: 条例 第31条, 第40条]); its clock is moot, neither met nor breached.
    const at = command.metadata.now;
    const clocks: DisputeClockInstruction[] =
      mediation.phase === 'accepted' && mediation.deadlineId !== null
        ? [{ action: 'stop', deadlineId: mediation.deadlineId, at: iso(at), outcome: 'moot', reason: 'terminated: litigation accepted' }]
        : acceptanceClockStop(mediation, at, 'moot', 'terminated: litigation accepted');
    return [
      filed,
      {
        type: 'MediationFailed',
        data: {
          ...ref,
          attempt: mediation.attempt,
          kind: mediation.kind,
          reason: 'litigation_accepted',
          note: '当事人已向人民法院提起诉讼并已被受理，终止调解。',
          failedAt: iso(at),
          clocks,
        },
      },
    ];
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
    remainingRoutes: null,
    mediation: {
      attempt: event.data.attempt,
      kind: event.data.kind,
      mediatorOrganisationId: event.data.mediatorOrganisationId,
      phase: 'referred',
      deadlineId: null,
      acceptanceDeadlineId: event.data.clocks?.find((clock) => clock.action === 'start')?.deadlineId ?? null,
      clockPaused: false,
      failureReason: null,
      sessions: 0,
      extendedWorkingDays: 0,
    },
  }),
  MediationRefusedByPatientSide: (state, event) => {
    const next = { ...state, route: event.data.route, remainingRoutes: event.data.remainingRoutes ?? [event.data.route] };
    return event.data.referralWithdrawn ? withMediation(next, { phase: 'withdrawn', acceptanceDeadlineId: null }) : next;
  },
  LitigationFiled: (state, event) => ({
    ...state,
    route: 'litigation',
    remainingRoutes: null,
    litigation: { courtId: event.data.courtId, reference: event.data.reference },
  }),
} satisfies Partial<Evolutions>;

/** The same routes (in any order), method and note. */
function sameNotice(last: DisputeState['routesNotice'], next: { routes: readonly string[]; method: string; note: string }): boolean {
  if (!last || last.method !== next.method || last.note !== next.note || last.routes.length !== next.routes.length) return false;
  const told = new Set<string>(last.routes);
  return next.routes.every((route) => told.has(route));
}
