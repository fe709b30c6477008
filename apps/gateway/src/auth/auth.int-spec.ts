import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { CommandBus } from '@nestjs/cqrs';
import { ACCESS_CLOCK } from '@pingan/access';
import { SYSTEM_ACTOR } from '@pingan/contracts';
import { closeAppAndDatabase, createTestDatabase, testKafkaBrokers, type TestDatabase, testAccessTokenKeys } from '@pingan/testing';
import { Logger, PinoLogger } from 'nestjs-pino';
import pino from 'pino';
import request from 'supertest';
import { demoId, seedDemoDirectory } from '../demo/demo-directory.js';
import { RegisterOrganisationCommand } from '../directory/commands/directory-use-cases.js';
import { DirectoryLookups } from '../directory/directory-lookups.js';

/** Login, refresh, logout, lockout, deactivation, read audit, and what reaches the logs: gateway on real PostgreSQL. */
describe('gateway authentication', () => {
  const saved = { ...process.env };
  let database: TestDatabase;
  let app: INestApplication;
  let now = new Date('2026-11-02T01:00:00Z');
  const passwords = new Map<string, string>();
  const logLines: string[] = [];
  const secrets: string[] = []; // every password and token the test handles: none may be logged

  const http = () => request(app.getHttpServer());
  const advance = (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000));
  const login = async (username: string, password = passwords.get(username)!) => {
    secrets.push(password);
    const res = await http().post('/auth/login').send({ username, password });
    if (res.status === 200) secrets.push(res.body.accessToken, res.body.refreshToken);
    return res;
  };
  const refresh = async (refreshToken: string) => {
    const res = await http().post('/auth/refresh').send({ refreshToken });
    if (res.status === 200) secrets.push(res.body.accessToken, res.body.refreshToken);
    return res;
  };
  const me = (token: string) => http().get('/auth/me').set('authorization', `Bearer ${token}`);

  beforeAll(async () => {
    database = await createTestDatabase('gateway_auth');
    Object.assign(process.env, {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      LOG_LEVEL: 'debug',
      ...testAccessTokenKeys().env,
    });
    const { AppModule } = await import('../app.module.js');
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(ACCESS_CLOCK)
      .useValue(() => now)
      .compile();
    app = moduleRef.createNestApplication({ bufferLogs: true });
    app.useLogger(app.get(Logger));
    await app.init();
    // Everything pino writes (request logs, Nest loggers) goes to this array instead of stdout.
    const stream = (PinoLogger.root as unknown as Record<symbol, { write: (line: string) => void }>)[pino.symbols.streamSym];
    stream.write = (line: string) => void logLines.push(line);
    for (const l of await seedDemoDirectory(app.get(CommandBus), app.get(DirectoryLookups))) passwords.set(l.username, l.password);
  }, 120_000);

  afterAll(() => closeAppAndDatabase(app, saved, database));

  it('logs in with a 15-minute ES256 token carrying user, organisation, kind, roles and region', async () => {
    const res = await login('cq.city.hc');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, accessTokenExpiresAt: '2026-11-02T01:15:00.000Z' });
    const header = JSON.parse(Buffer.from(res.body.accessToken.split('.')[0], 'base64url').toString());
    expect(header.alg).toBe('ES256');
    const who = await me(res.body.accessToken).expect(200);
    expect(who.body).toMatchObject({
      username: 'cq.city.hc',
      organisationId: demoId('organisation:hc-city'),
      organisationKind: 'health_commission',
      organisationRegion: '500100',
      healthCommissionLevel: 'city',
      roles: ['health_commission_official'],
    });
    advance(16);
    const expired = await me(res.body.accessToken).expect(401);
    expect(expired.body.code).toBe('ACCESS.UNAUTHENTICATED');
  });

  it('rotates refresh tokens; a spent one replayed revokes the whole family; logout ends the session', async () => {
    const first = (await login('wz.mediator')).body;
    const second = (await refresh(first.refreshToken)).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await me(second.accessToken).expect(200);

    const replay = await refresh(first.refreshToken);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('ACCESS.REFRESH_TOKEN_INVALID');
    expect((await refresh(second.refreshToken)).status).toBe(401); // the thief's and the owner's alike

    const session = (await login('wz.mediator')).body;
    await http()
      .post('/auth/logout')
      .set('authorization', `Bearer ${session.accessToken}`)
      .send({ refreshToken: session.refreshToken })
      .expect(204);
    expect((await refresh(session.refreshToken)).status).toBe(401);
    await me(session.accessToken).expect(200); // an access token lives until it expires: at most 15 minutes
  });

  it('locks an account for 15 minutes after 5 failures, even against the right password', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await login('wz.judge', `wrong-password-${i}`);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('ACCESS.INVALID_CREDENTIALS');
    }
    const locked = await login('wz.judge');
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('ACCESS.LOGIN_LOCKED');
    expect(locked.headers['retry-after']).toBe('900');
    expect((await login('WZ.Judge ', 'another-wrong-guess')).status).toBe(429); // case and spaces buy nothing
    expect((await login('wz.prosecutor')).status).toBe(200); // other accounts unaffected
    advance(14);
    expect((await login('wz.judge')).status).toBe(429);
    advance(2);
    expect((await login('wz.judge')).status).toBe(200);
  }, 30_000); // 9 scrypt hashes: near Jest's 5 s default on a loaded 2-core machine

  it('unknown usernames answer like wrong passwords and count too', async () => {
    const res = await login('no.such.user', 'whatever-password');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('ACCESS.INVALID_CREDENTIALS');
  });

  it('throttles an address after 20 failures across accounts, without locking out the others behind it', async () => {
    advance(30);
    for (let i = 0; i < 20; i++) expect((await login(`spray.${i}`, 'Password123!')).status).toBe(401);
    // Everybody behind the address (one hospital's NAT) waits seconds, not the 15 minutes of an account lock.
    const throttled = await login('wz.zfw');
    expect(throttled.status).toBe(429);
    expect(throttled.body.code).toBe('ACCESS.LOGIN_THROTTLED');
    expect(throttled.headers['retry-after']).toBe('10');
    advance(5 / 60);
    expect((await login('wz.zfw')).headers['retry-after']).toBe('5');
    advance(5 / 60);
    expect((await login('wz.zfw')).status).toBe(200);
    // A further failure from the address within the window holds it again for 10 s: a guess every 10 s at most.
    expect((await login('spray.21', 'Password123!')).status).toBe(401);
    expect((await login('wz.zfw')).body.code).toBe('ACCESS.LOGIN_THROTTLED');
    advance(16); // the window is over: the address starts afresh
    expect((await login('wz.zfw')).status).toBe(200);
  }, 30_000); // 22 scrypt hashes: slow on a loaded 2-core machine

  it('keeps the last active system administrator: neither deactivated (also not by themselves) nor demoted', async () => {
    advance(30);
    const admin = (await login('admin')).body.accessToken as string;
    const adminId = demoId('user:admin');
    const last = await http()
      .post(`/access/users/${adminId}/deactivate`)
      .set('authorization', `Bearer ${admin}`)
      .send({ reason: 'leaving' });
    expect(last.status).toBe(409);
    expect(last.body).toMatchObject({ code: 'ACCESS.LAST_ADMINISTRATOR', errors: [{ code: 'ACCESS.LAST_ADMINISTRATOR' }] });
    const demoted = await http()
      .put(`/access/users/${adminId}/roles`)
      .set('authorization', `Bearer ${admin}`)
      .send({ roles: ['political_legal_officer'] });
    expect(demoted.body.code).toBe('ACCESS.LAST_ADMINISTRATOR');

    // With a second administrator, either may go, but not both.
    const second = await http()
      .post('/access/users')
      .set('authorization', `Bearer ${admin}`)
      .send({
        organisationId: demoId('organisation:political-legal'),
        username: 'second.admin',
        displayName: '第二管理员',
        roles: ['system_administrator'],
        password: 'a-long-enough-password',
      })
      .expect(201);
    const secondId = second.body.userId ?? second.body.id;
    expect(typeof secondId).toBe('string');
    await http().post(`/access/users/${secondId}/deactivate`).set('authorization', `Bearer ${admin}`).send({ reason: 'temp' }).expect(204);
    expect(
      (await http().post(`/access/users/${adminId}/deactivate`).set('authorization', `Bearer ${admin}`).send({ reason: 'leaving' })).status,
    ).toBe(409);
    // Nor their whole organisation, whose users could no longer log in.
    const organisation = await http()
      .post(`/access/organisations/${demoId('organisation:political-legal')}/deactivate`)
      .set('authorization', `Bearer ${admin}`)
      .send({ reason: 'merged' });
    expect(organisation.status).toBe(409);
    expect(organisation.body.code).toBe('ACCESS.LAST_ADMINISTRATOR');
    expect((await me(admin)).status).toBe(200);
  }, 30_000);

  it('a deactivated user cannot log in or refresh; their access token dies at expiry; role changes apply at refresh', async () => {
    advance(30);
    const admin = (await login('admin')).body.accessToken as string;
    const session = (await login('wz.second.security')).body;
    const userId = demoId('user:wz.second.security');

    await http()
      .put(`/access/users/${userId}/roles`)
      .set('authorization', `Bearer ${admin}`)
      .send({ roles: ['hospital_complaints_officer'] })
      .expect(204);
    expect((await me(session.accessToken)).body.roles).toEqual(['hospital_security_officer']); // token unchanged…
    const rotated = (await refresh(session.refreshToken)).body;
    expect((await me(rotated.accessToken)).body.roles).toEqual(['hospital_complaints_officer']); // …until refresh

    await http().post(`/access/users/${userId}/deactivate`).set('authorization', `Bearer ${admin}`).send({ reason: 'left' }).expect(204);
    expect((await login('wz.second.security')).status).toBe(401);
    expect((await refresh(rotated.refreshToken)).status).toBe(401);
    await me(rotated.accessToken).expect(200);
    advance(16);
    await me(rotated.accessToken).expect(401);
  });

  it('audits reads of personal data with who and why; a denied read is neither served nor recorded', async () => {
    advance(30);
    const security = (await login('wz.security')).body.accessToken as string;
    const outsider = (await login('wz.clinic')).body.accessToken as string;
    const target = demoId('user:wz.complaints');
    const hospital = demoId('organisation:hospital-central');

    const read = await http()
      .get(`/access/users/${target}`)
      .set('authorization', `Bearer ${security}`)
      .set('x-access-purpose', encodeURIComponent('核查投诉处理人'))
      .expect(200);
    expect(read.body).toMatchObject({ username: 'wz.complaints', phone: '023-58000002' });
    const denied = await http().get(`/access/users/${target}`).set('authorization', `Bearer ${outsider}`).expect(403);
    expect(denied.text).not.toContain('023-58000002');

    const reads = await http().get(`/access/organisations/${hospital}/reads`).set('authorization', `Bearer ${security}`).expect(200);
    expect(reads.body).toMatchObject({ total: 1, limit: 100, offset: 0 });
    expect(reads.body.items[0]).toMatchObject({
      recordType: 'user-personal-data',
      recordId: target,
      readerUsername: 'wz.security',
      readerOrganisationId: hospital,
      purpose: '核查投诉处理人',
      readAt: now.toISOString(),
    });
    await http().get(`/access/organisations/${hospital}/reads`).set('authorization', `Bearer ${outsider}`).expect(403);
  });

  it('keeps the directory’s history: every change is an attributed event', async () => {
    const commands = app.get(CommandBus);
    const id = await commands.execute(
      new RegisterOrganisationCommand(
        { kind: 'court', name: '测试法院', regionCode: '500101', details: {} },
        { actor: SYSTEM_ACTOR, correlationId: 'c-1' },
      ),
    );
    await expect(
      commands.execute(
        new RegisterOrganisationCommand(
          { kind: 'court', name: 'x', regionCode: '500101', details: {}, parentId: 'nope' },
          { actor: SYSTEM_ACTOR, correlationId: 'c-2' },
        ),
      ),
    ).rejects.toMatchObject({ code: 'ACCESS.ORGANISATION_INVALID' });
    expect((await app.get(DirectoryLookups).organisation(id))?.name).toBe('测试法院');
  });

  it('never logs a password or a token (and does log the logins)', () => {
    const text = logLines.join('');
    expect(text).toContain('login succeeded');
    expect(text).toContain('login failed');
    expect(text).toContain('[redacted]'); // the Authorization header of requests, e.g. /auth/me
    expect(secrets.length).toBeGreaterThan(20);
    const leaked = secrets.filter((secret) => text.includes(secret));
    expect(leaked).toEqual([]);
    // …nor a refresh token's secret half alone
    for (const secret of secrets.filter((s) => /^[0-9a-f-]{36}\./.test(s))) expect(text).not.toContain(secret.split('.')[1]);
  });
});
