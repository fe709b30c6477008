import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@pingan/contracts';
import { runMigrations, type Query } from '@pingan/event-store';
import type { ServiceRuntime } from '@pingan/platform';
import { createTestDatabase, openDatabase, testEnvelope, type TestDatabase } from '@pingan/testing';
import { applyDirectoryEvent } from '../directory/directory.js';
import { SCHEMA } from '../inbox/notification-store.js';
import { notificationsMigrations } from '../migrations/index.js';
import { TWO_COUNTIES, registrationOf } from '../notifications.fixture.js';
import type { LiveHub } from '../stream/live-hub.js';
import { NotificationRouter } from './notification-router.js';

/**
 * What routing one incident costs the database, on real PostgreSQL: the statements the router
 * sends in the inbox's transaction (besides BEGIN, the inbox claim and COMMIT), counted at the
 * query function. Issue 17's speed targets need this to stay flat however many addressees.
 */
describe('routing an incident: who is told, in how many round trips', () => {
  let database: TestDatabase;
  let db: Awaited<ReturnType<typeof openDatabase>>;
  let router: NotificationRouter;
  let sequence = 0;

  beforeAll(async () => {
    database = await createTestDatabase('notifications_router');
    db = await openDatabase(database.url);
    await runMigrations(db.db, SCHEMA, notificationsMigrations);
    for (const o of TWO_COUNTIES) {
      await applyDirectoryEvent(
        testEnvelope({ context: 'access', type: 'OrganisationRegistered', data: registrationOf(o) }),
        db.db.query,
        SCHEMA,
      );
    }
    // The county commission takes major incidents on a webhook: the notification brings a delivery.
    await db.db.query(
      `INSERT INTO ${SCHEMA}.channels (channel_id, organisation_id, region_code, kind, name, min_urgency, settings, sealed_secrets, enabled, created_at, created_by)
       VALUES ($1, 'hc-wz', '500101', 'webhook', '值班系统', 'high', '{}', '', true, now(), 'admin')`,
      [randomUUID()],
    );
    const runtime = { clock: () => new Date() } as unknown as ServiceRuntime;
    router = new NotificationRouter(runtime, { wake: () => undefined } as unknown as LiveHub);
  }, 120_000);

  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  const incident = (major: boolean): EventEnvelope => {
    const caseNumber = `500101-20261203-${String(++sequence).padStart(4, '0')}`;
    return testEnvelope({
      context: 'incidents',
      type: 'IncidentReported',
      streamType: 'incident',
      streamId: `incident-${caseNumber}`,
      correlationId: caseNumber,
      data: { caseNumber, hospitalId: 'hospital-central', regionCode: '500101', channel: 'hospital_report', major },
    });
  };

  /** Routes in one transaction, counting the statements the router sends. */
  async function routeCounting(envelope: EventEnvelope): Promise<{ made: number; statements: string[] }> {
    const statements: string[] = [];
    const made = await db.db.transaction((query) => {
      const counting: Query = (sql, params) => {
        statements.push(sql.replace(/\s+/g, ' ').slice(0, 60));
        return query(sql, params);
      };
      return router.route(envelope, counting);
    });
    return { made, statements };
  }

  const told = async (envelope: EventEnvelope) =>
    db.db.query<{ rule_id: string; organisation_id: string }>(
      `SELECT rule_id, organisation_id FROM ${SCHEMA}.notifications WHERE source_event_id = $1 ORDER BY seq`,
      [envelope.eventId],
    );

  it('a reported incident: the security office, the police office and the station on duty, in five statements', async () => {
    const envelope = incident(false);
    const { made, statements } = await routeCounting(envelope);
    expect(made).toBe(3);
    expect(await told(envelope)).toEqual([
      { rule_id: 'incident-reported', organisation_id: 'hospital-central' },
      { rule_id: 'incident-reported', organisation_id: 'office-central' },
      { rule_id: 'incident-reported', organisation_id: 'station-wz' },
    ]);
    // Case facts, rule overrides, the directory, the sequence lock, the notifications with their deliveries.
    expect(statements).toHaveLength(5);
  });

  it('a major incident: two rules, five addressees, a webhook delivery, still five statements; routed again, nothing new', async () => {
    const envelope = incident(true);
    const { made, statements } = await routeCounting(envelope);
    expect(made).toBe(5);
    expect((await told(envelope)).map((n) => `${n.rule_id} ${n.organisation_id}`).sort()).toEqual(
      [
        'incident-major hc-wz',
        'incident-major zfw-wz',
        'incident-reported hospital-central',
        'incident-reported office-central',
        'incident-reported station-wz',
      ].sort(),
    );
    const deliveries = await db.db.query<{ organisation_id: string }>(
      `SELECT n.organisation_id FROM ${SCHEMA}.deliveries d JOIN ${SCHEMA}.notifications n USING (notification_id) WHERE n.source_event_id = $1`,
      [envelope.eventId],
    );
    expect(deliveries).toEqual([{ organisation_id: 'hc-wz' }]);
    expect(statements).toHaveLength(5);

    expect((await routeCounting(envelope)).made).toBe(0);
    const [again] = await db.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${SCHEMA}.deliveries`);
    expect(again.n).toBe(1);
  });
});
