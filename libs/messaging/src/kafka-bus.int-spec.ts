import { jest } from '@jest/globals';
import { deadLetterTopic, eventsTopic } from '@pingan/contracts';
import type { Database } from '@pingan/event-store';
import {
  createTestDatabase,
  testKafkaBrokers,
  type TestDatabase,
  testEnvelope,
  eventually,
  openDatabase,
  uniqueContext,
} from '@pingan/testing';
import { Kafka, logLevel } from 'kafkajs';
import { InboxConsumer } from './inbox-consumer.js';
import { KafkaBus } from './kafka-bus.js';
import type { DeadLetter } from './message-bus.js';

// KafkaBus against the real broker, with the inbox on real PostgreSQL.
jest.setTimeout(120_000);

let testDb: TestDatabase;
let db: Database;
let closeDb: () => Promise<void>;
let bus: KafkaBus;

beforeAll(async () => {
  testDb = await createTestDatabase('messaging_kafka');
  ({ db, close: closeDb } = await openDatabase(testDb.url));
  bus = new KafkaBus({ brokers: testKafkaBrokers(), clientId: 'messaging-test' });
});
afterAll(async () => {
  await bus.close();
  await closeDb();
  await testDb.drop();
});

/** Reads a topic from the beginning with a plain kafkajs consumer, as an outside observer would. */
async function readTopic(topic: string, expected: number): Promise<Array<{ key: string | null; value: unknown }>> {
  const kafka = new Kafka({ clientId: 'observer', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `observer-${Date.now()}-${Math.random()}` });
  const seen: Array<{ key: string | null; value: unknown }> = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) =>
        void seen.push({ key: message.key?.toString() ?? null, value: JSON.parse(message.value!.toString()) }),
    });
    await eventually(() => expect(seen.length).toBeGreaterThanOrEqual(expected), 60_000);
    return seen;
  } finally {
    await consumer.disconnect();
  }
}

async function inboxSetup(schema: string, context: string, handle: (type: string) => void) {
  const consumer = new InboxConsumer({
    bus,
    db,
    schema,
    group: `${context}-oversight`,
    topics: [eventsTopic(context)],
    retryDelayMs: 10,
    handle: async (envelope, query) => {
      handle(envelope.type);
      await query(`INSERT INTO ${schema}.effects (event_id, version) VALUES ($1, $2)`, [envelope.eventId, envelope.version]);
    },
  });
  await consumer.migrate();
  await db.query(`CREATE TABLE ${schema}.effects (event_id uuid NOT NULL, version int NOT NULL)`);
  const effects = async () =>
    (await db.query<{ version: number }>(`SELECT version FROM ${schema}.effects ORDER BY version`)).map((r) => r.version);
  return { consumer, effects };
}

describe('KafkaBus on a real broker', () => {
  it('reports the broker as up', async () => {
    expect(await bus.health()).toEqual({ up: true, detail: 'kafka: 1 broker(s)' });
  });

  it('publishes key = stream id, value = envelope JSON, to the context topic', async () => {
    const context = uniqueContext('wire');
    const envelopes = [1, 2, 3].map((version) => testEnvelope({ context, streamId: 'case-7', version }));
    await bus.publish(envelopes);
    const seen = await readTopic(eventsTopic(context), 3);
    expect(seen).toEqual(envelopes.map((e) => ({ key: 'case-7', value: e })));
  });

  it('a redelivered event changes nothing', async () => {
    const context = uniqueContext('redeliver');
    const { consumer, effects } = await inboxSetup('kafka_redeliver', context, () => undefined);
    await consumer.start();
    const first = testEnvelope({ context, version: 1 });
    const second = testEnvelope({ context, version: 2 });
    await bus.publish([first, second]);
    await bus.publish([first, second]); // the relay re-sent a batch (at-least-once)
    const marker = testEnvelope({ context, version: 3 });
    await bus.publish([marker]);
    await eventually(async () => expect(await effects()).toEqual([1, 2, 3]));
    await consumer.stop();
  });

  it('a poison message lands in the dead-letter topic with the error, and later messages still flow', async () => {
    const context = uniqueContext('poison');
    let poisonCalls = 0;
    const { consumer, effects } = await inboxSetup('kafka_poison', context, (type) => {
      if (type === 'Poison') {
        poisonCalls++;
        throw new Error('cannot apply poison');
      }
    });
    await consumer.start();
    // One stream, so one partition: the later messages queue behind the poison one.
    const poison = testEnvelope({ context, type: 'Poison', streamId: 'case-1', version: 1 });
    const later = [2, 3].map((version) => testEnvelope({ context, streamId: 'case-1', version }));
    await bus.publish([poison, ...later]);
    await eventually(async () => expect(await effects()).toEqual([2, 3]));
    expect(poisonCalls).toBe(3);

    const [letter] = await readTopic(deadLetterTopic(eventsTopic(context)), 1);
    expect(letter.key).toBe('case-1');
    expect(letter.value).toEqual(
      expect.objectContaining<Partial<DeadLetter>>({
        topic: eventsTopic(context),
        group: `${context}-oversight`,
        envelope: poison,
        attempts: 3,
        partition: expect.any(Number),
        offset: expect.any(String),
        error: expect.objectContaining({ message: 'cannot apply poison', stack: expect.stringContaining('Error') }),
      }),
    );
    await consumer.stop();
  });

  it('reports a broker that cannot be reached as down', async () => {
    const nowhere = new KafkaBus({
      brokers: ['127.0.0.1:1'],
      clientId: 'messaging-test-down',
      kafka: { retry: { retries: 0 }, connectionTimeout: 500 },
    });
    const health = await nowhere.health();
    expect(health.up).toBe(false);
    await nowhere.close();
  });

  it('keeps systems with different topic prefixes apart on one cluster', async () => {
    const context = uniqueContext('prefix');
    const staging = new KafkaBus({ brokers: testKafkaBrokers(), clientId: 'staging', topicPrefix: 'staging.' });
    const training = new KafkaBus({ brokers: testKafkaBrokers(), clientId: 'training', topicPrefix: 'training.' });
    const seen: Array<{ bus: string; topic: string; type: string }> = [];
    const subscriptions = await Promise.all(
      [
        ['staging', staging],
        ['training', training],
      ].map(([name, b]) =>
        (b as KafkaBus).subscribe({
          group: `${context}-${name as string}`,
          topics: [eventsTopic(context)],
          handle: async (envelope, meta) => void seen.push({ bus: name as string, topic: meta.topic, type: envelope.type }),
        }),
      ),
    );
    try {
      await staging.publish([testEnvelope({ context, type: 'OnStaging' })]);
      await training.publish([testEnvelope({ context, type: 'OnTraining' })]);
      await eventually(() => expect(seen).toHaveLength(2), 60_000);
      // each system sees only its own event, under the plain topic name
      expect(seen.sort((a, b) => a.bus.localeCompare(b.bus))).toEqual([
        { bus: 'staging', topic: eventsTopic(context), type: 'OnStaging' },
        { bus: 'training', topic: eventsTopic(context), type: 'OnTraining' },
      ]);
      expect((await readTopic(`staging.${eventsTopic(context)}`, 1)).map((m) => (m.value as { type: string }).type)).toEqual(['OnStaging']);
    } finally {
      await Promise.all(subscriptions.map((sub) => sub.close()));
      await staging.close();
      await training.close();
    }
  });
});
