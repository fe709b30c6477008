import pg from 'pg';
import { eventually, type MatrixEndpoint, type MatrixFixtures } from '@pingan/testing';
import { SCHEMA } from './inbox/notification-store.js';

/** The notifications service's rows of the authorisation matrix (apps/standalone). */

const ADMIN = ['system_administrator'] as const;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** The demo hospital, once the directory's events reached this service's copy of the directory. */
async function knownHospital(f: MatrixFixtures): Promise<string> {
  const id = f.organisationId('hospital-central');
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await eventually(async () => {
      const { rowCount } = await client.query(`SELECT 1 FROM ${SCHEMA}.directory_organisations WHERE organisation_id = $1`, [id]);
      expect(rowCount).toBe(1);
    });
  } finally {
    await client.end();
  }
  return id;
}

export const NOTIFICATIONS_ENDPOINTS: Record<string, MatrixEndpoint> = {
  'GET /notifications': { method: 'get', path: () => '/notifications', allowed: 'authenticated', ok: 200 },
  'POST /notifications/:id/read': { method: 'post', path: () => `/notifications/${UNKNOWN}/read`, allowed: 'authenticated', ok: 404 },
  'POST /notifications/:id/acknowledge': {
    method: 'post',
    path: () => `/notifications/${UNKNOWN}/acknowledge`,
    allowed: 'authenticated',
    ok: 404,
  },
  'POST /notifications/stream-tickets': { method: 'post', path: () => '/notifications/stream-tickets', allowed: 'authenticated', ok: 201 },
  // GET /notifications/stream has no row: its credential is the ticket (or a bearer token), and a
  // stream that opens never ends. notifications.int-spec.ts checks it: a forged ticket and no
  // credentials are 401 ACCESS.UNAUTHENTICATED; each user's stream carries only what they may see.
  'GET /notifications/rules': { method: 'get', path: () => '/notifications/rules?region=500101', allowed: 'authenticated', ok: 200 },
  'PUT /notifications/rules/:ruleId/regions/:regionCode': {
    method: 'put',
    path: () => '/notifications/rules/deadline-warned/regions/500101',
    body: () => ({ urgency: 'immediate' }),
    allowed: ADMIN,
    ok: 200,
  },
  'DELETE /notifications/rules/:ruleId/regions/:regionCode': {
    method: 'delete',
    path: () => '/notifications/rules/deadline-warned/regions/500101',
    allowed: ADMIN,
    ok: 200,
  },
  'POST /notifications/channels': {
    method: 'post',
    path: () => '/notifications/channels',
    body: async (f) => ({
      organisationId: await knownHospital(f),
      kind: 'webhook',
      name: `matrix ${f.unique()}`,
      settings: { url: 'http://127.0.0.1:9/hook' },
      secrets: { signingSecret: 'matrix-signing-secret-0123456789' },
    }),
    allowed: ADMIN,
    ok: 201,
    secrets: () => ['matrix-signing-secret-0123456789'],
  },
  'GET /notifications/channels': { method: 'get', path: () => '/notifications/channels', allowed: ADMIN, ok: 200 },
  'DELETE /notifications/channels/:id': { method: 'delete', path: () => `/notifications/channels/${UNKNOWN}`, allowed: ADMIN, ok: 404 },
  'GET /notifications/deliveries': { method: 'get', path: () => '/notifications/deliveries', allowed: ADMIN, ok: 200 },
  'GET /notifications/:id/deliveries': { method: 'get', path: () => `/notifications/${UNKNOWN}/deliveries`, allowed: ADMIN, ok: 200 },
};
