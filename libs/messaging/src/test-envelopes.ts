import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR, type EventEnvelope } from '@pingan/contracts';

/** A made-up envelope for tests of the transports (not an event of any real context). */
export function testEnvelope(overrides: Partial<EventEnvelope> = {}): EventEnvelope {
  const now = new Date().toISOString();
  return {
    eventId: randomUUID(),
    type: 'TestHappened',
    schemaVersion: 1,
    context: 'messaging-test',
    streamId: 'stream-1',
    streamType: 'test',
    version: 1,
    globalPosition: '1',
    occurredAt: now,
    recordedAt: now,
    actor: SYSTEM_ACTOR,
    correlationId: 'case-1',
    causationId: null,
    data: {},
    ...overrides,
  };
}
