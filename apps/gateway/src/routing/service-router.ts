import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Inject, Injectable, Logger, type NestMiddleware, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { defineErrors } from '@pingan/platform';
import { RouteTable, type ServiceEndpoint } from './service-routes.js';

/** Injection token: the services behind the gateway (from SERVICE_URLS; empty in the embedded mode). */
export const SERVICE_ENDPOINTS = Symbol('pingan.ServiceEndpoints');

interface OpenApiDocument {
  paths?: Record<string, unknown>;
  components?: { schemas?: Record<string, unknown> };
  tags?: { name: string }[];
}

const REFRESH_MS = 15_000;
// Hop-by-hop headers are the connection's, not the request's (RFC 9110 §7.6.1).
const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer'];

/**
 * The one HTTP entry of the distributed mode: forwards each request to the service that serves
 * its path, as it came (the token too: every service verifies it itself), and streams the answer
 * back. Routes come from the services' OpenAPI documents, re-read every few seconds and on a miss.
 */
@Injectable()
export class ServiceRouter implements NestMiddleware, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('ServiceRouter');
  private readonly table = new RouteTable();
  private readonly documents = new Map<string, OpenApiDocument>();
  private timer: NodeJS.Timeout | null = null;
  private lastRefresh = 0;
  private inFlight: Promise<void> | null = null;

  constructor(@Inject(SERVICE_ENDPOINTS) private readonly services: ServiceEndpoint[]) {}

  onApplicationBootstrap(): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /**
   * Reads every service's OpenAPI document; a service that is down keeps its last known routes.
   * Callers at the same moment share one reading (a burst of misses is one round of requests).
   */
  refresh(): Promise<void> {
    this.inFlight ??= this.readDocuments().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  /** Whether some service has not yet given its document (it was still starting). */
  private get incomplete(): boolean {
    return this.services.some((s) => !this.documents.has(s.name));
  }

  private async readDocuments(): Promise<void> {
    this.lastRefresh = Date.now();
    await Promise.all(
      this.services.map(async (service) => {
        try {
          // Generous: a service busy starting (or a loaded machine) answers slowly, not never.
          const response = await fetch(`${service.url}/docs-json`, { signal: AbortSignal.timeout(10_000) });
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          const document = (await response.json()) as OpenApiDocument;
          this.documents.set(service.name, document);
          this.table.load(service, Object.keys(document.paths ?? {}));
        } catch (error) {
          this.log.warn(`${service.name} at ${service.url}: no OpenAPI document (${(error as Error).message})`);
        }
      }),
    );
  }

  /** One OpenAPI document for the whole system: the gateway's own plus every service's. */
  combinedDocument(own: OpenApiDocument): OpenApiDocument {
    const documents = [own, ...this.documents.values()];
    return {
      ...own,
      paths: Object.assign({}, ...documents.map((d) => d.paths ?? {})),
      components: { ...own.components, schemas: Object.assign({}, ...documents.map((d) => d.components?.schemas ?? {})) },
      tags: documents.flatMap((d) => d.tags ?? []).filter((tag, i, all) => all.findIndex((t) => t.name === tag.name) === i),
    };
  }

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const path = req.originalUrl.split('?')[0];
    let service = this.table.serviceFor(path);
    if (!service && (this.incomplete || Date.now() - this.lastRefresh > 2_000)) {
      await this.refresh(); // a service that came up since, or a new endpoint
      service = this.table.serviceFor(path);
    }
    if (!service) return next();
    this.forward(service, req, res, next);
  }

  private forward(service: ServiceEndpoint, req: Request, res: Response, next: NextFunction): void {
    const target = new URL(req.originalUrl, service.url);
    const headers: IncomingHttpHeaders = { ...req.headers, host: target.host };
    for (const name of HOP_BY_HOP) delete headers[name];
    headers['x-forwarded-for'] = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
    // The body parser has already read a JSON body; send what it parsed — an empty `{}` too, when
    // the client sent one (a command without fields), or the service would wait for the bytes
    // the forwarded content-length announces.
    const sentBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    const body =
      req.readableEnded && req.body !== undefined && (sentBody || Object.keys(req.body).length > 0)
        ? Buffer.from(JSON.stringify(req.body))
        : null;
    if (body) headers['content-length'] = String(body.length);
    else if (req.readableEnded) delete headers['content-length']; // nothing left to send: announce nothing

    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const upstream = send(target, { method: req.method, headers }, (answer) => {
      res.status(answer.statusCode ?? 502);
      for (const [name, value] of Object.entries(answer.headers)) {
        if (value !== undefined && !HOP_BY_HOP.includes(name)) res.setHeader(name, value);
      }
      answer.pipe(res);
    });
    upstream.on('error', (error) => {
      this.log.warn(`${req.method} ${req.originalUrl} → ${service.name}: ${error.message}`);
      if (res.headersSent) return res.destroy(error);
      next(new ServiceUnavailableError(service.name));
    });
    if (body) upstream.end(body);
    else if (req.readableEnded) upstream.end();
    else req.pipe(upstream);
  }
}

/** 503 problem+json when a service does not answer. */
export class ServiceUnavailableError extends defineErrors({ ServiceUnavailable: { code: 'GATEWAY.SERVICE_UNAVAILABLE', status: 503 } }) {
  constructor(service: string) {
    super('GATEWAY.SERVICE_UNAVAILABLE', `the ${service} service does not answer; try again shortly`);
  }
}
