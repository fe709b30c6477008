import { Command, CommandBus, CommandHandler, Query, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import { actorOf, type Principal } from '@pingan/access';
import { NOTIFICATIONS_CONTEXT, NOTIFICATION_STREAM_TYPE, notificationStreamId, type NotificationEvent } from '@pingan/contracts';
import { DecideCommand, DeciderCommandHandler, InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { notificationDecider, type NotificationCommand, type NotificationState } from '../domain/notification.decider.js';
import { NotificationError } from '../domain/notifications.errors.js';
import { SCHEMA, countVisible, visibleItems, type NotificationItem, type NotificationStatus } from './notification-store.js';

export interface NotificationPage {
  items: NotificationItem[];
  total: number;
  limit: number;
  offset: number;
}

export class ListNotificationsQuery extends Query<NotificationPage> {
  constructor(
    readonly principal: Principal,
    readonly status: NotificationStatus | undefined,
    readonly limit: number,
    readonly offset: number,
  ) {
    super();
  }
}

/** The caller's inbox: what was addressed to their organisation and role, newest first. */
@QueryHandler(ListNotificationsQuery)
export class ListNotificationsHandler implements IQueryHandler<ListNotificationsQuery> {
  constructor(@InjectRuntime(NOTIFICATIONS_CONTEXT) private readonly runtime: ServiceRuntime) {}

  async execute({ principal, status, limit, offset }: ListNotificationsQuery): Promise<NotificationPage> {
    const query = this.runtime.db.query;
    const [items, total] = await Promise.all([
      visibleItems(query, principal, { status, limit, offset, order: 'desc' }),
      countVisible(query, principal, status),
    ]);
    return { items, total, limit, offset };
  }
}

/** One of the caller's notifications, or 404 (also when it exists but is not theirs: ids cannot be probed). */
async function visibleOne(runtime: ServiceRuntime, principal: Principal, notificationId: string): Promise<NotificationItem> {
  const [item] = await visibleItems(runtime.db.query, principal, { notificationId, limit: 1, order: 'asc' });
  if (!item) throw new NotificationError('NOTIFICATION.NOT_FOUND', 'No such notification in your inbox');
  return item;
}

export class MarkReadCommand extends Command<NotificationItem> {
  constructor(
    readonly principal: Principal,
    readonly notificationId: string,
  ) {
    super();
  }
}

/** Read marks are per user and not history (nobody audits who glanced at an alert): a row, not an event. */
@CommandHandler(MarkReadCommand)
export class MarkReadHandler implements ICommandHandler<MarkReadCommand> {
  constructor(@InjectRuntime(NOTIFICATIONS_CONTEXT) private readonly runtime: ServiceRuntime) {}

  async execute({ principal, notificationId }: MarkReadCommand): Promise<NotificationItem> {
    await visibleOne(this.runtime, principal, notificationId);
    await this.runtime.db.query(
      `INSERT INTO ${SCHEMA}.notification_reads (notification_id, user_id, read_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [notificationId, principal.userId, this.runtime.clock()],
    );
    return visibleOne(this.runtime, principal, notificationId);
  }
}

/** The notification aggregate on the CommandBus (stream `notification-<id>`). */
export class NotificationCommandMessage extends DecideCommand<NotificationCommand, NotificationEvent, NotificationState> {}

@CommandHandler(NotificationCommandMessage)
export class NotificationCommandHandler extends DeciderCommandHandler<NotificationCommand, NotificationEvent, NotificationState> {
  constructor(@InjectRuntime(NOTIFICATIONS_CONTEXT) runtime: ServiceRuntime) {
    super(runtime, { streamType: NOTIFICATION_STREAM_TYPE, decider: notificationDecider });
  }
}

export class AcknowledgeNotificationCommand extends Command<NotificationItem> {
  constructor(
    readonly principal: Principal,
    readonly notificationId: string,
  ) {
    super();
  }
}

/**
 * Acknowledging: an event in the case's history (correlation id: the case number) and, in the
 * same transaction, the inbox row — for everybody the notification was addressed to.
 */
@CommandHandler(AcknowledgeNotificationCommand)
export class AcknowledgeNotificationHandler implements ICommandHandler<AcknowledgeNotificationCommand> {
  constructor(
    @InjectRuntime(NOTIFICATIONS_CONTEXT) private readonly runtime: ServiceRuntime,
    private readonly commands: CommandBus,
  ) {}

  async execute({ principal, notificationId }: AcknowledgeNotificationCommand): Promise<NotificationItem> {
    await visibleOne(this.runtime, principal, notificationId);
    const [row] = await this.runtime.db.query<{
      rule_id: string;
      case_number: string | null;
      hospital_id: string | null;
      region_code: string | null;
      source_event_id: string;
    }>(`SELECT rule_id, case_number, hospital_id, region_code, source_event_id FROM ${SCHEMA}.notifications WHERE notification_id = $1`, [
      notificationId,
    ]);
    await this.commands.execute(
      new NotificationCommandMessage({
        streamId: notificationStreamId(notificationId),
        command: {
          type: 'AcknowledgeNotification',
          data: {
            notificationId,
            ruleId: row.rule_id,
            caseNumber: row.case_number,
            // The hospital is named only where the addressee was told the case.
            hospitalId: row.case_number ? row.hospital_id : null,
            regionCode: row.case_number ? row.region_code : null,
            sourceEventId: row.source_event_id,
          },
        },
        actor: actorOf(principal),
        correlationId: row.case_number ?? notificationStreamId(notificationId),
        inTransaction: async (query, decided) => {
          if (decided.events.length === 0) return;
          await query(
            `UPDATE ${SCHEMA}.notifications SET acknowledged_at = $2, acknowledged_by = $3 WHERE notification_id = $1 AND acknowledged_at IS NULL`,
            [notificationId, new Date(decided.events[0].data.acknowledgedAt), principal.userId],
          );
        },
      }),
    );
    return visibleOne(this.runtime, principal, notificationId);
  }
}
