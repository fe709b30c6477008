import { Injectable } from '@nestjs/common';
import { DISPUTES_CONTEXT, SYSTEM_ACTOR, type EventEnvelope } from '@pingan/contracts';
import type { DeadlineEvent } from '@pingan/deadlines';
import type { Query } from '@pingan/event-store';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { DisputeService } from '../dispute.service.js';
import { DisputeError } from '../domain/dispute.errors.js';

const MEDIATION_RULES = new Set(['peoples-mediation', 'administrative-mediation']);

/**
 * Past the mediation period with no agreement, mediation counts as failed
 * [law: 医疗纠纷预防和处理条例 第38条]: the context's own `DeadlineBreached` on a mediation clock
 * becomes FailMediationOnExpiry (group 'disputes.own-clocks'). Idempotent twice over: the inbox
 * drops a redelivery, and the decider ignores a breach of a clock whose mediation is over.
 */
@Injectable()
export class MediationExpiryConsumer {
  constructor(
    @InjectRuntime(DISPUTES_CONTEXT) private readonly runtime: ServiceRuntime,
    private readonly disputes: DisputeService,
  ) {}

  /** Registered by DisputesStartup. */
  readonly subscription = {
    group: 'disputes.own-clocks',
    contexts: [DISPUTES_CONTEXT],
    handle: (envelope: EventEnvelope, query: Query) => this.handle(envelope, query),
  };

  async handle(envelope: EventEnvelope, query: Query): Promise<void> {
    if (envelope.type !== 'DeadlineBreached') return;
    const breach = envelope.data as unknown as DeadlineEvent;
    if (!MEDIATION_RULES.has(breach.rule)) return;
    // Clock ids are `<disputeId>/<rule>/<attempt>` (deadlineIdFor).
    const disputeId = breach.deadlineId.split('/')[0];
    const store = this.runtime.store.using(query);
    try {
      const dispute = await this.disputes.load(disputeId, store);
      await this.disputes.execute(
        disputeId,
        dispute.state.ref.caseNumber,
        { type: 'FailMediationOnExpiry', at: new Date(breach.at), actor: SYSTEM_ACTOR, deadlineId: breach.deadlineId },
        { store, causationId: envelope.eventId },
      );
    } catch (error) {
      // Not a dispute of ours (or gone): nothing to fail. Anything else retries.
      if (error instanceof DisputeError && error.code === 'DISPUTE.NOT_FOUND') return;
      throw error;
    }
  }
}
