import type { SchemaMigration } from '@pingan/event-store';

/** The security-ledger service's own tables besides its projection's (none yet: the projection declares its own). */
export const securityLedgerMigrations: readonly SchemaMigration[] = [];
