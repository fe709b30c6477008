import { actorOf, type Principal, type Role } from '@pingan/access';
import type { CommandInput } from '@pingan/platform';
import type { StatedInstantDto } from '../common.dto.js';
import { assertMayAccessDispute } from '../dispute-access.js';
import type { DisputeCommand } from '../domain/dispute.commands.js';
import { DisputeCommandMessage } from './dispute-command.js';

/**
 * A caller's step on an existing dispute, as a command message: write access by the policy, on the
 * state the command is decided on; the actor's role is the first of `roles` the caller has. Rules
 * about the dispute live in the decider.
 */
export function actOnDispute(
  principal: Principal,
  disputeId: string,
  input: CommandInput<DisputeCommand>,
  roles: Role[],
  stated?: StatedInstantDto,
  field = 'occurredAt',
) {
  return new DisputeCommandMessage({
    streamId: disputeId,
    command: input,
    // When the fact happened, as the caller stated it: bounded by the pipeline, 422 naming the field.
    ...(stated?.occurredAt === undefined ? {} : { occurredAt: { field, at: new Date(stated.occurredAt) } }),
    actor: actorOf(principal, ...roles),
    correlationId: (state) => state.ref!.caseNumber,
    authorise: (state, history) => void assertMayAccessDispute(principal, state, history, 'write'),
  });
}
