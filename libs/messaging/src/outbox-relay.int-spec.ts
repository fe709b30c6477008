import { jest } from '@jest/globals';
import { SYSTEM_ACTOR, eventsTopic, type EventEnvelope } from '@pingan/contracts';
import { PostgresEventStore, type Database } from '@pingan/event-store';
import { testKafkaBrokers, eventually, uniqueContext, specDatabase, freshEventStore } from '@pingan/testing';
import { InProcessBus } from './in-process-bus.js';
import { InboxConsumer } from './inbox-consumer.js';
import { KafkaBus } from './kafka-bus.js';
import type { MessageBus } from './message-bus.js';
import { OutboxRelay } from './outbox-relay.js';

// The relay between the real PostgresEventStore and the bus (real Kafka where it matters).
jest.setTimeout(120_000);

let db: Database;

specDatabase('messaging_relay', (opened) => (db = opened));
// Whatever a test started is stopped even when it fails, so nothing runs on after the database is gone.
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

const newStore = (context: string) => freshEventStore(db, context);

/** Appends `count` events spread over three streams (one append per event, each its own transaction). */
async function appendEvents(store: PostgresEventStore, count: number, label: string) {
  for (let i = 0; i < count; i++) {
    await store.append(`case-${i % 3}`, [{ type: 'TestHappened', data: { label, i } }], {
      streamType: 'test',
      expectedVersion: 'any',
      actor: SYSTEM_ACTOR,
      correlationId: `case-${i % 3}`,
    });
  }
}

/** A bus that forwards to another and records who published what; optionally fails the first calls. */
class RecordingBus implements MessageBus {
  constructor(
    private readonly inner: MessageBus,
    private readonly tag: string,
    private readonly log: Array<{ tag: string; envelope: EventEnvelope }>,
    private failures = 0,
  ) {}
  async publish(envelopes: readonly EventEnvelope[]) {
    if (this.failures > 0) {
      this.failures--;
      throw new Error('broker unavailable');
    }
    await this.inner.publish(envelopes);
    for (const envelope of envelopes) this.log.push({ tag: this.tag, envelope });
  }
  publishDeadLetter = (letter: Parameters<MessageBus['publishDeadLetter']>[0]) => this.inner.publishDeadLetter(letter);
  subscribe = (options: Parameters<MessageBus['subscribe']>[0]) => this.inner.subscribe(options);
  health = () => this.inner.health();
  close = () => this.inner.close();
}

/** Per stream, the versions in the order they were published. */
function versionsByStream(envelopes: EventEnvelope[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const e of envelopes) (out[e.streamId] ??= []).push(e.version);
  return out;
}

function relayOf(store: PostgresEventStore, bus: MessageBus, extra: Partial<ConstructorParameters<typeof OutboxRelay>[0]> = {}) {
  const relay = new OutboxRelay({
    name: 'outbox',
    source: store,
    bus,
    db,
    schema: store.schema,
    pollIntervalMs: 50,
    ...extra,
  });
  cleanups.push(() => relay.stop());
  return relay;
}

