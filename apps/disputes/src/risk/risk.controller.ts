import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DISPUTES_CONTEXT } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DisputeRefPipe } from '../dispute-ref.js';
import { CurrentPrincipal, Roles, type Principal } from '@pingan/access';
import { CommandResultDto, ReasonDto } from '../common.dto.js';
import { actOnDispute } from '../commands/act-on-dispute.js';
import { executeDisputeCommand, type DisputeCommandMessage } from '../commands/dispute-command.js';
import { HOSPITAL } from '../disputes.roles.js';
import { FlagRiskDto, RiskReviewDto } from './risk.dto.js';

const FLAGGERS = [...HOSPITAL, 'mediator' as const];

/**
 * Escalation risk [S0 二(二)2]: a flagged dispute is published (DisputeFlaggedAsEscalationRisk) for
 * police and the health commission. Periodic risk reviews of open disputes [S1 四(三)] restart
 * the review clock.
 */
@ApiTags('disputes')
@ApiBearerAuth()
@Controller('disputes/:id/risk')
export class RiskController {
  constructor(
    private readonly commands: CommandBus,
    @InjectRuntime(DISPUTES_CONTEXT) private readonly runtime: ServiceRuntime,
  ) {}

  private act(message: DisputeCommandMessage): Promise<CommandResultDto> {
    return executeDisputeCommand(this.commands, message, this.runtime);
  }

  @Post('flag')
  @Roles(...FLAGGERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Flag as likely to escalate into a public-order or criminal case (hospital_complaints_officer, mediator)' })
  flag(@CurrentPrincipal() p: Principal, @Param('id', DisputeRefPipe) id: string, @Body() dto: FlagRiskDto): Promise<CommandResultDto> {
    return this.act(actOnDispute(p, id, { type: 'FlagEscalationRisk', data: { reasons: dto.reasons } }, FLAGGERS));
  }

  @Post('clear')
  @Roles(...FLAGGERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Clear the escalation-risk flag (hospital_complaints_officer, mediator)' })
  clear(@CurrentPrincipal() p: Principal, @Param('id', DisputeRefPipe) id: string, @Body() dto: ReasonDto): Promise<CommandResultDto> {
    return this.act(actOnDispute(p, id, { type: 'ClearEscalationRisk', data: { reason: dto.reason } }, FLAGGERS));
  }

  @Post('reviews')
  @Roles(...HOSPITAL)
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a periodic risk review (风险研判); restarts the review clock (hospital_complaints_officer)' })
  review(@CurrentPrincipal() p: Principal, @Param('id', DisputeRefPipe) id: string, @Body() dto: RiskReviewDto): Promise<CommandResultDto> {
    return this.act(
      actOnDispute(
        p,
        id,
        { type: 'RecordRiskReview', data: { riskLevel: dto.riskLevel, findings: dto.findings, measures: dto.measures } },
        HOSPITAL,
      ),
    );
  }
}
