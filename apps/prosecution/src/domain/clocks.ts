import type { ProsecutionClockInstruction } from '@pingan/contracts';
import type { StoredEvent } from '@pingan/event-store';
import type { ClockOp } from '@pingan/platform';
import { POLICE_CASE_STREAM_TYPE } from '@pingan/contracts';

/**
 * Which clocks an event starts, stops or extends. The decider already wrote the instruction
 * into the event (`data.clocks`), so this is a translation with no rule knowledge of its own:
 * - `start` → start (subject = the case number, i.e. the event's correlation id);
 * - `stop` with outcome `done` → met at the instant the work was done;
 * - `stop` with outcome `moot` → cancel: the duty fell away without the work (a detained
 *   suspect released on bail before any arrest request). Counting that as "met" would report
 *   compliance nobody achieved; a clock already breached keeps its breach (cancel never undoes one);
 * - `extend` → extend, at the event's instant.
 * Deadline ids are deterministic, so a redelivered event starts or stops nothing twice.
 */
export function prosecutionClocksFor(event: StoredEvent): ClockOp[] {
  if (event.streamType !== POLICE_CASE_STREAM_TYPE) return [];
  const clocks = (event.data as { clocks?: ProsecutionClockInstruction[] }).clocks;
  if (!Array.isArray(clocks)) return [];
  const occurredAt = new Date(event.occurredAt);
  return clocks.map((clock): ClockOp => {
    switch (clock.action) {
      case 'start':
        return {
          op: 'start',
          id: clock.deadlineId,
          subject: event.correlationId,
          rule: clock.rule,
          startedAt: new Date(clock.startedAt),
          responsibleOrganisationId: clock.responsibleOrganisationId,
        };
      case 'stop':
        return clock.outcome === 'moot'
          ? { op: 'cancel', id: clock.deadlineId, reason: 'moot: the duty ended without the work', at: new Date(clock.at) }
          : { op: 'met', id: clock.deadlineId, at: new Date(clock.at) };
      case 'extend':
        return { op: 'extend', id: clock.deadlineId, by: clock.by, reason: clock.reason, at: occurredAt };
    }
  });
}
