import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DISPUTES_CONTEXT } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { IncidentIntakeConsumer } from './incidents/incident-intake.consumer.js';
import { MediationExpiryConsumer } from './mediation/mediation-expiry.consumer.js';

/**
 * The service's subscriptions (its tables are migrations, applied when the runtime starts).
 * Consumers start handling when the runtime starts (after every module has initialised).
 */
@Injectable()
export class DisputesStartup implements OnModuleInit {
  constructor(
    @InjectRuntime(DISPUTES_CONTEXT) private readonly runtime: ServiceRuntime,
    private readonly incidents: IncidentIntakeConsumer,
    private readonly expiry: MediationExpiryConsumer,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.runtime.subscribe(this.incidents.subscription);
    await this.runtime.subscribe(this.expiry.subscription);
  }
}
