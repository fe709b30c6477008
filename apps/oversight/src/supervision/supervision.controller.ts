import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@pingan/access';
import { SUPERVISORS } from '../oversight-access.js';
import { CloseSupervisionDto, StartSupervisionDto, SupervisionListQuery, SupervisionNoteDto } from './supervision.dto.js';
import { SupervisionService } from './supervision.service.js';

@ApiTags('oversight')
@ApiBearerAuth()
@Controller('oversight/supervisions')
export class SupervisionController {
  constructor(private readonly supervisions: SupervisionService) {}

  @Post()
  @Roles(...SUPERVISORS)
  @ApiOperation({ summary: '督办: supervise a case with a due date (commissions, political-legal officers entitled to the case)' })
  start(@CurrentPrincipal() principal: Principal, @Body() dto: StartSupervisionDto) {
    return this.supervisions.start(principal, { caseNumber: dto.caseNumber, dueAt: new Date(dto.dueAt), instructions: dto.instructions });
  }

  @Get()
  @Roles(...SUPERVISORS)
  @ApiOperation({ summary: 'Supervisions of the caller’s region or its own' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: SupervisionListQuery) {
    return this.supervisions.list(principal, query);
  }

  @Get(':id')
  @Roles(...SUPERVISORS)
  @ApiOperation({ summary: 'One supervision with its progress' })
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.supervisions.get(principal, id);
  }

  @Post(':id/progress')
  @Roles(...SUPERVISORS)
  @HttpCode(204)
  @ApiOperation({ summary: 'Record progress (the supervising body)' })
  async progress(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: SupervisionNoteDto) {
    await this.supervisions.change(principal, id, { type: 'RecordSupervisionProgress', note: dto.note });
  }

  @Post(':id/close')
  @Roles(...SUPERVISORS)
  @HttpCode(204)
  @ApiOperation({ summary: 'Close the supervision with a conclusion (the supervising body); stops its clock' })
  async close(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: CloseSupervisionDto) {
    await this.supervisions.change(principal, id, { type: 'CloseSupervision', conclusion: dto.conclusion });
  }
}
