import { Module, type Provider } from '@nestjs/common';
import { NOTIFICATIONS_CONTEXT } from '@pingan/contracts';
import {
  EventSourcingModule,
  PLATFORM_CONFIG,
  type PlatformConfig,
  type ServiceDescriptor,
  type ServiceRuntimeOptions,
} from '@pingan/platform';
import { ChannelsController } from './channels/channels.controller.js';
import { SecretBox, loadSecretBox } from './channels/secret-box.js';
import { DELIVERY_SETTINGS, DeliveryWorker, deliverySettingsFromEnv } from './delivery/delivery-worker.js';
import { NotificationInboxController } from './inbox/inbox.controller.js';
import {
  AcknowledgeNotificationHandler,
  ListNotificationsHandler,
  MarkReadHandler,
  NotificationCommandHandler,
} from './inbox/inbox.handlers.js';
import { notificationsMigrations } from './migrations/index.js';
import { NotificationRouter } from './routing/notification-router.js';
import { RulesController } from './rules/rules.controller.js';
import { LiveHub } from './stream/live-hub.js';
import { StreamController } from './stream/stream.controller.js';

export const NOTIFICATIONS_SERVICE: ServiceDescriptor = {
  name: 'notifications',
  description: 'Who is told what: rules, inbox, live stream (SSE), webhook / 企业微信 / 钉钉 / email / SMS delivery',
};

export const notificationsRuntimeOptions = (): ServiceRuntimeOptions => ({
  context: NOTIFICATIONS_CONTEXT,
  migrations: notificationsMigrations,
});

/** The channels' secret key: given in the environment, or generated into DATA_DIR/keys by a single process. */
const secretBoxProvider: Provider = {
  provide: SecretBox,
  inject: [PLATFORM_CONFIG],
  useFactory: (config: PlatformConfig): Promise<SecretBox> =>
    loadSecretBox({ env: process.env, dataDir: config.dataDir, singleProcess: !config.databaseUrl || config.service === 'standalone' }),
};

/**
 * The notifications bounded context: follows every context's events (and the access directory's),
 * derives who is told what, keeps each user's inbox, streams it live and delivers it outbound.
 * Imports no infrastructure itself, so standalone composes it with the others.
 */
@Module({
  imports: [EventSourcingModule.forService(notificationsRuntimeOptions())],
  controllers: [NotificationInboxController, StreamController, RulesController, ChannelsController],
  providers: [
    secretBoxProvider,
    { provide: DELIVERY_SETTINGS, useFactory: () => deliverySettingsFromEnv() },
    LiveHub,
    NotificationRouter,
    DeliveryWorker,
    ListNotificationsHandler,
    MarkReadHandler,
    NotificationCommandHandler,
    AcknowledgeNotificationHandler,
  ],
  exports: [LiveHub, DeliveryWorker],
})
export class NotificationsModule {}
