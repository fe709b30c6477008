import { HIGH_RISK_CONTEXT } from './domain/event-facts.js';
import { ROLES, canAccess, hasRole, isRegionCode, regionContains, regionPrefix, type Principal, type Role } from '@pingan/access';

/** Everyone who works on cases reads a case they are entitled to; system administrators see no case data. */
export const CASE_READERS: Role[] = ROLES.filter((role) => role !== 'system_administrator');
/** Who supervises (督办) and reads the escalation inbox. */
export const SUPERVISORS: Role[] = ['health_commission_official', 'political_legal_officer'];
/** Who reads statistics: commissions and political-legal committees for their region, station chiefs the police figures. */
export const STATISTICS_READERS: Role[] = ['health_commission_official', 'political_legal_officer', 'station_chief'];
/** Who reads the health commission's monthly return: commissions and political-legal committees (not the police: it carries mediation). */
export const HEALTH_RETURN_READERS: Role[] = ['health_commission_official', 'political_legal_officer'];
/** Who reads the police monthly return: station chiefs (their region's units) and political-legal committees (not commissions: it carries custody). */
export const POLICE_RETURN_READERS: Role[] = ['station_chief', 'political_legal_officer'];

export interface CaseAccessFacts {
  regionCode: string | null;
  hospitalId: string | null;
  partyIds: readonly string[];
  politicalLegalEscalated: boolean;
}

/**
 * Whether the principal may read the case: THE policy (libs/access: the hospital, parties,
 * police jurisdiction, health-commission oversight), plus one oversight rule the policy leaves
 * to the services: a political-legal committee reads the cases escalated to it (the incidents
 * contract addresses a chain level, not an organisation, so "to it" means: the political-legal
 * chain, in its region). A committee that supervises a case is a party through its supervision.
 */
export function canReadCase(principal: Principal, facts: CaseAccessFacts): boolean {
  if (hasRole(principal, 'system_administrator') && principal.roles.length === 1) return false;
  const resource = {
    hospitalOrganisationId: facts.hospitalId ?? undefined,
    regionCode: facts.regionCode ?? '',
    partyOrganisationIds: facts.partyIds,
    action: 'read' as const,
  };
  if (canAccess(principal, resource)) return true;
  return (
    principal.organisationKind === 'political_legal' &&
    hasRole(principal, 'political_legal_officer') &&
    facts.politicalLegalEscalated &&
    regionContains(principal.organisationRegion, facts.regionCode ?? '')
  );
}

/** High-risk-person events (warnings, stabilisation) are for police only, on top of case access. */
export const seesHighRisk = (principal: Principal): boolean => principal.organisationKind === 'police';

/**
 * Whether the principal may read one context's record of a case (its incident, its police case,
 * its dispute), with that record's own facts: the same answer the owning service gives on a read
 * of the record. A police case file is not the hospital's record, and the political-legal
 * committee reads it only once it supervises it (then it is a party), as prosecution decides.
 */
export function canReadRecord(principal: Principal, context: string, facts: CaseAccessFacts): boolean {
  if (context === 'prosecution') return canReadCase(principal, { ...facts, hospitalId: null, politicalLegalEscalated: false });
  if (context === HIGH_RISK_CONTEXT) return seesHighRisk(principal) && canReadCase(principal, facts);
  return canReadCase(principal, facts);
}

/**
 * The region prefix a principal oversees for aggregates (board, statistics, inbox): commissions
 * and police their region, political-legal officers theirs (aggregates and clock metadata carry
 * no personal data); anyone else none (only what they are party to).
 */
export function oversightPrefix(principal: Principal): string | null {
  const kind = principal.organisationKind;
  const oversees =
    kind === 'health_commission' || kind === 'police' || (kind === 'political_legal' && hasRole(principal, 'political_legal_officer'));
  return oversees && isRegionCode(principal.organisationRegion) ? regionPrefix(principal.organisationRegion) : null;
}
