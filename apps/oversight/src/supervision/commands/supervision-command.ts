import { CommandHandler } from '@nestjs/cqrs';
import { SUPERVISION_STREAM_TYPE } from '@pingan/contracts';
import { DecideCommand, DeciderCommandHandler, InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import {
  supervisionDecider,
  type SupervisionCommand,
  type SupervisionEvent,
  type SupervisionState,
} from '../../domain/supervision.decider.js';

/** A command on one supervision (督办), on the CommandBus (stream `supervision-<id>`). */
export class SupervisionCommandMessage extends DecideCommand<SupervisionCommand, SupervisionEvent, SupervisionState> {}

/** The platform's decider handler, for supervisions. Its clock starts with the events (oversight's clocksFor). */
@CommandHandler(SupervisionCommandMessage)
export class SupervisionCommandHandler extends DeciderCommandHandler<SupervisionCommand, SupervisionEvent, SupervisionState> {
  constructor(@InjectRuntime('oversight') runtime: ServiceRuntime) {
    super(runtime, { streamType: SUPERVISION_STREAM_TYPE, decider: supervisionDecider });
  }
}
