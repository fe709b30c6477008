import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DISPUTES_CONTEXT } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DisputeRefPipe } from '../dispute-ref.js';
import { CurrentPrincipal, Roles, type Principal } from '@pingan/access';
import { AgreementDto, CommandResultDto, RefusalDto } from '../common.dto.js';
import { actOnDispute } from '../commands/act-on-dispute.js';
import { executeDisputeCommand, type DisputeCommandMessage } from '../commands/dispute-command.js';
import { DisputeDirectory } from '../dispute-directory.js';
import { HOSPITAL, MEDIATORS } from '../disputes.roles.js';
import { AcceptanceDto, ExtensionDto, FailureDto, ReferralDto, SessionDto } from './mediation.dto.js';

/**
 * People's mediation (人民调解, a 医调委: role mediator) and administrative mediation (行政调解,
 * a health commission: health_commission_official). The hospital refers; only the organisation
 * it referred to accepts and mediates (the policy makes it a party; the decider checks it is the mediator).
 */
@ApiTags('disputes')
@ApiBearerAuth()
@Controller('disputes/:id/mediation')
export class MediationController {
  constructor(
    private readonly commands: CommandBus,
    @InjectRuntime(DISPUTES_CONTEXT) private readonly runtime: ServiceRuntime,
    private readonly directory: DisputeDirectory,
  ) {}

  private act(message: DisputeCommandMessage): Promise<CommandResultDto> {
    return executeDisputeCommand(this.commands, message, this.runtime);
  }

  @Post('referral')
  @Roles(...HOSPITAL)
  @HttpCode(200)
  @ApiOperation({ summary: 'Refer to mediation: after the routes notice, never during a disturbance (hospital_complaints_officer)' })
  async refer(
    @CurrentPrincipal() p: Principal,
    @Param('id', DisputeRefPipe) id: string,
    @Body() dto: ReferralDto,
  ): Promise<CommandResultDto> {
    // A 医调委 for people's mediation, a commission for administrative; the body over it supervises the acceptance clock.
    const mediator = await this.directory.mediator(dto.kind, dto.mediatorOrganisationId);
    return this.act(actOnDispute(p, id, { type: 'ReferToMediation', data: { kind: dto.kind, ...mediator } }, HOSPITAL));
  }

  @Post('refusal')
  @Roles(...HOSPITAL)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The patient side refuses mediation: the answer lists the routes that remain (negotiation, the other mediation, litigation) (hospital_complaints_officer)',
  })
  refuse(@CurrentPrincipal() p: Principal, @Param('id', DisputeRefPipe) id: string, @Body() dto: RefusalDto): Promise<CommandResultDto> {
    return this.act(actOnDispute(p, id, { type: 'RecordMediationRefused', data: { reason: dto.reason, kind: dto.kind } }, HOSPITAL));
  }

  @Post('acceptance')
  @Roles(...MEDIATORS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept the referral: the 30-working-day clock starts (mediator; health_commission_official for 行政调解)' })
  async accept(
    @CurrentPrincipal() p: Principal,
    @Param('id', DisputeRefPipe) id: string,
    @Body() dto: AcceptanceDto,
  ): Promise<CommandResultDto> {
    const supervisingOrganisationId = await this.directory.acceptingMediatorSupervisor(p, dto.supervisingOrganisationId);
    return this.act(actOnDispute(p, id, { type: 'AcceptMediation', data: { supervisingOrganisationId } }, MEDIATORS, dto));
  }

  @Post('sessions')
  @Roles(...MEDIATORS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a mediation session (mediator, health_commission_official)' })
  session(@CurrentPrincipal() p: Principal, @Param('id', DisputeRefPipe) id: string, @Body() dto: SessionDto): Promise<CommandResultDto> {
    return this.act(
      actOnDispute(
        p,
        id,
        {
          type: 'RecordMediationSession',
          data: {
            sessionId: randomUUID(),
            heldAt: new Date(dto.heldAt),
            attendees: dto.attendees.map((a) => ({ name: a.name, side: a.side })),
            notes: dto.notes ?? '',
          },
        },
        MEDIATORS,
        { occurredAt: dto.heldAt },
        'heldAt',
      ),
    );
  }

  @Post('extension')
  @Roles('mediator')
  @HttpCode(200)
  @ApiOperation({ summary: "Extend a people's mediation the parties agreed to extend: the clock's due date moves (mediator)" })
  extend(@CurrentPrincipal() p: Principal, @Param('id', DisputeRefPipe) id: string, @Body() dto: ExtensionDto): Promise<CommandResultDto> {
    return this.act(
      actOnDispute(p, id, { type: 'ExtendMediation', data: { workingDays: dto.workingDays, reason: dto.reason, consent: dto.consent } }, [
        'mediator',
      ]),
    );
  }

  @Post('agreement')
  @Roles(...MEDIATORS)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record the mediation agreement (调解协议); money only after liability is determined (mediator, health_commission_official)',
  })
  agree(@CurrentPrincipal() p: Principal, @Param('id', DisputeRefPipe) id: string, @Body() dto: AgreementDto): Promise<CommandResultDto> {
    return this.act(
      actOnDispute(
        p,
        id,
        {
          type: 'RecordMediationAgreement',
          data: {
            agreementId: dto.agreementId ?? randomUUID(),
            terms: dto.terms,
            compensation: dto.compensation.map((c) => ({ head: c.head, amountFen: c.amountFen })),
          },
        },
        MEDIATORS,
        dto,
      ),
    );
  }

  @Post('failure')
  @Roles(...MEDIATORS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Mediation failed (调解不成) (mediator, health_commission_official)' })
  fail(@CurrentPrincipal() p: Principal, @Param('id', DisputeRefPipe) id: string, @Body() dto: FailureDto): Promise<CommandResultDto> {
    return this.act(actOnDispute(p, id, { type: 'FailMediation', data: { reason: dto.reason, note: dto.note ?? '' } }, MEDIATORS, dto));
  }
}
