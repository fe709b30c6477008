import { accessReason, assertCanAccess, canAccess, canReadUserPersonalData, readScope, type ResourceFacts } from './policy.js';
import type { Principal } from './principal.js';
import type { OrganisationKind, Role } from './roles.js';
import { testPrincipal } from '@pingan/testing';

const member = (organisationId: string, organisationKind: OrganisationKind, organisationRegion: string, roles: Role[]): Principal =>
  testPrincipal({ userId: `u-${organisationId}`, organisationId, organisationKind, organisationRegion, roles });

// 万州区 500101 and 渝中区 500103 in Chongqing (city 500100, province 500000); 锦江区 510104 in Sichuan.
const hospitalA = member('hosp-a', 'hospital', '500101', ['hospital_security_officer']);
const hospitalB = member('hosp-b', 'hospital', '500101', ['hospital_security_officer']);
const station = member('station', 'police', '500101', ['police_dispatcher']);
const cityBureau = member('city-bureau', 'police', '500100', ['police_case_officer']);
const countyHc = member('hc-county', 'health_commission', '500101', ['health_commission_official']);
const cityHc = member('hc-city', 'health_commission', '500100', ['health_commission_official']);
const provinceHc = member('hc-province', 'health_commission', '500000', ['health_commission_official']);
const nationalHc = member('hc-national', 'health_commission', '000000', ['health_commission_official']);
const mediation = member('mediation', 'mediation_committee', '500101', ['mediator']);
const procuratorate = member('procuratorate', 'procuratorate', '500101', ['prosecutor']);
const court = member('court', 'court', '500101', ['judge']);
const politicalLegal = member('zfw', 'political_legal', '500101', ['political_legal_officer']);
const admin = member('it', 'political_legal', '500101', ['system_administrator']);

const incidentAt = (regionCode: string, action: 'read' | 'write' = 'read', extra: Partial<ResourceFacts> = {}): ResourceFacts => ({
  hospitalOrganisationId: 'hosp-a',
  regionCode,
  action,
  ...extra,
});

describe('access policy', () => {
  it('a hospital acts on its own records only', () => {
    expect(accessReason(hospitalA, incidentAt('500101', 'write'))).toBe('party');
    expect(canAccess(hospitalB, incidentAt('500101'))).toBe(false);
  });

  it('a police unit acts within its jurisdiction: its region and below', () => {
    expect(accessReason(station, incidentAt('500101', 'write'))).toBe('jurisdiction');
    expect(canAccess(station, incidentAt('500103'))).toBe(false);
    expect(canAccess(cityBureau, incidentAt('500103', 'write'))).toBe(true);
    expect(canAccess(cityBureau, incidentAt('510104'))).toBe(false);
  });

  describe('health commissions read their region and below, and write nothing by region', () => {
    it('a county commission sees its county only', () => {
      expect(accessReason(countyHc, incidentAt('500101'))).toBe('oversight');
      expect(canAccess(countyHc, incidentAt('500103'))).toBe(false);
      expect(canAccess(countyHc, incidentAt('510104'))).toBe(false);
    });
    it('a city commission sees its counties', () => {
      expect(canAccess(cityHc, incidentAt('500101'))).toBe(true);
      expect(canAccess(cityHc, incidentAt('500103'))).toBe(true);
      expect(canAccess(cityHc, incidentAt('500201'))).toBe(false);
    });
    it('a province commission sees its cities', () => {
      expect(canAccess(provinceHc, incidentAt('500201'))).toBe(true);
      expect(canAccess(provinceHc, incidentAt('510104'))).toBe(false);
    });
    it('the national commission sees everything', () => {
      for (const region of ['500101', '500100', '510104', '650102']) expect(canAccess(nationalHc, incidentAt(region))).toBe(true);
    });
    it('reading is not writing', () => {
      expect(canAccess(nationalHc, incidentAt('500101', 'write'))).toBe(false);
      expect(canAccess(countyHc, incidentAt('500101', 'write'))).toBe(false);
      // …unless the commission is itself a party (an escalation addressed to it)
      expect(canAccess(countyHc, incidentAt('500101', 'write', { partyOrganisationIds: ['hc-county'] }))).toBe(true);
    });
  });

  it('mediation committees, procuratorates and courts act on what was referred or transferred to them', () => {
    for (const principal of [mediation, procuratorate, court]) {
      expect(canAccess(principal, incidentAt('500101'))).toBe(false);
      expect(canAccess(principal, incidentAt('500101', 'write', { partyOrganisationIds: [principal.organisationId] }))).toBe(true);
    }
  });

  it('nobody else: political-legal committees and system administrators get nothing by region or role', () => {
    expect(canAccess(politicalLegal, incidentAt('500101'))).toBe(false);
    expect(canAccess(admin, incidentAt('500101'))).toBe(false);
    expect(canAccess(politicalLegal, incidentAt('500101', 'read', { partyOrganisationIds: ['zfw'] }))).toBe(true);
  });

  it('a malformed region on the record never grants access by region', () => {
    expect(canAccess(nationalHc, incidentAt('5001'))).toBe(false);
    expect(canAccess(station, incidentAt(''))).toBe(false);
    expect(canAccess(hospitalA, incidentAt(''))).toBe(true); // party still is
  });

  it('assertCanAccess throws ACCESS.DENIED (403)', () => {
    expect(() => assertCanAccess(hospitalB, incidentAt('500101'))).toThrow(expect.objectContaining({ code: 'ACCESS.DENIED', status: 403 }));
    expect(() => assertCanAccess(hospitalA, incidentAt('500101'))).not.toThrow();
  });

  it('readScope gives list queries the region prefix of police and health commissions only', () => {
    expect(readScope(nationalHc)).toEqual({ organisationId: 'hc-national', regionPrefix: '' });
    expect(readScope(cityHc)).toEqual({ organisationId: 'hc-city', regionPrefix: '5001' });
    expect(readScope(station)).toEqual({ organisationId: 'station', regionPrefix: '500101' });
    expect(readScope(hospitalA)).toEqual({ organisationId: 'hosp-a', regionPrefix: null });
    expect(readScope(court).regionPrefix).toBeNull();
  });

  it('personal data of users: themselves, their own organisation, system administrators', () => {
    const user = { userId: 'u-hosp-a', organisationId: 'hosp-a' };
    expect(canReadUserPersonalData(hospitalA, user)).toBe(true);
    expect(canReadUserPersonalData(admin, user)).toBe(true);
    expect(canReadUserPersonalData(hospitalB, user)).toBe(false);
    expect(canReadUserPersonalData(nationalHc, user)).toBe(false); // oversight is not need-to-know
  });
});

describe('accessPurposeOf', () => {
  it('reads x-access-purpose, decoding percent-encoded UTF-8, without control characters, at most 200 characters', async () => {
    const { accessPurposeOf } = await import('./decorators.js');
    expect(accessPurposeOf({ 'x-access-purpose': encodeURIComponent('核查 投诉') })).toBe('核查 投诉');
    expect(accessPurposeOf({ 'x-access-purpose': 'case 110-7\r\nforged: line' })).toBe('case 110-7  forged: line');
    expect(accessPurposeOf({ 'x-access-purpose': '100%' })).toBe('100%');
    expect(accessPurposeOf({ 'x-access-purpose': 'x'.repeat(500) })).toHaveLength(200);
    expect(accessPurposeOf({})).toBeUndefined();
  });
});
