import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@pingan/access';
import { CASE_READERS } from '../oversight-access.js';
import { BoardQuery } from './board.dto.js';
import { ListDeadlinesQuery } from './list-deadlines.query.js';

@ApiTags('oversight')
@ApiBearerAuth()
@Controller('oversight')
export class BoardController {
  constructor(private readonly queries: QueryBus) {}

  @Get('deadlines')
  @Roles(...CASE_READERS)
  @ApiOperation({
    summary:
      'The deadline board: every clock across services (region oversight, or clocks the caller answers for or supervises): ' +
      '{ items, total, limit, offset }, soonest due first. unit (or body): answers for or supervises; from/to: due; q: case number, rule; ' +
      'awaitingMe: running clocks the caller answers for.',
  })
  list(@CurrentPrincipal() principal: Principal, @Query() query: BoardQuery) {
    return this.queries.execute(new ListDeadlinesQuery(principal, query));
  }
}
