import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@pingan/access';
import { CommandResultDto } from '../common.dto.js';
import { DisputeService } from '../dispute.service.js';
import { HOSPITAL } from '../disputes.roles.js';
import { HandOverDto, ReceiveComplaintDto, RoutesNoticeDto } from './complaints.dto.js';

/** Complaints at the hospital: 首诉负责制 [S1 四(一)] and 多元化解告知 [S3 二(三)]. */
@ApiTags('disputes')
@ApiBearerAuth()
@Controller('disputes')
export class ComplaintsController {
  constructor(private readonly disputes: DisputeService) {}

  @Post()
  @Roles(...HOSPITAL)
  @ApiOperation({
    summary:
      'Receive a complaint: the receiver owns it (首诉负责制); opens a dispute of the caller’s hospital (hospital_complaints_officer)',
  })
  receive(@CurrentPrincipal() principal: Principal, @Body() dto: ReceiveComplaintDto): Promise<CommandResultDto> {
    return this.disputes.receiveComplaint(principal, {
      summary: dto.summary,
      parties: dto.parties.map((p) => ({ name: p.name, relation: p.relation, contact: p.contact ?? null })),
      claims: dto.claims.map((c) => ({
        kind: c.kind,
        description: c.description,
        ...(c.amountFen === undefined ? {} : { amountFen: c.amountFen }),
      })),
      supervisingOrganisationId: dto.supervisingOrganisationId ?? null,
    });
  }

  @Post(':id/handover')
  @Roles(...HOSPITAL)
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand the dispute over to another officer, with a reason; only the owner may (hospital_complaints_officer)' })
  handOver(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: HandOverDto,
  ): Promise<CommandResultDto> {
    return this.disputes.act(
      principal,
      id,
      {
        type: 'HandOverDispute',
        to: { userId: dto.toUserId, organisationId: dto.toOrganisationId ?? principal.organisationId },
        reason: dto.reason,
      },
      HOSPITAL,
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
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RoutesNoticeDto,
  ): Promise<CommandResultDto> {
    return this.disputes.act(
      principal,
      id,
      { type: 'NotifyResolutionRoutes', routes: dto.routes, method: dto.method, note: dto.note ?? '' },
      HOSPITAL,
    );
  }
}
