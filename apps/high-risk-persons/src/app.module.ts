import { Module } from '@nestjs/common';
import { PlatformModule } from '@pingan/platform';
import { HighRiskPersonsModule } from './high-risk-persons.module.js';

/** Root of the high-risk-persons service when it runs as its own process. */
@Module({
  imports: [PlatformModule.forRoot({ service: 'high-risk-persons', port: 3004 }), HighRiskPersonsModule],
})
export class AppModule {}
