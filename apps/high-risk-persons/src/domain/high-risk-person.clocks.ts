import type { HighRiskClockInstruction } from '@pingan/contracts';
import { clockOpsFromInstructions, type ClockInstruction, type ClockOp } from '@pingan/platform';

// The register's clock steps are a narrower form of the platform's.
const _fits = (instruction: HighRiskClockInstruction): ClockInstruction => instruction;

/**
 * The `clocksFor` of the high-risk-persons service: the clock steps an event carries in
 * `data.clocks`, in order ('stop' = met, 'cancel' = no longer needed). Other events move no clock.
 */
export function highRiskClocksFor(event: { type: string; data: Record<string, unknown> }): ClockOp[] {
  return clockOpsFromInstructions(event.data);
}
