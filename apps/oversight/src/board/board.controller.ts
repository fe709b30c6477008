import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@pingan/access';
import { CASE_READERS } from '../oversight-access.js';
import { BoardQuery } from './board.dto.js';
import { BoardService } from './board.service.js';

@ApiTags('oversight')
@ApiBearerAuth()
@Controller('oversight')
export class BoardController {
  constructor(private readonly board: BoardService) {}

  @Get('deadlines')
  @Roles(...CASE_READERS)
  @ApiOperation({
    summary: 'The deadline board: every clock across services (region oversight, or clocks the caller answers for or supervises)',
  })
  list(@CurrentPrincipal() principal: Principal, @Query() query: BoardQuery) {
    return this.board.list(principal, query);
  }
}
