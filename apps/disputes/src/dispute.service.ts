import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { actorOf, assertCanAccess, type AccessAction, type Principal, type Role } from '@pingan/access';
import { DISPUTES_CONTEXT, DISPUTE_STREAM_TYPE, shanghaiDateOf } from '@pingan/contracts';
import { fold, handleCommand, type PostgresEventStore, type StoredEvent } from '@pingan/event-store';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import type { DisputeCommand, ReceiveComplaint } from './domain/dispute.commands.js';
import { disputeDecider, type DisputeState } from './domain/dispute.decider.js';
import { DisputeError, DisputeErrorCode } from './domain/dispute.errors.js';
import type { DisputeEvent } from './domain/dispute.events.js';
import { SCHEMA } from './read-models/dispute-state.js';
import { recordParties, type PartyDetails } from './disputes.storage.js';

/** A command without what the service supplies: the instant (injectable clock) and the actor. */
export type CommandInput = DisputeCommand extends infer C ? (C extends DisputeCommand ? Omit<C, 'at' | 'actor'> : never) : never;

export interface LoadedDispute {
  state: DisputeState & { ref: NonNullable<DisputeState['ref']> };
  events: StoredEvent[];
  /** Every organisation the dispute was referred or taken to (mediators, courts): party to it. */
  partyOrganisationIds: string[];
}

export interface CommandResult {
  disputeId: string;
  caseNumber: string;
  version: number | null;
  events: string[];
}

/**
 * Loads, authorises, decides and appends through handleCommand. No rules here: the decider has
 * them; the access policy (libs/access) decides who may touch which dispute.
 */
@Injectable()
export class DisputeService {
  constructor(@InjectRuntime(DISPUTES_CONTEXT) private readonly runtime: ServiceRuntime) {}

  now(): Date {
    return this.runtime.clock();
  }

  async load(disputeId: string, store: PostgresEventStore = this.runtime.store): Promise<LoadedDispute> {
    const events = (await store.readStream(disputeId)).filter((e) => e.streamType === DISPUTE_STREAM_TYPE);
    const state = fold(disputeDecider, events as unknown as DisputeEvent[]);
    if (state.ref === null) throw new DisputeError(DisputeErrorCode.NotFound, 'No such dispute.');
    const parties = new Set<string>();
    for (const e of events) {
      for (const key of ['mediatorOrganisationId', 'courtId'] as const) {
        const id = (e.data as Record<string, unknown>)[key];
        if (typeof id === 'string') parties.add(id);
      }
    }
    return { state: state as LoadedDispute['state'], events, partyOrganisationIds: [...parties] };
  }

  /** 403 unless the policy lets the caller read / change this dispute. */
  authorise(principal: Principal, dispute: LoadedDispute, action: AccessAction): void {
    assertCanAccess(principal, {
      hospitalOrganisationId: dispute.state.ref.hospitalId,
      regionCode: dispute.state.ref.regionCode,
      partyOrganisationIds: dispute.partyOrganisationIds,
      action,
    });
  }

  /** A caller's step on an existing dispute. */
  async act(principal: Principal, disputeId: string, input: CommandInput, roles: Role[]): Promise<CommandResult> {
    const dispute = await this.load(disputeId);
    this.authorise(principal, dispute, 'write');
    return this.execute(disputeId, dispute.state.ref.caseNumber, {
      ...input,
      at: this.now(),
      actor: actorOf(principal, ...roles),
    } as DisputeCommand);
  }

  /** Decide and append; the correlation id is the case number. */
  async execute(
    disputeId: string,
    caseNumber: string,
    command: DisputeCommand,
    options: { store?: PostgresEventStore; causationId?: string | null } = {},
  ): Promise<CommandResult> {
    const handled = await handleCommand(options.store ?? this.runtime.store, disputeDecider, disputeId, command, {
      streamType: DISPUTE_STREAM_TYPE,
      actor: command.actor,
      correlationId: caseNumber,
      causationId: options.causationId ?? null,
      occurredAt: command.at,
    });
    return { disputeId, caseNumber, version: handled.append?.nextExpectedVersion ?? null, events: handled.events.map((e) => e.type) };
  }

  /**
   * 首诉负责制: the receiving officer owns the complaint. The parties' names and contacts go to
   * the party register in the same transaction as the event, which carries only ids and relations.
   */
  async receiveComplaint(
    principal: Principal,
    input: Pick<ReceiveComplaint, 'summary' | 'claims' | 'supervisingOrganisationId'> & { parties: Omit<PartyDetails, 'partyId'>[] },
  ): Promise<CommandResult> {
    const at = this.now();
    const disputeId = randomUUID();
    const parties: PartyDetails[] = input.parties.map((p) => ({ ...p, partyId: randomUUID() }));
    const caseNumber = await this.allocateCaseNumber(principal.organisationRegion, at);
    const command: ReceiveComplaint = {
      type: 'ReceiveComplaint',
      at,
      actor: actorOf(principal, 'hospital_complaints_officer'),
      disputeId,
      caseNumber,
      hospitalId: principal.organisationId,
      regionCode: principal.organisationRegion,
      summary: input.summary,
      parties: parties.map((p) => ({ partyId: p.partyId, relation: p.relation })),
      claims: input.claims,
      supervisingOrganisationId: input.supervisingOrganisationId ?? null,
    };
    return this.runtime.db.transaction(async (query) => {
      const result = await this.execute(disputeId, caseNumber, command, { store: this.runtime.store.using(query) });
      await recordParties(query, disputeId, parties, at);
      return result;
    });
  }

  /**
   * Case numbers of disputes that start as complaints: region, Shanghai date and a 'D' sequence
   * (`500101-20261122-D0001`), so they never collide with an incident's number of the same day.
   * A dispute opened from an incident keeps the incident's number.
   */
  private async allocateCaseNumber(regionCode: string, at: Date): Promise<string> {
    const day = shanghaiDateOf(at).replace(/-/g, '');
    const [row] = await this.runtime.db.query<{ last: number }>(
      `INSERT INTO ${SCHEMA}.case_number_sequences (region_code, day, last) VALUES ($1, $2, 1)
       ON CONFLICT (region_code, day) DO UPDATE SET last = ${SCHEMA}.case_number_sequences.last + 1 RETURNING last`,
      [regionCode, day],
    );
    return `${regionCode}-${day}-D${String(row.last).padStart(4, '0')}`;
  }

  /** The clocks of a dispute (subject = its case number), as the deadline store has them. */
  async clocks(caseNumber: string) {
    // The clocks follow the events through a projection: a caller reads its own steps.
    await this.runtime.catchUpProjections();
    return (await this.runtime.deadlines?.list({ subject: caseNumber })) ?? [];
  }
}
