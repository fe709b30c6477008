import { PROSECUTION_CONTEXT } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@pingan/access';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandInput } from '@pingan/platform';
import type { PoliceCaseCommand } from '../domain/police-case.commands.js';
import { CaseDirectory } from './case-directory.js';
import { actOnCase, recorded } from './commands/act-on-case.js';
import {
  ArrestDecisionDto,
  ArrestReceiptDto,
  DesignateProsecutorDto,
  IndictDto,
  NonProsecutionDto,
  ReviewExtensionDto,
  SupplementaryInvestigationDto,
} from './police-case.dto.js';
import { PROCURATORATE_ROLES } from './roles.js';

/** The procuratorate's steps, on cases that went to it (prosecutor). */
@ApiTags('prosecution')
@ApiBearerAuth()
@Controller('police-cases/:caseNumber')
@Roles(...PROCURATORATE_ROLES)
export class ProcuratorateController {
  constructor(
    private readonly commands: CommandBus,
    @InjectRuntime(PROSECUTION_CONTEXT) private readonly runtime: ServiceRuntime,
    private readonly directory: CaseDirectory,
  ) {}

  private run(principal: Principal, caseNumber: string, input: CommandInput<PoliceCaseCommand>, occurredAt?: string) {
    // The instant it happened, when stated (checked by the pipeline: not in the future, not before the case).
    const extra = occurredAt === undefined ? {} : { occurredAt: { field: 'occurredAt', at: new Date(occurredAt) } };
    return recorded(this.commands, actOnCase(principal, PROCURATORATE_ROLES, caseNumber, input, undefined, extra), this.runtime);
  }

  @Post('arrest-request-receipt')
  @ApiOperation({
    summary: '收到提请批准逮捕书 by the procuratorate the request went to: starts its 7-day (held) or 15-day (at liberty) clock',
  })
  receiveArrestRequest(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: ArrestReceiptDto) {
    return this.run(p, caseNumber, { type: 'RecordArrestRequestReceipt', data: { caseNumber, suspectId: dto.suspectId } }, dto.occurredAt);
  }

  @Post('arrest-decisions')
  @ApiOperation({ summary: '批准逮捕 / 不批准逮捕 by the procuratorate the request went to, after its receipt: meets the decision clock' })
  decideArrest(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: ArrestDecisionDto) {
    const { occurredAt, ...data } = dto;
    return this.run(p, caseNumber, { type: 'DecideArrestApproval', data: { caseNumber, ...data } }, occurredAt);
  }

  @Post('designated-prosecutor')
  @ApiOperation({ summary: '指定专人负责: designate a prosecutor for a major case [S0 二(四)3]' })
  designate(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: DesignateProsecutorDto) {
    return this.run(p, caseNumber, { type: 'DesignateProsecutor', data: { caseNumber, ...dto } });
  }

  @Post('review-extension')
  @ApiOperation({ summary: 'Extend the prosecution review by 15 days (major or complex case)' })
  extendReview(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: ReviewExtensionDto) {
    const { occurredAt, ...extension } = dto;
    return this.run(p, caseNumber, { type: 'ExtendProsecutionReview', data: { caseNumber, ...extension } }, occurredAt);
  }

  @Post('supplementary-investigation')
  @ApiOperation({
    summary: '退回补充侦查 (CPL art. 175, at most twice): meets the review clock, starts the police’s one-month clock',
  })
  returnForSupplementaryInvestigation(
    @CurrentPrincipal() p: Principal,
    @Param('caseNumber') caseNumber: string,
    @Body() dto: SupplementaryInvestigationDto,
  ) {
    return this.run(
      p,
      caseNumber,
      { type: 'ReturnForSupplementaryInvestigation', data: { caseNumber, reason: dto.reason } },
      dto.occurredAt,
    );
  }

  @Post('indictment')
  @ApiOperation({ summary: '提起公诉 to a court' })
  async indict(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: IndictDto) {
    const { occurredAt, ...data } = dto;
    const courtId = await this.directory.unit(dto.courtId, 'courtId', 'court');
    return this.run(p, caseNumber, { type: 'Indict', data: { caseNumber, ...data, courtId } }, occurredAt);
  }

  @Post('non-prosecution')
  @ApiOperation({ summary: '不起诉' })
  notProsecute(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: NonProsecutionDto) {
    const { occurredAt, ...data } = dto;
    return this.run(p, caseNumber, { type: 'DecideNotToProsecute', data: { caseNumber, ...data } }, occurredAt);
  }
}
