import type { CommandBus } from '@nestjs/cqrs';
import { AccessDeniedError, actorOf, canAccess, type Principal, type Role } from '@pingan/access';
import {
  runningClocks,
  statedOccurredAt,
  type CommandInput,
  type DecideRequest,
  type RunningClockDto,
  type ServiceRuntime,
} from '@pingan/platform';
import type { PoliceCaseCommand } from '../../domain/police-case.commands.js';
import type { PoliceCaseState } from '../../domain/police-case.decider.js';
import type { ProsecutionEvent } from '@pingan/contracts';
import { assertCaseAccess } from '../case-access.js';
import { caseForCaller, type LoadedCase } from '../loaded-case.js';
import { PoliceCaseCommandMessage } from './police-case-command.js';

type Input = CommandInput<PoliceCaseCommand>;
type Extra = Pick<DecideRequest<PoliceCaseCommand, ProsecutionEvent, PoliceCaseState>, 'inTransaction' | 'occurredAt'>;

/**
 * A command on an existing case as `principal`, acting in the first of `roles` it holds. The case
 * must exist for the caller (404 police / 403 others) and `access` must let it act (default: write
 * access by the policy); the command may depend on the case as read (`input` as a function).
 */
/** The instant a step happened, as the caller stated it in `occurredAt` (checked by the pipeline); none: now. */
export const stated = (occurredAt: string | undefined): Extra =>
  occurredAt === undefined ? {} : { occurredAt: statedOccurredAt(occurredAt) };

export function actOnCase(
  principal: Principal,
  roles: readonly Role[],
  caseNumber: string,
  input: Input | ((loaded: LoadedCase) => Input),
  access: (loaded: LoadedCase) => void = (loaded) => assertCaseAccess(principal, loaded, 'write'),
  extra: Extra = {},
): PoliceCaseCommandMessage {
  return new PoliceCaseCommandMessage({
    streamId: caseNumber,
    command: (state, history) => (typeof input === 'function' ? input(caseForCaller(principal, caseNumber, state, history)) : input),
    actor: actorOf(principal, ...roles),
    correlationId: caseNumber,
    authorise: (state, history) => access(caseForCaller(principal, caseNumber, state, history)),
    ...extra,
  });
}

/** Accepting a case directly (受案): a police unit, in its own jurisdiction; it becomes the handling unit. */
export function openCase(
  principal: Principal,
  roles: readonly Role[],
  input: Extract<Input, { type: 'OpenCase' }>,
): PoliceCaseCommandMessage {
  return new PoliceCaseCommandMessage({
    streamId: input.data.caseNumber,
    command: input,
    actor: actorOf(principal, ...roles),
    correlationId: input.data.caseNumber,
    authorise: () => {
      if (principal.organisationKind !== 'police' || !canAccess(principal, { regionCode: input.data.regionCode, action: 'write' })) {
        throw new AccessDeniedError();
      }
    },
  });
}

/**
 * What every command endpoint answers: the case, the events it recorded, the case after them and
 * the clocks still running on it with their due instants (what the caller must do next, by when).
 */
export async function recorded(
  commands: CommandBus,
  message: PoliceCaseCommandMessage,
  runtime: Pick<ServiceRuntime, 'deadlines'>,
): Promise<{ caseNumber: string; events: string[]; case: PoliceCaseState; clocks: RunningClockDto[] }> {
  const { events, correlationId, state } = await commands.execute(message);
  return { caseNumber: correlationId, events: events.map((e) => e.type), case: state, clocks: await runningClocks(runtime, correlationId) };
}
