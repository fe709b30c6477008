import type { SchemaMigration } from '@pingan/event-store';
import { CreateCredentialTables1796184020000 } from './1796184020000-create-credential-tables.js';

export { CreateDirectory1796184021000 } from './1796184021000-create-directory.js';

/** The gateway's own tables in schema 'access', oldest first (the directory projection declares its own). */
export const gatewayMigrations: readonly SchemaMigration[] = [CreateCredentialTables1796184020000];
