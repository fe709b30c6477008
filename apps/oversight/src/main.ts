import { bootstrapService } from '@pingan/platform';
import { AppModule } from './app.module.js';
import { OVERSIGHT_SERVICE } from './oversight.module.js';

// Distributed mode: own process, PostgreSQL at DATABASE_URL, Kafka at KAFKA_BROKERS.
await bootstrapService({
  name: 'oversight',
  module: AppModule,
  services: [OVERSIGHT_SERVICE],
  distributed: true,
});
