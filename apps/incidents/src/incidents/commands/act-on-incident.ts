import { AccessDeniedError, actorOf, assertCanAccess, canAccess, type Principal } from '@pingan/access';
import { incidentStreamId, parseCaseNumber, type IncidentEvent } from '@pingan/contracts';
import type { StoredEvent } from '@pingan/event-store';
import type { CommandInput } from '@pingan/platform';
import { IncidentNotFoundError, type IncidentCommand, type IncidentState, type ReportedIncident } from '../../domain/index.js';
import { NO_PARTIES, accessFacts, withParties, type IncidentParties } from '../incident-access.js';
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

/** The command `input` on an existing incident, as `principal`: write access by the policy, plus `mayAlso`. */
export function actOnIncident(
  principal: Principal,
  caseNumber: string,
  input: CommandInput<IncidentCommand>,
  mayAlso: MayAlso = () => true,
): IncidentCommandMessage {
  return new IncidentCommandMessage({
    streamId: incidentStreamId(caseNumber),
    command: input,
    actor: actorOf(principal),
    correlationId: caseNumber,
    authorise: (state, history) => {
      const { incident, parties } = assertMayAccessIncident(principal, caseNumber, state, history, 'write');
      if (!mayAlso(incident, parties)) throw new AccessDeniedError();
    },
  });
}
