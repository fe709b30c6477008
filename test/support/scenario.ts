import { LABELS, shanghaiMonthOf } from '@pingan/contracts';
import type { BoardEntry } from '../../apps/oversight/src/board/list-deadlines.query.js';
import type { Statistics } from '../../apps/oversight/src/statistics/statistics.js';
import type { TimelineEntry } from '../../apps/oversight/src/timeline/timeline.query.js';
import type { Reply } from './http-client.js';

/**
 * One case from the 110 call to the final judgement and the performed mediation agreement,
 * driven only through the HTTP API with the demo directory's users, then read back at the
 * national commission: the case timeline, the deadline board and the month's statistics.
 *
 * The same function runs against the distributed system (every service its own process on
 * Kafka, behind the gateway) and the embedded one (one process, in-process bus): the steps
 * are the product's, not the deployment's. Events travel asynchronously in both, so whatever
 * one context learns from another is awaited by polling with a timeout, never by sleeping.
 */

export interface ScenarioClient {
  as(username: string, method: string, path: string, body?: unknown): Promise<Reply>;
}

export interface ScenarioOptions {
  /** Recent output of a service (distributed mode), quoted when a step against it fails. */
  logsOf?: (service: string) => string;
  /** How long an eventually-consistent read may take (default 30 s). */
  timeoutMs?: number;
  /** Between two polls (default 150 ms). */
  pollMs?: number;
}

export interface ScenarioResult {
  caseNumber: string;
  disputeId: string;
  timeline: TimelineEntry[];
  board: BoardEntry[];
  statistics: Statistics;
}

interface Me {
  userId: string;
  organisationId: string;
  organisationRegion: string;
}

interface Organisation {
  organisationId: string;
  kind: string;
  parentId: string | null;
  details: { hospital?: { hasPoliceOffice?: boolean } };
}

// ---------------------------------------------------------------------------------------------
// Expectations of the read side
// ---------------------------------------------------------------------------------------------

