import { bootstrapService } from '@pingan/platform';
import { AppModule } from './app.module.js';
import { SECURITY_LEDGER_SERVICE } from './security-ledger.module.js';

// Distributed mode: own process, PostgreSQL at DATABASE_URL, Kafka at KAFKA_BROKERS.
await bootstrapService({
  name: 'security-ledger',
  module: AppModule,
  services: [SECURITY_LEDGER_SERVICE],
  distributed: true,
});
