import { Controller, Get, Header, Inject, Query, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@pingan/access';
import { IsOptional, Matches } from 'class-validator';
import { OversightNames } from '../export/names.js';
import { XLSX_TYPE, returnCsv, returnXlsx } from '@pingan/platform';
import { OVERSIGHT_CLOCK } from '../oversight.clock.js';
import { HEALTH_RETURN_READERS, POLICE_RETURN_READERS, STATISTICS_READERS } from '../oversight-access.js';
import { healthMonthlyReturn } from './health-monthly.js';
import { policeMonthlyReturn } from './police-monthly.js';
import { statisticsReturn, type Statistics } from './statistics.js';
import { StatisticsQuery as Figures, HealthMonthlyQuery, PoliceMonthlyQuery } from './statistics.query.js';
import { ApiOkResponse, ApiProduces, ApiSchema } from '@nestjs/swagger';

// Unique across services: one OpenAPI document serves them all.
@ApiSchema({ name: 'OversightStatisticsQuery' })
export class StatisticsQuery {
  @ApiPropertyOptional({ description: 'Asia/Shanghai month, YYYY-MM (default: this month)', example: '2026-11' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}$/)
  month?: string;

  @ApiPropertyOptional({ description: '6-digit region code within the caller’s region (default: the caller’s region)', example: '500101' })
  @IsOptional()
  @Matches(/^\d{6}$/)
  region?: string;
}

@ApiTags('oversight')
@ApiBearerAuth()
@Controller('oversight')
export class StatisticsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly names: OversightNames,
    @Inject(OVERSIGHT_CLOCK) private readonly clock: () => Date,
  ) {}

  private figures(principal: Principal, query: StatisticsQuery): Promise<Statistics> {
    return this.queries.execute(new Figures(principal, query));
  }

  /** The figures as the return the caller's organisation files: hospitals and the unit by name. */
  private async report(principal: Principal, query: StatisticsQuery) {
    const stats = await this.figures(principal, query);
    const names = await this.names.organisations([principal.organisationId, ...Object.keys(stats.incidents?.byHospital ?? {})]);
    return { stats, report: statisticsReturn(stats, { unit: names(principal.organisationId), organisation: names, now: this.clock() }) };
  }

  @Get('statistics')
  @Roles(...STATISTICS_READERS)
  @ApiOperation({
    summary: 'Monthly figures of a region: incidents, response times, deadline compliance, mediation and prosecution outcomes',
  })
  json(@CurrentPrincipal() principal: Principal, @Query() query: StatisticsQuery) {
    return this.figures(principal, query);
  }

  @Get('statistics.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'UTF-8 CSV', schema: { type: 'string' } })
  @Roles(...STATISTICS_READERS)
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'The monthly figures as CSV (UTF-8 with BOM, Chinese headers, the return’s title and period above the table)' })
  async csv(@CurrentPrincipal() principal: Principal, @Query() query: StatisticsQuery) {
    return returnCsv((await this.report(principal, query)).report);
  }

  @Get('statistics.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'An Excel workbook', schema: { type: 'string', format: 'binary' } })
  @Roles(...STATISTICS_READERS)
  @ApiOperation({ summary: 'The monthly figures as an Excel return: title, unit, period, Chinese headers, totals, frozen header' })
  async xlsx(@CurrentPrincipal() principal: Principal, @Query() query: StatisticsQuery) {
    const { stats, report } = await this.report(principal, query);
    return new StreamableFile(await returnXlsx(report), {
      type: XLSX_TYPE,
      disposition: `attachment; filename="statistics-${stats.region}-${stats.month}.xlsx"`,
    });
  }

  /** The health commission's monthly return, hospitals and the issuing unit by name. */
  private async healthMonthly(principal: Principal, query: StatisticsQuery) {
    const data = await this.queries.execute(new HealthMonthlyQuery(principal, query));
    const hospitals = [...data.cases, ...data.clocks, ...data.outcomes].map((r) => r.hospital_id);
    const names = await this.names.organisations([principal.organisationId, ...hospitals]);
    const report = healthMonthlyReturn(
      { month: data.month, region: data.region, unit: names(principal.organisationId), organisation: names, now: this.clock() },
      data.cases,
      data.clocks,
      data.outcomes,
    );
    return { data, report };
  }

  @Get('returns/health-monthly.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'An Excel workbook', schema: { type: 'string', format: 'binary' } })
  @Roles(...HEALTH_RETURN_READERS)
  @ApiOperation({
    summary:
      '医疗机构涉医案事件月度统计表: per hospital, incidents by category, major incidents, 12-hour report compliance, mediation outcomes; a totals row',
  })
  async healthMonthlyXlsx(@CurrentPrincipal() principal: Principal, @Query() query: StatisticsQuery) {
    const { data, report } = await this.healthMonthly(principal, query);
    return new StreamableFile(await returnXlsx(report), {
      type: XLSX_TYPE,
      disposition: `attachment; filename="health-monthly-${data.region}-${data.month}.xlsx"`,
    });
  }

  @Get('returns/health-monthly.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'UTF-8 CSV with BOM', schema: { type: 'string' } })
  @Roles(...HEALTH_RETURN_READERS)
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'The health commission’s monthly return as CSV (the same table, title and period above it)' })
  async healthMonthlyCsv(@CurrentPrincipal() principal: Principal, @Query() query: StatisticsQuery) {
    return returnCsv((await this.healthMonthly(principal, query)).report);
  }

  /** The police monthly return, units and the issuing unit by name. */
  private async policeMonthly(principal: Principal, query: StatisticsQuery) {
    const data = await this.queries.execute(new PoliceMonthlyQuery(principal, query));
    const units = [
      ...data.facts.map((f) => f.unit_id),
      ...Object.values(data.caseUnits),
      ...data.clocks.map((c) => c.responsible_organisation_id),
    ];
    const names = await this.names.organisations([principal.organisationId, ...units]);
    const report = policeMonthlyReturn(
      { month: data.month, region: data.region, unit: names(principal.organisationId), organisation: names, now: this.clock() },
      data.facts,
      data.caseUnits,
      data.clocks,
    );
    return { data, report };
  }

  @Get('returns/police-monthly.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'An Excel workbook', schema: { type: 'string', format: 'binary' } })
  @Roles(...POLICE_RETURN_READERS)
  @ApiOperation({
    summary:
      '公安机关打击涉医违法犯罪专项行动统计表: per police unit, cases accepted by kind and filed, penalties, compulsory measures, arrests, prosecutions, ministry entries on time; a totals row',
  })
  async policeMonthlyXlsx(@CurrentPrincipal() principal: Principal, @Query() query: StatisticsQuery) {
    const { data, report } = await this.policeMonthly(principal, query);
    return new StreamableFile(await returnXlsx(report), {
      type: XLSX_TYPE,
      disposition: `attachment; filename="police-monthly-${data.region}-${data.month}.xlsx"`,
    });
  }

  @Get('returns/police-monthly.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'UTF-8 CSV with BOM', schema: { type: 'string' } })
  @Roles(...POLICE_RETURN_READERS)
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'The police monthly return as CSV (the same table, title and period above it)' })
  async policeMonthlyCsv(@CurrentPrincipal() principal: Principal, @Query() query: StatisticsQuery) {
    return returnCsv((await this.policeMonthly(principal, query)).report);
  }
}
