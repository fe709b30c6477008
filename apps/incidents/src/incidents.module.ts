import { Module } from '@nestjs/common';
import type { ServiceDescriptor } from '@pingan/platform';

export const INCIDENTS_SERVICE: ServiceDescriptor = {
  name: 'incidents',
  description: '110 calls, hospital reports, police response, escalation chain',
};

/**
 * The incidents bounded context. It relies on what an app root provides (the database, config,
 * logging) but imports no infrastructure itself, so standalone can compose it with the others.
 */
@Module({})
export class IncidentsModule {}
