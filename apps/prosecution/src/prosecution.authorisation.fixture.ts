import type { Role } from '@pingan/access';
import { POLICE_CASE_STREAM_TYPE, PROSECUTION_CONTEXT, type Actor } from '@pingan/contracts';
import { PostgresEventStore, databaseFromDataSource, handleCommand } from '@pingan/event-store';
import { DataSource } from 'typeorm';
import type { MatrixCaller, MatrixEndpoint, MatrixFixtures } from '@pingan/testing';
import type { PoliceCaseCommand } from './domain/police-case.commands.js';
import { policeCaseDecider } from './domain/police-case.decider.js';

/**
 * The prosecution context's rows of the authorisation matrix (docs/access.md). The demo county
 * 万州区 (500101): its bureau handles the seeded cases, its procuratorate and court receive them,
 * its political-legal committee supervises. Every row gets a fresh case in the state the step
 * needs, written through the decider straight into the `prosecution` schema of the test database
 * (the matrix's fixtures know nothing of police cases), so an allowed call always succeeds.
 */

const POLICE: readonly Role[] = ['police_case_officer', 'station_chief'];
const ALL_POLICE: readonly Role[] = ['police_dispatcher', ...POLICE];
const SUPERVISORS: readonly Role[] = ['station_chief', 'health_commission_official', 'political_legal_officer'];
const SUSPECT_NAME = '矩阵嫌疑人';

type SeedCommand = PoliceCaseCommand extends infer C
  ? C extends PoliceCaseCommand
    ? { type: C['type']; data: Omit<C['data'], 'caseNumber'> }
    : never
  : never;
type Step =
  | 'suspect'
  | 'filed'
  | 'detained'
  | 'arrestRequested'
  | 'arrestReceived'
  | 'transferred'
  | 'returned'
  | 'indicted'
  | 'onTrial'
  | 'verdict'
  | 'supervised';

let store: Promise<PostgresEventStore> | null = null;
function prosecutionStore(): Promise<PostgresEventStore> {
  store ??= (async () => {
    // allowExitOnIdle: the pool must not keep Jest alive after the run.
    const dataSource = await new DataSource({
      type: 'postgres',
      url: process.env.DATABASE_URL,
      extra: { max: 2, idleTimeoutMillis: 1000, allowExitOnIdle: true },
    }).initialize();
    return new PostgresEventStore({ db: databaseFromDataSource(dataSource), schema: 'prosecution', context: PROSECUTION_CONTEXT });
  })();
  return store;
}

