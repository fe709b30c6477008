import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ACCESS_CLOCK, ReadAudit, type Clock } from '@pingan/access';
import { PostgresEventStore, Projector, type Database } from '@pingan/event-store';
import { DATABASE } from '@pingan/platform';
import { directoryProjection } from './directory.projection.js';

/** The gateway's own schema: its event store, the directory read model and the login tables. */
export const ACCESS_SCHEMA = 'access';

/**
 * Tables that are state, not history: secrets (password hashes, refresh-token hashes) must
 * be replaceable and erasable, which an immutable event is not; the events record THAT a
 * password was set, these tables hold the hash.
 */
const CREDENTIAL_TABLES = `
CREATE TABLE IF NOT EXISTS ${ACCESS_SCHEMA}.credentials (
  user_id       text PRIMARY KEY,
  password_hash text NOT NULL,
  set_at        timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS ${ACCESS_SCHEMA}.refresh_tokens (
  token_id     uuid PRIMARY KEY,
  family_id    uuid NOT NULL,
  user_id      text NOT NULL,
  secret_hash  text NOT NULL,
  family_started_at timestamptz NOT NULL,
  issued_at    timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  used_at      timestamptz,
  revoked_at   timestamptz
);
CREATE INDEX IF NOT EXISTS refresh_tokens_user ON ${ACCESS_SCHEMA}.refresh_tokens (user_id) WHERE revoked_at IS NULL;
CREATE INDEX IF NOT EXISTS refresh_tokens_family ON ${ACCESS_SCHEMA}.refresh_tokens (family_id);
CREATE TABLE IF NOT EXISTS ${ACCESS_SCHEMA}.login_failures (
  scope            text NOT NULL,
  key              text NOT NULL,
  failures         integer NOT NULL,
  first_failure_at timestamptz NOT NULL,
  locked_until     timestamptz,
  PRIMARY KEY (scope, key)
);`;

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
    await this.events.migrate();
    await this.db.query(CREDENTIAL_TABLES);
    await this.directory.migrate();
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
