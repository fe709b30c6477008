import { canAccess, regionContains, type Principal } from '@pingan/access';

/** The facts of a person's record that decide who may see it. */
export interface PersonFacts {
  regionCode: string;
  /** Organisations that proposed a flag on the person. */
  owners: readonly string[];
}

export type PersonView = 'full' | 'limited' | 'none';

/**
 * Need to know, on top of the shared policy (libs/access canAccess):
 * - police in whose jurisdiction the record lies: the full record (they warn, stabilise, respond);
 * - the political-legal committee of the region: the full record (it approves and runs 稳控, which
 *   needs a name and a phone) — the shared policy gives it nothing, hence this rule;
 * - the hospital that proposed it, a health commission over the region: the warning only;
 * - anyone else: nothing. Hospitals never see identity, not even their own proposal's.
 */
export function personViewFor(principal: Principal, facts: PersonFacts): PersonView {
  const resource = { regionCode: facts.regionCode, partyOrganisationIds: facts.owners, action: 'read' as const };
  switch (principal.organisationKind) {
    case 'police':
      return canAccess(principal, resource) ? 'full' : 'none';
    case 'political_legal':
      return facts.owners.includes(principal.organisationId) || regionContains(principal.organisationRegion, facts.regionCode)
        ? 'full'
        : 'none';
    case 'hospital':
      return facts.owners.includes(principal.organisationId) ? 'limited' : 'none';
    case 'health_commission':
      return canAccess(principal, resource) ? 'limited' : 'none';
    default:
      return 'none';
  }
}

/** Commands on an existing record (approve, measures, review, removal, erasure): police or political-legal with the full view. */
export const canActOnPerson = (principal: Principal, facts: PersonFacts): boolean =>
  (principal.organisationKind === 'police' || principal.organisationKind === 'political_legal') &&
  personViewFor(principal, facts) === 'full';
