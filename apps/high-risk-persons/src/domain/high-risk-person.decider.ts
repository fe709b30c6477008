import type {
  Actor,
  HighRiskAdvice,
  HighRiskCategory,
  HighRiskClockInstruction,
  HighRiskPersonEvent,
  HighRiskPersonRef,
} from '@pingan/contracts';
import { HIGH_RISK_CATEGORIES } from '@pingan/contracts';
import { oneEventOf, type Decider } from '@pingan/event-store';
import type { HighRiskPersonCommand, PersonalText, ProposeFlag } from './high-risk-person.commands.js';
import { HighRiskError, HighRiskErrorCode as E } from './high-risk-person.errors.js';
import { TASK_RULES, reviewDeadlineId, taskDeadlineId } from './deadline-rules.js';
import { residentIdProblem } from './resident-id.js';

/** Who may do what (the HTTP layer checks roles too; the rules that depend on who acts live here). */
export const PROPOSER_ROLES = [
  'hospital_security_officer',
  'police_dispatcher',
  'police_case_officer',
  'station_chief',
  'political_legal_officer',
];
/** Approval, rejection, review and removal: accountable leaders of police and the political-legal committee. */
export const APPROVER_ROLES = ['station_chief', 'political_legal_officer'];
export const MEASURE_ROLES = ['police_dispatcher', 'police_case_officer', 'station_chief', 'political_legal_officer'];
/** 训诫/警示 are police powers [S0, S2 二(五)]. */
export const WARNING_ROLES = ['police_dispatcher', 'police_case_officer', 'station_chief'];
/** Erasure: a police station chief in whose jurisdiction the record lies (see docs/high-risk-persons.md). */
export const ERASER_ROLES = ['station_chief'];

/** Below this, a "behaviour" is a label, not a description of what the person did. */
export const MIN_TEXT_LENGTH = 8;

export type FlagStatus = 'proposed' | 'active' | 'rejected' | 'removed' | 'expired';

export interface FlagState {
  flagNo: number;
  status: FlagStatus;
  categories: HighRiskCategory[];
  proposingOrganisationId: string;
  approvingOrganisationId: string | null;
  reviewNo: number;
  reviewDeadlineId: string | null;
}

export interface HighRiskPersonState {
  exists: boolean;
  erased: boolean;
  personId: string | null;
  regionCode: string | null;
  flagCount: number;
  flag: FlagState | null;
  tasks: Record<string, { deadlineId: string; completed: boolean }>;
  measureIds: string[];
  /** Organisations that proposed a flag on the person: their audit streams get every read. */
  owners: string[];
}

export const initialState = (): HighRiskPersonState => ({
  exists: false,
  erased: false,
  personId: null,
  regionCode: null,
  flagCount: 0,
  flag: null,
  tasks: {},
  measureIds: [],
  owners: [],
});

/** What a hospital is told for these categories: always remind staff and escort; police too where violence is in view. */
export function adviceFor(categories: readonly HighRiskCategory[]): HighRiskAdvice[] {
  const advice: HighRiskAdvice[] = ['remind_staff', 'security_escort'];
  const violent: HighRiskCategory[] = ['threatened_violence', 'violent_tendency', 'drunk_or_on_drugs', 'severe_mental_disorder_with_risk'];
  if (categories.some((c) => violent.includes(c))) advice.push('notify_police');
  return advice;
}

const iso = (d: Date): string => d.toISOString();
/** What most commands record: one event with the person's reference. */
const oneEvent = oneEventOf<HighRiskPersonEvent, HighRiskPersonRef>();
const hasText = (t: PersonalText | undefined, min = 1): boolean => (t?.text.trim().length ?? 0) >= min;
const isOpen = (flag: FlagState | null): boolean => flag?.status === 'proposed' || flag?.status === 'active';

function requireRole(actor: Actor, roles: readonly string[], what: string): void {
  if (!roles.includes(actor.role)) throw new HighRiskError(E.NotAuthorised, `Role ${actor.role} may not ${what}`);
}

