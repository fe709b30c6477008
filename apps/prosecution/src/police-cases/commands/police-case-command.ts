import { CommandHandler } from '@nestjs/cqrs';
import { POLICE_CASE_STREAM_TYPE, PROSECUTION_CONTEXT, type ProsecutionEvent } from '@pingan/contracts';
import { DecideCommand, DeciderCommandHandler, InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import type { PoliceCaseCommand } from '../../domain/police-case.commands.js';
import { policeCaseDecider, type PoliceCaseState } from '../../domain/police-case.decider.js';

/** A command on one police case, on the CommandBus (stream id = case number = correlation id). */
export class PoliceCaseCommandMessage extends DecideCommand<PoliceCaseCommand, ProsecutionEvent, PoliceCaseState> {}

/** The platform's decider handler, for police cases. */
@CommandHandler(PoliceCaseCommandMessage)
export class PoliceCaseCommandHandler extends DeciderCommandHandler<PoliceCaseCommand, ProsecutionEvent, PoliceCaseState> {
  constructor(@InjectRuntime(PROSECUTION_CONTEXT) runtime: ServiceRuntime) {
    super(runtime, { streamType: POLICE_CASE_STREAM_TYPE, decider: policeCaseDecider });
  }
}
