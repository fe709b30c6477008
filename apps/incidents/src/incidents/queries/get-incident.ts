import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReadAudit, type Principal } from '@pingan/access';
import { incidentStreamId, type CallerDetails, type IncidentEvent, type IncidentReportedData, type RecordedCaller } from '@pingan/contracts';
import { fold, type StoredEvent } from '@pingan/event-store';
import { InjectRuntime, KeyDestroyedError, type ServiceRuntime } from '@pingan/platform';
import { CallerKeys } from '../../caller-data/caller-keys.js';
import { callerViewOf, hasCallerData, isSealedCaller, recordedCallerOf, withCaller, type CallerView } from '../../caller-data/caller-view.js';
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
 * The caller's name and phone are personal data: police working the case (the 110 desk that took
 * the call, the station and bureau in whose jurisdiction it is) see them, each read audited; the
 * hospital, commissions and 综治 see them withheld; once erased everyone reads 已按规定删除.
 */
@QueryHandler(GetIncidentQuery)
export class GetIncidentHandler implements IQueryHandler<GetIncidentQuery> {
  private readonly audit: ReadAudit;

  constructor(
    @InjectRuntime(INCIDENTS_CONTEXT_NAME) private readonly runtime: ServiceRuntime,
    private readonly callerKeys: CallerKeys,
  ) {
    this.audit = new ReadAudit(runtime.store, () => runtime.clock());
  }

  async execute({ principal, caseNumber, purpose, correlationId }: GetIncidentQuery): Promise<IncidentView> {
    const events = await this.runtime.store.readStream(incidentStreamId(caseNumber));
    const state = fold(incidentDecider, events as unknown as IncidentEvent[]);
    const { incident, parties } = assertMayAccessIncident(principal, caseNumber, state, events, 'read');
    const reported = events[0]?.data as IncidentReportedData | undefined;
    const recorded = recordedCallerOf(reported?.intake);
    const view = recorded && (await this.callerView(principal, caseNumber, recorded, incident, reported!, purpose, correlationId));
    return {
      caseNumber,
      incident: view ? withCaller(incident, view) : incident,
      parties: parties.partyOrganisationIds,
      escalationAddressedTo: parties.addressed,
      history: events.map((event): HistoryEntry => ({
        version: event.version,
        eventId: event.eventId,
        type: event.type,
        data: view && event.type === 'IncidentReported' ? withCaller(event.data as IncidentReportedData, view) : event.data,
        actor: event.actor,
        occurredAt: event.occurredAt,
        recordedAt: event.recordedAt,
      })),
    };
  }

  private async callerView(
    principal: Principal,
    caseNumber: string,
    recorded: RecordedCaller,
    incident: ReportedIncident,
    reported: IncidentReportedData,
    purpose: string | undefined,
    correlationId: string,
  ): Promise<CallerView> {
    const entitled = isPolice(principal);
    let erased = incident.callerDataErasedAt !== undefined;
    let opened: CallerDetails | null = null;
    if (entitled && !erased && hasCallerData(recorded)) {
      try {
        // Events written before sealing carry the details plain (read as they are).
        opened = isSealedCaller(recorded)
          ? ((await this.callerKeys.open(this.runtime.db.query, caseNumber, recorded.sealed)) as CallerDetails)
          : (recorded as CallerDetails);
      } catch (error) {
        if (!(error instanceof KeyDestroyedError)) throw error;
        erased = true; // the key is gone (the erasure event may still be on its way)
      }
      if (opened) {
        await this.audit.record({
          principal,
          recordType: CALLER_PERSONAL_DATA,
          recordId: caseNumber,
          ownerOrganisationIds: [reported.reportedByOrganisationId],
          purpose,
          correlationId,
        });
      }
    }
    return callerViewOf(recorded, { entitled, erased, opened });
  }
}
