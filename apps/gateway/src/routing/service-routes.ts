/**
 * Where each request goes in the distributed mode. The gateway learns every service's routes
 * from the service's own OpenAPI document (`/docs-json`), so a new endpoint needs no change here.
 */
export interface ServiceEndpoint {
  name: string;
  url: string; // base URL, e.g. http://incidents:3001
}

/** `SERVICE_URLS=incidents=http://127.0.0.1:3001,prosecution=http://127.0.0.1:3002,…` */
export function parseServiceUrls(value: string | undefined): ServiceEndpoint[] {
  if (!value?.trim()) return [];
  return value.split(',').map((pair) => {
    const [name, url] = pair.split('=').map((part) => part?.trim());
    if (!name || !url || !/^https?:\/\//.test(url)) throw new Error(`SERVICE_URLS: expected name=http://host:port, got "${pair}"`);
    return { name, url: url.replace(/\/$/, '') };
  });
}

interface Route {
  pattern: RegExp;
  service: ServiceEndpoint;
}

// Every app serves these itself; they are never forwarded.
const OWN_PATHS = [/^\/health(\/(live|ready))?$/, /^\/docs(\/|-json$|$)/];

/** OpenAPI path templates (`/incidents/{caseNumber}`) as anchored patterns. */
export function templatePattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^/}]+\}/g, '[^/]+');
  return new RegExp(`^${escaped}$`);
}

export class RouteTable {
  private routes: Route[] = [];

  /** Replaces the routes of one service with the paths of its OpenAPI document. */
  load(service: ServiceEndpoint, paths: string[]): void {
    this.routes = [
      ...this.routes.filter((r) => r.service.name !== service.name),
      ...paths.filter((p) => !OWN_PATHS.some((own) => own.test(p))).map((p) => ({ pattern: templatePattern(p), service })),
    ];
  }

  /** The service that serves a path (without query string), or null. */
  serviceFor(path: string): ServiceEndpoint | null {
    if (OWN_PATHS.some((own) => own.test(path))) return null;
    return this.routes.find((r) => r.pattern.test(path))?.service ?? null;
  }
}
