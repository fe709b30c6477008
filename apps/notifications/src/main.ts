import { bootstrapService } from '@pingan/platform';
import { AppModule } from './app.module.js';
import { NOTIFICATIONS_SERVICE } from './notifications.module.js';

// Distributed mode: own process, PostgreSQL at DATABASE_URL, Kafka at KAFKA_BROKERS.
await bootstrapService({
  name: 'notifications',
  module: AppModule,
  services: [NOTIFICATIONS_SERVICE],
  distributed: true,
});
