import { bootstrapService } from '@pingan/platform';
import { AppModule } from './app.module.js';
import { PROSECUTION_SERVICE } from './prosecution.module.js';

// Distributed mode: own process, PostgreSQL at DATABASE_URL, Kafka at KAFKA_BROKERS.
await bootstrapService({
  name: 'prosecution',
  module: AppModule,
  services: [PROSECUTION_SERVICE],
  distributed: true,
});
