import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { databaseFromDataSource, type Database } from '@pingan/event-store';
import { DataSource } from 'typeorm';
import { PLATFORM_CONFIG, type PlatformConfig } from '../config/platform-config.js';
import { acquireEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';

/** Injection token of the `Database` seam the libraries use (`@Inject(DATABASE) db: Database`). */
export const DATABASE = Symbol('pingan.Database');

interface Connection {
  dataSource: DataSource;
  embedded?: EmbeddedPostgres;
}
const CONNECTION = Symbol('pingan.DatabaseConnection');

/** Opens the TypeORM DataSource: to DATABASE_URL, or to the embedded engine in DATA_DIR. */
export async function openConnection(config: PlatformConfig): Promise<Connection> {
  const embedded = config.databaseUrl ? undefined : await acquireEmbeddedPostgres(config.dataDir);
  const dataSource = new DataSource({
    type: 'postgres',
    url: config.databaseUrl ?? embedded!.url,
    applicationName: `pingan-${config.service}`,
    synchronize: false, // schemas come from migrations, never from entity sync
    // PGlite is single-session: a second pooled connection would wait behind an open
    // transaction of the first, which can deadlock the pool. Servers get a normal pool.
    poolSize: embedded ? 1 : 10,
    connectTimeoutMS: 10_000,
  });
  try {
    await dataSource.initialize();
  } catch (error) {
    await embedded?.release();
    throw error;
  }
  return { dataSource, embedded };
}

@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  constructor(@Inject(CONNECTION) private readonly connection: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    // The DataSource first: its connections go to the socket server the engine runs.
    if (this.connection.dataSource.isInitialized) await this.connection.dataSource.destroy();
    await this.connection.embedded?.release();
    this.logger.log('database closed');
  }
}

/**
 * The app's one DataSource (TypeORM, `pg` driver) and the `Database` seam over it. Global,
 * so every service module composed into an app shares it; each service keeps its tables in
 * its own schema.
 */
@Global()
@Module({
  providers: [
    {
      provide: CONNECTION,
      inject: [PLATFORM_CONFIG],
      useFactory: async (config: PlatformConfig): Promise<Connection> => {
        const connection = await openConnection(config);
        const where = connection.embedded ? `embedded PGlite in ${config.dataDir} at ${connection.embedded.url}` : 'PostgreSQL server';
        new Logger('Database').log(`connected to ${where}`);
        return connection;
      },
    },
    {
      provide: DataSource,
      inject: [CONNECTION],
      useFactory: (connection: Connection) => connection.dataSource,
    },
    {
      provide: DATABASE,
      inject: [DataSource],
      useFactory: (dataSource: DataSource): Database => databaseFromDataSource(dataSource),
    },
    DatabaseLifecycle,
  ],
  exports: [DataSource, DATABASE],
})
export class DatabaseModule {}
