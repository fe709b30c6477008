/**
 * npm run bench:notifications
 * Time to tell (issue 17, "Speed to reach"), on real PostgreSQL and Kafka, embedded then distributed:
 *
 * 1. Live stream. A police dispatcher of the demo county (wz.dispatcher, the station on duty)
 *    keeps the live stream open (a ticket, then GET /notifications/stream, read as a plain
 *    text/event-stream with fetch); the central hospital's security officer (wz.security)
 *    reports incidents at BENCH_NOTIFY_RATE (50) a second for BENCH_NOTIFY_SECONDS (20). Each is
 *    timed from the HTTP response of POST /incidents to the `notification` frame with its case
 *    number on the stream. Targets: p99 < 500 ms embedded, < 1 s distributed.
 * 2. Webhook. A system administrator registers a signed webhook channel for the county health
 *    commission (whom `incident-major` tells) pointing to a receiver on 127.0.0.1 that verifies
 *    each request as docs/notifications.md says (timestamp window, HMAC, idempotency key); major
 *    incidents (a member of staff seriously injured) at BENCH_NOTIFY_MAJOR_RATE (5) a second for
 *    BENCH_NOTIFY_MAJOR_SECONDS (20), each timed from the report's HTTP response to the webhook's
 *    arrival. Target: p99 < 2 s. The delivery worker looks every NOTIFICATIONS_POLL_MS (500 ms,
 *    the service's default, in both modes); that bounds what this can reach.
 *
 * Open loop (requests go out on schedule whatever the earlier ones do), at most
 * BENCH_NOTIFY_MAX_IN_FLIGHT (256) in flight, the rest counted as shed; after the load, stragglers
 * are waited for BENCH_NOTIFY_DRAIN_S (10) at most; what has not arrived by then is missing.
 * Loopback only. BENCH_NOTIFY_MODES (embedded,distributed); BENCH_SKIP_BUILD=1 when dist/ is fresh. Prints the figures and writes
 * bench/results/<date>-notifications.json. Asserts nothing.
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '@pingan/testing';
import pg from 'pg';
import { DistributedSystem, GatewayClient } from '../test/support/distributed-system.js';
import { fmt, header, load, openLoop, type LoadCounts, percentile, startStandalone, withInfra, writeResults } from './support.js';

const RATE = Number(process.env.BENCH_NOTIFY_RATE ?? 50);
const SECONDS = Number(process.env.BENCH_NOTIFY_SECONDS ?? 20);
const MAJOR_RATE = Number(process.env.BENCH_NOTIFY_MAJOR_RATE ?? 5);
const MAJOR_SECONDS = Number(process.env.BENCH_NOTIFY_MAJOR_SECONDS ?? 20);
const MAX_IN_FLIGHT = Number(process.env.BENCH_NOTIFY_MAX_IN_FLIGHT ?? 256);
const DRAIN_MS = Number(process.env.BENCH_NOTIFY_DRAIN_S ?? 10) * 1000;
const MODES = (process.env.BENCH_NOTIFY_MODES ?? 'embedded,distributed').split(',');
/** The delivery worker's interval as the services run here (its default; neither mode sets it). */
const POLL_MS = 500;
const TARGETS = { streamEmbeddedMs: 500, streamDistributedMs: 1000, webhookMs: 2000 };

interface Latencies {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  min: number;
}

const latencies = (values: number[]): Latencies => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
    min: sorted[0] ?? NaN,
  };
};

interface Phase extends LoadCounts {
  delivered: number;
  missing: number;
  http: Latencies;
  /** From the report's HTTP response to its arrival (stream frame or webhook), ms. */
  reach: Latencies;
  load: { before: string; after: string };
  /** When each report's response came (performance.now()), by case number. */
  answered: Map<string, number>;
  firstError?: string;
  breakdown?: Record<string, Latencies>;
}

/** The dispatcher's live stream, read as text/event-stream; the first arrival of each case number. */
class LiveStream {
  readonly arrivals = new Map<string, number>();
  frames = 0;
  private readonly abort = new AbortController();
  private done: Promise<void> = Promise.resolve();

