import { POLICE_ROLES, type Role } from '@pingan/access';
import { testPrincipal, type MatrixEndpoint, type MatrixFixtures } from '@pingan/testing';
import { AssessmentController } from './assessment/assessment.controller.js';
import { LedgerController } from './ledger/ledger.controller.js';
import type { SecurityProfileDto } from './ledger/ledger.dto.js';
import { addDays, shanghaiDateOf } from '@pingan/contracts';

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

const RETURN = () => ({
  title: '矩阵测试自查',
  asOf: shanghaiDateOf(new Date()),
  dueOn: addDays(shanghaiDateOf(new Date()), 30),
  region: '500101',
});

/**
 * A return for 万州区, set through the controller. The region's hospitals are read from the
 * service's directory copy, which arrives over the bus: retried until it has them.
 */
let returned: Promise<string> | null = null;
const returnOnce = (f: MatrixFixtures) =>
  (returned ??= (async () => {
    const commission = testPrincipal({
      userId: 'matrix-commission',
      username: 'matrix.commission',
      organisationId: 'matrix-hc-500101',
      organisationKind: 'health_commission',
      organisationRegion: '500101',
      roles: ['health_commission_official'],
    });
    for (let tries = 0; ; tries++) {
      try {
        return (await f.provider(LedgerController).setReturn(commission, RETURN())).returnId;
      } catch (error) {
        if (tries > 300 || (error as { code?: string }).code !== 'SECURITY_LEDGER.INVALID_RETURN') throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  })());

/** A scoring sheet that adds up (the matrix's own, for 万州区). */
const SHEET = () => ({
  title: '矩阵测试评分表',
  total: 30,
  items: [
    { id: 'guards', kind: 'guards', title: '保安员配备', points: 20 },
    { id: 'drills', kind: 'drills', title: '应急演练', points: 10 },
  ],
  bands: [{ grade: '合格', minScore: 20 }],
});

/** An assessment of 万州区, recorded through the controller once the profile is filed (so the region has a hospital). */
let assessed: Promise<string> | null = null;
const assessmentOnce = (f: MatrixFixtures) =>
  (assessed ??= (async () => {
    await fileOnce(f);
    const commission = testPrincipal({
      userId: 'matrix-assessor',
      username: 'matrix.assessor',
      organisationId: 'matrix-hc-500101',
      organisationKind: 'health_commission',
      organisationRegion: '500101',
      roles: ['health_commission_official'],
    });
    const year = Number(shanghaiDateOf(new Date()).slice(0, 4));
    return (await f.provider(AssessmentController).record(commission, { year, region: '500101' })).assessmentId;
  })());

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
  // Self-inspection returns: commissions set them; the hospital's own office files; overseers and the hospital read.
  'POST /security-ledger/returns': {
    method: 'post',
    path: async (f) => (await returnOnce(f), '/security-ledger/returns'),
    body: () => RETURN(),
    allowed: ['health_commission_official'],
    ok: 201,
  },
  'POST /security-ledger/returns/:returnId/filings': {
    method: 'post',
    path: async (f) => (await fileOnce(f), `/security-ledger/returns/${await returnOnce(f)}/filings`),
    body: () => ({ evidence: ['矩阵/附件.pdf'] }),
    allowed: ['hospital_security_officer'],
    ok: 201,
  },
  'GET /security-ledger/returns/:returnId': {
    method: 'get',
    path: async (f) => `/security-ledger/returns/${await returnOnce(f)}`,
    allowed: READERS,
    ok: 200,
    secrets: () => ['矩阵测试自查'],
  },
  // The ledger as XLSX: the ledger's readers.
  'GET /security-ledger/ledger.xlsx': {
    method: 'get',
    path: async (f) => (await fileOnce(f), '/security-ledger/ledger.xlsx?region=500101'),
    allowed: OVERSEERS,
    ok: 200,
  },
  // The 平安医院 assessment: the commission (or an administrator) sets the sheet; commissions assess; overseers read.
  'GET /security-ledger/assessment-sheets/:region': {
    method: 'get',
    path: () => '/security-ledger/assessment-sheets/500101',
    allowed: ['hospital_security_officer', 'health_commission_official', 'system_administrator', ...POLICE_ROLES],
    ok: 200,
  },
  'PUT /security-ledger/assessment-sheets/:region': {
    method: 'put',
    path: () => '/security-ledger/assessment-sheets/500101',
    body: () => SHEET(),
    allowed: ['health_commission_official', 'system_administrator'],
    ok: 200,
  },
  'POST /security-ledger/assessments': {
    method: 'post',
    path: async (f) => (await fileOnce(f), '/security-ledger/assessments'),
    body: () => ({ year: Number(shanghaiDateOf(new Date()).slice(0, 4)), region: '500101' }),
    allowed: ['health_commission_official'],
    ok: 201,
  },
  'GET /security-ledger/assessments/:assessmentId': {
    method: 'get',
    path: async (f) => `/security-ledger/assessments/${await assessmentOnce(f)}`,
    allowed: OVERSEERS,
    ok: 200,
    secrets: () => ['matrix-hc-500101'],
  },
  'GET /security-ledger/assessments/:assessmentId.xlsx': {
    method: 'get',
    path: async (f) => `/security-ledger/assessments/${await assessmentOnce(f)}.xlsx`,
    allowed: OVERSEERS,
    ok: 200,
  },
  // S1 七's two returns (附件1, 附件2): the ledger's readers.
  'GET /security-ledger/returns-s1/capability.xlsx': {
    method: 'get',
    path: async (f) => (await fileOnce(f), '/security-ledger/returns-s1/capability.xlsx?region=500101'),
    allowed: OVERSEERS,
    ok: 200,
  },
  'GET /security-ledger/returns-s1/capability.csv': {
    method: 'get',
    path: async (f) => (await fileOnce(f), '/security-ledger/returns-s1/capability.csv?region=500101'),
    allowed: OVERSEERS,
    ok: 200,
  },
  'GET /security-ledger/returns-s1/police-offices.xlsx': {
    method: 'get',
    path: async (f) => (await fileOnce(f), '/security-ledger/returns-s1/police-offices.xlsx?region=500101'),
    allowed: OVERSEERS,
    ok: 200,
  },
  'GET /security-ledger/returns-s1/police-offices.csv': {
    method: 'get',
    path: async (f) => (await fileOnce(f), '/security-ledger/returns-s1/police-offices.csv?region=500101'),
    allowed: OVERSEERS,
    ok: 200,
  },
};
