import type { StoredEvent } from '@pingan/event-store';
import { deciderSpec } from '@pingan/testing';
import { oversightClocksFor } from './clocks.js';
import { OversightError } from './oversight.errors.js';
import { supervisionDecider, type SupervisionCommand, type SupervisionEvent } from './supervision.decider.js';

const given = deciderSpec(supervisionDecider);
const now = new Date('2026-11-10T04:00:00.000Z');
const dueAt = new Date('2026-11-13T04:00:00.000Z');
const actor = { userId: 'u-hc', organisationId: 'hc-500101', role: 'health_commission_official' };
const at = (instant: Date) => ({ actor, now: instant });
const startData = {
  supervisionId: 's1',
  caseNumber: '500101-20261110-0001',
  regionCode: '500101',
  hospitalId: 'h1',
  supervisorOrganisationId: 'hc-500101',
  supervisorKind: 'health_commission' as const,
  instructions: '三日内报告',
  dueAt,
};
const start: SupervisionCommand = { type: 'StartSupervision', data: startData, metadata: at(now) };
const ref = { supervisionId: 's1', caseNumber: '500101-20261110-0001', regionCode: '500101', hospitalId: 'h1' };
const started: SupervisionEvent = {
  type: 'SupervisionStarted',
  data: {
    ...ref,
    supervisorOrganisationId: 'hc-500101',
    supervisorKind: 'health_commission',
    instructions: '三日内报告',
    dueAt: dueAt.toISOString(),
    startedAt: now.toISOString(),
    deadlineId: 'supervision-s1',
  },
};
const closedAt = new Date('2026-11-12T00:00:00.000Z');
const closed: SupervisionEvent = {
  type: 'SupervisionClosed',
  data: { ...ref, conclusion: '办结', closedAt: closedAt.toISOString(), metDueDate: true },
};

describe('supervision decider (督办)', () => {
  it('starts a supervision with its due date and clock', () => given([]).when(start).then([started]));
  it('rejects a due date less than an hour away', () =>
    given([])
      .when({ ...start, data: { ...startData, dueAt: new Date(now.getTime() + 59 * 60_000) } })
      .thenThrows(OversightError, { code: 'SUPERVISION.DUE_TOO_SOON' }));
  it('starts once', () => given([started]).when(start).thenThrows(OversightError, { code: 'SUPERVISION.ALREADY_STARTED' }));
  it('records progress', () =>
    given([started])
      .when({ type: 'RecordSupervisionProgress', data: { note: '已立案' }, metadata: at(closedAt) })
      .then([{ type: 'SupervisionProgressRecorded', data: { ...ref, note: '已立案', recordedAt: closedAt.toISOString() } }]));
  it('closes, saying whether the due date was kept', () => {
    given([started])
      .when({ type: 'CloseSupervision', data: { conclusion: '办结' }, metadata: at(closedAt) })
      .then([closed]);
    const late = new Date('2026-11-14T00:00:00.000Z');
    given([started])
      .when({ type: 'CloseSupervision', data: { conclusion: '办结' }, metadata: at(late) })
      .then([{ type: 'SupervisionClosed', data: { ...ref, conclusion: '办结', closedAt: late.toISOString(), metDueDate: false } }]);
  });
  it('refuses progress or closing on an unknown or closed supervision', () => {
    given([])
      .when({ type: 'RecordSupervisionProgress', data: { note: 'x' }, metadata: at(now) })
      .thenThrows(OversightError, { code: 'SUPERVISION.NOT_FOUND' });
    given([started, closed])
      .when({ type: 'CloseSupervision', data: { conclusion: 'x' }, metadata: at(now) })
      .thenThrows(OversightError, { code: 'SUPERVISION.CLOSED' });
    given([started, closed])
      .when({ type: 'RecordSupervisionProgress', data: { note: 'x' }, metadata: at(now) })
      .thenThrows(OversightError, { code: 'SUPERVISION.CLOSED' });
  });
});

describe('oversight clocksFor', () => {
  const stored = (event: SupervisionEvent) => ({ ...event, eventId: 'e', correlationId: ref.caseNumber }) as unknown as StoredEvent;
  it('starts the supervision clock due exactly at the supervisor’s due date', () => {
    expect(oversightClocksFor(stored(started))).toEqual([
      {
        op: 'start',
        id: 'supervision-s1',
        subject: ref.caseNumber,
        rule: 'supervision-due',
        startedAt: now,
        dueAt,
        responsibleOrganisationId: null,
        supervisingOrganisationId: 'hc-500101',
      },
    ]);
  });
  it('meets it when the supervision is closed, and ignores everything else', () => {
    expect(oversightClocksFor(stored(closed))).toEqual([{ op: 'met', id: 'supervision-s1', at: closedAt }]);
    expect(
      oversightClocksFor(stored({ type: 'SupervisionProgressRecorded', data: { ...ref, note: 'x', recordedAt: now.toISOString() } })),
    ).toEqual([]);
  });
});
