import { deciderSpec } from '@pingan/testing';
import { DirectoryError } from './access.errors.js';
import { organisationDecider, type OrganisationCommand, type OrganisationEvent } from './organisation.decider.js';

const given = deciderSpec(organisationDecider);

const station: Extract<OrganisationCommand, { type: 'RegisterOrganisation' }> = {
  type: 'RegisterOrganisation',
  organisationId: 'org-station',
  kind: 'police',
  name: ' 高笋塘派出所 ',
  regionCode: '500101',
  parent: { organisationId: 'org-bureau', regionCode: '500101', active: true },
  details: { police: { unitType: 'station' } },
};
const registered: OrganisationEvent = {
  type: 'OrganisationRegistered',
  data: {
    organisationId: 'org-station',
    kind: 'police',
    name: '高笋塘派出所',
    regionCode: '500101',
    parentId: 'org-bureau',
    details: { police: { unitType: 'station' } },
  },
};

describe('organisation decider', () => {
  it('registers an organisation under its parent', () => {
    given([]).when(station).then([registered]);
  });

  it('refuses a second registration, bad region codes, and a unit outside its parent’s region', () => {
    given([registered]).when(station).thenThrows(DirectoryError, { code: 'ACCESS.ORGANISATION_EXISTS', status: 409 });
    given([])
      .when({ ...station, regionCode: '50010' })
      .thenThrows(DirectoryError, { code: 'ACCESS.ORGANISATION_INVALID' });
    given([])
      .when({ ...station, regionCode: '500103' })
      .thenThrows(DirectoryError, { code: 'ACCESS.ORGANISATION_INVALID' });
    given([])
      .when({ ...station, parent: { organisationId: 'org-bureau', regionCode: '500101', active: false } })
      .thenThrows(DirectoryError, { code: 'ACCESS.ORGANISATION_INVALID' });
  });

  it('wants the facts of its kind: hospital details, police unit type, commission level matching the region', () => {
    const hospital = { ...station, kind: 'hospital' as const, parent: null, details: {} };
    given([]).when(hospital).thenThrows(DirectoryError, { code: 'ACCESS.ORGANISATION_INVALID' });
    given([])
      .when({
        ...hospital,
        details: { hospital: { level: '三级', ownership: 'public', beds: 1200, dailyOutpatients: 5000, hasPoliceOffice: true } },
      })
      .then([
        {
          type: 'OrganisationRegistered',
          data: {
            ...registered.data,
            kind: 'hospital',
            parentId: null,
            details: { hospital: { level: '三级', ownership: 'public', beds: 1200, dailyOutpatients: 5000, hasPoliceOffice: true } },
          },
        } as OrganisationEvent,
      ]);
    given([])
      .when({ ...station, details: {} })
      .thenThrows(DirectoryError, { code: 'ACCESS.ORGANISATION_INVALID' });
    const commission = { ...station, kind: 'health_commission' as const, parent: null };
    given([])
      .when({ ...commission, details: { healthCommission: { level: 'city' } } })
      .thenThrows(DirectoryError, { code: 'ACCESS.ORGANISATION_INVALID' }); // 500101 is a county
    given([])
      .when({ ...commission, regionCode: '000000', details: { healthCommission: { level: 'national' } } })
      .then([
        {
          type: 'OrganisationRegistered',
          data: {
            ...registered.data,
            kind: 'health_commission',
            regionCode: '000000',
            parentId: null,
            details: { healthCommission: { level: 'national' } },
          },
        } as OrganisationEvent,
      ]);
  });

  it('deactivates once; again is nothing new; unknown is 404', () => {
    const deactivated: OrganisationEvent = { type: 'OrganisationDeactivated', data: { organisationId: 'org-station', reason: 'merged' } };
    given([registered]).when({ type: 'DeactivateOrganisation', reason: 'merged' }).then([deactivated]);
    given([registered, deactivated]).when({ type: 'DeactivateOrganisation', reason: 'again' }).thenNothingHappens();
    given([])
      .when({ type: 'DeactivateOrganisation', reason: 'x' })
      .thenThrows(DirectoryError, { code: 'ACCESS.ORGANISATION_NOT_FOUND', status: 404 });
  });
});
