import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessPurpose, CurrentPrincipal, Roles, type Principal } from '@pingan/access';
import { DisputeRefPipe } from '../dispute-ref.js';
import { pageWindow } from '@pingan/platform';
import { READERS } from '../disputes.roles.js';
import { DisputeStatisticsQuery } from './queries/dispute-statistics.js';
import { GetDisputeQuery } from './queries/get-dispute.js';
import { ListDisputesQuery as ListDisputes } from './queries/list-disputes.js';
import { ListDisputesQuery, StatisticsQuery } from './reads.dto.js';

/**
 * Reads, on the QueryBus. Lists are filtered by the policy's `readScope` (own hospital, disputes
 * referred to the caller, a commission's region); one dispute is checked with the policy on its
 * state; its parties' personal data is audited (ReadAudit) before it is returned.
 */
@ApiTags('disputes')
@ApiBearerAuth()
@Controller('disputes')
export class DisputesReadController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary:
      'Disputes the caller may see: its hospital’s, those referred to it, its region’s (commissions) (hospital_complaints_officer, mediator, health_commission_official): ' +
      '{ items, total, limit, offset }. unit: the hospital or an organisation it was referred to; from/to: when it was opened; q: case number, summary; ' +
      'awaitingMe: the hospital, open and not with a mediator; a mediator, referred to it and not yet agreed or failed.',
  })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListDisputesQuery) {
    return this.queries.execute(
      new ListDisputes(principal, {
        status: query.status,
        hospitalId: query.hospitalId,
        regionCode: query.regionCode,
        unit: query.unit,
        from: query.from,
        to: query.to,
        q: query.q,
        awaitingMe: query.awaitingMe,
        ...pageWindow(query, 50),
      }),
    );
  }

  @Get('statistics')
  @Roles('health_commission_official')
  @ApiOperation({ summary: 'Outcome statistics by opening month and region, within the commission’s region (health_commission_official)' })
  statistics(@CurrentPrincipal() principal: Principal, @Query() query: StatisticsQuery) {
    return this.queries.execute(new DisputeStatisticsQuery(principal, query.regionCode, { from: query.from, to: query.to }));
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One dispute: state, parties (audited read: say why in x-access-purpose), full history and clocks' })
  get(@CurrentPrincipal() principal: Principal, @Param('id', DisputeRefPipe) id: string, @AccessPurpose() purpose: string | undefined) {
    return this.queries.execute(new GetDisputeQuery(principal, id, purpose));
  }
}
