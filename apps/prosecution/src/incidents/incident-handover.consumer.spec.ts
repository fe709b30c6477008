import type { IncidentClassification } from '@pingan/contracts';
import { kindOf } from './incident-handover.consumer.js';

const none = { deaths: 0, seriousInjuries: 0, lightInjuries: 0, slightInjuries: 0 };
const base: IncidentClassification = {
  categories: ['assault_on_staff'],
  casualties: { staff: none, patients: none, perpetrators: none, bystanders: none },
  massIncident: false,
  weaponsInvolved: false,
  seriousInjuryPendingAppraisal: false,
};
const hurt = (group: keyof IncidentClassification['casualties'], counts: Partial<typeof none>): IncidentClassification => ({
  ...base,
  casualties: { ...base.casualties, [group]: { ...none, ...counts } },
});

describe('the kind a handed-over incident opens as (criminal by default, no 降格) [S2 二(六), S3 一(一)]', () => {
  it.each([
    ['a 轻伤 of staff (刑法 art. 234)', 'criminal', hurt('staff', { lightInjuries: 1 }), false],
    ['a 轻伤 of a bystander', 'criminal', hurt('bystanders', { lightInjuries: 1 }), false],
    ['a 重伤 of a patient', 'criminal', hurt('patients', { seriousInjuries: 1 }), false],
    ['a knife attack with nobody hurt', 'criminal', { ...base, weaponsInvolved: true }, false],
    ['a suspected serious injury pending appraisal', 'criminal', { ...base, seriousInjuryPendingAppraisal: true }, false],
    ['a major incident', 'criminal', base, true],
    ['轻微伤 only', 'administrative', hurt('staff', { slightInjuries: 2 }), false],
    ['weapons carried, no assault', 'administrative', { ...base, categories: ['carrying_weapons'], weaponsInvolved: true }, false],
  ] as const)('%s → %s', (_what, kind, classification, major) => {
    expect(kindOf(classification as IncidentClassification, major)).toBe(kind);
  });

  it('reads facts stored before the grades were kept apart: the merged count is 轻微伤', () => {
    const legacy = {
      categories: ['assault_on_staff'],
      casualties: {
        staff: { deaths: 0, seriousInjuries: 0, minorInjuries: 1 },
        patients: { deaths: 0, seriousInjuries: 0, minorInjuries: 0 },
      },
      massIncident: false,
      weaponsInvolved: false,
    } as unknown as IncidentClassification;
    expect(kindOf(legacy, false)).toBe('administrative');
    expect(kindOf(null, false)).toBe('administrative');
  });
});
