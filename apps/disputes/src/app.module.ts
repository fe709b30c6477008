import { Module } from '@nestjs/common';
import { PlatformModule } from '@pingan/platform';
import { DisputesModule } from './disputes.module.js';

/** Root of the disputes service when it runs as its own process. */
@Module({
  imports: [PlatformModule.forRoot({ service: 'disputes', port: 3003 }), DisputesModule],
})
export class AppModule {}
