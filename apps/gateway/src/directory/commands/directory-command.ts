import { CommandHandler } from '@nestjs/cqrs';
import { DecideCommand, DeciderCommandHandler, type CommandRuntime, type Decided } from '@pingan/platform';
import {
  organisationDecider,
  type OrganisationCommand,
  type OrganisationEvent,
  type OrganisationState,
} from '../../domain/organisation.decider.js';
import { userDecider, type UserCommand, type UserEvent, type UserState } from '../../domain/user.decider.js';
import { AccessStore } from '../access-store.js';

/** A command on one organisation of the directory (stream `organisation-<id>`). */
export class OrganisationCommandMessage extends DecideCommand<OrganisationCommand, OrganisationEvent, OrganisationState> {}

/** A command on one user of the directory (stream `user-<id>`). */
export class UserCommandMessage extends DecideCommand<UserCommand, UserEvent, UserState> {}

/** The directory keeps its own store in schema 'access' (no relay, no clocks): the generic handler runs on it. */
const directoryRuntime = (access: AccessStore): CommandRuntime => ({ store: access.events, db: access.db, clock: access.clock });

/**
 * The platform's decider handler, for organisations. The directory's tables are read by every
 * login and token refresh, so they are brought up to date before the command returns.
 */
@CommandHandler(OrganisationCommandMessage)
export class OrganisationCommandHandler extends DeciderCommandHandler<OrganisationCommand, OrganisationEvent, OrganisationState> {
  constructor(private readonly access: AccessStore) {
    super(directoryRuntime(access), { streamType: 'organisation', decider: organisationDecider });
  }

  override async execute(message: OrganisationCommandMessage): Promise<Decided<OrganisationEvent, OrganisationState>> {
    const decided = await super.execute(message);
    await this.access.directory.catchUp();
    return decided;
  }
}

/** The platform's decider handler, for users (the directory is brought up to date as for organisations). */
@CommandHandler(UserCommandMessage)
export class UserCommandHandler extends DeciderCommandHandler<UserCommand, UserEvent, UserState> {
  constructor(private readonly access: AccessStore) {
    super(directoryRuntime(access), { streamType: 'user', decider: userDecider });
  }

  override async execute(message: UserCommandMessage): Promise<Decided<UserEvent, UserState>> {
    const decided = await super.execute(message);
    await this.access.directory.catchUp();
    return decided;
  }
}
