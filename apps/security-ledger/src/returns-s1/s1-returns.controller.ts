import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiSchema, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@pingan/access';
import { SECURITY_LEDGER_CONTEXT } from '@pingan/contracts';
import { InjectRuntime, XLSX_TYPE, returnCsv, returnXlsx, type OfficialReturn, type ServiceRuntime } from '@pingan/platform';
import { IsOptional, Matches } from 'class-validator';
import { SECURITY_LEDGER_ROLES } from '../ledger/ledger.controller.js';
import { S1ReturnQuery } from './s1-returns.query.js';
import { capabilityReturn, policeOfficeReturn, type S1ReturnInput } from './s1-returns.js';

// Unique across services: one OpenAPI document serves them all.
@ApiSchema({ name: 'SecurityLedgerS1ReturnQuery' })
export class S1ReturnQueryDto {
  @ApiPropertyOptional({
    description: '6-digit region code, the caller’s or one below it (default: the caller’s region)',
    example: '500101',
  })
  @IsOptional()
  @Matches(/^\d{6}$/)
  region?: string;
}

const CSV_TYPE = 'text/csv; charset=utf-8';

/** S1 七(一)'s two returns (渝卫发〔2021〕3号 附件1、附件2), as XLSX and CSV, for the ledger's readers. */
@ApiTags('security-ledger')
@ApiBearerAuth()
@Controller('security-ledger/returns-s1')
export class S1ReturnsController {
  constructor(
    private readonly queries: QueryBus,
    @InjectRuntime(SECURITY_LEDGER_CONTEXT) private readonly runtime: ServiceRuntime,
  ) {}

  private async file(
    p: Principal,
    query: S1ReturnQueryDto,
    build: (input: S1ReturnInput) => OfficialReturn,
    name: string,
    format: 'xlsx' | 'csv',
  ): Promise<StreamableFile> {
    const data = (await this.queries.execute(new S1ReturnQuery(p, query.region))) as Omit<S1ReturnInput, 'now'>;
    const report = build({ ...data, now: this.runtime.clock() });
    const disposition = `attachment; filename="${name}-${data.ledger.regionCode}-${data.ledger.asOf}.${format}"`;
    return format === 'xlsx'
      ? new StreamableFile(await returnXlsx(report), { type: XLSX_TYPE, disposition })
      : new StreamableFile(Buffer.from(returnCsv(report), 'utf8'), { type: CSV_TYPE, disposition });
  }

  @Get('capability.xlsx')
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ description: 'An Excel workbook', schema: { type: 'string', format: 'binary' } })
  @Roles(...SECURITY_LEDGER_ROLES.ledger)
  @ApiOperation({
    summary:
      '《医疗机构安全防范能力建设统计表》 (渝卫发〔2021〕3号 附件1) of a region as XLSX: per hospital guards required/present/certified, ' +
      'screening, one-key alarms, video, police office, drills; a 合计 row (police and commissions of that region or above)',
  })
  capabilityXlsx(@CurrentPrincipal() p: Principal, @Query() query: S1ReturnQueryDto) {
    return this.file(p, query, capabilityReturn, 'security-capability', 'xlsx');
  }

  @Get('capability.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'UTF-8 CSV with BOM', schema: { type: 'string' } })
  @Roles(...SECURITY_LEDGER_ROLES.ledger)
  @ApiOperation({ summary: '《医疗机构安全防范能力建设统计表》 as CSV (the same table, title and particulars above it)' })
  capabilityCsv(@CurrentPrincipal() p: Principal, @Query() query: S1ReturnQueryDto) {
    return this.file(p, query, capabilityReturn, 'security-capability', 'csv');
  }

  @Get('police-offices.xlsx')
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ description: 'An Excel workbook', schema: { type: 'string', format: 'binary' } })
  @Roles(...SECURITY_LEDGER_ROLES.ledger)
  @ApiOperation({
    summary:
      '《公安机关驻医院警务室基本情况统计表》 (渝卫发〔2021〕3号 附件2) of a region as XLSX: per police office its hospital and staffing, ' +
      '"1+2+6" met; a 合计 row and the region’s coverage (public grade 二+ all, private grade 二 ≥ 80 %)',
  })
  policeOfficesXlsx(@CurrentPrincipal() p: Principal, @Query() query: S1ReturnQueryDto) {
    return this.file(p, query, policeOfficeReturn, 'police-offices', 'xlsx');
  }

  @Get('police-offices.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'UTF-8 CSV with BOM', schema: { type: 'string' } })
  @Roles(...SECURITY_LEDGER_ROLES.ledger)
  @ApiOperation({ summary: '《公安机关驻医院警务室基本情况统计表》 as CSV (the same table and coverage lines)' })
  policeOfficesCsv(@CurrentPrincipal() p: Principal, @Query() query: S1ReturnQueryDto) {
    return this.file(p, query, policeOfficeReturn, 'police-offices', 'csv');
  }
}
