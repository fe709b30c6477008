import { Migration, MigrationExecutor, type DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { queryOf, type Database } from './database.js';
import { assertSchemaName } from './schema.js';
import type { Query } from './types.js';

/**
 * One step of a schema's history, declared next to the code that owns its tables
 * (e.g. `libs/event-store/src/migrations/`, `apps/incidents/src/migrations/`). The schema is a
 * parameter: every service has its own, and tests make random ones.
 */
export interface SchemaMigration {
  /**
   * Recorded in `<schema>.migrations` once applied, so never renamed. TypeORM's convention: the
   * name ends in the 13-digit JavaScript time it was written, e.g. 'CreateEventStore1796184000000'.
   */
  readonly name: string;
  /** Runs once per schema, in the transaction that records it: plain CREATE, no IF NOT EXISTS. */
  up(query: Query, schema: string): Promise<void>;
}

/**
 * A migration that is only SQL, the usual kind: `statements` gives its statements for the schema
 * `s`, run one after another (each file under migrations/ is then just its SQL).
 */
export function sqlMigration(name: string, statements: (s: string) => readonly string[]): SchemaMigration {
  return {
    name,
    async up(query, s) {
      for (const statement of statements(s)) await query(statement);
    },
  };
}

/** TypeORM's default name for its table, here one per schema. */
export const MIGRATIONS_TABLE = 'migrations';

/**
 * Applies the migrations of `migrations` not yet recorded in `<schema>.migrations`, in the order
 * given, and resolves with the names it applied (none when the schema is up to date).
 *
 * TypeORM's MigrationExecutor does the bookkeeping (its table, what is pending, recording each
 * step) on a QueryRunner of the app's DataSource: the one connection the embedded mode has
 * (PGlite behind pglite-socket is single-session), or one of a server's pool. Two things it does
 * not do, done here: its table and its list are one per DataSource, ours are one per schema; and
 * it takes no lock, so two processes starting at once would both apply a pending migration.
 * Every run therefore is one transaction that first takes the schema's advisory lock (the same
 * key the stores used for their ad-hoc migrations): instances starting together take turns, the
 * later one finds the steps recorded and applies nothing. A failing step rolls the whole run back.
 */
export async function runMigrations(db: Database, schema: string, migrations: readonly SchemaMigration[]): Promise<string[]> {
  const s = assertSchemaName(schema);
  if (!db.dataSource) throw new Error('runMigrations needs the Database of a DataSource (databaseFromDataSource)');
  const runner = db.dataSource.createQueryRunner();
  try {
    await runner.startTransaction();
    await runner.query(`SELECT pg_advisory_xact_lock(hashtext('pingan.migrate.' || $1))`, [s]);
    // The schema holds the migrations table, so it comes before any migration (under the lock).
    await runner.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    const applied = await new SchemaMigrationExecutor(db.dataSource, runner, s, migrations).executePendingMigrations();
    await runner.commitTransaction();
    return applied.map((migration) => migration.name);
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

/** TypeORM's executor, on one schema's table and list, inside the transaction runMigrations opened. */
class SchemaMigrationExecutor extends MigrationExecutor {
  constructor(
    dataSource: DataSource,
    runner: QueryRunner,
    private readonly schema: string,
    private readonly list: readonly SchemaMigration[],
  ) {
    super(dataSource, runner);
    this.transaction = 'all'; // the transaction is already open: it runs every step inside it
    // TypeORM derives the table's path from the DataSource options once, here; ours is per schema.
    Object.assign(this, { migrationsTable: `${schema}.${MIGRATIONS_TABLE}` });
  }

  /** The list as given (owners in order: libraries, the service, its projections), not sorted by time. */
  protected override getMigrations(): Migration[] {
    const migrations = [...new Set(this.list)].map((migration) => {
      const timestamp = /\d{13}$/.exec(migration.name);
      if (!timestamp) throw new Error(`migration ${migration.name}: the name must end in a 13-digit timestamp`);
      const instance: MigrationInterface = {
        name: migration.name,
        up: (runner: QueryRunner) => migration.up(queryOf(runner), this.schema),
        down: () => Promise.reject(new Error('schema migrations are not reverted: write a new one')),
      };
      return new Migration(undefined, Number(timestamp[0]), migration.name, instance);
    });
    this.checkForDuplicateMigrations(migrations);
    return migrations;
  }
}
