import { Module } from '@nestjs/common';
import { PlatformModule } from '@pingan/platform';
import { IncidentsModule } from './incidents.module.js';

/** Root of the incidents service when it runs as its own process. */
@Module({
  imports: [PlatformModule.forRoot({ service: 'incidents', port: 3001 }), IncidentsModule],
})
export class AppModule {}
