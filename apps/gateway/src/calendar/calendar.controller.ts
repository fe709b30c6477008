import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, actorOf, type Principal } from '@pingan/access';
import { checkCalendarYear } from '@pingan/calendar';
import { calendarStreamId } from '@pingan/contracts';
import { CalendarYearCommandMessage, GetCalendarYearQuery } from './calendar-year.commands.js';
import { YearScheduleDto } from './calendar.dto.js';

/**
 * The working-day calendar over HTTP. A system administrator loads (or corrects) a year's holiday
 * schedule; every load is an event of the `calendar` context, published to every service with
 * clocks, which recompute what they had counted on the law alone. Any signed-in user reads a year.
 */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put(':year')
  @Roles('system_administrator')
  @ApiOperation({ summary: "Load or correct a year's holiday schedule from the State Council's notice (system_administrator)" })
  async load(@Param('year') rawYear: string, @Body() dto: YearScheduleDto, @CurrentPrincipal() principal: Principal) {
    const year = checkCalendarYear(rawYear);
    const decided = await this.commands.execute(
      new CalendarYearCommandMessage({
        streamId: calendarStreamId(year),
        command: { type: 'LoadCalendarYear', data: { schedule: { ...dto }, year } },
        actor: actorOf(principal, 'system_administrator'),
        correlationId: calendarStreamId(year),
      }),
    );
    const latest = decided.state.latest!;
    return { year, version: decided.version, changed: decided.events.length > 0, notice: latest.notice, loadedAt: latest.loadedAt };
  }

  @Get(':year')
  @ApiOperation({ summary: 'Each day of a year (working day, holiday with its name, make-up day), official or provisional, and its loads' })
  year(@Param('year') year: string) {
    return this.queries.execute(new GetCalendarYearQuery(year));
  }
}
