import { ConcurrencyError } from './errors.js';
import type { PostgresEventStore } from './postgres-event-store.js';
import type { AppendOptions, AppendResult, NewEvent } from './types.js';

/** An event as a decider sees it: a discriminated union on `type`. */
export interface DomainEvent<Type extends string = string, Data extends Record<string, unknown> = Record<string, unknown>> {
  type: Type;
  data: Data;
}

/**
 * The domain core of an aggregate, pure and without I/O (Emmett style):
 * `decide` answers a command with new events or throws a domain error; `evolve` folds an event into state.
 */
export interface Decider<Command, Event extends DomainEvent, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

export const fold = <Event extends DomainEvent, State>(
  decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>,
  events: readonly Event[],
): State => events.reduce(decider.evolve, decider.initialState());

export interface HandleCommandOptions extends Omit<AppendOptions, 'expectedVersion'> {
  /** How often to reload and decide again when another writer got there first (default 3). */
  retries?: number;
  occurredAt?: Date;
}

export interface HandledCommand<Event extends DomainEvent, State> {
  events: Event[];
  state: State;
  append: AppendResult | null; // null when the decider produced no events
}

/**
 * Loads a stream, folds it, decides, and appends with the version it read.
 * On a concurrency conflict it loads again and decides again (the command may now be invalid,
 * in which case the decider's error surfaces), up to `retries` times.
 */
export async function handleCommand<Command, Event extends DomainEvent, State>(
  store: PostgresEventStore,
  decider: Decider<Command, Event, State>,
  streamId: string,
  command: Command,
  options: HandleCommandOptions,
): Promise<HandledCommand<Event, State>> {
  const { retries = 3, occurredAt, ...appendOptions } = options;
  for (let attempt = 0; ; attempt++) {
    const stored = await store.readStream(streamId);
    const version = stored.length === 0 ? 0 : stored[stored.length - 1].version;
    const current = fold(decider, stored as unknown as Event[]);
    const events = decider.decide(command, current);
    const state = events.reduce(decider.evolve, current);
    if (events.length === 0) return { events, state, append: null };
    const toAppend: NewEvent[] = events.map((e) => ({ type: e.type, data: e.data, occurredAt }));
    try {
      const append = await store.append(streamId, toAppend, {
        ...appendOptions,
        expectedVersion: version === 0 ? 'no_stream' : version,
      });
      return { events, state, append };
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= retries) throw error;
    }
  }
}
