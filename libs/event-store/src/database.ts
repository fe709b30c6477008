import type { DataSource, EntityManager } from 'typeorm';
import type { Query } from './types.js';

/**
 * The little the libraries need from a database: a query in autocommit, and a transaction
 * whose queries all run on one connection. Backed by a TypeORM DataSource over `pg`
 * (a PostgreSQL server, or PGlite behind pglite-socket in the embedded mode).
 */
export interface Database {
  query: Query;
  transaction<T>(work: (query: Query) => Promise<T>): Promise<T>;
}

const queryOf =
  (runner: DataSource | EntityManager): Query =>
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

export function databaseFromDataSource(dataSource: DataSource): Database {
  return {
    query: queryOf(dataSource),
    transaction: (work) => dataSource.transaction((manager) => work(queryOf(manager))),
  };
}
