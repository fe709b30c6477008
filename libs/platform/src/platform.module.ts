import { CqrsModule } from '@nestjs/cqrs';
import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule, type Provider } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { AccessModule, Public } from '@pingan/access';
import { platformConfigFactory, type PlatformDefaults } from './config/platform-config.js';
import { CLOCK, systemClock } from './clock.js';
import { DatabaseModule } from './database/database.module.js';
import { BusModule, MESSAGE_BUS } from './event-sourcing/bus.module.js';
import { ProblemDetailsFilter } from './errors/problem-details.filter.js';
import { RequestHygieneMiddleware } from './errors/request-hygiene.js';
import { createValidationPipe } from './errors/validation.js';
import { BUS_HEALTH, busHealthOf } from './health/bus-health.js';
import { HealthController } from './health/health.controller.js';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor.js';
import { IdempotencyStore } from './idempotency/idempotency-store.js';
import { LoggingModule } from './logging/logging.module.js';

export interface PlatformOptions extends PlatformDefaults {
  /** A provider for `BUS_HEALTH`; default: ask the process's message bus. */
  busHealth?: Provider;
  /** Use the in-process bus whatever KAFKA_BROKERS says (apps/standalone: every service in one process). */
  inProcessBus?: boolean;
}

// Probes and load balancers call /health without a token.
Public()(HealthController);

/**
 * Infrastructure every app root imports exactly once: validated config, JSON logs with
 * correlation ids, problem+json errors, the validation pipe, the database, /health,
 * Idempotency-Key on commands and authentication (the global access guard from libs/access).
 * Service (bounded-context) modules never import it, so any set of them can share one.
 */
@Module({})
export class PlatformModule implements NestModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const { busHealth, inProcessBus, ...defaults } = options;
    return {
      module: PlatformModule,
      global: true,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          load: [platformConfigFactory(defaults)],
        }),
        LoggingModule,
        // Commands and queries of every context travel on one CommandBus / QueryBus (docs/services.md).
        CqrsModule.forRoot(),
        DatabaseModule,
        BusModule.forRoot({ inProcess: inProcessBus }),
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
        // Every route needs a valid access token unless @Public(): see docs/access.md.
        AccessModule.forRoot(),
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        // Idempotency-Key on every command route of the app (docs/api.md): nothing to add per endpoint.
        IdempotencyStore,
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        busHealth ?? { provide: BUS_HEALTH, inject: [MESSAGE_BUS], useFactory: busHealthOf },
        { provide: CLOCK, useValue: systemClock },
      ],
      exports: [BUS_HEALTH, CLOCK],
    };
  }

  // A global module's middleware runs before any other module's: the gateway's router forwards only what passed.
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestHygieneMiddleware).forRoutes('*');
  }
}
