import { sqlMigration } from '@pingan/event-store';

/** The case-number counter: one row per (region, Asia/Shanghai date); see case-numbers.ts. */
export const CreateCaseNumberSequences1796184010000 = sqlMigration('CreateCaseNumberSequences1796184010000', (s) => [
  `CREATE TABLE ${s}.case_number_sequences (
         region_code text NOT NULL,
         shanghai_date date NOT NULL,
         last_sequence integer NOT NULL,
         PRIMARY KEY (region_code, shanghai_date)
       )`,
]);
