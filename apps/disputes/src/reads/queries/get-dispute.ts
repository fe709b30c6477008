import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReadAudit, type Principal } from '@pingan/access';
import { DISPUTES_CONTEXT } from '@pingan/contracts';
import type { Deadline } from '@pingan/deadlines';
import { fold, type StoredEvent } from '@pingan/event-store';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { assertMayAccessDispute, partyOrganisationIdsOf, type OpenedDispute } from '../../dispute-access.js';
import { disputeDecider } from '../../domain/dispute.decider.js';
import type { DisputeEvent } from '../../domain/dispute.events.js';
import { disputeOutcomeStatistics } from '../../domain/dispute.statistics.js';
import { partiesOf, type PartyDetails } from '../../disputes.storage.js';

/** Reads of the parties' names and contacts are recorded under this record type. */
export const DISPUTE_PARTIES_RECORD = 'dispute-parties';

/** One dispute: state, parties (audited), full history and clocks, as `principal` may see it. */
export class GetDisputeQuery extends Query<DisputeView> {
  constructor(
    readonly principal: Principal,
    readonly disputeId: string,
    /** Why personal data is read (the read audit records it). */
    readonly purpose: string | undefined,
  ) {
    super();
  }
}

/**
 * Checked with the policy on the dispute as it stands; its parties' personal data is audited
 * (ReadAudit) before it is returned. The clocks are read as the deadline store has them: they
 * were written with the events, so a caller sees the clocks of its own last step.
 */
@QueryHandler(GetDisputeQuery)
export class GetDisputeHandler implements IQueryHandler<GetDisputeQuery> {
  private readonly audit: ReadAudit;

  constructor(@InjectRuntime(DISPUTES_CONTEXT) private readonly runtime: ServiceRuntime) {
    this.audit = new ReadAudit(runtime.store, runtime.clock);
  }

  async execute({ principal, disputeId, purpose }: GetDisputeQuery): Promise<DisputeView> {
    const events = await this.runtime.store.readStream(disputeId);
    const state = assertMayAccessDispute(principal, fold(disputeDecider, events as unknown as DisputeEvent[]), events, 'read');
    // Personal data of the patient side: the read is on record before anything is returned.
    await this.audit.record({
      principal,
      recordType: DISPUTE_PARTIES_RECORD,
      recordId: disputeId,
      ownerOrganisationIds: [state.ref.hospitalId],
      purpose,
      correlationId: state.ref.caseNumber,
    });
    const [parties, clocks] = await Promise.all([
      partiesOf(this.runtime.db.query, disputeId),
      this.runtime.deadlines?.list({ subject: state.ref.caseNumber }) ?? [],
    ]);
    return disputeView(state, events, parties, clocks, this.runtime.clock());
  }
}

/** The dispute as the API shows it. */
function disputeView(state: OpenedDispute, events: StoredEvent[], parties: PartyDetails[], clocks: Deadline[], now: Date) {
  return {
    ...state.ref,
    status: state.status,
    origin: state.origin,
    openedAt: state.openedAt,
    closedAt: state.closedAt,
    closeOutcome: state.closeOutcome,
    owner: state.owner,
    incident: state.incident,
    routesNotified: state.routesNotified,
    route: state.route,
    remainingRoutes: state.remainingRoutes,
    mediation: state.mediation,
    appraisal: state.appraisal,
    liability: state.liability,
    agreement: state.agreement,
    escalationRisk: state.escalationRisk,
    partyOrganisationIds: partyOrganisationIdsOf(events),
    parties,
    statistics: disputeOutcomeStatistics(state, now),
    clocks: clocks.map((c) => ({
      deadlineId: c.id,
      rule: c.rule.name,
      source: c.rule.source,
      state: c.state,
      startedAt: c.startedAt.toISOString(),
      dueAt: c.dueAt.toISOString(),
      warnAt: c.warnAt.toISOString(),
      pausedAt: c.pausedAt?.toISOString() ?? null,
      pausedMs: c.pausedMs,
      completedAt: c.completedAt?.toISOString() ?? null,
      breachedAt: c.breachedAt?.toISOString() ?? null,
      provisional: c.provisional,
      extensions: c.extensions,
      responsibleOrganisationId: c.responsibleOrganisationId,
      supervisingOrganisationId: c.supervisingOrganisationId,
    })),
    history: events.map((e) => ({
      eventId: e.eventId,
      version: e.version,
      type: e.type,
      occurredAt: e.occurredAt,
      recordedAt: e.recordedAt,
      actor: e.actor,
      data: e.data,
    })),
  };
}

export type DisputeView = ReturnType<typeof disputeView>;
