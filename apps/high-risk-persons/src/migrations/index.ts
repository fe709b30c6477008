import type { SchemaMigration } from '@pingan/event-store';
import { CreatePersonKeys1796184050000 } from './1796184050000-create-person-keys.js';

export { CreateRegister1796184051000 } from './1796184051000-create-register.js';

/** The high-risk-persons service's own tables, oldest first (its projection declares its own). */
export const highRiskPersonsMigrations: readonly SchemaMigration[] = [CreatePersonKeys1796184050000];
