/**
 * Public events of the notifications context, on `pingan.notifications.events`. Notifications
 * themselves are derived state (from the other contexts' events); what enters the case history
 * is that somebody acknowledged one. schemaVersion 1. The correlation id is the case number, or
 * `notification-<id>` when the addressee was not told the case (a high-risk person's alert).
 */
export const NOTIFICATIONS_CONTEXT = 'notifications';
export const NOTIFICATION_STREAM_TYPE = 'notification';
export const notificationStreamId = (notificationId: string): string => `notification-${notificationId}`;

/** The acknowledging user and organisation are the event's actor. */
export type NotificationAcknowledgedData = {
  notificationId: string;
  ruleId: string;
  caseNumber: string | null;
  hospitalId: string | null;
  regionCode: string | null;
  /** The event the notification was about. */
  sourceEventId: string;
  acknowledgedAt: string;
};

export type NotificationEvent = { type: 'NotificationAcknowledged'; data: NotificationAcknowledgedData };
