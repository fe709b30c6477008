import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { OrganisationKind, Role } from '@pingan/access';
import type { Actor } from '@pingan/contracts';
import { ConcurrencyError } from '@pingan/event-store';
import { v7 as uuidv7 } from 'uuid';
import { PasswordHasher } from '../../auth/password-hasher.js';
import { DirectoryError } from '../../domain/access.errors.js';
import { organisationStreamId, type OrganisationDetails } from '../../domain/organisation.decider.js';
import { userDecider, userStreamId, usernameStreamId, type UserCommand } from '../../domain/user.decider.js';
import { ACCESS_SCHEMA, AccessStore } from '../access-store.js';
import { DirectoryLookups } from '../directory-lookups.js';
import { OrganisationCommandMessage, UserCommandMessage } from './directory-command.js';

/** Who changes the directory, under which correlation id (the request's, or the seed's). */
export interface CommandContext {
  actor: Actor;
  correlationId: string;
}

export interface NewOrganisation {
  organisationId?: string;
  kind: OrganisationKind;
  name: string;
  regionCode: string;
  parentId?: string | null;
  details: OrganisationDetails;
}

export interface NewUser {
  userId?: string;
  organisationId: string;
  username: string;
  displayName: string;
  phone?: string | null;
  roles: Role[];
  password: string;
}

export const MIN_PASSWORD_LENGTH = 12;

const S = ACCESS_SCHEMA;

/** Registers an organisation (under its parent, as the directory knows it); answers its id. */
export class RegisterOrganisationCommand extends Command<string> {
  constructor(
    readonly input: NewOrganisation,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterOrganisationCommand)
export class RegisterOrganisationHandler implements ICommandHandler<RegisterOrganisationCommand> {
  constructor(
    private readonly directory: DirectoryLookups,
    private readonly commands: CommandBus,
  ) {}

