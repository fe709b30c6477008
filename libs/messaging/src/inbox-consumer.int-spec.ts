import { jest } from '@jest/globals';
import { eventsTopic } from '@pingan/contracts';
import type { Database } from '@pingan/event-store';
import { testEnvelope, eventually, specDatabase } from '@pingan/testing';
import { InboxConsumer, type InboxHandler } from './inbox-consumer.js';
import { InProcessBus } from './in-process-bus.js';

// The inbox path on real PostgreSQL, driven by the in-process bus (Kafka has its own file).
jest.setTimeout(60_000);

let db: Database;
let n = 0;

specDatabase('messaging_inbox', (opened) => (db = opened));

/** A consumer whose effect is one row per handled event in `<schema>.effects`. */
async function setup(handle?: InboxHandler) {
  const schema = `inbox_test_${++n}`;
  const bus = new InProcessBus();
  const consumer = new InboxConsumer({
    bus,
    db,
    schema,
    group: 'oversight',
    topics: [eventsTopic('messaging-test')],
    retryDelayMs: 10,
    handle:
      handle ??
      (async (envelope, query) => {
        await query(`INSERT INTO ${schema}.effects (event_id) VALUES ($1)`, [envelope.eventId]);
      }),
  });
  await consumer.migrate();
  await consumer.migrate(); // idempotent
  await db.query(`CREATE TABLE ${schema}.effects (event_id uuid NOT NULL, at timestamptz DEFAULT now())`);
  const count = async (table: string) => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.${table}`))[0].n);
  return { schema, bus, consumer, count };
}

describe('InboxConsumer on PostgreSQL', () => {
  it('a redelivered event changes nothing', async () => {
    const { consumer, count } = await setup();
    const envelope = testEnvelope();
    const meta = { topic: eventsTopic('messaging-test') };
    expect(await consumer.process(envelope, meta)).toBe('handled');
    expect(await consumer.process(envelope, meta)).toBe('duplicate');
    expect(await count('effects')).toBe(1);
    expect(await count('inbox')).toBe(1);
  });

  it('concurrent deliveries of one event (a rebalance) apply it once', async () => {
    const { consumer, count } = await setup();
    const envelope = testEnvelope();
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => consumer.process(envelope, { topic: eventsTopic('messaging-test') })),
    );
    expect(outcomes.filter((o) => o === 'handled')).toHaveLength(1);
    expect(await count('effects')).toBe(1);
  });

  it('the in-process bus delivers through the same inbox path', async () => {
    const { bus, consumer, count, schema } = await setup();
    await consumer.start();
    const first = testEnvelope({ version: 1 });
    const second = testEnvelope({ version: 2 });
    await bus.publish([first, second]);
    await bus.publish([first]); // redelivery, as after a relay restart
    expect(await count('effects')).toBe(2);
    const inbox = await db.query<{ event_id: string }>(`SELECT event_id FROM ${schema}.inbox ORDER BY processed_at`);
    expect(inbox.map((r) => r.event_id)).toEqual([first.eventId, second.eventId]);
    await consumer.stop();
    await bus.close();
  });

  it('rolls the effect back with the failure, retries, then dead-letters and moves on', async () => {
    let calls = 0;
    const { bus, consumer, count, schema } = await setup(async (envelope, query) => {
      await query(`INSERT INTO ${schema}.effects (event_id) VALUES ($1)`, [envelope.eventId]);
      if (envelope.type === 'Poison') {
        calls++;
        throw new Error('cannot apply poison');
      }
    });
    await consumer.start();
    const poison = testEnvelope({ type: 'Poison', version: 1 });
    const later = testEnvelope({ version: 2 });
    await bus.publish([poison, later]);
    await eventually(async () => expect(await count('effects')).toBe(1)); // only `later`: poison's rows rolled back
    expect(calls).toBe(3);
    expect(bus.deadLetters()).toEqual([
      expect.objectContaining({
        group: 'oversight',
        topic: eventsTopic('messaging-test'),
        envelope: poison,
        attempts: 3,
        error: expect.objectContaining({ message: 'cannot apply poison', stack: expect.stringContaining('Error') }),
      }),
    ]);
    await consumer.stop();
    await bus.close();
  });
});
