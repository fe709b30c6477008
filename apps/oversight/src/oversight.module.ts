import { Module } from '@nestjs/common';
import type { ServiceDescriptor } from '@pingan/platform';

export const OVERSIGHT_SERVICE: ServiceDescriptor = {
  name: 'oversight',
  description: 'Health-commission escalation inbox, deadline board, cross-case timeline, statistics',
};

/**
 * The oversight bounded context. It relies on what an app root provides (the database, config,
 * logging) but imports no infrastructure itself, so standalone can compose it with the others.
 */
@Module({})
export class OversightModule {}
