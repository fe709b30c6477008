import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { INCIDENT_STREAM_TYPE, type IncidentEvent } from '@pingan/contracts';
import { DecideCommand, DeciderCommandHandler, InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { createIncidentDecider, type IncidentCommand, type IncidentDeadlineSettings, type IncidentState } from '../../domain/index.js';
import { INCIDENTS_CONTEXT_NAME, INCIDENT_SETTINGS } from '../../incidents.context.js';

/** A command on one incident, on the CommandBus (stream `incident-<case number>`). */
export class IncidentCommandMessage extends DecideCommand<IncidentCommand, IncidentEvent, IncidentState> {}

/** The platform's decider handler, for incidents (the decider takes the configured arrival limits). */
@CommandHandler(IncidentCommandMessage)
export class IncidentCommandHandler extends DeciderCommandHandler<IncidentCommand, IncidentEvent, IncidentState> {
  constructor(
    @InjectRuntime(INCIDENTS_CONTEXT_NAME) runtime: ServiceRuntime,
    @Inject(INCIDENT_SETTINGS) settings: IncidentDeadlineSettings,
  ) {
    super(runtime, {
      streamType: INCIDENT_STREAM_TYPE,
      decider: createIncidentDecider(settings),
      // A stated instant is checked against when the incident occurred, not when it was reported.
      beganAt: (state) => (state.status === 'none' ? null : state.occurredAt),
    });
  }
}
