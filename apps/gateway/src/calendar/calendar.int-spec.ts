import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createTestDatabase, testAccessTokenKeys, type TestDatabase } from '@pingan/testing';
import request from 'supertest';

/**
 * The calendar over the gateway's HTTP API on real PostgreSQL (in-process bus): a system
 * administrator loads and corrects a year, every signed-in user reads it day by day with its
 * history, and a bad schedule is refused with a problem and the field at fault.
 * The 2027 schedule here is test data in the notice's shape, not the State Council's.
 */
describe('PUT and GET /calendar/{year}', () => {
  const saved = { ...process.env };
  const keys = testAccessTokenKeys();
  let database: TestDatabase;
  let app: INestApplication;
  let adminToken: string;
  let officerToken: string;

  beforeAll(async () => {
    database = await createTestDatabase('gateway_calendar');
    process.env = { ...saved, DATABASE_URL: database.url, LOG_LEVEL: 'fatal', ...keys.env };
    delete process.env.KAFKA_BROKERS;
    const { AppModule } = await import('../app.module.js');
    app = (await Test.createTestingModule({ imports: [AppModule] }).compile()).createNestApplication();
    await app.init();
    adminToken = await keys.tokenFor({ userId: 'admin-1', organisationKind: 'police', roles: ['system_administrator'] });
    officerToken = await keys.tokenFor({ userId: 'officer-1', organisationKind: 'police', roles: ['police_case_officer'] });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    process.env = saved;
    await database?.drop();
  });

  const http = () => request(app.getHttpServer());
  const schedule = (lastDayOff = '2027-02-11') => ({
    year: 2027,
    notice: 'TEST-2027',
    holidays: [{ name: '春节', from: '2027-02-05', to: lastDayOff, workdays: ['2027-02-20'] }],
  });

  it('shows 2027 as provisional (the law alone) before any load', async () => {
    const res = await http().get('/calendar/2027').set('authorization', `Bearer ${officerToken}`).expect(200);
    expect(res.body).toMatchObject({ year: 2027, status: 'provisional', source: 'law', loads: [] });
    expect(res.body.days.find((d: { date: string }) => d.date === '2027-02-09')).toMatchObject({ kind: 'day_in_lieu', provisional: true });
  });

  it('lets only a system administrator load a year', async () => {
    await http().put('/calendar/2027').set('authorization', `Bearer ${officerToken}`).send(schedule()).expect(403);
    await http().put('/calendar/2027').send(schedule()).expect(401);
  });

  it('loads and corrects 2027; the day view and the history follow', async () => {
    const first = await http().put('/calendar/2027').set('authorization', `Bearer ${adminToken}`).send(schedule()).expect(200);
    expect(first.body).toMatchObject({ year: 2027, version: 1, changed: true, notice: 'TEST-2027' });
    const again = await http().put('/calendar/2027').set('authorization', `Bearer ${adminToken}`).send(schedule()).expect(200);
    expect(again.body).toMatchObject({ version: 1, changed: false });
    await http().put('/calendar/2027').set('authorization', `Bearer ${adminToken}`).send(schedule('2027-02-12')).expect(200);

    const res = await http().get('/calendar/2027').set('authorization', `Bearer ${officerToken}`).expect(200);
    expect(res.body).toMatchObject({ status: 'official', source: 'loaded' });
    expect(res.body.loads).toEqual([
      expect.objectContaining({ version: 1, notice: 'TEST-2027', loadedBy: expect.objectContaining({ userId: 'admin-1' }) }),
      expect.objectContaining({ version: 2, notice: 'TEST-2027' }),
    ]);
    const day = (date: string) => res.body.days.find((d: { date: string }) => d.date === date);
    expect(day('2027-02-12')).toMatchObject({ kind: 'holiday', working: false, provisional: false, name: 'TEST-2027: 春节' });
    expect(day('2027-02-20')).toMatchObject({ kind: 'make_up_working_day', working: true });
    expect(day('2027-02-09')).toMatchObject({ kind: 'holiday' }); // the notice's own day off, no longer "in lieu"
  });

  it('refuses a bad schedule with problem+json naming the field, never a 500', async () => {
    const bad = await http()
      .put('/calendar/2027')
      .set('authorization', `Bearer ${adminToken}`)
      .send({ ...schedule(), holidays: [{ name: '国庆节', from: '2027-10-04', to: '2027-10-08', workdays: ['2027-10-03'] }] })
      .expect(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body).toMatchObject({ code: 'CALENDAR.STATUTORY_HOLIDAY_WORKING' });
    const mismatch = await http().put('/calendar/2028').set('authorization', `Bearer ${adminToken}`).send(schedule()).expect(400);
    expect(mismatch.body).toMatchObject({ code: 'CALENDAR.YEAR_MISMATCH' });
    const badYear = await http().get('/calendar/1999').set('authorization', `Bearer ${officerToken}`).expect(400);
    expect(badYear.body).toMatchObject({ code: 'CALENDAR.YEAR_OUT_OF_RANGE' });
    await http()
      .put('/calendar/2027')
      .set('authorization', `Bearer ${adminToken}`)
      .send({ ...schedule(), holidays: [{ name: '春节', from: 'Feb 5', to: '2027-02-11' }] })
      .expect(400);
  });
});
