import type { Decider } from '@pingan/event-store';
import type { OversightEvent, SupervisionStartedData } from '@pingan/contracts';
import type { Command } from '@pingan/platform';
import { OversightError } from './oversight.errors.js';

/**
 * 督办: a health commission or political-legal committee puts a case under its supervision with
 * a due date and instructions, records progress it receives, and closes it with a conclusion.
 * Who may act on a supervision (the supervising body only) is an access question, answered
 * before the command reaches the decider.
 */

/** The due date must leave the supervised body at least this long (and the clock a sane length). */
export const MIN_SUPERVISION_MS = 60 * 60_000;

/** Commands in the one command shape: `metadata.now` is when the system records the step. */
export type SupervisionCommand =
  | Command<
      'StartSupervision',
      {
        supervisionId: string;
        caseNumber: string;
        regionCode: string;
        hospitalId: string | null;
        supervisorOrganisationId: string;
        supervisorKind: SupervisionStartedData['supervisorKind'];
        instructions: string;
        dueAt: Date;
      }
    >
  | Command<'RecordSupervisionProgress', { note: string }>
  | Command<'CloseSupervision', { conclusion: string }>;

export type SupervisionEvent = Exclude<OversightEvent, { type: 'BreachEscalated' | 'BreachEscalationWithdrawn' }>;

export type SupervisionState = { status: 'none' } | { status: 'open' | 'closed'; started: SupervisionStartedData; progress: number };

export const supervisionDeadlineId = (supervisionId: string): string => `supervision-${supervisionId}`;

export const supervisionDecider: Decider<SupervisionCommand, SupervisionEvent, SupervisionState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    const { now } = command.metadata;
    if (command.type === 'StartSupervision') {
      const data = command.data;
      if (state.status !== 'none') throw new OversightError('SUPERVISION.ALREADY_STARTED', 'This supervision has already been started');
      if (data.dueAt.getTime() - now.getTime() < MIN_SUPERVISION_MS) {
        throw new OversightError('SUPERVISION.DUE_TOO_SOON', 'The due date must be at least one hour from now');
      }
      return [
        {
          type: 'SupervisionStarted',
          data: {
            supervisionId: data.supervisionId,
            caseNumber: data.caseNumber,
            regionCode: data.regionCode,
            hospitalId: data.hospitalId,
            supervisorOrganisationId: data.supervisorOrganisationId,
            supervisorKind: data.supervisorKind,
            instructions: data.instructions,
            dueAt: data.dueAt.toISOString(),
            startedAt: now.toISOString(),
            deadlineId: supervisionDeadlineId(data.supervisionId),
          },
        },
      ];
    }
    if (state.status === 'none') throw new OversightError('SUPERVISION.NOT_FOUND', 'No such supervision');
    if (state.status === 'closed') throw new OversightError('SUPERVISION.CLOSED', 'The supervision is closed');
    const ref = {
      supervisionId: state.started.supervisionId,
      caseNumber: state.started.caseNumber,
      regionCode: state.started.regionCode,
      hospitalId: state.started.hospitalId,
    };
    if (command.type === 'RecordSupervisionProgress') {
      return [{ type: 'SupervisionProgressRecorded', data: { ...ref, note: command.data.note, recordedAt: now.toISOString() } }];
    }
    return [
      {
        type: 'SupervisionClosed',
        data: {
          ...ref,
          conclusion: command.data.conclusion,
          closedAt: now.toISOString(),
          metDueDate: now.getTime() <= new Date(state.started.dueAt).getTime(),
        },
      },
    ];
  },

  evolve(state, event) {
    switch (event.type) {
      case 'SupervisionStarted':
        return { status: 'open', started: event.data, progress: 0 };
      case 'SupervisionProgressRecorded':
        return state.status === 'none' ? state : { ...state, progress: state.progress + 1 };
      case 'SupervisionClosed':
        return state.status === 'none' ? state : { ...state, status: 'closed' };
    }
  },
};
