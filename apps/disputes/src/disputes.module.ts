import { Module } from '@nestjs/common';
import { EventSourcingModule, type ServiceDescriptor } from '@pingan/platform';
import { DisputeCommandHandler } from './commands/dispute-command.js';
import { ComplaintsController } from './complaints/complaints.controller.js';
import { ReceiveComplaintHandler } from './complaints/receive-complaint.js';
import { DISPUTES_RUNTIME_OPTIONS } from './disputes.runtime.js';
import { DisputeDirectory } from './dispute-directory.js';
import { DisputesStartup } from './disputes.startup.js';
import { IncidentIntakeConsumer } from './incidents/incident-intake.consumer.js';
import { LiabilityController } from './liability/liability.controller.js';
import { MediationController } from './mediation/mediation.controller.js';
import { MediationExpiryConsumer } from './mediation/mediation-expiry.consumer.js';
import { DisputesReadController } from './reads/disputes-read.controller.js';
import { DisputeStatisticsHandler } from './reads/queries/dispute-statistics.js';
import { GetDisputeHandler } from './reads/queries/get-dispute.js';
import { ListDisputesHandler } from './reads/queries/list-disputes.js';
import { RiskController } from './risk/risk.controller.js';
import { SettlementController } from './settlement/settlement.controller.js';

export const DISPUTES_SERVICE: ServiceDescriptor = {
  name: 'disputes',
  description: 'Complaints, notices, mediation, liability, compensation',
};

/**
 * The disputes bounded context (医疗纠纷): its runtime (store in schema 'disputes', outbox to
 * pingan.disputes.events, the list and statistics read models, the mediation and risk-review
 * clocks), the command and query handlers, the incidents consumer and the mediation-expiry
 * consumer, and the HTTP API.
 * It relies on what an app root provides (database, bus, config, logging, the access guard).
 */
@Module({
  imports: [EventSourcingModule.forService(DISPUTES_RUNTIME_OPTIONS)],
  // The read controller first: GET /disputes/statistics must not be taken for GET /disputes/:id.
  controllers: [
    DisputesReadController,
    ComplaintsController,
    MediationController,
    LiabilityController,
    SettlementController,
    RiskController,
  ],
  providers: [
    DisputesStartup,
    DisputeDirectory,
    // Every step on a dispute goes through the CommandBus; every read through the QueryBus.
    DisputeCommandHandler,
    ReceiveComplaintHandler,
    GetDisputeHandler,
    ListDisputesHandler,
    DisputeStatisticsHandler,
    IncidentIntakeConsumer,
    MediationExpiryConsumer,
  ],
})
export class DisputesModule {}