  static async open(baseUrl: string, client: GatewayClient, username: string): Promise<LiveStream> {
    const ticket = await client.as(username, 'POST', '/notifications/stream-tickets');
    if (ticket.status !== 201) throw new Error(`stream ticket for ${username}: ${ticket.status} ${ticket.text}`);
    const stream = new LiveStream();
    const res = await fetch(`${baseUrl}${(ticket.body as { url: string }).url}`, {
      headers: { accept: 'text/event-stream' },
      signal: stream.abort.signal,
    });
    if (res.status !== 200 || !res.body) throw new Error(`stream of ${username}: ${res.status} ${await res.text()}`);
    let ready!: () => void;
    const isReady = new Promise<void>((r) => (ready = r));
    stream.done = stream.read(res.body, ready);
    await Promise.race([
      isReady,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no ready frame on ${username}'s stream`)), 30_000)),
    ]);
    return stream;
  }

  private async read(body: ReadableStream<Uint8Array>, ready: () => void): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        const now = performance.now();
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
          const field = (name: string) =>
            block
              .split(/\r?\n/)
              .filter((l) => l.startsWith(`${name}:`))
              .map((l) => l.slice(name.length + 1).replace(/^ /, ''))
              .join('\n');
          const event = field('event');
          if (event === 'ready') ready();
          if (event !== 'notification') continue;
          this.frames++;
          const { caseNumber } = JSON.parse(field('data')) as { caseNumber: string | null };
          if (caseNumber && !this.arrivals.has(caseNumber)) this.arrivals.set(caseNumber, now);
        }
      }
    } catch (error) {
      if (!this.abort.signal.aborted) throw error;
    }
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.done;
  }
}

/** A webhook receiver written from docs/notifications.md ("Verifying a webhook"); the first arrival of each case number. */
class WebhookReceiver {
  readonly arrivals = new Map<string, number>();
  readonly secret = randomBytes(24).toString('base64url');
  refused = 0;
  repeats = 0;
  private readonly seen = new Set<string>();
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const now = performance.now();
        const raw = Buffer.concat(chunks).toString('utf8');
        const verdict = this.verify(req.headers, raw);
        if (verdict === 'refused') {
          this.refused++;
          res.writeHead(401).end();
          return;
        }
        if (verdict === 'repeat') this.repeats++;
        else {
          const { notification } = JSON.parse(raw) as { notification: { caseNumber: string | null } };
          if (notification.caseNumber && !this.arrivals.has(notification.caseNumber)) this.arrivals.set(notification.caseNumber, now);
        }
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/pingan`;
  }

  private verify(headers: IncomingMessage['headers'], raw: string): 'ok' | 'refused' | 'repeat' {
    const timestamp = String(headers['x-pingan-timestamp'] ?? '');
    if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return 'refused';
    const expected = Buffer.from(`v1=${createHmac('sha256', this.secret).update(`${timestamp}.${raw}`).digest('hex')}`);
    const given = Buffer.from(String(headers['x-pingan-signature'] ?? ''));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'refused';
    const key = String(headers['idempotency-key'] ?? '');
    if (this.seen.has(key)) return 'repeat';
    this.seen.add(key);
    return 'ok';
  }

  stop(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

type Body = () => unknown;

/** One POST /incidents; `at` is when its response was read in full. */
async function reportOne(baseUrl: string, token: string, body: Body): Promise<{ status: number; text: string; at: number }> {
  const res = await fetch(`${baseUrl}/incidents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify(body()),
  });
  const text = await res.text();
  return { status: res.status, text, at: performance.now() };
}

/**
 * Reports incidents at `rate` for `seconds` (open loop) and times each from its HTTP response to
 * its arrival in `arrivals` (filled by the stream or the receiver), waiting for stragglers.
 */
