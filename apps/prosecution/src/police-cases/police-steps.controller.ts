import { PROSECUTION_CONTEXT } from '@pingan/contracts';
import { InjectRuntime, checkOccurredAt, occurredAtBounds, type ServiceRuntime } from '@pingan/platform';
import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@pingan/access';
import type { AdministrativePenalty, ProsecutionEvent } from '@pingan/contracts';
import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { SuspectIdentities } from '../read-models/suspect-identities.js';
import type { CommandInput } from '@pingan/platform';
import type { PoliceCaseCommand } from '../domain/police-case.commands.js';
import { CaseDirectory } from './case-directory.js';
import { actOnCase, recorded, stated } from './commands/act-on-case.js';
import {
  AddNoteDto,
  AddSuspectDto,
  ArrestRequestDto,
  ArrestRequestExtensionDto,
  CasePeriodExtensionDto,
  DecidePenaltyDto,
  ConversionDto,
  ImposeMeasureDto,
  MinistryEntryDto,
  ProgressDto,
  PublicSecurityMediationDto,
  ResubmissionDto,
  StepDto,
  TransferCaseDto,
  TransferForProsecutionDto,
} from './police-case.dto.js';
import { POLICE_ROLES } from './roles.js';

function penaltyOf(dto: DecidePenaltyDto['penalty']): AdministrativePenalty {
  switch (dto.kind) {
    case 'fine':
      return { kind: 'fine', amountYuan: dto.amountYuan! };
    case 'administrative_detention':
      return { kind: 'administrative_detention', days: dto.days! };
    default:
      return { kind: 'warning' };
  }
}

/** When the suspect was added: its name is recorded as of then. */
function addedAt(events: readonly ProsecutionEvent[]): Date {
  const added = events.find((e) => e.type === 'SuspectAdded');
  return new Date(added!.data.addedAt);
}

