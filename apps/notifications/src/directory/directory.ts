import type { EventEnvelope } from '@pingan/contracts';
import type { Query } from '@pingan/event-store';
import { regionContains, type OrganisationKind } from '@pingan/access';

/**
 * Who is who, as this service knows it: the organisations of the access directory, kept from the
 * gateway's events on `pingan.access.events` (OrganisationRegistered / Deactivated) in a table of
 * our own schema. This file and who-is-who.ts are the only places that read the directory: if the
 * directory's events or facts change, adapt here.
 */
export interface DirectoryOrganisation {
  organisationId: string;
  kind: OrganisationKind;
  name: string;
  regionCode: string;
  parentId: string | null;
  details: {
    hospital?: { hasPoliceOffice?: boolean };
    police?: { unitType?: string; hospitalId?: string };
    healthCommission?: { level?: string };
  };
  active: boolean;
}

/** What the addressing needs to ask. Implemented over the table here, in memory by the unit tests. */
export interface DirectoryView {
  organisation(organisationId: string): Promise<DirectoryOrganisation | undefined>;
  /** Active organisations of a kind whose region code is exactly `regionCode`. */
  inRegion(kind: OrganisationKind, regionCode: string): Promise<DirectoryOrganisation[]>;
  /** Active organisations of a kind whose region contains `regionCode` (its own or a level above). */
  over(kind: OrganisationKind, regionCode: string): Promise<DirectoryOrganisation[]>;
}

export const DIRECTORY_GROUP = 'notifications.directory';

const COLUMNS = `organisation_id AS "organisationId", kind, name, region_code AS "regionCode", parent_id AS "parentId", details, active`;

/** The directory as the consumer's transaction (or the database) sees it. */
export function directoryOver(query: Query, schema: string): DirectoryView {
  return {
    async organisation(id) {
      const [row] = await query<DirectoryOrganisation>(
        `SELECT ${COLUMNS} FROM ${schema}.directory_organisations WHERE organisation_id = $1`,
        [id],
      );
      return row;
    },
    inRegion(kind, regionCode) {
      return query<DirectoryOrganisation>(
        `SELECT ${COLUMNS} FROM ${schema}.directory_organisations WHERE kind = $1 AND region_code = $2 AND active ORDER BY organisation_id`,
        [kind, regionCode],
      );
    },
    async over(kind, regionCode) {
      // Containment is the access library's prefix rule; a kind's units are few enough to filter here.
      const rows = await query<DirectoryOrganisation>(
        `SELECT ${COLUMNS} FROM ${schema}.directory_organisations WHERE kind = $1 AND active ORDER BY region_code DESC, organisation_id`,
        [kind],
      );
      return rows.filter((row) => regionContains(row.regionCode, regionCode));
    },
  };
}

/** The directory's events, applied to our copy (in the inbox's transaction). Other access events: ignored. */
export async function applyDirectoryEvent(envelope: EventEnvelope, query: Query, schema: string): Promise<void> {
  const d = envelope.data as Record<string, unknown>;
  if (envelope.type === 'OrganisationRegistered') {
    await query(
      `INSERT INTO ${schema}.directory_organisations (organisation_id, kind, name, region_code, parent_id, details, active)
       VALUES ($1, $2, $3, $4, $5, $6, true) ON CONFLICT (organisation_id) DO NOTHING`,
      [d.organisationId, d.kind, d.name, d.regionCode, d.parentId ?? null, JSON.stringify(d.details ?? {})],
    );
  } else if (envelope.type === 'OrganisationDeactivated') {
    await query(`UPDATE ${schema}.directory_organisations SET active = false WHERE organisation_id = $1`, [d.organisationId]);
  }
}

/** What an event's rules can look up: the organisations it names, and where its case is. */
export interface DirectoryScope {
  /** Organisations named by id (the case's hospital and police units, an event's responsible or supervising unit). */
  organisationIds: readonly string[];
  /** The case's region; the hospital's own region is loaded too. */
  regionCode: string | null;
  hospitalId: string | null;
}

/**
 * The directory for one event, in one query: every organisation named, every organisation of the
 * case's region and of its hospital's region (any kind, active or not), and the parents of all of
 * those (a police office's station, a responsible unit's supervisor). The rules ask nothing else
 * but `over` (escalations up the chain); what is not in the snapshot is asked of the table, once.
 * Per event rather than a process-wide cache: the directory consumer is one Kafka group for all
 * instances, so an instance would not see the directory events another consumed.
 */
export async function directorySnapshot(query: Query, schema: string, scope: DirectoryScope): Promise<DirectoryView> {
  const ids = [...new Set([...scope.organisationIds, ...(scope.hospitalId ? [scope.hospitalId] : [])])];
  const rows = await query<DirectoryOrganisation>(
    `WITH regions AS (
       SELECT $2::text AS region_code WHERE $2::text IS NOT NULL
       UNION SELECT region_code FROM ${schema}.directory_organisations WHERE organisation_id = $3::text),
     near AS (
       SELECT organisation_id, parent_id FROM ${schema}.directory_organisations
        WHERE organisation_id = ANY($1::text[]) OR region_code IN (SELECT region_code FROM regions))
     SELECT ${COLUMNS} FROM ${schema}.directory_organisations
      WHERE organisation_id IN (SELECT organisation_id FROM near UNION SELECT parent_id FROM near WHERE parent_id IS NOT NULL)
      ORDER BY organisation_id`,
    [ids, scope.regionCode, scope.hospitalId],
  );
  const byId = new Map(rows.map((row) => [row.organisationId, row]));
  const hospitalRegion = scope.hospitalId ? byId.get(scope.hospitalId)?.regionCode : undefined;
  const regions = new Set([scope.regionCode, hospitalRegion].filter((r): r is string => !!r));
  const named = new Set(ids);
  const table = directoryOver(query, schema);
  const asked = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, ask: () => Promise<T>): Promise<T> => {
    if (!asked.has(key)) asked.set(key, ask());
    return asked.get(key) as Promise<T>;
  };
  return {
    // A named id the query did not find is not in the directory: no second look.
    organisation: (id) => (byId.has(id) || named.has(id) ? Promise.resolve(byId.get(id)) : once(`id ${id}`, () => table.organisation(id))),
    inRegion: (kind, regionCode) =>
      regions.has(regionCode)
        ? // The rows came ordered by id, as the table's own inRegion orders them.
          Promise.resolve(rows.filter((o) => o.active && o.kind === kind && o.regionCode === regionCode))
        : once(`in ${kind} ${regionCode}`, () => table.inRegion(kind, regionCode)),
    over: (kind, regionCode) => once(`over ${kind} ${regionCode}`, () => table.over(kind, regionCode)),
  };
}
