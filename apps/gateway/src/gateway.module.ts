import { Module } from '@nestjs/common';
import type { ServiceDescriptor } from '@pingan/platform';

export const GATEWAY_SERVICE: ServiceDescriptor = {
  name: 'gateway',
  description: 'One HTTP entry: login, routing to services, the web console',
};

/**
 * The gateway bounded context. It relies on what an app root provides (the database, config,
 * logging) but imports no infrastructure itself, so standalone can compose it with the others.
 */
@Module({})
export class GatewayModule {}
