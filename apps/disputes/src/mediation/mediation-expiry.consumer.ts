import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DISPUTES_CONTEXT, SYSTEM_ACTOR, type EventEnvelope } from '@pingan/contracts';
import type { DeadlineEvent } from '@pingan/deadlines';
import type { Query } from '@pingan/event-store';
import { DisputeCommandMessage } from '../commands/dispute-command.js';

const MEDIATION_RULES = new Set(['peoples-mediation', 'administrative-mediation']);

/**
 * Past the mediation period with no agreement, mediation counts as failed
 * [law: 医疗纠纷预防和处理条例 第38条]: the context's own `DeadlineLapsed` on a mediation clock (its
 * rules lapse on expiry: the outcome, nobody's breach) becomes FailMediationOnExpiry (group
 * 'disputes.own-clocks'), decided on the inbox transaction's `query`. Idempotent twice over: the
 * inbox drops a redelivery, and the decider ignores the lapse of a clock whose mediation is over
 * (or of a dispute that does not exist).
 */
@Injectable()
export class MediationExpiryConsumer {
  constructor(private readonly commands: CommandBus) {}

  /** Registered by DisputesStartup. */
  readonly subscription = {
    group: 'disputes.own-clocks',
    contexts: [DISPUTES_CONTEXT],
    handle: (envelope: EventEnvelope, query: Query) => this.handle(envelope, query),
  };

  async handle(envelope: EventEnvelope, query: Query): Promise<void> {
    if (envelope.type !== 'DeadlineLapsed') return;
    const lapse = envelope.data as unknown as DeadlineEvent;
    if (!MEDIATION_RULES.has(lapse.rule)) return;
    await this.commands.execute(
      new DisputeCommandMessage({
        // Clock ids are `<disputeId>/<rule>/<attempt>` (deadlineIdFor).
        streamId: lapse.deadlineId.split('/')[0],
        command: { type: 'FailMediationOnExpiry', data: { deadlineId: lapse.deadlineId, expiredAt: new Date(lapse.at) } },
        actor: SYSTEM_ACTOR,
        // Nothing is appended to a dispute that does not exist, so its case number is never asked for.
        correlationId: (state) => state.ref?.caseNumber ?? envelope.correlationId,
        causationId: envelope.eventId,
        query,
      }),
    );
  }
}
