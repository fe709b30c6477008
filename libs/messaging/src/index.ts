export type { BusHealth, DeadLetter, DeliveryMeta, EnvelopeHandler, MessageBus, SubscribeOptions, Subscription } from './message-bus.js';
export { KafkaBus, type KafkaBusOptions } from './kafka-bus.js';
export { InProcessBus } from './in-process-bus.js';
export { InboxConsumer, type InboxConsumerOptions, type InboxHandler, type ProcessOutcome } from './inbox-consumer.js';
export { OutboxRelay, toEnvelope, type OutboxRelayOptions, type RelaySource, type RelayStatus } from './outbox-relay.js';
export { messagingMigrations } from './migrations/index.js';
