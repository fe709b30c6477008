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
import { DisputeDirectory } from '../dispute-directory.js';
import { HOSPITAL } from '../disputes.roles.js';
import { HandOverDto, ReceiveComplaintDto, RoutesNoticeDto } from './complaints.dto.js';
import { ReceiveComplaintCommand } from './receive-complaint.js';

/** Complaints at the hospital: 首诉负责制 [S1 四(一)] and 多元化解告知 [S3 二(三)]. */
@ApiTags('disputes')
@ApiBearerAuth()
@Controller('disputes')
export class ComplaintsController {
  constructor(
    private readonly commands: CommandBus,
    @InjectRuntime(DISPUTES_CONTEXT) private readonly runtime: ServiceRuntime,
    private readonly directory: DisputeDirectory,
  ) {}

  private act(message: DisputeCommandMessage): Promise<CommandResultDto> {
    return executeDisputeCommand(this.commands, message, this.runtime);
  }

  @Post()
  @Roles(...HOSPITAL)
  @ApiOperation({
    summary:
      'Receive a complaint: the receiver owns it (首诉负责制); opens a dispute of the caller’s hospital (hospital_complaints_officer)',
  })
  async receive(@CurrentPrincipal() principal: Principal, @Body() dto: ReceiveComplaintDto): Promise<CommandResultDto> {
    // The commission over the hospital supervises the risk-review clock: the directory's, not the caller's, to say.
    const supervisingOrganisationId = await this.directory.complaintSupervisor(principal, dto.supervisingOrganisationId);
    return this.commands.execute(
      new ReceiveComplaintCommand(principal, {
        summary: dto.summary,
        parties: dto.parties.map((p) => ({ name: p.name, relation: p.relation, contact: p.contact ?? null })),
        claims: dto.claims.map((c) => ({
          kind: c.kind,
          description: c.description,
          ...(c.amountFen === undefined ? {} : { amountFen: c.amountFen }),
        })),
        supervisingOrganisationId,
      }),
    );
  }

  @Post(':id/handover')
  @Roles(...HOSPITAL)
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand the dispute over to another officer, with a reason; only the owner may (hospital_complaints_officer)' })
  async handOver(
    @CurrentPrincipal() principal: Principal,
    @Param('id', DisputeRefPipe) id: string,
    @Body() dto: HandOverDto,
  ): Promise<CommandResultDto> {
    const organisationId =
      dto.toOrganisationId === undefined ? principal.organisationId : await this.directory.handoverOrganisation(dto.toOrganisationId);
    return this.act(
      actOnDispute(
        principal,
        id,
        {
          type: 'HandOverDispute',
          data: { to: { userId: dto.toUserId, organisationId }, reason: dto.reason },
        },
        HOSPITAL,
      ),
    );
  }

  @Post(':id/routes-notice')
  @Roles(...HOSPITAL)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record that the patient side was told the routes, methods and procedure (多元化解告知) (hospital_complaints_officer)',
  })
  notice(
    @CurrentPrincipal() principal: Principal,
    @Param('id', DisputeRefPipe) id: string,
    @Body() dto: RoutesNoticeDto,
  ): Promise<CommandResultDto> {
    return this.act(
      actOnDispute(
        principal,
        id,
        { type: 'NotifyResolutionRoutes', data: { routes: dto.routes, method: dto.method, note: dto.note ?? '' } },
        HOSPITAL,
      ),
    );
  }
}
