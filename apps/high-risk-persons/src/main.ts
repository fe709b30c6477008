import { bootstrapService } from '@pingan/platform';
import { AppModule } from './app.module.js';
import { HIGH_RISK_PERSONS_SERVICE } from './high-risk-persons.module.js';

// Distributed mode: own process, PostgreSQL at DATABASE_URL, Kafka at KAFKA_BROKERS.
await bootstrapService({
  name: 'high-risk-persons',
  module: AppModule,
  services: [HIGH_RISK_PERSONS_SERVICE],
  distributed: true,
});
