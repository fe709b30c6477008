import { sqlMigration } from '../schema-migrations.js';

/** How far each projection (Projector, by name) has applied the store, in commit order, and who holds its lease (owner, until when by the database clock). */
export const CreateProjectionCheckpoints1796184001000 = sqlMigration('CreateProjectionCheckpoints1796184001000', (s) => [
  `CREATE TABLE ${s}.projection_checkpoints (
      name text PRIMARY KEY, transaction_id xid8 NOT NULL, global_position bigint NOT NULL, updated_at timestamptz NOT NULL DEFAULT now(),
      lease_owner text, lease_until timestamptz)`,
]);
