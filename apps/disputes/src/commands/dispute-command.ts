import type { CommandBus } from '@nestjs/cqrs';
import { CommandHandler } from '@nestjs/cqrs';
import { DISPUTES_CONTEXT, DISPUTE_STREAM_TYPE } from '@pingan/contracts';
import { DecideCommand, DeciderCommandHandler, InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import type { CommandResultDto } from '../common.dto.js';
import type { DisputeCommand } from '../domain/dispute.commands.js';
import { disputeDecider, type DisputeState } from '../domain/dispute.decider.js';
import type { DisputeEvent } from '../domain/dispute.events.js';

/** A command on one dispute, on the CommandBus (stream id: the dispute id). */
export class DisputeCommandMessage extends DecideCommand<DisputeCommand, DisputeEvent, DisputeState> {}

/** The platform's decider handler, for disputes. */
@CommandHandler(DisputeCommandMessage)
export class DisputeCommandHandler extends DeciderCommandHandler<DisputeCommand, DisputeEvent, DisputeState> {
  constructor(@InjectRuntime(DISPUTES_CONTEXT) runtime: ServiceRuntime) {
    super(runtime, { streamType: DISPUTE_STREAM_TYPE, decider: disputeDecider });
  }
}

/** Dispatch a step on a dispute; what every step answers: the dispute, its version after the step, the events recorded. */
export async function executeDisputeCommand(commands: CommandBus, message: DisputeCommandMessage): Promise<CommandResultDto> {
  const { events, state, version } = await commands.execute(message);
  return {
    disputeId: message.request.streamId,
    caseNumber: state.ref!.caseNumber,
    version: events.length > 0 ? version : null,
    events: events.map((event) => event.type),
  };
}
