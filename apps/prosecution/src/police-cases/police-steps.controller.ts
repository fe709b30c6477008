import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@pingan/access';
import type { AdministrativePenalty } from '@pingan/contracts';
import { randomUUID } from 'node:crypto';
import { PoliceCaseService } from '../police-case.service.js';
import { assertCaseAccess } from './case-access.js';
import { runCaseCommand } from './case-commands.js';
import { loadForCaller } from './load-for-caller.js';
import {
  AddNoteDto,
  AddSuspectDto,
  ArrestRequestDto,
  ArrestRequestExtensionDto,
  DecidePenaltyDto,
  EmptyDto,
  ImposeMeasureDto,
  MinistryEntryDto,
  ProgressDto,
  ReasonDto,
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

/** The police's steps on a case in their jurisdiction (police_case_officer, station_chief). */
@ApiTags('prosecution')
@ApiBearerAuth()
@Controller('police-cases/:caseNumber')
@Roles(...POLICE_ROLES)
export class PoliceStepsController {
  constructor(private readonly cases: PoliceCaseService) {}

  private run(principal: Principal, caseNumber: string, build: Parameters<typeof runCaseCommand>[4]) {
    return runCaseCommand(this.cases, principal, POLICE_ROLES, caseNumber, build);
  }

  @Post('filing')
  @ApiOperation({ summary: '立案: file a criminal case' })
  file(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() _dto: EmptyDto) {
    return this.run(p, caseNumber, () => ({ type: 'FileCriminalCase', caseNumber, filingUnitId: p.organisationId }));
  }

  @Post('conversion')
  @ApiOperation({ summary: 'An administrative case turns out to be a crime: convert to criminal' })
  convert(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: ReasonDto) {
    return this.run(p, caseNumber, () => ({ type: 'ConvertToCriminalCase', caseNumber, reason: dto.reason }));
  }

  @Post('suspects')
  @ApiOperation({ summary: 'Add a suspect; the name is kept out of the events (personal data)' })
  async addSuspect(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: AddSuspectDto) {
    const loaded = await loadForCaller(this.cases, p, caseNumber);
    assertCaseAccess(p, loaded, 'write');
    const suspectId = dto.suspectId ?? randomUUID();
    await this.cases.addSuspect(p, POLICE_ROLES, { caseNumber, suspectId, name: dto.name });
    return { caseNumber, suspectId };
  }

  @Post('notes')
  @ApiOperation({ summary: 'Add an investigation note' })
  async addNote(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: AddNoteDto) {
    const noteId = randomUUID();
    const result = await this.run(p, caseNumber, () => ({ type: 'AddInvestigationNote', caseNumber, noteId, text: dto.text }));
    return { ...result, noteId };
  }

  @Post('transfer')
  @ApiOperation({ summary: 'Transfer the case to another police unit' })
  transfer(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: TransferCaseDto) {
    return this.run(p, caseNumber, () => ({ type: 'TransferCase', caseNumber, toUnitId: dto.toUnitId, reason: dto.reason }));
  }

  @Post('penalty-decisions')
  @ApiOperation({ summary: '治安处罚决定: starts the 3-working-day ministry-entry clock [S1 六(二)]' })
  async decidePenalty(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: DecidePenaltyDto) {
    const decisionId = dto.decisionId ?? randomUUID();
    const result = await this.run(p, caseNumber, () => ({
      type: 'DecideAdministrativePenalty',
      caseNumber,
      decisionId,
      suspectId: dto.suspectId,
      penalty: penaltyOf(dto.penalty),
      decidedAt: dto.decidedAt,
      decidingUnitId: p.organisationId,
    }));
    return { ...result, decisionId };
  }

  @Post('compulsory-measures')
  @ApiOperation({ summary: '刑事强制措施: starts the ministry-entry clock; criminal detention also the arrest-request clock' })
  async imposeMeasure(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: ImposeMeasureDto) {
    const measureId = dto.measureId ?? randomUUID();
    const result = await this.run(p, caseNumber, () => ({
      type: 'ImposeCompulsoryMeasure',
      caseNumber,
      measureId,
      suspectId: dto.suspectId,
      measure: dto.measure,
      decidedAt: dto.decidedAt,
      decidingUnitId: p.organisationId,
    }));
    return { ...result, measureId };
  }

  @Post('ministry-entries')
  @ApiOperation({ summary: 'Record the entry in the Ministry of Public Security system: meets the ministry-entry clock' })
  recordEntry(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: MinistryEntryDto) {
    return this.run(p, caseNumber, () => ({
      type: 'RecordMinistrySystemEntry',
      caseNumber,
      decisionId: dto.decisionId,
      referenceNumber: dto.referenceNumber,
    }));
  }

  @Post('arrest-request-extensions')
  @ApiOperation({ summary: 'Extend the 3-day arrest-request period (+1–4 days, or up to 30 days in all for roving/serial/gang suspects)' })
  extendArrestRequest(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: ArrestRequestExtensionDto) {
    return this.run(p, caseNumber, () => ({ type: 'ExtendArrestRequestPeriod', caseNumber, ...dto }));
  }

  @Post('arrest-requests')
  @ApiOperation({ summary: '提请批准逮捕: meets the arrest-request clock, starts the procuratorate’s 7-day clock' })
  async requestArrest(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: ArrestRequestDto) {
    const requestId = dto.requestId ?? randomUUID();
    const result = await this.run(p, caseNumber, () => ({
      type: 'RequestArrestApproval',
      caseNumber,
      requestId,
      suspectId: dto.suspectId,
      procuratorateId: dto.procuratorateId,
    }));
    return { ...result, requestId };
  }

  @Post('prosecution-transfer')
  @ApiOperation({ summary: '移送审查起诉: starts the 1-month prosecution-review clock' })
  transferForProsecution(
    @CurrentPrincipal() p: Principal,
    @Param('caseNumber') caseNumber: string,
    @Body() dto: TransferForProsecutionDto,
  ) {
    return this.run(p, caseNumber, () => ({
      type: 'TransferForProsecution',
      caseNumber,
      suspectIds: dto.suspectIds,
      procuratorateId: dto.procuratorateId,
    }));
  }

  @Post('supervision/progress')
  @ApiOperation({ summary: 'Report progress to the body supervising the case (挂牌督办)' })
  reportProgress(@CurrentPrincipal() p: Principal, @Param('caseNumber') caseNumber: string, @Body() dto: ProgressDto) {
    return this.run(p, caseNumber, () => ({ type: 'ReportSupervisionProgress', caseNumber, report: dto.report }));
  }
}
