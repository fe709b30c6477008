import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@pingan/access';
import type { ListedSupervisorKind } from '@pingan/contracts';
import { PoliceCaseService } from '../police-case.service.js';
import { assertIsSupervisor, supervisorKindFor } from './case-access.js';
import { runCaseCommand } from './case-commands.js';
import { ReasonDto, SupervisionDto } from './police-case.dto.js';
import { SUPERVISOR_ROLES } from './roles.js';

/** 挂牌督办 [S0 二(四)3]: put by a superior body over the case's region, lifted by it with a reason. */
@ApiTags('prosecution')
@ApiBearerAuth()
@Controller('police-cases/:caseNumber/supervision')
@Roles(...SUPERVISOR_ROLES)
export class SupervisionController {
  constructor(private readonly cases: PoliceCaseService) {}

  @Post()
  @ApiOperation({
    summary: 'Put the case under listed supervision (station_chief, health_commission_official, political_legal_officer over its region)',
  })
  put(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: SupervisionDto) {
    let supervisorKind: ListedSupervisorKind = 'police';
    return runCaseCommand(
      this.cases,
      p,
      SUPERVISOR_ROLES,
      caseNumber,
      () => ({ type: 'PutUnderListedSupervision', caseNumber, supervisorKind, requirements: dto.requirements, dueAt: dto.dueAt }),
      (loaded) => {
        supervisorKind = supervisorKindFor(p, loaded);
      },
    );
  }

  @Post('removal')
  @ApiOperation({ summary: 'Lift listed supervision, with a reason (the supervising body only)' })
  remove(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: ReasonDto) {
    return runCaseCommand(
      this.cases,
      p,
      SUPERVISOR_ROLES,
      caseNumber,
      () => ({ type: 'RemoveListedSupervision', caseNumber, reason: dto.reason }),
      (loaded) => assertIsSupervisor(p, loaded),
    );
  }
}
