import { LABELS, SECURITY_LEDGER_CONTEXT, ruleWords, shanghaiDateTimeOf, type EventEnvelope } from '@pingan/contracts';
import { eventTitle } from '@pingan/contracts';

/**
 * What oversight reads out of any context's event, generically: every public event carries the
 * case reference (caseNumber, hospitalId, regionCode) and names the organisations it involves in
 * fields such as `procuratorateId`, `courtId`, `mediatorOrganisationId`, `unitOrganisationId`.
 * Pure functions: no I/O, no clock.
 */

export const HIGH_RISK_CONTEXT = 'high-risk-persons';
// notifications: acknowledgements of notifications are part of the case's history.
// security-ledger: its self-inspection return clocks belong on the board, their breaches escalated like any other.
export const FED_CONTEXTS = [
  'incidents',
  'prosecution',
  'disputes',
  HIGH_RISK_CONTEXT,
  'oversight',
  'notifications',
  SECURITY_LEDGER_CONTEXT,
] as const;

const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

// The Asia/Shanghai month of an instant: one helper for the whole product.
export { shanghaiMonthOf } from '@pingan/contracts';

// Organisation ids that make an organisation a party to the case (it was referred, transferred,
// or addressed). `organisationId` is the acknowledging / forwarding body of an escalation.
const PARTY_KEYS =
  /^(procuratorateId|courtId|handlingUnitId|filingUnitId|toUnitId|decidingUnitId|transferringUnitId|organisationId|[a-zA-Z]*OrganisationId)$/;
// Never parties: who reported or received a complaint is the actor, not a holder of the case.
const NOT_PARTY_KEYS = new Set(['reportedByOrganisationId', 'submittedByOrganisationId']);

export interface EventFacts {
  regionCode: string | null;
  hospitalId: string | null;
  partyIds: string[];
}

export function factsOf(envelope: EventEnvelope): EventFacts {
  const data = envelope.data ?? {};
  const partyIds = new Set<string>();
  const collect = (record: Record<string, unknown>, depth: number) => {
    for (const [key, value] of Object.entries(record)) {
      if (PARTY_KEYS.test(key) && !NOT_PARTY_KEYS.has(key) && str(value)) partyIds.add(value as string);
      else if (depth < 1 && value && typeof value === 'object' && !Array.isArray(value))
        collect(value as Record<string, unknown>, depth + 1);
    }
  };
  collect(data, 0);
  return { regionCode: str(data.regionCode), hospitalId: str(data.hospitalId), partyIds: [...partyIds] };
}

const isDeadlineEvent = (type: string): boolean => /^Deadline[A-Z]/.test(type);

// `reason` is free text in some events; only these coded values are shown.
const CODED_REASONS: Readonly<Record<string, string>> = {
  ...LABELS.mediationFailureReason,
  expired: '调解期满未达成协议',
  no_longer_major: '不再属于重大事件',
  incident_closed: '警情已办结',
};

type Group = keyof typeof LABELS;
/** The Chinese label of a coded value, from the first of `groups` that names it (else the code). */
export function labelOf(groups: readonly Group[], value: string): string {
  for (const group of groups) {
    const words = (LABELS[group] as Readonly<Record<string, string>>)[value];
    if (words) return words;
  }
  return value;
}

/**
 * Fields safe to show on a timeline line (no names, phones, descriptions or free text), each with
 * its Chinese name and the label groups its codes come from.
 */
const SAFE_FIELDS: readonly (readonly [field: string, words: string, groups: readonly Group[]])[] = [
  ['channel', '渠道', ['incidentChannel']],
  ['chain', '上报系统', ['escalationChain']],
  ['level', '层级', ['escalationLevel']],
  ['fromLevel', '自', ['escalationLevel']],
  ['toLevel', '报至', ['escalationLevel']],
  ['kind', '类型', ['policeCaseKind', 'disputeRoute', 'penaltyKind', 'appraisalKind', 'warningKind', 'taskKind', 'inspectionKind']],
  ['measure', '措施', ['compulsoryMeasure']],
  ['outcome', '结果', ['incidentOutcome', 'arrestDecisionOutcome', 'appraisalOutcome', 'disputeOutcome']],
  ['verdict', '判决', ['verdict']],
  ['clock', '时限', ['incidentClock']],
];

