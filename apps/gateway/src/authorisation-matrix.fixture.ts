import type { Role } from '@pingan/access';

/**
 * THE authorisation matrix: every endpoint × every role (+ no token, + a forged token).
 * A service adds its endpoints as rows (see docs/access.md); the runner in
 * authorisation-matrix.int-spec.ts checks that each allowed pair works and each denied pair
 * answers 401/403 problem+json that carries nothing of the record.
 */
export type MatrixCaller = Role | 'anonymous' | 'forged';

/** What rows may ask of the running test app: ids of the demo directory and throwaway records. */
export interface MatrixFixtures {
  organisationId(key: string): string;
  userId(username: string): string;
  password(username: string): string;
  /** A fresh, unused refresh token of a throwaway session. */
  refreshToken(): Promise<string>;
  /** A throwaway organisation / user to change or deactivate. */
  newOrganisation(): Promise<string>;
  newUser(): Promise<string>;
  unique(): string;
}

export interface MatrixEndpoint {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: (f: MatrixFixtures) => string | Promise<string>;
  body?: (f: MatrixFixtures) => object | Promise<object>;
  headers?: Record<string, string>;
  /** 'public': no token needed; 'authenticated': any valid token; a list: these roles; a function: decide per caller. */
  allowed: 'public' | 'authenticated' | readonly Role[] | ((caller: MatrixCaller) => boolean);
  /** The status of an allowed call. */
  ok: number;
  /** Strings of the record that a denied answer must not contain. */
  secrets?: (f: MatrixFixtures) => string[];
}

/** The demo user each role is tried as (apps/gateway/src/demo/demo-directory.ts). */
export const MATRIX_CALLERS: Record<Role, string> = {
  hospital_security_officer: 'wz.security',
  hospital_complaints_officer: 'wz.complaints',
  police_dispatcher: 'wz.dispatcher',
  police_case_officer: 'wz.case.officer',
  station_chief: 'wz.station.chief',
  mediator: 'wz.mediator',
  health_commission_official: 'wz.hc',
  prosecutor: 'wz.prosecutor',
  judge: 'wz.judge',
  political_legal_officer: 'wz.zfw',
  system_administrator: 'admin',
};

const ADMIN = ['system_administrator'] as const;

export const GATEWAY_ENDPOINTS: Record<string, MatrixEndpoint> = {
  'GET /health': { method: 'get', path: () => '/health', allowed: 'public', ok: 200 },
  'POST /auth/login': {
    method: 'post',
    path: () => '/auth/login',
    body: (f) => ({ username: 'wz.clinic', password: f.password('wz.clinic') }),
    allowed: 'public',
    ok: 200,
  },
  'POST /auth/refresh': {
    method: 'post',
    path: () => '/auth/refresh',
    body: async (f) => ({ refreshToken: await f.refreshToken() }),
    allowed: 'public',
    ok: 200,
  },
  'GET /auth/me': { method: 'get', path: () => '/auth/me', allowed: 'authenticated', ok: 200 },
  'POST /auth/logout': { method: 'post', path: () => '/auth/logout', body: () => ({}), allowed: 'authenticated', ok: 204 },
  'GET /access/organisations': { method: 'get', path: () => '/access/organisations', allowed: 'authenticated', ok: 200 },
  'GET /access/organisations/:id': {
    method: 'get',
    path: (f) => `/access/organisations/${f.organisationId('hospital-central')}`,
    allowed: 'authenticated',
    ok: 200,
  },
  'POST /access/organisations': {
    method: 'post',
    path: () => '/access/organisations',
    body: (f) => ({ kind: 'court', name: `法院 ${f.unique()}`, regionCode: '500101' }),
    allowed: ADMIN,
    ok: 201,
  },
  'POST /access/organisations/:id/deactivate': {
    method: 'post',
    path: async (f) => `/access/organisations/${await f.newOrganisation()}/deactivate`,
    body: () => ({ reason: 'matrix' }),
    allowed: ADMIN,
    ok: 204,
  },
  'POST /access/users': {
    method: 'post',
    path: () => '/access/users',
    body: (f) => ({
      organisationId: f.organisationId('court'),
      username: `matrix.${f.unique()}`,
      displayName: '测试',
      roles: ['judge'],
      password: 'a-long-enough-password',
    }),
    allowed: ADMIN,
    ok: 201,
  },
  'PUT /access/users/:id/roles': {
    method: 'put',
    path: async (f) => `/access/users/${await f.newUser()}/roles`,
    body: () => ({ roles: ['judge', 'system_administrator'] }),
    allowed: ADMIN,
    ok: 204,
  },
  'POST /access/users/:id/deactivate': {
    method: 'post',
    path: async (f) => `/access/users/${await f.newUser()}/deactivate`,
    body: () => ({ reason: 'matrix' }),
    allowed: ADMIN,
    ok: 204,
  },
  // Personal data: the user (wz.complaints), their hospital's members, administrators.
  'GET /access/users/:id': {
    method: 'get',
    path: (f) => `/access/users/${f.userId('wz.complaints')}`,
    headers: { 'x-access-purpose': 'authorisation matrix' },
    allowed: ['hospital_security_officer', 'hospital_complaints_officer', 'system_administrator'],
    ok: 200,
    secrets: () => ['023-58000002', '陈投诉', 'wz.complaints'],
  },
  'GET /access/organisations/:id/reads': {
    method: 'get',
    path: (f) => `/access/organisations/${f.organisationId('hospital-central')}/reads`,
    allowed: ['hospital_security_officer', 'hospital_complaints_officer', 'system_administrator'],
    ok: 200,
    secrets: () => ['authorisation matrix', 'readerUserId'],
  },
};
