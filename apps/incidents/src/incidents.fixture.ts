import type { Principal } from '@pingan/access';
import { testPrincipal } from '@pingan/testing';

/**
 * Organisations of the incidents tests: two counties of Chongqing — 万州区 (500101) and 渝中区
 * (500103) — with their hospitals, police and the health commissions up to the national one.
 * Tokens are signed for these principals with `testAccessTokenKeys().tokenFor(...)`.
 */
const p = (userId: string, overrides: Partial<Principal>): Principal => testPrincipal({ userId, username: userId, ...overrides });

export const WZ = '500101';
export const YZ = '500103';

export const PRINCIPALS = {
  hospitalA: p('sec-a', {
    organisationId: 'hosp-a',
    organisationKind: 'hospital',
    organisationRegion: WZ,
    roles: ['hospital_security_officer'],
  }),
  complaintsA: p('cmp-a', {
    organisationId: 'hosp-a',
    organisationKind: 'hospital',
    organisationRegion: WZ,
    roles: ['hospital_complaints_officer'],
  }),
  hospitalB: p('sec-b', {
    organisationId: 'hosp-b',
    organisationKind: 'hospital',
    organisationRegion: WZ,
    roles: ['hospital_security_officer'],
  }),
  hospitalC: p('sec-c', {
    organisationId: 'hosp-c',
    organisationKind: 'hospital',
    organisationRegion: YZ,
    roles: ['hospital_security_officer'],
  }),
  dispatcher: p('disp-wz', {
    organisationId: 'station-wz',
    organisationKind: 'police',
    organisationRegion: WZ,
    roles: ['police_dispatcher'],
    policeUnitType: 'station',
  }),
  bureau: p('case-wz', {
    organisationId: 'bureau-wz',
    organisationKind: 'police',
    organisationRegion: WZ,
    roles: ['police_case_officer'],
    policeUnitType: 'bureau',
  }),
  dispatcherYz: p('disp-yz', {
    organisationId: 'station-yz',
    organisationKind: 'police',
    organisationRegion: YZ,
    roles: ['police_dispatcher'],
    policeUnitType: 'station',
  }),
  countyHc: p('hc-wz-1', {
    organisationId: 'hc-wz',
    organisationKind: 'health_commission',
    organisationRegion: WZ,
    roles: ['health_commission_official'],
    healthCommissionLevel: 'county',
  }),
  countyHcYz: p('hc-yz-1', {
    organisationId: 'hc-yz',
    organisationKind: 'health_commission',
    organisationRegion: YZ,
    roles: ['health_commission_official'],
    healthCommissionLevel: 'county',
  }),
  cityHc: p('hc-city-1', {
    organisationId: 'hc-city',
    organisationKind: 'health_commission',
    organisationRegion: '500100',
    roles: ['health_commission_official'],
    healthCommissionLevel: 'city',
  }),
  provinceHc: p('hc-cq-1', {
    organisationId: 'hc-cq',
    organisationKind: 'health_commission',
    organisationRegion: '500000',
    roles: ['health_commission_official'],
    healthCommissionLevel: 'province',
  }),
  nationalHc: p('nhc-1', {
    organisationId: 'nhc',
    organisationKind: 'health_commission',
    organisationRegion: '000000',
    roles: ['health_commission_official'],
    healthCommissionLevel: 'national',
  }),
  zfw: p('zfw-wz-1', {
    organisationId: 'zfw-wz',
    organisationKind: 'political_legal',
    organisationRegion: WZ,
    roles: ['political_legal_officer'],
  }),
  mediator: p('med-wz-1', {
    organisationId: 'med-wz',
    organisationKind: 'mediation_committee',
    organisationRegion: WZ,
    roles: ['mediator'],
  }),
  admin: p('admin-1', {
    organisationId: 'zfw-wz',
    organisationKind: 'political_legal',
    organisationRegion: WZ,
    roles: ['system_administrator'],
  }),
} satisfies Record<string, Principal>;

export type Who = keyof typeof PRINCIPALS;

/** Token claims of a principal (what `tokenFor` takes). */
export const claimsOf = (principal: Principal) => {
  const { tokenId: _tokenId, expiresAt: _expiresAt, ...claims } = principal;
  return claims;
};

export const minutesBefore = (now: Date, minutes: number): string => new Date(now.getTime() - minutes * 60_000).toISOString();

export const hospitalFacts = (hospitalId: string, regionCode: string, hasPoliceOffice = false) => ({
  hospitalId,
  regionCode,
  hasPoliceOffice,
  countyHealthCommissionId: regionCode === WZ ? 'hc-wz' : 'hc-yz',
});
