import { jest } from '@jest/globals';
import { SYSTEM_ACTOR, eventsTopic } from '@pingan/contracts';
import { PostgresEventStore, type Database } from '@pingan/event-store';
import { canRestartKafkaBroker, restartKafkaBroker, testKafkaBrokers, eventually, uniqueContext, specDatabase } from '@pingan/testing';
import { InboxConsumer } from './inbox-consumer.js';
import { KafkaBus } from './kafka-bus.js';
import { OutboxRelay } from './outbox-relay.js';

// Its own file: restarting the broker disturbs every test using Kafka at that moment.
jest.setTimeout(240_000);

let db: Database;

specDatabase('messaging_restart', (opened) => (db = opened));

const maybe = canRestartKafkaBroker() ? it : it.skip;

describe('OutboxRelay across a Kafka broker restart', () => {
  maybe('loses nothing: every appended event reaches the consumer exactly once in effect', async () => {
    const context = uniqueContext('restart');
    const store = new PostgresEventStore({ db, schema: 'restart_test', context });
    await store.migrate();
    const bus = new KafkaBus({ brokers: testKafkaBrokers(), clientId: 'restart-test' });
    const relay = new OutboxRelay({ name: 'outbox', source: store, bus, db, schema: store.schema, pollIntervalMs: 50 });
    const consumer = new InboxConsumer({
      bus,
      db,
      schema: store.schema,
      group: `${context}-inbox`,
      topics: [eventsTopic(context)],
      handle: async (e, query) => {
        await query(`INSERT INTO ${store.schema}.effects (event_id, stream_id, version) VALUES ($1, $2, $3)`, [
          e.eventId,
          e.streamId,
          e.version,
        ]);
      },
    });
    try {
      await relay.migrate();
      await db.query(`CREATE TABLE ${store.schema}.effects (event_id uuid PRIMARY KEY, stream_id text, version int)`);
      await consumer.start();
      relay.start();

      // 4 writers × 50 appends; the broker restarts while they write.
      const writer = async (w: number) => {
        for (let i = 0; i < 50; i++) {
          await store.append(`case-${w}`, [{ type: 'TestHappened', data: { w, i } }], {
            streamType: 'test',
            expectedVersion: i === 0 ? 'no_stream' : i,
            actor: SYSTEM_ACTOR,
            correlationId: `case-${w}`,
          });
          relay.wake();
          await new Promise((r) => setTimeout(r, 20));
        }
      };
      const writing = Promise.all([0, 1, 2, 3].map(writer));
      await new Promise((r) => setTimeout(r, 300));
      await restartKafkaBroker();
      await writing;

      await eventually(async () => {
        const [{ n }] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${store.schema}.effects`);
        expect(Number(n)).toBe(200);
      }, 180_000);
      expect(relay.status().published).toBeGreaterThanOrEqual(200); // at least once: a retried batch may repeat
      // Per stream, the effects arrived in version order (inbox rows carry the processing time).
      const rows = await db.query<{ stream_id: string; versions: number[] }>(
        `SELECT e.stream_id, array_agg(e.version ORDER BY i.processed_at, e.version) AS versions
           FROM ${store.schema}.effects e JOIN ${store.schema}.inbox i ON i.event_id = e.event_id
          GROUP BY e.stream_id ORDER BY e.stream_id`,
      );
      for (const row of rows) expect(row.versions).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    } finally {
      await relay.stop();
      await consumer.stop();
      await bus.close();
    }
  });
});
