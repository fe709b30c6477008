import { Controller, Get, Header, Inject, Param, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@pingan/access';
import { printablePage } from '../export/html.js';
import { OversightNames } from '../export/names.js';
import { OversightFont } from '../export/pdf-font.js';
import { toCsv } from '@pingan/platform';
import { OVERSIGHT_CLOCK } from '../oversight.clock.js';
import { CASE_READERS } from '../oversight-access.js';
import { timelinePdf } from './timeline.pdf.js';
import { TimelineQuery, timelineReport, type Timeline } from './timeline.query.js';

@ApiTags('oversight')
@ApiBearerAuth()
@Controller('cases')
export class TimelineController {
  constructor(
    private readonly queries: QueryBus,
    private readonly names: OversightNames,
    private readonly font: OversightFont,
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

  @Get(':caseNumber/timeline.pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'An A4 landscape PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiServiceUnavailableResponse({
    description: 'OVERSIGHT.FONT_MISSING: the PDF needs the CJK font (fonts-noto-cjk or PDF_FONT)',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
  })
  @Roles(...CASE_READERS)
  @ApiOperation({
    summary:
      'The case timeline as a PDF (CJK font embedded): the incident’s particulars on top, Chinese lines, Beijing times, people by name and role, ' +
      'page numbers; the same entries as the JSON timeline, and how many are not shown',
  })
  async pdf(@CurrentPrincipal() principal: Principal, @Param('caseNumber') caseNumber: string) {
    const report = await this.report(principal, caseNumber);
    const pdf = await timelinePdf(report, this.font.load());
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      // ASCII for old clients, the Chinese title for the rest (RFC 6266 / 5987).
      disposition: `inline; filename="case-timeline-${caseNumber}.pdf"; ` + `filename*=UTF-8''${encodeURIComponent(`${report.title}.pdf`)}`,
    });
  }
}
