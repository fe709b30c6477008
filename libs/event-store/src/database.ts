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
  (sql, params) =>
    runner.query(sql, params);

export function databaseFromDataSource(dataSource: DataSource): Database {
  return {
    query: queryOf(dataSource),
    transaction: (work) => dataSource.transaction((manager) => work(queryOf(manager))),
  };
}
