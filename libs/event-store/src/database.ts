import type { DataSource } from 'typeorm';
import type { Query } from './types.js';

/**
 * The little the libraries need from a database: a query in autocommit, and a transaction
 * whose queries all run on one connection. Backed by a TypeORM DataSource over `pg`
 * (a PostgreSQL server, or PGlite behind pglite-socket in the embedded mode).
 */
export interface Database {
  query: Query;
  transaction<T>(work: (query: Query) => Promise<T>): Promise<T>;
  /** The DataSource behind it (databaseFromDataSource), which runs the schema migrations (schema-migrations.ts). */
  readonly dataSource?: DataSource;
}

/** A Query over anything TypeORM runs SQL on: a DataSource, an EntityManager, a QueryRunner. */
export const queryOf =
  (runner: { query(sql: string, params?: unknown[]): Promise<unknown> }): Query =>
  async (sql, params) =>
    rowsOf(await runner.query(sql, params));

/**
 * TypeORM's postgres driver answers UPDATE/DELETE with `[rows, affectedCount]` and everything else
 * with the rows: callers of the seam always get the rows. (Rows are objects, never arrays, so the
 * pair is unambiguous.)
 */
function rowsOf<Row>(result: unknown): Row[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as Row[];
  }
  return result as Row[];
}

/** Callbacks waiting for the commit of the transaction a query belongs to (see afterCommit). */
const afterCommitHooks = new WeakMap<Query, Array<() => void>>();

/**
 * Runs `hook` once what `query` wrote is committed: at the end of its transaction if the query
 * belongs to one opened by `Database.transaction`, otherwise (autocommit) now. Nothing runs if
 * the transaction rolls back. Used to wake readers (the outbox relay, projections) only when they
 * can see the rows: woken before the commit, they find nothing and sleep a whole poll interval.
 */
export function afterCommit(query: Query, hook: () => void): void {
  const hooks = afterCommitHooks.get(query);
  if (hooks) hooks.push(hook);
  else hook();
}

export function databaseFromDataSource(dataSource: DataSource): Database {
  return {
    dataSource,
    query: queryOf(dataSource),
    transaction: async (work) => {
      const hooks: Array<() => void> = [];
      const result = await dataSource.transaction((manager) => {
        const query = queryOf(manager);
        afterCommitHooks.set(query, hooks);
        return work(query);
      });
      for (const hook of hooks) hook();
      return result;
    },
  };
}
