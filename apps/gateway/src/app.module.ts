import { Module } from '@nestjs/common';
import { PlatformModule } from '@pingan/platform';
import { GatewayModule } from './gateway.module.js';

/** Root of the gateway service when it runs as its own process. */
@Module({
  imports: [PlatformModule.forRoot({ service: 'gateway', port: 3000 }), GatewayModule],
})
export class AppModule {}
