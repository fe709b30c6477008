import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ACCESS_CLOCK, ReadAudit, type Clock } from '@pingan/access';
import { PostgresEventStore, Projector, eventStoreMigrations, runMigrations, type Database } from '@pingan/event-store';
import { DATABASE } from '@pingan/platform';
import { gatewayMigrations } from '../migrations/index.js';
import { directoryProjection } from './directory.projection.js';

/** The gateway's own schema: its event store, the directory read model and the login tables. */
export const ACCESS_SCHEMA = 'access';

@Injectable()
export class AccessStore implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AccessStore');
  readonly events: PostgresEventStore;
  readonly directory: Projector;
  readonly readAudit: ReadAudit;
  /** The gateway's clock (ACCESS_CLOCK): what its events are stamped with. */
  readonly clock: () => Date;

  constructor(
    @Inject(DATABASE) readonly db: Database,
    @Inject(ACCESS_CLOCK) clock: Clock,
  ) {
    this.clock = () => clock();
    this.events = new PostgresEventStore({ db, schema: ACCESS_SCHEMA, context: 'access', clock: () => clock() });
    this.directory = new Projector(this.events, directoryProjection, { pollMs: 1_000 });
    this.readAudit = new ReadAudit(this.events, () => clock());
  }

  async onModuleInit(): Promise<void> {
    // The gateway runs no ServiceRuntime: its schema's migrations are applied here, before any use.
    await runMigrations(this.db, ACCESS_SCHEMA, [...eventStoreMigrations, ...gatewayMigrations, ...(directoryProjection.migrations ?? [])]);
    await this.directory.catchUp();
  }

  /** Other gateway instances write too (distributed mode): poll for their changes. */
  onApplicationBootstrap(): void {
    this.directory.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.directory.stop();
    this.logger.debug('directory projection stopped');
  }
}