  async execute({ input, context }: RegisterOrganisationCommand): Promise<string> {
    const organisationId = input.organisationId ?? uuidv7();
    let parent = null;
    if (input.parentId) {
      const found = await this.directory.organisation(input.parentId);
      if (!found) throw new DirectoryError('ACCESS.ORGANISATION_INVALID', 'The parent organisation does not exist');
      parent = { organisationId: found.organisationId, regionCode: found.regionCode, active: found.active };
    }
    await this.commands.execute(
      new OrganisationCommandMessage({
        streamId: organisationStreamId(organisationId),
        command: {
          type: 'RegisterOrganisation',
          data: { organisationId, kind: input.kind, name: input.name, regionCode: input.regionCode, parent, details: input.details },
        },
        ...context,
      }),
    );
    return organisationId;
  }
}

/** Deactivates an organisation; nobody of it may refresh any more (their access tokens die at expiry, at most 15 minutes). */
export const deactivateOrganisation = (
  organisationId: string,
  reason: string,
  administrators: { within: number; elsewhere: number },
  context: CommandContext,
): OrganisationCommandMessage =>
  new OrganisationCommandMessage({
    streamId: organisationStreamId(organisationId),
    command: { type: 'DeactivateOrganisation', data: { reason, administrators } },
    ...context,
    inTransaction: async (query) => {
      await query(
        `UPDATE ${S}.refresh_tokens SET revoked_at = now() WHERE revoked_at IS NULL
           AND user_id IN (SELECT user_id FROM ${S}.users WHERE organisation_id = $1)`,
        [organisationId],
      );
    },
  });

/**
 * Deactivates a user: no login, no refresh; the revocation commits with the event. Not the last active
 * system administrator (`otherActiveAdministrators` from DirectoryLookups).
 */
export const deactivateUser = (
  userId: string,
  reason: string,
  otherActiveAdministrators: number,
  context: CommandContext,
): UserCommandMessage =>
  new UserCommandMessage({
    streamId: userStreamId(userId),
    command: { type: 'DeactivateUser', data: { reason, otherActiveAdministrators } },
    ...context,
    inTransaction: async (query) => {
      await query(`UPDATE ${S}.refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
    },
  });

/**
 * Changes that may remove an administrator run one at a time in this gateway: two administrators
 * deactivating each other at once would otherwise both see the other still active. (Across several
 * gateway instances the window stays: the count is read before the append.)
 */
let administratorChanges: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(change: () => Promise<T>): Promise<T> {
  const result = administratorChanges.then(change);
  administratorChanges = result.catch(() => undefined);
  return result;
}

/** Deactivates an organisation (deactivateOrganisation), counting the active administrators first. */
export class DeactivateOrganisationCommand extends Command<void> {
  constructor(
    readonly organisationId: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(DeactivateOrganisationCommand)
export class DeactivateOrganisationHandler implements ICommandHandler<DeactivateOrganisationCommand> {
  constructor(
    private readonly directory: DirectoryLookups,
    private readonly commands: CommandBus,
  ) {}

  async execute({ organisationId, reason, context }: DeactivateOrganisationCommand): Promise<void> {
    await oneAtATime(async () => {
      const administrators = await this.directory.activeAdministratorsAround(organisationId);
      await this.commands.execute(deactivateOrganisation(organisationId, reason, administrators, context));
    });
  }
}

/** Deactivates a user (deactivateUser), counting the other active administrators first. */
export class DeactivateUserCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(DeactivateUserCommand)
export class DeactivateUserHandler implements ICommandHandler<DeactivateUserCommand> {
  constructor(
    private readonly directory: DirectoryLookups,
    private readonly commands: CommandBus,
  ) {}

  async execute({ userId, reason, context }: DeactivateUserCommand): Promise<void> {
    await oneAtATime(async () => {
      const others = await this.directory.otherActiveAdministrators(userId);
      await this.commands.execute(deactivateUser(userId, reason, others, context));
    });
  }
}

/** Registers a user with a password; answers the user's id. */
export class RegisterUserCommand extends Command<string> {
  constructor(
    readonly input: NewUser,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterUserCommand)
export class RegisterUserHandler implements ICommandHandler<RegisterUserCommand> {
  constructor(
    private readonly access: AccessStore,
    private readonly directory: DirectoryLookups,
    private readonly hasher: PasswordHasher,
    private readonly commands: CommandBus,
  ) {}

  async execute({ input, context }: RegisterUserCommand): Promise<string> {
    const userId = input.userId ?? uuidv7();
    if (input.password.length < MIN_PASSWORD_LENGTH) {
      throw new DirectoryError('ACCESS.PASSWORD_TOO_SHORT', `A password has at least ${MIN_PASSWORD_LENGTH} characters`);
    }
    const organisation = await this.directory.organisationFacts(input.organisationId);
    const command: Extract<UserCommand, { type: 'RegisterUser' }> = {
      type: 'RegisterUser',
      data: {
        userId,
        username: input.username,
        displayName: input.displayName,
        phone: input.phone ?? null,
        roles: input.roles,
        organisation,
      },
      metadata: { actor: context.actor, now: this.access.clock() },
    };
    // Decide once up front, so an invalid command never claims the username.
    userDecider.decide(command, userDecider.initialState());
    try {
      await this.access.events.append(usernameStreamId(input.username), [{ type: 'UsernameClaimed', data: { userId } }], {
        streamType: 'username',
        expectedVersion: 'no_stream',
        ...context,
      });
    } catch (error) {
      if (error instanceof ConcurrencyError) throw new DirectoryError('ACCESS.USERNAME_TAKEN', 'This username is taken');
      throw error;
    }
    // The hash first: a user whose registration event exists can then always log in.
    await this.setPasswordHash(userId, input.password);
    await this.commands.execute(new UserCommandMessage({ streamId: userStreamId(userId), command, ...context }));
    return userId;
  }

  private async setPasswordHash(userId: string, password: string): Promise<void> {
    const hash = await this.hasher.hash(password);
    await this.access.db.query(
      `INSERT INTO ${S}.credentials (user_id, password_hash, set_at) VALUES ($1, $2, now())
       ON CONFLICT (user_id) DO UPDATE SET password_hash = EXCLUDED.password_hash, set_at = EXCLUDED.set_at`,
      [userId, hash],
    );
  }
}

/** Replaces a user's roles (checked against their organisation's kind); takes effect at their next refresh. */
export class AssignRolesCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly roles: Role[],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AssignRolesCommand)
export class AssignRolesHandler implements ICommandHandler<AssignRolesCommand> {
  constructor(
    private readonly directory: DirectoryLookups,
    private readonly commands: CommandBus,
  ) {}

  async execute({ userId, roles, context }: AssignRolesCommand): Promise<void> {
    const user = await this.directory.user(userId);
    if (!user) throw new DirectoryError('ACCESS.USER_NOT_FOUND', 'No such user');
    const organisation = await this.directory.organisationFacts(user.organisationId);
    await oneAtATime(async () => {
      const otherActiveAdministrators = await this.directory.otherActiveAdministrators(userId);
      await this.commands.execute(
        new UserCommandMessage({
          streamId: userStreamId(userId),
          command: { type: 'AssignRoles', data: { roles, organisation, otherActiveAdministrators } },
          ...context,
        }),
      );
    });
  }
}
