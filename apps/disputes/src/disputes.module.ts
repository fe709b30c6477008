import { Module } from '@nestjs/common';
import type { ServiceDescriptor } from '@pingan/platform';

export const DISPUTES_SERVICE: ServiceDescriptor = {
  name: 'disputes',
  description: 'Complaints, notices, mediation, liability, compensation',
};

/**
 * The disputes bounded context. It relies on what an app root provides (the database, config,
 * logging) but imports no infrastructure itself, so standalone can compose it with the others.
 */
@Module({})
export class DisputesModule {}
