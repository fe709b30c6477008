import type { ProsecutionEvent } from '@pingan/contracts';
import type { Decider } from '@pingan/event-store';
import { DEFAULT_PROSECUTION_POLICY, type ProsecutionPolicy } from './deadline-rules.js';
import type { PoliceCaseCommand } from './police-case.commands.js';
import { court } from './police-case.court.js';
import { InvalidPoliceCaseCommandError } from './police-case.errors.js';
import type { PhaseDecide } from './police-case.guards.js';
import { investigation } from './police-case.investigation.js';
import { measures } from './police-case.measures.js';
import { procuratorate } from './police-case.procuratorate.js';
import { publicSecurity } from './police-case.public-security.js';
import { evolve, initialState, type PoliceCaseState } from './police-case.state.js';
import { supervision } from './police-case.supervision.js';

export { evolve, initialState } from './police-case.state.js';
export type { OpenPoliceCase, PoliceCaseState, SuspectState } from './police-case.state.js';

type AnyPhaseDecide = (command: PoliceCaseCommand, state: PoliceCaseState) => ProsecutionEvent[];

/**
 * The police case from acceptance (受案) to final judgement, with the ministry-system entry, the
 * procuratorate's steps, the court and listed supervision. Lawful limits come from `policy`.
 * Each phase decides its own commands (police-case.<phase>.ts); the type below fails to compile
 * if a command type has no phase.
 */
export function createPoliceCaseDecider(
  policy: ProsecutionPolicy = DEFAULT_PROSECUTION_POLICY,
): Decider<PoliceCaseCommand, ProsecutionEvent, PoliceCaseState> {
  const phases: PhaseDecide<PoliceCaseCommand['type']> = {
    ...investigation,
    ...measures(policy),
    ...procuratorate(policy),
    ...court,
    ...supervision,
    ...publicSecurity(policy),
  };

  function decide(command: PoliceCaseCommand, state: PoliceCaseState): ProsecutionEvent[] {
    // Own keys only: a type such as 'toString' must not reach Object.prototype.
    if (!Object.hasOwn(phases, command.type)) {
      throw new InvalidPoliceCaseCommandError('type', `Unknown command ${(command as { type: string }).type}.`);
    }
    return (phases[command.type] as AnyPhaseDecide)(command, state);
  }

  return { decide, evolve, initialState };
}

export const policeCaseDecider = createPoliceCaseDecider();
