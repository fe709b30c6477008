import { Controller, Get, Header, Inject, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@pingan/access';
import { printablePage } from '../export/html.js';
import { OversightNames } from '../export/names.js';
import { toCsv } from '@pingan/platform';
import { OVERSIGHT_CLOCK } from '../oversight.clock.js';
import { CASE_READERS } from '../oversight-access.js';
import { TimelineQuery, timelineReport, type Timeline } from './timeline.query.js';

@ApiTags('oversight')
@ApiBearerAuth()
@Controller('cases')
export class TimelineController {
  constructor(
    private readonly queries: QueryBus,
    private readonly names: OversightNames,
    @Inject(OVERSIGHT_CLOCK) private readonly clock: () => Date,
  ) {}

  private read(principal: Principal, caseNumber: string): Promise<Timeline> {
    return this.queries.execute(new TimelineQuery(principal, caseNumber));
  }

  /** The timeline for people: particulars on top, Chinese lines, organisations by name. */
  private async report(principal: Principal, caseNumber: string) {
    const timeline = await this.read(principal, caseNumber);
    const names = await this.names.organisations([timeline.hospitalId, ...timeline.entries.map((e) => e.actor.organisationId)]);
    return timelineReport(timeline, { organisation: names, now: this.clock() });
  }

  @Get(':caseNumber/timeline')
  @Roles(...CASE_READERS)
  @ApiOperation({
    summary:
      'Every event of the case from every service, in order: only the entries of records the reader may read (its incident, police case, dispute), ' +
      'with `hidden.count` and a sentence saying how many are not shown',
  })
  timeline(@CurrentPrincipal() principal: Principal, @Param('caseNumber') caseNumber: string) {
    return this.read(principal, caseNumber);
  }

  @Get(':caseNumber/timeline.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'UTF-8 CSV', schema: { type: 'string' } })
  @Roles(...CASE_READERS)
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'The case timeline as CSV: the incident’s particulars on top, Chinese lines, Beijing times' })
  async csv(@CurrentPrincipal() principal: Principal, @Param('caseNumber') caseNumber: string) {
    const report = await this.report(principal, caseNumber);
    // Particulars as one-cell lines above the table, as on the printed page.
    return toCsv([[report.title], ...report.particulars.map((p) => [p]), [], report.header, ...report.rows]);
  }

  @Get(':caseNumber/timeline.html')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'A printable page', schema: { type: 'string' } })
  @Roles(...CASE_READERS)
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'The case timeline as a print-ready page' })
  async html(@CurrentPrincipal() principal: Principal, @Param('caseNumber') caseNumber: string) {
    const report = await this.report(principal, caseNumber);
    return printablePage(report.title, report.particulars, report.header, report.rows);
  }
}
