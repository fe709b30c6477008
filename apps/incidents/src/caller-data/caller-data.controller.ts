import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@pingan/access';
import { IsInt, Max, Min } from 'class-validator';
import {
  CallerRetention,
  DEFAULT_CALLER_RETENTION_DAYS,
  MAX_CALLER_RETENTION_DAYS,
  MIN_CALLER_RETENTION_DAYS,
  type CallerRetentionSetting,
} from './caller-retention.js';

export class CallerDataRetentionDto {
  @ApiProperty({
    minimum: MIN_CALLER_RETENTION_DAYS,
    maximum: MAX_CALLER_RETENTION_DAYS,
    example: DEFAULT_CALLER_RETENTION_DAYS,
    description: 'days after an incident is closed until its 110 caller’s name and phone are erased',
  })
  @IsInt()
  @Min(MIN_CALLER_RETENTION_DAYS)
  @Max(MAX_CALLER_RETENTION_DAYS)
  days!: number;
}

/** The retention of 110 callers' details: a system administrator's setting (docs/incidents.md). */
@ApiTags('incidents')
@ApiBearerAuth()
@Controller('incidents/settings/caller-data-retention')
export class CallerDataController {
  constructor(private readonly retention: CallerRetention) {}

  @Get()
  @Roles('system_administrator')
  @ApiOperation({ summary: `How long 110 callers' details are kept after closing (default ${DEFAULT_CALLER_RETENTION_DAYS} days)` })
  get(): Promise<CallerRetentionSetting> {
    return this.retention.setting();
  }

  @Put()
  @Roles('system_administrator')
  @ApiOperation({ summary: "Set how long 110 callers' details are kept after closing; the hourly sweep erases them after that (system_administrator)" })
  set(@Body() dto: CallerDataRetentionDto, @CurrentPrincipal() principal: Principal): Promise<CallerRetentionSetting> {
    return this.retention.set(dto.days, principal);
  }

  @Post('sweep')
  @HttpCode(200)
  @Roles('system_administrator')
  @ApiOperation({ summary: 'Erase now the callers whose retention has run out (the hourly sweep, on demand): { erased: case numbers }' })
  async sweep(): Promise<{ erased: string[] }> {
    return { erased: await this.retention.sweep() };
  }
}
