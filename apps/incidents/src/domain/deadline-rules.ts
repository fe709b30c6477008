import type { DeadlineLength, DeadlineRule } from '@pingan/deadlines';

/**
 * The incidents context's deadline catalogue, as data. Which event starts and which stops each
 * clock (the decider emits IncidentClockStarted / IncidentClockStopped / IncidentClockCancelled
 * carrying the rule name; the service layer turns them into DeadlineStore.start / met):
 *
 * | clock                  | rule                                         | starts (startedAt)                                   | stops                                              |
 * |------------------------|----------------------------------------------|------------------------------------------------------|----------------------------------------------------|
 * | police_arrival         | police-arrival-with-office / police-arrival  | PoliceDispatched (dispatchedAt)                      | PoliceArrived (arrivedAt); cancelled on close      |
 * | immediate_local_report | immediate-local-report                       | incident becomes major (occurredAt)                  | the report reached county HC AND local 综治        |
 * | national_report        | national-hc-report                           | incident becomes major (occurredAt)                  | the report reached the national HC                 |
 * | county/city/province_forward | report-forwarding                      | the report reached that level (major)                | that level forwarded it                            |
 *
 * "Becomes major" is IncidentReported with a major classification, or an IncidentReclassified
 * that makes it major. The report clocks always run from when the incident occurred, as
 * [S3 五(二)] counts them: a late reclassification can start a clock that is already overdue,
 * and the deadlines library then warns and breaches at once — deliberately, because the duty
 * existed from the start and oversight must see it was missed. A reclassification that makes the
 * incident no longer major cancels the running report clocks (reason 'no_longer_major'); if it
 * becomes major again, new clocks start (a new deadline id, again from occurredAt).
 */

export const INCIDENT_RULES = {
  policeArrivalWithOffice: 'police-arrival-with-office',
  policeArrivalWithoutOffice: 'police-arrival',
  immediateLocalReport: 'immediate-local-report',
  nationalReport: 'national-hc-report',
  reportForwarding: 'report-forwarding',
} as const;

/**
 * A region's own arrival limits. The 3 / 8 minutes of [S1 三(一)] are Chongqing's; other regions
 * set theirs here. `regionPrefix` is a 2-, 4- or 6-digit administrative division code (province,
 * city, county); the longest prefix of the hospital's region code wins.
 */
export interface PoliceArrivalOverride {
  regionPrefix: string;
  withPoliceOffice: DeadlineLength;
  withoutPoliceOffice: DeadlineLength;
  /** Where the region's rule comes from, e.g. the local notice. */
  source: string;
}

export type PoliceArrivalOverrides = readonly PoliceArrivalOverride[];

export interface IncidentDeadlineSettings {
  /** "Immediately" (立即) made concrete: configurable, default 1 hour. */
  immediateLocalReport: DeadlineLength;
  policeArrivalOverrides: PoliceArrivalOverrides;
}

export const DEFAULT_INCIDENT_DEADLINE_SETTINGS: IncidentDeadlineSettings = {
  immediateLocalReport: { unit: 'hours', amount: 1 },
  policeArrivalOverrides: [],
};

const WARN_AT = 0.75;

/**
 * The catalogue: four base rules plus two per regional override. Rules marked CONFIGURABLE are
 * not fixed by a national text: the arrival limits are a regional (Chongqing) rule applied as the
 * default everywhere until a region overrides them, and "immediately" is a chosen length.
 */
export function incidentDeadlineRules(settings: IncidentDeadlineSettings = DEFAULT_INCIDENT_DEADLINE_SETTINGS): DeadlineRule[] {
  const seen = new Set<string>();
  for (const override of settings.policeArrivalOverrides) {
    if (!/^(\d{2}|\d{4}|\d{6})$/.test(override.regionPrefix)) {
      throw new RangeError(`Arrival override: region prefix must be 2, 4 or 6 digits, got '${override.regionPrefix}'`);
    }
    if (seen.has(override.regionPrefix)) throw new RangeError(`Arrival override: duplicate region ${override.regionPrefix}`);
    seen.add(override.regionPrefix);
  }
  return [
    // CONFIGURABLE (regional: Chongqing's "设立警务室的3分钟内、其他8分钟内赶赴现场").
    {
      name: INCIDENT_RULES.policeArrivalWithOffice,
      source: '[S1 三(一)] 渝卫发〔2021〕3号 (regional default, configurable)',
      length: { unit: 'minutes', amount: 3 },
      warnAtFraction: WARN_AT,
    },
    {
      name: INCIDENT_RULES.policeArrivalWithoutOffice,
      source: '[S1 三(一)] 渝卫发〔2021〕3号 (regional default, configurable)',
      length: { unit: 'minutes', amount: 8 },
      warnAtFraction: WARN_AT,
    },
    // CONFIGURABLE: the source says 立即 ("immediately") without a number.
    {
      name: INCIDENT_RULES.immediateLocalReport,
      source: `[S3 五(二)] 立即报告属地卫生健康行政部门和当地综治组织 ("immediately", configured as ${settings.immediateLocalReport.amount} ${settings.immediateLocalReport.unit})`,
      length: settings.immediateLocalReport,
      warnAtFraction: WARN_AT,
    },
    // Fixed by the national notice: 12 hours, clock time.
    {
      name: INCIDENT_RULES.nationalReport,
      source: '[S3 五(二)] 12小时内上报至国家卫生健康委',
      length: { unit: 'hours', amount: 12 },
      warnAtFraction: WARN_AT,
    },
    // CONFIGURABLE: each level passes the report on "immediately" too (逐级上报), with the same length.
    {
      name: INCIDENT_RULES.reportForwarding,
      source: `[S3 五(二)] 逐级上报: each health commission forwards the report to the next level ("immediately", configured as ${settings.immediateLocalReport.amount} ${settings.immediateLocalReport.unit})`,
      length: settings.immediateLocalReport,
      warnAtFraction: WARN_AT,
    },
    ...settings.policeArrivalOverrides.flatMap((override): DeadlineRule[] => [
      {
        name: `${INCIDENT_RULES.policeArrivalWithOffice}@${override.regionPrefix}`,
        source: override.source,
        length: override.withPoliceOffice,
        warnAtFraction: WARN_AT,
      },
      {
        name: `${INCIDENT_RULES.policeArrivalWithoutOffice}@${override.regionPrefix}`,
        source: override.source,
        length: override.withoutPoliceOffice,
        warnAtFraction: WARN_AT,
      },
    ]),
  ];
}

/** The default catalogue (no regional overrides, "immediately" = 1 hour). */
export const INCIDENT_DEADLINE_RULES: readonly DeadlineRule[] = incidentDeadlineRules();

/** The arrival rule for a hospital: the region's override if one matches (longest prefix), else the default. */
export function policeArrivalRule(regionCode: string, hasPoliceOffice: boolean, overrides: PoliceArrivalOverrides): string {
  const base = hasPoliceOffice ? INCIDENT_RULES.policeArrivalWithOffice : INCIDENT_RULES.policeArrivalWithoutOffice;
  const match = overrides
    .filter((override) => regionCode.startsWith(override.regionPrefix))
    .sort((a, b) => b.regionPrefix.length - a.regionPrefix.length)[0];
  return match ? `${base}@${match.regionPrefix}` : base;
}
