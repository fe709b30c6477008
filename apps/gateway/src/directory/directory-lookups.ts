import { Injectable } from '@nestjs/common';
import { regionPrefix, type OrganisationKind, type Role } from '@pingan/access';
import { containsPattern, toPage, type Page } from '@pingan/platform';
import { DirectoryError } from '../domain/access.errors.js';
import type { OrganisationRegisteredData } from '../domain/organisation.decider.js';
import type { OrganisationFacts } from '../domain/user.decider.js';
import { AccessStore } from './access-store.js';

export interface OrganisationRow extends OrganisationRegisteredData {
  active: boolean;
}

export interface OrganisationFilter {
  status?: 'active' | 'inactive';
  kind?: OrganisationKind;
  regionCode?: string;
  unit?: string;
  q?: string;
  awaitingMe?: boolean;
  limit: number;
  offset: number;
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

  /** One page of the directory for its list screen: `unit` is a parent (its direct children), `q` matches id and name. */
  async organisationPage(filter: OrganisationFilter): Promise<Page<OrganisationRow>> {
    const params: unknown[] = [];
    const where = ['true'];
    const add = (sql: (n: number) => string, value: unknown) => where.push(sql(params.push(value)));
    if (filter.status) add((n) => `active = $${n}`, filter.status === 'active');
    if (filter.kind) add((n) => `kind = $${n}`, filter.kind);
    if (filter.regionCode) add((n) => `region_code LIKE $${n} || '%'`, regionPrefix(filter.regionCode));
    if (filter.unit) add((n) => `parent_id = $${n}`, filter.unit);
    if (filter.q) add((n) => `concat_ws(' ', organisation_id, name) ILIKE $${n}`, containsPattern(filter.q));
    if (filter.awaitingMe) where.push('false'); // nothing in the directory waits for anyone's action
    const conditions = where.join(' AND ');
    const countParams = [...params];
    const rows = await this.store.db.query<OrganisationRow & { total: string }>(
      `SELECT ${ORG_COLUMNS}, count(*) OVER () AS total FROM ${S}.organisations WHERE ${conditions}
       ORDER BY region_code, kind, name LIMIT $${params.push(filter.limit)} OFFSET $${params.push(filter.offset)}`,
      params,
    );
    const count = async () =>
      Number(
        (await this.store.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${S}.organisations WHERE ${conditions}`, countParams))[0].n,
      );
    return toPage(rows, filter, ({ total: _total, ...row }) => row, count);
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

  /** Active system administrators of active organisations other than `userId` (the last-administrator rule). */
  async otherActiveAdministrators(userId: string): Promise<number> {
    const [row] = await this.store.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${S}.users u JOIN ${S}.organisations o USING (organisation_id)
        WHERE u.active AND o.active AND 'system_administrator' = ANY (u.roles) AND u.user_id <> $1`,
      [userId],
    );
    return Number(row.n);
  }

  /** Active system administrators of active organisations, within `organisationId` and elsewhere. */
  async activeAdministratorsAround(organisationId: string): Promise<{ within: number; elsewhere: number }> {
    const [row] = await this.store.db.query<{ within: string; elsewhere: string }>(
      `SELECT count(*) FILTER (WHERE o.organisation_id = $1) AS within, count(*) FILTER (WHERE o.organisation_id <> $1) AS elsewhere
         FROM ${S}.users u JOIN ${S}.organisations o USING (organisation_id)
        WHERE u.active AND o.active AND 'system_administrator' = ANY (u.roles)`,
      [organisationId],
    );
    return { within: Number(row.within), elsewhere: Number(row.elsewhere) };
  }

  /** The organisation as a user's commands need it; 404 when there is none. */
  async organisationFacts(organisationId: string): Promise<OrganisationFacts> {
    const organisation = await this.organisation(organisationId);
    if (!organisation) throw new DirectoryError('ACCESS.ORGANISATION_NOT_FOUND', 'No such organisation');
    return { organisationId, kind: organisation.kind, active: organisation.active };
  }
}
