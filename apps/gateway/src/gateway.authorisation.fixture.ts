import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Role } from '@pingan/access';
import { SYSTEM_ACTOR } from '@pingan/contracts';
import { runtimeToken, type ServiceRuntime } from '@pingan/platform';
import { waitForDirectories, type MatrixEndpoint, type MatrixFixtures } from '@pingan/testing';
import { RefreshTokens } from './auth/refresh-tokens.js';
import { demoId, seedDemoDirectory } from './demo/demo-directory.js';
import { RegisterOrganisationCommand, RegisterUserCommand } from './directory/commands/directory-use-cases.js';
import { DirectoryLookups } from './directory/directory-lookups.js';

/** The gateway's rows of the authorisation matrix, and what every row may ask of the running test app. */

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
  'GET /health/live': { method: 'get', path: () => '/health/live', allowed: 'public', ok: 200 },
  'GET /health/ready': { method: 'get', path: () => '/health/ready', allowed: 'public', ok: 200 },
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
  'GET /meta/labels': { method: 'get', path: () => '/meta/labels', allowed: 'public', ok: 200 },
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
  // A far year, so the matrix's load moves no clock of the other rows.
  'PUT /calendar/:year': {
    method: 'put',
    path: () => '/calendar/2030',
    body: () => ({ year: 2030, notice: 'matrix', holidays: [{ name: '国庆节', from: '2030-10-01', to: '2030-10-07', workdays: [] }] }),
    allowed: ADMIN,
    ok: 200,
  },
  'GET /calendar/:year': { method: 'get', path: () => '/calendar/2030', allowed: 'authenticated', ok: 200 },
  'GET /access/organisations/:id/reads': {
    method: 'get',
    path: (f) => `/access/organisations/${f.organisationId('hospital-central')}/reads`,
    allowed: ['hospital_security_officer', 'hospital_complaints_officer', 'system_administrator'],
    ok: 200,
    secrets: () => ['authorisation matrix', 'readerUserId'],
  },
};

/**
 * Seeds the demo directory into a running app (gateway composed in) and gives the rows its ids,
 * the demo passwords and throwaway records; built here so that the matrix needs no gateway internals.
 */
export async function gatewayMatrixFixtures(app: INestApplication): Promise<MatrixFixtures> {
  const passwords = new Map<string, string>();
  let counter = 0;
  const commands = app.get(CommandBus);
  for (const login of await seedDemoDirectory(commands, app.get(DirectoryLookups))) passwords.set(login.username, login.password);
  const context = { actor: SYSTEM_ACTOR, correlationId: 'matrix' };
  return {
    organisationId: (key) => demoId(`organisation:${key}`),
    userId: (username) => demoId(`user:${username}`),
    password: (username) => passwords.get(username)!,
    refreshToken: async () => (await app.get(RefreshTokens).issue(demoId('user:wz.second.security'))).token,
    newOrganisation: () =>
      commands.execute(
        new RegisterOrganisationCommand({ kind: 'court', name: `临时 ${++counter}`, regionCode: '500101', details: {} }, context),
      ),
    newUser: () =>
      commands.execute(
        new RegisterUserCommand(
          {
            organisationId: demoId('organisation:court'),
            username: `throwaway.${++counter}`,
            displayName: '临时',
            roles: ['judge'],
            password: 'throwaway-password',
          },
          context,
        ),
      ),
    unique: () => `${Date.now().toString(36)}${++counter}`,
    provider: (type) => app.get(type, { strict: false }),
  };
}

/**
 * The services learn the directory from the gateway's events, asynchronously even on the
 * in-process bus: a test that seeded it waits until the copy of each context in `contexts` holds
 * every organisation.
 */
export async function directoriesCaughtUp(app: INestApplication, contexts: readonly string[]): Promise<void> {
  const ids = (await app.get(DirectoryLookups).organisations()).map((o) => o.organisationId);
  await waitForDirectories(
    contexts.map((context) => app.get<ServiceRuntime>(runtimeToken(context), { strict: false }).directory),
    ids,
  );
}
