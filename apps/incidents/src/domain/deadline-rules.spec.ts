import { indexRules } from '@pingan/deadlines';
import { INCIDENT_DEADLINE_RULES, incidentDeadlineRules, policeArrivalRule, type PoliceArrivalOverride } from './deadline-rules.js';

const minutes = (amount: number) => ({ unit: 'minutes' as const, amount });
const override = (regionPrefix: string, withOffice: number, without: number): PoliceArrivalOverride => ({
  regionPrefix,
  withPoliceOffice: minutes(withOffice),
  withoutPoliceOffice: minutes(without),
  source: `notice of ${regionPrefix}`,
});

describe('incidents deadline catalogue', () => {
  it('is a valid catalogue for the deadlines library', () => {
    expect(() => indexRules(INCIDENT_DEADLINE_RULES)).not.toThrow();
    expect(INCIDENT_DEADLINE_RULES.map((rule) => [rule.name, rule.length, rule.warnAtFraction])).toEqual([
      ['police-arrival-with-office', minutes(3), 0.75],
      ['police-arrival', minutes(8), 0.75],
      ['immediate-local-report', { unit: 'hours', amount: 1 }, 0.75],
      ['national-hc-report', { unit: 'hours', amount: 12 }, 0.75],
      ['report-forwarding', { unit: 'hours', amount: 1 }, 0.75],
    ]);
  });

  it('"immediately" is configurable', () => {
    const rules = incidentDeadlineRules({ immediateLocalReport: minutes(30), policeArrivalOverrides: [] });
    expect(rules.find((rule) => rule.name === 'immediate-local-report')?.length).toEqual(minutes(30));
  });

  it('adds two rules per regional override', () => {
    const rules = incidentDeadlineRules({
      immediateLocalReport: { unit: 'hours', amount: 1 },
      policeArrivalOverrides: [override('41', 5, 10)],
    });
    expect(() => indexRules(rules)).not.toThrow();
    expect(rules.slice(5)).toEqual([
      { name: 'police-arrival-with-office@41', source: 'notice of 41', length: minutes(5), warnAtFraction: 0.75 },
      { name: 'police-arrival@41', source: 'notice of 41', length: minutes(10), warnAtFraction: 0.75 },
    ]);
  });

  it('rejects malformed or duplicate region prefixes', () => {
    const settings = (overrides: PoliceArrivalOverride[]) => ({ immediateLocalReport: minutes(60), policeArrivalOverrides: overrides });
    expect(() => incidentDeadlineRules(settings([override('501', 3, 8)]))).toThrow(RangeError);
    expect(() => incidentDeadlineRules(settings([override('50', 3, 8), override('50', 2, 6)]))).toThrow(RangeError);
  });

  it('picks the arrival rule by police office and the longest matching region prefix', () => {
    const overrides = [override('41', 5, 10), override('4101', 4, 9)];
    expect(policeArrivalRule('500103', true, overrides)).toBe('police-arrival-with-office');
    expect(policeArrivalRule('500103', false, overrides)).toBe('police-arrival');
    expect(policeArrivalRule('410102', false, overrides)).toBe('police-arrival@4101');
    expect(policeArrivalRule('410202', true, overrides)).toBe('police-arrival-with-office@41');
  });
});
