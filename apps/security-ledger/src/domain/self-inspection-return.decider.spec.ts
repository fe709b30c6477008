import type { Actor, SecurityLedgerEvent, SecurityProfile } from '@pingan/contracts';
import { deciderSpec } from '@pingan/testing';
import { emptyProfile } from './security-profile.js';
import type { FileSelfInspectionReturn, SetSelfInspectionReturn } from './self-inspection-return.commands.js';
import { selfInspectionReturnDecider } from './self-inspection-return.decider.js';
import { SecurityLedgerError } from './security-ledger.errors.js';

const given = deciderSpec(selfInspectionReturnDecider);

const commission: Actor = { userId: 'u-hc', organisationId: 'hc-1', role: 'health_commission_official' };
const police: Actor = { userId: 'u-p', organisationId: 'ps-1', role: 'station_chief' };
const security1: Actor = { userId: 'u-s1', organisationId: 'hosp-1', role: 'hospital_security_officer' };
const security3: Actor = { userId: 'u-s3', organisationId: 'hosp-3', role: 'hospital_security_officer' };
const complaints1: Actor = { userId: 'u-c1', organisationId: 'hosp-1', role: 'hospital_complaints_officer' };

const t0 = new Date('2026-07-01T02:00:00Z'); // 10:00 on 1 July in Shanghai
const dueAt = '2026-07-15T16:00:00.000Z'; // 24:00 Shanghai time of 15 July
const profile: SecurityProfile = { ...emptyProfile(), guards: 39, openBeds: 900 };

const set = (extra: Partial<SetSelfInspectionReturn['data']> = {}, actor: Actor = commission, at = t0): SetSelfInspectionReturn => ({
  type: 'SetSelfInspectionReturn',
  data: {
    returnId: 'r-1',
    commissionId: 'hc-1',
    commissionRegion: '500101',
    regionCode: '500101',
    title: '2026年第二季度医院安全秩序自查',
    asOf: '2026-06-30',
    dueOn: '2026-07-15',
    hospitalIds: ['hosp-2', 'hosp-1'],
    ...extra,
  },
  metadata: { actor, now: at },
});
const wasSet: SecurityLedgerEvent = {
  type: 'SelfInspectionReturnSet',
  data: {
    returnId: 'r-1',
    commissionId: 'hc-1',
    regionCode: '500101',
    title: '2026年第二季度医院安全秩序自查',
    asOf: '2026-06-30',
    dueOn: '2026-07-15',
    dueAt,
    hospitalIds: ['hosp-1', 'hosp-2'],
    setAt: t0.toISOString(),
    clocks: ['hosp-1', 'hosp-2'].map((h) => ({
      action: 'start' as const,
      deadlineId: `r-1/${h}`,
      subject: h,
      rule: 'self-inspection-return' as const,
      startedAt: t0.toISOString(),
      dueAt,
      responsibleOrganisationId: h,
      supervisingOrganisationId: 'hc-1',
    })),
  },
};
const file = (at: Date, actor: Actor = security1, extra: Partial<FileSelfInspectionReturn['data']> = {}): FileSelfInspectionReturn => ({
  type: 'FileSelfInspectionReturn',
  data: { returnId: 'r-1', hospitalId: actor.organisationId, profileRevision: 2, profile, evidence: ['附件/演练记录.pdf'], ...extra },
  metadata: { actor, now: at },
});
const wasFiled = (at: Date, onTime: boolean, hospitalId = 'hosp-1'): SecurityLedgerEvent => ({
  type: 'SelfInspectionReturnFiled',
  data: {
    returnId: 'r-1',
    hospitalId,
    profileRevision: 2,
    profile,
    evidence: ['附件/演练记录.pdf'],
    filedAt: at.toISOString(),
    onTime,
    clocks: [{ action: 'stop', deadlineId: `r-1/${hospitalId}`, at: at.toISOString() }],
  },
});
const onLastDay = new Date('2026-07-15T15:59:00Z'); // 23:59 on the due day
const dayAfter = new Date('2026-07-16T01:00:00Z');

