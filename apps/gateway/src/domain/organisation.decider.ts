import type { Decider } from '@pingan/event-store';
import type { Command } from '@pingan/platform';
import {
  HEALTH_COMMISSION_LEVELS,
  HOSPITAL_LEVELS,
  POLICE_UNIT_TYPES,
  isOrganisationKind,
  isRegionCode,
  regionContains,
  regionLevel,
  type HealthCommissionLevel,
  type HospitalLevel,
  type OrganisationKind,
  type PoliceUnitType,
} from '@pingan/access';
import { DirectoryError } from './access.errors.js';

export interface HospitalDetails {
  level: HospitalLevel;
  ownership: 'public' | 'private';
  beds: number;
  dailyOutpatients: number;
  hasPoliceOffice: boolean;
}

/** Kind-specific facts: hospitals their size and police office, police their unit type, commissions their level. */
export interface OrganisationDetails {
  hospital?: HospitalDetails;
  police?: { unitType: PoliceUnitType };
  healthCommission?: { level: HealthCommissionLevel };
}

/** Commands in the one command shape (the rules here need neither the actor nor the time). */
export type OrganisationCommand =
  | Command<
      'RegisterOrganisation',
      {
        organisationId: string;
        kind: OrganisationKind;
        name: string;
        regionCode: string;
        /** The parent as the handler found it in the directory (null: no parent). */
        parent: { organisationId: string; regionCode: string; active: boolean } | null;
        details: OrganisationDetails;
      }
    >
  /**
   * Active system administrators (of active organisations), as the directory counts them when the
   * command is given: those of this organisation and those elsewhere (the last-administrator rule).
   */
  | Command<'DeactivateOrganisation', { reason: string; administrators: { within: number; elsewhere: number } }>;

/** An organisation as registered (the directory's row adds whether it is still active). */
export type OrganisationRegisteredData = {
  organisationId: string;
  kind: OrganisationKind;
  name: string;
  regionCode: string;
  parentId: string | null;
  details: OrganisationDetails;
};

export type OrganisationEvent =
  | { type: 'OrganisationRegistered'; data: OrganisationRegisteredData }
  | { type: 'OrganisationDeactivated'; data: { organisationId: string; reason: string } };

export type OrganisationState =
  | { status: 'none' }
  | { status: 'active' | 'deactivated'; organisationId: string; kind: OrganisationKind; regionCode: string; name: string };

const invalid = (message: string): never => {
  throw new DirectoryError('ACCESS.ORGANISATION_INVALID', message);
};

const COMMISSION_LEVEL_OF_REGION = { national: 'national', province: 'province', city: 'city', county: 'county' } as const;

function checkDetails(kind: OrganisationKind, regionCode: string, details: OrganisationDetails): void {
  const h = details.hospital;
  if (kind === 'hospital') {
    if (!h) return invalid('a hospital needs its level, ownership, beds, daily outpatients and police office');
    if (!HOSPITAL_LEVELS.includes(h.level)) invalid(`hospital level must be one of ${HOSPITAL_LEVELS.join(', ')}`);
    if (h.ownership !== 'public' && h.ownership !== 'private') invalid('ownership must be public or private');
    if (![h.beds, h.dailyOutpatients].every((n) => Number.isInteger(n) && n >= 0)) invalid('beds and daily outpatients are whole numbers');
  } else if (h) invalid('only hospitals carry hospital details');

  if (kind === 'police') {
    if (!details.police || !POLICE_UNIT_TYPES.includes(details.police.unitType)) {
      invalid(`a police unit needs a unit type: ${POLICE_UNIT_TYPES.join(', ')}`);
    }
  } else if (details.police) invalid('only police units carry a unit type');

  if (kind === 'health_commission') {
    const level = details.healthCommission?.level;
    if (!level || !HEALTH_COMMISSION_LEVELS.includes(level))
      invalid(`a health commission needs a level: ${HEALTH_COMMISSION_LEVELS.join(', ')}`);
    // Oversight follows the region code, so the level and the code must say the same thing.
    if (COMMISSION_LEVEL_OF_REGION[regionLevel(regionCode)] !== level) {
      invalid(`a ${level} health commission needs a ${level}-level region code, got ${regionCode}`);
    }
  } else if (details.healthCommission) invalid('only health commissions carry a level');
}

export const organisationDecider: Decider<OrganisationCommand, OrganisationEvent, OrganisationState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'RegisterOrganisation': {
        const data = command.data;
        if (state.status !== 'none') throw new DirectoryError('ACCESS.ORGANISATION_EXISTS', 'This organisation is already registered');
        if (!isOrganisationKind(data.kind)) invalid(`unknown organisation kind ${data.kind}`);
        if (!data.name.trim()) invalid('an organisation needs a name');
        if (!isRegionCode(data.regionCode)) invalid(`${data.regionCode} is not a 6-digit region code`);
        if (data.parent) {
          if (!data.parent.active) invalid('the parent organisation is deactivated');
          // A unit lies within its parent's region (a station within its bureau's county).
          if (!regionContains(data.parent.regionCode, data.regionCode)) invalid('an organisation lies within its parent’s region');
        }
        checkDetails(data.kind, data.regionCode, data.details);
        return [
          {
            type: 'OrganisationRegistered',
            data: {
              organisationId: data.organisationId,
              kind: data.kind,
              name: data.name.trim(),
              regionCode: data.regionCode,
              parentId: data.parent?.organisationId ?? null,
              details: data.details,
            },
          },
        ];
      }
      case 'DeactivateOrganisation':
        if (state.status === 'none') throw new DirectoryError('ACCESS.ORGANISATION_NOT_FOUND', 'No such organisation');
        if (state.status === 'deactivated') return []; // already: nothing new to record
        // Its users can no longer log in: not when they are the only active administrators left.
        if (command.data.administrators.within > 0 && command.data.administrators.elsewhere < 1) {
          throw new DirectoryError(
            'ACCESS.LAST_ADMINISTRATOR',
            'The last active system administrators belong to this organisation: make a user elsewhere a system administrator first',
          );
        }
        return [{ type: 'OrganisationDeactivated', data: { organisationId: state.organisationId, reason: command.data.reason } }];
      default: {
        const unknown: never = command;
        throw new Error(`unknown command ${JSON.stringify(unknown)}`);
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'OrganisationRegistered':
        return {
          status: 'active',
          organisationId: event.data.organisationId,
          kind: event.data.kind,
          regionCode: event.data.regionCode,
          name: event.data.name,
        };
      case 'OrganisationDeactivated':
        return state.status === 'none' ? state : { ...state, status: 'deactivated' };
      default:
        return state;
    }
  },
};

export const organisationStreamId = (organisationId: string): string => `organisation-${organisationId}`;
