import { EventSource } from 'eventsource';
import { DistributedSystem, GatewayClient, SERVICES } from './support/distributed-system.js';
import { runCaseScenario } from './support/scenario.js';

/**
 * The distributed mode for real: every service its own process with its own database, the real
 * Kafka broker between them, driven only through the gateway's HTTP API.
 */
const system = new DistributedSystem();
let gateway: GatewayClient;

beforeAll(async () => {
  DistributedSystem.build();
  await system.start();
  gateway = new GatewayClient(system.gatewayUrl, system.passwords);
}, 300_000);

afterAll(() => system.stop(), 60_000);

describe('the distributed system behind the gateway', () => {
  it('logs in at the gateway and is known to a service reached through it', async () => {
    const me = await gateway.as('wz.hc', 'GET', '/auth/me');
    expect(me).toMatchObject({ status: 200, body: expect.objectContaining({ roles: ['health_commission_official'] }) });
  });

  it('publishes one OpenAPI document with every service’s paths', async () => {
    const doc = (await gateway.call('GET', '/openapi.json', null)).body as { paths: Record<string, unknown>; tags: { name: string }[] };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/auth/login']));
    expect(doc.tags.map((t) => t.name)).toEqual(expect.arrayContaining(['gateway', ...SERVICES]));
  });

  it('refuses a request without a token at the service too, through the gateway', async () => {
    const res = await gateway.call('GET', '/incidents', null);
    expect(res.status).toBe(401);
  });

  it('streams a hospital’s alarm through the gateway to its security office, and not to another hospital’s', async () => {
    const streams = await Promise.all(
      ['wz.security', 'wz.second.security', 'wz.police.office'].map(async (username) => {
        const { url } = (await gateway.as(username, 'POST', '/notifications/stream-tickets')).body as { url: string };
        const frames: { caseNumber: string | null; title: string }[] = [];
        const source = new EventSource(`${system.gatewayUrl}${url}`);
        source.addEventListener('notification', (e) => frames.push(JSON.parse(e.data) as (typeof frames)[number]));
        await new Promise<void>((resolve, reject) => {
          source.addEventListener('ready', () => resolve());
          source.onerror = () => reject(new Error(`stream of ${username} did not open through the gateway`));
        });
        return { username, frames, source };
      }),
    );
    try {
      const me = (await gateway.as('wz.security', 'GET', '/auth/me')).body as { organisationId: string; organisationRegion: string };
      const reported = await gateway.as('wz.security', 'POST', '/incidents', {
        hospital: { hospitalId: me.organisationId, regionCode: me.organisationRegion, hasPoliceOffice: true },
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        intake: { channel: 'one_key_alarm', location: '急诊科', deviceId: null },
      });
      expect(reported.status).toBe(201);
      const { caseNumber } = reported.body as { caseNumber: string };
      const [security, second, office] = streams;
      const deadline = Date.now() + 30_000;
      while (!(security.frames.length && office.frames.length) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(security.frames).toEqual([expect.objectContaining({ caseNumber, title: '【一键报警】万州区中心医院' })]);
      expect(office.frames).toEqual([expect.objectContaining({ caseNumber })]);
      expect(second.frames).toEqual([]);
    } finally {
      for (const s of streams) s.source.close();
    }
  }, 60_000);

  it('carries one case from the 110 call to the final judgement and the performed mediation agreement, seen at the national commission', async () => {
    const result = await runCaseScenario(gateway, { logsOf: (name) => system.logsOf(name), timeoutMs: 45_000, pollMs: 250 });
    expect(result.timeline.map((e) => e.context)).toEqual(expect.arrayContaining(['incidents', 'prosecution', 'disputes']));
  }, 150_000);
});
