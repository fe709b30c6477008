import type { Role } from '@pingan/access';
import pg from 'pg';
import type { MatrixCaller, MatrixEndpoint, MatrixFixtures } from '@pingan/testing';
import { CASE_READERS, HEALTH_RETURN_READERS, POLICE_RETURN_READERS, STATISTICS_READERS, SUPERVISORS } from './oversight-access.js';
import { S } from './read-models/schema.js';

/**
 * Oversight's rows of the authorisation matrix (apps/standalone). The matrix app has no other
 * context that could report a case yet, so the rows file one case of the demo county straight
 * into oversight's read model, as its feed would have: 万州区中心医院's case in 500101.
 */
export const MATRIX_CASE = '500101-20261101-0001';
const SECRET_SUMMARY = 'Incident reported (matrix-secret-summary)';

let seeded: Promise<void> | null = null;
function seedMatrixCase(f: MatrixFixtures): Promise<void> {
  seeded ??= (async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const hospital = f.organisationId('hospital-central');
      await client.query(
        `INSERT INTO ${S}.cases (case_number, region_code, hospital_id, occurred_at, month, categories) VALUES ($1, '500101', $2, now(), '2026-11', '{assault_on_staff}')
         ON CONFLICT DO NOTHING`,
        [MATRIX_CASE, hospital],
      );
      await client.query(
        `INSERT INTO ${S}.timeline (event_id, context, type, stream_id, case_number, occurred_at, recorded_at, actor_user_id,
           actor_organisation_id, actor_role, region_code, hospital_id, high_risk, summary)
         VALUES ('matrix-event-1', 'incidents', 'IncidentReported', $1, $2, now(), now(), 'matrix-user', $3, 'hospital_security_officer', '500101', $3, false, $4)
         ON CONFLICT DO NOTHING`,
        [`incident-${MATRIX_CASE}`, MATRIX_CASE, hospital, SECRET_SUMMARY],
      );
    } finally {
      await client.end();
    }
  })();
  return seeded;
}

// Entitled to the demo case: its hospital's members, police of 万州区 (jurisdiction), the county commission.
const CASE_ENTITLED: readonly Role[] = [
  'hospital_security_officer',
  'hospital_complaints_officer',
  'police_dispatcher',
  'police_case_officer',
  'station_chief',
  'health_commission_official',
];
const entitled = (caller: MatrixCaller): boolean => (CASE_ENTITLED as readonly string[]).includes(caller);
const timelineRow = (suffix: string): MatrixEndpoint => ({
  method: 'get',
  path: async (f) => {
    await seedMatrixCase(f);
    return `/cases/${MATRIX_CASE}/timeline${suffix}`;
  },
  allowed: entitled,
  ok: 200,
  secrets: () => ['matrix-secret-summary', 'matrix-user'],
});

export const OVERSIGHT_ENDPOINTS: Record<string, MatrixEndpoint> = {
  'GET /cases/:caseNumber/timeline': timelineRow(''),
  'GET /cases/:caseNumber/timeline.csv': timelineRow('.csv'),
  'GET /cases/:caseNumber/timeline.html': timelineRow('.html'),
  'GET /cases/:caseNumber/timeline.pdf': timelineRow('.pdf'),
  'GET /oversight/deadlines': { method: 'get', path: () => '/oversight/deadlines', allowed: CASE_READERS, ok: 200 },
  'GET /oversight/inbox': { method: 'get', path: () => '/oversight/inbox', allowed: SUPERVISORS, ok: 200 },
  'GET /oversight/supervisions': { method: 'get', path: () => '/oversight/supervisions', allowed: SUPERVISORS, ok: 200 },
  // Supervise the demo case: the county commission may (its county); the political-legal committee
  // holds the role but nothing was escalated to it, so it is not entitled to the case.
  'POST /oversight/supervisions': {
    method: 'post',
    path: async (f) => {
      await seedMatrixCase(f);
      return '/oversight/supervisions';
    },
    body: () => ({ caseNumber: MATRIX_CASE, dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), instructions: '矩阵测试督办' }),
    allowed: ['health_commission_official'],
    ok: 201,
    secrets: () => [MATRIX_CASE, '矩阵测试督办'],
  },
  // An unknown supervision answers as a forbidden one to everybody (ids cannot be probed).
  'POST /oversight/supervisions/:id/progress': {
    method: 'post',
    path: () => '/oversight/supervisions/00000000-0000-4000-8000-000000000000/progress',
    body: () => ({ note: 'x' }),
    allowed: () => false,
    ok: 204,
  },
  'GET /oversight/supervisions/:id': {
    method: 'get',
    path: () => '/oversight/supervisions/00000000-0000-4000-8000-000000000000',
    allowed: () => false,
    ok: 200,
  },
  'POST /oversight/supervisions/:id/close': {
    method: 'post',
    path: () => '/oversight/supervisions/00000000-0000-4000-8000-000000000000/close',
    body: () => ({ conclusion: 'x' }),
    allowed: () => false,
    ok: 204,
  },
  'GET /oversight/statistics': { method: 'get', path: () => '/oversight/statistics?month=2026-11', allowed: STATISTICS_READERS, ok: 200 },
  'GET /oversight/statistics.csv': {
    method: 'get',
    path: () => '/oversight/statistics.csv?month=2026-11',
    allowed: STATISTICS_READERS,
    ok: 200,
  },
  'GET /oversight/statistics.xlsx': {
    method: 'get',
    path: () => '/oversight/statistics.xlsx?month=2026-11',
    allowed: STATISTICS_READERS,
    ok: 200,
  },
  'GET /oversight/returns/health-monthly.xlsx': {
    method: 'get',
    path: () => '/oversight/returns/health-monthly.xlsx?month=2026-11',
    allowed: HEALTH_RETURN_READERS,
    ok: 200,
  },
  'GET /oversight/returns/health-monthly.csv': {
    method: 'get',
    path: () => '/oversight/returns/health-monthly.csv?month=2026-11',
    allowed: HEALTH_RETURN_READERS,
    ok: 200,
  },
  'GET /oversight/returns/police-monthly.csv': {
    method: 'get',
    path: () => '/oversight/returns/police-monthly.csv?month=2026-11',
    allowed: POLICE_RETURN_READERS,
    ok: 200,
  },
  'GET /oversight/returns/police-monthly.xlsx': {
    method: 'get',
    path: () => '/oversight/returns/police-monthly.xlsx?month=2026-11',
    allowed: POLICE_RETURN_READERS,
    ok: 200,
  },
};
