import { deciderSpec } from '@pingan/testing';
import { DirectoryError } from './access.errors.js';
import { userDecider, type UserCommand, type UserEvent } from './user.decider.js';

const given = deciderSpec(userDecider);
const station = { organisationId: 'org-station', kind: 'police' as const, active: true };

const metadata = {
  actor: { userId: 'admin', organisationId: 'org-admin', role: 'system_administrator' },
  now: new Date('2026-03-02T02:00:00Z'),
};
type Registration = Extract<UserCommand, { type: 'RegisterUser' }>['data'];
const registration: Registration = {
  userId: 'u-1',
  username: 'wz.dispatcher',
  displayName: ' 李警官 ',
  phone: '13800000000',
  roles: ['police_dispatcher', 'station_chief', 'police_dispatcher'],
  organisation: station,
};
const register = (data: Partial<Registration> = {}): UserCommand => ({
  type: 'RegisterUser',
  data: { ...registration, ...data },
  metadata,
});
const assign = (roles: Registration['roles'], organisation = station, otherActiveAdministrators = 0): UserCommand => ({
  type: 'AssignRoles',
  data: { roles, organisation, otherActiveAdministrators },
  metadata,
});
const deactivate = (reason: string, otherActiveAdministrators = 0): UserCommand => ({
  type: 'DeactivateUser',
  data: { reason, otherActiveAdministrators },
  metadata,
});
const passwordSet: UserCommand = { type: 'RecordPasswordSet', data: {}, metadata };
const registered: UserEvent = {
  type: 'UserRegistered',
  data: {
    userId: 'u-1',
    username: 'wz.dispatcher',
    displayName: '李警官',
    phone: '13800000000',
    organisationId: 'org-station',
    roles: ['police_dispatcher', 'station_chief'],
  },
};

describe('user decider', () => {
  it('registers a user with roles their organisation kind allows (deduplicated, sorted)', () => {
    given([]).when(register()).then([registered]);
  });

  it('refuses roles of another kind, no roles, bad usernames, deactivated organisations, duplicates', () => {
    given([])
      .when(register({ roles: ['judge'] }))
      .thenThrows(DirectoryError, { code: 'ACCESS.ROLE_NOT_ALLOWED' });
    given([])
      .when(register({ roles: [] }))
      .thenThrows(DirectoryError, { code: 'ACCESS.ROLE_NOT_ALLOWED' });
    given([])
      .when(register({ username: 'A' }))
      .thenThrows(DirectoryError, { code: 'ACCESS.USERNAME_INVALID' });
    given([])
      .when(register({ organisation: { ...station, active: false } }))
      .thenThrows(DirectoryError, { code: 'ACCESS.ORGANISATION_DEACTIVATED' });
    given([registered]).when(register()).thenThrows(DirectoryError, { code: 'ACCESS.USER_EXISTS', status: 409 });
  });

  it('system_administrator may sit in any kind of organisation', () => {
    given([])
      .when(register({ roles: ['system_administrator'] }))
      .then([{ ...registered, data: { ...registered.data, roles: ['system_administrator'] } } as UserEvent]);
  });

  it('assigns roles (audited with the previous ones); the same set again is nothing new', () => {
    given([registered])
      .when(assign(['police_case_officer']))
      .then([
        {
          type: 'RolesAssigned',
          data: { userId: 'u-1', roles: ['police_case_officer'], previousRoles: ['police_dispatcher', 'station_chief'] },
        },
      ]);
    given([registered])
      .when(assign(['station_chief', 'police_dispatcher']))
      .thenNothingHappens();
    given([registered])
      .when(assign(['mediator']))
      .thenThrows(DirectoryError, { code: 'ACCESS.ROLE_NOT_ALLOWED' });
  });

  it('deactivates; a deactivated user gets no roles or passwords', () => {
    const deactivated: UserEvent = { type: 'UserDeactivated', data: { userId: 'u-1', reason: 'left' } };
    given([registered]).when(deactivate('left')).then([deactivated]);
    given([registered, deactivated]).when(deactivate('again')).thenNothingHappens();
    given([registered, deactivated])
      .when(assign(['police_dispatcher']))
      .thenThrows(DirectoryError, { code: 'ACCESS.USER_DEACTIVATED' });
    given([registered, deactivated]).when(passwordSet).thenThrows(DirectoryError, { code: 'ACCESS.USER_DEACTIVATED' });
    given([]).when(deactivate('x')).thenThrows(DirectoryError, { code: 'ACCESS.USER_NOT_FOUND', status: 404 });
  });

  it('records that a password was set, never the password or its hash', () => {
    given([registered])
      .when(passwordSet)
      .then([{ type: 'PasswordSet', data: { userId: 'u-1' } }]);
  });

  describe('the last active system administrator', () => {
    const administrator = { ...registered, data: { ...registered.data, roles: ['station_chief', 'system_administrator'] } } as UserEvent;

    it('is not deactivated, also not by themselves, while no other administrator is active', () => {
      given([administrator]).when(deactivate('leaving', 0)).thenThrows(DirectoryError, { code: 'ACCESS.LAST_ADMINISTRATOR', status: 409 });
      given([administrator])
        .when(deactivate('leaving', 1))
        .then([{ type: 'UserDeactivated', data: { userId: 'u-1', reason: 'leaving' } }]);
    });

    it('does not lose the role while no other administrator is active; other role changes go on', () => {
      given([administrator])
        .when(assign(['station_chief'], station, 0))
        .thenThrows(DirectoryError, { code: 'ACCESS.LAST_ADMINISTRATOR' });
      given([administrator])
        .when(assign(['station_chief'], station, 2))
        .then([
          {
            type: 'RolesAssigned',
            data: { userId: 'u-1', roles: ['station_chief'], previousRoles: ['station_chief', 'system_administrator'] },
          },
        ]);
      given([administrator])
        .when(assign(['police_dispatcher', 'system_administrator'], station, 0))
        .then([
          {
            type: 'RolesAssigned',
            data: {
              userId: 'u-1',
              roles: ['police_dispatcher', 'system_administrator'],
              previousRoles: ['station_chief', 'system_administrator'],
            },
          },
        ]);
    });
  });
});
