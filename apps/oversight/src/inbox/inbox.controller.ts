import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@pingan/access';
import { ListQueryDto, pageWindow } from '@pingan/platform';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { SUPERVISORS } from '../oversight-access.js';
import { ListInboxQuery, type InboxStatus } from './list-inbox.query.js';

const STATUSES = ['awaiting_acknowledgement', 'acknowledged', 'forwarded'] as const;

export class InboxQuery extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['mine', 'region'], default: 'mine' })
  @IsOptional()
  @IsIn(['mine', 'region'])
  scope?: 'mine' | 'region';

  @ApiPropertyOptional({ description: 'Comma-separated: awaiting_acknowledgement (default), acknowledged, forwarded' })
  @IsOptional()
  @Matches(/^(awaiting_acknowledgement|acknowledged|forwarded)(,(awaiting_acknowledgement|acknowledged|forwarded))*$/)
  status?: string;
}

@ApiTags('oversight')
@ApiBearerAuth()
@Controller('oversight')
export class InboxController {
  constructor(private readonly queries: QueryBus) {}

  @Get('inbox')
  @Roles(...SUPERVISORS)
  @ApiOperation({
    summary:
      'Escalations (信息报送) waiting for the caller’s body, and since when (commissions, political-legal officers): { items, total, limit, offset }. ' +
      'unit: the hospital; from/to: reached the level; q: case number; awaitingMe: addressed to the caller’s own body and not acknowledged.',
  })
  list(@CurrentPrincipal() principal: Principal, @Query() query: InboxQuery) {
    const awaiting = query.awaitingMe === true;
    const statuses = (
      awaiting ? ['awaiting_acknowledgement'] : (query.status?.split(',') ?? ['awaiting_acknowledgement'])
    ) as InboxStatus[];
    return this.queries.execute(
      new ListInboxQuery(
        principal,
        awaiting ? 'mine' : (query.scope ?? 'mine'),
        statuses.filter((s) => (STATUSES as readonly string[]).includes(s)),
        { unit: query.unit, from: query.from, to: query.to, q: query.q, ...pageWindow(query) },
      ),
    );
  }
}
