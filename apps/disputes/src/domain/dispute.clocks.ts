import type { DisputeClockInstruction } from '@pingan/contracts';
import type { ClockOp } from '@pingan/platform';

/**
 * The `clocksFor` of the disputes service (ServiceRuntime's `deadlines.clocksFor`): the clock
 * steps an event carries in `data.clocks`, in order. Events without `clocks` move no clock.
 * 'stop' becomes `met`: the work the clock waited for was done, or the clock is no longer needed.
 */
export function disputeClocksFor(event: { type: string; data: Record<string, unknown> }): ClockOp[] {
  const clocks = event.data.clocks;
  if (!Array.isArray(clocks)) return [];
  return (clocks as DisputeClockInstruction[]).map((clock): ClockOp => {
    switch (clock.action) {
      case 'start':
        return {
          op: 'start',
          id: clock.deadlineId,
          subject: clock.subject,
          rule: clock.rule,
          startedAt: new Date(clock.startedAt),
          responsibleOrganisationId: clock.responsibleOrganisationId,
          supervisingOrganisationId: clock.supervisingOrganisationId,
        };
      case 'pause':
        return { op: 'pause', id: clock.deadlineId, at: new Date(clock.at) };
      case 'resume':
        return { op: 'resume', id: clock.deadlineId, at: new Date(clock.at) };
      case 'extend':
        return {
          op: 'extend',
          id: clock.deadlineId,
          by: clock.by,
          reason: clock.reason,
          at: new Date(clock.at),
        };
      case 'stop':
        return { op: 'met', id: clock.deadlineId, at: new Date(clock.at) };
    }
  });
}
