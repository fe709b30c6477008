/** Who did it: every event names the person, their organisation and the role they acted in. */
export interface Actor {
  userId: string;
  organisationId: string;
  role: string;
  /**
   * The person's display name as their access token gave it when they acted, so printed records
   * name people, not ids. Absent on events written before actors carried it, and for the system.
   */
  name?: string;
}

/** The system itself acting (sweepers, relays, anchors). */
export const SYSTEM_ACTOR: Actor = { userId: 'system', organisationId: 'system', role: 'system' };

/**
 * One event as it travels between services: metadata plus data, serialised as JSON.
 * This is the only shape services know about each other's events.
 */
export interface EventEnvelope<Data = Record<string, unknown>> {
  eventId: string; // UUIDv7
  type: string;
  schemaVersion: number;
  context: string; // bounded context that wrote it, e.g. 'incidents'
  streamId: string;
  streamType: string;
  version: number; // 1-based position within the stream
  globalPosition: string; // bigint as string; per store
  occurredAt: string; // ISO 8601 UTC
  recordedAt: string; // ISO 8601 UTC
  actor: Actor;
  correlationId: string; // the case number that ties incident → dispute → prosecution
  causationId: string | null;
  data: Data;
}
