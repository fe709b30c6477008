import type { AppendedEvent } from '@pingan/event-store';
import type { ClockStep, DeadlineRule } from '@pingan/deadlines';
import type { ServiceRuntimeOptions } from '@pingan/platform';

const rules: DeadlineRule[] = [
  { name: 'police-arrival', source: '[S1 三(一)]', length: { unit: 'minutes', amount: 8 }, warnAtFraction: 0.75 },
];

// Which events start and stop the clock: the one pure function a context with clock events writes.
const clocksFor = (event: AppendedEvent): ClockStep[] => {
  const at = new Date(event.occurredAt);
  if (event.type === 'PoliceDispatched')
    return [
      {
        op: 'start',
        id: `${event.streamId}:arrival`,
        subject: event.correlationId,
        rule: 'police-arrival',
        startedAt: at,
        supervisingOrganisationId: 'bureau-1',
      },
    ];
  if (event.type === 'PoliceArrived') return [{ op: 'met', id: `${event.streamId}:arrival`, at }];
  return [];
};

/** A context with one 8-minute clock started by PoliceDispatched and met by PoliceArrived. */
export const clockTestRuntimeOptions = (context: string, clock?: () => Date): ServiceRuntimeOptions => ({
  context,
  deadlines: { rules, clocksFor, sweepIntervalMs: 60_000 },
  clock,
  anchorIntervalMs: 3_600_000,
});
