import { POLICE_ROLES, type Role } from '@pingan/access';
import { testPrincipal, type MatrixEndpoint, type MatrixFixtures } from '@pingan/testing';
import { LedgerController } from './ledger/ledger.controller.js';
import type { SecurityProfileDto } from './ledger/ledger.dto.js';

/**
 * The security ledger's rows of the authorisation matrix, on the demo hospital of 万州区 (500101).
 * The profile is filed through the app's own controller first, so the reads do not wait for the
 * directory copy.
 */
const READERS: Role[] = ['hospital_security_officer', 'health_commission_official', ...POLICE_ROLES];
const OVERSEERS: Role[] = ['health_commission_official', ...POLICE_ROLES];

const profile = (): SecurityProfileDto => ({
  openBeds: 1210,
  onDutyMedicalStaff: 1550,
  dailyOutpatients: 6500,
  guards: 39,
  certifiedGuards: 39,
  drills: ['2026-03-10'],
  emergencyPlan: { adopted: true, revisedOn: '2026-03-20' },
});

let filed: Promise<unknown> | null = null;
const fileOnce = (f: MatrixFixtures) =>
  (filed ??= f.provider(LedgerController).file(
    testPrincipal({
      userId: 'matrix-security',
      username: 'matrix.security',
      organisationId: f.organisationId('hospital-central'),
      organisationKind: 'hospital',
      organisationRegion: '500101',
      roles: ['hospital_security_officer'],
    }),
    f.organisationId('hospital-central'),
    profile(),
  ));

export const SECURITY_LEDGER_ENDPOINTS: Record<string, MatrixEndpoint> = {
  // Only the hospital's own security office (wz.security is of hospital-central).
  'PUT /security-ledger/hospitals/:hospitalId/profile': {
    method: 'put',
    path: (f) => `/security-ledger/hospitals/${f.organisationId('hospital-central')}/profile`,
    body: () => ({ ...profile(), guards: 40, certifiedGuards: 40 }),
    allowed: ['hospital_security_officer'],
    ok: 200,
  },
  'GET /security-ledger/hospitals/:hospitalId': {
    method: 'get',
    path: async (f) => (await fileOnce(f), `/security-ledger/hospitals/${f.organisationId('hospital-central')}`),
    allowed: READERS,
    ok: 200,
    secrets: () => ['需配备保安', '1550'],
  },
  'GET /security-ledger/ledger': {
    method: 'get',
    path: async (f) => (await fileOnce(f), '/security-ledger/ledger?region=500101'),
    allowed: OVERSEERS,
    ok: 200,
    secrets: () => ['需配备保安'],
  },
};
