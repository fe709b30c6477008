import type { IncidentClassification, IncidentEvent } from '@pingan/contracts';
import { fold } from '@pingan/event-store';
import { isMajor, normaliseClassification, UNCLASSIFIED } from './incident.classification.js';
import { incidentDecider } from './incident.decider.js';
import { toIncidentSummary } from './incident.summary.js';

import { counts, others } from './incident.decider.fixtures.js';

/** The counts as events stored them before the grades were kept apart: 轻伤 and 轻微伤 merged. */
const legacyCounts = (deaths = 0, seriousInjuries = 0, minorInjuries = 0) => ({ deaths, seriousInjuries, minorInjuries });

describe('isMajor', () => {
  const base = { ...UNCLASSIFIED, categories: ['assault_on_staff' as const] };
  it.each([
    ['a death of a patient', { ...base, casualties: { ...base.casualties, patients: counts(1) } }, true],
    ['a serious injury of staff', { ...base, casualties: { ...base.casualties, staff: counts(0, 1) } }, true],
    ['a serious injury of a perpetrator', { ...base, casualties: { ...base.casualties, perpetrators: counts(0, 1) } }, true],
    ['a mass incident', { ...base, massIncident: true }, true],
    ['a suspected serious injury pending appraisal', { ...base, seriousInjuryPendingAppraisal: true }, true],
    ['轻伤 and 轻微伤 only', { ...base, casualties: { staff: counts(0, 0, 3, 1), patients: counts(0, 0, 0, 2), ...others } }, false],
    ['weapons but nobody hurt', { ...base, weaponsInvolved: true }, false],
  ])('%s → %p', (_what, classification, expected) => {
    expect(isMajor(classification)).toBe(expected);
  });
});

describe('normaliseClassification', () => {
  it('fills in zeros and orders categories', () => {
    expect(normaliseClassification({ categories: ['other', 'bed_occupation', 'other'] })).toEqual({
      classification: { ...UNCLASSIFIED, categories: ['bed_occupation', 'other'] },
      errors: [],
    });
  });
  it('names every field at fault', () => {
    const result = normaliseClassification({
      categories: [],
      casualties: { staff: { deaths: 1.5 } },
      massIncident: 'yes' as never,
    });
    expect(result.errors.map((error) => error.field)).toEqual([
      'classification.categories',
      'classification.casualties.staff.deaths',
      'classification.massIncident',
    ]);
  });
});

describe('IncidentSummary', () => {
  const ref = { caseNumber: '500103-20261122-0001', hospitalId: 'h1', regionCode: '500103' };
  it('is null before the incident was reported', () => {
    expect(toIncidentSummary(incidentDecider.initialState())).toBeNull();
  });

  it('flattens the state into a read-model row', () => {
    const events: IncidentEvent[] = [
      {
        type: 'IncidentReported',
        data: {
          ...ref,
          channel: 'one_key_alarm',
          intake: { channel: 'one_key_alarm', location: 'ED', deviceId: null },
          occurredAt: '2026-11-22T02:00:00.000Z',
          reportedAt: '2026-11-22T02:00:00.000Z',
          reportedByOrganisationId: 'h1',
          hasPoliceOffice: true,
          // Stored before the grades were kept apart: read with the merged count as 轻微伤.
          classification: {
            categories: ['assault_on_staff'],
            casualties: { staff: legacyCounts(0, 1, 1), patients: legacyCounts(0, 0, 1) },
            massIncident: false,
            weaponsInvolved: true,
          } as unknown as IncidentClassification,
          major: true,
        },
      },
      {
        type: 'IncidentClockStarted',
        data: {
          ...ref,
          deadlineId: 'x:national_report:1',
          clock: 'national_report',
          rule: 'national-hc-report',
          startedAt: '2026-11-22T02:00:00.000Z',
          responsibleOrganisationId: 'h1',
          trigger: 'reported_major',
        },
      },
      {
        type: 'EscalationSubmitted',
        data: {
          ...ref,
          chain: 'health',
          level: 'county',
          submittedAt: '2026-11-22T02:10:00.000Z',
          submittedByOrganisationId: 'h1',
          major: true,
        },
      },
      {
        type: 'EscalationAcknowledged',
        data: { ...ref, chain: 'health', level: 'county', acknowledgedAt: '2026-11-22T02:20:00.000Z', organisationId: 'hc', major: true },
      },
      { type: 'IncidentLinkedToPoliceCase', data: { ...ref, policeCaseNumber: 'A1', linkedAt: '2026-11-22T03:00:00.000Z' } },
    ];
    expect(toIncidentSummary(fold(incidentDecider, events))).toEqual({
      ...ref,
      channel: 'one_key_alarm',
      status: 'open',
      outcome: null,
      occurredAt: '2026-11-22T02:00:00.000Z',
      reportedAt: '2026-11-22T02:00:00.000Z',
      closedAt: null,
      reopenCount: 0,
      categories: ['assault_on_staff'],
      major: true,
      massIncident: false,
      weaponsInvolved: true,
      deaths: 0,
      seriousInjuries: 1,
      lightInjuries: 0,
      slightInjuries: 2,
      seriousInjuryPendingAppraisal: false,
      staffHurt: 2,
      detailsPending: true,
      dispatchedAt: null,
      arrivedAt: null,
      disturbanceStoppedAt: null,
      sceneClearedAt: null,
      healthAcknowledgedLevel: 'county',
      policeAcknowledgedLevel: null,
      politicalLegalAcknowledged: false,
      nationalAcknowledgedAt: null,
      runningClocks: ['national_report'],
      policeCaseNumber: 'A1',
      disputeCaseNumber: null,
    });
  });
});
