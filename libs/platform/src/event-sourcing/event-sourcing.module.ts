import { Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Database } from '@pingan/event-store';
import type { MessageBus } from '@pingan/messaging';
import { CLOCK, type Clock } from '../clock.js';
import { DATABASE } from '../database/database.module.js';
import { MESSAGE_BUS } from './bus.module.js';
import { ServiceRuntime, type ServiceRuntimeOptions } from './service-runtime.js';

/** Injection token of a context's runtime: `@Inject(runtimeToken('incidents'))`. */
export const runtimeToken = (context: string): string => `pingan:runtime:${context}`;

export const InjectRuntime = (context: string): ParameterDecorator => Inject(runtimeToken(context));

/**
 * Injection token of a context's clock (`options.clock`, else the app's CLOCK). Tests move time
 * with `.overrideProvider(runtimeClockToken('prosecution')).useValue(() => now)`; the access
 * clock (token expiry) stays apart, so moving a case's clock does not expire the caller's token.
 */
export const runtimeClockToken = (context: string): string => `pingan:runtime-clock:${context}`;

/**
 * Makes a bounded context event-sourced: one ServiceRuntime (store, relay, consumers,
 * projections, clocks) created with the module and started once the app has bootstrapped.
 * Needs the global DATABASE, MESSAGE_BUS and CLOCK of PlatformModule.
 */
@Module({})
export class EventSourcingModule {
  static forService(options: ServiceRuntimeOptions): DynamicModule {
    const token = runtimeToken(options.context);
    const clockToken = runtimeClockToken(options.context);

    class RuntimeLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
      constructor(@Inject(token) private readonly runtime: ServiceRuntime) {}
      onApplicationBootstrap(): Promise<void> {
        return this.runtime.start();
      }
      onApplicationShutdown(): Promise<void> {
        return this.runtime.stop();
      }
    }

    return {
      module: EventSourcingModule,
      providers: [
        { provide: clockToken, inject: [CLOCK], useFactory: (appClock: Clock): Clock => options.clock ?? appClock },
        {
          provide: token,
          inject: [DATABASE, MESSAGE_BUS, clockToken],
          useFactory: (db: Database, bus: MessageBus, clock: Clock) => new ServiceRuntime({ ...options, clock }, db, bus),
        },
        RuntimeLifecycle,
      ],
      exports: [token, clockToken],
    };
  }
}
