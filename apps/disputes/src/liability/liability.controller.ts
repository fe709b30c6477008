import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DISPUTES_CONTEXT } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DisputeRefPipe } from '../dispute-ref.js';
import { CurrentPrincipal, Roles, type Principal } from '@pingan/access';
import { CommandResultDto } from '../common.dto.js';
import { actOnDispute } from '../commands/act-on-dispute.js';
import { executeDisputeCommand, type DisputeCommandMessage } from '../commands/dispute-command.js';
import { HOSPITAL_OR_MEDIATORS } from '../disputes.roles.js';
import { AppraisalRequestDto, AppraisalResultDto, LiabilityAgreementDto } from './liability.dto.js';

/**
 * Liability (责任认定): by a technical appraisal or agreed by the parties. No money before it
 * [S3 二(三)]. An appraisal pauses a running mediation clock: its time does not count (条例 第38条).
 */
@ApiTags('disputes')
@ApiBearerAuth()
@Controller('disputes/:id')
export class LiabilityController {
  constructor(
    private readonly commands: CommandBus,
    @InjectRuntime(DISPUTES_CONTEXT) private readonly runtime: ServiceRuntime,
  ) {}

  private act(message: DisputeCommandMessage): Promise<CommandResultDto> {
    return executeDisputeCommand(this.commands, message, this.runtime);
  }

  @Post('appraisals')
  @Roles(...HOSPITAL_OR_MEDIATORS)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Request a technical appraisal; pauses the mediation clock (hospital_complaints_officer, mediator, health_commission_official)',
  })
  async request(@CurrentPrincipal() p: Principal, @Param('id', DisputeRefPipe) id: string, @Body() dto: AppraisalRequestDto) {
    const appraisalId = randomUUID();
    const result = await this.act(
      actOnDispute(
        p,
        id,
        { type: 'RequestAppraisal', data: { appraisalId, kind: dto.kind, appraiser: dto.appraiser } },
        HOSPITAL_OR_MEDIATORS,
        dto,
      ),
    );
    return { ...result, appraisalId };
  }

  @Post('appraisals/:appraisalId/result')
  @Roles(...HOSPITAL_OR_MEDIATORS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the appraisal result; resumes the mediation clock; a conclusion determines liability' })
  result(
    @CurrentPrincipal() p: Principal,
    @Param('id', DisputeRefPipe) id: string,
    @Param('appraisalId') appraisalId: string,
    @Body() dto: AppraisalResultDto,
  ): Promise<CommandResultDto> {
    return this.act(
      actOnDispute(
        p,
        id,
        {
          type: 'RecordAppraisalResult',
          data: {
            appraisalId,
            reportReference: dto.reportReference,
            result:
              dto.outcome === 'concluded'
                ? { outcome: 'concluded', liability: { responsibility: dto.liability!.responsibility, summary: dto.liability!.summary } }
                : { outcome: 'terminated', reason: dto.terminationReason! },
          },
        },
        HOSPITAL_OR_MEDIATORS,
        dto,
      ),
    );
  }

  @Post('liability-agreement')
  @Roles(...HOSPITAL_OR_MEDIATORS)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Liability the parties agree on without an appraisal (hospital_complaints_officer, mediator, health_commission_official)',
  })
  agree(
    @CurrentPrincipal() p: Principal,
    @Param('id', DisputeRefPipe) id: string,
    @Body() dto: LiabilityAgreementDto,
  ): Promise<CommandResultDto> {
    return this.act(
      actOnDispute(
        p,
        id,
        {
          type: 'RecordLiabilityAgreement',
          data: { liability: { responsibility: dto.liability.responsibility, summary: dto.liability.summary } },
        },
        HOSPITAL_OR_MEDIATORS,
        dto,
      ),
    );
  }
}
