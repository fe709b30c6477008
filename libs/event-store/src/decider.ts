import { ConcurrencyError } from './errors.js';
import type { PostgresEventStore } from './postgres-event-store.js';
import type { AppendOptions, AppendResult, NewEvent, StoredEvent } from './types.js';

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

/**
 * What most commands record: one event of `type` with the aggregate's reference (`ref`) and `data`.
 * Bound once per aggregate: `const oneEvent = oneEventOf<DisputeEvent, DisputeRef>()`.
 */
export const oneEventOf =
  <Event extends DomainEvent, Ref extends object>() =>
  <Type extends Event['type']>(ref: Ref, type: Type, data: Omit<Extract<Event, { type: Type }>['data'], keyof Ref>): Event[] => [
    { type, data: { ...ref, ...data } } as unknown as Event,
  ]; // the signature checks `data` against the event of `type`

export interface HandleCommandOptions extends Omit<AppendOptions, 'expectedVersion'> {
  /** How often to reload and decide again when another writer got there first (default 3). */
  retries?: number;
  occurredAt?: Date;
}

/** A command as stated on the stream as read: the command, when its events occur, how they are recorded. */
export interface StatedCommand<Command> {
  command: Command;
  occurredAt?: Date;
  append: Omit<AppendOptions, 'expectedVersion'>;
}

export interface HandledCommand<Event extends DomainEvent, State> {
  events: Event[];
  state: State;
  /** The stream as read, before the command. */
  history: StoredEvent[];
  /** The stream's version after the command. */
  version: number;
  /** The case number the events were recorded under. */
  correlationId: string;
  append: AppendResult | null; // null when the decider produced no events
}

/**
 * One attempt of a command, the loop every command runs (platform's DeciderCommandHandler too):
 * reads the stream, folds it, states the command on that state (which may throw, e.g. to deny it),
 * decides, and appends at the version it read: a ConcurrencyError when another writer got there first.
 */
export async function decideOnStream<Command, Event extends DomainEvent, State>(
  store: PostgresEventStore,
  decider: Decider<Command, Event, State>,
  streamId: string,
  state: (current: State, history: readonly StoredEvent[]) => StatedCommand<Command>,
): Promise<HandledCommand<Event, State>> {
  const history = await store.readStream(streamId);
  const read = history.length === 0 ? 0 : history[history.length - 1].version;
  const current = fold(decider, history as unknown as Event[]);
  const { command, occurredAt, append: appendOptions } = state(current, history);
  const events = decider.decide(command, current);
  const next = events.reduce(decider.evolve, current);
  const { correlationId } = appendOptions;
  if (events.length === 0) return { events, state: next, history, version: read, correlationId, append: null };
  const toAppend: NewEvent[] = events.map((e) => ({ type: e.type, data: e.data, occurredAt }));
  const append = await store.append(streamId, toAppend, { ...appendOptions, expectedVersion: read === 0 ? 'no_stream' : read });
  return { events, state: next, history, version: append.nextExpectedVersion, correlationId, append };
}

/**
 * Runs `attempt` again when it fails on a concurrency conflict, up to `retries` times: each attempt
 * reads and decides anew, so a command no longer valid fails with the decider's error.
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>, retries = 3): Promise<T> {
  for (let attempts = 0; ; attempts++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempts >= retries) throw error;
    }
  }
}

/** Loads a stream, folds it, decides, and appends with the version it read, again on a conflict. */
export function handleCommand<Command, Event extends DomainEvent, State>(
  store: PostgresEventStore,
  decider: Decider<Command, Event, State>,
  streamId: string,
  command: Command,
  options: HandleCommandOptions,
): Promise<HandledCommand<Event, State>> {
  const { retries, occurredAt, ...append } = options;
  return retryOnConflict(() => decideOnStream(store, decider, streamId, () => ({ command, occurredAt, append })), retries);
}
