import { schemaNameCollisions } from '../libs/testing/src/fixtures/openapi.js';
import { startEmbeddedApp, type EmbeddedApp } from './support/embedded-app.js';

let system: EmbeddedApp;
let document: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };
interface Operation {
  requestBody?: { content: Record<string, { schema: unknown; examples?: Record<string, { value: unknown }> }> };
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

beforeAll(async () => {
  system = await startEmbeddedApp('openapi');
  document = (await (await fetch(`${system.url}/openapi.json`)).json()) as typeof document;
}, 180_000);

afterAll(() => system?.stop(), 60_000);

describe('the OpenAPI document a client is generated from', () => {
  it('serves each schema name for one class only', () => {
    expect(schemaNameCollisions(system.app)).toEqual({});
  });
});
