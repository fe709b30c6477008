import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { regionName, type Principal } from '@pingan/access';
import { incidentStreamId, type IncidentEvent } from '@pingan/contracts';
import { fold } from '@pingan/event-store';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { incidentDeadlineRules, incidentDecider, policeArrivalRule, type IncidentDeadlineSettings } from '../domain/index.js';
import { INCIDENTS_CONTEXT_NAME, INCIDENT_SETTINGS } from '../incidents.context.js';
import { assertMayAccessIncident } from '../incidents/commands/act-on-incident.js';
import { reportFormOf, type ReportForm } from './report-form.js';

/** The report form of one incident, for a caller who may read the incident. */
export class GetReportFormQuery extends Query<ReportForm> {
  constructor(
    readonly principal: Principal,
    readonly caseNumber: string,
  ) {
    super();
  }
}

/**
 * Access is the incident read's (the same check on the same fold). The form never carries the 110
 * caller's name or phone, so it records no personal-data read. Names come from the service's copy
 * of the directory; the arrival limit is the rule the clock was started with (or would be).
 */
@QueryHandler(GetReportFormQuery)
export class GetReportFormHandler implements IQueryHandler<GetReportFormQuery> {
  constructor(
    @InjectRuntime(INCIDENTS_CONTEXT_NAME) private readonly runtime: ServiceRuntime,
    @Inject(INCIDENT_SETTINGS) private readonly settings: IncidentDeadlineSettings,
  ) {}

  async execute({ principal, caseNumber }: GetReportFormQuery): Promise<ReportForm> {
    const events = await this.runtime.store.readStream(incidentStreamId(caseNumber));
    const history = events as unknown as IncidentEvent[];
    const state = fold(incidentDecider, history);
    const { incident } = assertMayAccessIncident(principal, caseNumber, state, events, 'read');

    const ids = new Set<string>([incident.ref.hospitalId]);
    if (incident.police.unitOrganisationId) ids.add(incident.police.unitOrganisationId);
    for (const id of Object.values(incident.addressees)) if (id) ids.add(id);
    for (const chain of Object.values(incident.escalation))
      for (const level of Object.values(chain)) if (level?.acknowledgedBy) ids.add(level.acknowledgedBy);
    for (const event of history) if (event.type === 'PoliceDispatched') ids.add(event.data.unitOrganisationId);
    const names = new Map<string, string>();
    await Promise.all(
      [...ids].map(async (id) => {
        const found = await this.runtime.directory?.find(id);
        if (found) names.set(id, found.name);
      }),
    );

    return reportFormOf({
      incident,
      history,
      name: (id) => names.get(id) ?? id,
      regionName: regionName(incident.ref.regionCode),
      arrivalLimitMinutes: this.arrivalLimitMinutes(incident.ref.regionCode, incident.hasPoliceOffice, history),
      printedAt: this.runtime.clock(),
    });
  }

  private arrivalLimitMinutes(regionCode: string, hasPoliceOffice: boolean, history: IncidentEvent[]): number {
    const started = history.find((event) => event.type === 'IncidentClockStarted' && event.data.clock === 'police_arrival');
    const ruleName =
      started?.type === 'IncidentClockStarted'
        ? started.data.rule
        : policeArrivalRule(regionCode, hasPoliceOffice, this.settings.policeArrivalOverrides);
    const rule = incidentDeadlineRules(this.settings).find((candidate) => candidate.name === ruleName);
    const length = rule?.length ?? { unit: 'minutes', amount: hasPoliceOffice ? 3 : 8 };
    return length.unit === 'hours' ? length.amount * 60 : length.amount;
  }
}
