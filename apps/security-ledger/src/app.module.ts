import { Module } from '@nestjs/common';
import { PlatformModule } from '@pingan/platform';
import { SecurityLedgerModule } from './security-ledger.module.js';

/** Root of the security-ledger service when it runs as its own process. */
@Module({
  imports: [PlatformModule.forRoot({ service: 'security-ledger', port: 3007 }), SecurityLedgerModule],
})
export class AppModule {}
