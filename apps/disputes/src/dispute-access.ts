import { assertCanAccess, type AccessAction, type Principal } from '@pingan/access';
import type { StoredEvent } from '@pingan/event-store';
import type { DisputeState } from './domain/dispute.decider.js';
import { DisputeError, DisputeErrorCode } from './domain/dispute.errors.js';

export type OpenedDispute = DisputeState & { ref: NonNullable<DisputeState['ref']> };

/** Every organisation the dispute was referred or taken to (mediators, courts): party to it. */
export function partyOrganisationIdsOf(history: readonly StoredEvent[]): string[] {
  const parties = new Set<string>();
  for (const event of history) {
    for (const key of ['mediatorOrganisationId', 'courtId'] as const) {
      const id = (event.data as Record<string, unknown>)[key];
      if (typeof id === 'string') parties.add(id);
    }
  }
  return [...parties];
}

/**
 * 404 for a dispute that does not exist, then 403 unless the policy (libs/access) lets the caller
 * read / change this one: its hospital, the organisations it was referred to, a commission's region.
 */
export function assertMayAccessDispute(
  principal: Principal,
  state: DisputeState,
  history: readonly StoredEvent[],
  action: AccessAction,
): OpenedDispute {
  if (state.ref === null) throw new DisputeError(DisputeErrorCode.NotFound, 'No such dispute.');
  assertCanAccess(principal, {
    hospitalOrganisationId: state.ref.hospitalId,
    regionCode: state.ref.regionCode,
    partyOrganisationIds: partyOrganisationIdsOf(history),
    action,
  });
  return state as OpenedDispute;
}
