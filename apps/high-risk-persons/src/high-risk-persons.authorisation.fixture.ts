import { POLICE_ROLES, type Principal, type Role } from '@pingan/access';
import { testPrincipal, type MatrixEndpoint, type MatrixFixtures } from '@pingan/testing';
import { residentIdCheckCharacter } from './domain/resident-id.js';
import { RegisterController } from './register/register.controller.js';

/**
 * The register's rows of the authorisation matrix. Records are made through the app's own controller
 * (same database, same keys as the composed test app), as the demo hospital, station and
 * political-legal committee of 万州区 (500101): a hospital proposes, the committee approves.
 */
const POLICE: readonly Role[] = POLICE_ROLES;
const DECIDERS: Role[] = ['station_chief', 'political_legal_officer'];
const MEASURES: Role[] = [...POLICE, 'political_legal_officer'];
const HOSPITAL: Role[] = ['hospital_security_officer', 'hospital_complaints_officer'];
const NAME = '矩阵测试人';

let counter = 0;
/** A fresh valid resident ID number (GB 11643) per call. */
const newIdNumber = (): string => {
  const n = ++counter;
  const birth = new Date(Date.UTC(1950, 0, 1) + (n * 37 + (Date.now() % 1000)) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `500101${birth}${String(n % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
};

// The running app's own controller (its command bus, runtime, keys and clocks), not a second one beside it.
const register = async (f: MatrixFixtures): Promise<RegisterController> => f.provider(RegisterController);

const who = (f: MatrixFixtures, key: string, roles: Role[], kind: Principal['organisationKind']): Principal =>
  testPrincipal({
    userId: `matrix-${key}`,
    username: `matrix.${key}`,
    organisationId: f.organisationId(key),
    organisationKind: kind,
    organisationRegion: '500101',
    roles,
  });
const hospital = (f: MatrixFixtures) => who(f, 'hospital-central', ['hospital_security_officer'], 'hospital');
const zfw = (f: MatrixFixtures) => who(f, 'political-legal', ['political_legal_officer'], 'political_legal');

async function proposed(
  f: MatrixFixtures,
  idNumber = newIdNumber(),
  category: 'threatened_violence' | 'severe_mental_disorder_with_risk' = 'threatened_violence',
) {
  const { personId } = await (
    await register(f)
  ).propose(hospital(f), {
    name: NAME,
    idNumber,
    phone: '13900000000',
    categories: [{ category, behaviour: '2026-02-27 在急诊科扬言要持刀报复接诊医生', incidentIds: [], caseNumbers: [] }],
  });
  return personId;
}
async function active(f: MatrixFixtures, idNumber?: string, category?: 'threatened_violence' | 'severe_mental_disorder_with_risk') {
  const personId = await proposed(f, idNumber, category);
  await (await register(f)).approve(zfw(f), personId, {});
  return personId;
}
async function removed(f: MatrixFixtures) {
  const personId = await active(f);
  await (await register(f)).remove(zfw(f), personId, { reason: '矩阵测试：已不再需要' });
  return personId;
}
async function withTask(f: MatrixFixtures) {
  const personId = await active(f);
  const { taskId } = await (
    await register(f)
  ).assignTask(zfw(f), personId, {
    kind: 'stabilisation',
    assigneeOrganisationId: f.organisationId('political-legal'),
    assigneeKind: 'community',
    note: '网格员每周上门走访一次',
  });
  return `/high-risk-persons/${personId}/tasks/${taskId}/complete`;
}

// One active person shared by the rows that do not change its state (or may repeat).
const SHARED_ID = newIdNumber();
let shared: Promise<string> | null = null;
const sharedPerson = (f: MatrixFixtures) => (shared ??= active(f, SHARED_ID));
let mental: Promise<string> | null = null;
const mentalPerson = (f: MatrixFixtures) => (mental ??= active(f, undefined, 'severe_mental_disorder_with_risk'));

const secrets = () => [NAME, SHARED_ID, '13900000000', '扬言'];

export const HIGH_RISK_PERSONS_ENDPOINTS: Record<string, MatrixEndpoint> = {
  'POST /high-risk-persons': {
    method: 'post',
    path: () => '/high-risk-persons',
    body: () => ({
      name: NAME,
      idNumber: newIdNumber(),
      categories: [{ category: 'repeated_unreasonable_disturbance', behaviour: '一周内三次在门诊大厅无理缠闹' }],
    }),
    allowed: ['hospital_security_officer', ...POLICE, 'political_legal_officer'],
    ok: 201,
  },
  'POST /high-risk-persons/checks': {
    method: 'post',
    path: async (f) => (await sharedPerson(f), '/high-risk-persons/checks'),
    body: () => ({ idNumber: SHARED_ID }),
    allowed: HOSPITAL,
    ok: 200,
    secrets: () => ['threatened_violence', 'notify_police'],
  },
  'GET /high-risk-persons': {
    method: 'get',
    path: async (f) => (await sharedPerson(f), '/high-risk-persons?status=active'),
    allowed: MEASURES,
    ok: 200,
    secrets: () => ['threatened_violence'],
  },
  // Police and the committee: full; the proposing hospital and the county commission: the warning only.
  'GET /high-risk-persons/:id': {
    method: 'get',
    path: async (f) => `/high-risk-persons/${await sharedPerson(f)}`,
    headers: { 'x-access-purpose': 'authorisation matrix' },
    allowed: [...MEASURES, ...HOSPITAL, 'health_commission_official'],
    ok: 200,
    secrets,
  },
  'GET /high-risk-persons/:id/reads': {
    method: 'get',
    path: async (f) => `/high-risk-persons/${await sharedPerson(f)}/reads`,
    allowed: HOSPITAL, // members of the proposing hospital
    ok: 200,
    secrets: () => ['readerUsername', 'authorisation matrix'],
  },
  'POST /high-risk-persons/:id/approve': {
    method: 'post',
    path: async (f) => `/high-risk-persons/${await proposed(f)}/approve`,
    body: () => ({}),
    allowed: DECIDERS,
    ok: 204,
  },
  'POST /high-risk-persons/:id/reject': {
    method: 'post',
    path: async (f) => `/high-risk-persons/${await proposed(f)}/reject`,
    body: () => ({ reason: '所述行为没有事实依据' }),
    allowed: DECIDERS,
    ok: 204,
  },
  'POST /high-risk-persons/:id/warnings': {
    method: 'post',
    path: async (f) => `/high-risk-persons/${await sharedPerson(f)}/warnings`,
    body: () => ({ kind: 'legal_education', note: '到派出所进行法制教育谈话' }),
    allowed: POLICE,
    ok: 201,
  },
  'POST /high-risk-persons/:id/tasks': {
    method: 'post',
    path: async (f) => `/high-risk-persons/${await sharedPerson(f)}/tasks`,
    body: (f) => ({
      kind: 'counselling',
      assigneeOrganisationId: f.organisationId('political-legal'),
      assigneeKind: 'community',
      note: '联系社区心理咨询师疏导',
    }),
    allowed: MEASURES,
    ok: 201,
  },
  'POST /high-risk-persons/:id/tasks/:taskId/complete': {
    method: 'post',
    path: (f) => withTask(f),
    body: () => ({ outcome: '已走访三次，情绪稳定' }),
    allowed: MEASURES,
    ok: 204,
  },
  'POST /high-risk-persons/:id/treatments': {
    method: 'post',
    path: async (f) => `/high-risk-persons/${await mentalPerson(f)}/treatments`,
    body: () => ({ arrangement: 'outpatient_follow_up', note: '精神卫生中心每月随访服药' }),
    allowed: MEASURES,
    ok: 201,
  },
  'POST /high-risk-persons/:id/renew': {
    method: 'post',
    path: async (f) => `/high-risk-persons/${await sharedPerson(f)}/renew`,
    body: () => ({ reason: '近三月仍多次到院缠闹' }),
    allowed: DECIDERS,
    ok: 204,
  },
  'POST /high-risk-persons/:id/remove': {
    method: 'post',
    path: async (f) => `/high-risk-persons/${await active(f)}/remove`,
    body: () => ({ reason: '经治疗已稳定，半年无异常行为' }),
    allowed: DECIDERS,
    ok: 204,
  },
  'POST /high-risk-persons/:id/erase': {
    method: 'post',
    path: async (f) => `/high-risk-persons/${await removed(f)}/erase`,
    body: () => ({ legalBasis: '个人信息保护法第四十七条 删除请求' }),
    allowed: ['station_chief'],
    ok: 204,
  },
};
