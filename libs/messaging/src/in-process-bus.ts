import { Logger } from '@nestjs/common';
import { eventsTopic, type EventEnvelope } from '@pingan/contracts';
import type { BusHealth, DeadLetter, EnvelopeHandler, MessageBus, SubscribeOptions, Subscription } from './message-bus.js';
import { backoff, errorInfo, sleep } from './timing.js';

interface Entry {
  offset: number;
  topic: string;
  envelope: EventEnvelope;
}

interface Group {
  name: string;
  topics: Set<string>;
  handle: EnvelopeHandler;
  next: number; // offset of the next entry to deliver
  closed: boolean;
  wakeUp: (() => void) | null;
  progressed: Array<() => void>;
}

/**
 * The embedded mode's bus: one in-memory log in publish order, one cursor per consumer group.
 * Delivery is asynchronous and in order; a failing handler is retried in place, as KafkaBus does.
 *
 * publish() resolves when every group subscribed to the envelopes' topics has handled them: in embedded
 * mode "acknowledged" means "consumed", because an in-memory log dies with the process and the relay
 * must not checkpoint past an event a crash would lose. So a handler must never await publish() itself
 * (it publishes through its store's outbox). Entries every subscribed group has passed are dropped;
 * a group that subscribes later starts from the oldest entry still kept (subscribe before the relays start).
 */
export class InProcessBus implements MessageBus {
  private readonly log = new Logger(InProcessBus.name);
  private entries: Entry[] = [];
  private nextOffset = 0;
  private readonly groups = new Map<string, Group>();
  private readonly letters: DeadLetter[] = [];
  private closed = false;

  async publish(envelopes: readonly EventEnvelope[]): Promise<void> {
    if (this.closed) throw new Error('InProcessBus is closed');
    if (envelopes.length === 0) return;
    const topics = new Set<string>();
    for (const envelope of envelopes) {
      const topic = eventsTopic(envelope.context);
      topics.add(topic);
      // A copy, as a broker would hand out: consumers cannot mutate what the publisher holds.
      this.entries.push({ offset: this.nextOffset++, topic, envelope: structuredClone(envelope) });
    }
    const last = this.nextOffset - 1;
    const waiting = [...this.groups.values()].filter((g) => [...g.topics].some((t) => topics.has(t)));
    for (const group of this.groups.values()) group.wakeUp?.(); // all: the others skip past these entries
    await Promise.all(waiting.map((group) => this.passed(group, last)));
  }

  async publishDeadLetter(letter: DeadLetter): Promise<void> {
    this.log.error(`dead letter from ${letter.group} on ${letter.topic}: ${letter.error.message}`);
    this.letters.push(structuredClone(letter));
  }

  /** The dead letters published so far (embedded mode keeps them in memory). */
  deadLetters(): readonly DeadLetter[] {
    return this.letters;
  }

  async subscribe({ group: name, topics, handle }: SubscribeOptions): Promise<Subscription> {
    if (this.closed) throw new Error('InProcessBus is closed');
    if (this.groups.has(name)) throw new Error(`consumer group ${name} is already subscribed`);
    const group: Group = {
      name,
      topics: new Set(topics),
      handle,
      next: this.entries[0]?.offset ?? this.nextOffset,
      closed: false,
      wakeUp: null,
      progressed: [],
    };
    this.groups.set(name, group);
    void this.pump(group);
    return {
      close: async () => {
        group.closed = true;
        group.wakeUp?.();
        this.groups.delete(name);
        for (const resolve of group.progressed.splice(0)) resolve();
      },
    };
  }

  async health(): Promise<BusHealth> {
    return { up: !this.closed, detail: 'in-process bus' };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const group of [...this.groups.values()]) {
      group.closed = true;
      group.wakeUp?.();
      for (const resolve of group.progressed.splice(0)) resolve();
    }
    this.groups.clear();
  }

  private async pump(group: Group): Promise<void> {
    while (!group.closed) {
      const entry = this.entryAt(group.next);
      if (!entry) {
        await new Promise<void>((resolve) => (group.wakeUp = resolve));
        group.wakeUp = null;
        continue;
      }
      if (group.topics.has(entry.topic)) {
        // Yield first: delivery never runs inside the publisher's call stack.
        await Promise.resolve();
        for (let attempt = 1; !group.closed; attempt++) {
          try {
            await group.handle(entry.envelope, { topic: entry.topic });
            break;
          } catch (err) {
            this.log.warn(`${group.name} ${entry.topic}@${entry.offset} attempt ${attempt}: ${errorInfo(err).message}`);
            await sleep(backoff(attempt, 100, 5_000));
          }
        }
        if (group.closed) return;
      }
      group.next = entry.offset + 1;
      for (const resolve of group.progressed.splice(0)) resolve();
      this.trim();
    }
  }

  private entryAt(offset: number): Entry | undefined {
    const first = this.entries[0];
    return first ? this.entries[offset - first.offset] : undefined;
  }

  private async passed(group: Group, offset: number): Promise<void> {
    while (!group.closed && group.next <= offset) {
      await new Promise<void>((resolve) => group.progressed.push(resolve));
    }
  }

  /** Drops entries every subscribed group has passed. */
  private trim(): void {
    if (this.groups.size === 0) return;
    const lowest = Math.min(...[...this.groups.values()].map((g) => g.next));
    const first = this.entries[0]?.offset ?? lowest;
    if (lowest - first > 1_000) this.entries = this.entries.slice(lowest - first);
  }
}
