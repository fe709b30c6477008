import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiPropertyOptional,
  ApiSchema,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@pingan/access';
import { IsIn, IsOptional } from 'class-validator';
import { reportFormHtml } from './report-form.html.js';
import { ReportFormFont } from './report-form.font.js';
import { reportFormPdf } from './report-form.pdf.js';
import { GetReportFormQuery } from './report-form.query.js';
import type { ReportForm } from './report-form.js';

export const REPORT_FORMATS = ['html', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

@ApiSchema({ name: 'IncidentReportFormQuery' })
export class ReportFormQuery {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, description: 'html (default): a print-ready A4 page; pdf: the same form as a PDF' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}

/** A file name for the download: ASCII for old clients, the Chinese title for the rest (RFC 6266 / 5987). */
const disposition = (kind: 'inline' | 'attachment', form: ReportForm, extension: string) =>
  `${kind}; filename="incident-report-form-${form.caseNumber}.${extension}"; ` +
  `filename*=UTF-8''${encodeURIComponent(`${form.title}-${form.caseNumber}.${extension}`)}`;

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('incidents')
export class ReportFormController {
  constructor(
    private readonly queries: QueryBus,
    private readonly font: ReportFormFont,
  ) {}

  // No role list: whoever may read the incident may print its form (the read's policy decides).
  @Get(':caseNumber/report-form')
  @ApiOperation({
    summary:
      'The incident report form (涉医案事件信息报送表): reporting unit, time (Beijing), place, parties and behaviour, casualties by grade, ' +
      'police response against the arrival limit, measures taken, each reporting level and its acknowledgement, the signature line. ' +
      'Same access as reading the incident; PDF with an embedded CJK font (503 REPORT_FORM.FONT_MISSING when the server lacks it)',
  })
  @ApiProduces('text/html', 'application/pdf')
  @ApiOkResponse({
    description: 'The form as a page or a PDF',
    content: {
      'text/html': { schema: { type: 'string' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiServiceUnavailableResponse({
    description: 'REPORT_FORM.FONT_MISSING: the PDF needs the CJK font (fonts-noto-cjk or REPORT_FORM_FONT)',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
  })
  async reportForm(@CurrentPrincipal() principal: Principal, @Param('caseNumber') caseNumber: string, @Query() query: ReportFormQuery) {
    const form: ReportForm = await this.queries.execute(new GetReportFormQuery(principal, caseNumber));
    if (query.format === 'pdf') {
      const pdf = await reportFormPdf(form, this.font.load());
      return new StreamableFile(pdf, { type: 'application/pdf', disposition: disposition('inline', form, 'pdf') });
    }
    return new StreamableFile(Buffer.from(reportFormHtml(form), 'utf8'), {
      type: 'text/html; charset=utf-8',
      disposition: disposition('inline', form, 'html'),
    });
  }
}
