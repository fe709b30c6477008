import { Logger } from '@nestjs/common';
import { deadLetterTopic, eventsTopic, type EventEnvelope } from '@pingan/contracts';
import {
  Kafka,
  Partitioners,
  logLevel,
  type Admin,
  type Consumer,
  type EachBatchPayload,
  type KafkaConfig,
  type LogEntry,
  type Message,
  type Producer,
} from 'kafkajs';
import type { BusHealth, DeadLetter, MessageBus, SubscribeOptions, Subscription } from './message-bus.js';
import { backoff, errorInfo, sleep } from './timing.js';

export interface KafkaBusOptions {
  brokers: string[];
  clientId: string;
  /**
   * Put before every topic name on the broker, e.g. 'staging.' or a test run's own prefix, so
   * that several systems can share one cluster without reading each other's events. Callers
   * keep using the plain names (`pingan.<context>.events`). Default: none.
   */
  topicPrefix?: string;
  /** Partitions of topics this bus creates (topics are created on first use). Default 3. */
  partitions?: number;
  /** Default -1: the broker's default.replication.factor. */
  replicationFactor?: number;
  /** kafkajs consumer session timeout. Handlers heartbeat while they retry, so this only bounds one attempt. */
  sessionTimeoutMs?: number;
  /** How long subscribe() waits for the first group join. Default 60 s. */
  joinTimeoutMs?: number;
  /** Extra kafkajs client settings (ssl, sasl, …). */
  kafka?: Partial<KafkaConfig>;
}

/**
 * kafkajs behind the MessageBus seam. Everything kafkajs-specific stays in this file, so moving
 * to the KafkaJS-compatible API of @confluentinc/kafka-javascript is a change here only.
 */
export class KafkaBus implements MessageBus {
  private readonly log = new Logger(KafkaBus.name);
  private readonly kafka: Kafka;
  private producer: Promise<Producer> | null = null;
  private admin: Promise<Admin> | null = null;
  private readonly knownTopics = new Set<string>();
  private readonly consumers = new Set<Consumer>();
  private closed = false;

