import { Body, Controller, Get, Param, Post, Put, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, POLICE_ROLES, Roles, type Principal, type Role } from '@pingan/access';
import { SECURITY_LEDGER_CONTEXT, type AssessmentSheet } from '@pingan/contracts';
import { InjectRuntime, XLSX_TYPE, returnXlsx, type ServiceRuntime } from '@pingan/platform';
import { AssessmentSheetDto, RecordAssessmentDto } from './assessment.dto.js';
import { RecordAssessmentCommand } from './commands/record-assessment.js';
import { SetAssessmentSheetCommand } from './commands/set-sheet.js';
import { assessmentReturn, type AssessmentView } from './export/assessment-return.js';
import { GetAssessmentQuery } from './queries/get-assessment.js';
import { GetAssessmentSheetQuery } from './queries/get-sheet.js';

export const ASSESSMENT_ROLES = {
  setSheet: ['health_commission_official', 'system_administrator'] as Role[],
  readSheet: ['health_commission_official', 'hospital_security_officer', 'system_administrator', ...POLICE_ROLES] as Role[],
  assess: ['health_commission_official'] as Role[],
  read: ['health_commission_official', ...POLICE_ROLES] as Role[],
};

/** The sheet as stored: plain objects, not the DTO classes. */
const sheetOf = (dto: AssessmentSheetDto): AssessmentSheet => ({
  title: dto.title,
  total: dto.total,
  items: (dto.items ?? []).map((i) => ({ id: i.id, kind: i.kind, title: i.title, points: i.points, source: i.source ?? null })),
  bands: (dto.bands ?? []).map((b) => ({ grade: b.grade, minScore: b.minScore })),
});

/** The annual 平安医院 assessment (考评) over HTTP: the region's scoring sheet, and the assessments recorded with it. */
@ApiTags('security-ledger')
@ApiBearerAuth()
@Controller('security-ledger')
export class AssessmentController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @InjectRuntime(SECURITY_LEDGER_CONTEXT) private readonly runtime: ServiceRuntime,
  ) {}

  @Get('assessment-sheets/:region')
  @Roles(...ASSESSMENT_ROLES.readSheet)
  @ApiOperation({
    summary:
      'The scoring sheet a region is assessed by: its own, else the nearest region above it with one, else the default (origin says whose)',
  })
  sheet(@CurrentPrincipal() p: Principal, @Param('region') region: string) {
    return this.queries.execute(new GetAssessmentSheetQuery(p, region));
  }

  @Put('assessment-sheets/:region')
  @Roles(...ASSESSMENT_ROLES.setSheet)
  @ApiOperation({
    summary:
      'Set a region’s scoring sheet (the commission for its region or one below it; a system administrator for any): items with kind and points ≥ 0, ' +
      'the stated total they add up to, optional grade bands. Answers { regionCode, version, changed }.',
  })
  setSheet(@CurrentPrincipal() p: Principal, @Param('region') region: string, @Body() dto: AssessmentSheetDto) {
    return this.commands.execute(new SetAssessmentSheetCommand(p, region, sheetOf(dto)));
  }

  @Post('assessments')
  @Roles(...ASSESSMENT_ROLES.assess)
  @ApiOperation({
    summary:
      'Record the year’s 平安医院 assessment of a region (a health commission, its own region or one below): every hospital’s score per item and total ' +
      'from the profiles as they stand, with the region’s sheet, and a grade where the sheet has bands. Answers { assessmentId, year, regionCode, hospitals }.',
  })
  record(@CurrentPrincipal() p: Principal, @Body() dto: RecordAssessmentDto) {
    return this.commands.execute(new RecordAssessmentCommand(p, dto.year, dto.region));
  }

  @Get('assessments/:assessmentId.xlsx')
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ description: 'An Excel workbook', schema: { type: 'string', format: 'binary' } })
  @Roles(...ASSESSMENT_ROLES.read)
  @ApiOperation({
    summary: 'An assessment as XLSX: Chinese headers, hospital and region names, each item’s score, total, grade; a 合计 row',
  })
  async xlsx(@CurrentPrincipal() p: Principal, @Param('assessmentId') assessmentId: string) {
    const a = (await this.queries.execute(new GetAssessmentQuery(p, assessmentId))) as AssessmentView;
    return new StreamableFile(await returnXlsx(assessmentReturn(a, this.runtime.clock())), {
      type: XLSX_TYPE,
      disposition: `attachment; filename="security-assessment-${a.regionCode}-${a.year}.xlsx"`,
    });
  }

  @Get('assessments/:assessmentId')
  @Roles(...ASSESSMENT_ROLES.read)
  @ApiOperation({
    summary:
      'A recorded assessment: the sheet used, each hospital’s scores per item, total and grade (police and commissions of the region or above)',
  })
  assessment(@CurrentPrincipal() p: Principal, @Param('assessmentId') assessmentId: string) {
    return this.queries.execute(new GetAssessmentQuery(p, assessmentId));
  }
}
