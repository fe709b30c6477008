import {
  INCIDENT_STREAM_TYPE,
  type ClockInstruction,
  type IncidentClockCancelledData,
  type IncidentClockStartedData,
  type IncidentClockStoppedData,
} from '@pingan/contracts';
import { clockStepsOf, type ClockSource, type ClockStep } from '@pingan/deadlines';

/**
 * The incident decider records each clock step as an event of its own (IncidentClockStarted /
 * Stopped / Cancelled, shown on the case's timeline), with deterministic deadline ids and the rule
 * of the catalogue: each such event is one clock instruction. Subject = the case number.
 * Responsible: the hospital (report clocks) or the dispatched unit (arrival); supervising: the next
 * level up named by the reporter or the dispatcher.
 */
export function incidentClockInstructions(event: { type: string; data: Record<string, unknown>; streamType: string }): ClockInstruction[] {
  if (event.streamType !== INCIDENT_STREAM_TYPE) return [];
  switch (event.type) {
    case 'IncidentClockStarted': {
      const data = event.data as unknown as IncidentClockStartedData;
      return [
        {
          action: 'start',
          deadlineId: data.deadlineId,
          subject: data.caseNumber,
          rule: data.rule,
          startedAt: data.startedAt,
          responsibleOrganisationId: data.responsibleOrganisationId,
          supervisingOrganisationId: data.supervisingOrganisationId ?? null,
        },
      ];
    }
    case 'IncidentClockStopped': {
      const data = event.data as unknown as IncidentClockStoppedData;
      return [{ action: 'stop', deadlineId: data.deadlineId, at: data.completedAt }];
    }
    case 'IncidentClockCancelled': {
      const data = event.data as unknown as IncidentClockCancelledData;
      return [{ action: 'cancel', deadlineId: data.deadlineId, reason: data.reason, at: data.cancelledAt }];
    }
    default:
      return [];
  }
}

/** The incidents service's `clocksFor`. */
export const incidentClocksFor = (event: ClockSource & { type: string; streamType: string }): ClockStep[] =>
  clockStepsOf(incidentClockInstructions(event), event);
