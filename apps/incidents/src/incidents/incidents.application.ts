import { Injectable } from '@nestjs/common';
import {
  AccessDeniedError,
  ReadAudit,
  actorOf,
  assertCanAccess,
  canAccess,
  hasRole,
  regionContains,
  type Principal,
  type Role,
  POLICE_ROLES,
} from '@pingan/access';
import {
  ESCALATION_LEVELS,
  parseCaseNumber,
  type EscalationChain,
  type EscalationLevel,
  type IncidentEvent,
  type IncidentReportedData,
} from '@pingan/contracts';
import type { StoredEvent } from '@pingan/event-store';
import { InjectRuntime, RequestValidationError, type ServiceRuntime } from '@pingan/platform';
import { IncidentNotFoundError, type IntakeInput, type ReportedIncident } from '../domain/index.js';
import { INCIDENTS_CONTEXT_NAME, IncidentService, type CommandInput } from '../incident.service.js';
import { listIncidents } from '../read-models/incident-list.query.js';
import { NO_PARTIES, accessFacts, isAddressee, isPolice, withParties, type IncidentParties } from './incident-access.js';
import type {
  AlarmDetailsDto,
  ArrivalDto,
  CloseDto,
  DispatchDto,
  DisturbanceStoppedDto,
  LinkDto,
  ListIncidentsQuery,
  ReclassifyDto,
  ReopenDto,
  ReportIncidentDto,
  SceneClearedDto,
  SubmitEscalationDto,
} from './incidents.dto.js';

/** Who may report through which channel: the 110 desk takes calls, hospitals report and alarm, patrols find. */
const REPORTERS: Record<IncidentReportedData['channel'], { kind: Principal['organisationKind']; roles: readonly Role[] }> = {
  call_110: { kind: 'police', roles: ['police_dispatcher'] },
  hospital_report: { kind: 'hospital', roles: ['hospital_security_officer'] },
  one_key_alarm: { kind: 'hospital', roles: ['hospital_security_officer'] },
  patrol: { kind: 'police', roles: POLICE_ROLES },
};

/** Chains a hospital reports on, and the one police report on [S3 五(二)]. */
const SUBMITTERS: Record<EscalationChain, Principal['organisationKind']> = {
  health: 'hospital',
  political_legal: 'hospital',
  police: 'police',
};

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

const instant = (value: string): Date => new Date(value);

/**
 * The incidents use cases over HTTP: who may do it (docs/access.md: the one policy plus the
 * channel and escalation rules), then the command. Rules about the incident live in the decider.
 */
@Injectable()
export class IncidentsApplication {
  private readonly audit: ReadAudit;

  constructor(
    private readonly incidents: IncidentService,
    @InjectRuntime(INCIDENTS_CONTEXT_NAME) private readonly runtime: ServiceRuntime,
  ) {
    this.audit = new ReadAudit(runtime.store, () => runtime.clock());
  }

  async report(principal: Principal, dto: ReportIncidentDto) {
    const channel = dto.intake.channel;
    const allowed = REPORTERS[channel];
    if (principal.organisationKind !== allowed.kind || !hasRole(principal, ...allowed.roles)) throw new AccessDeniedError();
    if (allowed.kind === 'hospital') {
      // A hospital reports for itself, from where it is (its token says both).
      if (dto.hospital.hospitalId !== principal.organisationId || dto.hospital.regionCode !== principal.organisationRegion) {
        throw new AccessDeniedError();
      }
    } else if (!regionContains(principal.organisationRegion, dto.hospital.regionCode)) {
      throw new AccessDeniedError(); // police take incidents in their jurisdiction
    }
    const { caseNumber, events, state } = await this.incidents.report(
      {
        hospital: { ...dto.hospital },
        occurredAt: instant(dto.occurredAt),
        intake: this.intakeOf(dto),
        classification: dto.classification && {
          categories: dto.classification.categories,
          casualties: dto.classification.casualties && { ...dto.classification.casualties },
          massIncident: dto.classification.massIncident,
          weaponsInvolved: dto.classification.weaponsInvolved,
        },
      },
      actorOf(principal, ...allowed.roles),
    );
    return { caseNumber, recorded: events.map((event) => event.type), incident: state };
  }

