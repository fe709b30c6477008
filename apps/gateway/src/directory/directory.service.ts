import { Injectable } from '@nestjs/common';
import type { Actor } from '@pingan/contracts';
import type { OrganisationKind, Role } from '@pingan/access';
import { ConcurrencyError, handleCommand } from '@pingan/event-store';
import { v7 as uuidv7 } from 'uuid';
import { DirectoryError } from '../domain/access.errors.js';
import { organisationDecider, organisationStreamId, type OrganisationDetails } from '../domain/organisation.decider.js';
import { userDecider, userStreamId, usernameStreamId, type OrganisationFacts } from '../domain/user.decider.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import { AccessStore } from './access-store.js';

export interface OrganisationRow {
  organisationId: string;
  kind: OrganisationKind;
  name: string;
  regionCode: string;
  parentId: string | null;
  details: OrganisationDetails;
  active: boolean;
}

export interface UserRow {
  userId: string;
  username: string;
  displayName: string;
  phone: string | null;
  organisationId: string;
  roles: Role[];
  active: boolean;
}

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

const S = 'access';
const ORG_COLUMNS = `organisation_id AS "organisationId", kind, name, region_code AS "regionCode", parent_id AS "parentId", details, active`;
const USER_COLUMNS = `user_id AS "userId", username, display_name AS "displayName", phone, organisation_id AS "organisationId", roles, active`;

/**
 * The directory's commands (thin: load, decide, append, then bring the read model up to date
 * so the caller reads its own write) and its lookups.
 */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly store: AccessStore,
    private readonly hasher: PasswordHasher,
  ) {}

  async registerOrganisation(input: NewOrganisation, context: CommandContext): Promise<string> {
    const organisationId = input.organisationId ?? uuidv7();
    let parent = null;
    if (input.parentId) {
      const found = await this.organisation(input.parentId);
      if (!found) throw new DirectoryError('ACCESS.ORGANISATION_INVALID', 'The parent organisation does not exist');
      parent = { organisationId: found.organisationId, regionCode: found.regionCode, active: found.active };
    }
    await handleCommand(
      this.store.events,
      organisationDecider,
      organisationStreamId(organisationId),
      {
        type: 'RegisterOrganisation',
        organisationId,
        kind: input.kind,
        name: input.name,
        regionCode: input.regionCode,
        parent,
        details: input.details,
      },
      { streamType: 'organisation', ...context },
    );
    await this.store.directory.catchUp();
    return organisationId;
  }

  async deactivateOrganisation(organisationId: string, reason: string, context: CommandContext): Promise<void> {
    await handleCommand(
      this.store.events,
      organisationDecider,
      organisationStreamId(organisationId),
      { type: 'DeactivateOrganisation', reason },
      {
        streamType: 'organisation',
        ...context,
      },
    );
    await this.store.directory.catchUp();
    // Nobody of it may refresh any more; their access tokens die at expiry (at most 15 minutes).
    await this.store.db.query(
      `UPDATE ${S}.refresh_tokens SET revoked_at = now() WHERE revoked_at IS NULL
         AND user_id IN (SELECT user_id FROM ${S}.users WHERE organisation_id = $1)`,
      [organisationId],
    );
  }

  async registerUser(input: NewUser, context: CommandContext): Promise<string> {
    const userId = input.userId ?? uuidv7();
    if (input.password.length < MIN_PASSWORD_LENGTH) {
      throw new DirectoryError('ACCESS.PASSWORD_TOO_SHORT', `A password has at least ${MIN_PASSWORD_LENGTH} characters`);
    }
    const organisation = await this.organisationFacts(input.organisationId);
    const command = {
      type: 'RegisterUser' as const,
      userId,
      username: input.username,
      displayName: input.displayName,
      phone: input.phone ?? null,
      roles: input.roles,
      organisation,
    };
    // Decide once up front, so an invalid command never claims the username.
    userDecider.decide(command, userDecider.initialState());
    try {
      await this.store.events.append(usernameStreamId(input.username), [{ type: 'UsernameClaimed', data: { userId } }], {
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
    await handleCommand(this.store.events, userDecider, userStreamId(userId), command, { streamType: 'user', ...context });
    await this.store.directory.catchUp();
    return userId;
  }

  async assignRoles(userId: string, roles: Role[], context: CommandContext): Promise<void> {
    const user = await this.user(userId);
    if (!user) throw new DirectoryError('ACCESS.USER_NOT_FOUND', 'No such user');
    const organisation = await this.organisationFacts(user.organisationId);
    await handleCommand(
      this.store.events,
      userDecider,
      userStreamId(userId),
      { type: 'AssignRoles', roles, organisation },
      {
        streamType: 'user',
        ...context,
      },
    );
    await this.store.directory.catchUp();
  }

  async deactivateUser(userId: string, reason: string, context: CommandContext): Promise<void> {
    await handleCommand(
      this.store.events,
      userDecider,
      userStreamId(userId),
      { type: 'DeactivateUser', reason },
      { streamType: 'user', ...context },
    );
    await this.store.directory.catchUp();
    await this.store.db.query(`UPDATE ${S}.refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
  }

  async organisation(organisationId: string): Promise<OrganisationRow | undefined> {
    const [row] = await this.store.db.query<OrganisationRow>(`SELECT ${ORG_COLUMNS} FROM ${S}.organisations WHERE organisation_id = $1`, [
      organisationId,
    ]);
    return row;
  }

  async organisations(): Promise<OrganisationRow[]> {
    return this.store.db.query<OrganisationRow>(`SELECT ${ORG_COLUMNS} FROM ${S}.organisations ORDER BY region_code, kind, name`);
  }

  async user(userId: string): Promise<UserRow | undefined> {
    const [row] = await this.store.db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM ${S}.users WHERE user_id = $1`, [userId]);
    return row;
  }

  async userByUsername(username: string): Promise<UserRow | undefined> {
    const [row] = await this.store.db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM ${S}.users WHERE username = $1`, [username]);
    return row;
  }

  async passwordHash(userId: string): Promise<string | undefined> {
    const [row] = await this.store.db.query<{ hash: string }>(`SELECT password_hash AS hash FROM ${S}.credentials WHERE user_id = $1`, [
      userId,
    ]);
    return row?.hash;
  }

  private async setPasswordHash(userId: string, password: string): Promise<void> {
    const hash = await this.hasher.hash(password);
    await this.store.db.query(
      `INSERT INTO ${S}.credentials (user_id, password_hash, set_at) VALUES ($1, $2, now())
       ON CONFLICT (user_id) DO UPDATE SET password_hash = EXCLUDED.password_hash, set_at = EXCLUDED.set_at`,
      [userId, hash],
    );
  }

  private async organisationFacts(organisationId: string): Promise<OrganisationFacts> {
    const organisation = await this.organisation(organisationId);
    if (!organisation) throw new DirectoryError('ACCESS.ORGANISATION_NOT_FOUND', 'No such organisation');
    return { organisationId, kind: organisation.kind, active: organisation.active };
  }
}
