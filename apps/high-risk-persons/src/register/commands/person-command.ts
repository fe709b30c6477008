import { CommandHandler } from '@nestjs/cqrs';
import { HIGH_RISK_PERSONS_CONTEXT, HIGH_RISK_PERSON_STREAM_TYPE, type HighRiskPersonEvent } from '@pingan/contracts';
import { DecideCommand, DeciderCommandHandler, InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import type { HighRiskPersonCommand } from '../../domain/high-risk-person.commands.js';
import { highRiskPersonDecider, type HighRiskPersonState } from '../../domain/high-risk-person.decider.js';

/**
 * A command on one person, on the CommandBus (stream `high-risk-person-<id>`). No case number
 * here: the person id (a random pseudonym) is the correlation id of the person's events.
 */
export class PersonCommandMessage extends DecideCommand<HighRiskPersonCommand, HighRiskPersonEvent, HighRiskPersonState> {}

/** The platform's decider handler, for the register. */
@CommandHandler(PersonCommandMessage)
export class PersonCommandHandler extends DeciderCommandHandler<HighRiskPersonCommand, HighRiskPersonEvent, HighRiskPersonState> {
  constructor(@InjectRuntime(HIGH_RISK_PERSONS_CONTEXT) runtime: ServiceRuntime) {
    super(runtime, { streamType: HIGH_RISK_PERSON_STREAM_TYPE, decider: highRiskPersonDecider });
  }
}
