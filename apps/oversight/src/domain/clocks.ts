import type { SupervisionClosedData, SupervisionStartedData } from '@pingan/contracts';
import type { StoredEvent } from '@pingan/event-store';
import type { ClockOp } from '@pingan/platform';
import { NOMINAL_SUPERVISION_MINUTES, SUPERVISION_RULE } from './deadline-rules.js';
import { supervisionDeadlineId } from './supervision.decider.js';

/** Which oversight events start and stop which clock (pure; ids deterministic; subject = case number). */
export function oversightClocksFor(event: StoredEvent): ClockOp[] {
  if (event.type === 'SupervisionStarted') {
    const data = event.data as unknown as SupervisionStartedData;
    const startedAt = new Date(data.startedAt);
    const minutes = (new Date(data.dueAt).getTime() - startedAt.getTime()) / 60_000;
    const id = data.deadlineId;
    return [
      {
        op: 'start',
        id,
        subject: data.caseNumber,
        rule: SUPERVISION_RULE,
        startedAt,
        responsibleOrganisationId: null,
        supervisingOrganisationId: data.supervisorOrganisationId,
      },
      // The rest of the supervisor's period (the rule's nominal length is already counted).
      {
        op: 'extend',
        id,
        by: { unit: 'minutes', amount: minutes - NOMINAL_SUPERVISION_MINUTES },
        reason: 'due date set by the supervisor',
        at: startedAt,
      },
    ];
  }
  if (event.type === 'SupervisionClosed') {
    const data = event.data as unknown as SupervisionClosedData;
    return [{ op: 'met', id: supervisionDeadlineId(data.supervisionId), at: new Date(data.closedAt) }];
  }
  return [];
}
