import { AccessDeniedError, actorOf, assertCanAccess, canAccess, regionContains, type Principal } from '@pingan/access';
import { incidentStreamId, parseCaseNumber, type IncidentEvent } from '@pingan/contracts';
import type { StoredEvent } from '@pingan/event-store';
import type { CommandInput, OccurredAt } from '@pingan/platform';
import { IncidentNotFoundError, type IncidentCommand, type IncidentState, type ReportedIncident } from '../../domain/index.js';
import { NO_PARTIES, accessFacts, escalationLevelOf, isAddressee, withParties, type IncidentParties } from '../incident-access.js';
import { IncidentCommandMessage } from './incident-command.js';

/** A use case's own rule on top of the policy (who reports on which chain, who acknowledges). */
export type MayAlso = (incident: ReportedIncident, parties: IncidentParties) => boolean;

/**
 * Whether a case exists is told only to those who could see it (the number names its region);
 * then the one policy on the incident's facts, for reading or writing.
 */
export function assertMayAccessIncident(
  principal: Principal,
  caseNumber: string,
  state: IncidentState,
  history: readonly StoredEvent[],
  action: 'read' | 'write',
): { incident: ReportedIncident; parties: IncidentParties } {
  if (state.status === 'none') {
    const region = parseCaseNumber(caseNumber)?.regionCode;
    if (region && canAccess(principal, { regionCode: region, action: 'read' })) throw new IncidentNotFoundError();
    throw new AccessDeniedError();
  }
  const parties = (history as unknown as IncidentEvent[]).reduce(withParties, NO_PARTIES);
  assertCanAccess(principal, accessFacts(principal, state.ref, parties, action));
  return { incident: state, parties };
}

/**
 * The command `input` on an existing incident, as `principal`: write access by the policy, plus `mayAlso`.
 * `occurredAt`: the instant the caller stated for the fact (bounded by the pipeline, 422 naming the field).
 */
export function actOnIncident(
  principal: Principal,
  caseNumber: string,
  input: CommandInput<IncidentCommand>,
  mayAlso: MayAlso = () => true,
  occurredAt?: OccurredAt,
): IncidentCommandMessage {
  return new IncidentCommandMessage({
    streamId: incidentStreamId(caseNumber),
    command: input,
    ...(occurredAt ? { occurredAt } : {}),
    actor: actorOf(principal),
    correlationId: caseNumber,
    authorise: (state, history) => {
      const { incident, parties } = assertMayAccessIncident(principal, caseNumber, state, history, 'write');
      if (!mayAlso(incident, parties)) throw new AccessDeniedError();
    },
  });
}

/**
 * A command of the body a report is addressed to at `chainLevel` ('health:city'): it may act once
 * the report has reached it. The body of that level in the incident's region, asking before then,
 * is let through to the decider, which says the report has not yet been forwarded to its level
 * (422 INCIDENT.ESCALATION_NOT_RECEIVED) rather than a bare 403: it will be the addressee.
 */
export function actAsAddressee(
  principal: Principal,
  caseNumber: string,
  input: CommandInput<IncidentCommand>,
  chainLevel: string,
  occurredAt?: OccurredAt,
): IncidentCommandMessage {
  return new IncidentCommandMessage({
    streamId: incidentStreamId(caseNumber),
    command: input,
    actor: actorOf(principal),
    correlationId: caseNumber,
    ...(occurredAt ? { occurredAt } : {}),
    authorise: (state, history) => {
      if (
        state.status !== 'none' &&
        escalationLevelOf(principal) === chainLevel &&
        regionContains(principal.organisationRegion, state.ref.regionCode)
      ) {
        const parties = (history as unknown as IncidentEvent[]).reduce(withParties, NO_PARTIES);
        if (!parties.addressed.includes(chainLevel)) return; // not yet: the decider says so
      }
      const { incident, parties } = assertMayAccessIncident(principal, caseNumber, state, history, 'write');
      if (!isAddressee(principal, incident.ref, parties, chainLevel)) throw new AccessDeniedError();
    },
  });
}
