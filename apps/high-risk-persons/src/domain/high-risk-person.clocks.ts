import type { HighRiskClockInstruction } from '@pingan/contracts';
import type { ClockOp } from '@pingan/platform';

/**
 * The `clocksFor` of the high-risk-persons service: the clock steps an event carries in
 * `data.clocks`, in order ('stop' = met, 'cancel' = no longer needed). Other events move no clock.
 */
export function highRiskClocksFor(event: { type: string; data: Record<string, unknown> }): ClockOp[] {
  const clocks = event.data.clocks;
  if (!Array.isArray(clocks)) return [];
  return (clocks as HighRiskClockInstruction[]).map((clock): ClockOp => {
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
      case 'stop':
        return { op: 'met', id: clock.deadlineId, at: new Date(clock.at) };
      case 'cancel':
        return { op: 'cancel', id: clock.deadlineId, reason: clock.reason, at: new Date(clock.at) };
    }
  });
}
