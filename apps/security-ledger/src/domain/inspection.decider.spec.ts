import type { Actor, InspectingUnit, SecurityLedgerEvent } from '@pingan/contracts';
import { deciderSpec } from '@pingan/testing';
import type { InspectionCommand } from './inspection.commands.js';
import { inspectionDecider, REQUIREMENT_KINDS } from './inspection.decider.js';
import { SecurityLedgerError } from './security-ledger.errors.js';

const given = deciderSpec(inspectionDecider);

const commissionActor: Actor = { userId: 'u-hc', organisationId: 'hc-1', role: 'health_commission_official' };
const cityPolice: Actor = { userId: 'u-p', organisationId: 'ps-city', role: 'station_chief' };
const security1: Actor = { userId: 'u-s1', organisationId: 'hosp-1', role: 'hospital_security_officer' };
const security2: Actor = { userId: 'u-s2', organisationId: 'hosp-2', role: 'hospital_security_officer' };
const complaints1: Actor = { userId: 'u-c1', organisationId: 'hosp-1', role: 'hospital_complaints_officer' };
const commission: InspectingUnit = { organisationId: 'hc-1', organisationKind: 'health_commission', regionCode: '500101' };
const cityPoliceUnit: InspectingUnit = { organisationId: 'ps-city', organisationKind: 'police', regionCode: '500100' };
const otherCounty: InspectingUnit = { organisationId: 'hc-2', organisationKind: 'health_commission', regionCode: '500114' };

const inspectedAt = new Date('2026-07-01T01:30:00Z');
const t0 = new Date('2026-07-01T08:00:00Z'); // recorded the same afternoon
const dueAt = '2026-07-31T16:00:00.000Z'; // 24:00 Shanghai time of 31 July
const onLastDay = new Date('2026-07-31T15:59:00Z');
const dayAfter = new Date('2026-08-01T01:00:00Z');

const cmd = <C extends InspectionCommand>(type: C['type'], data: C['data'], actor: Actor, now: Date, occurredAt?: Date): C =>
  ({ type, data, metadata: { actor, now, ...(occurredAt ? { occurredAt } : {}) } }) as C;

const findings = [
  { requirement: 'guards', note: '保安员39人，应配47人' },
  { requirement: 'screening', note: '东门未实施安检' },
];
const record = (extra: object = {}, actor = commissionActor) =>
  cmd(
    'RecordInspection',
    { inspectionId: 'i-1', hospitalId: 'hosp-1', regionCode: '500101', kind: 'inspection', inspector: commission, findings, ...extra },
    actor,
    t0,
    inspectedAt,
  );
const ref = { inspectionId: 'i-1', hospitalId: 'hosp-1', regionCode: '500101' };
const wasRecorded: SecurityLedgerEvent = {
  type: 'InspectionRecorded',
  data: {
    ...ref,
    kind: 'inspection',
    inspectedAt: inspectedAt.toISOString(),
    inspector: commission,
    findings: [
      { findingId: '1', requirement: 'guards', note: '保安员39人，应配47人' },
      { findingId: '2', requirement: 'screening', note: '东门未实施安检' },
    ],
    recordedAt: t0.toISOString(),
  },
};

const responsible = { name: '张保卫', role: '保卫科科长' };
const issue = (extra: object = {}, actor = commissionActor, by = commission) =>
  cmd('IssueRectificationItem', { findingId: '1', responsible, dueOn: '2026-07-31', by, ...extra }, actor, t0);
const wasIssued = (itemId = '1', findingId = '1', requirement = 'guards', by = commission): SecurityLedgerEvent => ({
  type: 'RectificationItemIssued',
  data: {
    ...ref,
    itemId,
    findingId,
    requirement,
    responsible,
    dueOn: '2026-07-31',
    dueAt,
    issuedAt: t0.toISOString(),
    issuedBy: by,
    clocks: [
      {
        action: 'start',
        deadlineId: `i-1/rectification/${itemId}`,
        subject: 'hosp-1',
        rule: 'rectification-item',
        startedAt: t0.toISOString(),
        dueAt,
        responsibleOrganisationId: 'hosp-1',
        // Escalated to the unit that inspected, whoever issued the item.
        supervisingOrganisationId: 'hc-1',
      },
    ],
  },
});

