import type { EventEnvelope } from '@pingan/contracts';

/** Where a delivered envelope came from. Kafka fills partition and offset; the in-process bus leaves them out. */
export interface DeliveryMeta {
  topic: string;
  partition?: number;
  offset?: string;
}

export type EnvelopeHandler = (envelope: EventEnvelope, meta: DeliveryMeta) => Promise<void>;

export interface SubscribeOptions {
  /** Consumer group: one per subscribing service (or projection). Each group sees every message once per member set. */
  group: string;
  topics: string[];
  /**
   * Called once per message, in order per key. A message counts as consumed only when this resolves;
   * if it throws, the bus retries the same message in place (with backoff) and does not move on.
   * Business failures are turned into dead letters one level up, by InboxConsumer.
   */
  handle: EnvelopeHandler;
}

export interface Subscription {
  close(): Promise<void>;
}

export interface BusHealth {
  up: boolean;
  detail?: string;
}

/** What goes to `deadLetterTopic(topic)` when a message keeps failing: the error and the original message. */
export interface DeadLetter {
  topic: string; // the topic the message came from
  group: string; // the consumer group that gave up on it
  envelope: EventEnvelope | null; // null when the message was not even a readable envelope (see raw)
  raw?: string;
  error: { message: string; stack?: string };
  attempts: number;
  failedAt: string; // ISO 8601 UTC
  partition?: number;
  offset?: string;
}

/**
 * The one messaging seam of the system. Two transports: KafkaBus (distributed mode) and
 * InProcessBus (embedded mode, tests). Nothing outside libs/messaging sees kafkajs.
 */
export interface MessageBus {
  /**
   * Publishes to `eventsTopic(envelope.context)`, key = stream id, in the given order.
   * Resolves only when the transport acknowledged every envelope; rejects otherwise (callers retry).
   */
  publish(envelopes: readonly EventEnvelope[]): Promise<void>;
  /** Publishes to `deadLetterTopic(letter.topic)`. */
  publishDeadLetter(letter: DeadLetter): Promise<void>;
  /** Resolves once the subscription is consuming. */
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  health(): Promise<BusHealth>;
  close(): Promise<void>;
}
