import { PROSECUTION_CONTEXT } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@pingan/access';
import type { CriminalSentence } from '@pingan/contracts';
import { CommandBus } from '@nestjs/cqrs';
import { actOnCase, recorded, stated } from './commands/act-on-case.js';
import { assertCanRecordFinal } from './case-access.js';
import { AppealDto, StepDto, VerdictDto } from './police-case.dto.js';
import { COURT_ROLES } from './roles.js';

const sentenceOf = (dto: VerdictDto): CriminalSentence | null => (dto.sentence ? { ...dto.sentence } : null);

/** The court's steps, on cases indicted to it (judge); after an appeal, the appeal court records the final judgement. */
@ApiTags('prosecution')
@ApiBearerAuth()
@Controller('police-cases/:caseNumber')
@Roles(...COURT_ROLES)
export class CourtController {
  constructor(
    private readonly commands: CommandBus,
    @InjectRuntime(PROSECUTION_CONTEXT) private readonly runtime: ServiceRuntime,
  ) {}

  @Post('trial')
  @ApiOperation({ summary: 'Start the first-instance trial of the defendants indicted to this court' })
  startTrial(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: StepDto) {
    return recorded(
      this.commands,
      actOnCase(p, COURT_ROLES, caseNumber, { type: 'StartFirstInstanceTrial', data: { caseNumber } }, undefined, stated(dto.occurredAt)),
      this.runtime,
    );
  }

  @Post('verdicts')
  @ApiOperation({ summary: 'First-instance verdict on one defendant' })
  verdict(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: VerdictDto) {
    return recorded(
      this.commands,
      actOnCase(
        p,
        COURT_ROLES,
        caseNumber,
        {
          type: 'DeliverFirstInstanceVerdict',
          data: { caseNumber, suspectId: dto.suspectId, verdict: dto.verdict, sentence: sentenceOf(dto), decisionKind: dto.decisionKind },
        },
        undefined,
        stated(dto.occurredAt),
      ),
      this.runtime,
    );
  }

  @Post('appeals')
  @ApiOperation({ summary: 'Record an appeal (上诉) or a protest (抗诉) against a first-instance verdict' })
  appeal(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: AppealDto) {
    return recorded(
      this.commands,
      actOnCase(
        p,
        COURT_ROLES,
        caseNumber,
        { type: 'FileAppeal', data: { caseNumber, suspectId: dto.suspectId, appellant: dto.appellant } },
        undefined,
        stated(dto.occurredAt),
      ),
      this.runtime,
    );
  }

  @Post('final-judgement')
  @ApiOperation({ summary: 'Final judgement: the unappealed first-instance verdict, or the appeal court’s judgement' })
  final(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: VerdictDto) {
    return recorded(
      this.commands,
      actOnCase(
        p,
        COURT_ROLES,
        caseNumber,
        { type: 'RecordFinalJudgement', data: { caseNumber, suspectId: dto.suspectId, verdict: dto.verdict, sentence: sentenceOf(dto) } },
        (loaded) => assertCanRecordFinal(p, loaded, dto.suspectId),
        stated(dto.occurredAt),
      ),
      this.runtime,
    );
  }
}
