import { sqlMigration } from '@pingan/event-store';

/** Rows written before the list stopped carrying the 110 caller (plain then): the caller is removed. */
export const StripListCallers1796184012500 = sqlMigration('StripListCallers1796184012500', (s) => [
  `UPDATE ${s}.incident_list
      SET state = jsonb_set(state, '{intake,caller}', '{"name": null, "phone": null}'::jsonb)
    WHERE state->'intake'->>'channel' = 'call_110'`,
]);
