import type { EventEnvelope } from '@pingan/contracts';

/**
 * What oversight reads out of any context's event, generically: every public event carries the
 * case reference (caseNumber, hospitalId, regionCode) and names the organisations it involves in
 * fields such as `procuratorateId`, `courtId`, `mediatorOrganisationId`, `unitOrganisationId`.
 * Pure functions: no I/O, no clock.
 */

export const HIGH_RISK_CONTEXT = 'high-risk-persons';
// notifications: acknowledgements of notifications are part of the case's history.
export const FED_CONTEXTS = ['incidents', 'prosecution', 'disputes', HIGH_RISK_CONTEXT, 'oversight', 'notifications'] as const;

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

/** Fields safe to show on a timeline line: no names, phones, descriptions or free text. */
const SAFE_FIELDS = [
  'channel',
  'chain',
  'level',
  'fromLevel',
  'toLevel',
  'kind',
  'measure',
  'outcome',
  'verdict',
  'reason',
  'clock',
  'rule',
  'dueAt',
  'attempt',
];
// `reason` is free text in some events; only these coded values are shown.
const CODED_REASONS = new Set(['expired', 'no_agreement', 'party_withdrew', 'not_accepted', 'other', 'no_longer_major', 'incident_closed']);

/** 'MediationAgreed' → 'Mediation agreed'. */
export const humanise = (type: string): string => {
  const words = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * One line about the event for the timeline. High-risk-person events show their type only:
 * the line is read by police only, but the person's data stays in their own service, audited.
 */
export function summaryOf(envelope: EventEnvelope): string {
  const title = humanise(envelope.type);
  if (envelope.context === HIGH_RISK_CONTEXT) return title;
  const data = envelope.data ?? {};
  const parts: string[] = [];
  const classification = data.classification as { categories?: unknown } | undefined;
  if (Array.isArray(classification?.categories) && classification.categories.length)
    parts.push(`categories: ${classification.categories.join(', ')}`);
  if (data.major === true) parts.push('major');
  for (const key of SAFE_FIELDS) {
    const value = data[key];
    if (key === 'reason' && !(typeof value === 'string' && CODED_REASONS.has(value))) continue;
    if (typeof value === 'string' || typeof value === 'number') parts.push(`${key}: ${value}`);
  }
  const penalty = data.penalty as { kind?: unknown } | undefined;
  if (typeof penalty?.kind === 'string') parts.push(`penalty: ${penalty.kind}`);
  if (isDeadlineEvent(envelope.type) && typeof data.state === 'string') parts.push(`state: ${data.state}`);
  if (typeof data.totalFen === 'number') parts.push(`total: ¥${(data.totalFen / 100).toFixed(2)}`);
  return parts.length ? `${title} (${parts.join('; ')})` : title;
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
