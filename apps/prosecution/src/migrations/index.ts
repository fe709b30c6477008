import type { SchemaMigration } from '@pingan/event-store';
import { CreateIncidentFacts1796184030000 } from './1796184030000-create-incident-facts.js';
import { CreateSuspectIdentities1796184031000 } from './1796184031000-create-suspect-identities.js';
import { AddIncidentDisturbanceStopped1796184033000 } from './1796184033000-add-incident-disturbance-stopped.js';

export { CreatePoliceCaseList1796184032000 } from './1796184032000-create-police-case-list.js';

/** The prosecution service's own tables, oldest first (its projection declares its own). */
export const prosecutionMigrations: readonly SchemaMigration[] = [
  CreateIncidentFacts1796184030000,
  CreateSuspectIdentities1796184031000,
  AddIncidentDisturbanceStopped1796184033000,
];
