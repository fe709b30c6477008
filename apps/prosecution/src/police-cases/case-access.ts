import { AccessDeniedError, canAccess, regionContains, type AccessAction, type Principal, type ResourceFacts } from '@pingan/access';
import type { ListedSupervisorKind } from '@pingan/contracts';
import type { LoadedCase } from './loaded-case.js';

/**
 * The facts the access policy decides on. The hospital is deliberately NOT named as owner: a
 * police case file (suspects, measures, prosecution) is not the hospital's record, even though
 * the incident was; police see it by jurisdiction, procuratorates and courts once it went to
 * them, commissions read their region.
 */
export const caseFacts = (loaded: LoadedCase, action: AccessAction): ResourceFacts => ({
  regionCode: loaded.state.regionCode,
  partyOrganisationIds: loaded.partyOrganisationIds,
  action,
});

export function assertCaseAccess(principal: Principal, loaded: LoadedCase, action: AccessAction): void {
  if (!canAccess(principal, caseFacts(loaded, action))) throw new AccessDeniedError();
}

/**
 * Suspects' identities are need-to-know: the police (jurisdiction, handling unit) and the
 * procuratorates and courts the case went to. Oversight (commissions, political-legal
 * committees) sees the case, not who the suspects are.
 */
export function assertCanReadSuspects(principal: Principal, loaded: LoadedCase): void {
  const kind = principal.organisationKind;
  if (kind !== 'police' && kind !== 'procuratorate' && kind !== 'court') throw new AccessDeniedError();
  assertCaseAccess(principal, loaded, 'read');
}

/**
 * 挂牌督办 is put by a superior body over the case's region [S0 二(四)3]: a police unit in its
 * jurisdiction, a health commission over its region (which may otherwise only read), a
 * political-legal committee over its region (which otherwise sees no cases). Once it supervises,
 * it is party to the case.
 */
export function supervisorKindFor(principal: Principal, loaded: LoadedCase): ListedSupervisorKind {
  const region = loaded.state.regionCode;
  switch (principal.organisationKind) {
    case 'police':
      if (canAccess(principal, caseFacts(loaded, 'write'))) return 'police';
      break;
    case 'health_commission':
      if (regionContains(principal.organisationRegion, region)) return 'health_commission';
      break;
    case 'political_legal':
      if (regionContains(principal.organisationRegion, region)) return 'political_legal';
      break;
    default:
      break;
  }
  throw new AccessDeniedError();
}

/** Only the body that supervises can lift the supervision: others learn nothing more than ACCESS.DENIED. */
export function assertIsSupervisor(principal: Principal, loaded: LoadedCase): void {
  if (loaded.state.supervision?.supervisorOrganisationId !== principal.organisationId) throw new AccessDeniedError();
}

/**
 * After an appeal, the second-instance court (a court over the case's region, not yet party)
 * records the final judgement; before that only the first-instance court may.
 */
export function assertCanRecordFinal(principal: Principal, loaded: LoadedCase, suspectId: string): void {
  if (canAccess(principal, caseFacts(loaded, 'write'))) return;
  const appealed = loaded.state.suspects[suspectId]?.appealed === true;
  if (principal.organisationKind === 'court' && appealed && regionContains(principal.organisationRegion, loaded.state.regionCode)) return;
  throw new AccessDeniedError();
}
