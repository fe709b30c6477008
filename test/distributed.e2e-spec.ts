import { DistributedSystem, GatewayClient, SERVICES } from './support/distributed-system.js';
import { alarmReachesItsHospitalOnly } from './support/alarm-stream.js';
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

  it('carries one case from the 110 call to the final judgement and the performed mediation agreement, seen at the national commission', async () => {
    const result = await runCaseScenario(gateway, { logsOf: (name) => system.logsOf(name), timeoutMs: 45_000, pollMs: 250 });
    expect(result.timeline.map((e) => e.context)).toEqual(expect.arrayContaining(['incidents', 'prosecution', 'disputes']));
  }, 150_000);

  // After the case scenario: its statistics count the hospital's incidents.
  it('streams a hospital’s alarm through the gateway to its security office and police office, and not to another hospital', async () => {
    const { caseNumber, security, office, second } = await alarmReachesItsHospitalOnly(gateway, system.gatewayUrl);
    expect(security.filter((f) => f.caseNumber === caseNumber)).toEqual([expect.objectContaining({ title: '【一键报警】万州区中心医院' })]);
    expect(office.filter((f) => f.caseNumber === caseNumber)).toHaveLength(1);
    expect(second).toEqual([]);
  }, 60_000);
});