function requirePerson(state: HighRiskPersonState): HighRiskPersonRef {
  if (!state.exists) throw new HighRiskError(E.NotFound, 'No such person on the register');
  if (state.erased) throw new HighRiskError(E.PersonErased, 'The person was erased from the register');
  return { personId: state.personId!, regionCode: state.regionCode! };
}

function requireActive(state: HighRiskPersonState): { ref: HighRiskPersonRef; flag: FlagState } {
  const ref = requirePerson(state);
  if (state.flag?.status !== 'active') throw new HighRiskError(E.FlagNotActive, 'The person has no active flag');
  return { ref, flag: state.flag };
}

function validateProposal({ data, metadata }: ProposeFlag): void {
  const idProblem = residentIdProblem(data.identity.idNumber, metadata.now);
  if (idProblem) {
    throw new HighRiskError(E.InvalidIdNumber, `Not a valid resident ID number (${idProblem})`, [
      { field: 'idNumber', code: `ID_NUMBER.${idProblem.toUpperCase()}`, message: `GB 11643 ${idProblem} check failed` },
    ]);
  }
  if (!data.identity.name.trim())
    throw new HighRiskError(E.InvalidIdentity, 'A name is required', [{ field: 'name', code: 'REQUIRED', message: 'required' }]);
  if (data.identity.phone !== null && !/^\+?[\d-]{7,20}$/.test(data.identity.phone)) {
    throw new HighRiskError(E.InvalidIdentity, 'Not a phone number', [
      { field: 'phone', code: 'FORMAT', message: 'digits, dashes, optional +' },
    ]);
  }
  if (data.categories.length === 0) throw new HighRiskError(E.GroundsRequired, 'At least one category with its grounds is required');
  const seen = new Set<string>();
  for (const { category, behaviour } of data.categories) {
    if (!(HIGH_RISK_CATEGORIES as readonly string[]).includes(category))
      throw new HighRiskError(E.GroundsRequired, `Unknown category ${category}`);
    if (seen.has(category)) throw new HighRiskError(E.GroundsRequired, `Category ${category} given twice`);
    seen.add(category);
    // Flags go stale and get biased: each category must rest on concrete, written behaviour.
    if (!hasText(behaviour, MIN_TEXT_LENGTH)) {
      throw new HighRiskError(
        E.GroundsRequired,
        `Category ${category} needs the concrete behaviour that justifies it (at least ${MIN_TEXT_LENGTH} characters)`,
      );
    }
  }
}

function cancelOpenTasks(state: HighRiskPersonState, at: Date, reason: string): HighRiskClockInstruction[] {
  return Object.values(state.tasks)
    .filter((t) => !t.completed)
    .map((t) => ({ action: 'cancel' as const, deadlineId: t.deadlineId, at: iso(at), reason }));
}

