import { randomUUID } from 'node:crypto';
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query as QueryParams } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { CurrentPrincipal, Roles, isRegionCode, regionContains, regionPrefix, type Principal } from '@pingan/access';
import { NOTIFICATIONS_CONTEXT } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { directoryOver } from '../directory/directory.js';
import { NotificationError } from '../domain/notifications.errors.js';
import { URGENCIES, type Urgency } from '../domain/rules.js';
import { SCHEMA } from '../inbox/notification-store.js';
import { CHANNEL_KINDS, type ChannelKind } from './channel.js';
import { OUTBOUND_CHANNELS } from './channels.js';
import { SecretBox } from './secret-box.js';

export class NewChannelDto {
  @ApiProperty()
  @IsString()
  @Length(1, 100)
  organisationId!: string;

  @ApiProperty({ enum: CHANNEL_KINDS })
  @IsIn(CHANNEL_KINDS)
  kind!: ChannelKind;

  @ApiProperty({ example: '保卫处值班群' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ enum: URGENCIES, default: 'normal', description: 'Only notifications at least this urgent' })
  @IsOptional()
  @IsIn(URGENCIES)
  minUrgency?: Urgency;

  @ApiProperty({ description: 'Non-secret settings of the kind (docs/notifications.md)', example: { url: 'https://example.org/hook' } })
  @IsObject()
  settings!: Record<string, unknown>;

  @ApiProperty({ description: 'Secrets of the kind: stored encrypted, never shown again', example: { signingSecret: '…' } })
  @IsObject()
  secrets!: Record<string, string>;
}

