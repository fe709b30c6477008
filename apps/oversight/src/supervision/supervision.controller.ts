import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@pingan/access';
import { SUPERVISORS } from '../oversight-access.js';
import { StartSupervisionCommand } from './commands/start-supervision.js';
import { changeSupervision } from './commands/supervision-use-cases.js';
import { GetSupervisionQuery, ListSupervisionsQuery } from './queries/supervisions.js';
import { CloseSupervisionDto, StartSupervisionDto, SupervisionListQuery, SupervisionNoteDto } from './supervision.dto.js';

/** 督办 over HTTP. Thin: roles here; commands on the CommandBus (who may, in commands/; rules in the decider), reads on the QueryBus. */
@ApiTags('oversight')
@ApiBearerAuth()
@Controller('oversight/supervisions')
export class SupervisionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles(...SUPERVISORS)
  @ApiOperation({ summary: '督办: supervise a case with a due date (commissions, political-legal officers entitled to the case)' })
  start(@CurrentPrincipal() principal: Principal, @Body() dto: StartSupervisionDto) {
    return this.commands.execute(
      new StartSupervisionCommand(principal, { caseNumber: dto.caseNumber, dueAt: new Date(dto.dueAt), instructions: dto.instructions }),
    );
  }

  @Get()
  @Roles(...SUPERVISORS)
  @ApiOperation({ summary: 'Supervisions of the caller’s region or its own' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: SupervisionListQuery) {
    return this.queries.execute(new ListSupervisionsQuery(principal, query));
  }

  @Get(':id')
  @Roles(...SUPERVISORS)
  @ApiOperation({ summary: 'One supervision with its progress' })
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.queries.execute(new GetSupervisionQuery(principal, id));
  }

  @Post(':id/progress')
  @Roles(...SUPERVISORS)
  @HttpCode(204)
  @ApiOperation({ summary: 'Record progress (the supervising body)' })
  async progress(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: SupervisionNoteDto) {
    await this.commands.execute(changeSupervision(principal, id, { type: 'RecordSupervisionProgress', data: { note: dto.note } }));
  }

  @Post(':id/close')
  @Roles(...SUPERVISORS)
  @HttpCode(204)
  @ApiOperation({ summary: 'Close the supervision with a conclusion (the supervising body); stops its clock' })
  async close(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: CloseSupervisionDto) {
    await this.commands.execute(changeSupervision(principal, id, { type: 'CloseSupervision', data: { conclusion: dto.conclusion } }));
  }
}
