import { Module } from '@nestjs/common';
import { PlatformModule, type ServiceDescriptor } from '@pingan/platform';
import { DISPUTES_SERVICE, DisputesModule } from '../../disputes/src/disputes.module.js';
import { GATEWAY_SERVICE, GatewayModule } from '../../gateway/src/gateway.module.js';
import { HIGH_RISK_PERSONS_SERVICE, HighRiskPersonsModule } from '../../high-risk-persons/src/high-risk-persons.module.js';
import { INCIDENTS_SERVICE, IncidentsModule } from '../../incidents/src/incidents.module.js';
import { NOTIFICATIONS_SERVICE, NotificationsModule } from '../../notifications/src/notifications.module.js';
import { OVERSIGHT_SERVICE, OversightModule } from '../../oversight/src/oversight.module.js';
import { PROSECUTION_SERVICE, ProsecutionModule } from '../../prosecution/src/prosecution.module.js';
import { SECURITY_LEDGER_SERVICE, SecurityLedgerModule } from '../../security-ledger/src/security-ledger.module.js';

export const STANDALONE_SERVICES: ServiceDescriptor[] = [
  GATEWAY_SERVICE,
  INCIDENTS_SERVICE,
  PROSECUTION_SERVICE,
  DISPUTES_SERVICE,
  HIGH_RISK_PERSONS_SERVICE,
  OVERSIGHT_SERVICE,
  NOTIFICATIONS_SERVICE,
  SECURITY_LEDGER_SERVICE,
];

/** The bounded contexts besides the gateway, in the order they start. */
export const SERVICE_MODULES = [
  IncidentsModule,
  ProsecutionModule,
  DisputesModule,
  HighRiskPersonsModule,
  OversightModule,
  NotificationsModule,
  SecurityLedgerModule,
];

/**
 * Every service module in one process, on one platform: one database (embedded PGlite in
 * DATA_DIR unless DATABASE_URL is set; each service in its own schema) and the in-process bus.
 * The only place that imports more than one service.
 */
@Module({
  imports: [
    // The bus is in-process here whatever KAFKA_BROKERS says (and /health reports that one).
    PlatformModule.forRoot({
      service: 'standalone',
      port: 3000,
      inProcessBus: true,
    }),
    GatewayModule.forRoot({ demoDirectory: true, services: [] }), // seeds the demo county, prints its logins once
    ...SERVICE_MODULES,
  ],
})
export class StandaloneModule {}
