import 'reflect-metadata';
import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { PLATFORM_CONFIG, type PlatformConfig } from './config/platform-config.js';
import { completeDocument } from './openapi/complete-document.js';
import type { ServiceDescriptor } from './service-descriptor.js';

export interface ServiceOptions {
  /** The app's name, e.g. 'incidents' or 'standalone' (OpenAPI title, logs). */
  name: string;
  /** Root module: `PlatformModule.forRoot(...)` plus the service module(s). */
  module: Type<unknown>;
  /** Bounded contexts the app runs, listed in the OpenAPI document. */
  services?: ServiceDescriptor[];
  /**
   * Refuse to start without DATABASE_URL and KAFKA_BROKERS: a single service on the embedded
   * database and the in-process bus could not talk to the others (only standalone may).
   */
  distributed?: boolean;
}

/** Builds the app (logger, OpenAPI at /docs, shutdown hooks) without listening; tests use it too. */
export async function createService(options: ServiceOptions): Promise<INestApplication> {
  if (options.distributed) {
    // Checked before the app exists, so a misconfigured service never opens ./data.
    const missing = ['DATABASE_URL', 'KAFKA_BROKERS'].filter((key) => !process.env[key]?.trim());
    if (missing.length > 0) {
      throw new Error(
        `${options.name} runs in distributed mode and needs ${missing.join(' and ')}; use \`npm start\` for the embedded mode`,
      );
    }
  }
  const app = await NestFactory.create(options.module, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.getHttpAdapter().getInstance().disable?.('x-powered-by'); // no free fingerprinting

  const builder = new DocumentBuilder()
    .setTitle(`pingan ${options.name}`)
    .setDescription('Errors are RFC 9457 application/problem+json with a stable `code`.')
    .setVersion(process.env.npm_package_version ?? '0.1.0')
    .addBearerAuth(); // access tokens from the gateway's POST /auth/login
  for (const service of options.services ?? []) builder.addTag(service.name, service.description);
  SwaggerModule.setup('docs', app, () => completeDocument(SwaggerModule.createDocument(app, builder.build())));
  return app;
}

/** What every `main.ts` calls: create the app and listen on HOST:PORT (127.0.0.1:3000 by default). */
export async function bootstrapService(options: ServiceOptions): Promise<INestApplication> {
  const app = await createService(options);
  const config = app.get<PlatformConfig>(PLATFORM_CONFIG);
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address() as { port: number };
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  app.get(Logger).log(`pingan ${options.name} listening on http://${host}:${address.port} (API docs at /docs)`, 'Bootstrap');
  return app;
}
