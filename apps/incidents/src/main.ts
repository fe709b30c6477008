import { bootstrapService } from '@pingan/platform';
import { AppModule } from './app.module.js';
import { INCIDENTS_SERVICE } from './incidents.module.js';

// Distributed mode: own process, PostgreSQL at DATABASE_URL, Kafka at KAFKA_BROKERS.
await bootstrapService({
  name: 'incidents',
  module: AppModule,
  services: [INCIDENTS_SERVICE],
  distributed: true,
});
