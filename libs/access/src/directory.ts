import {
  ACCESS_CONTEXT,
  defineErrors,
  type DirectoryOrganisationDetails,
  type EventEnvelope,
  type OrganisationDeactivatedData,
  type OrganisationRegisteredData,
} from '@pingan/contracts';
import type { Query, SchemaMigration } from '@pingan/event-store';
import { parentRegion } from './regions.js';
import type { OrganisationKind } from './roles.js';

/**
 * A service's own copy of the access directory, kept from the gateway's organisation events
 * (`pingan.access.events`) in the service's schema, so the service derives the facts a request
 * must not be trusted to state (a hospital's region and police office, the commission over it,
 * a unit's superior) and checks every organisation id it is given. Kafka or the in-process bus:
 * the same path in both modes. The platform's runtime subscribes it (`directory: true`).
 */

export const DIRECTORY_TABLE = 'directory_organisations';

export const CreateDirectoryCopy1796184090000: SchemaMigration = {
  name: 'CreateDirectoryCopy1796184090000',
  async up(query, schema) {
    await query(`
      CREATE TABLE ${schema}.${DIRECTORY_TABLE} (
        organisation_id text PRIMARY KEY,
        kind            text NOT NULL,
        name            text NOT NULL,
        region_code     text NOT NULL,
        parent_id       text,
        details         jsonb NOT NULL,
        active          boolean NOT NULL
      )`);
    await query(`CREATE INDEX ${DIRECTORY_TABLE}_kind_region ON ${schema}.${DIRECTORY_TABLE} (kind, region_code)`);
  },
};

export const directoryMigrations: readonly SchemaMigration[] = [CreateDirectoryCopy1796184090000];

/** Organisation ids a request names that the directory does not confirm: 422, naming the field. */
export class DirectoryError extends defineErrors({
  UnknownOrganisation: { code: 'DIRECTORY.UNKNOWN_ORGANISATION', status: 422 },
  WrongKind: { code: 'DIRECTORY.WRONG_KIND_OF_ORGANISATION', status: 422 },
  Deactivated: { code: 'DIRECTORY.ORGANISATION_DEACTIVATED', status: 422 },
  Contradicts: { code: 'DIRECTORY.CONTRADICTS_DIRECTORY', status: 422 },
}) {}

/**
 * A fact the request states that the directory also knows: accepted only when they agree, so a
 * client sending what it read from the directory keeps working; otherwise a 422 naming the field.
 */
export function requireAgreement(field: string, stated: string | null | undefined, known: string | null): void {
  if (stated == null || stated === known) return;
  const message = `${field}: the directory has ${known ?? 'none'}`;
  throw new DirectoryError('DIRECTORY.CONTRADICTS_DIRECTORY', message, [{ field, code: 'contradicts_directory', message }]);
}

export interface DirectoryOrganisation {
  organisationId: string;
  kind: OrganisationKind;
  name: string;
  regionCode: string;
  parentId: string | null;
  details: DirectoryOrganisationDetails;
  active: boolean;
}

/** Applies one directory event (inside the inbox transaction: once per event). */
export async function applyDirectoryEvent(envelope: EventEnvelope, query: Query, schema: string): Promise<void> {
  switch (envelope.type) {
    case 'OrganisationRegistered': {
      const d = envelope.data as OrganisationRegisteredData;
      await query(
        `INSERT INTO ${schema}.${DIRECTORY_TABLE} (organisation_id, kind, name, region_code, parent_id, details, active)
         VALUES ($1, $2, $3, $4, $5, $6, true) ON CONFLICT (organisation_id) DO NOTHING`,
        [d.organisationId, d.kind, d.name, d.regionCode, d.parentId, JSON.stringify(d.details ?? {})],
      );
      return;
    }
    case 'OrganisationDeactivated':
      await query(`UPDATE ${schema}.${DIRECTORY_TABLE} SET active = false WHERE organisation_id = $1`, [
        (envelope.data as OrganisationDeactivatedData).organisationId,
      ]);
      return;
    default:
      return; // nothing else of the directory travels
  }
}

