import type { SchemaMigration } from '@pingan/event-store';
import { CreateOversightReadModels1796184060000 } from './1796184060000-create-oversight-read-models.js';
import { CreateCaseRecords1796184062000 } from './1796184062000-create-case-records.js';
import { CreatePoliceFacts1796184063000 } from './1796184063000-create-police-facts.js';
import { AddActorNamesAndCasualties1796184064000 } from './1796184064000-add-actor-names-and-casualties.js';

export { CreateSupervisions1796184061000 } from './1796184061000-create-supervisions.js';

/** The oversight service's own tables, oldest first (its projection declares its own). */
export const oversightMigrations: readonly SchemaMigration[] = [
  CreateOversightReadModels1796184060000,
  CreateCaseRecords1796184062000,
  CreatePoliceFacts1796184063000,
  AddActorNamesAndCasualties1796184064000,
];