describe('OutboxRelay', () => {
  it('publishes to Kafka in commit order and resumes from its checkpoint after a restart', async () => {
    const context = uniqueContext('relay');
    const store = await newStore(context);
    const bus = new KafkaBus({ brokers: testKafkaBrokers(), clientId: 'relay-test' });
    cleanups.push(() => bus.close());
    const delivered: EventEnvelope[] = [];
    const counter = await bus.subscribe({
      group: `${context}-counter`,
      topics: [eventsTopic(context)],
      handle: async (e) => void delivered.push(e),
    });
    const consumer = new InboxConsumer({
      bus,
      db,
      schema: store.schema,
      group: `${context}-inbox`,
      topics: [eventsTopic(context)],
      handle: async (e, query) => {
        await query(`INSERT INTO ${store.schema}.effects (event_id) VALUES ($1)`, [e.eventId]);
      },
    });
    await consumer.migrate();
    await db.query(`CREATE TABLE ${store.schema}.effects (event_id uuid PRIMARY KEY)`);
    await consumer.start();

    const first = relayOf(store, bus);
    await first.migrate();
    first.start();
    await appendEvents(store, 10, 'before');
    await eventually(() => expect(first.status().published).toBe(10));
    await first.stop();

    await appendEvents(store, 10, 'while stopped');
    const second = relayOf(store, bus);
    second.start();
    await eventually(() => expect(second.status().published).toBe(10)); // only the new ones: resumed
    await eventually(() => expect(delivered).toHaveLength(20));
    await eventually(async () => expect((await db.query(`SELECT 1 FROM ${store.schema}.effects`)).length).toBe(20));

    const stored = await store.readAll({ after: { transactionId: '0', globalPosition: '0' }, limit: 100 });
    expect(new Set(delivered.map((e) => e.eventId))).toEqual(new Set(stored.map((e) => e.eventId)));
    expect(versionsByStream(delivered)).toEqual({
      'case-0': [1, 2, 3, 4, 5, 6, 7, 8],
      'case-1': [1, 2, 3, 4, 5, 6],
      'case-2': [1, 2, 3, 4, 5, 6],
    });
    expect(delivered[0]).not.toHaveProperty('hash'); // the wire envelope, not the stored row
    const [checkpoint] = await db.query<{ global_position: string }>(
      `SELECT global_position::text FROM ${store.schema}.relay_checkpoints WHERE relay_name = 'outbox'`,
    );
    expect(checkpoint.global_position).toBe(stored[19].globalPosition);

    await second.stop();
    await consumer.stop();
    await counter.close();
    await bus.close();
  });

  it('runs one relay per store: the second instance stands by and takes over when the first stops', async () => {
    const store = await newStore('relay-pair');
    const inner = new InProcessBus();
    const published: Array<{ tag: string; envelope: EventEnvelope }> = [];
    const a = relayOf(store, new RecordingBus(inner, 'a', published));
    const b = relayOf(store, new RecordingBus(inner, 'b', published));
    await a.migrate();
    a.start();
    await eventually(() => expect(a.status().leader).toBe(true));
    b.start();
    await appendEvents(store, 12, 'one');
    await eventually(() => expect(published).toHaveLength(12));
    expect(b.status().leader).toBe(false);
    expect(new Set(published.map((p) => p.tag))).toEqual(new Set(['a']));

    await a.stop(); // hands the lease back
    await appendEvents(store, 6, 'two');
    await eventually(() => expect(published).toHaveLength(18));
    expect(published.slice(12).every((p) => p.tag === 'b')).toBe(true);
    expect(versionsByStream(published.map((p) => p.envelope))).toEqual({
      'case-0': [1, 2, 3, 4, 5, 6],
      'case-1': [1, 2, 3, 4, 5, 6],
      'case-2': [1, 2, 3, 4, 5, 6],
    });
    await b.stop();
  });

  it('takes over from a crashed holder once its lease expired', async () => {
    const store = await newStore('relay-crash');
    const published: Array<{ tag: string; envelope: EventEnvelope }> = [];
    const relay = relayOf(store, new RecordingBus(new InProcessBus(), 'r', published), { leaseMs: 1_000 });
    await relay.migrate();
    // A holder that died without releasing: its lease still runs for 1.5 s.
    await db.query(
      `INSERT INTO ${store.schema}.relay_checkpoints (relay_name, lease_owner, lease_until)
       VALUES ('outbox', 'crashed-instance', now() + interval '1.5 seconds')`,
    );
    await appendEvents(store, 3, 'x');
    relay.start();
    await new Promise((r) => setTimeout(r, 700));
    expect(published).toHaveLength(0);
    expect(relay.status().leader).toBe(false);
    await eventually(() => expect(published).toHaveLength(3), 10_000);
    expect(relay.status().leader).toBe(true);
    await relay.stop();
  });

  it('retries the same batch across bus errors: nothing lost, nothing reordered', async () => {
    const store = await newStore('relay-flaky');
    const published: Array<{ tag: string; envelope: EventEnvelope }> = [];
    await appendEvents(store, 9, 'x');
    const relay = relayOf(store, new RecordingBus(new InProcessBus(), 'r', published, 3), { batchSize: 4 });
    await relay.migrate();
    relay.start();
    await eventually(() => expect(relay.status().lastError).toBe('broker unavailable'));
    await eventually(() => expect(published).toHaveLength(9));
    expect(relay.status()).toEqual(expect.objectContaining({ leader: true, published: 9, lastError: null }));
    expect(published.map((p) => p.envelope.globalPosition)).toEqual(
      [...published].map((p) => p.envelope.globalPosition).sort((x, y) => Number(x) - Number(y)),
    );
    await relay.stop();
  });

  it('wake() publishes at once instead of waiting for the next poll', async () => {
    const store = await newStore('relay-wake');
    const published: Array<{ tag: string; envelope: EventEnvelope }> = [];
    const relay = relayOf(store, new RecordingBus(new InProcessBus(), 'r', published), { pollIntervalMs: 10_000 });
    await relay.migrate();
    relay.start();
    await eventually(() => expect(relay.status().leader).toBe(true));
    await new Promise((r) => setTimeout(r, 100)); // now in its long idle wait
    await appendEvents(store, 1, 'x');
    const started = Date.now();
    relay.wake();
    await eventually(() => expect(published).toHaveLength(1), 5_000);
    expect(Date.now() - started).toBeLessThan(2_000);
    await relay.stop();
  });
});
