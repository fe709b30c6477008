import { PROSECUTION_CONTEXT } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@pingan/access';
import { CommandBus } from '@nestjs/cqrs';
import { actOnCase, recorded } from './commands/act-on-case.js';
import { assertIsSupervisor, supervisorKindFor } from './case-access.js';
import type { LoadedCase } from './loaded-case.js';
import { ReasonDto, SupervisionDto } from './police-case.dto.js';
import { SUPERVISOR_ROLES } from './roles.js';

/** 挂牌督办 [S0 二(四)3]: put by a superior body over the case's region, lifted by it with a reason. */
@ApiTags('prosecution')
@ApiBearerAuth()
@Controller('police-cases/:caseNumber/supervision')
@Roles(...SUPERVISOR_ROLES)
export class SupervisionController {
  constructor(
    private readonly commands: CommandBus,
    @InjectRuntime(PROSECUTION_CONTEXT) private readonly runtime: ServiceRuntime,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Put the case under listed supervision (station_chief, health_commission_official, political_legal_officer over its region)',
  })
  put(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: SupervisionDto) {
    // Not write access: the supervising body is a superior one over the case's region, of its kind.
    const input = (loaded: LoadedCase) => ({
      type: 'PutUnderListedSupervision' as const,
      data: { caseNumber, supervisorKind: supervisorKindFor(p, loaded), requirements: dto.requirements, dueAt: dto.dueAt },
    });
    return recorded(
      this.commands,
      actOnCase(p, SUPERVISOR_ROLES, caseNumber, input, (loaded) => void supervisorKindFor(p, loaded)),
      this.runtime,
    );
  }

  @Post('removal')
  @ApiOperation({ summary: 'Lift listed supervision, with a reason (the supervising body only)' })
  remove(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: ReasonDto) {
    return recorded(
      this.commands,
      actOnCase(p, SUPERVISOR_ROLES, caseNumber, { type: 'RemoveListedSupervision', data: { caseNumber, reason: dto.reason } }, (loaded) =>
        assertIsSupervisor(p, loaded),
      ),
      this.runtime,
    );
  }
}
