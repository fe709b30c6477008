import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { eventsTopic, type EventEnvelope } from '@pingan/contracts';
import { PostgresEventStore, databaseFromDataSource, type Database } from '@pingan/event-store';
import { KafkaBus, OutboxRelay, type Subscription } from '@pingan/messaging';
import { ensureKafkaLibs, freePort, prepareKafka, startKafka, stopKafka } from '../../testing/src/infra/servers.mjs';

/**
 * The whole publishing path on real parts: concurrent writers → PostgreSQL store → outbox relay →
 * a real Kafka broker → a consumer group. This file runs its own broker, so that restarting it
 * mid-stream disturbs no other test file.
 */
const TIMEOUT = 300_000;

const WRITERS = 20;
const APPENDS_PER_WRITER = 500;
const STREAMS = 300;
const actor = { userId: 'writer', organisationId: 'hospital-1', role: 'hospital_security_officer' };

let dataSource: DataSource;
let db: Database;
let kafkaDir: string;
let kafka: { pid: number; spec: Parameters<typeof startKafka>[0] };

beforeAll(async () => {
  dataSource = await new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, extra: { max: WRITERS + 5 } }).initialize();
  db = databaseFromDataSource(dataSource);
  kafkaDir = mkdtempSync(join(tmpdir(), 'pingan-kafka-restart-'));
  const spec = prepareKafka({ dir: kafkaDir, port: await freePort(), controllerPort: await freePort(), libsDir: ensureKafkaLibs() });
  kafka = { pid: (await startKafka(spec)).pid, spec };
}, 120_000);

afterAll(async () => {
  await dataSource?.destroy();
  if (kafka) await stopKafka(kafka.pid);
  rmSync(kafkaDir, { recursive: true, force: true });
});

async function restartBroker(): Promise<void> {
  await stopKafka(kafka.pid);
  kafka.pid = (await startKafka(kafka.spec)).pid;
}

async function runScenario(name: string, midway?: () => Promise<void>) {
  const context = `load${name}${process.pid}`;
  const store = new PostgresEventStore({ db, schema: `outbox_${name}_${process.pid}`, context });
  await store.migrate();
  const bus = new KafkaBus({ brokers: kafka.spec.brokers, clientId: `test-${name}` });
  const relay = new OutboxRelay({ name: 'outbox', source: store, bus, db, schema: store.schema, pollIntervalMs: 20 });
  await relay.migrate();

  const received: EventEnvelope[] = [];
  const subscription: Subscription = await bus.subscribe({
    group: `consumer-${name}`,
    topics: [eventsTopic(context)],
    handle: async (envelope) => {
      received.push(envelope);
    },
  });
  relay.start();

  let appended = 0;
  let restarted: Promise<void> | null = null;
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; i < APPENDS_PER_WRITER; i++) {
        const stream = `case-${(w * 37 + i * 11) % STREAMS}`;
        await store.append(stream, [{ type: 'Step', data: { w, i } }], {
          streamType: 'case',
          expectedVersion: 'any',
          actor,
          correlationId: stream,
        });
        relay.wake();
        if (++appended === (WRITERS * APPENDS_PER_WRITER) / 2 && midway) restarted = midway();
      }
    }),
  );
  await restarted;

  const total = WRITERS * APPENDS_PER_WRITER;
  const distinct = () => new Set(received.map((e) => e.eventId)).size;
  const deadline = Date.now() + 180_000;
  while (distinct() < total && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));

  await relay.stop();
  await subscription.close();
  await bus.close();
  return { store, received, total };
}

function expectEveryEventOnceInStreamOrder(received: EventEnvelope[], storedIds: Set<string>, total: number) {
  // At-least-once delivery: a redelivered copy may follow; the first sighting of each event counts.
  const firstSightings = received.filter((e, i, all) => all.findIndex((x) => x.eventId === e.eventId) === i);
  expect(firstSightings).toHaveLength(total);
  expect(firstSightings.every((e) => storedIds.has(e.eventId))).toBe(true);
  const lastVersion = new Map<string, number>();
  for (const e of firstSightings) {
    expect(e.version).toBe((lastVersion.get(e.streamId) ?? 0) + 1); // per-stream order, no gap
    lastVersion.set(e.streamId, e.version);
  }
}

const storedIdsOf = async (store: PostgresEventStore) =>
  new Set((await db.query<{ id: string }>(`SELECT event_id::text AS id FROM ${store.schema}.events`)).map((r) => r.id));

describe('outbox → Kafka → consumer', () => {
  it(
    `${WRITERS} concurrent writers × ${APPENDS_PER_WRITER} appends across ${STREAMS} streams: every event arrives, in stream order, none skipped`,
    async () => {
      const { store, received, total } = await runScenario('steady');
      const stored = await storedIdsOf(store);
      expect(stored.size).toBe(total);
      expectEveryEventOnceInStreamOrder(received, stored, total);
    },
    TIMEOUT,
  );

  it(
    'the same with the broker restarted in the middle',
    async () => {
      const { store, received, total } = await runScenario('restart', restartBroker);
      const stored = await storedIdsOf(store);
      expect(stored.size).toBe(total);
      expectEveryEventOnceInStreamOrder(received, stored, total);
    },
    TIMEOUT,
  );
});
