import { Module } from '@nestjs/common';
import { EventSourcingModule, schemaFor, type ServiceDescriptor, type ServiceRuntimeOptions } from '@pingan/platform';
import { CallerDataController } from './caller-data/caller-data.controller.js';
import { callerKeysProvider } from './caller-data/caller-keys.js';
import { CallerRetention } from './caller-data/caller-retention.js';
import { incidentClocksFor, incidentDeadlineRules, type IncidentDeadlineSettings } from './domain/index.js';
import { incidentSettingsFromEnv } from './incident-settings.js';
import { INCIDENTS_CONTEXT_NAME, INCIDENT_SETTINGS } from './incidents.context.js';
import { IncidentCommandHandler } from './incidents/commands/incident-command.js';
import { ReportIncidentHandler } from './incidents/commands/report-incident.js';
import { IncidentDirectory } from './incidents/incident-directory.js';
import { IncidentsController } from './incidents/incidents.controller.js';
import { GetIncidentHandler } from './incidents/queries/get-incident.js';
import { ListIncidentsHandler } from './incidents/queries/list-incidents.js';
import { incidentsMigrations } from './migrations/index.js';
import { incidentListProjection } from './read-models/incident-list.projection.js';
import { ReportFormController } from './report-form/report-form.controller.js';
import { ReportFormFont } from './report-form/report-form.font.js';
import { GetReportFormHandler } from './report-form/report-form.query.js';

export const INCIDENTS_SERVICE: ServiceDescriptor = {
  name: 'incidents',
  description: '110 calls, hospital reports, police response, escalation chain',
};

/**
 * The runtime of the context: its store (schema 'incidents'), its tables, the incident list, and the legal
 * clocks (catalogue from domain/deadline-rules.ts with the configured overrides). Tests build the
 * same options with a moved clock.
 */
export function incidentsRuntimeOptions(settings: IncidentDeadlineSettings, clock?: () => Date): ServiceRuntimeOptions {
  return {
    context: INCIDENTS_CONTEXT_NAME,
    migrations: incidentsMigrations,
    projections: [incidentListProjection(schemaFor(INCIDENTS_CONTEXT_NAME))],
    deadlines: { rules: incidentDeadlineRules(settings), clocksFor: incidentClocksFor },
    directory: true,
    clock,
  };
}

// Configurable rules are read once, when the service starts (see incident-settings.ts).
const settings = incidentSettingsFromEnv();

/**
 * The incidents bounded context. It relies on what an app root provides (the database, config,
 * logging, the bus, the access guard) but imports no infrastructure itself, so standalone can
 * compose it with the others.
 */
@Module({
  imports: [EventSourcingModule.forService(incidentsRuntimeOptions(settings))],
  // The settings controller first: its fixed paths must not be taken for a case number.
  controllers: [CallerDataController, IncidentsController, ReportFormController],
  providers: [
    { provide: INCIDENT_SETTINGS, useValue: settings },
    IncidentDirectory,
    IncidentCommandHandler,
    ReportIncidentHandler,
    GetIncidentHandler,
    ListIncidentsHandler,
    ReportFormFont,
    GetReportFormHandler,
    callerKeysProvider,
    CallerRetention,
  ],
})
export class IncidentsModule {}
