import type { ClockInstruction, SupervisionClosedData, SupervisionStartedData } from '@pingan/contracts';
import { clockStepsOf, type ClockSource, type ClockStep } from '@pingan/deadlines';
import { SUPERVISION_RULE } from './deadline-rules.js';
import { supervisionDeadlineId } from './supervision.decider.js';

/**
 * Which oversight events start and stop which clock (pure; ids deterministic; subject = case number).
 * A supervision runs to the due date its supervisor set: the clock's own `dueAt`.
 */
export function oversightClockInstructions(event: { type: string; data: Record<string, unknown> }): ClockInstruction[] {
  if (event.type === 'SupervisionStarted') {
    const data = event.data as unknown as SupervisionStartedData;
    return [
      {
        action: 'start',
        deadlineId: data.deadlineId,
        subject: data.caseNumber,
        rule: SUPERVISION_RULE,
        startedAt: data.startedAt,
        dueAt: data.dueAt,
        responsibleOrganisationId: null,
        supervisingOrganisationId: data.supervisorOrganisationId,
      },
    ];
  }
  if (event.type === 'SupervisionClosed') {
    const data = event.data as unknown as SupervisionClosedData;
    return [{ action: 'stop', deadlineId: supervisionDeadlineId(data.supervisionId), at: data.closedAt }];
  }
  return [];
}

/** The oversight service's `clocksFor`. */
export const oversightClocksFor = (event: ClockSource & { type: string }): ClockStep[] =>
  clockStepsOf(oversightClockInstructions(event), event);
