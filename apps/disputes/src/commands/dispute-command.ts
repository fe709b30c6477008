import type { CommandBus } from '@nestjs/cqrs';
import { CommandHandler } from '@nestjs/cqrs';
import { DISPUTES_CONTEXT, DISPUTE_STREAM_TYPE } from '@pingan/contracts';
import { DecideCommand, DeciderCommandHandler, InjectRuntime, runningClocks, type ServiceRuntime } from '@pingan/platform';
import type { CommandResultDto, DisputeStateDto } from '../common.dto.js';
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

/**
 * Dispatch a step on a dispute; what every step answers: the dispute, its version after the step,
 * the events recorded, where it stands now and the clocks still running with their due instants.
 * `runtime` is left out inside another transaction (the clocks are read after it commits).
 */
export async function executeDisputeCommand(
  commands: CommandBus,
  message: DisputeCommandMessage,
  runtime?: Pick<ServiceRuntime, 'deadlines'>,
): Promise<CommandResultDto> {
  const { events, state, version } = await commands.execute(message);
  const caseNumber = state.ref!.caseNumber;
  return {
    disputeId: message.request.streamId,
    caseNumber,
    version: events.length > 0 ? version : null,
    events: events.map((event) => event.type),
    dispute: disputeStateOf(state),
    clocks: runtime ? await runningClocks(runtime, caseNumber) : [],
  };
}

/** Where a dispute stands, as a step's answer shows it (no personal data: parties are ids). */
export function disputeStateOf(state: DisputeState): DisputeStateDto {
  return {
    status: state.status,
    route: state.route,
    owner: state.owner,
    routesNotified: state.routesNotified,
    remainingRoutes: state.remainingRoutes,
    mediation: state.mediation,
    appraisal: state.appraisal,
    liability: state.liability,
    agreement: state.agreement,
    escalationRisk: state.escalationRisk,
    closeOutcome: state.closeOutcome,
  };
}
