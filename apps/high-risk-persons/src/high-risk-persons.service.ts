import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AccessDeniedError, ReadAudit, actorOf, regionPrefix, readScope, type Principal, type Role } from '@pingan/access';
import {
  HIGH_RISK_PERSONS_CONTEXT,
  HIGH_RISK_PERSON_STREAM_TYPE,
  SYSTEM_ACTOR,
  highRiskPersonStreamId,
  type HighRiskCategory,
  type SealedField,
} from '@pingan/contracts';
import { fold, handleCommand, type Query, type StoredEvent } from '@pingan/event-store';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { HIGH_RISK_KEYS } from './crypto/key.providers.js';
import type { HighRiskKeys } from './crypto/high-risk-keys.js';
import { KeyDestroyedError, PersonVault } from './crypto/person-vault.js';
import type { HighRiskPersonCommand, PersonalText } from './domain/high-risk-person.commands.js';
import { highRiskPersonDecider, type HighRiskPersonState } from './domain/high-risk-person.decider.js';
import { HighRiskError, HighRiskErrorCode } from './domain/high-risk-person.errors.js';
import type { HighRiskPersonEvent } from './domain/high-risk-person.events.js';
import { normaliseResidentId, residentIdProblem } from './domain/resident-id.js';
import { canActOnPerson, personViewFor, type PersonFacts } from './high-risk-persons.access.js';
import { fullView, limitedView } from './read-models/person-view.js';
import { SCHEMA, listRegister } from './read-models/register.projection.js';

export const HIGH_RISK_RECORD_TYPE = 'high-risk-person';
export const checksStreamId = (hospitalId: string): string => `high-risk-checks-${hospitalId}`;

export interface Proposal {
  name: string;
  idNumber: string;
  phone: string | null;
  categories: { category: HighRiskCategory; behaviour: string; incidentIds: string[]; caseNumbers: string[] }[];
}

/** Builds a command for a person, sealing its free texts with the person's key. */
type CommandFor = (seal: (text: string) => PersonalText, base: { personId: string; at: Date }) => HighRiskPersonCommand;

const ACTING_ROLES: Role[] = [
  'station_chief',
  'political_legal_officer',
  'police_case_officer',
  'police_dispatcher',
  'hospital_security_officer',
];

/**
 * The register's application service: thin. It finds the person (by keyed hash), seals personal
 * texts with the person's key, decides through handleCommand, destroys keys on erasure, and
 * audits every read before it returns anything. Rules live in the decider; who sees what in
 * high-risk-persons.access.ts.
 */
@Injectable()
export class HighRiskPersonsService implements OnModuleInit {
  readonly vault: PersonVault;
  readonly readAudit: ReadAudit;

  constructor(
    @InjectRuntime(HIGH_RISK_PERSONS_CONTEXT) readonly runtime: ServiceRuntime,
    @Inject(HIGH_RISK_KEYS) keys: HighRiskKeys,
  ) {
    this.vault = new PersonVault(keys, SCHEMA);
    this.readAudit = new ReadAudit(runtime.store, runtime.clock);
  }

  async onModuleInit(): Promise<void> {
    // An unreviewed flag expires on its own: our own review clock's breach becomes ExpireFlag.
    await this.runtime.subscribe({
      group: 'high-risk-persons.review-expiry',
      contexts: [HIGH_RISK_PERSONS_CONTEXT],
      handle: async (envelope, query) => {
        if (envelope.type !== 'DeadlineBreached' || envelope.data.rule !== 'high-risk-flag-review') return;
        const personId = String(envelope.data.subject);
        await handleCommand(
          this.runtime.store.using(query),
          highRiskPersonDecider,
          highRiskPersonStreamId(personId),
          {
            type: 'ExpireFlag',
            data: {
              personId,
              at: new Date(String(envelope.data.at ?? envelope.occurredAt)),
              actor: SYSTEM_ACTOR,
              deadlineId: String(envelope.data.deadlineId),
            },
          },
          { streamType: HIGH_RISK_PERSON_STREAM_TYPE, actor: SYSTEM_ACTOR, correlationId: personId, causationId: envelope.eventId },
        );
      },
    });
  }

  private now(): Date {
    return this.runtime.clock();
  }

  private async load(query: Query, personId: string): Promise<{ events: StoredEvent[]; state: HighRiskPersonState }> {
    const events = await this.runtime.store.using(query).readStream(highRiskPersonStreamId(personId));
    return { events, state: fold(highRiskPersonDecider, events as unknown as HighRiskPersonEvent[]) };
  }

