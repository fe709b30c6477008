import type { MatrixEndpoint } from '@pingan/testing';
import { GATEWAY_ENDPOINTS } from '../../gateway/src/gateway.authorisation.fixture.js';
import { HIGH_RISK_PERSONS_ENDPOINTS } from '../../high-risk-persons/src/high-risk-persons.authorisation.fixture.js';
import { INCIDENTS_ENDPOINTS } from '../../incidents/src/incidents.authorisation.fixture.js';
import { NOTIFICATIONS_ENDPOINTS } from '../../notifications/src/notifications.authorisation.fixture.js';
import { PROSECUTION_ENDPOINTS } from '../../prosecution/src/prosecution.authorisation.fixture.js';
import { DISPUTES_ENDPOINTS } from '../../disputes/src/disputes.authorisation.fixture.js';
import { OVERSIGHT_ENDPOINTS } from '../../oversight/src/oversight.authorisation.fixture.js';
import { SECURITY_LEDGER_ENDPOINTS } from '../../security-ledger/src/security-ledger.authorisation.fixture.js';

/**
 * Every endpoint of every service, for the authorisation matrix (authorisation-matrix.int-spec.ts).
 * Each service keeps its rows in `apps/<service>/src/<service>.authorisation.fixture.ts`; add them here.
 */
export const MATRIX_ENDPOINTS: Record<string, MatrixEndpoint> = {
  ...GATEWAY_ENDPOINTS,
  ...HIGH_RISK_PERSONS_ENDPOINTS,
  ...INCIDENTS_ENDPOINTS,
  ...PROSECUTION_ENDPOINTS,
  ...DISPUTES_ENDPOINTS,
  ...OVERSIGHT_ENDPOINTS,
  ...NOTIFICATIONS_ENDPOINTS,
  ...SECURITY_LEDGER_ENDPOINTS,
};
