import { POLICE_ROLES, type Role } from '@pingan/access';
import { INCIDENT_STREAM_TYPE, incidentStreamId, type Actor } from '@pingan/contracts';
import { PostgresEventStore, handleCommand, type Database, type Query } from '@pingan/event-store';
import pg from 'pg';
import type { MatrixEndpoint, MatrixFixtures } from '@pingan/testing';
import { CaseNumbers } from './case-numbers.js';
import { incidentDecider, type IncidentCommand } from './domain/index.js';

/**
 * The incidents rows of the authorisation matrix (apps/standalone/src/authorisation-matrix.int-spec.ts),
 * tried as every demo role of 万州区 (500101). Each command row gets a fresh incident at 万州区中心医院,
 * brought to the step before the one tried, so an allowed caller always succeeds.
 *
 * The fixture writes through the incidents decider straight into the incidents schema of the test
 * database (DATABASE_URL, set by the matrix test): the matrix fixtures give rows no HTTP client.
 */

const POLICE: readonly Role[] = POLICE_ROLES;
const SECRET_DESCRIPTION = '矩阵测试：急诊科有人辱骂医生';
const SECRET_CALLER_PHONE = '13912345678';

let pool: pg.Pool | null = null;

function database(): Database {
  if (!process.env.DATABASE_URL) throw new Error('the incidents matrix fixture needs DATABASE_URL (set by the matrix test)');
  // Idle clients never keep the test process alive; the test drops the database afterwards.
  if (!pool) {
    pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2, idleTimeoutMillis: 200, allowExitOnIdle: true });
    pool.on('error', () => undefined); // an idle client cut off by the database drop at the end
  }
  const p = pool;
  const query: Query = async (sql, params) => (await p.query(sql, params as unknown[])).rows;
  return {
    query,
    async transaction(work) {
      const client = await p.connect();
      try {
        await client.query('BEGIN');
        const result = await work(async (sql, params) => (await client.query(sql, params as unknown[])).rows);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

type Step = 'reported' | 'pending_appraisal' | 'alarm' | 'dispatched' | 'arrived' | 'stopped' | 'submitted' | 'acknowledged' | 'closed';

const minutesAgo = (minutes: number): Date => new Date(Date.now() - minutes * 60_000);

/** A fresh incident at the demo central hospital, brought to `step`; returns its case number. */
async function incidentAt(f: MatrixFixtures, step: Step): Promise<string> {
  const db = database();
  const store = new PostgresEventStore({ db, schema: 'incidents', context: 'incidents' });
  const hospitalId = f.organisationId('hospital-central');
  const dispatcher: Actor = {
    userId: f.userId('wz.dispatcher'),
    organisationId: f.organisationId('police-station'),
    role: 'police_dispatcher',
  };
  const security: Actor = { userId: f.userId('wz.security'), organisationId: hospitalId, role: 'hospital_security_officer' };
  const countyHc: Actor = { userId: f.userId('wz.hc'), organisationId: f.organisationId('hc-county'), role: 'health_commission_official' };
  const caseNumbers = new CaseNumbers('incidents');
  const alarm = step === 'alarm';
  const run = async (caseNumber: string, command: Pick<IncidentCommand, 'type' | 'data'> & { actor: Actor }, query?: Query) => {
    await handleCommand(
      query ? store.using(query) : store,
      incidentDecider,
      incidentStreamId(caseNumber),
      { type: command.type, data: command.data, metadata: { actor: command.actor, now: new Date() } } as IncidentCommand,
      {
        streamType: INCIDENT_STREAM_TYPE,
        actor: command.actor,
        correlationId: caseNumber,
      },
    );
  };
  const caseNumber = await db.transaction(async (query) => {
    const allocated = await caseNumbers.allocate(query, '500101', new Date());
    await run(
      allocated,
      {
        type: 'ReportIncident',
        actor: alarm ? security : dispatcher,
        data: {
          caseNumber: allocated,
          hospital: { hospitalId, regionCode: '500101', hasPoliceOffice: true, countyHealthCommissionId: f.organisationId('hc-county') },
          occurredAt: minutesAgo(30),
          intake: alarm
            ? { channel: 'one_key_alarm', location: '急诊科分诊台' }
            : {
                channel: 'call_110',
                callReceivedAt: minutesAgo(29),
                caller: { name: '矩阵来电人', phone: SECRET_CALLER_PHONE },
                description: SECRET_DESCRIPTION,
              },
        },
      },
      query,
    );
    return allocated;
  });
  if (step === 'pending_appraisal')
    await run(caseNumber, {
      type: 'ReclassifyIncident',
      actor: dispatcher,
      data: { classification: { categories: ['assault_on_staff'], seriousInjuryPendingAppraisal: true } },
    });
  const police = ['dispatched', 'arrived', 'stopped'] as const;
  const upTo = police.indexOf(step as (typeof police)[number]);
  if (upTo >= 0)
    await run(caseNumber, {
      type: 'DispatchPolice',
      actor: dispatcher,
      data: { dispatchedAt: minutesAgo(28), unitOrganisationId: dispatcher.organisationId },
    });
  if (upTo >= 1) await run(caseNumber, { type: 'RecordPoliceArrival', actor: dispatcher, data: { arrivedAt: minutesAgo(27) } });
  if (upTo >= 2) await run(caseNumber, { type: 'RecordDisturbanceStopped', actor: dispatcher, data: { stoppedAt: minutesAgo(26) } });
  if (step === 'submitted' || step === 'acknowledged')
    await run(caseNumber, { type: 'SubmitEscalation', actor: security, data: { chain: 'health' } });
  if (step === 'acknowledged')
    await run(caseNumber, { type: 'AcknowledgeEscalation', actor: countyHc, data: { chain: 'health', level: 'county' } });
  if (step === 'closed') await run(caseNumber, { type: 'CloseIncident', actor: dispatcher, data: { outcome: 'resolved_on_scene' } });
  return caseNumber;
}

const on = (step: Step, suffix: string) => async (f: MatrixFixtures) => `/incidents/${await incidentAt(f, step)}${suffix}`;
const recent = (minutes: number) => minutesAgo(minutes).toISOString();
const secrets = () => [SECRET_DESCRIPTION, SECRET_CALLER_PHONE];

export const INCIDENTS_ENDPOINTS: Record<string, MatrixEndpoint> = {
  // A 110 call is the police dispatcher's to log (other channels: tested in incidents.http.int-spec.ts).
  'POST /incidents': {
    method: 'post',
    path: () => '/incidents',
    body: (f) => ({
      hospital: { hospitalId: f.organisationId('hospital-central') },
      occurredAt: recent(5),
      intake: { channel: 'call_110', callReceivedAt: recent(4), description: SECRET_DESCRIPTION },
    }),
    allowed: ['police_dispatcher'],
    ok: 201,
    secrets,
  },
  'GET /incidents': { method: 'get', path: () => '/incidents', allowed: 'authenticated', ok: 200 },
  // Read: the hospital (party), police of the county (jurisdiction), the county commission (oversight).
  'GET /incidents/:caseNumber': {
    method: 'get',
    path: on('reported', ''),
    allowed: ['hospital_security_officer', 'hospital_complaints_officer', ...POLICE, 'health_commission_official'],
    ok: 200,
    secrets,
  },
  // The report form: whoever may read the incident (the same policy); the page, as the PDF needs the server's CJK font.
  'GET /incidents/:caseNumber/report-form': {
    method: 'get',
    path: on('reported', '/report-form?format=html'),
    allowed: ['hospital_security_officer', 'hospital_complaints_officer', ...POLICE, 'health_commission_official'],
    ok: 200,
    secrets,
  },
  'PATCH /incidents/:caseNumber/alarm-details': {
    method: 'patch',
    path: on('alarm', '/alarm-details'),
    body: () => ({ partiesCount: 2, behaviour: '辱骂护士', anyoneInjured: false }),
    allowed: ['hospital_security_officer', ...POLICE],
    ok: 200,
  },
  'PATCH /incidents/:caseNumber/classification': {
    method: 'patch',
    path: on('reported', '/classification'),
    body: () => ({ classification: { categories: ['threat_intimidation_insult'] } }),
    allowed: ['hospital_security_officer', ...POLICE],
    ok: 200,
    secrets,
  },
  'POST /incidents/:caseNumber/injury-appraisal': {
    method: 'post',
    path: on('pending_appraisal', '/injury-appraisal'),
    body: () => ({ group: 'staff', grade: 'slight', appraisalReference: '矩阵鉴定〔2026〕1号', appraisedAt: recent(1) }),
    allowed: ['hospital_security_officer', ...POLICE],
    ok: 200,
    secrets,
  },
  'POST /incidents/:caseNumber/dispatch': {
    method: 'post',
    path: on('reported', '/dispatch'),
    body: () => ({ dispatchedAt: recent(1) }),
    allowed: ['police_dispatcher', 'station_chief'],
    ok: 200,
    secrets,
  },
  'POST /incidents/:caseNumber/arrival': {
    method: 'post',
    path: on('dispatched', '/arrival'),
    body: () => ({ arrivedAt: recent(1) }),
    allowed: POLICE,
    ok: 200,
    secrets,
  },
  'POST /incidents/:caseNumber/disturbance-stopped': {
    method: 'post',
    path: on('arrived', '/disturbance-stopped'),
    body: () => ({ stoppedAt: recent(1) }),
    allowed: POLICE,
    ok: 200,
    secrets,
  },
  'POST /incidents/:caseNumber/scene-cleared': {
    method: 'post',
    path: on('stopped', '/scene-cleared'),
    body: () => ({ clearedAt: recent(1) }),
    allowed: POLICE,
    ok: 200,
    secrets,
  },
  // The health chain is the hospital's own report.
  'POST /incidents/:caseNumber/escalations': {
    method: 'post',
    path: on('reported', '/escalations'),
    body: () => ({ chain: 'health' }),
    allowed: ['hospital_security_officer'],
    ok: 200,
    secrets,
  },
  // Only the commission the report is addressed to (万州区卫健委, county level).
  'POST /incidents/:caseNumber/escalations/:level/acknowledge': {
    method: 'post',
    path: on('submitted', '/escalations/county/acknowledge'),
    allowed: ['health_commission_official'],
    ok: 200,
    secrets,
  },
  'POST /incidents/:caseNumber/escalations/:level/forward': {
    method: 'post',
    path: on('acknowledged', '/escalations/county/forward'),
    allowed: ['health_commission_official'],
    ok: 200,
    secrets,
  },
  'POST /incidents/:caseNumber/close': {
    method: 'post',
    path: on('reported', '/close'),
    body: () => ({ outcome: 'resolved_on_scene' }),
    allowed: ['hospital_security_officer', ...POLICE],
    ok: 200,
    secrets,
  },
  'POST /incidents/:caseNumber/reopen': {
    method: 'post',
    path: on('closed', '/reopen'),
    body: () => ({ reason: '当事人再次闹事' }),
    allowed: ['hospital_security_officer', ...POLICE],
    ok: 200,
    secrets,
  },
  'POST /incidents/:caseNumber/links': {
    method: 'post',
    path: on('reported', '/links'),
    body: (f) => ({ disputeCaseNumber: `500101-D-${f.unique()}` }),
    allowed: ['hospital_security_officer', 'hospital_complaints_officer', ...POLICE],
    ok: 200,
    secrets,
  },
  // The retention of 110 callers' details: a system administrator's setting (caller-data/).
  'GET /incidents/settings/caller-data-retention': {
    method: 'get',
    path: () => '/incidents/settings/caller-data-retention',
    allowed: ['system_administrator'],
    ok: 200,
  },
  'PUT /incidents/settings/caller-data-retention': {
    method: 'put',
    path: () => '/incidents/settings/caller-data-retention',
    body: () => ({ days: 365 }),
    allowed: ['system_administrator'],
    ok: 200,
  },
  'POST /incidents/settings/caller-data-retention/sweep': {
    method: 'post',
    path: () => '/incidents/settings/caller-data-retention/sweep',
    allowed: ['system_administrator'],
    ok: 200,
  },
};