  private decide(query: Query, personId: string, command: HighRiskPersonCommand, principal: Principal, causationId?: string) {
    return handleCommand(this.runtime.store.using(query), highRiskPersonDecider, highRiskPersonStreamId(personId), command, {
      streamType: HIGH_RISK_PERSON_STREAM_TYPE,
      actor: command.data.actor,
      // No case number here: the person id (a random pseudonym) ties the person's events together.
      correlationId: personId,
      causationId: causationId ?? null,
    });
  }

  private static facts(state: HighRiskPersonState): PersonFacts {
    return { regionCode: state.regionCode!, owners: state.owners };
  }

  /** Propose a flag; a person not yet on the register is registered with a new key. */
  async propose(principal: Principal, proposal: Proposal): Promise<{ personId: string; flagNo: number }> {
    const at = this.now();
    const idNumber = normaliseResidentId(proposal.idNumber);
    const idHash = this.vault.idHash(idNumber);
    const actor = actorOf(principal, ...ACTING_ROLES);
    return this.runtime.db.transaction(async (query) => {
      let personId = await this.vault.personByIdHash(query, idHash);
      if (!personId) {
        personId = randomUUID();
        await this.vault.createKey(query, personId, idHash, at); // rolled back if the decider says no
      }
      const seal = await this.vault.sealerFor(query, personId);
      const result = await this.decide(
        query,
        personId,
        {
          type: 'ProposeFlag',
          data: {
            personId,
            at,
            actor,
            identity: {
              name: proposal.name.trim(),
              idNumber,
              phone: proposal.phone,
              sealed: seal({ name: proposal.name.trim(), idNumber, phone: proposal.phone }),
            },
            categories: proposal.categories.map((c) => ({
              category: c.category,
              behaviour: {
                text: c.behaviour,
                sealed: seal({ behaviour: c.behaviour, incidentIds: c.incidentIds, caseNumbers: c.caseNumbers }),
              },
            })),
            organisationKind: principal.organisationKind,
            regionCode: principal.organisationRegion,
          },
        },
        principal,
      );
      return { personId, flagNo: result.state.flagCount };
    });
  }

  /** Any command on an existing person, by police or the political-legal committee with access to it. */
  async act(principal: Principal, personId: string, build: CommandFor): Promise<HighRiskPersonEvent[]> {
    return this.runtime.db.transaction(async (query) => {
      const { state } = await this.load(query, personId);
      if (!state.exists) throw new HighRiskError(HighRiskErrorCode.NotFound, 'No such person on the register');
      if (!canActOnPerson(principal, HighRiskPersonsService.facts(state))) throw new AccessDeniedError();
      if (state.erased) throw new HighRiskError(HighRiskErrorCode.PersonErased, 'The person was erased from the register');
      const sealer = await this.vault.sealerFor(query, personId);
      const seal = (text: string): PersonalText => ({ text, sealed: sealer(text) });
      const command = build(seal, { personId, at: this.now() });
      const { events } = await this.decide(query, personId, command, principal);
      return events;
    });
  }

  /** Crypto-shredding: the erasure event and the key's destruction commit together. */
  async erase(principal: Principal, personId: string, legalBasis: string): Promise<void> {
    await this.runtime.db.transaction(async (query) => {
      const { state } = await this.load(query, personId);
      if (!state.exists) throw new HighRiskError(HighRiskErrorCode.NotFound, 'No such person on the register');
      if (!canActOnPerson(principal, HighRiskPersonsService.facts(state))) throw new AccessDeniedError();
      const at = this.now();
      await this.decide(
        query,
        personId,
        { type: 'ErasePerson', data: { personId, at, actor: actorOf(principal, 'station_chief'), legalBasis } },
        principal,
      );
      await this.vault.destroyKey(query, personId, at);
    });
  }

