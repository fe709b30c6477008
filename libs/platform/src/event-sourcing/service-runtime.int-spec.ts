import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@pingan/testing';
import type { EventEnvelope } from '@pingan/contracts';
import { databaseFromDataSource, type AppendedEvent } from '@pingan/event-store';
import { InProcessBus } from '@pingan/messaging';
import type { ClockStep, DeadlineRule } from '@pingan/deadlines';
import { ServiceRuntime } from '@pingan/platform';

const rules: DeadlineRule[] = [
  { name: 'police-arrival', source: '[S1 三(一)]', length: { unit: 'minutes', amount: 8 }, warnAtFraction: 0.75 },
];
const actor = { userId: 'dispatcher-1', organisationId: 'station-1', role: 'police_dispatcher' };
// Which events start and stop the clock: the one pure function each service writes.
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

let testDb: TestDatabase;
let dataSource: DataSource;
let now: Date;
const T0 = new Date('2026-11-22T02:00:00Z');
const minutesAfterT0 = (n: number) => new Date(T0.getTime() + n * 60_000);

beforeAll(async () => {
  testDb = await createTestDatabase('runtime');
  dataSource = await new DataSource({ type: 'postgres', url: testDb.url, extra: { max: 10 } }).initialize();
});
afterAll(async () => {
  await dataSource.destroy();
  await testDb.drop();
});

describe('ServiceRuntime: the legal clocks follow the events', () => {
  it('starts a clock from an event, warns and breaches it with a moved clock, and another context hears the breach', async () => {
    now = T0;
    const bus = new InProcessBus();
    const db = databaseFromDataSource(dataSource);
    const incidents = new ServiceRuntime(
      { context: 'incidents', deadlines: { rules, clocksFor, sweepIntervalMs: 60_000 }, clock: () => now },
      db,
      bus,
    );
    const oversight = new ServiceRuntime({ context: 'oversight' }, db, bus);
    const heard: EventEnvelope[] = [];
    await oversight.subscribe({
      group: 'oversight.incidents',
      contexts: ['incidents'],
      handle: async (envelope) => {
        if (envelope.type.startsWith('Deadline')) heard.push(envelope);
      },
    });
    await oversight.start();
    await incidents.start();
    try {
      await incidents.store.append('incident-1', [{ type: 'PoliceDispatched', data: {}, occurredAt: T0 }], {
        streamType: 'incident',
        expectedVersion: 'no_stream',
        actor,
        correlationId: '500101-20261122-0001',
      });
      await incidents.catchUpProjections();
      expect(await incidents.deadlines!.get('incident-1:arrival')).toMatchObject({ state: 'running', dueAt: minutesAfterT0(8) });

      now = minutesAfterT0(6.5);
      await incidents.sweepDeadlines();
      now = minutesAfterT0(9);
      await incidents.sweepDeadlines();
      await incidents.sweepDeadlines(); // a second sweep emits nothing again

      const clockStream = await incidents.store.readStream('deadline-incident-1:arrival');
      expect(clockStream.map((e) => e.type)).toEqual(['DeadlineStarted', 'DeadlineWarned', 'DeadlineBreached']);
      expect(clockStream.every((e) => e.correlationId === '500101-20261122-0001')).toBe(true);
      expect(clockStream[2].data).toMatchObject({ supervisingOrganisationId: 'bureau-1', dueAt: minutesAfterT0(8).toISOString() });

      const deadline = Date.now() + 10_000;
      while (heard.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(heard.map((e) => e.type)).toEqual(['DeadlineStarted', 'DeadlineWarned', 'DeadlineBreached']);
    } finally {
      await incidents.stop();
      await oversight.stop();
      await bus.close();
    }
  });

  it('stops the clock when the event that meets it arrives in time: no warning, no breach', async () => {
    now = T0;
    const bus = new InProcessBus();
    const runtime = new ServiceRuntime(
      { context: 'incidents_met', deadlines: { rules, clocksFor, sweepIntervalMs: 60_000 }, clock: () => now },
      databaseFromDataSource(dataSource),
      bus,
    );
    await runtime.start();
    try {
      const options = { streamType: 'incident', actor, correlationId: 'C-2' };
      await runtime.store.append('incident-2', [{ type: 'PoliceDispatched', data: {}, occurredAt: T0 }], {
        ...options,
        expectedVersion: 'no_stream',
      });
      await runtime.store.append('incident-2', [{ type: 'PoliceArrived', data: {}, occurredAt: minutesAfterT0(3) }], {
        ...options,
        expectedVersion: 1,
      });
      await runtime.catchUpProjections();
      now = minutesAfterT0(30);
      await runtime.sweepDeadlines();
      expect((await runtime.store.readStream('deadline-incident-2:arrival')).map((e) => e.type)).toEqual([
        'DeadlineStarted',
        'DeadlineMet',
      ]);
      expect(await runtime.deadlines!.get('incident-2:arrival')).toMatchObject({ state: 'met' });
    } finally {
      await runtime.stop();
      await bus.close();
    }
  });
});
