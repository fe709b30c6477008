import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { InProcessBus, KafkaBus, type MessageBus } from '@pingan/messaging';
import { PLATFORM_CONFIG, type PlatformConfig } from '../config/platform-config.js';

/** Injection token of the process's one MessageBus. */
export const MESSAGE_BUS = Symbol('MESSAGE_BUS');

class BusCloser implements OnApplicationShutdown {
  constructor(@Inject(MESSAGE_BUS) private readonly bus: MessageBus) {}
  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}

/**
 * The message bus of the process: Kafka when KAFKA_BROKERS is set, otherwise the in-process bus.
 * apps/standalone asks for the in-process bus whatever the environment says: all its services
 * live in one process, and the embedded mode needs no broker.
 */
@Global()
@Module({})
export class BusModule {
  static forRoot(options: { inProcess?: boolean } = {}): DynamicModule {
    return {
      module: BusModule,
      providers: [
        {
          provide: MESSAGE_BUS,
          inject: [PLATFORM_CONFIG],
          useFactory: (config: PlatformConfig): MessageBus =>
            !options.inProcess && config.kafkaBrokers
              ? new KafkaBus({ brokers: config.kafkaBrokers, clientId: `pingan-${config.service}`, topicPrefix: config.kafkaTopicPrefix })
              : new InProcessBus(),
        },
        BusCloser,
      ],
      exports: [MESSAGE_BUS],
    };
  }
}
