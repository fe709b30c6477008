import type { MatrixEndpoint, MatrixFixtures } from '@pingan/testing';
import { HOSPITAL, HOSPITAL_OR_MEDIATORS, MEDIATORS, READERS } from './disputes.roles.js';

/**
 * The disputes service's rows of the authorisation matrix (apps/standalone runs them as every
 * role, without a token and with a forged one). The fixtures cannot create a dispute, so steps
 * on one are called on a dispute that does not exist: a caller the role gate lets through gets
 * 404 DISPUTE.NOT_FOUND, everyone else 401/403. Record-level rules (own hospital, the committee
 * referred to, a commission's region) are tested in disputes.int-spec.ts.
 */
const NO_SUCH_DISPUTE = '00000000-0000-4000-8000-00000000d15b';
const on = (suffix: string) => () => `/disputes/${NO_SUCH_DISPUTE}${suffix}`;

const step = (path: string, allowed: MatrixEndpoint['allowed'], body: object | ((f: MatrixFixtures) => object) = {}): MatrixEndpoint => ({
  method: 'post',
  path: on(path),
  body: typeof body === 'function' ? (body as (f: MatrixFixtures) => object) : () => body,
  allowed,
  ok: 404,
});

const agreement = { terms: '协议', compensation: [{ head: '医疗费', amountFen: 100_000 }] };

export const DISPUTES_ENDPOINTS: Record<string, MatrixEndpoint> = {
  'POST /disputes': {
    method: 'post',
    path: () => '/disputes',
    body: () => ({ summary: '矩阵测试投诉', parties: [{ name: '矩阵患方', relation: 'patient', contact: '13900000000' }], claims: [] }),
    allowed: HOSPITAL,
    ok: 201,
  },
  'GET /disputes': { method: 'get', path: () => '/disputes', allowed: READERS, ok: 200, secrets: () => ['矩阵测试投诉'] },
  'GET /disputes/statistics': { method: 'get', path: () => '/disputes/statistics', allowed: ['health_commission_official'], ok: 200 },
  'GET /disputes/:id': {
    method: 'get',
    path: on(''),
    headers: { 'x-access-purpose': 'authorisation matrix' },
    allowed: READERS,
    ok: 404,
  },
  'POST /disputes/:id/handover': step('/handover', HOSPITAL, { toUserId: 'someone', reason: '交接' }),
  'POST /disputes/:id/routes-notice': step('/routes-notice', HOSPITAL, { routes: ['negotiation'], method: 'written' }),
  // Organisation ids of the directory: an unknown one is a 422 before the dispute is looked up.
  'POST /disputes/:id/mediation/referral': step('/mediation/referral', HOSPITAL, (f) => ({
    kind: 'peoples_mediation',
    mediatorOrganisationId: f.organisationId('mediation'),
  })),
  'POST /disputes/:id/mediation/refusal': step('/mediation/refusal', HOSPITAL, { reason: '拒绝调解' }),
  'POST /disputes/:id/mediation/acceptance': step('/mediation/acceptance', MEDIATORS),
  'POST /disputes/:id/mediation/sessions': step('/mediation/sessions', MEDIATORS, {
    heldAt: '2026-03-02T02:00:00Z',
    attendees: [{ name: '调解员', side: 'mediator' }],
  }),
  'POST /disputes/:id/mediation/extension': step('/mediation/extension', ['mediator'], {
    workingDays: 10,
    reason: '双方同意',
    consent: { patientPartyId: 'party-1', hospitalRepresentative: '医务科' },
  }),
  'POST /disputes/:id/mediation/agreement': step('/mediation/agreement', MEDIATORS, agreement),
  'POST /disputes/:id/mediation/failure': step('/mediation/failure', MEDIATORS, { reason: 'no_agreement' }),
  'POST /disputes/:id/appraisals': step('/appraisals', HOSPITAL_OR_MEDIATORS, { kind: 'medical_damage', appraiser: '医学会' }),
  'POST /disputes/:id/appraisals/:appraisalId/result': step('/appraisals/a-1/result', HOSPITAL_OR_MEDIATORS, {
    reportReference: 'R-1',
    outcome: 'terminated',
    terminationReason: '材料不足',
  }),
  'POST /disputes/:id/liability-agreement': step('/liability-agreement', HOSPITAL_OR_MEDIATORS, {
    liability: { responsibility: 'minor', summary: '轻微责任' },
  }),
  'POST /disputes/:id/settlement': step('/settlement', HOSPITAL, agreement),
  'POST /disputes/:id/agreement/judicial-confirmation': step('/agreement/judicial-confirmation', [...HOSPITAL, 'mediator'], (f) => ({
    courtId: f.organisationId('court'),
    rulingReference: '(2026)民特1号',
  })),
  'POST /disputes/:id/agreement/performance': step('/agreement/performance', HOSPITAL),
  'POST /disputes/:id/litigation': step('/litigation', HOSPITAL, (f) => ({
    courtId: f.organisationId('court'),
    reference: '(2026)民初1号',
  })),
  'POST /disputes/:id/payments': step('/payments', HOSPITAL, { amountFen: 100, payer: 'hospital' }),
  'POST /disputes/:id/risk/flag': step('/risk/flag', [...HOSPITAL, 'mediator'], { reasons: ['扬言聚集'] }),
  'POST /disputes/:id/risk/clear': step('/risk/clear', [...HOSPITAL, 'mediator'], { reason: '已化解' }),
  'POST /disputes/:id/risk/reviews': step('/risk/reviews', HOSPITAL, { riskLevel: 'low', findings: '平稳', measures: '跟进' }),
  'POST /disputes/:id/close': step('/close', HOSPITAL, { outcome: 'withdrawn' }),
};