/** The subscription a runtime registers: group `<service>.access`. */
export const directorySubscription = (service: string, schema: string) => ({
  group: `${service}.access`,
  contexts: [ACCESS_CONTEXT],
  handle: (envelope: EventEnvelope, query: Query) => applyDirectoryEvent(envelope, query, schema),
});

const COLUMNS = `organisation_id AS "organisationId", kind, name, region_code AS "regionCode", parent_id AS "parentId", details, active`;

const KIND_NAMES: Partial<Record<OrganisationKind, string>> = {
  hospital: 'a hospital',
  police: 'a police unit',
  health_commission: 'a health commission',
  mediation_committee: 'a mediation committee',
  procuratorate: 'a procuratorate',
  court: 'a court',
  political_legal: 'a political-legal committee',
};

/** Lookups on the service's copy of the directory. */
export class OrganisationDirectory {
  constructor(
    private readonly query: Query,
    private readonly schema: string,
  ) {}

  /** The same lookups inside a transaction (an inbox handler's, a command's). */
  using(query: Query): OrganisationDirectory {
    return new OrganisationDirectory(query, this.schema);
  }

  /** The names of the organisations `ids` that the copy knows (one query), by id. */
  async names(ids: Iterable<string>): Promise<Map<string, string>> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return new Map();
    const rows = await this.query<{ organisationId: string; name: string }>(
      `SELECT organisation_id AS "organisationId", name FROM ${this.schema}.${DIRECTORY_TABLE} WHERE organisation_id = ANY($1::text[])`,
      [wanted],
    );
    return new Map(rows.map((row) => [row.organisationId, row.name]));
  }

  async find(organisationId: string): Promise<DirectoryOrganisation | undefined> {
    const [row] = await this.query<DirectoryOrganisation>(
      `SELECT ${COLUMNS} FROM ${this.schema}.${DIRECTORY_TABLE} WHERE organisation_id = $1`,
      [organisationId],
    );
    return row;
  }

  /**
   * The organisation `field` names, which must exist, be active and (when given) of one of `kinds`;
   * otherwise a 422 naming the field.
   */
  async require(organisationId: string, field: string, kinds?: readonly OrganisationKind[]): Promise<DirectoryOrganisation> {
    const fail = (code: DirectoryError['code'], message: string): never => {
      throw new DirectoryError(code, message, [{ field, code: code.split('.')[1].toLowerCase(), message }]);
    };
    const organisation = await this.find(organisationId);
    if (!organisation) return fail('DIRECTORY.UNKNOWN_ORGANISATION', `${field}: no organisation ${organisationId} in the directory`);
    if (!organisation.active) return fail('DIRECTORY.ORGANISATION_DEACTIVATED', `${field}: ${organisation.name} is deactivated`);
    if (kinds && !kinds.includes(organisation.kind)) {
      return fail(
        'DIRECTORY.WRONG_KIND_OF_ORGANISATION',
        `${field}: ${organisation.name} is not ${kinds.map((kind) => KIND_NAMES[kind] ?? kind).join(' or ')}`,
      );
    }
    return organisation;
  }

  /** The active organisation of `kind` seated at exactly `regionCode` (a county's commission, its 政法委), if any. */
  async seatedAt(kind: OrganisationKind, regionCode: string): Promise<DirectoryOrganisation | undefined> {
    const [row] = await this.query<DirectoryOrganisation>(
      `SELECT ${COLUMNS} FROM ${this.schema}.${DIRECTORY_TABLE}
        WHERE kind = $1 AND region_code = $2 AND active ORDER BY organisation_id LIMIT 1`,
      [kind, regionCode],
    );
    return row;
  }

  /** The health commission one level above the one at `regionCode` (county → city → province → national). */
  async commissionAbove(regionCode: string): Promise<DirectoryOrganisation | undefined> {
    const up = parentRegion(regionCode);
    return up === undefined ? undefined : this.seatedAt('health_commission', up);
  }

  /** Whether every id is in the copy (tests wait for the bus with this). */
  async hasAll(organisationIds: readonly string[]): Promise<boolean> {
    const rows = await this.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${this.schema}.${DIRECTORY_TABLE} WHERE organisation_id = ANY($1)`,
      [[...new Set(organisationIds)]],
    );
    return rows[0].n === new Set(organisationIds).size;
  }
}
