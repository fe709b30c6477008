import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DISPUTES_CONTEXT } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { migrateDisputesTables } from './disputes.storage.js';
import { IncidentIntakeConsumer } from './incidents/incident-intake.consumer.js';
import { MediationExpiryConsumer } from './mediation/mediation-expiry.consumer.js';

/**
 * The service's own tables, then its subscriptions, one after the other: two subscriptions
 * migrating the same schema's inbox at once race on PostgreSQL's catalog. Consumers start
 * handling when the runtime starts (after every module has initialised).
 */
@Injectable()
export class DisputesStartup implements OnModuleInit {
  constructor(
    @InjectRuntime(DISPUTES_CONTEXT) private readonly runtime: ServiceRuntime,
    private readonly incidents: IncidentIntakeConsumer,
    private readonly expiry: MediationExpiryConsumer,
  ) {}

  async onModuleInit(): Promise<void> {
    await migrateDisputesTables(this.runtime.db.query);
    await this.runtime.subscribe(this.incidents.subscription);
    await this.runtime.subscribe(this.expiry.subscription);
  }
}
