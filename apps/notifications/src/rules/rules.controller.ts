import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query as QueryParams } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { CurrentPrincipal, ROLES, Roles, isRegionCode, regionContains, type Principal, type Role } from '@pingan/access';
import { NOTIFICATIONS_CONTEXT } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { NotificationError } from '../domain/notifications.errors.js';
import {
  NOTIFICATION_RULES,
  UNIT_SELECTORS,
  URGENCIES,
  ruleById,
  type RuleOverride,
  type UnitSelector,
  type Urgency,
} from '../domain/rules.js';
import { ruleBook } from './rule-book.js';

export class AddresseeDto {
  @ApiProperty({ enum: UNIT_SELECTORS })
  @IsIn(UNIT_SELECTORS)
  unit!: UnitSelector;

  @ApiPropertyOptional({ enum: ROLES, isArray: true, description: 'Only members holding one of these roles; none: everybody in the unit' })
  @IsOptional()
  @IsArray()
  @IsIn(ROLES, { each: true })
  roles?: Role[];
}

export class EscalationDto {
  @ApiProperty({ minimum: 1, maximum: 1440 })
  @IsInt()
  @Min(1)
  @Max(1440)
  afterMinutes!: number;

  @ApiProperty({ type: [AddresseeDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => AddresseeDto)
  to!: AddresseeDto[];
}

export class RuleOverrideDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ enum: URGENCIES })
  @IsOptional()
  @IsIn(URGENCIES)
  urgency?: Urgency;

  @ApiPropertyOptional({ type: [AddresseeDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => AddresseeDto)
  addressees?: AddresseeDto[];

  @ApiPropertyOptional({ type: EscalationDto, nullable: true, description: 'null: no escalation in this region' })
  @IsOptional()
  @ValidateIf((o: RuleOverrideDto) => o.escalation !== null)
  @ValidateNested()
  @Type(() => EscalationDto)
  escalation?: EscalationDto | null;
}

export class RulesQuery {
  @ApiPropertyOptional({ description: 'Show the rules as they apply in this region (6 digits)' })
  @IsOptional()
  @Matches(/^\d{6}$/)
  region?: string;
}

/** The rules table (code) and the regional overrides administrators set on it. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications/rules')
export class RulesController {
  constructor(@InjectRuntime(NOTIFICATIONS_CONTEXT) private readonly runtime: ServiceRuntime) {}

  @Get()
  @ApiOperation({ summary: 'Who is told what: every rule, as it applies in `region` if given, and the overrides' })
  async list(@QueryParams() q: RulesQuery) {
    const query = this.runtime.db.query;
    const rules = await Promise.all(NOTIFICATION_RULES.map((rule) => ruleBook.effective(query, rule, q.region ?? null)));
    return { region: q.region ?? null, rules, overrides: await ruleBook.overrides(query) };
  }

  @Put(':ruleId/regions/:regionCode')
  @Roles('system_administrator')
  @ApiOperation({ summary: 'Override a rule for a region within the administrator’s own (the most specific region wins)' })
  async put(
    @CurrentPrincipal() principal: Principal,
    @Param('ruleId') ruleId: string,
    @Param('regionCode') regionCode: string,
    @Body() body: RuleOverrideDto,
  ) {
    const rule = this.check(principal, ruleId, regionCode);
    const override = JSON.parse(JSON.stringify(body)) as RuleOverride; // the DTO as plain data
    await ruleBook.put(this.runtime.db.query, rule.id, regionCode, override, principal.userId, this.runtime.clock());
    return ruleBook.effective(this.runtime.db.query, rule, regionCode);
  }

  @Delete(':ruleId/regions/:regionCode')
  @Roles('system_administrator')
  @HttpCode(200)
  @ApiOperation({ summary: 'Remove a region’s override: the rule applies there as the next region up (or the table) has it' })
  async remove(@CurrentPrincipal() principal: Principal, @Param('ruleId') ruleId: string, @Param('regionCode') regionCode: string) {
    const rule = this.check(principal, ruleId, regionCode);
    await ruleBook.remove(this.runtime.db.query, rule.id, regionCode);
    return ruleBook.effective(this.runtime.db.query, rule, regionCode);
  }

  private check(principal: Principal, ruleId: string, regionCode: string) {
    const rule = ruleById(ruleId);
    if (!rule) throw new NotificationError('NOTIFICATION.UNKNOWN_RULE', `No rule ${ruleId}`);
    if (!isRegionCode(regionCode)) {
      throw new NotificationError('NOTIFICATION.INVALID_REGION', 'Not a 6-digit region code', {
        errors: [{ field: 'regionCode', code: 'invalid', message: 'a 6-digit region code (行政区划代码)' }],
      });
    }
    if (!regionContains(principal.organisationRegion, regionCode)) {
      throw new NotificationError('NOTIFICATION.REGION_OUTSIDE_YOURS', 'You administer another region');
    }
    return rule;
  }
}
