import { bootstrapService } from '@pingan/platform';
import { AppModule } from './app.module.js';
import { DISPUTES_SERVICE } from './disputes.module.js';

// Distributed mode: own process, PostgreSQL at DATABASE_URL, Kafka at KAFKA_BROKERS.
await bootstrapService({
  name: 'disputes',
  module: AppModule,
  services: [DISPUTES_SERVICE],
  distributed: true,
});
