import { Module } from '@nestjs/common';
import type { ServiceDescriptor } from '@pingan/platform';

export const PROSECUTION_SERVICE: ServiceDescriptor = {
  name: 'prosecution',
  description: 'Police cases, penalties and measures, ministry-system entry, procuratorate, court',
};

/**
 * The prosecution bounded context. It relies on what an app root provides (the database, config,
 * logging) but imports no infrastructure itself, so standalone can compose it with the others.
 */
@Module({})
export class ProsecutionModule {}