const report = (at: Date, actor = security1, extra: object = {}) =>
  cmd(
    'ReportRectification',
    { itemId: '1', hospitalId: actor.organisationId, note: '已增配保安8人', evidence: ['附件/保安合同.pdf'], ...extra },
    actor,
    at,
  );
const wasReported = (at: Date): SecurityLedgerEvent => ({
  type: 'RectificationReported',
  data: { ...ref, itemId: '1', note: '已增配保安8人', evidence: ['附件/保安合同.pdf'], reportedAt: at.toISOString() },
});
const signOff = (at: Date, actor = commissionActor, by = commission) =>
  cmd('SignOffRectification', { itemId: '1', note: '经核验属实', by }, actor, at);
const wasSignedOff = (at: Date, onTime: boolean, by = commission): SecurityLedgerEvent => ({
  type: 'RectificationSignedOff',
  data: {
    ...ref,
    itemId: '1',
    note: '经核验属实',
    signedOffAt: at.toISOString(),
    onTime,
    signedOffBy: by,
    clocks: [{ action: 'stop', deadlineId: 'i-1/rectification/1', at: at.toISOString() }],
  },
});
const sendBack = (at: Date, reason = '仅签订合同，人员未到岗', actor = commissionActor, by = commission) =>
  cmd('SendBackRectification', { itemId: '1', reason, by }, actor, at);
const wasSentBack = (at: Date): SecurityLedgerEvent => ({
  type: 'RectificationSentBack',
  data: { ...ref, itemId: '1', reason: '仅签订合同，人员未到岗', sentBackAt: at.toISOString(), sentBackBy: commission },
});
const reportedAt = new Date('2026-07-20T02:00:00Z');

describe('recording an inspection', () => {
  it('a commission of the hospital’s region: the findings numbered, inspected when stated', () => {
    given([]).when(record()).then([wasRecorded]);
  });

  it('police of a region above the hospital’s may inspect; an inspection may find nothing', () => {
    const [event] = inspectionDecider.decide(
      record({ inspector: cityPoliceUnit, findings: [], kind: 'supervision' }, cityPolice),
      inspectionDecider.initialState(),
    );
    expect(event).toMatchObject({ type: 'InspectionRecorded', data: { kind: 'supervision', findings: [], inspector: cityPoliceUnit } });
  });

  it('the findings may be against any requirement kind of the standards', () => {
    expect(REQUIREMENT_KINDS).toEqual(expect.arrayContaining(['guards', 'screening', 'police_office', 'drills', 'video_retention']));
    expect(REQUIREMENT_KINDS).toHaveLength(10);
  });

  it('refuses a hospital role, and a unit of another region', () => {
    given([]).when(record({}, security1)).thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.NOT_AUTHORISED' });
    given([])
      .when(record({ inspector: otherCounty }))
      .thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.REGION_OUTSIDE_SCOPE' });
  });

  it('refuses a finding against no requirement of the standards, or without a note', () => {
    given([])
      .when(
        record({
          findings: [
            { requirement: 'parking', note: '停车' },
            { requirement: 'guards', note: ' ' },
          ],
        }),
      )
      .thenThrows(SecurityLedgerError, {
        code: 'SECURITY_LEDGER.INVALID_INSPECTION',
        errors: [
          expect.objectContaining({ field: 'findings[0].requirement', code: 'UNKNOWN_REQUIREMENT' }),
          expect.objectContaining({ field: 'findings[1].note', code: 'BLANK' }),
        ],
      } as never);
  });

  it('refuses recording the same inspection twice', () => {
    given([wasRecorded]).when(record()).thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.INSPECTION_EXISTS' });
  });
});

