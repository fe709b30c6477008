import { Module } from '@nestjs/common';
import { PlatformModule } from '@pingan/platform';
import { NotificationsModule } from './notifications.module.js';

/** Root of the notifications service when it runs as its own process. */
@Module({
  imports: [PlatformModule.forRoot({ service: 'notifications', port: 3006 }), NotificationsModule],
})
export class AppModule {}