describe('setting a self-inspection return', () => {
  it('starts one clock per hospital of the region, due at 24:00 of the due day, escalated to the commission', () => {
    given([]).when(set()).then([wasSet]);
  });

  it('a due day equal to the as-of day is accepted; a commission above the region may set it', () => {
    const event = selfInspectionReturnDecider.decide(
      set({ asOf: '2026-07-01', dueOn: '2026-07-01', commissionRegion: '500100' }),
      selfInspectionReturnDecider.initialState(),
    );
    expect(event[0]).toMatchObject({ data: { dueAt: '2026-07-01T16:00:00.000Z' } });
  });

  it('refuses anyone but a health commission', () => {
    given([]).when(set({}, police)).thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.NOT_AUTHORISED' });
    given([]).when(set({}, security1)).thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.NOT_AUTHORISED' });
  });

  it('refuses a region outside the commission’s (another county, or above it)', () => {
    given([])
      .when(set({ regionCode: '500114' }))
      .thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.REGION_OUTSIDE_SCOPE' });
    given([])
      .when(set({ regionCode: '500100' }))
      .thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.REGION_OUTSIDE_SCOPE' });
  });

  it('refuses a due day before the as-of day', () => {
    given([])
      .when(set({ asOf: '2026-07-20', dueOn: '2026-07-15' }))
      .thenThrows(SecurityLedgerError, {
        code: 'SECURITY_LEDGER.INVALID_RETURN',
        errors: [expect.objectContaining({ field: 'dueOn', code: 'DUE_BEFORE_AS_OF' })],
      } as never);
  });

  it('refuses a due day already past, days that are not days, a blank title, a region without hospitals', () => {
    given([])
      .when(set({ asOf: '2026-06-01', dueOn: '2026-06-30' }))
      .thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.INVALID_RETURN' });
    given([])
      .when(set({ asOf: '2026-02-30' }))
      .thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.INVALID_RETURN' });
    given([])
      .when(set({ dueOn: 'soon' }))
      .thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.INVALID_RETURN' });
    given([])
      .when(set({ title: '  ' }))
      .thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.INVALID_RETURN' });
    given([])
      .when(set({ hospitalIds: [] }))
      .thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.INVALID_RETURN' });
  });

  it('refuses setting the same return twice', () => {
    given([wasSet]).when(set()).thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.RETURN_EXISTS' });
  });
});

describe('filing a self-inspection return', () => {
  it('on the due day until 24:00: on time, the clock stopped (met)', () => {
    given([wasSet])
      .when(file(onLastDay))
      .then([wasFiled(onLastDay, true)]);
  });

  it('after the due day: late (the stopped clock records the breach)', () => {
    given([wasSet])
      .when(file(dayAfter))
      .then([wasFiled(dayAfter, false)]);
  });

  it('evidence references kept once each, blanks dropped', () => {
    given([wasSet])
      .when(file(onLastDay, security1, { evidence: [' 附件/演练记录.pdf', '附件/演练记录.pdf', ''] }))
      .then([wasFiled(onLastDay, true)]);
  });

  it('refuses a return that is not known', () => {
    given([]).when(file(onLastDay)).thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.RETURN_NOT_FOUND' });
  });

  it('refuses a hospital of another region (not in the return)', () => {
    given([wasSet]).when(file(onLastDay, security3)).thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.NOT_IN_RETURN' });
  });

  it('refuses filing twice', () => {
    given([wasSet, wasFiled(onLastDay, true)])
      .when(file(dayAfter))
      .thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.ALREADY_FILED' });
  });

  it('refuses another role of the hospital, and another hospital’s office', () => {
    given([wasSet]).when(file(onLastDay, complaints1)).thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.NOT_AUTHORISED' });
    given([wasSet])
      .when(file(onLastDay, security3, { hospitalId: 'hosp-1' }))
      .thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.NOT_OWN_HOSPITAL' });
  });

  it('refuses a hospital that has no profile to file', () => {
    given([wasSet])
      .when(file(onLastDay, security1, { profile: null, profileRevision: null }))
      .thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.NO_PROFILE' });
  });

  it('refuses more than 20 evidence references', () => {
    const evidence = Array.from({ length: 21 }, (_, i) => `附件/${i}.pdf`);
    given([wasSet])
      .when(file(onLastDay, security1, { evidence }))
      .thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.INVALID_RETURN' });
  });
});
