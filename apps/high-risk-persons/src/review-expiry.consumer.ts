import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { HIGH_RISK_PERSONS_CONTEXT, SYSTEM_ACTOR, highRiskPersonStreamId } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { PersonCommandMessage } from './register/commands/person-command.js';

/**
 * The one consumer of the register's own topic: an unreviewed flag expires on its own — the
 * review clock's breach becomes ExpireFlag, decided at the breach's instant in the inbox's
 * transaction (effect and inbox row commit together).
 */
@Injectable()
export class ReviewExpiryConsumer implements OnModuleInit {
  constructor(
    @InjectRuntime(HIGH_RISK_PERSONS_CONTEXT) private readonly runtime: ServiceRuntime,
    private readonly commands: CommandBus,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.runtime.subscribe({
      group: 'high-risk-persons.review-expiry',
      contexts: [HIGH_RISK_PERSONS_CONTEXT],
      handle: async (envelope, query) => {
        if (envelope.type !== 'DeadlineBreached' || envelope.data.rule !== 'high-risk-flag-review') return;
        const personId = String(envelope.data.subject);
        await this.commands.execute(
          new PersonCommandMessage({
            streamId: highRiskPersonStreamId(personId),
            command: {
              type: 'ExpireFlag',
              data: { personId, deadlineId: String(envelope.data.deadlineId) },
            },
            now: new Date(String(envelope.data.at ?? envelope.occurredAt)),
            actor: SYSTEM_ACTOR,
            correlationId: personId,
            causationId: envelope.eventId,
            query,
          }),
        );
      },
    });
  }
}
