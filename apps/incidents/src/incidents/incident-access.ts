import {
  POLICE_ROLES,
  hasRole,
  regionContains,
  regionPrefix,
  isRegionCode,
  type Principal,
  type ResourceFacts,
  type Role,
} from '@pingan/access';
import type { IncidentEvent, IncidentRef } from '@pingan/contracts';

/**
 * Who is party to an incident besides its hospital, and to whom its escalations are addressed.
 * Kept beside every incident (the list's read model and the single read fold the same function),
 * so the one policy in @pingan/access decides with the same facts everywhere.
 */
export interface IncidentParties {
  /** Organisations that acted on it: the reporter, the dispatched unit, every escalation level that acknowledged or forwarded. */
  partyOrganisationIds: string[];
  /** 'chain:level' the escalation has reached (e.g. 'health:national', 'political_legal:local'). */
  addressed: string[];
}

export const NO_PARTIES: IncidentParties = { partyOrganisationIds: [], addressed: [] };

const union = (list: readonly string[], more: readonly string[]): string[] => [...new Set([...list, ...more])];

/** Folds one event into the parties (pure; events of other types change nothing). */
export function withParties(parties: IncidentParties, event: IncidentEvent): IncidentParties {
  const add = (ids: (string | undefined)[], addressed: string[] = []): IncidentParties => ({
    partyOrganisationIds: union(
      parties.partyOrganisationIds,
      ids.filter((id): id is string => typeof id === 'string' && id !== ''),
    ),
    addressed: union(parties.addressed, addressed),
  });
  switch (event.type) {
    case 'IncidentReported':
      return add([event.data.reportedByOrganisationId]);
    case 'PoliceDispatched':
      return add([event.data.unitOrganisationId]);
    case 'EscalationSubmitted':
      return add([event.data.submittedByOrganisationId], [`${event.data.chain}:${event.data.level}`]);
    case 'EscalationAcknowledged':
      return add([event.data.organisationId]);
    case 'EscalationForwarded':
      return add([event.data.organisationId], [`${event.data.chain}:${event.data.toLevel}`]);
    default:
      return parties;
  }
}

/**
 * The escalation level an organisation stands for, if any (a commission's level, a bureau, the
 * local 综治), as long as the caller holds the role that acts for it: a system administrator of
 * the 政法委 is not its officer.
 */
export function escalationLevelOf(principal: Principal): string | null {
  switch (principal.organisationKind) {
    case 'health_commission':
      return principal.healthCommissionLevel && hasRole(principal, 'health_commission_official')
        ? `health:${principal.healthCommissionLevel}`
        : null;
    case 'police':
      return (principal.policeUnitType === 'bureau' || principal.policeUnitType === 'city_bureau') && hasRole(principal, ...POLICE_ROLES)
        ? `police:${principal.policeUnitType}`
        : null;
    case 'political_legal':
      return hasRole(principal, 'political_legal_officer') ? 'political_legal:local' : null;
    default:
      return null;
  }
}

/**
 * An escalation addressed to the caller's organisation makes it a party: the level the report
 * has reached is the caller's level, and the incident lies in the caller's region.
 */
export function isAddressee(principal: Principal, ref: IncidentRef, parties: IncidentParties, level?: string): boolean {
  const own = escalationLevelOf(principal);
  if (own === null || (level !== undefined && own !== level)) return false;
  return parties.addressed.includes(own) && regionContains(principal.organisationRegion, ref.regionCode);
}

/** The facts the policy decides on, for this caller. */
export function accessFacts(principal: Principal, ref: IncidentRef, parties: IncidentParties, action: 'read' | 'write'): ResourceFacts {
  return {
    hospitalOrganisationId: ref.hospitalId,
    regionCode: ref.regionCode,
    partyOrganisationIds: isAddressee(principal, ref, parties)
      ? [...parties.partyOrganisationIds, principal.organisationId]
      : parties.partyOrganisationIds,
    action,
  };
}

/** For list queries: the region prefix in which the caller would be an addressee (a 综治 has no region of its own otherwise). */
export function addresseeScope(principal: Principal): { level: string; regionPrefix: string } | null {
  const level = escalationLevelOf(principal);
  if (level === null || !isRegionCode(principal.organisationRegion)) return null;
  return { level, regionPrefix: regionPrefix(principal.organisationRegion) };
}

export const HOSPITAL_ROLES = ['hospital_security_officer', 'hospital_complaints_officer'] as const satisfies readonly Role[];

export const isPolice = (principal: Principal): boolean => principal.organisationKind === 'police' && hasRole(principal, ...POLICE_ROLES);
