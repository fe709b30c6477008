import type { Actor } from '@pingan/contracts';

/** Who gives a command, and when it is decided: stamped by the pipeline, never taken from the client. */
export interface CommandMetadata {
  actor: Actor;
  now: Date;
  /**
   * When the fact happened, as the caller stated it (checked: not in the future, not before the
   * case began); absent: now. Clocks follow this instant, not the time it was entered.
   */
  occurredAt?: Date;
}

/** The one command shape of every decider. */
export interface Command<Type extends string = string, Data = Record<string, unknown>> {
  type: Type;
  data: Data;
  metadata: CommandMetadata;
}

/** A command as a caller states it (what, with which data); the pipeline adds the metadata. */
export type CommandInput<C extends Command> = C extends Command ? Pick<C, 'type' | 'data'> : never;
