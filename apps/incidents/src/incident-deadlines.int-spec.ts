import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Database } from '@pingan/event-store';
import type { MessageBus } from '@pingan/messaging';
import { DATABASE, MESSAGE_BUS, PlatformModule, ServiceRuntime, runtimeToken } from '@pingan/platform';
import { closeAppAndDatabase, createTestDatabase, type TestDatabase, testAccessTokenKeys } from '@pingan/testing';
import { DEFAULT_INCIDENT_DEADLINE_SETTINGS } from './domain/index.js';
import { INCIDENTS_CONTEXT_NAME } from './incidents.context.js';
import { IncidentsController } from './incidents/incidents.controller.js';
import type { ReportIncidentDto } from './incidents/incidents.dto.js';
import { IncidentsModule, incidentsRuntimeOptions } from './incidents.module.js';
import { PRINCIPALS, hospitalFacts, seedTestDirectory } from './incidents.fixture.js';

/**
 * The legal clocks with a moved clock, through the controller (the command pipeline) and the runtime: the
 * 3 / 8-minute arrival clock [S1 三(一)], the immediate local report (configured as 1 hour) and
 * the 12 hours to the national commission [S3 五(二)] warn at 75 % and breach at 100 %, and stop
 * when met.
 */
describe('incident deadlines with a moved clock', () => {
  const saved = { ...process.env };
  const T0 = new Date('2026-11-22T02:00:00Z'); // 10:00 in Shanghai
  let now = T0;
  const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
  const moveTo = (minutes: number) => {
    now = at(minutes);
  };
  let database: TestDatabase;
  let app: INestApplication;
  let incidents: IncidentsController;
  let runtime: ServiceRuntime;

  beforeAll(async () => {
    database = await createTestDatabase('incidents_deadlines');
    Object.assign(process.env, { DATABASE_URL: database.url, LOG_LEVEL: 'fatal', ...testAccessTokenKeys().env });
    const moduleRef = await Test.createTestingModule({
      imports: [PlatformModule.forRoot({ service: 'incidents', inProcessBus: true }), IncidentsModule],
    })
      // The same runtime as in production, on a clock the test moves.
      .overrideProvider(runtimeToken(INCIDENTS_CONTEXT_NAME))
      .useFactory({
        inject: [DATABASE, MESSAGE_BUS],
        factory: (db: Database, bus: MessageBus) =>
          new ServiceRuntime(
            { ...incidentsRuntimeOptions(DEFAULT_INCIDENT_DEADLINE_SETTINGS, () => now), anchorIntervalMs: 3_600_000 },
            db,
            bus,
          ),
      })
      .compile();
    app = moduleRef.createNestApplication();
    await app.init();
    await seedTestDirectory(app);
    incidents = app.get(IncidentsController);
    runtime = app.get<ServiceRuntime>(runtimeToken(INCIDENTS_CONTEXT_NAME));
  }, 60_000);

  afterAll(() => closeAppAndDatabase(app, saved, database));

  const sweepAt = async (minutes: number) => {
    moveTo(minutes);
    await runtime.sweepDeadlines(); // no catch-up: the clocks commit with the events that move them
  };
  const clockSteps = async (deadlineId: string) =>
    (await runtime.store.readStream(`deadline-${deadlineId}`)).map((e) => [e.type, e.occurredAt]);

  // Hospital A has a police office (3 minutes), B has none (8 minutes): the directory says so.
  const call110 = (hasPoliceOffice: boolean): ReportIncidentDto => ({
    hospital: hospitalFacts(hasPoliceOffice ? 'hosp-a' : 'hosp-b'),
    occurredAt: at(0).toISOString(),
    intake: { channel: 'call_110', callReceivedAt: at(0).toISOString(), description: '有人在病房闹事' },
  });

  it('the clock a command starts is there, due at the right instant, as soon as the command returns', async () => {
    moveTo(0);
    const { caseNumber } = await incidents.report(PRINCIPALS.dispatcher, call110(true));
    await incidents.dispatch(PRINCIPALS.dispatcher, caseNumber, { dispatchedAt: at(0).toISOString() });
    // No projection catch-up, no sweep: the clock is read right after the write.
    expect(await runtime.deadlines!.get(`${caseNumber}:police_arrival:1`)).toMatchObject({ state: 'running', dueAt: at(3) });
    expect(await clockSteps(`${caseNumber}:police_arrival:1`)).toEqual([['DeadlineStarted', at(0).toISOString()]]);
  });

  it('arrival with a police office: 3 minutes — warned at 2¼, breached at 3', async () => {
    moveTo(0);
    const { caseNumber } = await incidents.report(PRINCIPALS.dispatcher, call110(true));
    // The station's bureau in the directory supervises the clock.
    await incidents.dispatch(PRINCIPALS.dispatcher, caseNumber, { dispatchedAt: at(0).toISOString() });
    const id = `${caseNumber}:police_arrival:1`;
    await sweepAt(2);
    expect(await runtime.deadlines!.get(id)).toMatchObject({
      state: 'running',
      dueAt: at(3),
      warnAt: at(2.25),
      supervisingOrganisationId: 'bureau-wz',
      responsibleOrganisationId: 'station-wz',
    });
    await sweepAt(2.3);
    await sweepAt(3.1);
    expect(await clockSteps(id)).toEqual([
      ['DeadlineStarted', at(0).toISOString()],
      ['DeadlineWarned', at(2.25).toISOString()],
      ['DeadlineBreached', at(3).toISOString()],
    ]);
    const breach = (await runtime.store.readStream(`deadline-${id}`))[2];
    expect(breach).toMatchObject({ correlationId: caseNumber, data: expect.objectContaining({ supervisingOrganisationId: 'bureau-wz' }) });
  });

  it('arrival without a police office: 8 minutes — met at 5, so neither warned nor breached', async () => {
    moveTo(0);
    const { caseNumber } = await incidents.report(PRINCIPALS.dispatcher, call110(false));
    await incidents.dispatch(PRINCIPALS.dispatcher, caseNumber, { dispatchedAt: at(0).toISOString() });
    const id = `${caseNumber}:police_arrival:1`;
    await sweepAt(4);
    expect(await runtime.deadlines!.get(id)).toMatchObject({ state: 'running', dueAt: at(8), warnAt: at(6) });
    moveTo(5);
    await incidents.arrival(PRINCIPALS.dispatcher, caseNumber, { arrivedAt: at(5).toISOString() });
    await sweepAt(30);
    expect(await clockSteps(id)).toEqual([
      ['DeadlineStarted', at(0).toISOString()],
      ['DeadlineMet', at(5).toISOString()],
    ]);
    expect(await runtime.deadlines!.get(id)).toMatchObject({ state: 'met' });
  });

  it('a major incident: the hospital’s report is made at once; each commission’s forwarding has its own clock; the 12 hours are met on arrival at the national commission', async () => {
    moveTo(0);
    const { caseNumber } = await incidents.report(PRINCIPALS.hospitalA, {
      hospital: hospitalFacts('hosp-a'),
      occurredAt: at(0).toISOString(),
      intake: { channel: 'hospital_report', partiesCount: 3, behaviour: '持刀伤人', anyoneInjured: true },
      classification: { categories: ['assault_on_staff', 'carrying_weapons'], casualties: { staff: { deaths: 1 } }, weaponsInvolved: true },
    });
    const clock = (name: string) => `${caseNumber}:${name}:1`;
    // The hospital's duty is met by the report itself, made in the same command.
    expect(await clockSteps(clock('immediate_local_report'))).toEqual([
      ['DeadlineStarted', at(0).toISOString()],
      ['DeadlineMet', at(0).toISOString()],
    ]);
    expect(await runtime.deadlines!.get(clock('national_report'))).toMatchObject({
      state: 'running',
      dueAt: at(12 * 60),
      warnAt: at(9 * 60),
    });
    expect(await runtime.deadlines!.get(clock('county_forward'))).toMatchObject({
      state: 'running',
      dueAt: at(60),
      responsibleOrganisationId: 'hc-wz',
      supervisingOrganisationId: 'hc-city',
    });

    // The county forwards in time; the city sits on it past its hour: only the city is late.
    moveTo(20);
    await incidents.acknowledge(PRINCIPALS.countyHc, caseNumber, 'county');
    await incidents.forward(PRINCIPALS.countyHc, caseNumber, 'county');
    await sweepAt(46);
    await sweepAt(81);
    moveTo(100);
    await incidents.acknowledge(PRINCIPALS.cityHc, caseNumber, 'city');
    await incidents.forward(PRINCIPALS.cityHc, caseNumber, 'city');
    expect((await clockSteps(clock('county_forward'))).map(([type]) => type)).toEqual(['DeadlineStarted', 'DeadlineMet']);
    expect(await clockSteps(clock('city_forward'))).toEqual([
      ['DeadlineStarted', at(20).toISOString()],
      ['DeadlineWarned', at(65).toISOString()],
      ['DeadlineBreached', at(80).toISOString()],
      ['DeadlineMet', at(100).toISOString()],
    ]);
    expect(await runtime.deadlines!.get(clock('city_forward'))).toMatchObject({
      responsibleOrganisationId: 'hc-city',
      supervisingOrganisationId: 'hc-cq',
    });

    // The province forwards at 11 h: the 12 hours are met then, not when the national commission acknowledges.
    await sweepAt(9 * 60 + 1);
    moveTo(11 * 60);
    await incidents.acknowledge(PRINCIPALS.provinceHc, caseNumber, 'province');
    const reached = await incidents.forward(PRINCIPALS.provinceHc, caseNumber, 'province');
    expect(reached.recorded).toEqual(['EscalationForwarded', 'IncidentClockStopped', 'IncidentClockStopped']);
    moveTo(11.5 * 60);
    await incidents.acknowledge(PRINCIPALS.nationalHc, caseNumber, 'national');
    await sweepAt(13 * 60);
    expect(await clockSteps(clock('national_report'))).toEqual([
      ['DeadlineStarted', at(0).toISOString()],
      ['DeadlineWarned', at(9 * 60).toISOString()],
      ['DeadlineMet', at(11 * 60).toISOString()],
    ]);
  });

  it('closing before the police arrive cancels the arrival clock', async () => {
    moveTo(0);
    const { caseNumber } = await incidents.report(PRINCIPALS.dispatcher, call110(false));
    await incidents.dispatch(PRINCIPALS.dispatcher, caseNumber, { dispatchedAt: at(0).toISOString() });
    moveTo(2);
    await incidents.close(PRINCIPALS.dispatcher, caseNumber, { outcome: 'unfounded' });
    await sweepAt(20);
    expect((await clockSteps(`${caseNumber}:police_arrival:1`)).map(([type]) => type)).toEqual(['DeadlineStarted', 'DeadlineCancelled']);
  });
});
