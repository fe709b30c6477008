import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AccessDeniedError,
  AccessPurpose,
  CurrentPrincipal,
  ReadAudit,
  Roles,
  readScope,
  regionContains,
  regionPrefix,
  type Principal,
} from '@pingan/access';
import { DISPUTES_CONTEXT } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { DisputeService } from '../dispute.service.js';
import { disputeOutcomeStatistics } from '../domain/dispute.statistics.js';
import { partiesOf } from '../disputes.storage.js';
import { READERS } from '../disputes.roles.js';
import { DisputeQueries } from '../read-models/dispute.queries.js';
import { ListDisputesQuery, StatisticsQuery } from './reads.dto.js';

/** Reads of the parties' names and contacts are recorded under this record type. */
export const DISPUTE_PARTIES_RECORD = 'dispute-parties';

/**
 * Reads. Lists are filtered by the policy's `readScope` (own hospital, disputes referred to the
 * caller, a commission's region); one dispute is checked with `assertCanAccess`; its parties'
 * personal data is audited (ReadAudit) before it is returned.
 */
@ApiTags('disputes')
@ApiBearerAuth()
@Controller('disputes')
export class DisputesReadController {
  private readonly audit: ReadAudit;

  constructor(
    @InjectRuntime(DISPUTES_CONTEXT) private readonly runtime: ServiceRuntime,
    private readonly disputes: DisputeService,
    private readonly queries: DisputeQueries,
  ) {
    this.audit = new ReadAudit(runtime.store, runtime.clock);
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary:
      'Disputes the caller may see: its hospital’s, those referred to it, its region’s (commissions) (hospital_complaints_officer, mediator, health_commission_official)',
  })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListDisputesQuery) {
    return this.queries.list(readScope(principal), {
      status: query.status,
      hospitalId: query.hospitalId,
      regionCode: query.regionCode,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
  }

  @Get('statistics')
  @Roles('health_commission_official')
  @ApiOperation({ summary: 'Outcome statistics by opening month and region, within the commission’s region (health_commission_official)' })
  async statistics(@CurrentPrincipal() principal: Principal, @Query() query: StatisticsQuery) {
    const scope = readScope(principal);
    if (scope.regionPrefix === null) throw new AccessDeniedError();
    let prefix = scope.regionPrefix;
    if (query.regionCode) {
      if (!regionContains(principal.organisationRegion, query.regionCode)) throw new AccessDeniedError();
      prefix = regionPrefix(query.regionCode);
    }
    return { regionPrefix: prefix, months: await this.queries.outcomeStatistics(prefix, { from: query.from, to: query.to }) };
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One dispute: state, parties (audited read: say why in x-access-purpose), full history and clocks' })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @AccessPurpose() purpose: string | undefined,
  ) {
    const dispute = await this.disputes.load(id);
    this.disputes.authorise(principal, dispute, 'read');
    const { state, events } = dispute;
    // Personal data of the patient side: the read is on record before anything is returned.
    await this.audit.record({
      principal,
      recordType: DISPUTE_PARTIES_RECORD,
      recordId: id,
      ownerOrganisationIds: [state.ref.hospitalId],
      purpose,
      correlationId: state.ref.caseNumber,
    });
    const [parties, clocks] = await Promise.all([partiesOf(this.runtime.db.query, id), this.disputes.clocks(state.ref.caseNumber)]);
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
      mediation: state.mediation,
      appraisal: state.appraisal,
      liability: state.liability,
      agreement: state.agreement,
      escalationRisk: state.escalationRisk,
      partyOrganisationIds: dispute.partyOrganisationIds,
      parties,
      statistics: disputeOutcomeStatistics(state, this.runtime.clock()),
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
}
