import { Injectable } from '@nestjs/common';
import { actorOf, type Principal, type Role } from '@pingan/access';
import { POLICE_CASE_STREAM_TYPE, PROSECUTION_CONTEXT, type Actor, type ProsecutionEvent } from '@pingan/contracts';
import { handleCommand, type PostgresEventStore, type Query, type StoredEvent } from '@pingan/event-store';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import type { PoliceCaseCommand } from './domain/police-case.commands.js';
import { policeCaseDecider, type OpenPoliceCase } from './domain/police-case.decider.js';
import { PoliceCaseNotFoundError } from './domain/police-case.errors.js';
import { SuspectIdentities } from './read-models/suspect-identities.js';

/** A case as loaded for a request: its state, its history and who is party to it. */
export interface LoadedCase {
  state: OpenPoliceCase;
  history: StoredEvent[];
  /** Handling units past and present, procuratorates, courts and supervisors it went to. */
  partyOrganisationIds: string[];
}

/** Commands without the parts the service fills in from the request (when, who). */
export type CommandInput = PoliceCaseCommand extends infer C ? (C extends PoliceCaseCommand ? Omit<C, 'at' | 'actor'> : never) : never;

/** Everyone who became party to the case through its events (the list's `party_ids` follows the same rule). */
export function partiesOf(history: readonly StoredEvent[]): string[] {
  const parties = new Set<string>();
  for (const stored of history) {
    const event = stored as unknown as ProsecutionEvent;
    switch (event.type) {
      case 'CaseAccepted':
        parties.add(event.data.handlingUnitId);
        break;
      case 'CaseTransferred':
        parties.add(event.data.toUnitId);
        break;
      case 'ArrestApprovalRequested':
      case 'ProsecutorDesignated':
      case 'CaseTransferredForProsecution':
        parties.add(event.data.procuratorateId);
        break;
      case 'SuspectsIndicted':
      case 'FinalJudgementRecorded':
        parties.add(event.data.courtId);
        break;
      case 'ListedSupervisionStarted':
        parties.add(event.data.supervisorOrganisationId);
        break;
      default:
        break;
    }
  }
  return [...parties];
}

/**
 * Loads, decides and appends police-case commands through `handleCommand` (stream id = case
 * number = correlation id). No rules here: they are the decider's; access is checked by the
 * callers with the facts `load` returns.
 */
@Injectable()
export class PoliceCaseService {
  constructor(
    @InjectRuntime(PROSECUTION_CONTEXT) private readonly runtime: ServiceRuntime,
    private readonly identities: SuspectIdentities,
  ) {}

  get now(): Date {
    return this.runtime.clock();
  }

  get store(): PostgresEventStore {
    return this.runtime.store;
  }

  async find(caseNumber: string): Promise<LoadedCase | null> {
    const history = await this.runtime.store.readStream(caseNumber);
    if (history.length === 0 || history[0].streamType !== POLICE_CASE_STREAM_TYPE) return null;
    const state = history.reduce((s, e) => policeCaseDecider.evolve(s, e as unknown as ProsecutionEvent), policeCaseDecider.initialState());
    if (state.status !== 'open') return null;
    return { state, history, partyOrganisationIds: partiesOf(history) };
  }

  async load(caseNumber: string): Promise<LoadedCase> {
    const found = await this.find(caseNumber);
    if (!found) throw new PoliceCaseNotFoundError(caseNumber);
    return found;
  }

  /** Decides and appends one command as `principal` (acting in the first of `roles` it holds). */
  execute(principal: Principal, roles: readonly Role[], input: CommandInput, query?: Query): Promise<ProsecutionEvent[]> {
    return this.executeAs(actorOf(principal, ...roles), input, this.now, query);
  }

  /**
   * Decides and appends as `actor` at `at`; with `query`, inside that transaction (the inbox's,
   * so the case and the consumed event commit together).
   */
  async executeAs(actor: Actor, input: CommandInput, at: Date, query?: Query): Promise<ProsecutionEvent[]> {
    const command = { ...input, at, actor } as PoliceCaseCommand;
    const store = query ? this.runtime.store.using(query) : this.runtime.store;
    const { events } = await handleCommand(store, policeCaseDecider, input.caseNumber, command, {
      streamType: POLICE_CASE_STREAM_TYPE,
      actor: command.actor,
      correlationId: input.caseNumber,
      occurredAt: command.at,
    });
    return events;
  }

  /** Adds a suspect: the event (no name) and the name (service-local) commit together. */
  async addSuspect(
    principal: Principal,
    roles: readonly Role[],
    input: { caseNumber: string; suspectId: string; name: string },
  ): Promise<void> {
    await this.runtime.db.transaction(async (query) => {
      await this.execute(principal, roles, { type: 'AddSuspect', ...input }, query);
      await this.identities.record(query, { ...input, recordedAt: this.now });
    });
  }

  /** Brings the case list up to date (queries that must see the caller's own writes). */
  catchUp(): Promise<void> {
    return this.runtime.catchUpProjections();
  }

  deadlinesOf(caseNumber: string) {
    return this.runtime.deadlines!.list({ subject: caseNumber });
  }

  get db() {
    return this.runtime.db;
  }
}
