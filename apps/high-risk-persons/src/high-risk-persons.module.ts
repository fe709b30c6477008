import { Module } from '@nestjs/common';
import type { ServiceDescriptor } from '@pingan/platform';

export const HIGH_RISK_PERSONS_SERVICE: ServiceDescriptor = {
  name: 'high-risk-persons',
  description: 'High-risk person registry, warnings, early-warning alerts, audited access',
};

/**
 * The high-risk-persons bounded context. It relies on what an app root provides (the database, config,
 * logging) but imports no infrastructure itself, so standalone can compose it with the others.
 */
@Module({})
export class HighRiskPersonsModule {}