async function drive(
  baseUrl: string,
  token: string,
  body: Body,
  rate: number,
  seconds: number,
  arrivals: Map<string, number>,
): Promise<Phase> {
  const before = load();
  const answered = new Map<string, number>();
  const http: number[] = [];
  let failed = 0,
    firstError = '';
  const { sent, shed } = await openLoop(rate, seconds, MAX_IN_FLIGHT, () => {
    const t = performance.now();
    return reportOne(baseUrl, token, body)
      .then(({ status, text, at }) => {
        http.push(at - t);
        if (status !== 201) {
          failed++;
          firstError ||= `${status} ${text.slice(0, 300)}`;
          return;
        }
        answered.set((JSON.parse(text) as { caseNumber: string }).caseNumber, at);
      })
      .catch((error: unknown) => {
        failed++;
        firstError ||= String(error);
      });
  });
  const drainUntil = performance.now() + DRAIN_MS;
  const allArrived = () => [...answered.keys()].every((c) => arrivals.has(c));
  while (!allArrived() && performance.now() < drainUntil) await new Promise((r) => setTimeout(r, 50));
  // A frame may come before the response (the bus is quicker than the HTTP answer): a negative figure, kept as measured.
  const reach = [...answered].filter(([c]) => arrivals.has(c)).map(([c, at]) => arrivals.get(c)! - at);
  return {
    rate,
    seconds,
    sent,
    accepted: answered.size,
    failed,
    shed,
    delivered: reach.length,
    missing: answered.size - reach.length,
    http: latencies(http),
    reach: latencies(reach),
    load: { before, after: load() },
    answered,
    ...(firstError ? { firstError } : {}),
  };
}

/** Waits (bounded) until one report has arrived: the notifications service knows the directory and the path is warm. */
async function warmUp(baseUrl: string, token: string, body: Body, arrivals: Map<string, number>, what: string): Promise<void> {
  const until = performance.now() + 60_000;
  while (performance.now() < until) {
    const { status, text } = await reportOne(baseUrl, token, body);
    if (status !== 201) throw new Error(`warm-up (${what}): ${status} ${text.slice(0, 300)}`);
    const { caseNumber } = JSON.parse(text) as { caseNumber: string };
    const wait = performance.now() + 5_000;
    while (!arrivals.has(caseNumber) && performance.now() < wait) await new Promise((r) => setTimeout(r, 50));
    if (arrivals.has(caseNumber)) return;
  }
  throw new Error(`warm-up (${what}): nothing arrived within 60 s`);
}

/**
 * Where the time goes, from the notifications service's own rows (its clock, the same machine's):
 * response → routed (the notification's created_at, stamped in the router's transaction), then
 * routed → arrival (the live hub and the stream; for the webhook the delivery worker's poll, the
 * claim and the request).
 */
async function breakdown(
  notifications: pg.Pool,
  phase: Phase,
  ruleId: string,
  organisationId: string,
  arrivals: Map<string, number>,
): Promise<Record<string, Latencies>> {
  const { rows } = await notifications.query<{ case_number: string; created_at: Date }>(
    `SELECT case_number, created_at FROM notifications.notifications
      WHERE rule_id = $1 AND organisation_id = $2 AND case_number = ANY($3)`,
    [ruleId, organisationId, [...phase.answered.keys()]],
  );
  // performance.now() on the wall clock, to set against the service's timestamps
  const wall = (t: number) => performance.timeOrigin + t;
  const routed: number[] = [];
  const delivered: number[] = [];
  for (const row of rows) {
    routed.push(row.created_at.getTime() - wall(phase.answered.get(row.case_number)!));
    const arrived = arrivals.get(row.case_number);
    if (arrived !== undefined) delivered.push(wall(arrived) - row.created_at.getTime());
  }
  return { 'response → routed': latencies(routed), 'routed → arrival': latencies(delivered) };
}

const breakdownText = (b: Record<string, Latencies>) =>
  Object.entries(b)
    .map(([k, l]) => `    ${k}: p50 ${fmt(l.p50, 1)} / p95 ${fmt(l.p95, 1)} / p99 ${fmt(l.p99, 1)} / max ${fmt(l.max)} ms`)
    .join('\n');