  /** One record, as much as the caller may see, audited before it is returned. */
  async read(principal: Principal, personId: string, purpose: string | undefined): Promise<unknown> {
    const { events, state } = await this.load(this.runtime.db.query, personId);
    if (!state.exists) {
      // Only those who could ever see a record learn that this one does not exist.
      if (['police', 'political_legal'].includes(principal.organisationKind))
        throw new HighRiskError(HighRiskErrorCode.NotFound, 'No such person on the register');
      throw new AccessDeniedError();
    }
    const view = personViewFor(principal, HighRiskPersonsService.facts(state));
    if (view === 'none') throw new AccessDeniedError();
    if (state.erased) throw new HighRiskError(HighRiskErrorCode.PersonErased, 'The person was erased from the register');
    await this.readAudit.record({
      principal,
      recordType: HIGH_RISK_RECORD_TYPE,
      recordId: personId,
      ownerOrganisationIds: state.owners,
      purpose,
      correlationId: personId,
    });
    if (view === 'limited') return limitedView(state);
    const reviewDeadline = state.flag?.reviewDeadlineId
      ? await this.runtime.deadlines?.get(state.flag.reviewDeadlineId).catch(() => null)
      : null;
    try {
      const opened = (await this.vault.openAll(this.runtime.db.query, personId, fullView(state, events))) as Record<string, unknown>;
      return { ...opened, reviewDueAt: state.flag?.status === 'active' ? (reviewDeadline?.dueAt.toISOString() ?? null) : null };
    } catch (error) {
      if (error instanceof KeyDestroyedError)
        throw new HighRiskError(HighRiskErrorCode.PersonErased, 'The person was erased from the register');
      throw error;
    }
  }

  /** Who read this person's record: members of an organisation that proposed a flag on them. */
  async reads(principal: Principal, personId: string, limit?: number) {
    const { state } = await this.load(this.runtime.db.query, personId);
    if (!state.exists || !state.owners.includes(principal.organisationId)) throw new AccessDeniedError();
    return this.readAudit.listReads(principal.organisationId, { recordId: personId, limit });
  }

  /** Police and political-legal: the register of their region, pseudonymous (open a record for identity). */
  async list(principal: Principal, filter: { status?: string; limit?: number }) {
    const prefix = readScope(principal).regionPrefix ?? regionPrefix(principal.organisationRegion);
    await this.runtime.catchUpProjections();
    return listRegister(this.runtime.db.query, { regionPrefix: prefix, status: filter.status, limit: Math.min(filter.limit ?? 100, 500) });
  }

  /**
   * Early warning at the hospital door: matched by keyed hash, answered only for an ACTIVE flag,
   * recorded whatever the outcome (without any identifier when nothing matched), alert raised for police.
   */
  async check(
    principal: Principal,
    idNumber: string,
    purpose: string | undefined,
  ): Promise<{ match: boolean; warning?: { categories: HighRiskCategory[]; advice: string[] } }> {
    const problem = residentIdProblem(idNumber, this.now());
    if (problem) throw new HighRiskError(HighRiskErrorCode.InvalidIdNumber, `Not a valid resident ID number (${problem})`);
    const at = this.now();
    const actor = actorOf(principal, 'hospital_security_officer', 'hospital_complaints_officer');
    return this.runtime.db.transaction(async (query) => {
      const personId = await this.vault.personByIdHash(query, this.vault.idHash(idNumber));
      const alertId = randomUUID();
      let alert: Extract<HighRiskPersonEvent, { type: 'ArrivalAlertRaised' }> | undefined;
      let owners: string[] = [];
      if (personId) {
        const { events, state } = await this.decide(
          query,
          personId,
          { type: 'CheckAtHospital', data: { personId, at, actor, alertId, hospitalRegionCode: principal.organisationRegion } },
          principal,
        );
        alert = events.find((e) => e.type === 'ArrivalAlertRaised') as typeof alert;
        owners = state.owners;
      }
      if (alert) {
        // The hospital read the warning of a record: audited like any read.
        await new ReadAudit(this.runtime.store.using(query), this.runtime.clock).record({
          principal,
          recordType: HIGH_RISK_RECORD_TYPE,
          recordId: personId!,
          ownerOrganisationIds: owners,
          purpose: purpose ?? 'hospital check',
          correlationId: personId!,
        });
      }
      await this.runtime.store.using(query).append(
        checksStreamId(principal.organisationId),
        [
          {
            type: 'HighRiskCheckRecorded',
            data: {
              checkId: randomUUID(),
              hospitalId: principal.organisationId,
              hospitalRegionCode: principal.organisationRegion,
              matched: !!alert,
              alertId: alert ? alertId : null,
              checkedAt: at.toISOString(),
              purpose: purpose ?? null,
            },
            occurredAt: at,
          },
        ],
        {
          streamType: 'high-risk-check',
          expectedVersion: 'any',
          actor,
          correlationId: alert ? personId! : `check-${principal.organisationId}`,
        },
      );
      return alert ? { match: true, warning: { categories: alert.data.categories, advice: alert.data.advice } } : { match: false };
    });
  }
}

export type { SealedField };
