/**
 * npm run bench:e2e
 * End to end over real Kafka: incidents reported over HTTP at a rising rate, each timed from the
 * moment the request is sent until its IncidentReported is in oversight's read model
 * (`oversight.timeline`). Distributed mode (every service its own process, test/support's
 * DistributedSystem) at the gateway and directly at the incidents service; then the embedded
 * mode (the standalone app: one process, in-process bus). Peak resident memory (VmHWM) of every
 * service process. Loopback only; every step bounded in count and time. Asserts nothing.
 *
 * How "visible" is observed (the same in both modes): a poller queries oversight's own database
 * every BENCH_POLL_MS (20) for the case numbers still pending — one indexed query per tick, not
 * one HTTP call per incident, so watching adds almost no load. The embedded app is therefore run
 * on the same PostgreSQL server (DATABASE_URL) instead of PGlite, which also keeps the two modes
 * comparable. A latency includes up to one poll interval.
 *
 * BENCH_E2E_RATES (incidents/s, default 25,50,100,200,300,500,700,1000,1400), BENCH_E2E_STEP_S
 * (10) per ramp step, BENCH_E2E_HOLD_S (60) at the highest passing rate, BENCH_E2E_MODES
 * (gateway,direct,embedded). A step passes when every incident is accepted (201) and visible
 * within 5 s of the step's end, nothing is shed (over BENCH_E2E_MAX_IN_FLIGHT, 512, in flight)
 * and the p99 is under 250 ms; the ramp goes on while the system keeps up, to show the ceiling.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createTestDatabase } from '@pingan/testing';
import pg from 'pg';
import { DistributedSystem, GatewayClient } from '../test/support/distributed-system.js';
import { fmt, header, load, openLoop, type LoadCounts, percentile, startStandalone, withInfra } from './support.js';

const RATES = (process.env.BENCH_E2E_RATES ?? '25,50,100,200,300,500,700,1000,1400').split(',').map(Number);
const STEP_S = Number(process.env.BENCH_E2E_STEP_S ?? 10);
const HOLD_S = Number(process.env.BENCH_E2E_HOLD_S ?? 60);
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 20);
const MAX_IN_FLIGHT = Number(process.env.BENCH_E2E_MAX_IN_FLIGHT ?? 512);
const MODES = (process.env.BENCH_E2E_MODES ?? 'gateway,direct,embedded').split(',');
const P99_LIMIT_MS = 250;

interface StepResult extends LoadCounts {
  visible: number;
  achieved: number;
  http: { p50: number; p99: number };
  visibleLatency: { p50: number; p99: number; max: number };
  pass: boolean;
}

/** Drives one target URL at a fixed rate and watches oversight's database for the results. */
class Driver {
  private firstError = '';
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly body: () => unknown,
    private readonly oversight: pg.Pool,
  ) {}

  async step(rate: number, seconds: number): Promise<StepResult> {
    const pending = new Map<string, number>();
    const http: number[] = [];
    const visible: number[] = [];
    let accepted = 0,
      failed = 0;
    const polling = { on: true };
    let drainUntil = Infinity;
    const poller = (async () => {
      while (polling.on || pending.size > 0) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        if (pending.size === 0) continue;
        const { rows } = await this.oversight.query<{ case_number: string }>(
          `SELECT case_number FROM oversight.timeline WHERE type = 'IncidentReported' AND case_number = ANY($1)`,
          [[...pending.keys()]],
        );
        const now = performance.now();
        for (const { case_number } of rows) {
          const t = pending.get(case_number);
          if (t !== undefined) visible.push(now - t);
          pending.delete(case_number);
        }
        if (!polling.on && now > drainUntil) break;
      }
    })();
    // open loop: requests are sent on schedule whether or not earlier ones have answered
    const { sent, shed, elapsed } = await openLoop(rate, seconds, MAX_IN_FLIGHT, () => {
      const t = performance.now();
      return fetch(`${this.baseUrl}/incidents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(this.body()),
      })
        .then(async (res) => {
          const text = await res.text();
          http.push(performance.now() - t);
          if (res.status !== 201) {
            failed++;
            this.firstError ||= `${res.status} ${text.slice(0, 300)}`;
            return;
          }
          accepted++;
          pending.set((JSON.parse(text) as { caseNumber: string }).caseNumber, t);
        })
        .catch((error: unknown) => {
          failed++;
          this.firstError ||= String(error);
        });
    });
    drainUntil = performance.now() + 5_000;
    polling.on = false;
    await poller;
    http.sort((a, b) => a - b);
    visible.sort((a, b) => a - b);
    const p99 = percentile(visible, 99);
    return {
      rate,
      seconds,
      sent,
      accepted,
      failed,
      shed,
      visible: visible.length,
      achieved: accepted / elapsed,
      http: { p50: percentile(http, 50), p99: percentile(http, 99) },
      visibleLatency: { p50: percentile(visible, 50), p99, max: visible[visible.length - 1] ?? NaN },
      pass: failed === 0 && shed === 0 && visible.length === sent && p99 < P99_LIMIT_MS,
    };
  }

  get error(): string {
    return this.firstError;
  }
}

const stepText = (r: StepResult) =>
  `${fmt(r.rate).padStart(5)}/s × ${r.seconds} s: ${fmt(r.accepted)}/${fmt(r.sent)} accepted (${fmt(r.achieved)}/s), ${fmt(r.visible)} visible, ` +
  `${r.failed} failed, ${r.shed} shed; HTTP p50 ${fmt(r.http.p50, 1)} / p99 ${fmt(r.http.p99, 1)} ms; ` +
  `visible p50 ${fmt(r.visibleLatency.p50, 1)} / p99 ${fmt(r.visibleLatency.p99, 1)} / max ${fmt(r.visibleLatency.max)} ms ` +
  `${r.pass ? 'PASS' : 'FAIL'}   load ${load()}`;

/**
 * Ramps up while the system keeps up (everything accepted and visible, nothing shed), noting the
 * highest rate whose p99 was under the limit; then holds that rate for HOLD_S (once lower if the
 * hold fails). The ramp also shows the throughput ceiling, whatever the latency.
 */
async function rampAndHold(label: string, driver: Driver, hold: boolean): Promise<StepResult | null> {
  console.log(`\n${label}`);
  let best: number | null = null;
  for (const rate of RATES) {
    const r = await driver.step(rate, STEP_S);
    console.log(`  ramp ${stepText(r)}`);
    if (r.pass) best = rate;
    const keptUp = r.failed === 0 && r.shed === 0 && r.visible === r.sent && r.achieved >= 0.95 * rate;
    if (!keptUp) {
      if (driver.error) console.log(`    first error: ${driver.error}`);
      break;
    }
  }
  if (best === null || !hold) return null;
  for (const rate of [best, RATES[RATES.indexOf(best) - 1]].filter((x) => x !== undefined)) {
    const r = await driver.step(rate, HOLD_S);
    console.log(`  hold ${stepText(r)}`);
    if (r.pass) return r;
  }
  return null;
}

/** What oversight had to consume per incident: the timeline's rows by type. */
async function eventsPerIncident(oversight: pg.Pool): Promise<string> {
  const { rows } = await oversight.query<{ type: string; n: number }>(
    `SELECT type, count(*)::int AS n FROM oversight.timeline GROUP BY type ORDER BY n DESC`,
  );
  const reported = rows.find((r) => r.type === 'IncidentReported')?.n ?? 0;
  const total = rows.reduce((sum, r) => sum + r.n, 0);
  return `${fmt(total)} events in oversight's timeline for ${fmt(reported)} incidents (${fmt(total / Math.max(1, reported), 1)} per incident): ${rows
    .map((r) => `${r.type} ${fmt(r.n)}`)
    .join(', ')}`;
}

function peakMemory(pid: number): { hwm: number; rss: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024;
  return { hwm: kb('VmHWM'), rss: kb('VmRSS') };
}

async function reportBody(client: GatewayClient) {
  // The hospital by its id only: the incidents service reads its region and police office from the
  // directory itself (the body may name nothing more). Who is who through the API, not assumed.
  const security = (await client.as('wz.security', 'GET', '/auth/me')).body as { organisationId: string };
  const facts = { hospitalId: security.organisationId };
  return () => {
    const now = Date.now();
    return {
      hospital: facts,
      occurredAt: new Date(now - 90_000).toISOString(),
      intake: {
        channel: 'call_110',
        callReceivedAt: new Date(now - 60_000).toISOString(),
        description: '急诊科患者家属殴打护士，仍在现场纠缠',
      },
    };
  };
}

await withInfra(async ({ databaseUrl, kafkaBrokers, describe }) => {
  // the harness's helpers read these (createTestDatabase, testKafkaBrokers)
  Object.assign(process.env, { DATABASE_URL: databaseUrl, KAFKA_BROKERS: kafkaBrokers.join(',') });
  header('end to end', describe);
  console.log(
    `ramp ${RATES.join(', ')} incidents/s, ${STEP_S} s a step; hold ${HOLD_S} s; visible = row in oversight.timeline, polled every ${POLL_MS} ms`,
  );
  DistributedSystem.build();
  const summary: string[] = [];

  if (MODES.includes('gateway') || MODES.includes('direct')) {
    const system = new DistributedSystem();
    // DistributedSystem keeps its processes and databases private; the benchmark needs their pids
    // (memory) and URLs (the incidents service, oversight's database), read here without copying it.
    const internals = system as unknown as {
      running: Array<{ name: string; process: ChildProcess; url: string }>;
      databases: Array<{ url: string }>;
    };
    await system.start();
    const oversightUrl = internals.databases.find((d) => d.url.includes('/e2e_oversight_'))!.url;
    const oversight = new pg.Pool({ connectionString: oversightUrl, max: 2 });
    try {
      const client = new GatewayClient(system.gatewayUrl, system.passwords);
      const body = await reportBody(client);
      const token = await client.login('wz.dispatcher');
      const incidentsUrl = internals.running.find((r) => r.name === 'incidents')!.url;
      if (MODES.includes('gateway')) {
        const held = await rampAndHold(
          'distributed, at the gateway (gateway → incidents → Kafka → oversight)',
          new Driver(system.gatewayUrl, token, body, oversight),
          true,
        );
        summary.push(
          `distributed via gateway: ${held ? `${fmt(held.rate)}/s held ${HOLD_S} s, visible p50 ${fmt(held.visibleLatency.p50, 1)} ms p99 ${fmt(held.visibleLatency.p99, 1)} ms` : 'no rate held'}`,
        );
      }
      if (MODES.includes('direct')) {
        const held = await rampAndHold(
          'distributed, directly at the incidents service (no gateway hop)',
          new Driver(incidentsUrl, token, body, oversight),
          MODES.length === 1,
        );
        summary.push(`distributed direct: ${held ? `${fmt(held.rate)}/s held` : 'ramp only (see above)'}`);
      }
      console.log(`\n${await eventsPerIncident(oversight)}`);
      console.log('peak resident memory of each process (VmHWM) after the distributed runs');
      for (const r of internals.running) {
        const m = peakMemory(r.process.pid!);
        console.log(`  ${r.name.padEnd(18)} peak ${fmt(m.hwm).padStart(5)} MiB   now ${fmt(m.rss).padStart(5)} MiB`);
      }
    } finally {
      await oversight.end();
      await system.stop();
    }
  }

  if (MODES.includes('embedded')) {
    const db = await createTestDatabase('bench_embedded');
    // BENCH_E2E_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to profile the app under load
    const nodeArgs = (process.env.BENCH_E2E_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const app = await startStandalone(db.url, {}, nodeArgs).catch(async (error: unknown) => {
      await db.drop();
      throw error;
    });
    const oversight = new pg.Pool({ connectionString: db.url, max: 2 });
    try {
      const url = app.url;
      const client = new GatewayClient(url, app.passwords);
      const body = await reportBody(client);
      const held = await rampAndHold(
        'embedded (one process, in-process bus, same PostgreSQL server)',
        new Driver(url, await client.login('wz.dispatcher'), body, oversight),
        true,
      );
      summary.push(
        `embedded: ${held ? `${fmt(held.rate)}/s held ${HOLD_S} s, visible p50 ${fmt(held.visibleLatency.p50, 1)} ms p99 ${fmt(held.visibleLatency.p99, 1)} ms` : 'no rate held'}`,
      );
      console.log(`  ${await eventsPerIncident(oversight)}`);
      const m = peakMemory(app.pid);
      console.log(`  standalone         peak ${fmt(m.hwm).padStart(5)} MiB   now ${fmt(m.rss).padStart(5)} MiB`);
    } finally {
      await oversight.end();
      await app.stop();
      await db.drop();
    }
  }
  console.log(`\nsummary (target: ≥ 1,000 incidents/s held 60 s with p99 < ${P99_LIMIT_MS} ms, distributed, 2 cores)`);
  for (const line of summary) console.log(`  ${line}`);
});
