import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query as QueryParams } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageOffset } from '@pingan/platform';
import { CurrentPrincipal, type Principal } from '@pingan/access';
import { AcknowledgeNotificationCommand, ListNotificationsQuery, MarkReadCommand } from './inbox.handlers.js';
import type { NotificationStatus } from './notification-store.js';

export class InboxListQuery {
  @ApiPropertyOptional({ enum: ['unread', 'read', 'acknowledged'] })
  @IsOptional()
  @IsIn(['unread', 'read', 'acknowledged'])
  status?: NotificationStatus;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @PageOffset()
  offset?: number;
}

/** The signed-in user's inbox: everybody has one (what reaches it depends on the rules). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationInboxController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'My notifications, newest first: { items, total, limit, offset }' })
  list(@CurrentPrincipal() principal: Principal, @QueryParams() q: InboxListQuery) {
    return this.queries.execute(new ListNotificationsQuery(principal, q.status, q.limit ?? 50, q.offset ?? 0));
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of my notifications read (for me)' })
  read(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.commands.execute(new MarkReadCommand(principal, id));
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Acknowledge a notification for my organisation: recorded in the case history' })
  acknowledge(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.commands.execute(new AcknowledgeNotificationCommand(principal, id));
  }
}