const phaseText = (label: string, p: Phase, target: number) =>
  `  ${label}: ${fmt(p.rate)}/s × ${p.seconds} s: ${fmt(p.accepted)}/${fmt(p.sent)} accepted, ${p.failed} failed, ${p.shed} shed; ` +
  `${fmt(p.delivered)} arrived, ${fmt(p.missing)} missing\n` +
  `    HTTP p50 ${fmt(p.http.p50, 1)} / p99 ${fmt(p.http.p99, 1)} ms\n` +
  `    response → arrival p50 ${fmt(p.reach.p50, 1)} / p95 ${fmt(p.reach.p95, 1)} / p99 ${fmt(p.reach.p99, 1)} / max ${fmt(p.reach.max)} ms ` +
  `(min ${fmt(p.reach.min, 1)}); target p99 < ${fmt(target)} ms: ${p.missing === 0 && p.reach.p99 < target ? 'MET' : 'MISSED'}\n` +
  `    load ${p.load.before} → ${p.load.after}${p.firstError ? `\n    first error: ${p.firstError}` : ''}`;

/** Both phases against one running system (either mode); `notificationsDb` for the breakdown. */
async function measure(mode: 'embedded' | 'distributed', baseUrl: string, client: GatewayClient, notificationsDb: string) {
  const db = new pg.Pool({ connectionString: notificationsDb, max: 1 });
  try {
    return await measureOn(mode, baseUrl, client, db);
  } finally {
    await db.end();
  }
}

async function measureOn(mode: 'embedded' | 'distributed', baseUrl: string, client: GatewayClient, db: pg.Pool) {
  type Me = { organisationId: string; organisationRegion: string };
  const me = async (u: string) => (await client.as(u, 'GET', '/auth/me')).body as Me;
  const [security, dispatcher, commission] = [await me('wz.security'), await me('wz.dispatcher'), await me('wz.hc')];
  if (security.organisationRegion.slice(0, 6) !== dispatcher.organisationRegion.slice(0, 6))
    throw new Error(
      `the security officer (${security.organisationRegion}) and the dispatcher (${dispatcher.organisationRegion}) are not of one county`,
    );
  const report = (major: boolean) => () => ({
    hospital: { hospitalId: security.organisationId },
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    intake: {
      channel: 'hospital_report',
      location: '急诊科分诊台',
      partiesCount: 2,
      behaviour: '患者家属推搡值班护士',
      anyoneInjured: major,
    },
    classification: major
      ? { categories: ['assault_on_staff'], casualties: { staff: { seriousInjuries: 1 } } }
      : { categories: ['threat_intimidation_insult'] },
  });
  const token = await client.login('wz.security');
  const target = mode === 'embedded' ? TARGETS.streamEmbeddedMs : TARGETS.streamDistributedMs;

  const stream = await LiveStream.open(baseUrl, client, 'wz.dispatcher');
  let live: Phase;
  try {
    await warmUp(baseUrl, token, report(false), stream.arrivals, 'stream');
    live = await drive(baseUrl, token, report(false), RATE, SECONDS, stream.arrivals);
  } finally {
    await stream.close();
  }
  live.breakdown = await breakdown(db, live, 'incident-reported', dispatcher.organisationId, stream.arrivals);
  console.log(phaseText(`stream (wz.security reports → wz.dispatcher's live stream)`, live, target));
  console.log(breakdownText(live.breakdown));

  const receiver = new WebhookReceiver();
  await receiver.start();
  let webhook: Phase;
  try {
    const channel = await client.as('admin', 'POST', '/notifications/channels', {
      organisationId: commission.organisationId,
      kind: 'webhook',
      name: '基准测试接收端',
      settings: { url: receiver.url },
      secrets: { signingSecret: receiver.secret },
    });
    if (channel.status !== 201) throw new Error(`registering the webhook: ${channel.status} ${channel.text}`);
    await warmUp(baseUrl, token, report(true), receiver.arrivals, 'webhook');
    webhook = await drive(baseUrl, token, report(true), MAJOR_RATE, MAJOR_SECONDS, receiver.arrivals);
  } finally {
    await receiver.stop();
  }
  webhook.breakdown = await breakdown(db, webhook, 'incident-major', commission.organisationId, receiver.arrivals);
  console.log(phaseText(`webhook (major incident → county health commission's webhook)`, webhook, TARGETS.webhookMs));
  console.log(breakdownText(webhook.breakdown));
  console.log(`    receiver: ${receiver.refused} refused (bad signature or timestamp), ${receiver.repeats} repeats`);
  const figures = ({ answered: _answered, ...rest }: Phase) => rest;
  return {
    pollMs: POLL_MS,
    stream: { ...figures(live), targetP99Ms: target, met: live.missing === 0 && live.reach.p99 < target },
    webhook: {
      ...figures(webhook),
      targetP99Ms: TARGETS.webhookMs,
      met: webhook.missing === 0 && webhook.reach.p99 < TARGETS.webhookMs,
      refused: receiver.refused,
      repeats: receiver.repeats,
    },
  };
}

