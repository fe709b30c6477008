import { RouteTable, parseServiceUrls, templatePattern } from './service-routes.js';

describe('gateway routing table', () => {
  const [incidents, oversight] = parseServiceUrls('incidents=http://127.0.0.1:3001, oversight=http://127.0.0.1:3005/');
  const table = new RouteTable();
  table.load(incidents, [
    '/incidents',
    '/incidents/{caseNumber}',
    '/incidents/{caseNumber}/arrival',
    '/health',
    '/health/live',
    '/health/ready',
  ]);
  table.load(oversight, ['/cases/{caseNumber}/timeline']);

  it('sends a request to the service whose OpenAPI document names the path', () => {
    expect(table.serviceFor('/incidents')).toBe(incidents);
    expect(table.serviceFor('/incidents/500101-20261122-0001/arrival')).toBe(incidents);
    expect(table.serviceFor('/cases/500101-20261122-0001/timeline')).toEqual({ name: 'oversight', url: 'http://127.0.0.1:3005' });
  });

  it('keeps its own health and docs, and knows nothing else', () => {
    expect(table.serviceFor('/health')).toBeNull();
    expect(table.serviceFor('/health/live')).toBeNull();
    expect(table.serviceFor('/health/ready')).toBeNull();
    expect(table.serviceFor('/docs-json')).toBeNull();
    expect(table.serviceFor('/incidents/a/b/c/d')).toBeNull();
    expect(table.serviceFor('/admin')).toBeNull();
  });

  it('replaces a service’s routes when its document is read again', () => {
    const t = new RouteTable();
    t.load(incidents, ['/incidents']);
    t.load(incidents, ['/incidents/{caseNumber}']);
    expect(t.serviceFor('/incidents')).toBeNull();
    expect(t.serviceFor('/incidents/x')).toBe(incidents);
  });

  it('matches path parameters within one segment only', () => {
    expect(templatePattern('/a/{id}').test('/a/1/2')).toBe(false);
    expect(templatePattern('/a.b/{id}').test('/aXb/1')).toBe(false);
  });

  it('rejects a malformed SERVICE_URLS', () => {
    expect(() => parseServiceUrls('incidents:3001')).toThrow(/SERVICE_URLS/);
    expect(parseServiceUrls(undefined)).toEqual([]);
  });
});
