import type { DisputeClockInstruction } from './disputes.js';
import type { HighRiskClockInstruction } from './high-risk-persons.js';
import type { ProsecutionClockInstruction } from './prosecution.js';

/**
 * The one way an event moves a legal clock: deciders write these steps into the event's
 * `data.clocks`, in order; `@pingan/deadlines` translates them (clockStepsOf) and the runtime
 * applies them in the same transaction as the append that carries them. Instants are ISO strings.
 * Each context's contract narrows this type (its rule names, the steps it uses).
 */
export type ClockInstruction =
  | {
      action: 'start';
      /** Deterministic, so a repeated or redelivered step starts nothing twice. */
      deadlineId: string;
      /** A rule name of the service's catalogue. */
      rule: string;
      /** The instant the period counts from (the decision's time, not when it was typed in). */
      startedAt: string;
      /** Whose case the clock belongs to; default: the event's correlation id (the case number). */
      subject?: string;
      /** A due instant set for this one clock (e.g. a supervisor's due date) instead of the rule's length. */
      dueAt?: string;
      responsibleOrganisationId?: string | null;
      supervisingOrganisationId?: string | null;
    }
  | {
      action: 'stop';
      deadlineId: string;
      at: string;
      /** 'moot': the duty fell away without the work (the clock is cancelled, never counted as met). */
      outcome?: 'done' | 'moot';
      rule?: string;
    }
  | { action: 'pause'; deadlineId: string; at: string; reason?: string }
  | { action: 'resume'; deadlineId: string; at: string }
  | {
      action: 'extend';
      deadlineId: string;
      /** Default: when the event occurred. */
      at?: string;
      by: { unit: 'minutes' | 'hours' | 'calendar_days' | 'working_days' | 'months'; amount: number };
      reason: string;
      rule?: string;
    }
  | { action: 'cancel'; deadlineId: string; at: string; reason: string };

export type ClockAction = ClockInstruction['action'];

/** Each context's clock steps are a narrowing of the one protocol (checked by the compiler). */
type Narrowing<T extends ClockInstruction> = T;
export type ContextClockInstruction =
  Narrowing<ProsecutionClockInstruction> | Narrowing<DisputeClockInstruction> | Narrowing<HighRiskClockInstruction>;
