import type { StoredEvent } from '@pingan/event-store';
import { incidentClocksFor } from './incident.clocks.js';

const ref = { caseNumber: '500101-20261122-0007', hospitalId: 'hosp-a', regionCode: '500101' };
const stored = (type: string, data: Record<string, unknown>, streamType = 'incident'): StoredEvent =>
  ({ type, data: { ...ref, ...data }, streamType, correlationId: ref.caseNumber }) as unknown as StoredEvent;

describe('incidentClocksFor: which event starts, meets and cancels which clock', () => {
  it('starts a clock with the rule, subject = case number, responsible and supervising organisations', () => {
    const event = stored('IncidentClockStarted', {
      deadlineId: `${ref.caseNumber}:police_arrival:1`,
      clock: 'police_arrival',
      rule: 'police-arrival-with-office',
      startedAt: '2026-11-22T02:00:00.000Z',
      responsibleOrganisationId: 'station-1',
      supervisingOrganisationId: 'bureau-1',
      trigger: 'police_dispatched',
    });
    expect(incidentClocksFor(event)).toEqual([
      {
        op: 'start',
        id: `${ref.caseNumber}:police_arrival:1`,
        subject: ref.caseNumber,
        rule: 'police-arrival-with-office',
        startedAt: new Date('2026-11-22T02:00:00.000Z'),
        responsibleOrganisationId: 'station-1',
        supervisingOrganisationId: 'bureau-1',
      },
    ]);
  });

  it('leaves the supervisor empty when nobody named it', () => {
    const [op] = incidentClocksFor(
      stored('IncidentClockStarted', {
        deadlineId: 'd',
        clock: 'national_report',
        rule: 'national-hc-report',
        startedAt: '2026-11-22T02:00:00.000Z',
        responsibleOrganisationId: 'hosp-a',
        trigger: 'reported_major',
      }),
    );
    expect(op).toMatchObject({ op: 'start', supervisingOrganisationId: null });
  });

  it('meets a clock at the completion time and cancels one with its reason', () => {
    expect(
      incidentClocksFor(
        stored('IncidentClockStopped', { deadlineId: 'd', clock: 'national_report', completedAt: '2026-11-22T10:00:00.000Z' }),
      ),
    ).toEqual([{ op: 'met', id: 'd', at: new Date('2026-11-22T10:00:00.000Z') }]);
    expect(
      incidentClocksFor(
        stored('IncidentClockCancelled', {
          deadlineId: 'd',
          clock: 'police_arrival',
          cancelledAt: '2026-11-22T02:05:00.000Z',
          reason: 'incident_closed',
        }),
      ),
    ).toEqual([{ op: 'cancel', id: 'd', reason: 'incident_closed', at: new Date('2026-11-22T02:05:00.000Z') }]);
  });

  it('ignores every other event, and other streams', () => {
    expect(incidentClocksFor(stored('PoliceArrived', { arrivedAt: '2026-11-22T02:03:00.000Z' }))).toEqual([]);
    expect(
      incidentClocksFor(stored('IncidentClockStopped', { deadlineId: 'd', completedAt: '2026-11-22T10:00:00.000Z' }, 'deadline')),
    ).toEqual([]);
  });
});
