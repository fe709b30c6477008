import { CommandHandler } from '@nestjs/cqrs';
import { SECURITY_INSPECTION_STREAM_TYPE, SECURITY_LEDGER_CONTEXT, type SecurityLedgerEvent } from '@pingan/contracts';
import { DecideCommand, DeciderCommandHandler, InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import type { InspectionCommand } from '../../domain/inspection.commands.js';
import { inspectionDecider, type InspectionState } from '../../domain/inspection.decider.js';

/** A command on one inspection, on the CommandBus (stream `security-inspection-<inspectionId>`). */
export class InspectionCommandMessage extends DecideCommand<InspectionCommand, SecurityLedgerEvent, InspectionState> {}

/** The platform's decider handler, for inspections (the items' clocks move with their append). */
@CommandHandler(InspectionCommandMessage)
export class InspectionCommandHandler extends DeciderCommandHandler<InspectionCommand, SecurityLedgerEvent, InspectionState> {
  constructor(@InjectRuntime(SECURITY_LEDGER_CONTEXT) runtime: ServiceRuntime) {
    super(runtime, { streamType: SECURITY_INSPECTION_STREAM_TYPE, decider: inspectionDecider });
  }
}
