import { Module } from '@nestjs/common';
import { PlatformModule } from '@pingan/platform';
import { ProsecutionModule } from './prosecution.module.js';

/** Root of the prosecution service when it runs as its own process. */
@Module({
  imports: [PlatformModule.forRoot({ service: 'prosecution', port: 3002 }), ProsecutionModule],
})
export class AppModule {}
