import { Controller, Get, Header, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@pingan/access';
import { shanghaiDateTimeOf } from '@pingan/contracts';
import { toCsv } from '../export/csv.js';
import { printablePage } from '../export/html.js';
import { CASE_READERS } from '../oversight-access.js';
import { TIMELINE_COLUMNS, TimelineQuery, timelineRows, type Timeline } from './timeline.query.js';

@ApiTags('oversight')
@ApiBearerAuth()
@Controller('cases')
export class TimelineController {
  constructor(private readonly queries: QueryBus) {}

  private read(principal: Principal, caseNumber: string): Promise<Timeline> {
    return this.queries.execute(new TimelineQuery(principal, caseNumber));
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
  @ApiOperation({ summary: 'The case timeline as CSV' })
  async csv(@CurrentPrincipal() principal: Principal, @Param('caseNumber') caseNumber: string) {
    const timeline = await this.read(principal, caseNumber);
    return toCsv(TIMELINE_COLUMNS, timelineRows(timeline));
  }

  @Get(':caseNumber/timeline.html')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'A printable page', schema: { type: 'string' } })
  @Roles(...CASE_READERS)
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'The case timeline as a print-ready page' })
  async html(@CurrentPrincipal() principal: Principal, @Param('caseNumber') caseNumber: string) {
    const timeline = await this.read(principal, caseNumber);
    return printablePage(
      `案件时间线 Case timeline ${timeline.caseNumber}`,
      `区划 Region ${timeline.regionCode ?? '—'} · 时间为北京时间 (Asia/Shanghai) · ${timeline.entries.length} 条` +
        (timeline.hidden.message ? ` · ${timeline.hidden.message}` : ''),
      ['发生时间 Occurred', '记录时间 Recorded', '来源 Service', '事件 Event', '操作者 Actor'],
      timeline.entries.map((e) => [
        shanghaiDateTimeOf(new Date(e.occurredAt)),
        shanghaiDateTimeOf(new Date(e.recordedAt)),
        e.context,
        e.summary,
        `${e.actor.role} · ${e.actor.organisationId}`,
      ]),
    );
  }
}
