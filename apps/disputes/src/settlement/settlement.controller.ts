import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DISPUTES_CONTEXT } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DisputeRefPipe } from '../dispute-ref.js';
import { CurrentPrincipal, Roles, type Principal } from '@pingan/access';
import { AgreementDto, CommandResultDto, NoteDto } from '../common.dto.js';
import { actOnDispute } from '../commands/act-on-dispute.js';
import { executeDisputeCommand, type DisputeCommandMessage } from '../commands/dispute-command.js';
import { DisputeDirectory } from '../dispute-directory.js';
import { HOSPITAL } from '../disputes.roles.js';
import { CloseDto, JudicialConfirmationDto, LitigationDto, PaymentDto } from './settlement.dto.js';

const CONFIRMERS = [...HOSPITAL, 'mediator' as const];

/** How a dispute ends: negotiation, judicial confirmation of a mediation agreement, lawsuit, payment, closing. */
@ApiTags('disputes')
@ApiBearerAuth()
@Controller('disputes/:id')
export class SettlementController {
  constructor(
    private readonly commands: CommandBus,
    @InjectRuntime(DISPUTES_CONTEXT) private readonly runtime: ServiceRuntime,
    private readonly directory: DisputeDirectory,
  ) {}

  private act(message: DisputeCommandMessage): Promise<CommandResultDto> {
    return executeDisputeCommand(this.commands, message, this.runtime);
  }

  @Post('settlement')
  @Roles(...HOSPITAL)
  @HttpCode(200)
  @ApiOperation({ summary: 'Negotiated settlement (协商和解); money only after liability is determined (hospital_complaints_officer)' })
  settle(@CurrentPrincipal() p: Principal, @Param('id', DisputeRefPipe) id: string, @Body() dto: AgreementDto): Promise<CommandResultDto> {
    return this.act(
      actOnDispute(
        p,
        id,
        {
          type: 'RecordNegotiatedSettlement',
          data: {
            agreementId: dto.agreementId ?? randomUUID(),
            terms: dto.terms,
            compensation: dto.compensation.map((c) => ({ head: c.head, amountFen: c.amountFen })),
          },
        },
        HOSPITAL,
        dto,
      ),
    );
  }

  @Post('agreement/judicial-confirmation')
  @Roles(...CONFIRMERS)
  @HttpCode(200)
  @ApiOperation({ summary: "司法确认 of a people's mediation agreement (hospital_complaints_officer, mediator)" })
  async confirm(
    @CurrentPrincipal() p: Principal,
    @Param('id', DisputeRefPipe) id: string,
    @Body() dto: JudicialConfirmationDto,
  ): Promise<CommandResultDto> {
    const courtId = await this.directory.court(dto.courtId);
    return this.act(
      actOnDispute(p, id, { type: 'ConfirmAgreementJudicially', data: { courtId, rulingReference: dto.rulingReference } }, CONFIRMERS, dto),
    );
  }

  @Post('agreement/performance')
  @Roles(...HOSPITAL)
  @HttpCode(200)
  @ApiOperation({ summary: 'The agreement has been performed (all agreed compensation paid) (hospital_complaints_officer)' })
  perform(@CurrentPrincipal() p: Principal, @Param('id', DisputeRefPipe) id: string, @Body() dto: NoteDto): Promise<CommandResultDto> {
    return this.act(actOnDispute(p, id, { type: 'RecordAgreementPerformed', data: { note: dto.note ?? '' } }, HOSPITAL));
  }

  @Post('litigation')
  @Roles(...HOSPITAL)
  @HttpCode(200)
  @ApiOperation({ summary: 'A lawsuit was filed (诉讼) (hospital_complaints_officer)' })
  async litigate(
    @CurrentPrincipal() p: Principal,
    @Param('id', DisputeRefPipe) id: string,
    @Body() dto: LitigationDto,
  ): Promise<CommandResultDto> {
    const courtId = await this.directory.court(dto.courtId);
    return this.act(actOnDispute(p, id, { type: 'FileLitigation', data: { courtId, reference: dto.reference } }, HOSPITAL, dto));
  }

  @Post('payments')
  @Roles(...HOSPITAL)
  @HttpCode(200)
  @ApiOperation({ summary: 'Compensation paid under the agreement; never before liability is determined (hospital_complaints_officer)' })
  async pay(@CurrentPrincipal() p: Principal, @Param('id', DisputeRefPipe) id: string, @Body() dto: PaymentDto) {
    const paymentId = randomUUID();
    const result = await this.act(
      actOnDispute(
        p,
        id,
        { type: 'RecordCompensationPayment', data: { paymentId, amountFen: dto.amountFen, payer: dto.payer } },
        HOSPITAL,
        dto,
      ),
    );
    return { ...result, paymentId };
  }

  @Post('close')
  @Roles(...HOSPITAL)
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the dispute with its outcome (hospital_complaints_officer)' })
  close(@CurrentPrincipal() p: Principal, @Param('id', DisputeRefPipe) id: string, @Body() dto: CloseDto): Promise<CommandResultDto> {
    return this.act(actOnDispute(p, id, { type: 'CloseDispute', data: { outcome: dto.outcome, note: dto.note ?? '' } }, HOSPITAL));
  }
}