/** A fresh case in 500101, taken through `steps` (in this order) as the bodies that do them. */
async function seedCase(f: MatrixFixtures, kind: 'administrative' | 'criminal', steps: readonly Step[]): Promise<string> {
  const s = await prosecutionStore();
  const caseNumber = `MX${f.unique()}`.toUpperCase();
  const bureau = f.organisationId('police-bureau');
  const procuratorate = f.organisationId('procuratorate');
  const court = f.organisationId('court');
  const actor = (organisationKey: string, role: string): Actor => ({
    userId: 'matrix-seed',
    organisationId: f.organisationId(organisationKey),
    role,
  });
  const police = actor('police-bureau', 'police_case_officer');
  const at = new Date(Date.now() - 60_000);
  const run = (command: SeedCommand, by: Actor = police) =>
    handleCommand(
      s,
      policeCaseDecider,
      caseNumber,
      { type: command.type, data: { ...command.data, caseNumber }, metadata: { actor: by, now: at } } as PoliceCaseCommand,
      {
        streamType: POLICE_CASE_STREAM_TYPE,
        actor: by,
        correlationId: caseNumber,
        occurredAt: at,
      },
    );
  await run({
    type: 'OpenCase',
    data: { hospitalId: f.organisationId('hospital-central'), regionCode: '500101', kind, handlingUnitId: bureau, summary: 'matrix' },
  });
  const suspect = { suspectId: 's1' };
  for (const step of steps) {
    switch (step) {
      case 'suspect':
        await run({ type: 'AddSuspect', data: { ...suspect, name: SUSPECT_NAME } });
        break;
      case 'filed':
        await run({ type: 'FileCriminalCase', data: { filingUnitId: bureau } });
        break;
      case 'detained':
        await run({
          type: 'ImposeCompulsoryMeasure',
          data: { ...suspect, measureId: 'm1', measure: 'criminal_detention', decidedAt: at, decidingUnitId: bureau },
        });
        break;
      case 'arrestRequested':
        await run({ type: 'RequestArrestApproval', data: { ...suspect, requestId: 'r1', procuratorateId: procuratorate } });
        break;
      case 'arrestReceived':
        await run({ type: 'RecordArrestRequestReceipt', data: suspect }, actor('procuratorate', 'prosecutor'));
        break;
      case 'transferred':
        await run({ type: 'TransferForProsecution', data: { suspectIds: ['s1'], procuratorateId: procuratorate } });
        break;
      case 'returned':
        await run({ type: 'ReturnForSupplementaryInvestigation', data: { reason: 'matrix' } }, actor('procuratorate', 'prosecutor'));
        break;
      case 'indicted':
        await run({ type: 'Indict', data: { suspectIds: ['s1'], courtId: court } }, actor('procuratorate', 'prosecutor'));
        break;
      case 'onTrial':
        await run({ type: 'StartFirstInstanceTrial', data: {} }, actor('court', 'judge'));
        break;
      case 'verdict':
        await run(
          {
            type: 'DeliverFirstInstanceVerdict',
            data: { ...suspect, verdict: 'guilty', sentence: { principal: 'fixed_term_imprisonment', termMonths: 6 } },
          },
          actor('court', 'judge'),
        );
        break;
      case 'supervised':
        await run(
          {
            type: 'PutUnderListedSupervision',
            data: { supervisorKind: 'political_legal', requirements: 'matrix', dueAt: new Date(Date.now() + 86_400_000) },
          },
          actor('political-legal', 'political_legal_officer'),
        );
        break;
    }
  }
  return caseNumber;
}

const at = (kind: 'administrative' | 'criminal', steps: readonly Step[], tail: string) => async (f: MatrixFixtures) =>
  `/police-cases/${await seedCase(f, kind, steps)}${tail}`;
const CRIMINAL_FILED: Step[] = ['suspect', 'filed'];
const UNDER_REVIEW: Step[] = [...CRIMINAL_FILED, 'transferred'];
const WITH_VERDICT: Step[] = [...UNDER_REVIEW, 'indicted', 'onTrial', 'verdict'];
const post = (
  path: MatrixEndpoint['path'],
  body: MatrixEndpoint['body'],
  allowed: readonly Role[] | ((c: MatrixCaller) => boolean),
): MatrixEndpoint => ({
  method: 'post',
  path,
  body,
  allowed,
  ok: 201,
});

