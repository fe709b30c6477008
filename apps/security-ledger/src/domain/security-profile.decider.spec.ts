import type { Actor, SecurityLedgerEvent, SecurityProfile } from '@pingan/contracts';
import { deciderSpec } from '@pingan/testing';
import { emptyProfile } from './security-profile.js';
import type { SecurityProfileCommand } from './security-profile.commands.js';
import { securityProfileDecider } from './security-profile.decider.js';
import { SecurityLedgerError } from './security-ledger.errors.js';

const given = deciderSpec(securityProfileDecider);

const security: Actor = { userId: 'u-sec', organisationId: 'hosp-1', role: 'hospital_security_officer' };
const otherHospital: Actor = { userId: 'u-sec2', organisationId: 'hosp-2', role: 'hospital_security_officer' };
const complaints: Actor = { userId: 'u-cmp', organisationId: 'hosp-1', role: 'hospital_complaints_officer' };
const commission: Actor = { userId: 'u-hc', organisationId: 'hc-1', role: 'health_commission_official' };

const t0 = new Date('2026-06-02T02:00:00Z'); // 10:00 in Shanghai
const profile = (p: Partial<SecurityProfile> = {}): SecurityProfile => ({
  ...emptyProfile(),
  openBeds: 900,
  onDutyMedicalStaff: 1550,
  dailyOutpatients: 4000,
  guards: 39,
  certifiedGuards: 39,
  drills: ['2026-03-10'],
  emergencyPlan: { adopted: true, revisedOn: '2026-03-20' },
  ...p,
});
const file = (
  p: SecurityProfile = profile(),
  actor: Actor = security,
  at = t0,
  extra: Partial<SecurityProfileCommand['data']> = {},
): SecurityProfileCommand => ({
  type: 'FileSecurityProfile',
  data: { hospitalId: 'hosp-1', regionCode: '500101', level: '三级', ownership: 'public', profile: p, ...extra },
  metadata: { actor, now: at },
});
const filed = (revision: number, p: SecurityProfile = profile(), at = t0, extra: object = {}): SecurityLedgerEvent => ({
  type: 'SecurityProfileFiled',
  data: {
    hospitalId: 'hosp-1',
    regionCode: '500101',
    revision,
    level: '三级',
    ownership: 'public',
    profile: p,
    filedAt: at.toISOString(),
    ...extra,
  },
});
const later = new Date('2026-09-01T02:00:00Z');

describe('filing the security profile', () => {
  it('the first filing is revision 1, with the directory’s region, level and ownership', () => {
    given([])
      .when(file())
      .then([filed(1)]);
  });

  it('a changed profile is the next revision', () => {
    given([filed(1)])
      .when(file(profile({ guards: 47, certifiedGuards: 45 }), security, later))
      .then([filed(2, profile({ guards: 47, certifiedGuards: 45 }), later)]);
  });

  it('the same profile again changes nothing, whatever the key order', () => {
    const reordered = Object.fromEntries(Object.entries(profile()).reverse()) as unknown as SecurityProfile;
    given([filed(1)])
      .when(file(reordered, security, later))
      .thenNothingHappens();
  });

  it('the same profile after the directory changed the hospital’s grade is a new revision', () => {
    given([filed(1)])
      .when(file(profile(), security, later, { level: '二级' }))
      .then([filed(2, profile(), later, { level: '二级' })]);
  });

  it('drills are kept once each, in order', () => {
    given([])
      .when(file(profile({ drills: ['2026-05-01', '2026-03-10', '2026-05-01'] })))
      .then([filed(1, profile({ drills: ['2026-03-10', '2026-05-01'] }))]);
  });

  it('an empty profile may be filed: every requirement then reads unknown', () => {
    given([])
      .when(file(emptyProfile()))
      .then([filed(1, emptyProfile())]);
  });
});

describe('filing the security profile: rejections', () => {
  it('another hospital’s office may not file it', () => {
    given([])
      .when(file(profile(), otherHospital))
      .thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.NOT_OWN_HOSPITAL', status: 403 });
  });

  it('only the security office: not the complaints office, not a commission', () => {
    given([]).when(file(profile(), complaints)).thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.NOT_AUTHORISED' });
    given([]).when(file(profile(), commission)).thenThrows(SecurityLedgerError, { code: 'SECURITY_LEDGER.NOT_AUTHORISED' });
  });

  const invalid = (p: SecurityProfile, field: string, code: string) =>
    given([])
      .when(file(p))
      .thenThrows(SecurityLedgerError, {
        code: 'SECURITY_LEDGER.INVALID_PROFILE',
        errors: [expect.objectContaining({ field, code })],
      } as never);

  it('counts are whole and not negative', () => {
    invalid(profile({ guards: -1, certifiedGuards: null }), 'guards', 'NOT_A_COUNT');
    invalid(profile({ openBeds: 12.5 }), 'openBeds', 'NOT_A_COUNT');
  });

  it('no more certified guards than guards', () => {
    invalid(profile({ guards: 10, certifiedGuards: 11 }), 'certifiedGuards', 'MORE_THAN_GUARDS');
  });

  it('no staff for a police office that is not there', () => {
    invalid(
      profile({ policeOffice: { present: false, fullTimeOfficers: 1, partTimeOfficers: 0, auxiliaries: 0, guards: 0 } }),
      'policeOffice.present',
      'STAFF_WITHOUT_OFFICE',
    );
  });

  it('no more screened main entrances than main entrances', () => {
    invalid(
      profile({ screening: { mainEntrances: 1, screenedMainEntrances: 2, equipment: [] } }),
      'screening.screenedMainEntrances',
      'MORE_THAN_ENTRANCES',
    );
  });

  it('no drill or revision after today (in Shanghai)', () => {
    invalid(profile({ drills: ['2026-06-03'] }), 'drills[0]', 'IN_FUTURE');
    invalid(profile({ emergencyPlan: { adopted: true, revisedOn: '2026-06-03' } }), 'emergencyPlan.revisedOn', 'IN_FUTURE');
    invalid(profile({ drills: ['2026-02-30'] }), 'drills[0]', 'NOT_A_DAY');
  });

  it('no revision of a plan that was never adopted', () => {
    invalid(profile({ emergencyPlan: { adopted: false, revisedOn: '2026-03-20' } }), 'emergencyPlan.revisedOn', 'REVISED_WITHOUT_PLAN');
  });
});
