import { Command as CqrsCommand, type ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '@pingan/contracts';
import { decideOnStream, retryOnConflict, type Decider, type DomainEvent, type Query, type StoredEvent } from '@pingan/event-store';
import type { ServiceRuntime } from '../event-sourcing/service-runtime.js';
import type { Command, CommandInput } from './command.js';
import { checkOccurredAt, occurredAtBounds, type OccurredAt, type OccurredAtBounds } from './occurred-at.js';

const beganAt = (value: Date | string | null | undefined): Date | null =>
  value === null || value === undefined ? null : value instanceof Date ? value : new Date(value);

/**
 * What the handler needs of a runtime: a ServiceRuntime, or a context's own store that has no
 * clocks or relay (the gateway's access directory).
 */
export type CommandRuntime = Pick<ServiceRuntime, 'store' | 'db' | 'clock'>;

/** What the pipeline needs to know of an aggregate: its decider and where its streams live. */
export interface Aggregate<C extends Command, E extends DomainEvent, S> {
  streamType: string;
  decider: Decider<C, E, S>;
  /**
   * When the case began (e.g. the incident occurred): a fact stated earlier is refused.
   * Default: when the stream's first event happened.
   */
  beganAt?: (state: S, history: readonly StoredEvent[]) => Date | string | null;
  /** How stated instants are bounded (default: occurredAtBounds() from the environment). */
  occurredAtBounds?: OccurredAtBounds;
}

/** The outcome of a command: the new events, the state after them, the history before them. */
export interface Decided<E extends DomainEvent, S> {
  events: E[];
  state: S;
  history: StoredEvent[];
  /** The stream's version after the command. */
  version: number;
  /** The case number the events were recorded under. */
  correlationId: string;
}

export interface DecideRequest<C extends Command, E extends DomainEvent, S> {
  streamId: string;
  /** The command, or how to state it from the stream as read (when it depends on the state). */
  command: CommandInput<C> | ((state: S, history: readonly StoredEvent[]) => CommandInput<C>);
  actor: Actor;
  /**
   * The case number that ties the contexts' events together; or how to read it from the stream,
   * when the stream id is not the case number (a dispute's id is a UUID).
   */
  correlationId: string | ((state: S, history: readonly StoredEvent[]) => string);
  causationId?: string | null;
  /**
   * May the actor give this command to this aggregate as it stands? Throws (AccessDeniedError,
   * a NotFound) if not; runs on the state the command is decided on.
   */
  authorise?: (state: S, history: readonly StoredEvent[]) => void;
  /** Writes that must commit with the events or not at all (e.g. a service-local record). */
  inTransaction?: (query: Query, decided: Decided<E, S>) => Promise<void>;
  /** Decide and append inside this transaction (an inbox consumer's: effect and inbox row commit together). */
  query?: Query;
  /** How often to read and decide again when another writer got there first (default 3). */
  retries?: number;
  /** When the command is decided, if not the runtime's now (a consumer acting at the instant of the event it follows). */
  now?: Date;
  /**
   * When the fact the command records happened, as the user stated it (which field): checked
   * against now, the case's beginning and the earliest plausible instant (422 naming the field),
   * then given to the decider as `metadata.occurredAt` and written as the events' occurred-at.
   * The recorded-at of the events stays the time of the append.
   */
  occurredAt?: OccurredAt;
}

/**
 * The message that carries a command on @nestjs/cqrs's CommandBus. Each aggregate declares its own
 * subclass (the bus routes by class) and a handler extending DeciderCommandHandler.
 */
export class DecideCommand<C extends Command, E extends DomainEvent, S> extends CqrsCommand<Decided<E, S>> {
  constructor(readonly request: DecideRequest<C, E, S>) {
    super();
  }
}

/**
 * The one command handler, for any aggregate: read the stream once, authorise against that state,
 * decide, and append at that version — the clock steps the events carry commit in the same
 * transaction (ServiceRuntime). A conflict (another writer appended first) is decided again on the
 * new state, a bounded number of times, so a command that is no longer valid fails with the
 * decider's error; past the bound it is a 409.
 */
export abstract class DeciderCommandHandler<C extends Command, E extends DomainEvent, S> implements ICommandHandler<
  DecideCommand<C, E, S>,
  Decided<E, S>
> {
  private readonly bounds: OccurredAtBounds;

  protected constructor(
    protected readonly runtime: CommandRuntime,
    protected readonly aggregate: Aggregate<C, E, S>,
  ) {
    this.bounds = aggregate.occurredAtBounds ?? occurredAtBounds();
  }

  execute({ request }: DecideCommand<C, E, S>): Promise<Decided<E, S>> {
    const retries = request.query ? 0 : (request.retries ?? 3); // a failed statement ends the caller's transaction
    return retryOnConflict(() => {
      if (request.query) return this.decideAndAppend(request.query, request);
      if (request.inTransaction) return this.runtime.db.transaction((query) => this.decideAndAppend(query, request));
      return this.decideAndAppend(null, request);
    }, retries);
  }

  private async decideAndAppend(query: Query | null, request: DecideRequest<C, E, S>): Promise<Decided<E, S>> {
    const { decider, streamType } = this.aggregate;
    const store = query ? this.runtime.store.using(query) : this.runtime.store;
    const now = request.now ?? this.runtime.clock();
    const { events, state, history, version, correlationId } = await decideOnStream(
      store,
      decider,
      request.streamId,
      (current, history) => {
        request.authorise?.(current, history);
        const input = typeof request.command === 'function' ? request.command(current, history) : request.command;
        const correlationId = typeof request.correlationId === 'function' ? request.correlationId(current, history) : request.correlationId;
        const occurredAt = request.occurredAt
          ? checkOccurredAt(
              request.occurredAt,
              now,
              beganAt(this.aggregate.beganAt?.(current, history) ?? history[0]?.occurredAt),
              this.bounds,
            )
          : undefined;
        return {
          command: { ...input, metadata: { actor: request.actor, now, ...(occurredAt ? { occurredAt } : {}) } } as C,
          occurredAt: occurredAt ?? now,
          append: { streamType, actor: request.actor, correlationId, causationId: request.causationId ?? null },
        };
      },
    );
    const decided = { events, state, history, version, correlationId };
    if (query && request.inTransaction) await request.inTransaction(query, decided);
    return decided;
  }
}
