import { Inject, Injectable } from '@nestjs/common';
import { INCIDENT_STREAM_TYPE, incidentStreamId, type Actor, type IncidentEvent } from '@pingan/contracts';
import { fold, handleCommand, type Decider, type StoredEvent } from '@pingan/event-store';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { CaseNumbers } from './case-numbers.js';
import {
  IncidentNotFoundError,
  createIncidentDecider,
  type IncidentCommand,
  type IncidentDeadlineSettings,
  type IncidentState,
  type ReportIncident,
  type ReportedIncident,
} from './domain/index.js';

export const INCIDENTS_CONTEXT_NAME = 'incidents';
export const INCIDENT_SETTINGS = Symbol('INCIDENT_SETTINGS');

/** A command without its actor and time: the service stamps those. */
export type CommandInput<C extends IncidentCommand = IncidentCommand> = Pick<C, 'type' | 'data'>;

export interface LoadedIncident {
  state: ReportedIncident;
  events: StoredEvent[];
}

/**
 * Loads, decides and appends incident streams through handleCommand (rules live in the decider).
 * The time of every command is the runtime's clock; the correlation id is the case number.
 */
@Injectable()
export class IncidentService {
  private readonly decider: Decider<IncidentCommand, IncidentEvent, IncidentState>;
  private readonly caseNumbers: CaseNumbers;

  constructor(
    @InjectRuntime(INCIDENTS_CONTEXT_NAME) private readonly runtime: ServiceRuntime,
    @Inject(INCIDENT_SETTINGS) settings: IncidentDeadlineSettings,
  ) {
    this.decider = createIncidentDecider(settings);
    this.caseNumbers = new CaseNumbers(runtime.schema);
  }

  now(): Date {
    return this.runtime.clock();
  }

  /**
   * Allocates the case number and reports the incident in ONE transaction: if the decider says
   * no, the number is given back.
   */
  async report(
    data: Omit<ReportIncident['data'], 'caseNumber'>,
    actor: Actor,
  ): Promise<{ caseNumber: string; events: IncidentEvent[]; state: IncidentState }> {
    const at = this.now();
    return this.runtime.db.transaction(async (query) => {
      const caseNumber = await this.caseNumbers.allocate(query, data.hospital.regionCode, at);
      const command: ReportIncident = { type: 'ReportIncident', data: { ...data, caseNumber }, actor, at };
      const { events, state } = await handleCommand(this.runtime.store.using(query), this.decider, incidentStreamId(caseNumber), command, {
        streamType: INCIDENT_STREAM_TYPE,
        actor,
        correlationId: caseNumber,
        occurredAt: at,
      });
      return { caseNumber, events, state };
    });
  }

  async execute(caseNumber: string, input: CommandInput, actor: Actor): Promise<{ events: IncidentEvent[]; state: IncidentState }> {
    const at = this.now();
    const command = { ...input, actor, at } as IncidentCommand;
    const { events, state } = await handleCommand(this.runtime.store, this.decider, incidentStreamId(caseNumber), command, {
      streamType: INCIDENT_STREAM_TYPE,
      actor,
      correlationId: caseNumber,
      occurredAt: at,
    });
    return { events, state };
  }

  /** The incident and every event of it (who, when, what), or INCIDENT.NOT_FOUND. */
  async load(caseNumber: string): Promise<LoadedIncident> {
    const events = await this.runtime.store.readStream(incidentStreamId(caseNumber));
    const state = fold(this.decider, events as unknown as IncidentEvent[]);
    if (state.status === 'none') throw new IncidentNotFoundError();
    return { state, events };
  }
}
