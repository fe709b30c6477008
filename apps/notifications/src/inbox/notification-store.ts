import type { Query } from '@pingan/event-store';
import { isRegionCode, regionPrefix, type Principal, type Role } from '@pingan/access';
import { URGENCIES, type Urgency } from '../domain/rules.js';

export const SCHEMA = 'notifications';
const S = SCHEMA;

/** A notification as it is stored: one per (event, rule, addressee organisation). */
export interface NewNotification {
  notificationId: string;
  ruleId: string;
  urgency: Urgency;
  sourceEventId: string;
  sourceContext: string;
  sourceType: string;
  caseNumber: string | null;
  regionCode: string | null;
  hospitalId: string | null;
  /** The addressee organisation; null for a regional audience (system administrators of a region). */
  organisationId: string | null;
  audienceRegion: string | null;
  roles: Role[];
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  ackDueAt: Date | null;
  escalationOf: string | null;
}

export type NotificationStatus = 'unread' | 'read' | 'acknowledged';

/** What a user sees of a notification (inbox, stream, outbound channels). */
export interface NotificationItem {
  notificationId: string;
  seq: number;
  ruleId: string;
  urgency: Urgency;
  title: string;
  body: string;
  link: string | null;
  caseNumber: string | null;
  organisationId: string | null;
  createdAt: string;
  status: NotificationStatus;
  readAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  escalationOf: string | null;
}

// Every writer of notifications takes this lock first, in its transaction: sequence numbers are
// then committed in their order, so a reader that saw seq n never later finds an n-1 (SSE ids).
const SEQUENCE_LOCK = `SELECT pg_advisory_xact_lock(hashtext('pingan.notifications.seq'))`;

// The insert's columns and, in the same order, a notification's values for them.
// prettier-ignore
const COLUMNS = [
  'notification_id', 'rule_id', 'urgency', 'source_event_id', 'source_context', 'source_type', 'case_number', 'region_code',
  'hospital_id', 'organisation_id', 'audience_region', 'roles', 'title', 'body', 'link', 'created_at', 'ack_due_at', 'escalation_of',
] as const;
// prettier-ignore
const valuesOf = (n: NewNotification): unknown[] => [
  n.notificationId, n.ruleId, n.urgency, n.sourceEventId, n.sourceContext, n.sourceType, n.caseNumber, n.regionCode,
  n.hospitalId, n.organisationId, n.audienceRegion, n.roles, n.title, n.body, n.link, n.createdAt, n.ackDueAt, n.escalationOf,
];

/** What one write recorded: notifications new to the table, and the pending deliveries they brought. */
export interface Inserted {
  notifications: number;
  deliveries: number;
}

/**
 * Records notifications and, in the same statement, one pending delivery per enabled channel of
 * each addressee organisation that takes its urgency (the outbox). Idempotent: an id already
 * recorded records nothing (nor its deliveries). Two round trips however many: the sequence lock,
 * then one multi-row insert whose data-modifying CTE writes the deliveries of the rows it inserted.
 */
export async function insertNotifications(query: Query, all: readonly NewNotification[]): Promise<Inserted> {
  if (all.length === 0) return { notifications: 0, deliveries: 0 };
  await query(SEQUENCE_LOCK);
  const params: unknown[] = [URGENCIES];
  // Rows in the order given: sequence numbers follow it (the VALUES list is inserted in order).
  const rows = all.map(
    (n) =>
      `(${valuesOf(n)
        .map((v) => `$${params.push(v)}`)
        .join(', ')})`,
  );
  const [counts] = await query<Inserted>(
    `WITH ins AS (
       INSERT INTO ${S}.notifications (${COLUMNS.join(', ')}) VALUES ${rows.join(',\n       ')}
       ON CONFLICT (notification_id) DO NOTHING RETURNING notification_id, organisation_id, urgency, created_at),
     del AS (
       INSERT INTO ${S}.deliveries (delivery_id, notification_id, channel_id, idempotency_key, status, next_attempt_at, created_at)
       SELECT gen_random_uuid(), ins.notification_id, c.channel_id, ins.notification_id || '.' || c.channel_id, 'pending', ins.created_at, ins.created_at
         FROM ins JOIN ${S}.channels c ON c.organisation_id = ins.organisation_id AND c.enabled
        -- URGENCIES runs from the most urgent: a channel takes what is at least as urgent as its minimum.
        WHERE array_position($1::text[], ins.urgency) <= array_position($1::text[], c.min_urgency)
       ON CONFLICT DO NOTHING RETURNING 1)
     SELECT (SELECT count(*) FROM ins)::int AS notifications, (SELECT count(*) FROM del)::int AS deliveries`,
    params,
  );
  return counts;
}

