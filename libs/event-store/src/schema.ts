/** Each service keeps its store in its own PostgreSQL schema; names go into SQL, so only plain identifiers. */
export function assertSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  return schema;
}

/** SQLSTATE the append function raises when the expected version does not hold. */
export const CONFLICT_SQLSTATE = 'PA409';

export const GENESIS_HASH = '0'.repeat(64);

/** Advisory-lock class of per-stream append locks ('pa' as a number), apart from other advisory locks. */
export const STREAM_LOCK_CLASS = 0x7061;