describe('issuing a rectification item', () => {
  it('from a finding: a clock due at 24:00 of the due day, the hospital responsible, escalated to the inspecting unit', () => {
    given([wasRecorded]).when(issue()).then([wasIssued()]);
  });

  it('the second item is numbered on; police above the region may issue it, the clock still escalates to the inspector', () => {
    given([wasRecorded, wasIssued()])
      .when(issue({ findingId: '2' }, cityPolice, cityPoliceUnit))
      .then([wasIssued('2', '2', 'screening', cityPoliceUnit)]);
  });

  it('refuses an inspection not recorded, an unknown finding, a finding that has its item', () => {
    given([]).when(issue()).thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.INSPECTION_NOT_FOUND' });
    given([wasRecorded])
      .when(issue({ findingId: '9' }))
      .thenThrows(SecurityLedgerError, {
        code: 'SECURITY_LEDGER.INVALID_RECTIFICATION',
        errors: [expect.objectContaining({ field: 'findingId' })],
      } as never);
    given([wasRecorded, wasIssued()]).when(issue()).thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.ITEM_EXISTS' });
  });

  it('refuses a due day past or not a day, a blank responsible person', () => {
    given([wasRecorded])
      .when(issue({ dueOn: '2026-06-30' }))
      .thenThrows(SecurityLedgerError, {
        code: 'SECURITY_LEDGER.INVALID_RECTIFICATION',
        errors: [expect.objectContaining({ field: 'dueOn', code: 'IN_PAST' })],
      } as never);
    given([wasRecorded])
      .when(issue({ dueOn: '2026-02-30' }))
      .thenThrows(SecurityLedgerError, {
        code: 'SECURITY_LEDGER.INVALID_RECTIFICATION',
        errors: [expect.objectContaining({ field: 'dueOn', code: 'NOT_A_DAY' })],
      } as never);
    given([wasRecorded])
      .when(issue({ responsible: { name: '', role: '保卫科' } }))
      .thenThrows(SecurityLedgerError, {
        code: 'SECURITY_LEDGER.INVALID_RECTIFICATION',
        errors: [expect.objectContaining({ field: 'responsible.name', code: 'BLANK' })],
      } as never);
  });

  it('refuses the hospital, and a unit of another region', () => {
    given([wasRecorded]).when(issue({}, security1)).thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.NOT_AUTHORISED' });
    given([wasRecorded])
      .when(issue({}, commissionActor, otherCounty))
      .thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.REGION_OUTSIDE_SCOPE' });
  });
});

describe('reporting a fix', () => {
  it('the hospital’s security office, with evidence: the clock keeps running (a report is not a sign-off)', () => {
    given([wasRecorded, wasIssued()])
      .when(report(reportedAt))
      .then([wasReported(reportedAt)]);
  });

  it('again after it was sent back; evidence kept once each, blanks dropped', () => {
    given([wasRecorded, wasIssued(), wasReported(reportedAt), wasSentBack(reportedAt)])
      .when(report(reportedAt, security1, { evidence: ['附件/保安合同.pdf', ' 附件/保安合同.pdf', ''] }))
      .then([wasReported(reportedAt)]);
  });

  it('refuses another hospital’s office and another role of the hospital', () => {
    given([wasRecorded, wasIssued()])
      .when(report(reportedAt, security2))
      .thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.NOT_OWN_HOSPITAL' });
    given([wasRecorded, wasIssued()])
      .when(report(reportedAt, complaints1))
      .thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.NOT_AUTHORISED' });
    given([wasRecorded, wasIssued()])
      .when(report(reportedAt, commissionActor))
      .thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.NOT_AUTHORISED' });
  });

  it('refuses an unknown item, an item awaiting its check or signed off, a report without evidence', () => {
    given([wasRecorded, wasIssued()])
      .when(report(reportedAt, security1, { itemId: '7' }))
      .thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.ITEM_NOT_FOUND' });
    given([wasRecorded, wasIssued(), wasReported(reportedAt)])
      .when(report(reportedAt))
      .thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.ITEM_NOT_OPEN' });
    given([wasRecorded, wasIssued(), wasReported(reportedAt), wasSignedOff(reportedAt, true)])
      .when(report(reportedAt))
      .thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.ITEM_NOT_OPEN' });
    given([wasRecorded, wasIssued()])
      .when(report(reportedAt, security1, { evidence: [' '] }))
      .thenThrows(SecurityLedgerError, {
        code: 'SECURITY_LEDGER.INVALID_RECTIFICATION',
        errors: [expect.objectContaining({ field: 'evidence', code: 'NO_EVIDENCE' })],
      } as never);
  });
});

