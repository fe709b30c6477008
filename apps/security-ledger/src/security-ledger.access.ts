import { AccessDeniedError, canAccess, isRegionCode, regionContains, type Principal } from '@pingan/access';

/**
 * On top of the shared policy (libs/access canAccess): a hospital reads its own profile; police
 * and the health commission read those of their region and below. Only the hospital writes it
 * (the decider checks that it is its own).
 */
export const canReadHospital = (principal: Principal, hospital: { hospitalId: string; regionCode: string }): boolean =>
  canAccess(principal, { hospitalOrganisationId: hospital.hospitalId, regionCode: hospital.regionCode, action: 'read' });

/** The ledger of a region: police and commissions, for their own region or one below it. */
export const canReadLedger = (principal: Principal, regionCode: string): boolean =>
  (principal.organisationKind === 'police' || principal.organisationKind === 'health_commission') &&
  isRegionCode(regionCode) &&
  regionContains(principal.organisationRegion, regionCode);

/**
 * A record that does not exist: only those who oversee hospitals (police, commissions) learn it
 * (`notFound`); anyone else gets the 403 they would get for a record of someone else (no probing).
 */
export function unknownRecord(principal: Principal, notFound: Error): never {
  if (principal.organisationKind === 'police' || principal.organisationKind === 'health_commission') throw notFound;
  throw new AccessDeniedError();
}
