import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { PlatformModule } from '@pingan/platform';
import { asCaller, closeAppAndDatabase, createTestDatabase, type TestDatabase, testAccessTokenKeys } from '@pingan/testing';
import request from 'supertest';
import { IncidentsModule } from '../incidents.module.js';
import { PRINCIPALS, WZ, YZ, claimsOf, hospitalFacts, minutesBefore, seedTestDirectory, type Who } from '../incidents.fixture.js';

/** The incidents API over HTTP: validation, authentication, access per role, the list's scope. */
describe('incidents HTTP API', () => {
  const saved = { ...process.env };
  const keys = testAccessTokenKeys();
  const tokens = new Map<Who, string>();
  let database: TestDatabase;
  let app: INestApplication;

  const as = (who: Who) => asCaller(app, tokens.get(who));

  const call110 = (hospitalId = 'hosp-a') => ({
    hospital: hospitalFacts(hospitalId),
    occurredAt: minutesBefore(new Date(), 20),
    intake: {
      channel: 'call_110',
      callReceivedAt: minutesBefore(new Date(), 19),
      caller: { name: '张先生', phone: '13800000000' },
      description: '急诊科有人殴打医生',
    },
  });
  const hospitalReport = (hospitalId: string, classification?: object) => ({
    hospital: hospitalFacts(hospitalId),
    occurredAt: minutesBefore(new Date(), 30),
    intake: { channel: 'hospital_report', location: '门诊大厅', partiesCount: 2, behaviour: '辱骂并推搡护士', anyoneInjured: false },
    ...(classification ? { classification } : {}),
  });

  let caseA: string; // hospital A (万州), major
  let caseB: string; // hospital B (万州), one-key alarm
  let caseC: string; // hospital C (渝中), 110 call

  beforeAll(async () => {
    database = await createTestDatabase('incidents_http');
    Object.assign(process.env, { DATABASE_URL: database.url, LOG_LEVEL: 'fatal', ...keys.env });
    for (const [who, principal] of Object.entries(PRINCIPALS)) tokens.set(who as Who, await keys.tokenFor(claimsOf(principal)));
    const moduleRef = await Test.createTestingModule({
      imports: [PlatformModule.forRoot({ service: 'incidents', inProcessBus: true }), IncidentsModule],
    }).compile();
    app = moduleRef.createNestApplication();
    await app.init();
    await seedTestDirectory(app);

    const a = await as('hospitalA')
      .post('/incidents', hospitalReport('hosp-a', { categories: ['assault_on_staff'], casualties: { staff: { seriousInjuries: 1 } } }))
      .expect(201);
    caseA = a.body.caseNumber;
    const b = await as('hospitalB')
      .post('/incidents', {
        hospital: hospitalFacts('hosp-b'),
        occurredAt: minutesBefore(new Date(), 5),
        intake: { channel: 'one_key_alarm', location: '儿科护士站' },
      })
      .expect(201);
    caseB = b.body.caseNumber;
    const c = await as('dispatcherYz').post('/incidents', call110('hosp-c')).expect(201);
    caseC = c.body.caseNumber;
  }, 60_000);

  afterAll(() => closeAppAndDatabase(app, saved, database));

  describe('reporting', () => {
    it('allocates case numbers per region and Shanghai date, in sequence', () => {
      expect(caseA).toMatch(/^500101-\d{8}-0001$/);
      expect(caseB).toMatch(/^500101-\d{8}-0002$/);
      expect(caseC).toMatch(/^500103-\d{8}-0001$/);
    });

    it('starts the report clocks of a major incident at intake', async () => {
      const res = await as('hospitalA').get(`/incidents/${caseA}`).expect(200);
      expect(res.body.incident).toMatchObject({ major: true, status: 'open', countyHealthCommissionId: 'hc-wz' });
      // … and the report to the county commission and the local 综治 is made in the same command.
      expect(res.body.history.map((e: { type: string }) => e.type)).toEqual([
        'IncidentReported',
        'IncidentClockStarted',
        'IncidentClockStarted',
        'EscalationSubmitted',
        'EscalationSubmitted',
        'IncidentClockStarted',
        'IncidentClockStopped',
      ]);
      expect(res.body.history[3].data).toMatchObject({
        chain: 'health',
        level: 'county',
        addresseeOrganisationId: 'hc-wz',
        automatic: true,
      });
      expect(res.body.history[4].data).toMatchObject({ chain: 'political_legal', level: 'local', addresseeOrganisationId: 'zfw-wz' });
      expect(res.body.history[0]).toMatchObject({
        version: 1,
        actor: { userId: 'sec-a', organisationId: 'hosp-a', role: 'hospital_security_officer' },
      });
      expect(res.body.history[0].recordedAt).toEqual(expect.any(String));
    });

    it('answers 400 naming each field at fault', async () => {
      const missing = await as('dispatcher')
        .post('/incidents', {
          ...call110(),
          occurredAt: 'yesterday',
          intake: { channel: 'call_110', callReceivedAt: minutesBefore(new Date(), 1) },
        })
        .expect(400);
      expect(missing.body).toMatchObject({ code: 'VALIDATION.FAILED', status: 400 });
      const fields = missing.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['occurredAt', 'intake.description']));

      const report = await as('hospitalA')
        .post('/incidents', {
          ...hospitalReport('hosp-a'),
          intake: { channel: 'hospital_report', behaviour: '辱骂' },
          classification: { categories: ['arson'] },
          extra: 1,
        })
        .expect(400);
      expect(report.body.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'intake.partiesCount' }),
          expect.objectContaining({ field: 'intake.anyoneInjured' }),
          expect.objectContaining({ field: 'classification.categories', code: 'IS_IN' }),
          expect.objectContaining({ field: 'extra', code: 'NOT_ALLOWED' }),
        ]),
      );

      const channel = await as('dispatcher')
        .post('/incidents', { ...call110(), intake: { channel: 'carrier_pigeon', description: 'x' } })
        .expect(400);
      expect(channel.body.errors.map((e: { field: string }) => e.field)).toContain('intake.channel');

      const dispatch = await as('dispatcher').post(`/incidents/${caseA}/dispatch`, { dispatchedAt: 'soon' }).expect(400);
      expect(dispatch.body.errors).toEqual([expect.objectContaining({ field: 'dispatchedAt' })]);

      const level = await as('countyHc').post(`/incidents/${caseA}/escalations/township/acknowledge`).expect(400);
      expect(level.body.errors).toEqual([expect.objectContaining({ field: 'level' })]);

      const list = await as('nationalHc').get('/incidents?major=perhaps&from=today').expect(400);
      expect(list.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['major', 'from']));
    });

    it('answers 401 without a token or with a forged one, problem+json', async () => {
      const none = await request(app.getHttpServer()).post('/incidents').send(call110()).expect(401);
      expect(none.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(none.body.code).toBe('ACCESS.UNAUTHENTICATED');
      await request(app.getHttpServer()).get('/incidents').expect(401);
      const forged = await testAccessTokenKeys().tokenFor(claimsOf(PRINCIPALS.nationalHc));
      await request(app.getHttpServer()).get(`/incidents/${caseA}`).set('authorization', `Bearer ${forged}`).expect(401);
    });

    it('answers 403 to the wrong role, the wrong channel, another hospital, another jurisdiction', async () => {
      const denied = async (res: request.Test) => expect((await res.expect(403)).body).toMatchObject({ code: 'ACCESS.DENIED' });
      await denied(as('mediator').post('/incidents', call110()));
      await denied(as('hospitalA').post('/incidents', call110())); // a 110 call is the police's
      await denied(as('dispatcher').post('/incidents', hospitalReport('hosp-a'))); // a hospital report is the hospital's
      await denied(as('hospitalA').post('/incidents', hospitalReport('hosp-b'))); // not in another's name
      await denied(as('dispatcherYz').post('/incidents', call110('hosp-a'))); // police: their jurisdiction (the directory's county of the hospital)
      await denied(as('hospitalB').get(`/incidents/${caseA}`));
      await denied(as('countyHcYz').get(`/incidents/${caseA}`));
      await denied(as('mediator').get(`/incidents/${caseA}`));
      await denied(as('admin').get(`/incidents/${caseA}`));
      await denied(as('dispatcherYz').post(`/incidents/${caseA}/dispatch`, { dispatchedAt: minutesBefore(new Date(), 1) }));
      await denied(as('countyHc').post(`/incidents/${caseA}/close`, { outcome: 'resolved_on_scene' })); // oversight reads, does not write
      await denied(as('hospitalB').post(`/incidents/${caseA}/escalations`, { chain: 'health' }));
      // Whether a case exists is told only to those who could see it.
      await denied(as('hospitalB').get('/incidents/500101-20200101-0001'));
      expect((await as('countyHc').get('/incidents/500101-20200101-0001').expect(404)).body.code).toBe('INCIDENT.NOT_FOUND');
    });
  });

  describe('the list, per role', () => {
    const listed = async (who: Who, query = '') => {
      const res = await as(who).get(`/incidents${query}`).expect(200);
      return res.body.items.map((row: { caseNumber: string }) => row.caseNumber).sort();
    };

    it('a hospital sees its own; a county commission its county; police their jurisdiction; national everything; others nothing', async () => {
      expect(await listed('hospitalA')).toEqual([caseA]);
      expect(await listed('complaintsA')).toEqual([caseA]);
      expect(await listed('hospitalC')).toEqual([caseC]);
      expect(await listed('countyHc')).toEqual([caseA, caseB].sort());
      expect(await listed('countyHcYz')).toEqual([caseC]);
      expect(await listed('cityHc')).toEqual([caseA, caseB, caseC].sort());
      expect(await listed('dispatcher')).toEqual([caseA, caseB].sort());
      expect(await listed('nationalHc')).toEqual([caseA, caseB, caseC].sort());
      expect(await listed('mediator')).toEqual([]);
      expect(await listed('zfw')).toEqual([caseA]); // the major one went up to it by itself
      expect(await listed('admin')).toEqual([]);
    });

    it('filters by hospital, region, category, major, status and date, within what the caller may see', async () => {
      expect(await listed('nationalHc', '?major=true')).toEqual([caseA]);
      expect(await listed('nationalHc', `?regionCode=${YZ}`)).toEqual([caseC]);
      expect(await listed('nationalHc', '?regionCode=500100')).toEqual([caseA, caseB, caseC].sort());
      expect(await listed('nationalHc', '?hospitalId=hosp-b')).toEqual([caseB]);
      expect(await listed('nationalHc', '?category=assault_on_staff')).toEqual([caseA]);
      expect(await listed('nationalHc', '?status=closed')).toEqual([]);
      expect(await listed('nationalHc', `?from=${encodeURIComponent(minutesBefore(new Date(), 10))}`)).toEqual([caseB]);
      expect(await listed('nationalHc', `?to=${encodeURIComponent(minutesBefore(new Date(), 10))}`)).toEqual([caseA, caseC].sort());
      expect(await listed('hospitalA', `?regionCode=${YZ}`)).toEqual([]); // a filter never widens
      expect(await listed('countyHc', '?hospitalId=hosp-c')).toEqual([]);
      const [row] = (await as('hospitalA').get('/incidents').expect(200)).body.items;
      expect(row).toMatchObject({ caseNumber: caseA, hospitalId: 'hosp-a', major: true });
      // Names beside ids (issue 14, item 4): the hospital's from the directory copy (the test directory names it by its id), the region's.
      expect(row).toMatchObject({ hospitalName: 'hosp-a', regionCode: WZ, regionName: expect.stringContaining('万州') });
      expect([...row.runningClocks].sort()).toEqual(['county_forward', 'national_report']);
    });

    it('answers one page shape { items, total, limit, offset }, with free text, unit and "awaiting my action"', async () => {
      const page = await as('nationalHc').get('/incidents?limit=2&offset=1').expect(200);
      expect(page.body).toEqual({ items: [expect.any(Object), expect.any(Object)], total: 3, limit: 2, offset: 1 });
      expect((await as('nationalHc').get('/incidents?offset=10').expect(200)).body).toEqual({
        items: [],
        total: 3,
        limit: 100,
        offset: 10,
      });
      expect(await listed('nationalHc', `?q=${encodeURIComponent('儿科')}`)).toEqual([caseB]); // the alarm's location
      expect(await listed('nationalHc', `?q=${encodeURIComponent('殴打')}`)).toEqual([caseC]); // the call's description
      expect(await listed('nationalHc', `?q=${caseA}`)).toEqual([caseA]); // the case number
      expect(await listed('countyHc', `?q=${encodeURIComponent('殴打')}`)).toEqual([]); // never beyond what the caller sees
      expect(await listed('nationalHc', '?unit=hosp-b')).toEqual([caseB]);
      expect(await listed('nationalHc', '?q=%25')).toEqual([]); // a % is a character, not a wildcard
      // Police: not yet on scene; the hospital of a one-key alarm: its particulars (a major case's report goes up by itself).
      expect(await listed('dispatcher', '?awaitingMe=true')).toEqual([caseA, caseB].sort());
      expect(await listed('hospitalB', '?awaitingMe=true')).toEqual([caseB]);
      expect(await listed('hospitalA', '?awaitingMe=true')).toEqual([]);
      expect(await listed('countyHc', '?awaitingMe=true')).toEqual([caseA]); // the major case's report reached it by itself
    });
  });

  describe('a major incident goes up by itself; each level has its own clock', () => {
    it('the county commission and the local 综治 have it at once; a level not reached yet is told so; each forward is its own duty', async () => {
      await as('zfw').get(`/incidents/${caseA}`).expect(200);
      const twice = await as('hospitalA').post(`/incidents/${caseA}/escalations`, { chain: 'political_legal' }).expect(409);
      expect(twice.body.code).toBe('INCIDENT.ESCALATION_ALREADY_SUBMITTED');
      const early = await as('cityHc').post(`/incidents/${caseA}/escalations/city/acknowledge`).expect(422);
      expect(early.body).toMatchObject({ code: 'INCIDENT.ESCALATION_NOT_RECEIVED' });
      expect(early.body.detail).toContain('not yet been forwarded to your level (city)');
      await as('cityHc').post(`/incidents/${caseA}/escalations/county/acknowledge`).expect(403); // not its level
      await as('countyHcYz').post(`/incidents/${caseA}/escalations/county/acknowledge`).expect(403); // another county's commission
      // Each level's steps take the instant they happened (issue 14, item 3): bounded, 422 naming occurredAt.
      const received = Date.parse(
        (await as('countyHc').get(`/incidents/${caseA}`).expect(200)).body.incident.escalation.health.county.receivedAt,
      );
      const ackAt = new Date(received + 1).toISOString();
      const forwardedAt = new Date(received + 2).toISOString();
      const county = (step: string, occurredAt: string) =>
        as('countyHc').post(`/incidents/${caseA}/escalations/county/${step}`, { occurredAt });
      const future = await county('acknowledge', new Date(Date.now() + 3_600_000).toISOString()).expect(422);
      expect(future.body).toMatchObject({ code: 'OCCURRED_AT.IN_FUTURE', errors: [expect.objectContaining({ field: 'occurredAt' })] });
      const typo = await county('acknowledge', '1970-01-01T00:00:00Z').expect(422);
      expect(typo.body).toMatchObject({ code: 'OCCURRED_AT.TOO_OLD', errors: [expect.objectContaining({ field: 'occurredAt' })] });
      const beforeReceipt = await county('acknowledge', new Date(received - 1000).toISOString()).expect(422);
      expect(beforeReceipt.body).toMatchObject({ code: 'INCIDENT.TIME_OUT_OF_ORDER' });
      const ack = await county('acknowledge', ackAt).expect(200);
      expect(ack.body.recorded).toEqual(['EscalationAcknowledged']); // receipt was already the report's arrival
      // Forwarded just after receipt, entered later: the county's duty is met at that instant; the city's begins then.
      const forward = await county('forward', forwardedAt).expect(200);
      expect(forward.body.recorded).toEqual(['EscalationForwarded', 'IncidentClockStarted', 'IncidentClockStopped']);
      const { history: steps } = (await as('countyHc').get(`/incidents/${caseA}`).expect(200)).body;
      const data = steps.map((e: { data: { clock?: string } }) => e.data);
      expect(data).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ clock: 'county_forward', completedAt: forwardedAt }),
          expect.objectContaining({ clock: 'city_forward', startedAt: forwardedAt }),
        ]),
      );
      expect(steps.find((e: { type: string }) => e.type === 'EscalationAcknowledged').data.acknowledgedAt).toBe(ackAt);
      await as('cityHc').post(`/incidents/${caseA}/escalations/city/acknowledge`).expect(200);
      await as('zfw').post(`/incidents/${caseA}/escalations/local/acknowledge`).expect(200);

      const res = await as('countyHc').get(`/incidents/${caseA}`).expect(200);
      expect(res.body.parties).toEqual(expect.arrayContaining(['hosp-a', 'hc-wz', 'zfw-wz']));
      expect(res.body.escalationAddressedTo).toEqual(expect.arrayContaining(['health:county', 'health:city', 'political_legal:local']));
      const started = res.body.history
        .filter((e: { type: string }) => e.type === 'IncidentClockStarted')
        .map((e: { data: object }) => e.data);
      expect(started).toEqual([
        expect.objectContaining({
          clock: 'immediate_local_report',
          responsibleOrganisationId: 'hosp-a',
          supervisingOrganisationId: 'hc-wz',
        }),
        expect.objectContaining({ clock: 'national_report', responsibleOrganisationId: 'nhc' }),
        expect.objectContaining({ clock: 'county_forward', responsibleOrganisationId: 'hc-wz', supervisingOrganisationId: 'hc-city' }),
        expect.objectContaining({ clock: 'city_forward', responsibleOrganisationId: 'hc-city', supervisingOrganisationId: 'hc-cq' }),
      ]);
    }, 30_000);
  });

  describe('police response and the caller’s personal data', () => {
    it('records the police steps; the caller is shown to police (audited) and hidden from the hospital', async () => {
      const now = new Date();
      const dispatched = await as('dispatcherYz')
        .post(`/incidents/${caseC}/dispatch`, { dispatchedAt: minutesBefore(now, 18) })
        .expect(200);
      // The answer says what comes next: the incident as it now stands and the arrival clock with its due instant.
      expect(dispatched.body.incident.police).toMatchObject({ dispatchedAt: minutesBefore(now, 18), arrivedAt: null });
      const arrivalClock = dispatched.body.clocks.find((c: { rule: string }) => c.rule === 'police-arrival');
      expect(arrivalClock).toMatchObject({
        state: 'running',
        responsibleOrganisationId: 'station-yz',
        supervisingOrganisationId: 'bureau-yz',
      });
      expect(Date.parse(arrivalClock.dueAt) - Date.parse(minutesBefore(now, 18))).toBe(8 * 60_000);
      const arrival = await as('dispatcherYz')
        .post(`/incidents/${caseC}/arrival`, { arrivedAt: minutesBefore(now, 13) })
        .expect(200);
      expect(arrival.body.recorded).toEqual(['PoliceArrived', 'IncidentClockStopped']);
      expect(arrival.body.clocks.map((c: { rule: string }) => c.rule)).not.toContain('police-arrival');
      const early = await as('dispatcherYz').post(`/incidents/${caseC}/close`, { outcome: 'referred_to_dispute' }).expect(422);
      expect(early.body.code).toBe('INCIDENT.DISTURBANCE_NOT_STOPPED');
      await as('dispatcherYz')
        .post(`/incidents/${caseC}/disturbance-stopped`, { stoppedAt: minutesBefore(now, 12) })
        .expect(200);
      await as('dispatcherYz')
        .post(`/incidents/${caseC}/scene-cleared`, { clearedAt: minutesBefore(now, 10) })
        .expect(200);
      await as('dispatcherYz').post(`/incidents/${caseC}/close`, { outcome: 'referred_to_dispute' }).expect(200);
      await as('hospitalC').post(`/incidents/${caseC}/links`, { disputeCaseNumber: 'D-500103-1' }).expect(200);
      await as('hospitalC').post(`/incidents/${caseC}/links`, { policeCaseNumber: 'P-1' }).expect(403); // the police's to link
      const again = await as('hospitalC')
        .patch(`/incidents/${caseC}/classification`, { classification: { categories: ['other'] } })
        .expect(409);
      expect(again.body.code).toBe('INCIDENT.ALREADY_CLOSED');

      const police = await as('dispatcherYz').get(`/incidents/${caseC}`).set('x-access-purpose', 'case follow-up').expect(200);
      expect(police.body.incident.intake.caller).toEqual({ name: '张先生', phone: '13800000000', status: 'shown' });
      const hospital = await as('hospitalC').get(`/incidents/${caseC}`).expect(200);
      expect(hospital.body.incident.intake.caller).toEqual({ name: null, phone: null, status: 'withheld' });
      expect(JSON.stringify(hospital.body)).not.toContain('13800000000');
      expect(hospital.body.history.map((e: { type: string }) => e.type)).toEqual([
        'IncidentReported',
        'PoliceDispatched',
        'IncidentClockStarted',
        'PoliceArrived',
        'IncidentClockStopped',
        'DisturbanceStopped',
        'SceneCleared',
        'IncidentClosed',
        'IncidentLinkedToDispute',
      ]);
      expect(hospital.body.history[2].data).toMatchObject({
        clock: 'police_arrival',
        rule: 'police-arrival',
        supervisingOrganisationId: 'bureau-yz',
      });
    });

    it('completes a one-key alarm’s details', async () => {
      const res = await as('hospitalB')
        .patch(`/incidents/${caseB}/alarm-details`, { partiesCount: 1, behaviour: '持刀威胁', anyoneInjured: false })
        .expect(200);
      expect(res.body.recorded).toEqual(['AlarmDetailsCompleted']);
      const again = await as('hospitalB')
        .patch(`/incidents/${caseB}/alarm-details`, { partiesCount: 1, behaviour: '持刀威胁', anyoneInjured: false })
        .expect(409);
      expect(again.body.code).toBe('INCIDENT.ALARM_DETAILS_ALREADY_COMPLETED');
    });
  });

  describe('instants users really enter (issue 14, item 3)', () => {
    const refusal = (res: request.Response) => ({ code: res.body.code, fields: res.body.errors?.map((e: { field: string }) => e.field) });

    it('bounds each stated instant (future, before the incident, 1970), a 422 naming the field', async () => {
      const now = new Date();
      const tooOld = await as('hospitalA')
        .post('/incidents', { ...hospitalReport('hosp-a'), occurredAt: '1970-01-01T00:00:00Z' })
        .expect(422);
      expect(refusal(tooOld)).toEqual({ code: 'OCCURRED_AT.TOO_OLD', fields: ['occurredAt'] });
      const callLater = await as('dispatcher')
        .post('/incidents', {
          ...call110('hosp-a'),
          intake: { ...call110().intake, callReceivedAt: new Date(now.getTime() + 3_600_000).toISOString() },
        })
        .expect(422);
      expect(refusal(callLater)).toEqual({ code: 'OCCURRED_AT.IN_FUTURE', fields: ['intake.callReceivedAt'] });

      const caseNumber = (await as('dispatcher').post('/incidents', call110('hosp-a')).expect(201)).body.caseNumber; // occurred 20 min ago
      const dispatch = (dispatchedAt: string) => as('dispatcher').post(`/incidents/${caseNumber}/dispatch`, { dispatchedAt });
      expect(refusal(await dispatch(new Date(now.getTime() + 3_600_000).toISOString()).expect(422))).toEqual({
        code: 'OCCURRED_AT.IN_FUTURE',
        fields: ['dispatchedAt'],
      });
      expect(refusal(await dispatch(minutesBefore(now, 25)).expect(422))).toEqual({
        code: 'OCCURRED_AT.BEFORE_CASE',
        fields: ['dispatchedAt'],
      });
      expect(refusal(await dispatch('1970-01-01T00:00:00Z').expect(422))).toEqual({
        code: 'OCCURRED_AT.TOO_OLD',
        fields: ['dispatchedAt'],
      });
      // A client clock a little ahead (within the allowed skew) is taken as now, not refused.
      await dispatch(new Date(Date.now() + 30_000).toISOString()).expect(200);
      const arrival = await as('dispatcher').post(`/incidents/${caseNumber}/arrival`, { arrivedAt: '1970-01-01T00:00:00Z' }).expect(422);
      expect(refusal(arrival)).toEqual({ code: 'OCCURRED_AT.TOO_OLD', fields: ['arrivedAt'] });
    });

    it('a step entered late keeps the instant it happened (recorded-at apart), and its clock is met by that instant', async () => {
      const caseNumber = (await as('dispatcher').post('/incidents', call110('hosp-a')).expect(201)).body.caseNumber;
      const now = new Date();
      // Entered now, happened 15 and 13 minutes ago: within hosp-a's 3-minute arrival limit, long past its due instant.
      await as('dispatcher')
        .post(`/incidents/${caseNumber}/dispatch`, { dispatchedAt: minutesBefore(now, 15) })
        .expect(200);
      const arrived = await as('dispatcher')
        .post(`/incidents/${caseNumber}/arrival`, { arrivedAt: minutesBefore(now, 13) })
        .expect(200);
      expect(arrived.body.recorded).toEqual(['PoliceArrived', 'IncidentClockStopped']);
      const { history } = (await as('dispatcher').get(`/incidents/${caseNumber}`).expect(200)).body;
      const event = (type: string) => history.find((e: { type: string }) => e.type === type);
      expect(event('PoliceDispatched').occurredAt).toBe(minutesBefore(now, 15));
      expect(Date.parse(event('PoliceDispatched').recordedAt)).toBeGreaterThanOrEqual(now.getTime());
      expect(event('IncidentClockStopped').data).toMatchObject({ clock: 'police_arrival', completedAt: minutesBefore(now, 13) });
      // Without an instant the step happened now.
      const stopped = await as('dispatcher').post(`/incidents/${caseNumber}/disturbance-stopped`, {}).expect(200);
      expect(Date.parse(stopped.body.incident.police.disturbanceStoppedAt)).toBeGreaterThanOrEqual(now.getTime());
    });
  });

  describe('facts from the directory, not the request', () => {
    const problem = (res: request.Response) => ({ code: res.body.code, fields: res.body.errors?.map((e: { field: string }) => e.field) });

    it('a hospital reports for itself without naming itself; police must name the hospital', async () => {
      const own = await as('hospitalB')
        .post('/incidents', { occurredAt: minutesBefore(new Date(), 3), intake: { channel: 'one_key_alarm', location: '药房' } })
        .expect(201);
      expect(own.body.incident.ref).toMatchObject({ hospitalId: 'hosp-b', regionCode: WZ });
      const { hospital: _hospital, ...unnamed } = call110();
      const police = await as('dispatcher').post('/incidents', unnamed).expect(400);
      expect(problem(police)).toEqual({ code: 'VALIDATION.FAILED', fields: ['hospital.hospitalId'] });
    });

    it('refuses what the directory knows when the request states it', async () => {
      for (const field of ['regionCode', 'hasPoliceOffice', 'countyHealthCommissionId']) {
        const res = await as('hospitalA')
          .post('/incidents', {
            ...hospitalReport('hosp-a'),
            hospital: { hospitalId: 'hosp-a', [field]: field === 'hasPoliceOffice' ? true : 'x' },
          })
          .expect(400);
        expect(res.body.errors).toEqual([expect.objectContaining({ field: `hospital.${field}`, code: 'NOT_ALLOWED' })]);
      }
      const supervisor = await as('dispatcher')
        .post(`/incidents/${caseB}/dispatch`, { dispatchedAt: minutesBefore(new Date(), 1), supervisingOrganisationId: 'hc-wz' })
        .expect(400);
      expect(supervisor.body.errors).toEqual([expect.objectContaining({ field: 'supervisingOrganisationId', code: 'NOT_ALLOWED' })]);
    });

    it('an organisation the directory does not have, or not of the right kind, is a 422 naming the field', async () => {
      const unknown = await as('dispatcher').post('/incidents', call110('hosp-nowhere')).expect(422);
      expect(problem(unknown)).toEqual({ code: 'DIRECTORY.UNKNOWN_ORGANISATION', fields: ['hospital.hospitalId'] });
      const notAHospital = await as('dispatcher').post('/incidents', call110('station-wz')).expect(422);
      expect(problem(notAHospital)).toEqual({ code: 'DIRECTORY.WRONG_KIND_OF_ORGANISATION', fields: ['hospital.hospitalId'] });
      const { caseNumber } = (await as('dispatcher').post('/incidents', call110('hosp-b')).expect(201)).body;
      const unit = await as('dispatcher')
        .post(`/incidents/${caseNumber}/dispatch`, { dispatchedAt: minutesBefore(new Date(), 1), unitOrganisationId: 'unit-nowhere' })
        .expect(422);
      expect(problem(unit)).toEqual({ code: 'DIRECTORY.UNKNOWN_ORGANISATION', fields: ['unitOrganisationId'] });
      const commission = await as('dispatcher')
        .post(`/incidents/${caseNumber}/dispatch`, { dispatchedAt: minutesBefore(new Date(), 1), unitOrganisationId: 'hc-wz' })
        .expect(422);
      expect(problem(commission)).toEqual({ code: 'DIRECTORY.WRONG_KIND_OF_ORGANISATION', fields: ['unitOrganisationId'] });
    });

    it('the arrival limit follows the hospital’s police office, and the station’s bureau supervises it', async () => {
      const withOffice = (await as('dispatcher').post('/incidents', call110('hosp-a')).expect(201)).body.caseNumber;
      const withoutOffice = (await as('dispatcher').post('/incidents', call110('hosp-b')).expect(201)).body.caseNumber;
      const clockOf = async (caseNumber: string) => {
        await as('dispatcher')
          .post(`/incidents/${caseNumber}/dispatch`, { dispatchedAt: minutesBefore(new Date(), 1) })
          .expect(200);
        const { history } = (await as('dispatcher').get(`/incidents/${caseNumber}`).expect(200)).body;
        return history.find((e: { type: string }) => e.type === 'IncidentClockStarted').data;
      };
      expect(await clockOf(withOffice)).toMatchObject({
        rule: 'police-arrival-with-office',
        responsibleOrganisationId: 'station-wz',
        supervisingOrganisationId: 'bureau-wz',
      });
      expect(await clockOf(withoutOffice)).toMatchObject({ rule: 'police-arrival', supervisingOrganisationId: 'bureau-wz' });
    });
  });
  describe('injury grades and the appraisal', () => {
    it('a suspected serious injury is major until the appraisal says 轻微伤; then the report clocks are cancelled', async () => {
      const { caseNumber } = (
        await as('hospitalA')
          .post(
            '/incidents',
            hospitalReport('hosp-a', {
              categories: ['assault_on_staff'],
              casualties: { staff: { lightInjuries: 1 }, perpetrators: { slightInjuries: 1 } },
              seriousInjuryPendingAppraisal: true,
            }),
          )
          .expect(201)
      ).body;
      const before = (await as('hospitalA').get(`/incidents/${caseNumber}`).expect(200)).body;
      expect(before.incident).toMatchObject({ major: true });

      const wrong = await as('hospitalA')
        .post(`/incidents/${caseNumber}/injury-appraisal`, {
          group: 'visitors',
          grade: 'slight',
          appraisalReference: 'X-1',
          appraisedAt: minutesBefore(new Date(), 1),
        })
        .expect(400);
      expect(wrong.body.errors.map((e: { field: string }) => e.field)).toContain('group');

      await as('hospitalA')
        .post(`/incidents/${caseNumber}/injury-appraisal`, {
          group: 'staff',
          grade: 'slight',
          appraisalReference: '万公鉴〔2026〕7号',
          appraisedAt: minutesBefore(new Date(), 1),
        })
        .expect(200);
      const after = (await as('hospitalA').get(`/incidents/${caseNumber}`).expect(200)).body;
      expect(after.incident).toMatchObject({ major: false });
      const types = after.history.map((e: { type: string }) => e.type);
      expect(types).toContain('InjuryAppraised');
      const cancelled = after.history.filter((e: { type: string }) => e.type === 'IncidentClockCancelled');
      expect(cancelled.map((e: { data: { reason: string } }) => e.data.reason)).toEqual(expect.arrayContaining(['no_longer_major']));
      const appraised = after.history.find((e: { type: string }) => e.type === 'InjuryAppraised').data;
      expect(appraised.after.casualties).toMatchObject({
        staff: { lightInjuries: 1, slightInjuries: 1 },
        perpetrators: { slightInjuries: 1 },
      });

      // Appraised once: a second appraisal has nothing pending.
      const again = await as('hospitalA')
        .post(`/incidents/${caseNumber}/injury-appraisal`, {
          group: 'staff',
          grade: 'light',
          appraisalReference: 'X-2',
          appraisedAt: minutesBefore(new Date(), 1),
        })
        .expect(422);
      expect(again.body.code).toBe('INCIDENT.NO_APPRAISAL_PENDING');
    });
  });
});
