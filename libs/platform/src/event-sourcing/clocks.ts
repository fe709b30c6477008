import type { Query, StoredEvent } from '@pingan/event-store';
import type { DeadlineLength, DeadlineStore, StartDeadline } from '@pingan/deadlines';

/**
 * What an event means for the service's legal clocks. Each service writes one pure function
 * `clocksFor(event) => ClockOp[]` (which event starts, pauses, extends or stops which clock);
 * the runtime applies the ops exactly once, in the same transaction as its checkpoint.
 */
export type ClockOp =
  | ({ op: 'start' } & StartDeadline)
  | { op: 'met'; id: string; at: Date }
  | { op: 'pause'; id: string; at: Date }
  | { op: 'resume'; id: string; at: Date }
  | { op: 'extend'; id: string; by: DeadlineLength; reason: string; at: Date };

export type ClocksFor = (event: StoredEvent) => ClockOp[];

export async function applyClockOp(deadlines: DeadlineStore, op: ClockOp): Promise<void> {
  switch (op.op) {
    case 'start': {
      const { op: _op, ...input } = op;
      await deadlines.start(input);
      return;
    }
    case 'met':
      await deadlines.met(op.id, op.at);
      return;
    case 'pause':
      await deadlines.pause(op.id, op.at);
      return;
    case 'resume':
      await deadlines.resume(op.id, op.at);
      return;
    case 'extend':
      await deadlines.extend(op.id, op.by, op.reason, op.at);
      return;
  }
}

export type { Query };
