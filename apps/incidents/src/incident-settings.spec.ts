import { DEFAULT_INCIDENT_DEADLINE_SETTINGS, incidentDeadlineRules, policeArrivalRule } from './domain/index.js';
import { incidentSettingsFromEnv } from './incident-settings.js';

describe('incident settings from the environment', () => {
  /** One regional arrival override: its prefix and the limit with a police office (8 minutes without). */
  const oneOverride = (regionPrefix: string, withPoliceOfficeMinutes: number) => ({
    INCIDENTS_POLICE_ARRIVAL_OVERRIDES: JSON.stringify([
      {
        regionPrefix,
        withPoliceOffice: { unit: 'minutes', amount: withPoliceOfficeMinutes },
        withoutPoliceOffice: { unit: 'minutes', amount: 8 },
        source: 'x',
      },
    ]),
  });

  it('defaults: Chongqing’s 3 / 8 minutes everywhere, "immediately" = 1 hour', () => {
    expect(incidentSettingsFromEnv({})).toEqual(DEFAULT_INCIDENT_DEADLINE_SETTINGS);
  });

  it('reads regional arrival limits and the immediate-report length', () => {
    const settings = incidentSettingsFromEnv({
      INCIDENTS_POLICE_ARRIVAL_OVERRIDES: JSON.stringify([
        {
          regionPrefix: '4101',
          withPoliceOffice: { unit: 'minutes', amount: 5 },
          withoutPoliceOffice: { unit: 'minutes', amount: 10 },
          source: '郑州 (example)',
        },
      ]),
      INCIDENTS_IMMEDIATE_LOCAL_REPORT_MINUTES: '30',
    });
    expect(settings.immediateLocalReport).toEqual({ unit: 'minutes', amount: 30 });
    expect(policeArrivalRule('410102', false, settings.policeArrivalOverrides)).toBe('police-arrival@4101');
    expect(incidentDeadlineRules(settings).find((rule) => rule.name === 'police-arrival@4101')?.length).toEqual({
      unit: 'minutes',
      amount: 10,
    });
  });

  it('refuses to start on settings it cannot read', () => {
    expect(() => incidentSettingsFromEnv({ INCIDENTS_POLICE_ARRIVAL_OVERRIDES: '{oops' })).toThrow(/JSON array/);
    expect(() => incidentSettingsFromEnv(oneOverride('41', 0))).toThrow(/withPoliceOffice/);
    expect(() => incidentSettingsFromEnv(oneOverride('4', 3))).toThrow(/2, 4 or 6 digits/);
    expect(() => incidentSettingsFromEnv({ INCIDENTS_IMMEDIATE_LOCAL_REPORT_MINUTES: 'soon' })).toThrow(/minutes/);
  });
});
