/** The kinds of organisation that use pingan (see docs/access.md). */
export const ORGANISATION_KINDS = [
  'hospital',
  'police',
  'health_commission',
  'mediation_committee',
  'procuratorate',
  'court',
  'political_legal',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ROLES = [
  'hospital_security_officer',
  'hospital_complaints_officer',
  'police_dispatcher',
  'police_case_officer',
  'station_chief',
  'mediator',
  'health_commission_official',
  'prosecutor',
  'judge',
  'political_legal_officer',
  'system_administrator',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Which roles a member of each kind of organisation may hold. system_administrator looks
 * after the directory, not cases, so any organisation (usually the IT office of one) may host it.
 */
/** The case-working roles of a police unit (every police role but the directory's administrator). */
export const POLICE_ROLES = ['police_dispatcher', 'police_case_officer', 'station_chief'] as const satisfies readonly Role[];

export const ROLES_BY_KIND: Readonly<Record<OrganisationKind, readonly Role[]>> = {
  hospital: ['hospital_security_officer', 'hospital_complaints_officer', 'system_administrator'],
  police: ['police_dispatcher', 'police_case_officer', 'station_chief', 'system_administrator'],
  health_commission: ['health_commission_official', 'system_administrator'],
  mediation_committee: ['mediator', 'system_administrator'],
  procuratorate: ['prosecutor', 'system_administrator'],
  court: ['judge', 'system_administrator'],
  political_legal: ['political_legal_officer', 'system_administrator'],
};

export const isOrganisationKind = (value: unknown): value is OrganisationKind =>
  typeof value === 'string' && (ORGANISATION_KINDS as readonly string[]).includes(value);

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

export const roleAllowedFor = (kind: OrganisationKind, role: Role): boolean => ROLES_BY_KIND[kind].includes(role);

export const HOSPITAL_LEVELS = ['一级', '二级', '三级'] as const;
export type HospitalLevel = (typeof HOSPITAL_LEVELS)[number];
export const POLICE_UNIT_TYPES = ['station', 'bureau', 'city_bureau', 'hospital_police_office'] as const;
export type PoliceUnitType = (typeof POLICE_UNIT_TYPES)[number];
export const HEALTH_COMMISSION_LEVELS = ['county', 'city', 'province', 'national'] as const;
export type HealthCommissionLevel = (typeof HEALTH_COMMISSION_LEVELS)[number];