/** One notification (see insertNotifications); true when it was new. */
export async function insertNotification(query: Query, n: NewNotification): Promise<boolean> {
  return (await insertNotifications(query, [n])).notifications > 0;
}

/**
 * Who sees a notification: members of the addressee organisation holding one of its roles (all
 * members when it names none); for a regional audience, holders of the roles in an organisation
 * whose region contains the audience's. `$1` organisation, `$2` roles, `$3` the caller's region prefix.
 */
export const VISIBLE = `(
  (n.organisation_id = $1 OR (n.organisation_id IS NULL AND $3::text IS NOT NULL AND n.audience_region LIKE $3::text || '%'))
  AND (cardinality(n.roles) = 0 OR n.roles && $2::text[]))`;

export const visibilityParams = (p: Pick<Principal, 'organisationId' | 'roles' | 'organisationRegion'>): unknown[] => [
  p.organisationId,
  p.roles,
  isRegionCode(p.organisationRegion) ? regionPrefix(p.organisationRegion) : null,
];

/** Item columns for a user ($4: the user id, for their read mark). */
export const ITEM_COLUMNS = `n.notification_id AS "notificationId", n.seq::int AS seq, n.rule_id AS "ruleId", n.urgency, n.title, n.body, n.link,
  n.case_number AS "caseNumber", n.organisation_id AS "organisationId", n.created_at AS "createdAt", r.read_at AS "readAt",
  n.acknowledged_at AS "acknowledgedAt", n.acknowledged_by AS "acknowledgedBy", n.escalation_of AS "escalationOf"`;
export const ITEM_FROM = `${S}.notifications n LEFT JOIN ${S}.notification_reads r ON r.notification_id = n.notification_id AND r.user_id = $4`;

type Row = Omit<NotificationItem, 'status' | 'createdAt' | 'readAt' | 'acknowledgedAt'> & {
  createdAt: Date | string;
  readAt: Date | string | null;
  acknowledgedAt: Date | string | null;
};
const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

export function toItem(row: Row): NotificationItem {
  const acknowledgedAt = iso(row.acknowledgedAt);
  const readAt = iso(row.readAt);
  return {
    ...row,
    seq: Number(row.seq),
    createdAt: iso(row.createdAt)!,
    readAt,
    acknowledgedAt,
    status: acknowledgedAt ? 'acknowledged' : readAt ? 'read' : 'unread',
  };
}

export const STATUS_FILTER: Record<NotificationStatus, string> = {
  unread: 'n.acknowledged_at IS NULL AND r.read_at IS NULL',
  read: 'n.acknowledged_at IS NULL AND r.read_at IS NOT NULL',
  acknowledged: 'n.acknowledged_at IS NOT NULL',
};

export async function visibleItems(
  query: Query,
  principal: Principal,
  options: {
    afterSeq?: number;
    status?: NotificationStatus;
    notificationId?: string;
    limit: number;
    offset?: number;
    order: 'asc' | 'desc';
  },
): Promise<NotificationItem[]> {
  const params: unknown[] = [...visibilityParams(principal), principal.userId];
  const where = [VISIBLE];
  if (options.afterSeq !== undefined) where.push(`n.seq > $${params.push(options.afterSeq)}`);
  if (options.status) where.push(STATUS_FILTER[options.status]);
  if (options.notificationId) where.push(`n.notification_id = $${params.push(options.notificationId)}`);
  const rows = await query<Row>(
    `SELECT ${ITEM_COLUMNS} FROM ${ITEM_FROM} WHERE ${where.join(' AND ')} ORDER BY n.seq ${options.order}
     LIMIT $${params.push(options.limit)} OFFSET $${params.push(options.offset ?? 0)}`,
    params,
  );
  return rows.map(toItem);
}

export async function countVisible(query: Query, principal: Principal, status?: NotificationStatus): Promise<number> {
  const [row] = await query<{ total: number }>(
    `SELECT count(*)::int AS total FROM ${ITEM_FROM} WHERE ${VISIBLE}${status ? ` AND ${STATUS_FILTER[status]}` : ''}`,
    [...visibilityParams(principal), principal.userId],
  );
  return row.total;
}