  completeAlarmDetails(principal: Principal, caseNumber: string, dto: AlarmDetailsDto) {
    return this.command(principal, caseNumber, { type: 'CompleteAlarmDetails', data: { ...dto } });
  }

  reclassify(principal: Principal, caseNumber: string, dto: ReclassifyDto) {
    const { classification, reason } = dto;
    return this.command(principal, caseNumber, {
      type: 'ReclassifyIncident',
      data: { classification: { ...classification, casualties: classification.casualties && { ...classification.casualties } }, reason },
    });
  }

  dispatch(principal: Principal, caseNumber: string, dto: DispatchDto) {
    return this.command(principal, caseNumber, {
      type: 'DispatchPolice',
      data: {
        dispatchedAt: instant(dto.dispatchedAt),
        unitOrganisationId: dto.unitOrganisationId ?? principal.organisationId,
        supervisingOrganisationId: dto.supervisingOrganisationId,
      },
    });
  }

  arrival(principal: Principal, caseNumber: string, dto: ArrivalDto) {
    return this.command(principal, caseNumber, { type: 'RecordPoliceArrival', data: { arrivedAt: instant(dto.arrivedAt) } });
  }

  disturbanceStopped(principal: Principal, caseNumber: string, dto: DisturbanceStoppedDto) {
    return this.command(principal, caseNumber, { type: 'RecordDisturbanceStopped', data: { stoppedAt: instant(dto.stoppedAt) } });
  }

  sceneCleared(principal: Principal, caseNumber: string, dto: SceneClearedDto) {
    return this.command(principal, caseNumber, { type: 'RecordSceneCleared', data: { clearedAt: instant(dto.clearedAt) } });
  }

  /** The hospital itself reports up the health and 综治 chains; a police unit of the jurisdiction up the police chain. */
  submitEscalation(principal: Principal, caseNumber: string, dto: SubmitEscalationDto) {
    return this.command(principal, caseNumber, { type: 'SubmitEscalation', data: { chain: dto.chain } }, (incident) => {
      if (SUBMITTERS[dto.chain] === 'hospital')
        return principal.organisationKind === 'hospital' && principal.organisationId === incident.ref.hospitalId;
      return isPolice(principal);
    });
  }

  /** Only the body the report is addressed to at that level (e.g. the county commission of the hospital's county). */
  acknowledgeEscalation(principal: Principal, caseNumber: string, level: string) {
    const chain = chainOf(level);
    return this.command(
      principal,
      caseNumber,
      { type: 'AcknowledgeEscalation', data: { chain, level: level as EscalationLevel } },
      (incident, parties) => isAddressee(principal, incident.ref, parties, `${chain}:${level}`),
    );
  }

  forwardEscalation(principal: Principal, caseNumber: string, level: string) {
    const chain = chainOf(level);
    return this.command(
      principal,
      caseNumber,
      { type: 'ForwardEscalation', data: { chain, fromLevel: level as EscalationLevel } },
      (incident, parties) => isAddressee(principal, incident.ref, parties, `${chain}:${level}`),
    );
  }

  close(principal: Principal, caseNumber: string, dto: CloseDto) {
    return this.command(principal, caseNumber, { type: 'CloseIncident', data: { outcome: dto.outcome, note: dto.note } });
  }

  reopen(principal: Principal, caseNumber: string, dto: ReopenDto) {
    return this.command(principal, caseNumber, { type: 'ReopenIncident', data: { reason: dto.reason } });
  }

  /** A police case is the police's to link; a dispute, the hospital's or the police's. */
  link(principal: Principal, caseNumber: string, dto: LinkDto) {
    if (dto.policeCaseNumber !== undefined) {
      return this.command(principal, caseNumber, { type: 'LinkPoliceCase', data: { policeCaseNumber: dto.policeCaseNumber } }, () =>
        isPolice(principal),
      );
    }
    return this.command(principal, caseNumber, { type: 'LinkDispute', data: { disputeCaseNumber: dto.disputeCaseNumber! } });
  }