describe('signing off (销号) and sending back', () => {
  const reported = [wasRecorded, wasIssued(), wasReported(reportedAt)];

  it('signed off by 24:00 of the due day: on time, the clock stopped (met)', () => {
    given(reported)
      .when(signOff(onLastDay))
      .then([wasSignedOff(onLastDay, true)]);
  });

  it('signed off after the due day: recorded late (the stopped clock keeps its breach)', () => {
    given(reported)
      .when(signOff(dayAfter))
      .then([wasSignedOff(dayAfter, false)]);
  });

  it('police of a region above may sign off', () => {
    given(reported)
      .when(signOff(onLastDay, cityPolice, cityPoliceUnit))
      .then([wasSignedOff(onLastDay, true, cityPoliceUnit)]);
  });

  it('sent back with a reason: no clock step (the item stays due on its day)', () => {
    given(reported)
      .when(sendBack(onLastDay))
      .then([wasSentBack(onLastDay)]);
    given(reported)
      .when(sendBack(onLastDay, ' '))
      .thenThrows(SecurityLedgerError, {
        code: 'SECURITY_LEDGER.INVALID_RECTIFICATION',
        errors: [expect.objectContaining({ field: 'reason' })],
      } as never);
  });

  it('refuses an item with no fix reported, one sent back, one signed off', () => {
    given([wasRecorded, wasIssued()])
      .when(signOff(onLastDay))
      .thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.ITEM_NOT_REPORTED' });
    given([...reported, wasSentBack(onLastDay)])
      .when(signOff(onLastDay))
      .thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.ITEM_NOT_REPORTED' });
    given([...reported, wasSignedOff(onLastDay, true)])
      .when(sendBack(dayAfter))
      .thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.ITEM_NOT_REPORTED' });
  });

  it('refuses the hospital, a unit of another region, an unknown item', () => {
    given(reported).when(signOff(onLastDay, security1)).thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.NOT_AUTHORISED' });
    given(reported)
      .when(signOff(onLastDay, commissionActor, otherCounty))
      .thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.REGION_OUTSIDE_SCOPE' });
    given(reported)
      .when(sendBack(onLastDay, '不实', commissionActor, otherCounty))
      .thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.REGION_OUTSIDE_SCOPE' });
    given(reported)
      .when(cmd('SignOffRectification', { itemId: '5', note: '', by: commission }, commissionActor, onLastDay))
      .thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.ITEM_NOT_FOUND' });
  });
});

describe('通报 and 约谈', () => {
  const heldAt = new Date('2026-07-05T02:00:00Z');

  it('a circular on the inspection, numbered', () => {
    given([wasRecorded])
      .when(cmd('IssueCircular', { text: '对该院安保力量不足问题予以通报', by: commission }, commissionActor, t0))
      .then([
        {
          type: 'CircularIssued',
          data: { ...ref, circularId: '1', text: '对该院安保力量不足问题予以通报', issuedAt: t0.toISOString(), issuedBy: commission },
        },
      ]);
  });

  it('an interview, held when stated', () => {
    given([wasRecorded])
      .when(
        cmd(
          'RecordInterview',
          { interviewee: '李院长（院长）', summary: '约谈院长，限期整改', by: cityPoliceUnit },
          cityPolice,
          onLastDay,
          heldAt,
        ),
      )
      .then([
        {
          type: 'InterviewHeld',
          data: {
            ...ref,
            interviewId: '1',
            heldAt: heldAt.toISOString(),
            interviewee: '李院长（院长）',
            summary: '约谈院长，限期整改',
            heldBy: cityPoliceUnit,
          },
        },
      ]);
  });

  it('refuses blank text, the hospital, another region, an inspection not recorded', () => {
    given([wasRecorded])
      .when(cmd('IssueCircular', { text: ' ', by: commission }, commissionActor, t0))
      .thenThrows(SecurityLedgerError, {
        code: 'SECURITY_LEDGER.INVALID_INSPECTION',
        errors: [expect.objectContaining({ field: 'text' })],
      } as never);
    given([wasRecorded])
      .when(cmd('RecordInterview', { interviewee: '', summary: '', by: commission }, commissionActor, t0))
      .thenThrows(SecurityLedgerError, {
        code: 'SECURITY_LEDGER.INVALID_INSPECTION',
        errors: [expect.objectContaining({ field: 'interviewee' }), expect.objectContaining({ field: 'summary' })],
      } as never);
    given([wasRecorded])
      .when(cmd('IssueCircular', { text: '通报', by: commission }, security1, t0))
      .thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.NOT_AUTHORISED' });
    given([wasRecorded])
      .when(cmd('RecordInterview', { interviewee: '院长', summary: '约谈', by: otherCounty }, commissionActor, t0))
      .thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.REGION_OUTSIDE_SCOPE' });
    given([])
      .when(cmd('IssueCircular', { text: '通报', by: commission }, commissionActor, t0))
      .thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.INSPECTION_NOT_FOUND' });
  });
});