export class DeliveriesQuery {
  @ApiPropertyOptional({ enum: ['pending', 'delivered', 'dead'] })
  @IsOptional()
  @IsIn(['pending', 'delivered', 'dead'])
  status?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

interface ChannelRow {
  channelId: string;
  organisationId: string;
  regionCode: string;
  kind: ChannelKind;
  name: string;
  minUrgency: Urgency;
  settings: Record<string, unknown>;
  secretNames: string[];
  enabled: boolean;
  createdAt: string;
}

const CHANNEL_COLUMNS = `channel_id AS "channelId", organisation_id AS "organisationId", region_code AS "regionCode", kind, name,
  min_urgency AS "minUrgency", settings, enabled, created_at AS "createdAt"`;

/** Administrators configure each organisation's outbound channels and read the delivery log, within their region. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class ChannelsController {
  constructor(
    @InjectRuntime(NOTIFICATIONS_CONTEXT) private readonly runtime: ServiceRuntime,
    @Inject(SecretBox) private readonly secrets: SecretBox,
  ) {}

  @Post('channels')
  @Roles('system_administrator')
  @HttpCode(201)
  @ApiOperation({ summary: 'Configure an outbound channel for an organisation (webhook, 企业微信, 钉钉, email, SMS)' })
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: NewChannelDto): Promise<ChannelRow> {
    const organisation = await directoryOver(this.runtime.db.query, SCHEMA).organisation(dto.organisationId);
    if (!organisation) {
      throw new NotificationError('NOTIFICATION.UNKNOWN_ORGANISATION', 'No such organisation in the directory', {
        errors: [{ field: 'organisationId', code: 'unknown', message: 'not in the directory' }],
      });
    }
    if (!regionContains(principal.organisationRegion, organisation.regionCode)) {
      throw new NotificationError('NOTIFICATION.REGION_OUTSIDE_YOURS', 'You administer another region');
    }
    const secrets = Object.fromEntries(Object.entries(dto.secrets).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    const problem = OUTBOUND_CHANNELS[dto.kind].check(dto.settings, secrets);
    if (problem) {
      const [field] = problem.split(':');
      throw new NotificationError('NOTIFICATION.INVALID_CHANNEL', `The ${dto.kind} channel is not complete`, {
        errors: [{ field, code: 'invalid', message: problem }],
      });
    }
    const channelId = randomUUID();
    await this.runtime.db.query(
      `INSERT INTO ${SCHEMA}.channels (channel_id, organisation_id, region_code, kind, name, min_urgency, settings, sealed_secrets, enabled, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true, $9, $10)`,
      [
        channelId,
        organisation.organisationId,
        organisation.regionCode,
        dto.kind,
        dto.name,
        dto.minUrgency ?? 'normal',
        JSON.stringify(dto.settings),
        this.secrets.seal(channelId, secrets),
        this.runtime.clock(),
        principal.userId,
      ],
    );
    return (await this.channels(principal, channelId))[0];
  }

  @Get('channels')
  @Roles('system_administrator')
  @ApiOperation({ summary: 'Channels of the organisations in my region (secrets are never shown)' })
  list(@CurrentPrincipal() principal: Principal) {
    return this.channels(principal);
  }

  @Delete('channels/:id')
  @Roles('system_administrator')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable a channel (its log stays)' })
  async disable(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    const [channel] = await this.channels(principal, id);
    if (!channel) throw new NotificationError('NOTIFICATION.CHANNEL_NOT_FOUND', 'No such channel in your region');
    await this.runtime.db.query(`UPDATE ${SCHEMA}.channels SET enabled = false WHERE channel_id = $1`, [id]);
    return { ...channel, enabled: false };
  }

  @Get('deliveries')
  @Roles('system_administrator')
  @ApiOperation({ summary: 'The delivery log of my region’s channels: attempts, status, last error; `status=dead` is the dead letter' })
  async deliveries(@CurrentPrincipal() principal: Principal, @QueryParams() q: DeliveriesQuery) {
    const params: unknown[] = [this.prefix(principal)];
    const status = q.status ? ` AND d.status = $${params.push(q.status)}` : '';
    const items = await this.runtime.db.query(
      `SELECT d.delivery_id AS "deliveryId", d.notification_id AS "notificationId", d.channel_id AS "channelId", c.kind, c.name AS "channelName",
              c.organisation_id AS "organisationId", d.idempotency_key AS "idempotencyKey", d.status, d.attempts,
              d.next_attempt_at AS "nextAttemptAt", d.last_error AS "lastError", d.created_at AS "createdAt",
              d.delivered_at AS "deliveredAt", d.dead_at AS "deadAt"
         FROM ${SCHEMA}.deliveries d JOIN ${SCHEMA}.channels c ON c.channel_id = d.channel_id
        WHERE c.region_code LIKE $1 || '%'${status}
        ORDER BY d.created_at DESC LIMIT $${params.push(q.limit ?? 50)}`,
      params,
    );
    return { items };
  }

  @Get(':id/deliveries')
  @Roles('system_administrator')
  @ApiOperation({ summary: 'Every delivery of one notification, with each attempt' })
  async ofNotification(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    const deliveries = await this.runtime.db.query<{ deliveryId: string }>(
      `SELECT d.delivery_id AS "deliveryId", d.channel_id AS "channelId", c.kind, c.name AS "channelName", d.status, d.attempts,
              d.last_error AS "lastError", d.delivered_at AS "deliveredAt", d.dead_at AS "deadAt"
         FROM ${SCHEMA}.deliveries d JOIN ${SCHEMA}.channels c ON c.channel_id = d.channel_id
        WHERE d.notification_id = $1 AND c.region_code LIKE $2 || '%' ORDER BY d.created_at`,
      [id, this.prefix(principal)],
    );
    const attempts = await this.runtime.db.query<{ deliveryId: string }>(
      `SELECT delivery_id AS "deliveryId", attempt, at, outcome, error FROM ${SCHEMA}.delivery_attempts
        WHERE delivery_id = ANY($1::uuid[]) ORDER BY delivery_id, attempt`,
      [deliveries.map((d) => d.deliveryId)],
    );
    return { items: deliveries.map((d) => ({ ...d, attempts: attempts.filter((a) => a.deliveryId === d.deliveryId) })) };
  }

  private prefix(principal: Principal): string {
    return isRegionCode(principal.organisationRegion) ? regionPrefix(principal.organisationRegion) : '-';
  }

  private async channels(principal: Principal, channelId?: string): Promise<ChannelRow[]> {
    const rows = await this.runtime.db.query<ChannelRow & { sealed: string }>(
      `SELECT ${CHANNEL_COLUMNS}, sealed_secrets AS sealed FROM ${SCHEMA}.channels
        WHERE region_code LIKE $1 || '%' ${channelId ? 'AND channel_id = $2' : ''} ORDER BY created_at`,
      channelId ? [this.prefix(principal), channelId] : [this.prefix(principal)],
    );
    // Which secrets are set, never their values.
    return rows.map(({ sealed, ...row }) => ({
      ...row,
      createdAt: new Date(row.createdAt).toISOString(),
      secretNames: Object.keys(this.secrets.open(row.channelId, sealed)).sort(),
    }));
  }
}
