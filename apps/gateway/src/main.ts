import { bootstrapService } from '@pingan/platform';
import { AppModule } from './app.module.js';
import { GATEWAY_SERVICE } from './gateway.module.js';

// Distributed mode: own process, PostgreSQL at DATABASE_URL, Kafka at KAFKA_BROKERS.
await bootstrapService({
  name: 'gateway',
  module: AppModule,
  services: [GATEWAY_SERVICE],
  distributed: true,
});
