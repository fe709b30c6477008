import { ROLES_BY_KIND, type OrganisationKind, type Role } from '@pingan/access';
import type { Addressee, UnitSelector } from '../domain/rules.js';
import type { DirectoryOrganisation, DirectoryView } from './directory.js';

/** What an event says about its case, completed from earlier events of the case (case_facts). */
export interface CaseFacts {
  hospitalId: string | null;
  /** Where the case is: the hospital's region (police jurisdiction, the county's bodies follow it). */
  regionCode: string | null;
  /** Police units dispatched to the case. */
  policeUnitIds: string[];
}

/**
 * Everybody in a unit who works cases: every role of its kind but the directory's administrator
 * (system administrators run the directory and see no case data).
 */
export const caseRolesOf = (kind: OrganisationKind): Role[] => ROLES_BY_KIND[kind].filter((r) => r !== 'system_administrator');

/** One addressee organisation, and the roles within it that are told. */
export interface ResolvedAddressee {
  organisationId: string;
  kind: OrganisationKind;
  name: string;
  regionCode: string;
  roles: Role[];
}

type Data = Record<string, unknown>;
const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);
const police = (o: DirectoryOrganisation, unitType: string): boolean => o.kind === 'police' && o.details.police?.unitType === unitType;

/**
 * The hospital's police office (警务室): a police unit of type hospital_police_office in the
 * hospital's region that names the hospital (`details.police.hospitalId`); the directory has no
 * such field yet for existing units, so until it does, an office whose name starts with the
 * hospital's name (万州区中心医院警务室) counts, provided the hospital says it has one.
 */
export async function policeOfficeOf(
  hospital: DirectoryOrganisation,
  directory: DirectoryView,
): Promise<DirectoryOrganisation | undefined> {
  const offices = (await directory.inRegion('police', hospital.regionCode)).filter((o) => police(o, 'hospital_police_office'));
  const linked = offices.find((o) => o.details.police?.hospitalId === hospital.organisationId);
  if (linked) return linked;
  if (!hospital.details.hospital?.hasPoliceOffice) return undefined;
  return offices.find((o) => !o.details.police?.hospitalId && o.name.startsWith(hospital.name));
}

/** The station on duty for a hospital: its police office's station; without one, the stations of its county. */
async function stationsFor(hospital: DirectoryOrganisation | undefined, regionCode: string | null, directory: DirectoryView) {
  if (hospital) {
    const office = await policeOfficeOf(hospital, directory);
    const parent = office?.parentId ? await directory.organisation(office.parentId) : undefined;
    if (parent && parent.active && police(parent, 'station')) return [parent];
  }
  const region = hospital?.regionCode ?? regionCode;
  if (!region) return [];
  return (await directory.inRegion('police', region)).filter((o) => police(o, 'station'));
}

async function byId(directory: DirectoryView, id: unknown): Promise<DirectoryOrganisation[]> {
  const organisationId = str(id);
  const organisation = organisationId ? await directory.organisation(organisationId) : undefined;
  return organisation?.active ? [organisation] : [];
}

async function unitsOf(unit: UnitSelector, data: Data, facts: CaseFacts, directory: DirectoryView): Promise<DirectoryOrganisation[]> {
  const hospital = facts.hospitalId ? await directory.organisation(facts.hospitalId) : undefined;
  const isHospital = hospital?.kind === 'hospital' && hospital.active ? hospital : undefined;
  const region = facts.regionCode;
  switch (unit) {
    case 'hospital':
      return isHospital ? [isHospital] : [];
    case 'hospital_police_office': {
      const office = isHospital ? await policeOfficeOf(isHospital, directory) : undefined;
      return office ? [office] : [];
    }
    case 'police_station':
      return stationsFor(isHospital, region, directory);
    case 'county_health_commission':
      return region
        ? (await directory.inRegion('health_commission', region)).filter((o) => o.details.healthCommission?.level === 'county')
        : [];
    case 'political_legal':
      return region ? directory.inRegion('political_legal', region) : [];
    case 'escalation_next_level': {
      const level = str(data.toLevel);
      if (!region || !level) return [];
      if (data.chain === 'health') {
        return (await directory.over('health_commission', region)).filter((o) => o.details.healthCommission?.level === level);
      }
      if (data.chain === 'police') return (await directory.over('police', region)).filter((o) => police(o, level));
      return directory.inRegion('political_legal', region);
    }
    case 'responsible':
      return byId(directory, data.responsibleOrganisationId);
    case 'supervisor': {
      const named = await byId(directory, data.supervisingOrganisationId);
      if (named.length > 0) return named;
      const [responsible] = await byId(directory, data.responsibleOrganisationId);
      return responsible ? byId(directory, responsible.parentId) : [];
    }
    case 'case_units': {
      const units = [...(isHospital ? [isHospital] : [])];
      for (const id of facts.policeUnitIds) units.push(...(await byId(directory, id)));
      return units;
    }
  }
}

/**
 * Every organisation the addressees name, once each: an organisation named twice gets the union
 * of the roles (and everybody who works cases there, if one of the mentions names no roles).
 */
export async function resolveAddressees(
  addressees: readonly Addressee[],
  data: Data,
  facts: CaseFacts,
  directory: DirectoryView,
): Promise<ResolvedAddressee[]> {
  const found = new Map<string, ResolvedAddressee & { everybody: boolean }>();
  for (const addressee of addressees) {
    for (const unit of await unitsOf(addressee.unit, data, facts, directory)) {
      const roles = addressee.roles ?? [];
      const known = found.get(unit.organisationId);
      if (!known) {
        found.set(unit.organisationId, {
          organisationId: unit.organisationId,
          kind: unit.kind,
          name: unit.name,
          regionCode: unit.regionCode,
          roles: [...roles],
          everybody: roles.length === 0,
        });
      } else {
        known.everybody ||= roles.length === 0;
        known.roles = [...new Set([...known.roles, ...roles])];
      }
    }
  }
  return [...found.values()].map(({ everybody, ...a }) => ({ ...a, roles: everybody ? caseRolesOf(a.kind) : a.roles.sort() }));
}
