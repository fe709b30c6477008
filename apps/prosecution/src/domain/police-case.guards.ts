import type { PoliceCaseRef, ProsecutionEvent } from '@pingan/contracts';
import { oneEventOf } from '@pingan/event-store';
import type { PoliceCaseCommand } from './police-case.commands.js';
import {
  CODE,
  InvalidPoliceCaseCommandError,
  PoliceCaseNotFoundError,
  ProsecutionConflictError,
  ProsecutionRuleError,
} from './police-case.errors.js';
import type { OpenPoliceCase, PoliceCaseState, SuspectState } from './police-case.state.js';

/** One phase's part of `decide`: a function per command type it owns (the combining decider needs every type once). */
export type PhaseDecide<Type extends PoliceCaseCommand['type']> = {
  [K in Type]: (command: Extract<PoliceCaseCommand, { type: K }>, state: PoliceCaseState) => ProsecutionEvent[];
};

export const iso = (date: Date): string => date.toISOString();

export function required(field: string, value: string): void {
  if (value.trim() === '') throw new InvalidPoliceCaseCommandError(field, `${field} must not be empty.`);
}

export function openCase(command: { data: { caseNumber: string } }, state: PoliceCaseState): OpenPoliceCase {
  if (state.status !== 'open') throw new PoliceCaseNotFoundError(command.data.caseNumber);
  return state;
}

export function suspectOf(state: OpenPoliceCase, suspectId: string): SuspectState {
  const suspect = state.suspects[suspectId];
  if (!suspect) {
    // The client's next step: with no suspect at all, add one; else name one of the case's.
    const none = Object.keys(state.suspects).length === 0;
    const message = none
      ? `Case ${state.caseNumber} has no suspect yet: add a suspect first (POST /police-cases/${state.caseNumber}/suspects).`
      : `No suspect ${suspectId} in case ${state.caseNumber}.`;
    throw new ProsecutionRuleError(CODE.suspectNotFound, message, [
      { field: 'suspectId', code: CODE.suspectNotFound, message: none ? 'add a suspect first' : 'name a suspect of this case' },
    ]);
  }
  return suspect;
}

export function mustBeCriminal(state: OpenPoliceCase, what: string): void {
  if (state.kind !== 'criminal') {
    throw new ProsecutionRuleError(CODE.caseNotCriminal, `${what} needs a criminal case; ${state.caseNumber} is administrative.`);
  }
}

export function notInFuture(decidedAt: Date, at: Date): void {
  if (decidedAt.getTime() > at.getTime()) {
    throw new ProsecutionRuleError(CODE.decisionInFuture, 'A decision cannot be dated after the moment it is recorded.');
  }
}

/**
 * A step stated to have happened (`occurredAt`) before the step it follows: refused, naming the
 * field, so that no clock runs backwards (the pipeline already refuses the future and before the case).
 */
export function notBefore(previous: string, at: Date, what: string): void {
  if (at.getTime() < new Date(previous).getTime()) {
    const message = `${what} cannot have happened before the step it follows (${previous}).`;
    throw new ProsecutionRuleError(CODE.beforePreviousStep, message, [{ field: 'occurredAt', code: CODE.beforePreviousStep, message }]);
  }
}

export function newDecision(state: OpenPoliceCase, decisionId: string): void {
  if (state.decisions[decisionId]) {
    throw new ProsecutionConflictError(CODE.decisionAlreadyRecorded, `Decision ${decisionId} is already recorded.`);
  }
}

export const refOf = (state: OpenPoliceCase): PoliceCaseRef => ({
  caseNumber: state.caseNumber,
  hospitalId: state.hospitalId,
  regionCode: state.regionCode,
});

/** What most commands record: one event with the case's reference. */
export const oneEvent = oneEventOf<ProsecutionEvent, PoliceCaseRef>();