  constructor(private readonly options: KafkaBusOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.WARN,
      logCreator: () => (entry: LogEntry) => this.kafkaLog(entry),
      retry: { retries: 5, initialRetryTime: 200, maxRetryTime: 5_000 },
      ...options.kafka,
    });
  }

  async publish(envelopes: readonly EventEnvelope[]): Promise<void> {
    if (envelopes.length === 0) return;
    // Group by topic, keeping the given order inside each topic (and so per key).
    const byTopic = new Map<string, Message[]>();
    for (const envelope of envelopes) {
      const topic = eventsTopic(envelope.context);
      const messages = byTopic.get(topic) ?? [];
      messages.push({ key: envelope.streamId, value: JSON.stringify(envelope) });
      byTopic.set(topic, messages);
    }
    await this.send(byTopic);
  }

  async publishDeadLetter(letter: DeadLetter): Promise<void> {
    const key = letter.envelope?.streamId ?? null;
    await this.send(new Map([[deadLetterTopic(letter.topic), [{ key, value: JSON.stringify(letter) }]]]));
  }

  async subscribe({ group, topics: logicalTopics, handle }: SubscribeOptions): Promise<Subscription> {
    const topics = logicalTopics.map((t) => this.physical(t));
    await this.ensureTopics(topics);
    const consumer = this.kafka.consumer({
      groupId: group,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: 3_000,
      allowAutoTopicCreation: false,
      retry: { retries: 10, initialRetryTime: 300, maxRetryTime: 10_000 },
    });
    this.consumers.add(consumer);
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    try {
      await consumer.connect();
      // A new group starts from the beginning of the topic: it must see every event still retained.
      await consumer.subscribe({ topics, fromBeginning: true });
      await consumer.run({
        partitionsConsumedConcurrently: 1,
        eachBatchAutoResolve: false, // an offset is resolved only after its handler succeeded
        eachBatch: (payload) => this.consumeBatch(group, payload, handle),
      });
      await withTimeout(joined, this.options.joinTimeoutMs ?? 60_000, `consumer group ${group} did not join`);
    } catch (err) {
      this.consumers.delete(consumer);
      await consumer.disconnect().catch(() => undefined);
      throw err;
    }
    return {
      close: async () => {
        this.consumers.delete(consumer);
        await consumer.disconnect();
      },
    };
  }

  async health(): Promise<BusHealth> {
    try {
      const admin = await this.adminClient();
      const cluster = await withTimeout(admin.describeCluster(), 5_000, 'describeCluster timed out');
      return { up: cluster.brokers.length > 0, detail: `kafka: ${cluster.brokers.length} broker(s)` };
    } catch (err) {
      return { up: false, detail: errorInfo(err).message };
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.consumers].map((c) => c.disconnect()));
    this.consumers.clear();
    const producer = this.producer;
    const admin = this.admin;
    this.producer = this.admin = null;
    await Promise.allSettled([producer?.then((p) => p.disconnect()), admin?.then((a) => a.disconnect())]);
  }

  private async consumeBatch(group: string, payload: EachBatchPayload, handle: SubscribeOptions['handle']) {
    const { batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary } = payload;
    for (const message of batch.messages) {
      // After a rebalance (stale) the rest of this batch belongs to someone else or will be fetched again.
      if (!isRunning() || isStale()) return;
      const meta = { topic: this.logical(batch.topic), partition: batch.partition, offset: message.offset };
      const raw = message.value?.toString('utf8') ?? '';
      let envelope: EventEnvelope | null = null;
      try {
        envelope = JSON.parse(raw) as EventEnvelope;
      } catch {
        envelope = null;
      }
      for (let attempt = 1; ; attempt++) {
        try {
          if (envelope) await handle(envelope, meta);
          else
            await this.publishDeadLetter({
              ...meta,
              group,
              envelope: null,
              raw,
              error: { message: 'message value is not a JSON event envelope' },
              attempts: 1,
              failedAt: new Date().toISOString(),
            });
          break;
        } catch (err) {
          // Infrastructure trouble (database down, DLQ unreachable): keep the offset, retry in place.
          // Heartbeat while waiting so the group does not rebalance us out (the kafkajs trap).
          this.log.warn(`${group} ${meta.topic}[${meta.partition}]@${meta.offset} attempt ${attempt}: ${errorInfo(err).message}`);
          if (!isRunning()) throw err;
          await sleep(backoff(attempt, 200, 5_000));
          await heartbeat();
          if (isStale()) return;
        }
      }
      resolveOffset(message.offset);
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
  }

  private async send(byTopic: Map<string, Message[]>): Promise<void> {
    if (this.closed) throw new Error('KafkaBus is closed');
    await this.ensureTopics([...byTopic.keys()].map((t) => this.physical(t)));
    const producer = await this.producerClient();
    try {
      await producer.sendBatch({
        acks: -1, // all in-sync replicas; required by the idempotent producer anyway
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic: this.physical(topic), messages })),
      });
    } catch (err) {
      // After a failure the idempotent producer's sequence numbers may be out of step with the broker
      // (e.g. across a broker restart); a fresh producer gets a fresh producer id. Redelivery is fine:
      // consumers dedupe by event id.
      this.resetProducer(producer);
      throw err;
    }
  }

  private physical(topic: string): string {
    return `${this.options.topicPrefix ?? ''}${topic}`;
  }

  private logical(topic: string): string {
    const prefix = this.options.topicPrefix ?? '';
    return topic.startsWith(prefix) ? topic.slice(prefix.length) : topic;
  }

  private producerClient(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner, // murmur2, as the Java client: same key → same partition
        allowAutoTopicCreation: false,
        retry: { retries: 5, initialRetryTime: 200, maxRetryTime: 5_000 },
      });
      const connecting = producer.connect().then(() => producer);
      connecting.catch(() => {
        if (this.producer === connecting) this.producer = null;
      });
      this.producer = connecting;
    }
    return this.producer;
  }

  private resetProducer(producer: Producer): void {
    this.producer = null;
    producer.disconnect().catch(() => undefined);
  }

  private adminClient(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      const connecting = admin.connect().then(() => admin);
      connecting.catch(() => {
        if (this.admin === connecting) this.admin = null;
      });
      this.admin = connecting;
    }
    return this.admin;
  }

  /** Creates missing topics (idempotent), so neither side depends on the broker's auto-creation. */
  /**
   * Creates missing topics (idempotent), so neither side depends on the broker's auto-creation.
   * Several services start at once and create the same topics: "already exists" is success, and a
   * topic is ready only once every partition has a leader; until then, retry for a while.
   */
  private async ensureTopics(topics: string[]): Promise<void> {
    const missing = topics.filter((t) => !this.knownTopics.has(t));
    if (missing.length === 0) return;
    for (let attempt = 1; ; attempt++) {
      const admin = await this.adminClient();
      try {
        await admin
          .createTopics({
            waitForLeaders: true,
            topics: missing.map((topic) => ({
              topic,
              numPartitions: this.options.partitions ?? 3,
              replicationFactor: this.options.replicationFactor ?? -1,
            })),
          })
          .catch(() => undefined); // created by someone else meanwhile, or leaders still electing: checked below
        const { topics: metadata } = await admin.fetchTopicMetadata({ topics: missing });
        const ready = metadata.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0));
        if (ready) break;
        throw new Error(`topics ${missing.join(', ')} have no leaders yet`);
      } catch (err) {
        if (attempt >= 10) {
          this.admin = null;
          admin.disconnect().catch(() => undefined);
          throw err;
        }
        await sleep(backoff(attempt, 200, 3_000));
      }
    }
    for (const t of missing) this.knownTopics.add(t);
  }

  private kafkaLog({ level, log }: LogEntry): void {
    // Bounded producer retries are deliberate: the relay retries the whole batch, with a fresh producer.
    if (log.message.startsWith('Limiting retries for the idempotent producer')) return;
    const text = `${log.message}${log.error ? `: ${String(log.error)}` : ''}`;
    if (level <= logLevel.ERROR) this.log.error(text);
    else if (level === logLevel.WARN) this.log.warn(text);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
