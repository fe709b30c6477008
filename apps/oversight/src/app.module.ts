import { Module } from '@nestjs/common';
import { PlatformModule } from '@pingan/platform';
import { OversightModule } from './oversight.module.js';

/** Root of the oversight service when it runs as its own process. */
@Module({
  imports: [PlatformModule.forRoot({ service: 'oversight', port: 3005 }), OversightModule],
})
export class AppModule {}
