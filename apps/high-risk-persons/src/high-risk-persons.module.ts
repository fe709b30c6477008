import { Module } from '@nestjs/common';
import { HIGH_RISK_PERSONS_CONTEXT } from '@pingan/contracts';
import { EventSourcingModule, type ServiceDescriptor, type ServiceRuntimeOptions } from '@pingan/platform';
import { highRiskKeysProvider, personVaultProvider } from './crypto/key.providers.js';
import { highRiskDeadlineRules, ruleSettingsFromEnv } from './domain/deadline-rules.js';
import { ReviewExpiryConsumer } from './review-expiry.consumer.js';
import { highRiskPersonsMigrations } from './migrations/index.js';
import { registerProjection } from './read-models/register.projection.js';
import { ActOnPersonHandler, ErasePersonHandler } from './register/commands/act-on-person.js';
import { CheckAtHospitalHandler } from './register/commands/check-at-hospital.js';
import { PersonCommandHandler } from './register/commands/person-command.js';
import { ProposeFlagHandler } from './register/commands/propose-flag.js';
import { GetPersonHandler } from './register/queries/get-person.js';
import { ListPersonReadsHandler } from './register/queries/list-person-reads.js';
import { ListRegisterHandler } from './register/queries/list-register.js';
import { RegisterController } from './register/register.controller.js';

export const HIGH_RISK_PERSONS_SERVICE: ServiceDescriptor = {
  name: 'high-risk-persons',
  description: 'High-risk person registry, warnings, early-warning alerts, audited access',
};

/**
 * The runtime's options (tests build the runtime from them with a moved clock). The review
 * period is read from HIGH_RISK_REVIEW_PERIOD_DAYS when the module is loaded (default 365 days).
 */
export const highRiskRuntimeOptions = (env: NodeJS.ProcessEnv = process.env): ServiceRuntimeOptions => ({
  context: HIGH_RISK_PERSONS_CONTEXT,
  migrations: highRiskPersonsMigrations,
  projections: [registerProjection],
  deadlines: { rules: highRiskDeadlineRules(ruleSettingsFromEnv(env)) },
  // A task's assignee is checked against the service's copy of the access directory.
  directory: true,
});

/**
 * The high-risk-persons bounded context. It relies on what an app root provides (the database, config,
 * logging) but imports no infrastructure itself, so standalone can compose it with the others.
 */
@Module({
  imports: [EventSourcingModule.forService(highRiskRuntimeOptions())],
  controllers: [RegisterController],
  providers: [
    highRiskKeysProvider,
    personVaultProvider,
    ReviewExpiryConsumer,
    PersonCommandHandler,
    ProposeFlagHandler,
    ActOnPersonHandler,
    ErasePersonHandler,
    CheckAtHospitalHandler,
    GetPersonHandler,
    ListPersonReadsHandler,
    ListRegisterHandler,
  ],
})
export class HighRiskPersonsModule {}
