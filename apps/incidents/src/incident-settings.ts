import type { DeadlineLength } from '@pingan/deadlines';
import {
  DEFAULT_INCIDENT_DEADLINE_SETTINGS,
  incidentDeadlineRules,
  type IncidentDeadlineSettings,
  type PoliceArrivalOverride,
} from './domain/index.js';

/**
 * The incidents context's configurable rules, read once at start from the environment:
 *
 * - `INCIDENTS_POLICE_ARRIVAL_OVERRIDES`: a JSON array of regional arrival limits, e.g.
 *   `[{"regionPrefix":"41","withPoliceOffice":{"unit":"minutes","amount":5},"withoutPoliceOffice":{"unit":"minutes","amount":10},"source":"豫公通〔…〕"}]`.
 *   Without it every region uses Chongqing's 3 / 8 minutes [S1 三(一)]; the longest matching
 *   prefix (2, 4 or 6 digits) wins.
 * - `INCIDENTS_IMMEDIATE_LOCAL_REPORT_MINUTES`: what "immediately" (立即) means for the local
 *   report of a major incident [S3 五(二)]; default 60.
 *
 * The 12 hours to the national health commission are the notice's own and not configurable.
 * Invalid settings stop the service at start (an unreadable legal rule must not be guessed).
 */
export function incidentSettingsFromEnv(env: Record<string, string | undefined> = process.env): IncidentDeadlineSettings {
  const settings: IncidentDeadlineSettings = { ...DEFAULT_INCIDENT_DEADLINE_SETTINGS };
  const overrides = env.INCIDENTS_POLICE_ARRIVAL_OVERRIDES?.trim();
  if (overrides) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(overrides);
    } catch {
      throw new Error('INCIDENTS_POLICE_ARRIVAL_OVERRIDES must be a JSON array');
    }
    if (!Array.isArray(parsed)) throw new Error('INCIDENTS_POLICE_ARRIVAL_OVERRIDES must be a JSON array');
    settings.policeArrivalOverrides = parsed.map((entry, i) => arrivalOverride(entry, i));
  }
  const minutes = env.INCIDENTS_IMMEDIATE_LOCAL_REPORT_MINUTES?.trim();
  if (minutes) {
    const amount = Number(minutes);
    if (!Number.isSafeInteger(amount) || amount < 1)
      throw new Error('INCIDENTS_IMMEDIATE_LOCAL_REPORT_MINUTES must be a whole number of minutes, 1 or more');
    settings.immediateLocalReport = { unit: 'minutes', amount };
  }
  incidentDeadlineRules(settings); // checks prefixes and duplicates now, not at the first dispatch
  return settings;
}

function arrivalOverride(entry: unknown, index: number): PoliceArrivalOverride {
  const at = `INCIDENTS_POLICE_ARRIVAL_OVERRIDES[${index}]`;
  if (typeof entry !== 'object' || entry === null) throw new Error(`${at} must be an object`);
  const { regionPrefix, withPoliceOffice, withoutPoliceOffice, source } = entry as Record<string, unknown>;
  if (typeof regionPrefix !== 'string') throw new Error(`${at}.regionPrefix must be a string of 2, 4 or 6 digits`);
  if (typeof source !== 'string' || source.trim() === '') throw new Error(`${at}.source must name the regional rule`);
  return {
    regionPrefix,
    withPoliceOffice: minutesOf(withPoliceOffice, `${at}.withPoliceOffice`),
    withoutPoliceOffice: minutesOf(withoutPoliceOffice, `${at}.withoutPoliceOffice`),
    source,
  };
}

function minutesOf(value: unknown, at: string): DeadlineLength {
  const { unit, amount } = (value ?? {}) as { unit?: unknown; amount?: unknown };
  if (unit !== 'minutes' || typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 1) {
    throw new Error(`${at} must be {"unit":"minutes","amount":N} with N ≥ 1`);
  }
  return { unit: 'minutes', amount };
}