export const PROSECUTION_ENDPOINTS: Record<string, MatrixEndpoint> = {
  'POST /police-cases': post(
    () => '/police-cases',
    (f) => ({
      caseNumber: `MX${f.unique()}`.toUpperCase(),
      hospitalId: f.organisationId('hospital-central'),
      regionCode: '500101',
      kind: 'criminal',
      summary: 'matrix',
    }),
    POLICE,
  ),
  'GET /police-cases': {
    method: 'get',
    path: () => '/police-cases',
    allowed: [...ALL_POLICE, 'health_commission_official', 'prosecutor', 'judge', 'political_legal_officer'],
    ok: 200,
  },
  // Police by jurisdiction, the county commission by region, the procuratorate and court it went
  // to, the political-legal committee supervising it. Not the hospital, not administrators (even
  // though the demo administrator sits in the supervising committee: case data is not theirs).
  'GET /police-cases/:caseNumber': {
    method: 'get',
    path: at('criminal', [...UNDER_REVIEW, 'indicted', 'supervised'], ''),
    allowed: [...ALL_POLICE, 'health_commission_official', 'prosecutor', 'judge', 'political_legal_officer'],
    ok: 200,
    secrets: () => ['CaseAccepted', 'handlingUnitId'],
  },
  // Suspects' names: police, and the procuratorate and court the case went to (audited).
  'GET /police-cases/:caseNumber/suspects': {
    method: 'get',
    path: at('criminal', [...UNDER_REVIEW, 'indicted', 'supervised'], '/suspects'),
    headers: { 'x-access-purpose': 'authorisation matrix' },
    allowed: [...ALL_POLICE, 'prosecutor', 'judge'],
    ok: 200,
    secrets: () => [SUSPECT_NAME],
  },
  'POST /police-cases/:caseNumber/filing': post(at('criminal', [], '/filing'), () => ({}), POLICE),
  'POST /police-cases/:caseNumber/conversion': post(at('administrative', [], '/conversion'), () => ({ reason: '涉嫌犯罪' }), POLICE),
  'POST /police-cases/:caseNumber/suspects': post(at('criminal', [], '/suspects'), () => ({ name: '某某' }), POLICE),
  'POST /police-cases/:caseNumber/notes': post(at('criminal', [], '/notes'), () => ({ text: 'matrix' }), POLICE),
  'POST /police-cases/:caseNumber/transfer': post(
    at('criminal', [], '/transfer'),
    (f) => ({ toUnitId: f.organisationId('police-station'), reason: '管辖' }),
    POLICE,
  ),
  'POST /police-cases/:caseNumber/penalty-decisions': post(
    at('administrative', ['suspect'], '/penalty-decisions'),
    () => ({ suspectId: 's1', penalty: { kind: 'warning' }, decidedAt: new Date(Date.now() - 60_000).toISOString() }),
    POLICE,
  ),
  'POST /police-cases/:caseNumber/case-period-extensions': post(
    at('administrative', [], '/case-period-extensions'),
    (f) => ({ approvingUnitId: f.organisationId('police-bureau'), approverName: '矩阵审批人', reason: 'matrix' }),
    POLICE,
  ),
  'POST /police-cases/:caseNumber/public-security-mediations': post(
    at('administrative', [], '/public-security-mediations'),
    () => ({ outcome: 'agreement_reached' }),
    POLICE,
  ),
  'POST /police-cases/:caseNumber/compulsory-measures': post(
    at('criminal', CRIMINAL_FILED, '/compulsory-measures'),
    () => ({ suspectId: 's1', measure: 'summons', decidedAt: new Date(Date.now() - 60_000).toISOString() }),
    POLICE,
  ),
  'POST /police-cases/:caseNumber/ministry-entries': post(
    at('criminal', [...CRIMINAL_FILED, 'detained'], '/ministry-entries'),
    () => ({ decisionId: 'm1', referenceNumber: 'GA-MATRIX' }),
    POLICE,
  ),
  'POST /police-cases/:caseNumber/arrest-request-extensions': post(
    at('criminal', [...CRIMINAL_FILED, 'detained'], '/arrest-request-extensions'),
    () => ({ suspectId: 's1', ground: 'special_circumstances', explanation: 'matrix', days: 1 }),
    POLICE,
  ),
  'POST /police-cases/:caseNumber/arrest-requests': post(
    at('criminal', [...CRIMINAL_FILED, 'detained'], '/arrest-requests'),
    (f) => ({ suspectId: 's1', procuratorateId: f.organisationId('procuratorate') }),
    POLICE,
  ),
  'POST /police-cases/:caseNumber/prosecution-transfer': post(
    at('criminal', CRIMINAL_FILED, '/prosecution-transfer'),
    (f) => ({ suspectIds: ['s1'], procuratorateId: f.organisationId('procuratorate') }),
    POLICE,
  ),
  'POST /police-cases/:caseNumber/arrest-request-receipt': post(
    at('criminal', [...CRIMINAL_FILED, 'detained', 'arrestRequested'], '/arrest-request-receipt'),
    () => ({ suspectId: 's1' }),
    ['prosecutor'],
  ),
  'POST /police-cases/:caseNumber/arrest-decisions': post(
    at('criminal', [...CRIMINAL_FILED, 'detained', 'arrestRequested', 'arrestReceived'], '/arrest-decisions'),
    () => ({ suspectId: 's1', outcome: 'approved', reason: 'matrix' }),
    ['prosecutor'],
  ),
  'POST /police-cases/:caseNumber/designated-prosecutor': post(
    at('criminal', UNDER_REVIEW, '/designated-prosecutor'),
    (f) => ({ prosecutorUserId: f.userId('wz.prosecutor'), prosecutorName: '沈检察' }),
    ['prosecutor'],
  ),
  'POST /police-cases/:caseNumber/review-extension': post(
    at('criminal', UNDER_REVIEW, '/review-extension'),
    () => ({ ground: 'complex', explanation: 'matrix' }),
    ['prosecutor'],
  ),
  // 退回补充侦查: the reviewing procuratorate; the resubmission: the police handling the case.
  'POST /police-cases/:caseNumber/supplementary-investigation': post(
    at('criminal', UNDER_REVIEW, '/supplementary-investigation'),
    () => ({ reason: 'matrix' }),
    ['prosecutor'],
  ),
  'POST /police-cases/:caseNumber/prosecution-resubmission': post(
    at('criminal', [...UNDER_REVIEW, 'returned'], '/prosecution-resubmission'),
    () => ({}),
    POLICE,
  ),
  'POST /police-cases/:caseNumber/indictment': post(
    at('criminal', UNDER_REVIEW, '/indictment'),
    (f) => ({ suspectIds: ['s1'], courtId: f.organisationId('court') }),
    ['prosecutor'],
  ),
  'POST /police-cases/:caseNumber/non-prosecution': post(
    at('criminal', UNDER_REVIEW, '/non-prosecution'),
    () => ({ suspectIds: ['s1'], reason: 'matrix' }),
    ['prosecutor'],
  ),
  'POST /police-cases/:caseNumber/trial': post(at('criminal', [...UNDER_REVIEW, 'indicted'], '/trial'), () => ({}), ['judge']),
  'POST /police-cases/:caseNumber/verdicts': post(
    at('criminal', [...UNDER_REVIEW, 'indicted', 'onTrial'], '/verdicts'),
    () => ({ suspectId: 's1', verdict: 'not_guilty', sentence: null }),
    ['judge'],
  ),
  'POST /police-cases/:caseNumber/appeals': post(
    at('criminal', WITH_VERDICT, '/appeals'),
    () => ({ suspectId: 's1', appellant: 'defendant' }),
    ['judge'],
  ),
  'POST /police-cases/:caseNumber/final-judgement': post(
    at('criminal', WITH_VERDICT, '/final-judgement'),
    () => ({ suspectId: 's1', verdict: 'guilty', sentence: { principal: 'fixed_term_imprisonment', termMonths: 6 } }),
    ['judge'],
  ),
  'POST /police-cases/:caseNumber/supervision': post(
    at('criminal', [], '/supervision'),
    () => ({ requirements: 'matrix', dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString() }),
    SUPERVISORS,
  ),
  'POST /police-cases/:caseNumber/supervision/progress': post(
    at('criminal', ['supervised'], '/supervision/progress'),
    () => ({ report: 'matrix' }),
    POLICE,
  ),
  // Only the body that supervises lifts it (the seeded supervisor is the political-legal committee).
  'POST /police-cases/:caseNumber/supervision/removal': post(
    at('criminal', ['supervised'], '/supervision/removal'),
    () => ({ reason: '已结案' }),
    ['political_legal_officer'],
  ),
};