await withInfra(async ({ databaseUrl, kafkaBrokers, describe }) => {
  // the harness's helpers read these (createTestDatabase, testKafkaBrokers)
  Object.assign(process.env, { DATABASE_URL: databaseUrl, KAFKA_BROKERS: kafkaBrokers.join(',') });
  header('notifications: time to tell', describe);
  console.log(
    `stream: ${RATE} incidents/s × ${SECONDS} s; webhook: ${MAJOR_RATE} major incidents/s × ${MAJOR_SECONDS} s; ` +
      `NOTIFICATIONS_POLL_MS ${POLL_MS} (the delivery worker's default); stragglers waited ${DRAIN_MS / 1000} s`,
  );
  // BENCH_SKIP_BUILD=1 when dist/ is fresh (the services run the compiled code)
  if (process.env.BENCH_SKIP_BUILD !== '1') DistributedSystem.build();
  // written after each mode (merged into the day's file), so a failing second mode keeps the first's figures
  const save = (mode: string, figures: unknown) => {
    const file = writeResults('notifications', {
      machine: describe,
      node: process.version,
      targets: TARGETS,
      settings: { rate: RATE, seconds: SECONDS, majorRate: MAJOR_RATE, majorSeconds: MAJOR_SECONDS, drainMs: DRAIN_MS, pollMs: POLL_MS },
      [mode]: { measuredAt: new Date().toISOString(), ...(figures as object) },
    });
    console.log(`  written to ${file}`);
  };

  if (MODES.includes('embedded')) {
    console.log('\nembedded (the standalone app: one process, in-process bus, on the same PostgreSQL server)');
    const db = await createTestDatabase('bench_notify');
    const dataDir = mkdtempSync(join(tmpdir(), 'pingan-bench-notify-'));
    try {
      // BENCH_NOTIFY_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to profile the app under load
      const nodeArgs = (process.env.BENCH_NOTIFY_NODE_ARGS ?? '').split(' ').filter(Boolean);
      const app = await startStandalone(
        db.url,
        { DATA_DIR: dataDir, NOTIFICATIONS_SECRET_KEY: randomBytes(32).toString('base64') },
        nodeArgs,
      );
      try {
        save('embedded', await measure('embedded', app.url, new GatewayClient(app.url, app.passwords), db.url));
      } finally {
        await app.stop();
      }
    } finally {
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  if (MODES.includes('distributed')) {
    console.log('\ndistributed (every service its own process, Kafka between them, through the gateway)');
    const system = new DistributedSystem();
    // DistributedSystem keeps its databases private; the breakdown reads the notifications service's (as bench:e2e reads oversight's)
    const databases = (system as unknown as { databases: Array<{ url: string }> }).databases;
    try {
      // on a crowded machine the notifications service (eight topics, two consumer groups) may need minutes to join Kafka
      await system.start({ healthTimeoutMs: 300_000 });
      const notificationsDb = databases.find((d) => d.url.includes('/e2e_notifications_'))!.url;
      save(
        'distributed',
        await measure('distributed', system.gatewayUrl, new GatewayClient(system.gatewayUrl, system.passwords), notificationsDb),
      );
    } finally {
      await system.stop();
    }
  }
});
