import type { INestApplication } from '@nestjs/common';
import type { Principal } from '@pingan/access';
import type { MessageBus } from '@pingan/messaging';
import { MESSAGE_BUS, runtimeToken, type ServiceRuntime } from '@pingan/platform';
import { seedDirectory, testHospital, testPrincipal, type TestOrganisation } from '@pingan/testing';
import { INCIDENTS_CONTEXT_NAME } from './incidents.context.js';

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

/** The hospital named in a report: everything else about it is the directory's. */
export const hospitalFacts = (hospitalId: string) => ({ hospitalId });

/**
 * The directory of the tests' organisations, as the gateway would publish it: 中心 hospital A has
 * a police office (3-minute arrival), B and C have none (8 minutes); stations sit under bureaus.
 */
export const TEST_DIRECTORY: TestOrganisation[] = [
  testHospital('hosp-a', WZ, true),
  testHospital('hosp-b', WZ, false),
  testHospital('hosp-c', YZ, false),
  { organisationId: 'bureau-wz', kind: 'police', regionCode: WZ, details: { police: { unitType: 'bureau' } } },
  { organisationId: 'station-wz', kind: 'police', regionCode: WZ, parentId: 'bureau-wz' },
  { organisationId: 'bureau-yz', kind: 'police', regionCode: YZ, details: { police: { unitType: 'bureau' } } },
  { organisationId: 'station-yz', kind: 'police', regionCode: YZ, parentId: 'bureau-yz' },
  { organisationId: 'hc-wz', kind: 'health_commission', regionCode: WZ },
  { organisationId: 'hc-yz', kind: 'health_commission', regionCode: YZ },
  { organisationId: 'hc-city', kind: 'health_commission', regionCode: '500100' },
  { organisationId: 'hc-cq', kind: 'health_commission', regionCode: '500000' },
  { organisationId: 'nhc', kind: 'health_commission', regionCode: '000000' },
  { organisationId: 'zfw-wz', kind: 'political_legal', regionCode: WZ },
  { organisationId: 'med-wz', kind: 'mediation_committee', regionCode: WZ },
];

/** Publishes TEST_DIRECTORY on the app's bus and waits until the incidents service holds it. */
export async function seedTestDirectory(app: INestApplication, organisations: TestOrganisation[] = TEST_DIRECTORY): Promise<void> {
  const runtime = app.get<ServiceRuntime>(runtimeToken(INCIDENTS_CONTEXT_NAME));
  await seedDirectory(app.get<MessageBus>(MESSAGE_BUS), [runtime.directory], organisations);
}
