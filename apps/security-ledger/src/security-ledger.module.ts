import { Module } from '@nestjs/common';
import { SECURITY_LEDGER_CONTEXT } from '@pingan/contracts';
import { EventSourcingModule, type ServiceDescriptor, type ServiceRuntimeOptions } from '@pingan/platform';
import { securityLedgerDeadlineRules } from './domain/deadline-rules.js';
import { AssessmentController } from './assessment/assessment.controller.js';
import { AssessmentSheetCommandHandler, SecurityAssessmentCommandHandler } from './assessment/commands/assessment-commands.js';
import { RecordAssessmentHandler } from './assessment/commands/record-assessment.js';
import { SetAssessmentSheetHandler } from './assessment/commands/set-sheet.js';
import { GetAssessmentHandler } from './assessment/queries/get-assessment.js';
import { GetAssessmentSheetHandler } from './assessment/queries/get-sheet.js';
import { LedgerExportController } from './ledger/export/ledger-export.controller.js';
import { FileProfileHandler } from './ledger/commands/file-profile.js';
import { FileReturnHandler } from './ledger/commands/file-return.js';
import { ReturnCommandHandler } from './ledger/commands/return-command.js';
import { SetReturnHandler } from './ledger/commands/set-return.js';
import { GetReturnHandler } from './ledger/queries/get-return.js';
import { GetHospitalHandler } from './ledger/queries/get-hospital.js';
import { LedgerController } from './ledger/ledger.controller.js';
import { SecurityProfileCommandHandler } from './ledger/commands/profile-command.js';
import { RegionLedgerHandler } from './ledger/queries/region-ledger.js';
import { securityLedgerMigrations } from './migrations/index.js';
import { profilesProjection } from './read-models/profiles.projection.js';
import { InspectionCommandHandler } from './inspections/commands/inspection-command.js';
import { InspectionStepHandler } from './inspections/commands/inspection-step.js';
import { RecordInspectionHandler } from './inspections/commands/record-inspection.js';
import { InspectionsController } from './inspections/inspections.controller.js';
import { GetInspectionHandler, HospitalInspectionsHandler } from './inspections/queries/get-inspection.js';
import { inspectionsProjection } from './read-models/inspections.projection.js';
import { S1ReturnsController } from './returns-s1/s1-returns.controller.js';
import { S1ReturnHandler } from './returns-s1/s1-returns.query.js';

export const SECURITY_LEDGER_SERVICE: ServiceDescriptor = {
  name: 'security-ledger',
  description:
    'Hospital security ledger (医院安全秩序管理工作台账): security profiles, the standards, each hospital’s compliance, self-inspection returns, inspections and rectification',
};

/** The runtime's options (tests build the runtime from them with a moved clock). */
export const securityLedgerRuntimeOptions = (): ServiceRuntimeOptions => ({
  context: SECURITY_LEDGER_CONTEXT,
  migrations: securityLedgerMigrations,
  projections: [profilesProjection, inspectionsProjection],
  // Region, grade and ownership of a hospital are the directory's, never the request's.
  directory: true,
  // Each hospital's duty to file a self-inspection return, and to rectify each item (the events' `clocks`).
  deadlines: { rules: securityLedgerDeadlineRules() },
});

/**
 * The security-ledger bounded context. It relies on what an app root provides (the database,
 * config, logging) but imports no infrastructure itself, so standalone can compose it with the others.
 */
@Module({
  imports: [EventSourcingModule.forService(securityLedgerRuntimeOptions())],
  controllers: [LedgerController, LedgerExportController, AssessmentController, InspectionsController, S1ReturnsController],
  providers: [
    SecurityProfileCommandHandler,
    FileProfileHandler,
    GetHospitalHandler,
    RegionLedgerHandler,
    ReturnCommandHandler,
    SetReturnHandler,
    FileReturnHandler,
    GetReturnHandler,
    // The annual 平安医院 assessment (assessment/).
    AssessmentSheetCommandHandler,
    SecurityAssessmentCommandHandler,
    SetAssessmentSheetHandler,
    RecordAssessmentHandler,
    GetAssessmentSheetHandler,
    GetAssessmentHandler,
    // Inspections and rectification (inspections/).
    InspectionCommandHandler,
    RecordInspectionHandler,
    InspectionStepHandler,
    GetInspectionHandler,
    HospitalInspectionsHandler,
    // S1 七's two returns (returns-s1/).
    S1ReturnHandler,
  ],
})
export class SecurityLedgerModule {}
