import type { SchemaMigration } from '@pingan/event-store';
import { CreateCaseNumberSequences1796184010000 } from './1796184010000-create-case-number-sequences.js';
import { CreateCallerData1796184012000 } from './1796184012000-create-caller-data.js';

export { CreateIncidentList1796184011000 } from './1796184011000-create-incident-list.js';
export { StripListCallers1796184012500 } from './1796184012500-strip-list-callers.js';

/** The incidents service's own tables, oldest first (its projection declares its own). */
export const incidentsMigrations: readonly SchemaMigration[] = [CreateCaseNumberSequences1796184010000, CreateCallerData1796184012000];
