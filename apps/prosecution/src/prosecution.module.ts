import { Module } from '@nestjs/common';
import { PROSECUTION_CONTEXT } from '@pingan/contracts';
import { EventSourcingModule, type ServiceDescriptor } from '@pingan/platform';
import { prosecutionClocksFor } from './domain/clocks.js';
import { PROSECUTION_DEADLINES } from './domain/deadline-rules.js';
import { IncidentHandoverConsumer } from './incidents/incident-handover.consumer.js';
import { PoliceCaseCommandHandler } from './police-cases/commands/police-case-command.js';
import { prosecutionMigrations } from './migrations/index.js';
import { CourtController } from './police-cases/court.controller.js';
import { PoliceCasesController } from './police-cases/police-cases.controller.js';
import { PoliceStepsController } from './police-cases/police-steps.controller.js';
import { ProcuratorateController } from './police-cases/procuratorate.controller.js';
import { GetCaseSuspectsHandler } from './police-cases/queries/get-case-suspects.js';
import { GetPoliceCaseHandler } from './police-cases/queries/get-police-case.js';
import { ListPoliceCasesHandler } from './police-cases/queries/list-police-cases.js';
import { SupervisionController } from './police-cases/supervision.controller.js';
import { caseListProjection } from './read-models/case-list.projection.js';
import { CaseListQueries } from './read-models/case-list.queries.js';
import { SuspectIdentities } from './read-models/suspect-identities.js';
import { CaseDirectory } from './police-cases/case-directory.js';

export const PROSECUTION_SERVICE: ServiceDescriptor = {
  name: 'prosecution',
  description: 'Police cases, penalties and measures, ministry-system entry, procuratorate, court',
};

/**
 * The prosecution bounded context. It relies on what an app root provides (the database, config,
 * logging, the bus) but imports no infrastructure itself, so standalone can compose it with the others.
 */
@Module({
  imports: [
    EventSourcingModule.forService({
      context: PROSECUTION_CONTEXT,
      migrations: prosecutionMigrations,
      projections: [caseListProjection],
      deadlines: { rules: PROSECUTION_DEADLINES, clocksFor: prosecutionClocksFor },
      // A case's hospital and region, and every unit it goes to, from the service's copy of the access directory.
      directory: true,
    }),
  ],
  controllers: [PoliceCasesController, PoliceStepsController, ProcuratorateController, CourtController, SupervisionController],
  providers: [
    PoliceCaseCommandHandler,
    GetPoliceCaseHandler,
    ListPoliceCasesHandler,
    GetCaseSuspectsHandler,
    SuspectIdentities,
    CaseDirectory,
    CaseListQueries,
    IncidentHandoverConsumer,
  ],
})
export class ProsecutionModule {}