/** An instant for people: Beijing wall-clock time, the zone said. */
export const beijingTime = (instant: Date | string): string => `${shanghaiDateTimeOf(new Date(instant)).slice(0, 16)}（北京时间）`;

/**
 * One line about the event for the timeline, in Chinese. High-risk-person events show their
 * title only: the line is read by police only, but the person's data stays in their own service, audited.
 */
export function summaryOf(envelope: EventEnvelope): string {
  const title = eventTitle(envelope.type);
  if (envelope.context === HIGH_RISK_CONTEXT) return title;
  const data = envelope.data ?? {};
  const parts: string[] = [];
  const classification = data.classification as { categories?: unknown } | undefined;
  if (Array.isArray(classification?.categories) && classification.categories.length)
    parts.push(`类别：${classification.categories.map((c) => labelOf(['incidentCategory'], String(c))).join('、')}`);
  if (data.major === true) parts.push('重大事件');
  for (const [key, words, groups] of SAFE_FIELDS) {
    const value = data[key];
    if (typeof value === 'string' && value) parts.push(`${words}：${labelOf(groups, value)}`);
  }
  if (typeof data.rule === 'string' && data.rule) parts.push(`规则：${ruleWords(data.rule)}`);
  if (typeof data.reason === 'string' && CODED_REASONS[data.reason]) parts.push(`原因：${CODED_REASONS[data.reason]}`);
  if (typeof data.attempt === 'number') parts.push(`第${data.attempt}次`);
  if (typeof data.dueAt === 'string') parts.push(`期限：${beijingTime(data.dueAt)}`);
  const penalty = data.penalty as { kind?: unknown } | undefined;
  if (typeof penalty?.kind === 'string') parts.push(`处罚：${labelOf(['penaltyKind'], penalty.kind)}`);
  if (isDeadlineEvent(envelope.type) && typeof data.state === 'string') parts.push(`状态：${labelOf(['deadlineState'], data.state)}`);
  if (typeof data.totalFen === 'number') parts.push(`金额：¥${(data.totalFen / 100).toFixed(2)}`);
  return parts.length ? `${title}（${parts.join('；')}）` : title;
}

/** Statistics outcomes: which events end something worth counting, and as what. */
export function outcomeOf(envelope: EventEnvelope): { area: 'mediation' | 'prosecution' | 'penalty'; outcome: string } | null {
  const data = envelope.data ?? {};
  switch (envelope.type) {
    case 'MediationAgreed':
      return { area: 'mediation', outcome: 'agreed' };
    case 'MediationFailed':
      return { area: 'mediation', outcome: `failed:${str(data.reason) ?? 'other'}` };
    case 'AdministrativePenaltyDecided':
      return { area: 'penalty', outcome: str((data.penalty as { kind?: string } | undefined)?.kind) ?? 'other' };
    case 'ArrestApprovalDecided':
      return { area: 'prosecution', outcome: `arrest_${str(data.outcome) ?? 'decided'}` };
    case 'SuspectsIndicted':
      return { area: 'prosecution', outcome: 'indicted' };
    case 'NonProsecutionDecided':
      return { area: 'prosecution', outcome: 'not_prosecuted' };
    case 'FinalJudgementRecorded':
      return { area: 'prosecution', outcome: `judgement_${str(data.verdict) ?? 'recorded'}` };
    default:
      return null;
  }
}

/**
 * Whose inbox an escalation lies in: the region of the body at that level of the chain
 * (the incidents contract names the level, not the body). County → the case's county,
 * city → its city (500101 → 500100), province → 500000, national → 000000.
 */
export function addresseeRegion(chain: string, level: string, caseRegion: string): string {
  const county = caseRegion;
  const city = `${caseRegion.slice(0, 4)}00`;
  const province = `${caseRegion.slice(0, 2)}0000`;
  const byLevel: Record<string, string> = {
    county,
    local: county,
    bureau: county,
    city,
    city_bureau: city,
    province,
    national: '000000',
  };
  return byLevel[level] ?? county;
}
