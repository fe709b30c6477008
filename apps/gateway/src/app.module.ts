import { Module } from '@nestjs/common';
import { PlatformModule } from '@pingan/platform';
import { GatewayModule } from './gateway.module.js';

/**
 * Root of the gateway service when it runs as its own process: routes to the services named in
 * SERVICE_URLS; DEMO_DIRECTORY=true seeds the demo county (and prints its logins once).
 */
@Module({
  imports: [
    PlatformModule.forRoot({ service: 'gateway', port: 3000 }),
    GatewayModule.forRoot({ demoDirectory: process.env.DEMO_DIRECTORY === 'true' }),
  ],
})
export class AppModule {}
