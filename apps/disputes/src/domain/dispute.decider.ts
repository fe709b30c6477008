import type { Decider } from '@pingan/event-store';
import type { DisputeCommand } from './dispute.commands.js';
import { complaintDecisions, complaintEvolutions } from './dispute.complaint.js';
import type { DisputeEvent } from './dispute.events.js';
import { mediationDecisions, mediationEvolutions } from './dispute.mediation.js';
import { performanceDecisions, performanceEvolutions } from './dispute.performance.js';
import { referralDecisions, referralEvolutions } from './dispute.referral.js';
import { riskDecisions, riskEvolutions } from './dispute.risk.js';
import { settlementDecisions, settlementEvolutions } from './dispute.settlement.js';
import { initialDisputeState, type Decisions, type DisputeState, type Evolutions } from './dispute.state.js';

export { deadlineIdFor, initialDisputeState, type AgreementState, type DisputeState, type MediationState } from './dispute.state.js';

/*
 * The dispute decider, combined from its phases (one file each): complaint and ownership, notice and
 * referral, mediation (with appraisal and extension), liability and settlement, performance and
 * judicial confirmation, risk. Typed as the full maps, so a command or event no phase handles does not compile.
 */
const decisions: Decisions = {
  ...complaintDecisions,
  ...referralDecisions,
  ...mediationDecisions,
  ...settlementDecisions,
  ...performanceDecisions,
  ...riskDecisions,
};

const evolutions: Evolutions = {
  ...complaintEvolutions,
  ...referralEvolutions,
  ...mediationEvolutions,
  ...settlementEvolutions,
  ...performanceEvolutions,
  ...riskEvolutions,
};

export function decide(command: DisputeCommand, state: DisputeState): DisputeEvent[] {
  // Commands can arrive untyped (JSON): an unknown type is a programming error, not a rule.
  if (!Object.hasOwn(decisions, command.type)) throw new Error(`Unknown command: ${(command as { type: string }).type}`);
  const decision = decisions[command.type] as (command: DisputeCommand, state: DisputeState) => DisputeEvent[];
  return decision(command, state);
}

export function evolve(state: DisputeState, event: DisputeEvent): DisputeState {
  // An event type from a newer writer leaves the state as it is.
  if (!Object.hasOwn(evolutions, event.type)) return state;
  const evolution = evolutions[event.type] as (state: DisputeState, event: DisputeEvent) => DisputeState;
  return evolution(state, event);
}

export const disputeDecider: Decider<DisputeCommand, DisputeEvent, DisputeState> = {
  decide,
  evolve,
  initialState: initialDisputeState,
};