/** A timeline line's coded field as oversight writes it: its Chinese name and the value's label (渠道：110报警). */
const shows = (words: string, group: keyof typeof LABELS, value: string): RegExp => {
  const label = (LABELS[group] as Readonly<Record<string, string>>)[value];
  if (!label) throw new Error(`no label ${String(group)}.${value}`);
  return new RegExp(`${words}：${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
};

/**
 * Key events of the case in the order they must appear on its timeline (a subsequence: clock
 * steps and other events may come between). `summary` narrows by the coded fields oversight shows.
 */
export const EXPECTED_ORDER: { context: string; type: string; summary?: RegExp }[] = [
  // 1. the 110 call and the police response
  { context: 'incidents', type: 'IncidentReported', summary: shows('渠道', 'incidentChannel', 'call_110') },
  { context: 'incidents', type: 'PoliceDispatched' },
  { context: 'incidents', type: 'PoliceArrived' },
  { context: 'incidents', type: 'DisturbanceStopped' },
  // 2. major: the report goes up by itself to the county commission and the local 综治, then level by level
  { context: 'incidents', type: 'IncidentReclassified' },
  { context: 'incidents', type: 'EscalationSubmitted', summary: shows('上报系统', 'escalationChain', 'health') },
  { context: 'incidents', type: 'EscalationSubmitted', summary: shows('上报系统', 'escalationChain', 'political_legal') },
  { context: 'incidents', type: 'EscalationAcknowledged', summary: shows('层级', 'escalationLevel', 'county') },
  { context: 'incidents', type: 'EscalationForwarded', summary: shows('报至', 'escalationLevel', 'city') },
  { context: 'incidents', type: 'EscalationAcknowledged', summary: shows('层级', 'escalationLevel', 'city') },
  { context: 'incidents', type: 'EscalationForwarded', summary: shows('报至', 'escalationLevel', 'province') },
  { context: 'incidents', type: 'EscalationAcknowledged', summary: shows('层级', 'escalationLevel', 'province') },
  { context: 'incidents', type: 'EscalationForwarded', summary: shows('报至', 'escalationLevel', 'national') },
  { context: 'incidents', type: 'EscalationAcknowledged', summary: shows('层级', 'escalationLevel', 'national') },
  { context: 'incidents', type: 'EscalationAcknowledged', summary: shows('层级', 'escalationLevel', 'local') },
  // 3. the police case, the procuratorate and the court
  { context: 'incidents', type: 'IncidentClosed', summary: shows('结果', 'incidentOutcome', 'handed_to_police_case') },
  { context: 'prosecution', type: 'CaseAccepted', summary: shows('类型', 'policeCaseKind', 'criminal') },
  { context: 'prosecution', type: 'CriminalCaseFiled' },
  { context: 'prosecution', type: 'SuspectAdded' },
  { context: 'prosecution', type: 'CompulsoryMeasureImposed', summary: shows('措施', 'compulsoryMeasure', 'criminal_detention') },
  { context: 'prosecution', type: 'MinistrySystemEntryRecorded' },
  { context: 'prosecution', type: 'ArrestApprovalRequested' },
  { context: 'prosecution', type: 'ArrestRequestReceived' },
  { context: 'prosecution', type: 'ArrestApprovalDecided', summary: shows('结果', 'arrestDecisionOutcome', 'approved') },
  { context: 'prosecution', type: 'CompulsoryMeasureImposed', summary: shows('措施', 'compulsoryMeasure', 'arrest') },
  { context: 'prosecution', type: 'MinistrySystemEntryRecorded' },
  { context: 'prosecution', type: 'CaseTransferredForProsecution' },
  { context: 'prosecution', type: 'SuspectsIndicted' },
  { context: 'prosecution', type: 'FirstInstanceTrialStarted' },
  { context: 'prosecution', type: 'FirstInstanceVerdictDelivered', summary: shows('判决', 'verdict', 'guilty') },
  { context: 'prosecution', type: 'FinalJudgementRecorded', summary: shows('判决', 'verdict', 'guilty') },
  // 4. the medical dispute behind it, mediated to a performed agreement
  { context: 'incidents', type: 'IncidentReopened' },
  { context: 'incidents', type: 'IncidentClosed', summary: shows('结果', 'incidentOutcome', 'referred_to_dispute') },
  { context: 'disputes', type: 'DisputeOpened' },
  { context: 'disputes', type: 'DisputeHandedOver' },
  { context: 'disputes', type: 'ResolutionRoutesNotified' },
  { context: 'disputes', type: 'MediationReferred', summary: shows('类型', 'disputeRoute', 'peoples_mediation') },
  { context: 'disputes', type: 'MediationAccepted' },
  { context: 'disputes', type: 'MediationSessionHeld' },
  { context: 'disputes', type: 'LiabilityDetermined' },
  { context: 'disputes', type: 'MediationAgreed', summary: /金额：¥15000\.00/ },
  { context: 'disputes', type: 'CompensationPaid' },
  { context: 'disputes', type: 'AgreementPerformed' },
  { context: 'disputes', type: 'DisputeClosed', summary: shows('结果', 'disputeOutcome', 'agreement_performed') },
];

/** Every clock the case starts, with the state it must end in (rule or incident clock name → states, in any order). */
export const EXPECTED_CLOCKS: { context: string; key: string; states: string[] }[] = [
  { context: 'incidents', key: 'police_arrival', states: ['met'] },
  { context: 'incidents', key: 'immediate_local_report', states: ['met'] },
  { context: 'incidents', key: 'national_report', states: ['met'] },
  // each commission's own duty to pass the report on
  { context: 'incidents', key: 'county_forward', states: ['met'] },
  { context: 'incidents', key: 'city_forward', states: ['met'] },
  { context: 'incidents', key: 'province_forward', states: ['met'] },
  // criminal detention and arrest: each entered in the ministry's system
  { context: 'prosecution', key: 'ministry-system-entry', states: ['met', 'met'] },
  { context: 'prosecution', key: 'arrest-request', states: ['met'] },
  { context: 'prosecution', key: 'arrest-decision', states: ['met'] },
  { context: 'prosecution', key: 'prosecution-review-in-custody', states: ['met'] },
  { context: 'disputes', key: 'peoples-mediation', states: ['met'] },
  { context: 'disputes', key: 'dispute-risk-review', states: ['met'] },
];

const clockKey = (entry: BoardEntry): string => (entry.context === 'incidents' && entry.clock ? entry.clock : entry.rule);

// ---------------------------------------------------------------------------------------------
// The run: each step says what it does; a failing one says what it got and what the service logged
// ---------------------------------------------------------------------------------------------

const SERVICE_OF: [RegExp, string][] = [
  [/^\/incidents/, 'incidents'],
  [/^\/police-cases/, 'prosecution'],
  [/^\/disputes/, 'disputes'],
  [/^\/(cases|oversight)\//, 'oversight'],
];
const serviceOf = (path: string): string => SERVICE_OF.find(([pattern]) => pattern.test(path))?.[1] ?? 'gateway';

const tail = (text: string, chars = 4_000): string => (text.length > chars ? `…${text.slice(-chars)}` : text);

class Run {
  private last: { what: string; method: string; path: string; user: string; reply: Reply } | null = null;
  readonly timeoutMs: number;
  readonly pollMs: number;

  constructor(
    private readonly client: ScenarioClient,
    private readonly options: ScenarioOptions,
  ) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.pollMs = options.pollMs ?? 150;
  }

  /** The message of a failing step: the step, the last response, and the tail of the services' logs. */
  failure(step: string, detail: string, services: string[] = []): Error {
    const last = this.last;
    const lines = [`scenario step failed: ${step}`, detail];
    if (last) {
      lines.push(
        `last response (${last.what}: ${last.user} ${last.method} ${last.path}) → ${last.reply.status}:`,
        tail(last.reply.text, 3_000),
      );
    }
    const logsOf = this.options.logsOf;
    if (logsOf) {
      const names = [...new Set([...services, ...(last ? [serviceOf(last.path)] : []), 'gateway'])];
      for (const name of names) lines.push(`--- log of ${name} (tail) ---`, tail(logsOf(name)) || '(empty)');
    }
    return new Error(lines.join('\n'));
  }

  /** One request, whatever it answers. */
  async request(what: string, user: string, method: string, path: string, body?: unknown): Promise<Reply> {
    let reply: Reply;
    try {
      reply = await this.client.as(user, method, path, body);
    } catch (error) {
      throw this.failure(what, `${user} ${method} ${path} threw: ${(error as Error).stack ?? String(error)}`, [serviceOf(path)]);
    }
    this.last = { what, method, path, user, reply };
    return reply;
  }

  /** A step that must succeed (2xx); returns the body. */
  async step<T = Record<string, unknown>>(what: string, user: string, method: string, path: string, body?: unknown): Promise<T> {
    const reply = await this.request(what, user, method, path, body);
    if (reply.status < 200 || reply.status >= 300) {
      throw this.failure(what, `expected 2xx from ${user} ${method} ${path}, got ${reply.status}`, [serviceOf(path)]);
    }
    return reply.body as T;
  }

  /** Polls `probe` until it returns a value (not undefined), or fails after the timeout with what it saw last. */
  async eventually<T>(what: string, services: string[], probe: () => Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + this.timeoutMs;
    let lastError: unknown = null;
    for (;;) {
      try {
        const value = await probe();
        if (value !== undefined) return value;
        lastError = null;
      } catch (error) {
        lastError = error;
      }
      if (Date.now() >= deadline) {
        const cause = lastError ? `\nlast check: ${(lastError as Error).message ?? String(lastError)}` : '';
        throw this.failure(what, `not within ${this.timeoutMs} ms${cause}`, services);
      }
      await new Promise((resolve) => setTimeout(resolve, this.pollMs));
    }
  }

  /** A check of the read side; on failure, the reason and the data it looked at. */
  check(what: string, services: string[], ok: boolean, detail: () => string): void {
    if (!ok) throw this.failure(what, detail(), services);
  }
}

// ---------------------------------------------------------------------------------------------
// The scenario
// ---------------------------------------------------------------------------------------------

export async function runCaseScenario(client: ScenarioClient, options: ScenarioOptions = {}): Promise<ScenarioResult> {
  const run = new Run(client, options);
  // Times a user states (occurred, called, dispatched, …) are real instants up to now: the
  // services refuse times in the future, and the legal clocks run on the services' clock.
  const now = () => new Date().toISOString();

  // Who is who: everything from the directory through the API (the demo's ids are not assumed).
  const users = ['wz.dispatcher', 'wz.security', 'wz.complaints', 'wz.hc', 'wz.case.officer', 'wz.prosecutor', 'wz.judge', 'wz.mediator'];
  const me = Object.fromEntries(
    await Promise.all(users.map(async (u) => [u, await run.step<Me>(`who is ${u}`, u, 'GET', '/auth/me')] as const)),
  ) as Record<string, Me>;
  const { items: organisations } = await run.step<{ items: Organisation[] }>(
    'read the directory',
    'wz.security',
    'GET',
    '/access/organisations?limit=500',
  );
  const hospitalId = me['wz.security'].organisationId;
  const hospital = organisations.find((o) => o.organisationId === hospitalId);
  const station = organisations.find((o) => o.organisationId === me['wz.dispatcher'].organisationId);
  run.check('the directory knows the hospital and the station', ['gateway'], !!hospital && !!station?.parentId, () =>
    JSON.stringify({ hospital, station }),
  );
  const regionCode = me['wz.security'].organisationRegion;
  const hasPoliceOffice = hospital!.details.hospital?.hasPoliceOffice === true;
  const bureauId = station!.parentId!;
  const countyCommissionId = me['wz.hc'].organisationId;
  const procuratorateId = me['wz.prosecutor'].organisationId;
  const courtId = me['wz.judge'].organisationId;
  const mediationCommitteeId = me['wz.mediator'].organisationId;

  // 1. A 110 call from the hospital: police dispatched, on scene within the limit, the disturbance stopped.
  const start = Date.now();
  const occurredAt = new Date(start - 90_000).toISOString();
  const reported = await run.step<{ caseNumber: string }>('110 call taken', 'wz.dispatcher', 'POST', '/incidents', {
    // Only the hospital: its county, police office and commission are the directory's to say.
    hospital: { hospitalId },
    occurredAt,
    intake: {
      channel: 'call_110',
      callReceivedAt: new Date(start - 60_000).toISOString(),
      caller: { name: '王护士长', phone: '023-58000099' },
      description: '急诊科一名患者家属持刀砍伤值班医生，仍在现场纠缠',
    },
  });
  const caseNumber = reported.caseNumber;
  const incident = `/incidents/${caseNumber}`;
  await run.step('police dispatched', 'wz.dispatcher', 'POST', `${incident}/dispatch`, {
    dispatchedAt: now(),
  });
  const dispatched = await run.step<{ history: { type: string; data: Record<string, unknown> }[] }>(
    'read the dispatched incident',
    'wz.dispatcher',
    'GET',
    incident,
  );
  const arrivalClock = dispatched.history.find((e) => e.type === 'IncidentClockStarted')?.data;
  run.check(
    'the arrival limit and its supervisor come from the directory',
    ['incidents', 'gateway'],
    arrivalClock?.rule === (hasPoliceOffice ? 'police-arrival-with-office' : 'police-arrival') &&
      arrivalClock?.supervisingOrganisationId === bureauId,
    () => JSON.stringify(arrivalClock),
  );
  await run.step('police arrived on scene', 'wz.dispatcher', 'POST', `${incident}/arrival`, { arrivedAt: now() });
  await run.step('disturbance stopped', 'wz.dispatcher', 'POST', `${incident}/disturbance-stopped`, { stoppedAt: now() });

  // 2. Major (a doctor seriously injured): reported up the health chain to the national commission, and to the local 综治.
  await run.step('classified as major by the hospital', 'wz.security', 'PATCH', `${incident}/classification`, {
    classification: {
      categories: ['assault_on_staff', 'carrying_weapons'],
      casualties: { staff: { seriousInjuries: 1 } },
      weaponsInvolved: true,
    },
    reason: '值班医生经诊断为重伤',
  });
  // The reports to the county commission and the local 综治 went up with the classification as major.
  const chain: [string, string][] = [
    ['wz.hc', 'county'],
    ['cq.city.hc', 'city'],
    ['cq.hc', 'province'],
    ['nhc.official', 'national'],
  ];
  for (const [user, level] of chain) {
    await run.step(`${level} commission acknowledges`, user, 'POST', `${incident}/escalations/${level}/acknowledge`);
    if (level !== 'national') await run.step(`${level} commission forwards`, user, 'POST', `${incident}/escalations/${level}/forward`);
  }
  await run.step('local 综治 acknowledges', 'wz.zfw', 'POST', `${incident}/escalations/local/acknowledge`);

  // 3. Handed to a police case (转为案件办理): the prosecution service opens it from the incidents topic.
  await run.step('incident handed to a police case', 'wz.case.officer', 'POST', `${incident}/close`, {
    outcome: 'handed_to_police_case',
    note: '涉嫌故意伤害，转刑事案件办理',
  });
  const policeCase = `/police-cases/${caseNumber}`;
  const opened = await run.eventually('the police case is opened from the incident', ['prosecution', 'incidents'], async () => {
    const reply = await run.request('poll the police case', 'wz.case.officer', 'GET', policeCase);
    return reply.status === 200 ? (reply.body as { case: { kind: string } }) : undefined;
  });
  run.check('a major incident becomes a criminal case', ['prosecution'], opened.case.kind === 'criminal', () =>
    JSON.stringify(opened.case),
  );
  await run.step('criminal case filed (立案)', 'wz.case.officer', 'POST', `${policeCase}/filing`, {});
  const { suspectId } = await run.step<{ suspectId: string }>('suspect added', 'wz.case.officer', 'POST', `${policeCase}/suspects`, {
    name: '刘某某',
  });
  const detention = await run.step<{ measureId: string }>(
    'criminal detention (刑事拘留)',
    'wz.case.officer',
    'POST',
    `${policeCase}/compulsory-measures`,
    {
      suspectId,
      measure: 'criminal_detention',
      decidedAt: now(),
    },
  );
  await run.step('detention entered in the ministry system', 'wz.case.officer', 'POST', `${policeCase}/ministry-entries`, {
    decisionId: detention.measureId,
    referenceNumber: `GA-${caseNumber}-1`,
  });
  await run.step('arrest requested (提请批准逮捕)', 'wz.case.officer', 'POST', `${policeCase}/arrest-requests`, {
    suspectId,
    procuratorateId,
  });
  // The procuratorate's decision period counts from its receipt of the request (CPL art. 91).
  await run.step('arrest request received by the procuratorate', 'wz.prosecutor', 'POST', `${policeCase}/arrest-request-receipt`, {
    suspectId,
  });
  await run.step('arrest approved by the procuratorate', 'wz.prosecutor', 'POST', `${policeCase}/arrest-decisions`, {
    suspectId,
    outcome: 'approved',
    reason: '有证据证明有犯罪事实，可能判处徒刑以上刑罚',
  });
  const arrest = await run.step<{ measureId: string }>('arrest (逮捕)', 'wz.case.officer', 'POST', `${policeCase}/compulsory-measures`, {
    suspectId,
    measure: 'arrest',
    decidedAt: now(),
  });
  await run.step('arrest entered in the ministry system', 'wz.case.officer', 'POST', `${policeCase}/ministry-entries`, {
    decisionId: arrest.measureId,
    referenceNumber: `GA-${caseNumber}-2`,
  });
  await run.step('transferred for prosecution (移送审查起诉)', 'wz.case.officer', 'POST', `${policeCase}/prosecution-transfer`, {
    suspectIds: [suspectId],
    procuratorateId,
  });
  await run.step('indicted (提起公诉)', 'wz.prosecutor', 'POST', `${policeCase}/indictment`, { suspectIds: [suspectId], courtId });
  await run.step('first-instance trial', 'wz.judge', 'POST', `${policeCase}/trial`, {});
  const judgement = { suspectId, verdict: 'guilty', sentence: { principal: 'fixed_term_imprisonment', termMonths: 36 } };
  await run.step('verdict', 'wz.judge', 'POST', `${policeCase}/verdicts`, judgement);
  await run.step('final judgement (unappealed)', 'wz.judge', 'POST', `${policeCase}/final-judgement`, judgement);

  // 4. The medical dispute behind the violence, for the same case number: the hospital reopens
  // the incident and refers it to dispute handling (an incident has one outcome at a time); the
  // disputes service opens the dispute from the incidents topic.
  await run.step('incident reopened for the dispute', 'wz.security', 'POST', `${incident}/reopen`, {
    reason: '患方对诊疗过程有异议，转医疗纠纷处理',
  });
  await run.step('incident referred to dispute handling', 'wz.security', 'POST', `${incident}/close`, { outcome: 'referred_to_dispute' });
  const dispute = await run.eventually('the dispute is opened from the incident', ['disputes', 'incidents'], async () => {
    const reply = await run.request('poll the disputes', 'wz.complaints', 'GET', `/disputes?hospitalId=${hospitalId}&q=${caseNumber}`);
    return reply.status === 200
      ? (reply.body as { items: { disputeId: string; caseNumber: string }[] }).items.find((d) => d.caseNumber === caseNumber)
      : undefined;
  });
  const disputes = `/disputes/${caseNumber}`; // a dispute is named by its case number, like every case
  await run.step('complaints office takes responsibility (首诉负责制)', 'wz.complaints', 'POST', `${disputes}/handover`, {
    toUserId: me['wz.complaints'].userId,
    reason: '医患办接手，首诉负责',
  });
  await run.step('patient side told the routes (多元化解告知)', 'wz.complaints', 'POST', `${disputes}/routes-notice`, {
    routes: ['negotiation', 'peoples_mediation', 'administrative_mediation', 'litigation'],
    method: 'written',
  });
  await run.step("referred to people's mediation", 'wz.complaints', 'POST', `${disputes}/mediation/referral`, {
    kind: 'peoples_mediation',
    mediatorOrganisationId: mediationCommitteeId,
  });
  await run.step('mediation committee accepts', 'wz.mediator', 'POST', `${disputes}/mediation/acceptance`, {
    supervisingOrganisationId: countyCommissionId,
  });
  await run.step('mediation session', 'wz.mediator', 'POST', `${disputes}/mediation/sessions`, {
    heldAt: now(),
    attendees: [
      { name: '调解员', side: 'mediator' },
      { name: '医院代表', side: 'hospital' },
      { name: '患方代表', side: 'patient' },
    ],
  });
  await run.step('liability determined by agreement', 'wz.mediator', 'POST', `${disputes}/liability-agreement`, {
    liability: { responsibility: 'minor', summary: '诊疗告知不充分，医方承担轻微责任' },
  });
  await run.step('mediation agreement with amounts', 'wz.mediator', 'POST', `${disputes}/mediation/agreement`, {
    terms: '医方一次性补偿，患方不再就此事主张权利',
    compensation: [
      { head: '医疗费', amountFen: 1_200_000 },
      { head: '误工费', amountFen: 300_000 },
    ],
  });
  await run.step('compensation paid', 'wz.complaints', 'POST', `${disputes}/payments`, { amountFen: 1_500_000, payer: 'hospital' });
  await run.step('agreement performed', 'wz.complaints', 'POST', `${disputes}/agreement/performance`, { note: '已全额支付' });
  await run.step('dispute closed', 'wz.complaints', 'POST', `${disputes}/close`, { outcome: 'agreement_performed' });

  // 5. At the national commission: the timeline, the deadline board, the month's statistics.
  const contexts = ['oversight', 'incidents', 'prosecution', 'disputes'];
  const timeline = await run.eventually('the case timeline shows every step in order', contexts, async () => {
    const reply = await run.request('read the timeline', 'nhc.official', 'GET', `/cases/${caseNumber}/timeline`);
    if (reply.status !== 200) return undefined;
    const entries = (reply.body as { entries: TimelineEntry[] }).entries;
    const missing = missingFromOrder(entries);
    if (missing) throw new Error(`${missing}\ntimeline so far:\n${describeTimeline(entries)}`);
    return entries;
  });
  for (const entry of timeline) {
    run.check(`timeline entry ${entry.context}/${entry.type} says who and when`, ['oversight'], hasWhoAndWhen(entry), () =>
      JSON.stringify(entry),
    );
  }

  const board = await run.eventually("the deadline board shows every clock's final state", contexts, async () => {
    const reply = await run.request(
      'read the deadline board',
      'nhc.official',
      'GET',
      `/oversight/deadlines?region=${regionCode}&q=${caseNumber}&limit=500`,
    );
    if (reply.status !== 200) return undefined;
    const rows = (reply.body as { items: BoardEntry[] }).items.filter((row) => row.caseNumber === caseNumber);
    const wrong = clocksNotAsExpected(rows);
    if (wrong)
      throw new Error(`${wrong}\nboard rows of the case:\n${rows.map((r) => `${r.context} ${clockKey(r)} ${r.state}`).join('\n')}`);
    return rows;
  });

  const month = shanghaiMonthOf(new Date(occurredAt));
  const statistics = await run.eventually('the statistics of the month and region count the case', contexts, async () => {
    const reply = await run.request(
      'read the statistics',
      'nhc.official',
      'GET',
      `/oversight/statistics?month=${month}&region=${regionCode}`,
    );
    if (reply.status !== 200) return undefined;
    const stats = reply.body as Statistics;
    const wrong = statisticsNotAsExpected(stats, hospitalId);
    if (wrong) throw new Error(`${wrong}\nstatistics: ${JSON.stringify(stats)}`);
    return stats;
  });

  return { caseNumber, disputeId: dispute.disputeId, timeline, board, statistics };
}

// ---------------------------------------------------------------------------------------------
// Checks of the read side (each returns what is wrong, or null)
// ---------------------------------------------------------------------------------------------

export function missingFromOrder(entries: TimelineEntry[]): string | null {
  let from = 0;
  for (const expected of EXPECTED_ORDER) {
    const index = entries.findIndex(
      (e, i) =>
        i >= from && e.context === expected.context && e.type === expected.type && (!expected.summary || expected.summary.test(e.summary)),
    );
    if (index < 0) {
      const label = `${expected.context}/${expected.type}${expected.summary ? ` ${expected.summary}` : ''}`;
      const anywhere = entries.some(
        (e) => e.context === expected.context && e.type === expected.type && (!expected.summary || expected.summary.test(e.summary)),
      );
      return anywhere ? `${label} is on the timeline, but not after the previous key event` : `${label} is not on the timeline (yet)`;
    }
    from = index + 1;
  }
  return null;
}

const isInstant = (value: unknown): boolean => typeof value === 'string' && !Number.isNaN(Date.parse(value));

export const hasWhoAndWhen = (entry: TimelineEntry): boolean =>
  isInstant(entry.occurredAt) && isInstant(entry.recordedAt) && !!entry.actor?.userId && !!entry.actor.organisationId && !!entry.actor.role;

export function describeTimeline(entries: TimelineEntry[]): string {
  return entries.map((e) => `${e.occurredAt} ${e.context.padEnd(11)} ${e.summary} [${e.actor.role}]`).join('\n');
}

export function clocksNotAsExpected(rows: BoardEntry[]): string | null {
  const problems: string[] = [];
  for (const expected of EXPECTED_CLOCKS) {
    const states = rows
      .filter((r) => r.context === expected.context && clockKey(r) === expected.key)
      .map((r) => r.state)
      .sort();
    if (JSON.stringify(states) !== JSON.stringify([...expected.states].sort())) {
      problems.push(`${expected.context} ${expected.key}: expected [${expected.states}], board has [${states}]`);
    }
  }
  // The hospital has a police office (警务室): the 3-minute limit applies, not the 8-minute one [S1 三(一)].
  const arrival = rows.find((r) => r.clock === 'police_arrival');
  if (arrival && arrival.rule !== 'police-arrival-with-office') problems.push(`police arrival ran on rule ${arrival.rule}`);
  const breached = rows.filter((r) => r.breachedAt !== null);
  if (breached.length) problems.push(`breached clocks: ${breached.map((r) => r.deadlineId).join(', ')}`);
  return problems.length ? problems.join('\n') : null;
}

export function statisticsNotAsExpected(stats: Statistics, hospitalId: string): string | null {
  const problems: string[] = [];
  const expect = (what: string, actual: unknown, expected: unknown) => {
    if (actual !== expected) problems.push(`${what}: expected ${String(expected)}, got ${String(actual)}`);
  };
  expect('incidents counted', stats.incidents?.total, 1);
  expect('major incidents', stats.incidents?.major, 1);
  expect('incidents at the hospital', stats.incidents?.byHospital[hospitalId], 1);
  expect('incidents of assault on staff', stats.incidents?.byCategory.assault_on_staff, 1);
  // The incident's last outcome: referred to dispute handling after the police case.
  expect('incident outcome', stats.incidents?.byOutcome.referred_to_dispute, 1);
  expect('police arrivals in time', stats.responseTime?.met, 1);
  expect('police arrivals late', stats.responseTime?.breached, 0);
  // Only a major incident has a national report, due within 12 hours.
  expect('national reports of major incidents in time', stats.deadlines?.['national-hc-report']?.met, 1);
  expect('ministry entries in time', stats.deadlines?.['ministry-system-entry']?.met, 2);
  expect('arrest requests in time', stats.deadlines?.['arrest-request']?.met, 1);
  expect("people's mediations in time", stats.deadlines?.['peoples-mediation']?.met, 1);
  expect('mediations agreed', stats.mediation?.agreed, 1);
  expect('arrests approved', stats.prosecution?.arrest_approved, 1);
  expect('indicted', stats.prosecution?.indicted, 1);
  expect('final judgements guilty', stats.prosecution?.judgement_guilty, 1);
  return problems.length ? problems.join('\n') : null;
}
