import { regionContains, type OrganisationKind } from '@pingan/access';
import type { DirectoryOrganisation, DirectoryView } from './directory/directory.js';

/**
 * Two counties of Chongqing with everything the rules can name, for the addressing tests:
 * 万州区 (500101) with a hospital that has a police office and one that has not, and 渝中区
 * (500103) with its own hospital, station, commission and political-legal office.
 */
const org = (
  organisationId: string,
  kind: OrganisationKind,
  name: string,
  regionCode: string,
  details: DirectoryOrganisation['details'] = {},
  parentId: string | null = null,
): DirectoryOrganisation => ({ organisationId, kind, name, regionCode, parentId, details, active: true });

export const TWO_COUNTIES: DirectoryOrganisation[] = [
  org('hc-national', 'health_commission', '国家卫生健康委员会', '000000', { healthCommission: { level: 'national' } }),
  org('hc-province', 'health_commission', '重庆市卫生健康委员会', '500000', { healthCommission: { level: 'province' } }),
  org('hc-city', 'health_commission', '重庆市卫生健康委员会（市辖区）', '500100', { healthCommission: { level: 'city' } }),
  org('hc-wz', 'health_commission', '万州区卫生健康委员会', '500101', { healthCommission: { level: 'county' } }),
  org('hc-yz', 'health_commission', '渝中区卫生健康委员会', '500103', { healthCommission: { level: 'county' } }),
  org('hospital-central', 'hospital', '万州区中心医院', '500101', { hospital: { hasPoliceOffice: true } }),
  org('hospital-second', 'hospital', '万州区第二人民医院', '500101', { hospital: { hasPoliceOffice: false } }),
  org('hospital-yz', 'hospital', '渝中区人民医院', '500103', { hospital: { hasPoliceOffice: true } }),
  org('city-bureau', 'police', '重庆市公安局', '500100', { police: { unitType: 'city_bureau' } }),
  org('bureau-wz', 'police', '重庆市公安局万州区分局', '500101', { police: { unitType: 'bureau' } }, 'city-bureau'),
  org('station-wz', 'police', '万州区分局高笋塘派出所', '500101', { police: { unitType: 'station' } }, 'bureau-wz'),
  org('station-wz-2', 'police', '万州区分局钟鼓楼派出所', '500101', { police: { unitType: 'station' } }, 'bureau-wz'),
  org('office-central', 'police', '万州区中心医院警务室', '500101', { police: { unitType: 'hospital_police_office' } }, 'station-wz'),
  org('bureau-yz', 'police', '重庆市公安局渝中区分局', '500103', { police: { unitType: 'bureau' } }, 'city-bureau'),
  org('station-yz', 'police', '渝中区分局解放碑派出所', '500103', { police: { unitType: 'station' } }, 'bureau-yz'),
  org(
    'office-yz',
    'police',
    '解放碑警务室',
    '500103',
    { police: { unitType: 'hospital_police_office', hospitalId: 'hospital-yz' } },
    'station-yz',
  ),
  org('zfw-wz', 'political_legal', '中共重庆市万州区委政法委员会', '500101'),
  org('zfw-yz', 'political_legal', '中共重庆市渝中区委政法委员会', '500103'),
  org('mediation-wz', 'mediation_committee', '万州区医疗纠纷人民调解委员会', '500101'),
];

/** The directory in memory (the service reads the same facts from its table). */
export function memoryDirectory(organisations: readonly DirectoryOrganisation[] = TWO_COUNTIES): DirectoryView {
  return {
    organisation: async (id) => organisations.find((o) => o.organisationId === id),
    inRegion: async (kind, regionCode) => organisations.filter((o) => o.active && o.kind === kind && o.regionCode === regionCode),
    over: async (kind, regionCode) => organisations.filter((o) => o.active && o.kind === kind && regionContains(o.regionCode, regionCode)),
  };
}

/** An organisation as the gateway's OrganisationRegistered event carries it. */
export const registrationOf = (o: DirectoryOrganisation): Record<string, unknown> => ({
  organisationId: o.organisationId,
  kind: o.kind,
  name: o.name,
  regionCode: o.regionCode,
  parentId: o.parentId,
  details: o.details,
});
