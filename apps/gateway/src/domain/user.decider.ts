import type { Decider } from '@pingan/event-store';
import type { Command } from '@pingan/platform';
import { isRole, roleAllowedFor, type OrganisationKind, type Role } from '@pingan/access';
import { DirectoryError } from './access.errors.js';

/** The user's organisation as the handler found it in the directory. */
export interface OrganisationFacts {
  organisationId: string;
  kind: OrganisationKind;
  active: boolean;
}

/**
 * Commands in the one command shape (the rules here need neither the actor nor the time).
 * `otherActiveAdministrators`: active system administrators of active organisations besides this user,
 * as the directory counts them when the command is given (the last-administrator rule).
 */
export type UserCommand =
  | Command<
      'RegisterUser',
      {
        userId: string;
        username: string;
        displayName: string;
        phone: string | null;
        roles: Role[];
        organisation: OrganisationFacts;
      }
    >
  | Command<'AssignRoles', { roles: Role[]; organisation: OrganisationFacts; otherActiveAdministrators: number }>
  | Command<'DeactivateUser', { reason: string; otherActiveAdministrators: number }>
  | Command<'RecordPasswordSet', Record<string, never>>;

export type UserEvent =
  | {
      type: 'UserRegistered';
      data: { userId: string; username: string; displayName: string; phone: string | null; organisationId: string; roles: Role[] };
    }
  | { type: 'RolesAssigned'; data: { userId: string; roles: Role[]; previousRoles: Role[] } }
  | { type: 'UserDeactivated'; data: { userId: string; reason: string } }
  // The hash itself never enters the (immutable) stream: it lives in a credentials table.
  | { type: 'PasswordSet'; data: { userId: string } };

export type UserState = { status: 'none' } | { status: 'active' | 'deactivated'; userId: string; organisationId: string; roles: Role[] };

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

function checkRoles(roles: Role[], organisation: OrganisationFacts): Role[] {
  const unique = [...new Set(roles)];
  if (unique.length === 0) throw new DirectoryError('ACCESS.ROLE_NOT_ALLOWED', 'A user needs at least one role');
  for (const role of unique) {
    if (!isRole(role) || !roleAllowedFor(organisation.kind, role)) {
      throw new DirectoryError('ACCESS.ROLE_NOT_ALLOWED', `A member of a ${organisation.kind} cannot hold the role ${role}`);
    }
  }
  return unique.sort();
}

/**
 * Nobody could register users, assign roles or reactivate anyone any more: the last active system
 * administrator is neither deactivated nor demoted, which also keeps an administrator from locking
 * themselves out when no other one is active.
 */
function keepAnAdministrator(state: { roles: Role[] }, rolesAfter: Role[], otherActiveAdministrators: number): void {
  const losesAdministrator = state.roles.includes('system_administrator') && !rolesAfter.includes('system_administrator');
  if (losesAdministrator && otherActiveAdministrators < 1) {
    throw new DirectoryError(
      'ACCESS.LAST_ADMINISTRATOR',
      'This is the last active system administrator: make another user a system administrator first',
    );
  }
}

const notFound = (): never => {
  throw new DirectoryError('ACCESS.USER_NOT_FOUND', 'No such user');
};

export const userDecider: Decider<UserCommand, UserEvent, UserState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'RegisterUser': {
        const data = command.data;
        if (state.status !== 'none') throw new DirectoryError('ACCESS.USER_EXISTS', 'This user is already registered');
        if (!USERNAME.test(data.username)) {
          throw new DirectoryError('ACCESS.USERNAME_INVALID', 'A username is 3–64 of a-z 0-9 . _ - and starts with a letter or digit');
        }
        if (!data.organisation.active) throw new DirectoryError('ACCESS.ORGANISATION_DEACTIVATED', 'The organisation is deactivated');
        const roles = checkRoles(data.roles, data.organisation);
        return [
          {
            type: 'UserRegistered',
            data: {
              userId: data.userId,
              username: data.username,
              displayName: data.displayName.trim(),
              phone: data.phone,
              organisationId: data.organisation.organisationId,
              roles,
            },
          },
        ];
      }
      case 'AssignRoles': {
        if (state.status === 'none') return notFound();
        if (state.status === 'deactivated') throw new DirectoryError('ACCESS.USER_DEACTIVATED', 'The user is deactivated');
        const roles = checkRoles(command.data.roles, command.data.organisation);
        if (roles.join() === state.roles.join()) return [];
        keepAnAdministrator(state, roles, command.data.otherActiveAdministrators);
        return [{ type: 'RolesAssigned', data: { userId: state.userId, roles, previousRoles: state.roles } }];
      }
      case 'DeactivateUser':
        if (state.status === 'none') return notFound();
        if (state.status === 'deactivated') return [];
        keepAnAdministrator(state, [], command.data.otherActiveAdministrators);
        return [{ type: 'UserDeactivated', data: { userId: state.userId, reason: command.data.reason } }];
      case 'RecordPasswordSet':
        if (state.status === 'none') return notFound();
        if (state.status === 'deactivated') throw new DirectoryError('ACCESS.USER_DEACTIVATED', 'The user is deactivated');
        return [{ type: 'PasswordSet', data: { userId: state.userId } }];
      default: {
        const unknown: never = command;
        throw new Error(`unknown command ${JSON.stringify(unknown)}`);
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'UserRegistered':
        return { status: 'active', userId: event.data.userId, organisationId: event.data.organisationId, roles: event.data.roles };
      case 'RolesAssigned':
        return state.status === 'none' ? state : { ...state, roles: event.data.roles };
      case 'UserDeactivated':
        return state.status === 'none' ? state : { ...state, status: 'deactivated' };
      case 'PasswordSet':
        return state;
      default:
        return state;
    }
  },
};

export const userStreamId = (userId: string): string => `user-${userId}`;
/** One stream per username, created with 'no_stream': two admins cannot register the same name. */
export const usernameStreamId = (username: string): string => `username-${username}`;
