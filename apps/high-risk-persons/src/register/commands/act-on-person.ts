import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccessDeniedError, actorOf, type Principal, type Role } from '@pingan/access';
import {
  HIGH_RISK_PERSONS_CONTEXT,
  highRiskPersonStreamId,
  type HighRiskPersonErased,
  type HighRiskPersonEvent,
  type SealedField,
} from '@pingan/contracts';
import { InjectRuntime, statedOccurredAt, type CommandInput, type ServiceRuntime } from '@pingan/platform';
import { KeyDestroyedError, PersonVault } from '../../crypto/person-vault.js';
import type { HighRiskPersonCommand, PersonalText } from '../../domain/high-risk-person.commands.js';
import type { HighRiskPersonState } from '../../domain/high-risk-person.decider.js';
import { canActOnPerson } from '../../high-risk-persons.access.js';
import { erased, factsOf, notFound } from '../person-record.js';
import { PersonCommandMessage } from './person-command.js';

/** States a command on a person, sealing its free texts with the person's key. */
export type StateCommand = (seal: (text: string) => PersonalText, personId: string) => CommandInput<HighRiskPersonCommand>;

/** Any command on an existing person, by police or the political-legal committee with access to it. */
export class ActOnPersonCommand extends Command<HighRiskPersonEvent[]> {
  constructor(
    readonly principal: Principal,
    readonly personId: string,
    /** The roles the command is given in (the actor's role is the first of them the principal holds). */
    readonly roles: readonly Role[],
    readonly command: StateCommand,
    /** When the fact happened, as the request stated it (`occurredAt`); none: now. */
    readonly occurredAt?: string,
  ) {
    super();
  }
}

/** Crypto-shredding: the erasure event and the key's destruction commit together. */
export class ErasePersonCommand extends Command<void> {
  constructor(
    readonly principal: Principal,
    readonly personId: string,
    readonly legalBasis: string,
  ) {
    super();
  }
}

/** Who may act on the record as read: unknown → 404, not theirs → 403, erased → 410. */
const mayActOn =
  (principal: Principal, options: { erasedIsRefused: boolean }) =>
  (state: HighRiskPersonState): void => {
    if (!state.exists) throw notFound();
    if (!canActOnPerson(principal, factsOf(state))) throw new AccessDeniedError();
    if (options.erasedIsRefused && state.erased) throw erased();
  };

@CommandHandler(ActOnPersonCommand)
export class ActOnPersonHandler implements ICommandHandler<ActOnPersonCommand> {
  constructor(
    @InjectRuntime(HIGH_RISK_PERSONS_CONTEXT) private readonly runtime: ServiceRuntime,
    private readonly vault: PersonVault,
    private readonly commands: CommandBus,
  ) {}

  /** The key is read in the command's transaction; the texts are sealed only once the record is known to be the caller's to act on. */
  execute({ principal, personId, roles, command, occurredAt }: ActOnPersonCommand): Promise<HighRiskPersonEvent[]> {
    return this.runtime.db.transaction(async (query) => {
      const sealer = await this.vault.sealerFor(query, personId).catch((error: unknown) => {
        if (error instanceof KeyDestroyedError) return null; // no such person, or erased: the authorisation says which
        throw error;
      });
      const seal = (text: string): PersonalText => ({ text, sealed: (sealer as (value: unknown) => SealedField)(text) });
      const { events } = await this.commands.execute(
        new PersonCommandMessage({
          streamId: highRiskPersonStreamId(personId),
          command: () => command(seal, personId),
          actor: actorOf(principal, ...roles),
          correlationId: personId,
          authorise: mayActOn(principal, { erasedIsRefused: true }),
          occurredAt: statedOccurredAt(occurredAt),
          query,
        }),
      );
      return events;
    });
  }
}

@CommandHandler(ErasePersonCommand)
export class ErasePersonHandler implements ICommandHandler<ErasePersonCommand> {
  constructor(
    private readonly vault: PersonVault,
    private readonly commands: CommandBus,
  ) {}

  async execute({ principal, personId, legalBasis }: ErasePersonCommand): Promise<void> {
    await this.commands.execute(
      new PersonCommandMessage({
        streamId: highRiskPersonStreamId(personId),
        command: { type: 'ErasePerson', data: { personId, legalBasis } },
        actor: actorOf(principal, 'station_chief'),
        correlationId: personId,
        // Erasing twice is the decider's to refuse (PERSON_ERASED).
        authorise: mayActOn(principal, { erasedIsRefused: false }),
        inTransaction: async (query, { events: [erasure] }) => {
          await this.vault.destroyKey(query, personId, new Date((erasure as HighRiskPersonErased).data.erasedAt));
        },
      }),
    );
  }
}