export function decide(command: HighRiskPersonCommand, state: HighRiskPersonState): HighRiskPersonEvent[] {
  const { actor } = command.metadata;
  // When the fact happened, as the caller stated it (bounded by the pipeline), else now: every clock follows it.
  const at = command.metadata.occurredAt ?? command.metadata.now;
  switch (command.type) {
    case 'ProposeFlag': {
      const d = command.data;
      if (state.erased) throw new HighRiskError(E.PersonErased, 'The person was erased from the register');
      requireRole(actor, PROPOSER_ROLES, 'propose a flag');
      validateProposal(command);
      if (isOpen(state.flag)) throw new HighRiskError(E.FlagAlreadyOpen, 'The person already has a proposed or active flag');
      const ref: HighRiskPersonRef = state.exists
        ? { personId: state.personId!, regionCode: state.regionCode! }
        : { personId: d.personId, regionCode: d.regionCode };
      const events: HighRiskPersonEvent[] = [];
      if (!state.exists) {
        events.push({
          type: 'PersonRegistered',
          data: { ...ref, identity: d.identity.sealed, registeredAt: iso(at), registeringOrganisationId: actor.organisationId },
        });
      }
      events.push({
        type: 'FlagProposed',
        data: {
          ...ref,
          flagNo: state.flagCount + 1,
          categories: d.categories.map((c) => ({ category: c.category, grounds: c.behaviour.sealed })),
          proposingOrganisationId: actor.organisationId,
          proposingOrganisationKind: d.organisationKind,
          proposedAt: iso(at),
        },
      });
      return events;
    }

    case 'ApproveFlag':
    case 'RejectFlag': {
      const ref = requirePerson(state);
      const flag = state.flag;
      if (flag?.status !== 'proposed') throw new HighRiskError(E.FlagNotProposed, 'There is no proposed flag to decide on');
      requireRole(actor, APPROVER_ROLES, 'approve or reject a flag');
      // Four eyes across organisations: the proposer's own organisation cannot make its flag active.
      if (actor.organisationId === flag.proposingOrganisationId) {
        throw new HighRiskError(
          E.ApprovalByOwnOrganisation,
          'A flag must be decided by another organisation than the one that proposed it',
        );
      }
      if (command.type === 'RejectFlag') {
        if (!hasText(command.data.reason)) throw new HighRiskError(E.ReasonRequired, 'A rejection needs a reason');
        return oneEvent(ref, 'FlagRejected', {
          flagNo: flag.flagNo,
          reason: command.data.reason.sealed,
          rejectingOrganisationId: actor.organisationId,
          rejectedAt: iso(at),
        });
      }
      return oneEvent(ref, 'FlagApproved', {
        flagNo: flag.flagNo,
        categories: flag.categories,
        approvingOrganisationId: actor.organisationId,
        activatedAt: iso(at),
        clocks: [
          {
            action: 'start',
            deadlineId: reviewDeadlineId(ref.personId, flag.flagNo, 1),
            subject: ref.personId,
            rule: 'high-risk-flag-review',
            startedAt: iso(at),
            responsibleOrganisationId: actor.organisationId,
            supervisingOrganisationId: null,
          },
        ],
      });
    }

    case 'GiveWarning': {
      const { ref, flag } = requireActive(state);
      requireRole(actor, WARNING_ROLES, 'give a warning (police only)');
      if (!hasText(command.data.note, MIN_TEXT_LENGTH)) throw new HighRiskError(E.ReasonRequired, 'Say what was said and done');
      return oneEvent(ref, 'WarningGiven', {
        flagNo: flag.flagNo,
        measureId: command.data.measureId,
        kind: command.data.kind,
        note: command.data.note.sealed,
        actingOrganisationId: actor.organisationId,
        givenAt: iso(at),
      });
    }

    case 'AssignStabilisationTask': {
      const { ref, flag } = requireActive(state);
      requireRole(actor, MEASURE_ROLES, 'assign a stabilisation task');
      const d = command.data;
      if (state.tasks[d.taskId]) throw new HighRiskError(E.TaskExists, 'A task with this id exists');
      if (!hasText(d.note, MIN_TEXT_LENGTH)) throw new HighRiskError(E.ReasonRequired, 'Say what the task is');
      return oneEvent(ref, 'StabilisationTaskAssigned', {
        flagNo: flag.flagNo,
        taskId: d.taskId,
        kind: d.kind,
        assigneeOrganisationId: d.assigneeOrganisationId,
        assigneeKind: d.assigneeKind,
        note: d.note.sealed,
        actingOrganisationId: actor.organisationId,
        assignedAt: iso(at),
        clocks: [
          {
            action: 'start',
            deadlineId: taskDeadlineId(ref.personId, d.taskId),
            subject: ref.personId,
            rule: TASK_RULES[d.kind],
            startedAt: iso(at),
            responsibleOrganisationId: d.assigneeOrganisationId,
            supervisingOrganisationId: actor.organisationId,
          },
        ],
      });
    }

    case 'CompleteStabilisationTask': {
      const ref = requirePerson(state);
      const task = state.tasks[command.data.taskId];
      if (!task) throw new HighRiskError(E.TaskNotFound, 'No such task');
      if (task.completed) throw new HighRiskError(E.TaskAlreadyCompleted, 'The task is already completed');
      requireRole(actor, MEASURE_ROLES, 'complete a stabilisation task');
      if (!hasText(command.data.outcome, MIN_TEXT_LENGTH)) throw new HighRiskError(E.ReasonRequired, 'Say what was done');
      return oneEvent(ref, 'StabilisationTaskCompleted', {
        flagNo: state.flag!.flagNo,
        taskId: command.data.taskId,
        outcome: command.data.outcome.sealed,
        actingOrganisationId: actor.organisationId,
        completedAt: iso(at),
        clocks: [{ action: 'stop', deadlineId: task.deadlineId, at: iso(at) }],
      });
    }

    case 'ArrangeTreatment': {
      const { ref, flag } = requireActive(state);
      requireRole(actor, MEASURE_ROLES, 'arrange treatment');
      if (!flag.categories.includes('severe_mental_disorder_with_risk')) {
        throw new HighRiskError(E.TreatmentNotApplicable, 'Treatment arrangements are for a flag of severe mental disorder with risk');
      }
      if (!hasText(command.data.note, MIN_TEXT_LENGTH)) throw new HighRiskError(E.ReasonRequired, 'Say what was arranged');
      return oneEvent(ref, 'TreatmentArranged', {
        flagNo: flag.flagNo,
        measureId: command.data.measureId,
        arrangement: command.data.arrangement,
        note: command.data.note.sealed,
        actingOrganisationId: actor.organisationId,
        arrangedAt: iso(at),
      });
    }

    case 'RenewFlag': {
      const { ref, flag } = requireActive(state);
      requireRole(actor, APPROVER_ROLES, 'review a flag');
      if (!hasText(command.data.reason, MIN_TEXT_LENGTH))
        throw new HighRiskError(E.ReasonRequired, 'A renewal needs the reason the flag is still needed');
      const reviewNo = flag.reviewNo + 1;
      return oneEvent(ref, 'FlagRenewed', {
        flagNo: flag.flagNo,
        reviewNo,
        reason: command.data.reason.sealed,
        reviewingOrganisationId: actor.organisationId,
        renewedAt: iso(at),
        clocks: [
          { action: 'stop', deadlineId: flag.reviewDeadlineId!, at: iso(at) },
          {
            action: 'start',
            deadlineId: reviewDeadlineId(ref.personId, flag.flagNo, reviewNo + 1),
            subject: ref.personId,
            rule: 'high-risk-flag-review',
            startedAt: iso(at),
            responsibleOrganisationId: actor.organisationId,
            supervisingOrganisationId: null,
          },
        ],
      });
    }

    case 'RemoveFlag': {
      const { ref, flag } = requireActive(state);
      requireRole(actor, APPROVER_ROLES, 'remove a flag');
      if (!hasText(command.data.reason, MIN_TEXT_LENGTH))
        throw new HighRiskError(E.RemovalReasonRequired, 'Removal from the register needs a reason');
      return oneEvent(ref, 'FlagRemoved', {
        flagNo: flag.flagNo,
        reason: command.data.reason.sealed,
        removingOrganisationId: actor.organisationId,
        removedAt: iso(at),
        clocks: [{ action: 'stop', deadlineId: flag.reviewDeadlineId!, at: iso(at) }, ...cancelOpenTasks(state, at, 'flag removed')],
      });
    }

    case 'ExpireFlag': {
      // Idempotent: a redelivered or stale breach (renewed, removed, erased since) changes nothing.
      if (!state.exists || state.erased || state.flag?.status !== 'active') return [];
      if (state.flag.reviewDeadlineId !== command.data.deadlineId) return [];
      return [
        {
          type: 'FlagExpired',
          data: {
            personId: state.personId!,
            regionCode: state.regionCode!,
            flagNo: state.flag.flagNo,
            deadlineId: command.data.deadlineId,
            expiredAt: iso(at),
            clocks: cancelOpenTasks(state, at, 'flag expired'),
          },
        },
      ];
    }

    case 'CheckAtHospital': {
      // Only an ACTIVE flag warns: proposed, rejected, removed, expired and erased say nothing.
      if (!state.exists || state.erased || state.flag?.status !== 'active') return [];
      const flag = state.flag;
      return [
        {
          type: 'ArrivalAlertRaised',
          data: {
            personId: state.personId!,
            regionCode: state.regionCode!,
            alertId: command.data.alertId,
            flagNo: flag.flagNo,
            hospitalId: actor.organisationId,
            hospitalRegionCode: command.data.hospitalRegionCode,
            categories: flag.categories,
            advice: adviceFor(flag.categories),
            checkedAt: iso(at),
          },
        },
      ];
    }

    case 'ErasePerson': {
      if (!state.exists) throw new HighRiskError(E.NotFound, 'No such person on the register');
      if (state.erased) return []; // erasing twice: the key is gone already
      requireRole(actor, ERASER_ROLES, 'erase a person');
      // End the flag first (removal with a reason), so the register says why it ended.
      if (isOpen(state.flag)) throw new HighRiskError(E.FlagStillOpen, 'Remove or reject the open flag before erasing the person');
      if (!command.data.legalBasis.trim()) throw new HighRiskError(E.ReasonRequired, 'Erasure needs its legal basis');
      return [
        {
          type: 'PersonErased',
          data: {
            personId: state.personId!,
            regionCode: state.regionCode!,
            legalBasis: command.data.legalBasis.trim(),
            erasingOrganisationId: actor.organisationId,
            erasedAt: iso(at),
          },
        },
      ];
    }

    default: {
      const unknown: never = command;
      throw new Error(`Unknown command ${(unknown as { type: string }).type}`);
    }
  }
}

