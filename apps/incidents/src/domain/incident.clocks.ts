import {
  INCIDENT_STREAM_TYPE,
  type IncidentClockCancelledData,
  type IncidentClockStartedData,
  type IncidentClockStoppedData,
} from '@pingan/contracts';
import type { StoredEvent } from '@pingan/event-store';
import type { ClockOp } from '@pingan/platform';

/**
 * Which incident events start, meet and cancel which legal clock. The decider already says so in
 * IncidentClockStarted / Stopped / Cancelled (with deterministic deadline ids and the rule of the
 * catalogue), so this is a translation: pure, and applied exactly once by the runtime.
 * Subject = the case number. Responsible: the hospital (report clocks) or the dispatched unit
 * (arrival); supervising: the next level up named by the reporter or the dispatcher.
 */
export function incidentClocksFor(event: StoredEvent): ClockOp[] {
  if (event.streamType !== INCIDENT_STREAM_TYPE) return [];
  switch (event.type) {
    case 'IncidentClockStarted': {
      const data = event.data as IncidentClockStartedData;
      return [
        {
          op: 'start',
          id: data.deadlineId,
          subject: data.caseNumber,
          rule: data.rule,
          startedAt: new Date(data.startedAt),
          responsibleOrganisationId: data.responsibleOrganisationId,
          supervisingOrganisationId: data.supervisingOrganisationId ?? null,
        },
      ];
    }
    case 'IncidentClockStopped': {
      const data = event.data as IncidentClockStoppedData;
      return [{ op: 'met', id: data.deadlineId, at: new Date(data.completedAt) }];
    }
    case 'IncidentClockCancelled': {
      const data = event.data as IncidentClockCancelledData;
      return [{ op: 'cancel', id: data.deadlineId, reason: data.reason, at: new Date(data.cancelledAt) }];
    }
    default:
      return [];
  }
}
