import { AccessDeniedError, type Principal } from '@pingan/access';
import { POLICE_CASE_STREAM_TYPE, type ProsecutionEvent } from '@pingan/contracts';
import { fold, type StoredEvent } from '@pingan/event-store';
import { policeCaseDecider, type OpenPoliceCase, type PoliceCaseState } from '../domain/police-case.decider.js';
import { PoliceCaseNotFoundError } from '../domain/police-case.errors.js';

/** A case as read for a request: its state, its history and who is party to it. */
export interface LoadedCase {
  state: OpenPoliceCase;
  history: readonly StoredEvent[];
  /** Handling units past and present, procuratorates, courts and supervisors it went to. */
  partyOrganisationIds: string[];
}

/** Everyone who became party to the case through its events (the list's `party_ids` follows the same rule). */
export function partiesOf(history: readonly StoredEvent[]): string[] {
  const parties = new Set<string>();
  for (const stored of history) {
    const event = stored as unknown as ProsecutionEvent;
    switch (event.type) {
      case 'CaseAccepted':
        parties.add(event.data.handlingUnitId);
        break;
      case 'CaseTransferred':
        parties.add(event.data.toUnitId);
        break;
      case 'ArrestApprovalRequested':
      case 'ProsecutorDesignated':
      case 'CaseTransferredForProsecution':
        parties.add(event.data.procuratorateId);
        break;
      case 'SuspectsIndicted':
      case 'FinalJudgementRecorded':
        parties.add(event.data.courtId);
        break;
      case 'ListedSupervisionStarted':
        parties.add(event.data.supervisorOrganisationId);
        break;
      default:
        break;
    }
  }
  return [...parties];
}

/**
 * The case a stream holds, as `principal` may learn of it. A missing case is 404 for police (who
 * open cases and must tell "no such case" from "not yours") and 403 for everyone else, so case
 * numbers cannot be probed. Access to the case itself is the caller's next check.
 */
export function caseForCaller(
  principal: Principal,
  caseNumber: string,
  state: PoliceCaseState,
  history: readonly StoredEvent[],
): LoadedCase {
  if (state.status === 'open' && history[0]?.streamType === POLICE_CASE_STREAM_TYPE) {
    return { state, history, partyOrganisationIds: partiesOf(history) };
  }
  if (principal.organisationKind === 'police') throw new PoliceCaseNotFoundError(caseNumber);
  throw new AccessDeniedError();
}

/** The case's state folded from its history (stream id = case number). */
export const caseStateOf = (history: readonly StoredEvent[]): PoliceCaseState =>
  fold(policeCaseDecider, history as unknown as ProsecutionEvent[]);
