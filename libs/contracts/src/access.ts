/**
 * The access directory's public language: the organisations the gateway registers, as other
 * services learn them from `pingan.access.events`. Only organisation events travel (users, their
 * phone numbers and the read audit stay in the gateway). Services keep their own copy of the
 * directory from these (`@pingan/access`'s DirectoryProjection) and derive from it what a request
 * must not be trusted to say: a hospital's region and police office, the commission over it, a
 * police unit's superior.
 *
 * Schema versions: schemaVersion 1 for both events.
 */

export const ACCESS_CONTEXT = 'access';

/** Stream type and id of an organisation of the directory. */
export const ORGANISATION_STREAM_TYPE = 'organisation';
export const organisationStreamId = (organisationId: string): string => `organisation-${organisationId}`;

/** A hospital's size and whether it has a police office (警务室: the 3-minute arrival limit [S1 三(一)]). */
export type DirectoryHospitalDetails = {
  level: string;
  ownership: 'public' | 'private';
  beds: number;
  dailyOutpatients: number;
  hasPoliceOffice: boolean;
};

/** Kind-specific facts: hospitals their size and police office, police their unit type, commissions their level. */
export type DirectoryOrganisationDetails = {
  hospital?: DirectoryHospitalDetails;
  police?: { unitType: string };
  healthCommission?: { level: string };
};

/** schemaVersion 1. `parentId`: the unit above (a station's bureau), null when none. */
export type OrganisationRegisteredData = {
  organisationId: string;
  kind: string;
  name: string;
  regionCode: string;
  parentId: string | null;
  details: DirectoryOrganisationDetails;
};

/** schemaVersion 1. */
export type OrganisationDeactivatedData = { organisationId: string; reason: string };

export type DirectoryEvent =
  | { type: 'OrganisationRegistered'; data: OrganisationRegisteredData }
  | { type: 'OrganisationDeactivated'; data: OrganisationDeactivatedData };

export const DIRECTORY_EVENT_SCHEMA_VERSIONS: Record<DirectoryEvent['type'], number> = {
  OrganisationRegistered: 1,
  OrganisationDeactivated: 1,
};
