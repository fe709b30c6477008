import { parseIsoDate, shanghaiDateOf, type FieldError, type SecurityLedgerEvent, type SecurityProfile } from '@pingan/contracts';
import type { Decider } from '@pingan/event-store';
import type { SecurityProfileCommand } from './security-profile.commands.js';
import { SecurityLedgerError, SecurityLedgerErrorCode as E } from './security-ledger.errors.js';

/** Only the hospital's own security office keeps its profile [S0 二(一)2: 医院 … 配齐配强专职保卫人员]. */
export const FILER_ROLES = ['hospital_security_officer'];

export interface SecurityProfileState {
  filed: boolean;
  hospitalId: string | null;
  regionCode: string | null;
  level: '一级' | '二级' | '三级' | null;
  ownership: 'public' | 'private' | null;
  revision: number;
  profile: SecurityProfile | null;
  filedAt: string | null;
}

export const initialState = (): SecurityProfileState => ({
  filed: false,
  hospitalId: null,
  regionCode: null,
  level: null,
  ownership: null,
  revision: 0,
  profile: null,
  filedAt: null,
});

const COUNTS = [
  'openBeds',
  'onDutyMedicalStaff',
  'dailyOutpatients',
  'securityCadres',
  'guards',
  'certifiedGuards',
  'trainingSessions',
] as const;
const isDay = (value: unknown): boolean => {
  try {
    return typeof value === 'string' && (parseIsoDate(value), true);
  } catch {
    return false;
  }
};

/** What is wrong with a profile as filed on `today` (a Shanghai day): counts whole and ≥ 0, parts consistent, no day in the future. */
export function profileProblems(p: SecurityProfile, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (field: string, code: string, message: string) => errors.push({ field, code, message });
  const count = (field: string, value: number | null | undefined) => {
    if (value !== null && value !== undefined && !(Number.isInteger(value) && value >= 0))
      fail(field, 'NOT_A_COUNT', 'a whole number, 0 or more');
  };
  for (const field of COUNTS) count(field, p[field]);
  if (p.guards !== null && p.certifiedGuards !== null && p.certifiedGuards > p.guards)
    fail('certifiedGuards', 'MORE_THAN_GUARDS', 'more guards with certificates than guards');
  if (p.policeOffice) {
    const o = p.policeOffice;
    for (const f of ['fullTimeOfficers', 'partTimeOfficers', 'auxiliaries', 'guards'] as const) count(`policeOffice.${f}`, o[f]);
    if (!o.present && o.fullTimeOfficers + o.partTimeOfficers + o.auxiliaries + o.guards > 0)
      fail('policeOffice.present', 'STAFF_WITHOUT_OFFICE', 'staff given for a police office that is not there');
  }
  if (p.screening) {
    count('screening.mainEntrances', p.screening.mainEntrances);
    count('screening.screenedMainEntrances', p.screening.screenedMainEntrances);
    if (p.screening.screenedMainEntrances > p.screening.mainEntrances)
      fail('screening.screenedMainEntrances', 'MORE_THAN_ENTRANCES', 'more screened main entrances than main entrances');
  }
  if (p.video) count('video.retentionDays', p.video.retentionDays);
  const day = (field: string, value: string) => {
    if (!isDay(value)) fail(field, 'NOT_A_DAY', 'a day, YYYY-MM-DD');
    else if (value > today) fail(field, 'IN_FUTURE', `after today (${today})`);
  };
  p.drills?.forEach((d, i) => day(`drills[${i}]`, d));
  if (p.emergencyPlan?.revisedOn) day('emergencyPlan.revisedOn', p.emergencyPlan.revisedOn);
  if (p.emergencyPlan && !p.emergencyPlan.adopted && p.emergencyPlan.revisedOn)
    fail('emergencyPlan.revisedOn', 'REVISED_WITHOUT_PLAN', 'a revision of a plan not adopted');
  return errors;
}

/** Key order does not make a profile different (a stable serialisation: keys sorted at every level). */
const canonical = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(',')}]`
    : value !== null && typeof value === 'object'
      ? `{${Object.keys(value)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(value);

export function decide(command: SecurityProfileCommand, state: SecurityProfileState): SecurityLedgerEvent[] {
  const { actor, now } = command.metadata;
  const d = command.data;
  if (!FILER_ROLES.includes(actor.role))
    throw new SecurityLedgerError(E.NotAuthorised, `Role ${actor.role} may not file a hospital's security profile`);
  if (actor.organisationId !== d.hospitalId)
    throw new SecurityLedgerError(E.NotOwnHospital, "Only the hospital's own security office files its profile");
  const profile = { ...d.profile, drills: d.profile.drills ? [...new Set(d.profile.drills)].sort() : null };
  const errors = profileProblems(profile, shanghaiDateOf(now));
  if (errors.length) throw new SecurityLedgerError(E.InvalidProfile, errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  // A PUT of what is already on file changes nothing (retries, a form saved twice).
  const same =
    state.filed &&
    state.regionCode === d.regionCode &&
    state.level === d.level &&
    state.ownership === d.ownership &&
    canonical(state.profile!) === canonical(profile);
  if (same) return [];
  return [
    {
      type: 'SecurityProfileFiled',
      data: {
        hospitalId: d.hospitalId,
        regionCode: d.regionCode,
        revision: state.revision + 1,
        level: d.level,
        ownership: d.ownership,
        profile,
        filedAt: now.toISOString(),
      },
    },
  ];
}

export function evolve(state: SecurityProfileState, event: SecurityLedgerEvent): SecurityProfileState {
  switch (event.type) {
    case 'SecurityProfileFiled': {
      const d = event.data;
      return {
        filed: true,
        hospitalId: d.hospitalId,
        regionCode: d.regionCode,
        level: d.level,
        ownership: d.ownership,
        revision: d.revision,
        profile: d.profile,
        filedAt: d.filedAt,
      };
    }
    default:
      return state;
  }
}

export const securityProfileDecider: Decider<SecurityProfileCommand, SecurityLedgerEvent, SecurityProfileState> = {
  decide,
  evolve,
  initialState,
};
