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
