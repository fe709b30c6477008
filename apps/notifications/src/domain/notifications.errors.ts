import { defineErrors, type ErrorCode } from '@pingan/platform';

/** Stable codes: clients branch on them, never rename one. Messages carry nothing of the case. */
export class NotificationError extends defineErrors({
  NotFound: { code: 'NOTIFICATION.NOT_FOUND', status: 404 },
  UnknownRule: { code: 'NOTIFICATION.UNKNOWN_RULE', status: 404 },
  RegionOutsideYours: { code: 'NOTIFICATION.REGION_OUTSIDE_YOURS', status: 403 },
  InvalidRegion: { code: 'NOTIFICATION.INVALID_REGION', status: 422 },
  UnknownOrganisation: { code: 'NOTIFICATION.UNKNOWN_ORGANISATION', status: 422 },
  InvalidChannel: { code: 'NOTIFICATION.INVALID_CHANNEL', status: 422 },
  ChannelNotFound: { code: 'NOTIFICATION.CHANNEL_NOT_FOUND', status: 404 },
}) {}

export const NotificationErrorCode = NotificationError.codes;
export type NotificationErrorCode = ErrorCode<typeof NotificationError>;
