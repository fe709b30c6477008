import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ACCESS_CLOCK, ReadAudit, type Clock } from '@pingan/access';
import { ORGANISATION_STREAM_TYPE } from '@pingan/contracts';
import { PostgresEventStore, Projector, eventStoreMigrations, runMigrations, type Database } from '@pingan/event-store';
import { OutboxRelay, messagingMigrations, type MessageBus } from '@pingan/messaging';
import { DATABASE, MESSAGE_BUS } from '@pingan/platform';
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
  /** Publishes the organisations (only: users and reads stay here) to `pingan.access.events` for the services' directories. */
  readonly relay: OutboxRelay;
  /** The gateway's clock (ACCESS_CLOCK): what its events are stamped with. */
  readonly clock: () => Date;

  constructor(
    @Inject(DATABASE) readonly db: Database,
    @Inject(ACCESS_CLOCK) clock: Clock,
    @Inject(MESSAGE_BUS) bus: MessageBus,
  ) {
    this.clock = () => clock();
    this.events = new PostgresEventStore({
      db,
      schema: ACCESS_SCHEMA,
      context: 'access',
      clock: () => clock(),
      onAppended: () => this.relay.wake(),
    });
    this.relay = new OutboxRelay({
      name: 'access-outbox',
      source: this.events,
      bus,
      db,
      schema: ACCESS_SCHEMA,
      publishes: (event) => event.streamType === ORGANISATION_STREAM_TYPE,
    });
    this.directory = new Projector(this.events, directoryProjection, { pollMs: 1_000 });
    this.readAudit = new ReadAudit(this.events, () => clock());
  }

  async onModuleInit(): Promise<void> {
    // The gateway runs no ServiceRuntime: its schema's migrations are applied here, before any use.
    // The relay's tables come last: they were added after the others were applied on existing data.
    await runMigrations(this.db, ACCESS_SCHEMA, [
      ...eventStoreMigrations,
      ...gatewayMigrations,
      ...(directoryProjection.migrations ?? []),
      ...messagingMigrations,
    ]);
    await this.directory.catchUp();
  }

  /** Other gateway instances write too (distributed mode): poll for their changes. */
  onApplicationBootstrap(): void {
    this.directory.start();
    this.relay.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay.stop();
    await this.directory.stop();
    this.logger.debug('directory projection stopped');
  }
}
