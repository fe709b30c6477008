import { Module, type INestApplication, type Type } from '@nestjs/common';
import { ROLES_BY_KIND, type OrganisationKind, type Role } from '@pingan/access';
import { createService, PlatformModule } from '@pingan/platform';
import {
  BAD_REQUESTS,
  createTestDatabase,
  fuzzWrites,
  testAccessTokenKeys,
  writeOperations,
  type OpenApiDocument,
  type TestDatabase,
} from '@pingan/testing';
import { GatewayModule } from '../../gateway/src/gateway.module.js';
import { IncidentsModule } from '../../incidents/src/incidents.module.js';
import { ProsecutionModule } from '../../prosecution/src/prosecution.module.js';

/**
 * The distributed mode's HTTP path: the gateway in front of services, each its own Nest app on
 * its own port (here two services, on the real PostgreSQL). The malformed requests are refused
 * by the gateway with the same 400/415/413 as in the embedded mode, and what it forwards never
 * makes a service answer 5xx.
 */
const GENERATED_PER_OPERATION = 8;

describe('no request produces a 5xx through the gateway (distributed mode)', () => {
  const saved = { ...process.env };
  const keys = testAccessTokenKeys();
  let database: TestDatabase;
  const apps: INestApplication[] = [];
  let gatewayUrl: string;

  const listen = async (name: string, module: Type<unknown>): Promise<string> => {
    const app = await createService({ name, module });
    await app.listen(0, '127.0.0.1');
    apps.push(app);
    return `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  };

  beforeAll(async () => {
    database = await createTestDatabase('gateway_robustness');
    Object.assign(process.env, { DATABASE_URL: database.url, LOG_LEVEL: 'silent', ...keys.env });
    delete process.env.KAFKA_BROKERS; // the services' events do not matter here: the in-process bus of each app

    @Module({ imports: [PlatformModule.forRoot({ service: 'incidents', inProcessBus: true }), IncidentsModule] })
    class IncidentsService {}
    @Module({ imports: [PlatformModule.forRoot({ service: 'prosecution', inProcessBus: true }), ProsecutionModule] })
    class ProsecutionService {}
    const services = [
      { name: 'incidents', url: await listen('incidents', IncidentsService) },
      { name: 'prosecution', url: await listen('prosecution', ProsecutionService) },
    ];
    @Module({ imports: [PlatformModule.forRoot({ service: 'gateway', inProcessBus: true }), GatewayModule.forRoot({ services })] })
    class Gateway {}
    gatewayUrl = await listen('gateway', Gateway);
  }, 180_000);

  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
    process.env = saved;
    await database?.drop();
  });

  it('refuses every malformed request at the gateway and answers every generated body below 500', async () => {
    const document = (await (await fetch(`${gatewayUrl}/openapi.json`)).json()) as OpenApiDocument;
    const forwarded = writeOperations(document).filter((w) => /^\/(incidents|police-cases)/.test(w.path));
    expect(forwarded.length).toBeGreaterThan(30);

    // A token of the operation's first role, at a unit of the kind that holds it, in 万州区.
    const tokens = new Map<string, string>();
    for (const write of writeOperations(document)) {
      const role = (write.operation['x-roles']?.[0] ?? 'hospital_security_officer') as Role;
      const kind = (Object.entries(ROLES_BY_KIND).find(([, roles]) => roles.includes(role))?.[0] ?? 'hospital') as OrganisationKind;
      tokens.set(
        `${write.method} ${write.path}`,
        await keys.tokenFor({ roles: [role], organisationKind: kind, organisationRegion: '500101' }),
      );
    }

    const report = await fuzzWrites(
      document,
      {
        baseUrl: gatewayUrl,
        tokenFor: (write) => (write.operation['x-public'] ? undefined : tokens.get(`${write.method} ${write.path}`)),
        parameter: (_path, name) => (name === 'level' ? 'county' : '500101-20261122-0001'),
        known: ['500101', 'org-test-hospital'],
      },
      GENERATED_PER_OPERATION,
    );
    process.stdout.write(`api robustness (through the gateway): ${report.requests} requests to ${report.operations} write operations\n`);
    expect(report.failures).toEqual([]);
    expect(report.requests).toBe(report.operations * (BAD_REQUESTS.length + GENERATED_PER_OPERATION));
  }, 600_000);
});
