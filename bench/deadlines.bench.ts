/**
 * npm run bench:deadlines
 * Legal clocks at scale: BENCH_CLOCKS (default 1,000,000) running clocks of which BENCH_DUE
 * (default 10,000) fall due at the same instant. A DeadlineSweeper on the services' default
 * interval (1 s) breaches them; we time from the due instant until the last DeadlineBreached is
 * committed, and sample this process's resident memory (the sweeper runs in it). Two runs:
 * - "as the services do": each breach appended to the event store in the sweep's transaction
 *   (ServiceRuntime.recordDeadlineEvent: one append per clock stream `deadline-<id>`);
 * - "sweep alone": the handler only counts, i.e. the DeadlineStore's own cost.
 * The seeding follows libs/deadlines/src/deadline-sweep.bench.int-spec.ts. Asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { ChinaCalendar } from '@pingan/calendar';
import { SYSTEM_ACTOR } from '@pingan/contracts';
import { DeadlineStore, DeadlineSweeper, type DeadlineEvent } from '@pingan/deadlines';
import { PostgresEventStore, databaseFromDataSource, type Query } from '@pingan/event-store';
import { EXAMPLE_RULES } from '@pingan/testing';
import { createDatabase, fmt, header, load, openDataSource, withInfra } from './support.js';

const CLOCKS = Number(process.env.BENCH_CLOCKS ?? 1_000_000);
const DUE = Number(process.env.BENCH_DUE ?? 10_000);
const INTERVAL_MS = Number(process.env.BENCH_SWEEP_INTERVAL_MS ?? 1_000);

const rssMiB = (): number => {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN);
  return kb / 1024;
};

await withInfra(async ({ databaseUrl, describe }) => {
  header('deadlines', describe);
  const database = await createDatabase(databaseUrl, 'bench_deadlines');
  const ds = await openDataSource(database.url, 4);
  const db = databaseFromDataSource(ds);
  try {
    for (const mode of ['as the services do', 'sweep alone'] as const) {
      const schema = mode === 'sweep alone' ? 'alone' : 'services';
      const store = new DeadlineStore({ database: db, schema, rules: EXAMPLE_RULES, calendar: new ChinaCalendar() });
      await store.migrate();
      const events = new PostgresEventStore({ db, schema, context: 'bench' });
      await events.migrate();
      const rule = JSON.stringify(EXAMPLE_RULES.find((r) => r.name === 'national-hc-report'));
      // The due instant: far enough ahead for seeding and one idle sweep before it.
      const seedStarted = performance.now();
      await ds.query(
        `INSERT INTO ${schema}.deadlines (id, subject, rule_name, rule, state, started_at, due_at, warn_at, next_fire_at, provisional, warned_at)
         SELECT 'd' || i, 'case-' || (i % 50000), 'national-hc-report', $1::jsonb,
                CASE WHEN i < $2 THEN 'warned' ELSE 'running' END,
                now() - interval '10 hours', due, due - interval '3 hours',
                CASE WHEN i < $2 THEN due ELSE due - interval '3 hours' END, false,
                CASE WHEN i < $2 THEN now() - interval '1 hour' END
           FROM generate_series(0, $3 - 1) AS i,
                LATERAL (SELECT CASE WHEN i < $2 THEN timestamptz '2100-01-01' ELSE now() + interval '1 day' + i * interval '1 second' END AS due) x`,
        [rule, DUE, CLOCKS],
      );
      await ds.query(`ANALYZE ${schema}.deadlines`);
      const dueAt = Date.now() + 3_000;
      await ds.query(`UPDATE ${schema}.deadlines SET due_at = $1, next_fire_at = $1 WHERE state = 'warned'`, [new Date(dueAt)]);
      console.log(
        `\n${mode}: ${fmt(CLOCKS)} clocks seeded in ${fmt((performance.now() - seedStarted) / 1000, 1)} s, ${fmt(DUE)} of them due at once`,
      );

      let breached = 0;
      let lastBreachAt = 0;
      let done!: () => void;
      const allBreached = new Promise<void>((resolve) => (done = resolve));
      const onEvent = async (event: DeadlineEvent, query: Query) => {
        if (mode === 'as the services do') {
          const { type, ...data } = event;
          await events.using(query).append(`deadline-${data.deadlineId}`, [{ type, data, occurredAt: new Date(event.at) }], {
            streamType: 'deadline',
            expectedVersion: 'any',
            actor: SYSTEM_ACTOR,
            correlationId: data.subject,
          });
        }
        if (event.type === 'DeadlineBreached') breached++;
      };
      // Count a sweep's breaches once it has returned (committed).
      const sweeper = new DeadlineSweeper({ store, intervalMs: INTERVAL_MS, onEvent, onError: (e) => console.error(e) });
      const sweepOnce = sweeper.sweepOnce.bind(sweeper);
      const sweeps: number[] = [];
      sweeper.sweepOnce = async () => {
        const t = performance.now();
        const result = await sweepOnce();
        if (result.breached > 0) sweeps.push(performance.now() - t);
        if (breached >= DUE && !lastBreachAt) {
          lastBreachAt = Date.now();
          done();
        }
        return result;
      };
      const rssBefore = rssMiB();
      let rssPeak = rssBefore;
      const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMiB())), 50);
      sweeper.start();
      await Promise.race([allBreached, new Promise((r) => setTimeout(r, 120_000))]);
      await sweeper.stop();
      clearInterval(sampler);
      console.log(
        `  ${fmt(breached)}/${fmt(DUE)} breached; due → last DeadlineBreached committed: ${fmt((lastBreachAt - dueAt) / 1000, 2)} s ` +
          `(sweep interval ${fmt(INTERVAL_MS)} ms; the breaching sweep(s) took ${sweeps.map((s) => `${fmt(s)} ms`).join(' + ')})`,
      );
      console.log(`  target: all within 2 s — ${lastBreachAt && lastBreachAt - dueAt <= 2_000 ? 'met' : 'missed'}`);
      console.log(
        `  sweeper process RSS: ${fmt(rssBefore)} MiB before, peak ${fmt(rssPeak)} MiB during (sampled every 50 ms); load ${load()}`,
      );
    }
  } finally {
    await ds.destroy();
    await database.drop();
  }
});