export function evolve(state: HighRiskPersonState, event: HighRiskPersonEvent): HighRiskPersonState {
  const setFlag = (patch: Partial<FlagState>): HighRiskPersonState => ({
    ...state,
    flag: state.flag ? { ...state.flag, ...patch } : state.flag,
  });
  switch (event.type) {
    case 'PersonRegistered':
      return { ...state, exists: true, personId: event.data.personId, regionCode: event.data.regionCode };
    case 'FlagProposed': {
      const d = event.data;
      return {
        ...state,
        flagCount: d.flagNo,
        tasks: {},
        owners: state.owners.includes(d.proposingOrganisationId) ? state.owners : [...state.owners, d.proposingOrganisationId],
        flag: {
          flagNo: d.flagNo,
          status: 'proposed',
          categories: d.categories.map((c) => c.category),
          proposingOrganisationId: d.proposingOrganisationId,
          approvingOrganisationId: null,
          reviewNo: 0,
          reviewDeadlineId: null,
        },
      };
    }
    case 'FlagApproved':
      return setFlag({
        status: 'active',
        approvingOrganisationId: event.data.approvingOrganisationId,
        reviewNo: 0,
        reviewDeadlineId: reviewDeadlineId(event.data.personId, event.data.flagNo, 1),
      });
    case 'FlagRejected':
      return setFlag({ status: 'rejected' });
    case 'FlagRenewed':
      return setFlag({
        reviewNo: event.data.reviewNo,
        reviewDeadlineId: reviewDeadlineId(event.data.personId, event.data.flagNo, event.data.reviewNo + 1),
      });
    case 'FlagRemoved':
      return setFlag({ status: 'removed' });
    case 'FlagExpired':
      return setFlag({ status: 'expired' });
    case 'StabilisationTaskAssigned':
      return {
        ...state,
        tasks: {
          ...state.tasks,
          [event.data.taskId]: { deadlineId: taskDeadlineId(event.data.personId, event.data.taskId), completed: false },
        },
      };
    case 'StabilisationTaskCompleted': {
      const task = state.tasks[event.data.taskId];
      return task ? { ...state, tasks: { ...state.tasks, [event.data.taskId]: { ...task, completed: true } } } : state;
    }
    case 'WarningGiven':
    case 'TreatmentArranged':
      return { ...state, measureIds: [...state.measureIds, event.data.measureId] };
    case 'ArrivalAlertRaised':
      return state;
    case 'PersonErased':
      return { ...state, erased: true };
    default:
      return state; // other events in the stream (none today) change nothing here
  }
}

export const highRiskPersonDecider: Decider<HighRiskPersonCommand, HighRiskPersonEvent, HighRiskPersonState> = {
  decide,
  evolve,
  initialState,
};
