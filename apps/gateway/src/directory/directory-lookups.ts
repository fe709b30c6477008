import { Injectable } from '@nestjs/common';
import type { Role } from '@pingan/access';
import { DirectoryError } from '../domain/access.errors.js';
import type { OrganisationRegisteredData } from '../domain/organisation.decider.js';
import type { OrganisationFacts } from '../domain/user.decider.js';
import { AccessStore } from './access-store.js';

export interface OrganisationRow extends OrganisationRegisteredData {
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

const S = 'access';
const ORG_COLUMNS = `organisation_id AS "organisationId", kind, name, region_code AS "regionCode", parent_id AS "parentId", details, active`;
const USER_COLUMNS = `user_id AS "userId", username, display_name AS "displayName", phone, organisation_id AS "organisationId", roles, active`;

/**
 * The directory's lookups, on its read model (login, token claims, the admin screens' queries).
 * Changes are commands (commands/), never made here.
 */
@Injectable()
export class DirectoryLookups {
  constructor(private readonly store: AccessStore) {}

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

  /** The organisation as a user's commands need it; 404 when there is none. */
  async organisationFacts(organisationId: string): Promise<OrganisationFacts> {
    const organisation = await this.organisation(organisationId);
    if (!organisation) throw new DirectoryError('ACCESS.ORGANISATION_NOT_FOUND', 'No such organisation');
    return { organisationId, kind: organisation.kind, active: organisation.active };
  }
}
