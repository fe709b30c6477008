import { ChinaCalendar } from '@pingan/calendar';
import { databaseFromDataSource } from '@pingan/event-store';
import { createTestDatabase, type TestDatabase, EXAMPLE_RULES } from '@pingan/testing';
import { DataSource } from 'typeorm';
import { DeadlineStore } from './deadline-store.js';

// Opt-in (DEADLINES_BENCH=1): a sweep over 1,000,000 running clocks of which 10,000 are due.
const maybe = process.env.DEADLINES_BENCH ? describe : describe.skip;

maybe('sweep benchmark', () => {
  let db: TestDatabase;
  let source: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('deadlines_bench');
    source = await new DataSource({ type: 'postgres', url: db.url }).initialize();
  });
  afterAll(async () => {
    await source.destroy();
    await db.drop();
  });

  it('finds and fires 10,000 due clocks among 1,000,000', async () => {
    const store = new DeadlineStore({
      database: databaseFromDataSource(source),
      schema: 'bench',
      rules: EXAMPLE_RULES,
      calendar: new ChinaCalendar(),
    });
    await store.migrate();
    const rule = JSON.stringify(EXAMPLE_RULES.find((r) => r.name === 'national-hc-report'));
    // Clocks i < 10,000 warned an hour ago (due in 2 h); the rest warn in a day or more.
    await source.query(
      `INSERT INTO bench.deadlines (id, subject, rule_name, rule, state, started_at, due_at, warn_at, next_fire_at, provisional)
       SELECT 'd' || i, 'case-' || (i % 50000), 'national-hc-report', $1::jsonb, 'running',
              now() - interval '10 hours', now() + interval '2 hours' + (i * interval '1 second'),
              w, w, false
         FROM generate_series(0, 999999) AS i,
              LATERAL (SELECT CASE WHEN i < 10000 THEN now() - interval '1 hour' ELSE now() + interval '1 day' + i * interval '1 second' END AS w) x`,
      [rule],
    );
    await source.query('ANALYZE bench.deadlines');
    const plan = await source.query<Array<{ 'QUERY PLAN': string }>>(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT id FROM bench.deadlines WHERE state = 'running' AND next_fire_at < now()
        ORDER BY next_fire_at LIMIT 500 FOR UPDATE SKIP LOCKED`,
    );
    console.log(plan.map((row) => row['QUERY PLAN']).join('\n'));

    let events = 0;
    const started = performance.now();
    const result = await store.sweep(new Date(Date.now() + 1000), async () => {
      events++;
    });
    const ms = performance.now() - started;
    console.log(`sweep: ${JSON.stringify(result)} in ${ms.toFixed(0)} ms`);
    expect(result).toEqual({ warned: 10_000, breached: 0, lapsed: 0 });
    expect(events).toBe(10_000);
  }, 600_000);
});
