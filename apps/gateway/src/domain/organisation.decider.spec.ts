import { deciderSpec } from '@pingan/testing';
import { DirectoryError } from './access.errors.js';
import { organisationDecider, type OrganisationCommand, type OrganisationEvent } from './organisation.decider.js';

const given = deciderSpec(organisationDecider);

type Registration = Extract<OrganisationCommand, { type: 'RegisterOrganisation' }>['data'];
const metadata = {
  actor: { userId: 'admin', organisationId: 'org-admin', role: 'system_administrator' },
  now: new Date('2026-03-02T02:00:00Z'),
};
const station: Registration = {
  organisationId: 'org-station',
  kind: 'police',
  name: ' 高笋塘派出所 ',
  regionCode: '500101',
  parent: { organisationId: 'org-bureau', regionCode: '500101', active: true },
  details: { police: { unitType: 'station' } },
};
const register = (data: Partial<Registration> = {}): OrganisationCommand => ({
  type: 'RegisterOrganisation',
  data: { ...station, ...data },
  metadata,
});
const deactivate = (reason: string, administrators = { within: 0, elsewhere: 1 }): OrganisationCommand => ({
  type: 'DeactivateOrganisation',
  data: { reason, administrators },
  metadata,
});
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
    given([]).when(register()).then([registered]);
  });

  it('refuses a second registration, bad region codes, and a unit outside its parent’s region', () => {
    given([registered]).when(register()).thenThrows(DirectoryError, { code: 'ACCESS.ORGANISATION_EXISTS', status: 409 });
    given([])
      .when(register({ regionCode: '50010' }))
      .thenThrows(DirectoryError, { code: 'ACCESS.ORGANISATION_INVALID' });
    given([])
      .when(register({ regionCode: '500103' }))
      .thenThrows(DirectoryError, { code: 'ACCESS.ORGANISATION_INVALID' });
    given([])
      .when(register({ parent: { organisationId: 'org-bureau', regionCode: '500101', active: false } }))
      .thenThrows(DirectoryError, { code: 'ACCESS.ORGANISATION_INVALID' });
  });

  it('wants the facts of its kind: hospital details, police unit type, commission level matching the region', () => {
    const hospital = { kind: 'hospital' as const, parent: null, details: {} };
    given([]).when(register(hospital)).thenThrows(DirectoryError, { code: 'ACCESS.ORGANISATION_INVALID' });
    given([])
      .when(
        register({
          ...hospital,
          details: { hospital: { level: '三级', ownership: 'public', beds: 1200, dailyOutpatients: 5000, hasPoliceOffice: true } },
        }),
      )
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
      .when(register({ details: {} }))
      .thenThrows(DirectoryError, { code: 'ACCESS.ORGANISATION_INVALID' });
    const commission = { kind: 'health_commission' as const, parent: null };
    given([])
      .when(register({ ...commission, details: { healthCommission: { level: 'city' } } }))
      .thenThrows(DirectoryError, { code: 'ACCESS.ORGANISATION_INVALID' }); // 500101 is a county
    given([])
      .when(register({ ...commission, regionCode: '000000', details: { healthCommission: { level: 'national' } } }))
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
    given([registered]).when(deactivate('merged')).then([deactivated]);
    given([registered, deactivated]).when(deactivate('again')).thenNothingHappens();
    given([]).when(deactivate('x')).thenThrows(DirectoryError, { code: 'ACCESS.ORGANISATION_NOT_FOUND', status: 404 });
  });

  it('is not deactivated while the last active system administrators are its members', () => {
    given([registered])
      .when(deactivate('merged', { within: 1, elsewhere: 0 }))
      .thenThrows(DirectoryError, { code: 'ACCESS.LAST_ADMINISTRATOR', status: 409 });
    given([registered])
      .when(deactivate('merged', { within: 2, elsewhere: 1 }))
      .then([{ type: 'OrganisationDeactivated', data: { organisationId: 'org-station', reason: 'merged' } }]);
    given([registered])
      .when(deactivate('merged', { within: 0, elsewhere: 0 }))
      .then([{ type: 'OrganisationDeactivated', data: { organisationId: 'org-station', reason: 'merged' } }]);
  });
});
