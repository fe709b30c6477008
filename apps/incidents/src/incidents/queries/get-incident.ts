import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReadAudit, type Principal } from '@pingan/access';
import { incidentStreamId, type IncidentEvent, type IncidentReportedData } from '@pingan/contracts';
import { fold, type StoredEvent } from '@pingan/event-store';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { incidentDecider, type ReportedIncident } from '../../domain/index.js';
import { INCIDENTS_CONTEXT_NAME } from '../../incidents.context.js';
import { assertMayAccessIncident } from '../commands/act-on-incident.js';
import { isPolice } from '../incident-access.js';

/** One event of the history: what, who, when. */
export interface HistoryEntry {
  version: number;
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  actor: StoredEvent['actor'];
  occurredAt: string;
  recordedAt: string;
}

export const CALLER_PERSONAL_DATA = 'incident-caller';

export interface IncidentView {
  caseNumber: string;
  incident: ReportedIncident;
  parties: string[];
  escalationAddressedTo: string[];
  history: HistoryEntry[];
}

/** The incident as it stands and its full history, as `principal` may see it. */
export class GetIncidentQuery extends Query<IncidentView> {
  constructor(
    readonly principal: Principal,
    readonly caseNumber: string,
    /** Why personal data is read (the read audit records it). */
    readonly purpose: string | undefined,
    readonly correlationId: string,
  ) {
    super();
  }
}

/**
 * The caller's name and phone are personal data: police (who took the call) see them, audited;
 * everyone else sees them redacted.
 */
@QueryHandler(GetIncidentQuery)
export class GetIncidentHandler implements IQueryHandler<GetIncidentQuery> {
  private readonly audit: ReadAudit;

  constructor(@InjectRuntime(INCIDENTS_CONTEXT_NAME) private readonly runtime: ServiceRuntime) {
    this.audit = new ReadAudit(runtime.store, () => runtime.clock());
  }

  async execute({ principal, caseNumber, purpose, correlationId }: GetIncidentQuery): Promise<IncidentView> {
    const events = await this.runtime.store.readStream(incidentStreamId(caseNumber));
    const state = fold(incidentDecider, events as unknown as IncidentEvent[]);
    const { incident, parties } = assertMayAccessIncident(principal, caseNumber, state, events, 'read');
    const reported = events[0]?.data as IncidentReportedData | undefined;
    const caller = reported?.intake.channel === 'call_110' ? reported.intake.caller : null;
    const hasCallerData = caller !== null && (caller.name !== null || caller.phone !== null);
    const showCaller = hasCallerData && isPolice(principal);
    if (showCaller) {
      await this.audit.record({
        principal,
        recordType: CALLER_PERSONAL_DATA,
        recordId: caseNumber,
        ownerOrganisationIds: [reported!.reportedByOrganisationId],
        purpose,
        correlationId,
      });
    }
    const redact = hasCallerData && !showCaller;
    return {
      caseNumber,
      incident: redact ? redactCaller(incident) : incident,
      parties: parties.partyOrganisationIds,
      escalationAddressedTo: parties.addressed,
      history: events.map((event): HistoryEntry => ({
        version: event.version,
        eventId: event.eventId,
        type: event.type,
        data: redact && event.type === 'IncidentReported' ? redactCallerIn(event.data as IncidentReportedData) : event.data,
        actor: event.actor,
        occurredAt: event.occurredAt,
        recordedAt: event.recordedAt,
      })),
    };
  }
}

const NO_CALLER = { name: null, phone: null };

function redactCallerIn(data: IncidentReportedData): IncidentReportedData {
  return data.intake.channel === 'call_110' ? { ...data, intake: { ...data.intake, caller: NO_CALLER } } : data;
}

function redactCaller(incident: ReportedIncident): ReportedIncident {
  return incident.intake.channel === 'call_110' ? { ...incident, intake: { ...incident.intake, caller: NO_CALLER } } : incident;
}