/** The police's steps on a case in their jurisdiction (police_case_officer, station_chief). */
@ApiTags('prosecution')
@ApiBearerAuth()
@Controller('police-cases/:caseNumber')
@Roles(...POLICE_ROLES)
export class PoliceStepsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly identities: SuspectIdentities,
    @InjectRuntime(PROSECUTION_CONTEXT) private readonly runtime: ServiceRuntime,
    private readonly directory: CaseDirectory,
  ) {}

  private readonly bounds = occurredAtBounds();

  /**
   * A decision's date, bounded as every stated instant (not in the future beyond the skew, not
   * absurdly old; 422 naming decidedAt). Not against the case's opening: a decision dated before
   * the case was accepted here meets its period at the start (see the 治安案件 period).
   */
  private decidedAt(at: Date): Date {
    return checkOccurredAt({ field: 'decidedAt', at }, this.runtime.clock(), null, this.bounds);
  }

  private run(principal: Principal, caseNumber: string, input: CommandInput<PoliceCaseCommand>, extra?: Parameters<typeof actOnCase>[5]) {
    return recorded(this.commands, actOnCase(principal, POLICE_ROLES, caseNumber, input, undefined, extra), this.runtime);
  }

  @Post('filing')
  @ApiOperation({ summary: '立案: file a criminal case' })
  file(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: StepDto) {
    return this.run(
      p,
      caseNumber,
      { type: 'FileCriminalCase', data: { caseNumber, filingUnitId: p.organisationId } },
      stated(dto.occurredAt),
    );
  }

  @Post('conversion')
  @ApiOperation({ summary: 'An administrative case turns out to be a crime: convert to criminal' })
  convert(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: ConversionDto) {
    return this.run(p, caseNumber, { type: 'ConvertToCriminalCase', data: { caseNumber, reason: dto.reason } }, stated(dto.occurredAt));
  }

  @Post('suspects')
  @ApiOperation({ summary: 'Add a suspect; the name is kept out of the events (personal data)' })
  async addSuspect(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: AddSuspectDto) {
    const suspectId = dto.suspectId ?? randomUUID();
    // The event (no name) and the name (service-local) commit together.
    const result = await this.run(
      p,
      caseNumber,
      { type: 'AddSuspect', data: { caseNumber, suspectId, name: dto.name } },
      {
        inTransaction: (query, { events }) =>
          this.identities.record(query, { caseNumber, suspectId, name: dto.name, recordedAt: addedAt(events) }),
      },
    );
    return { ...result, suspectId };
  }

  @Post('notes')
  @ApiOperation({ summary: 'Add an investigation note' })
  async addNote(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: AddNoteDto) {
    const noteId = randomUUID();
    const result = await this.run(p, caseNumber, { type: 'AddInvestigationNote', data: { caseNumber, noteId, text: dto.text } });
    return { ...result, noteId };
  }

  @Post('transfer')
  @ApiOperation({ summary: 'Transfer the case to another police unit' })
  async transfer(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: TransferCaseDto) {
    const toUnitId = await this.directory.unit(dto.toUnitId, 'toUnitId', 'police');
    return this.run(p, caseNumber, { type: 'TransferCase', data: { caseNumber, toUnitId, reason: dto.reason } }, stated(dto.occurredAt));
  }

  @Post('penalty-decisions')
  @ApiOperation({ summary: '治安处罚决定: starts the 3-working-day ministry-entry clock [S1 六(二)]' })
  async decidePenalty(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: DecidePenaltyDto) {
    const decisionId = dto.decisionId ?? randomUUID();
    const result = await this.run(p, caseNumber, {
      type: 'DecideAdministrativePenalty',
      data: {
        caseNumber,
        decisionId,
        suspectId: dto.suspectId,
        penalty: penaltyOf(dto.penalty),
        decidedAt: this.decidedAt(dto.decidedAt),
        decidingUnitId: p.organisationId,
      },
    });
    return { ...result, decisionId };
  }

  @Post('compulsory-measures')
  @ApiOperation({ summary: '刑事强制措施: starts the ministry-entry clock; criminal detention also the arrest-request clock' })
  async imposeMeasure(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: ImposeMeasureDto) {
    const measureId = dto.measureId ?? randomUUID();
    const result = await this.run(p, caseNumber, {
      type: 'ImposeCompulsoryMeasure',
      data: {
        caseNumber,
        measureId,
        suspectId: dto.suspectId,
        measure: dto.measure,
        decidedAt: this.decidedAt(dto.decidedAt),
        decidingUnitId: p.organisationId,
      },
    });
    // decisionId too: the one name the ministry entry (POST …/ministry-entries) takes for a penalty or a measure.
    return { ...result, measureId, decisionId: measureId };
  }

  @Post('ministry-entries')
  @ApiOperation({ summary: 'Record the entry in the Ministry of Public Security system: meets the ministry-entry clock' })
  recordEntry(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: MinistryEntryDto) {
    return this.run(
      p,
      caseNumber,
      { type: 'RecordMinistrySystemEntry', data: { caseNumber, decisionId: dto.decisionId, referenceNumber: dto.referenceNumber } },
      stated(dto.occurredAt),
    );
  }

  @Post('arrest-request-extensions')
  @ApiOperation({ summary: 'Extend the 3-day arrest-request period (+1–4 days, or up to 30 days in all for roving/serial/gang suspects)' })
  extendArrestRequest(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: ArrestRequestExtensionDto) {
    const { occurredAt, ...extension } = dto;
    return this.run(p, caseNumber, { type: 'ExtendArrestRequestPeriod', data: { caseNumber, ...extension } }, stated(occurredAt));
  }

  @Post('arrest-requests')
  @ApiOperation({ summary: '提请批准逮捕: meets the arrest-request clock; the procuratorate’s clock starts with its receipt' })
  async requestArrest(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: ArrestRequestDto) {
    const requestId = dto.requestId ?? randomUUID();
    const procuratorateId = await this.directory.unit(dto.procuratorateId, 'procuratorateId', 'procuratorate');
    const result = await this.run(
      p,
      caseNumber,
      { type: 'RequestArrestApproval', data: { caseNumber, requestId, suspectId: dto.suspectId, procuratorateId } },
      stated(dto.occurredAt),
    );
    return { ...result, requestId };
  }

  @Post('prosecution-transfer')
  @ApiOperation({ summary: '移送审查起诉: starts the 1-month prosecution-review clock' })
  async transferForProsecution(
    @CurrentPrincipal() p: Principal,
    @Param('caseNumber') caseNumber: string,
    @Body() dto: TransferForProsecutionDto,
  ) {
    const procuratorateId = await this.directory.unit(dto.procuratorateId, 'procuratorateId', 'procuratorate');
    return this.run(
      p,
      caseNumber,
      { type: 'TransferForProsecution', data: { caseNumber, suspectIds: dto.suspectIds, procuratorateId } },
      // The review's one month counts from the stated transfer, not from its entry.
      stated(dto.occurredAt),
    );
  }

  @Post('prosecution-resubmission')
  @ApiOperation({
    summary: '补充侦查完毕重新移送: meets the police’s one-month clock; the review period restarts (CPL art. 175)',
  })
  resubmitForProsecution(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: ResubmissionDto) {
    return this.run(p, caseNumber, { type: 'ResubmitForProsecution', data: { caseNumber } }, stated(dto.occurredAt));
  }

  @Post('case-period-extensions')
  @ApiOperation({ summary: '治安案件: extend the 30-day case period once by 30 days, with the superior organ’s approval' })
  async extendCasePeriod(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: CasePeriodExtensionDto) {
    const { occurredAt, ...extension } = dto;
    const approvingUnitId = await this.directory.unit(dto.approvingUnitId, 'approvingUnitId', 'police');
    return this.run(
      p,
      caseNumber,
      { type: 'ExtendPublicSecurityCasePeriod', data: { caseNumber, ...extension, approvingUnitId } },
      stated(occurredAt),
    );
  }

  @Post('public-security-mediations')
  @ApiOperation({
    summary:
      '治安调解: an agreement meets the case period; a failure leaves the case open for a penalty decision. Not before the disturbance is stopped',
  })
  async recordMediation(
    @CurrentPrincipal() p: Principal,
    @Param('caseNumber') caseNumber: string,
    @Body() dto: PublicSecurityMediationDto,
  ) {
    const mediationId = dto.mediationId ?? randomUUID();
    const result = await this.run(
      p,
      caseNumber,
      { type: 'RecordPublicSecurityMediation', data: { caseNumber, mediationId, outcome: dto.outcome, note: dto.note ?? null } },
      stated(dto.occurredAt),
    );
    return { ...result, mediationId };
  }

  @Post('supervision/progress')
  @ApiOperation({ summary: 'Report progress to the body supervising the case (挂牌督办)' })
  reportProgress(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: ProgressDto) {
    return this.run(p, caseNumber, { type: 'ReportSupervisionProgress', data: { caseNumber, report: dto.report } });
  }
}
