import {
  formatCaseNumber,
  INCIDENT_EVENT_SCHEMA_VERSIONS,
  parseCaseNumber,
  readClassification,
  shanghaiDateOf,
  totalCasualties,
  type IncidentClassification,
} from '@pingan/contracts';

describe('incident case numbers', () => {
  it('formats region + Shanghai date + sequence, zero-padded to four digits', () => {
    expect(formatCaseNumber('500101', '2026-11-22', 7)).toBe('500101-20261122-0007');
    expect(formatCaseNumber('500101', '2026-11-22', 12345)).toBe('500101-20261122-12345');
  });

  it('parses what it formats', () => {
    expect(parseCaseNumber('500101-20261122-0007')).toEqual({ regionCode: '500101', shanghaiDate: '2026-11-22', sequence: 7 });
    expect(parseCaseNumber(formatCaseNumber('110105', '2024-02-29', 10000))).toEqual({
      regionCode: '110105',
      shanghaiDate: '2024-02-29',
      sequence: 10000,
    });
  });

  it.each([
    '',
    '500101-20261122-7',
    '50010-20261122-0007',
    '500101-20260230-0007',
    '500101-20261122-0000',
    '500101-20261122-00007',
    'x500101-20261122-0007',
  ])('rejects %p', (text) => {
    expect(parseCaseNumber(text)).toBeNull();
  });

  it('refuses to format nonsense', () => {
    expect(() => formatCaseNumber('5001', '2026-11-22', 1)).toThrow(RangeError);
    expect(() => formatCaseNumber('500101', '2026-13-01', 1)).toThrow(RangeError);
    expect(() => formatCaseNumber('500101', '20261122', 1)).toThrow(RangeError);
    expect(() => formatCaseNumber('500101', '2026-11-22', 0)).toThrow(RangeError);
    expect(() => formatCaseNumber('500101', '2026-11-22', 1.5)).toThrow(RangeError);
  });

  it('dates by Beijing time, whatever the process time zone', () => {
    expect(shanghaiDateOf(new Date('2026-11-21T15:59:59Z'))).toBe('2026-11-21');
    expect(shanghaiDateOf(new Date('2026-11-21T16:00:00Z'))).toBe('2026-11-22');
  });

  it('every event type starts at schema version 1', () => {
    expect(new Set(Object.values(INCIDENT_EVENT_SCHEMA_VERSIONS))).toEqual(new Set([1]));
  });
});

describe('readClassification (stored classifications of any age)', () => {
  const none = { deaths: 0, seriousInjuries: 0, lightInjuries: 0, slightInjuries: 0 };
  it('reads the merged 轻伤/轻微伤 count of an old event as 轻微伤, and the missing groups as nobody hurt', () => {
    const old = {
      categories: ['assault_on_staff'],
      casualties: {
        staff: { deaths: 0, seriousInjuries: 1, minorInjuries: 2 },
        patients: { deaths: 0, seriousInjuries: 0, minorInjuries: 0 },
      },
      massIncident: false,
      weaponsInvolved: false,
    } as unknown as IncidentClassification;
    expect(readClassification(old)).toEqual({
      categories: ['assault_on_staff'],
      casualties: { staff: { ...none, seriousInjuries: 1, slightInjuries: 2 }, patients: none, perpetrators: none, bystanders: none },
      massIncident: false,
      weaponsInvolved: false,
      seriousInjuryPendingAppraisal: false,
    });
  });

  it('leaves a current classification as it is, and totals over every group', () => {
    const current: IncidentClassification = {
      categories: ['other'],
      casualties: { staff: { ...none, lightInjuries: 1 }, patients: none, perpetrators: { ...none, slightInjuries: 1 }, bystanders: none },
      massIncident: false,
      weaponsInvolved: true,
      seriousInjuryPendingAppraisal: true,
    };
    expect(readClassification(current)).toEqual(current);
    expect(totalCasualties(current.casualties)).toEqual({ ...none, lightInjuries: 1, slightInjuries: 1 });
  });
});
