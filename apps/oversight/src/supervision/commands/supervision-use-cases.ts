import { AccessDeniedError, actorOf, type Principal, type Role } from '@pingan/access';
import { supervisionStreamId } from '@pingan/contracts';
import type { CommandInput } from '@pingan/platform';
import type { SupervisionCommand } from '../../domain/supervision.decider.js';
import { SupervisionCommandMessage } from './supervision-command.js';

export const SUPERVISION_ACTOR_ROLES: Role[] = ['health_commission_official', 'political_legal_officer'];

type Change = CommandInput<Extract<SupervisionCommand, { type: 'RecordSupervisionProgress' | 'CloseSupervision' }>>;

/**
 * Progress and closing: only the supervising body, on the supervision as read (an unknown one
 * answers like a forbidden one). The correlation id is the supervised case's number, read from the stream.
 */
export const changeSupervision = (principal: Principal, supervisionId: string, change: Change): SupervisionCommandMessage =>
  new SupervisionCommandMessage({
    streamId: supervisionStreamId(supervisionId),
    command: change,
    actor: actorOf(principal, ...SUPERVISION_ACTOR_ROLES),
    correlationId: (state) => (state.status === 'none' ? supervisionId : state.started.caseNumber),
    authorise: (state) => {
      if (state.status === 'none' || state.started.supervisorOrganisationId !== principal.organisationId) throw new AccessDeniedError();
    },
  });
