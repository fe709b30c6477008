import { POLICE_ROLES, type Role } from '@pingan/access';
import { testPrincipal, type MatrixEndpoint, type MatrixFixtures } from '@pingan/testing';
import { AssessmentController } from './assessment/assessment.controller.js';
import { LedgerController } from './ledger/ledger.controller.js';
import type { SecurityProfileDto } from './ledger/ledger.dto.js';
import { addDays, shanghaiDateOf } from '@pingan/contracts';
import { InspectionsController } from './inspections/inspections.controller.js';

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

/** The demo hospital's security office, and a commission of 万州区, as the rows' setup acts. */
const office = (f: MatrixFixtures) =>
  testPrincipal({
    userId: 'matrix-security',
    username: 'matrix.security',
    organisationId: f.organisationId('hospital-central'),
    organisationKind: 'hospital',
    organisationRegion: '500101',
    roles: ['hospital_security_officer'],
  });
const commission = () =>
  testPrincipal({
    userId: 'matrix-commission',
    username: 'matrix.commission',
    organisationId: 'matrix-hc-500101',
    organisationKind: 'health_commission',
    organisationRegion: '500101',
    roles: ['health_commission_official'],
  });

/** The service's directory copy arrives over the bus: a setup call is retried while it answers `code`. */
async function untilDirectoryKnows<T>(code: string, call: () => Promise<T>): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      return await call();
    } catch (error) {
      if (tries > 300 || (error as { code?: string }).code !== code) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

let filed: Promise<unknown> | null = null;
const fileOnce = (f: MatrixFixtures) =>
  (filed ??= f.provider(LedgerController).file(office(f), f.organisationId('hospital-central'), profile()));

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
  (returned ??= untilDirectoryKnows(
    'SECURITY_LEDGER.INVALID_RETURN',
    async () => (await f.provider(LedgerController).setReturn(commission(), RETURN())).returnId,
  ));

const INSPECTION = (f: MatrixFixtures) => ({
  hospitalId: f.organisationId('hospital-central'),
  kind: 'inspection' as const,
  inspectedAt: new Date(Date.now() - 3_600_000).toISOString(),
  findings: [{ requirement: 'guards', note: '矩阵测试：保安员不足' }],
});

/**
 * A fresh inspection of the demo hospital (each call its own: an item is issued, fixed, signed off
 * once, and the matrix calls each row once per role). Retried until the directory copy knows the hospital.
 */
async function freshInspection(f: MatrixFixtures): Promise<string> {
  return untilDirectoryKnows(
    'SECURITY_LEDGER.NOT_FOUND',
    async () => (await f.provider(InspectionsController).record(commission(), INSPECTION(f))).inspectionId,
  );
}
let inspected: Promise<string> | null = null;
const inspectionOnce = (f: MatrixFixtures) => (inspected ??= freshInspection(f));

/** A fresh item on a fresh inspection: issued, or also reported fixed by the hospital's office. */
async function freshItem(f: MatrixFixtures, reported: boolean): Promise<string> {
  const id = await freshInspection(f);
  const controller = f.provider(InspectionsController);
  const dueOn = addDays(shanghaiDateOf(new Date()), 10);
  await controller.issueItem(commission(), id, { findingId: '1', responsible: { name: '张保卫', role: '保卫科科长' }, dueOn });
  if (reported) await controller.fix(office(f), id, '1', { note: '已整改', evidence: ['矩阵/整改.pdf'] });
  return id;
}

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
  // Inspections and rectification: commissions and police of the region inspect and sign off; the hospital's own office reports fixes.
  'POST /security-ledger/inspections': {
    method: 'post',
    path: async (f) => (await inspectionOnce(f), '/security-ledger/inspections'),
    body: (f) => INSPECTION(f),
    allowed: OVERSEERS,
    ok: 201,
  },
  'GET /security-ledger/inspections/:inspectionId': {
    method: 'get',
    path: async (f) => `/security-ledger/inspections/${await inspectionOnce(f)}`,
    allowed: READERS,
    ok: 200,
    secrets: () => ['矩阵测试：保安员不足'],
  },
  'GET /security-ledger/hospitals/:hospitalId/inspections': {
    method: 'get',
    path: async (f) => (await inspectionOnce(f), `/security-ledger/hospitals/${f.organisationId('hospital-central')}/inspections`),
    allowed: READERS,
    ok: 200,
    secrets: () => ['matrix-hc-500101'],
  },
  'POST /security-ledger/inspections/:inspectionId/items': {
    method: 'post',
    path: async (f) => `/security-ledger/inspections/${await freshInspection(f)}/items`,
    body: () => ({ findingId: '1', responsible: { name: '张保卫', role: '保卫科科长' }, dueOn: addDays(shanghaiDateOf(new Date()), 10) }),
    allowed: OVERSEERS,
    ok: 201,
  },
  'POST /security-ledger/inspections/:inspectionId/items/:itemId/fix': {
    method: 'post',
    path: async (f) => `/security-ledger/inspections/${await freshItem(f, false)}/items/1/fix`,
    body: () => ({ note: '已整改', evidence: ['矩阵/整改.pdf'] }),
    allowed: ['hospital_security_officer'],
    ok: 201,
  },
  'POST /security-ledger/inspections/:inspectionId/items/:itemId/sign-off': {
    method: 'post',
    path: async (f) => `/security-ledger/inspections/${await freshItem(f, true)}/items/1/sign-off`,
    body: () => ({ note: '经核验' }),
    allowed: OVERSEERS,
    ok: 201,
  },
  'POST /security-ledger/inspections/:inspectionId/items/:itemId/send-back': {
    method: 'post',
    path: async (f) => `/security-ledger/inspections/${await freshItem(f, true)}/items/1/send-back`,
    body: () => ({ reason: '人员未到岗' }),
    allowed: OVERSEERS,
    ok: 201,
  },
  'POST /security-ledger/inspections/:inspectionId/circulars': {
    method: 'post',
    path: async (f) => `/security-ledger/inspections/${await inspectionOnce(f)}/circulars`,
    body: () => ({ text: '矩阵测试通报' }),
    allowed: OVERSEERS,
    ok: 201,
  },
  'POST /security-ledger/inspections/:inspectionId/interviews': {
    method: 'post',
    path: async (f) => `/security-ledger/inspections/${await inspectionOnce(f)}/interviews`,
    body: () => ({ heldAt: new Date(Date.now() - 60_000).toISOString(), interviewee: '院长', summary: '约谈院长，限期整改' }),
    allowed: OVERSEERS,
    ok: 201,
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
