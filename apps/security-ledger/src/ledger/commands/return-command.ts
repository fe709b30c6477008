import { CommandHandler } from '@nestjs/cqrs';
import { SECURITY_LEDGER_CONTEXT, SELF_INSPECTION_RETURN_STREAM_TYPE, type SecurityLedgerEvent } from '@pingan/contracts';
import { DecideCommand, DeciderCommandHandler, InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import type { SelfInspectionReturnCommand } from '../../domain/self-inspection-return.commands.js';
import { selfInspectionReturnDecider, type SelfInspectionReturnState } from '../../domain/self-inspection-return.decider.js';

/** A command on one self-inspection return, on the CommandBus (stream `security-return-<returnId>`). */
export class ReturnCommandMessage extends DecideCommand<SelfInspectionReturnCommand, SecurityLedgerEvent, SelfInspectionReturnState> {}

/** The platform's decider handler, for returns (the events' clocks move with their append). */
@CommandHandler(ReturnCommandMessage)
export class ReturnCommandHandler extends DeciderCommandHandler<
  SelfInspectionReturnCommand,
  SecurityLedgerEvent,
  SelfInspectionReturnState
> {
  constructor(@InjectRuntime(SECURITY_LEDGER_CONTEXT) runtime: ServiceRuntime) {
    super(runtime, { streamType: SELF_INSPECTION_RETURN_STREAM_TYPE, decider: selfInspectionReturnDecider });
  }
}
