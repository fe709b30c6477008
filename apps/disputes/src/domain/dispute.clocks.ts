import type { DisputeClockInstruction } from '@pingan/contracts';
import { clockOpsFromInstructions, type ClockInstruction, type ClockOp } from '@pingan/platform';

// The disputes contract's clock steps are a narrower form of the platform's.
const _fits = (instruction: DisputeClockInstruction): ClockInstruction => instruction;

/**
 * The `clocksFor` of the disputes service (ServiceRuntime's `deadlines.clocksFor`): the clock
 * steps an event carries in `data.clocks`, in order. Events without `clocks` move no clock.
 * 'stop' becomes `met`: the work the clock waited for was done, or the clock is no longer needed.
 */
export function disputeClocksFor(event: { type: string; data: Record<string, unknown> }): ClockOp[] {
  return clockOpsFromInstructions(event.data);
}