  /** The incident as it stands and its full history: every event with its type, data, who and when. */
  async get(principal: Principal, caseNumber: string, purpose: string | undefined, correlationId: string) {
    const { incident, events, parties } = await this.loadFor(principal, caseNumber, 'read');
    const reported = events[0]?.data as IncidentReportedData | undefined;
    const caller = reported?.intake.channel === 'call_110' ? reported.intake.caller : null;
    const hasCallerData = caller !== null && (caller.name !== null || caller.phone !== null);
    // The caller's name and phone are personal data: police (who took the call) see them, audited; others do not.
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

  async list(principal: Principal, query: ListIncidentsQuery) {
    await this.runtime.catchUpProjections(); // the caller sees its own report at once
    return listIncidents(this.runtime.db.query, this.runtime.schema, principal, {
      hospitalId: query.hospitalId,
      regionCode: query.regionCode,
      category: query.category,
      major: query.major,
      status: query.status,
      from: query.from === undefined ? undefined : instant(query.from),
      to: query.to === undefined ? undefined : instant(query.to),
      limit: query.limit ?? 100,
      offset: query.offset ?? 0,
    });
  }

  // -------------------------------------------------------------------------------------------

  private intakeOf(dto: ReportIncidentDto): IntakeInput {
    const intake = dto.intake;
    switch (intake.channel) {
      case 'call_110':
        return {
          channel: 'call_110',
          callReceivedAt: instant(intake.callReceivedAt),
          caller: intake.caller && { ...intake.caller },
          description: intake.description,
        };
      case 'hospital_report':
        return { ...intake, channel: 'hospital_report' };
      case 'one_key_alarm':
        return { ...intake, channel: 'one_key_alarm' };
      case 'patrol':
        return { ...intake, channel: 'patrol' };
    }
  }

  private async loadFor(principal: Principal, caseNumber: string, action: 'read' | 'write') {
    let loaded;
    try {
      loaded = await this.incidents.load(caseNumber);
    } catch (error) {
      // Whether a case exists is told only to those who could see it: the number names its region.
      const region = parseCaseNumber(caseNumber)?.regionCode;
      if (error instanceof IncidentNotFoundError && !(region && canAccess(principal, { regionCode: region, action: 'read' }))) {
        throw new AccessDeniedError();
      }
      throw error;
    }
    const parties = (loaded.events as unknown as IncidentEvent[]).reduce(withParties, NO_PARTIES);
    assertCanAccess(principal, accessFacts(principal, loaded.state.ref, parties, action));
    return { incident: loaded.state, events: loaded.events, parties };
  }

  /** Write access by the policy, plus the use case's own rule (who reports on which chain, who acknowledges). */
  private async command(
    principal: Principal,
    caseNumber: string,
    input: CommandInput,
    mayAlso: (incident: ReportedIncident, parties: IncidentParties) => boolean = () => true,
  ) {
    const { incident, parties } = await this.loadFor(principal, caseNumber, 'write');
    if (!mayAlso(incident, parties)) throw new AccessDeniedError();
    const { events, state } = await this.incidents.execute(caseNumber, input, actorOf(principal));
    return { caseNumber, recorded: events.map((event) => event.type), incident: state };
  }
}

function chainOf(level: string): EscalationChain {
  const chain = (Object.keys(ESCALATION_LEVELS) as EscalationChain[]).find((c) =>
    (ESCALATION_LEVELS[c] as readonly string[]).includes(level),
  );
  if (!chain) {
    const levels = Object.values(ESCALATION_LEVELS).flat().join(', ');
    throw new RequestValidationError([{ field: 'level', code: 'IS_IN', message: `level must be one of: ${levels}` }]);
  }
  return chain;
}

const NO_CALLER = { name: null, phone: null };

function redactCallerIn(data: IncidentReportedData): IncidentReportedData {
  return data.intake.channel === 'call_110' ? { ...data, intake: { ...data.intake, caller: NO_CALLER } } : data;
}

function redactCaller(incident: ReportedIncident): ReportedIncident {
  return incident.intake.channel === 'call_110' ? { ...incident, intake: { ...incident.intake, caller: NO_CALLER } } : incident;
}
