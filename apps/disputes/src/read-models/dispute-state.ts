import { DISPUTE_STREAM_TYPE } from '@pingan/contracts';
import type { Query, StoredEvent } from '@pingan/event-store';
import { evolve, initialDisputeState, type DisputeState } from '../domain/dispute.decider.js';
import type { DisputeEvent } from '../domain/dispute.events.js';

/** The context's schema (ServiceRuntime: 'disputes'). */
export const SCHEMA = 'disputes';

export const isDisputeEvent = (event: StoredEvent): boolean => event.streamType === DISPUTE_STREAM_TYPE;

/**
 * Read models keep the folded decider state beside their columns and evolve it with the
 * decider's own `evolve`: the columns can never disagree with what the decider would decide on.
 */
export async function evolvedState(query: Query, table: string, event: StoredEvent): Promise<DisputeState> {
  const [row] = await query<{ state: DisputeState }>(`SELECT state FROM ${table} WHERE dispute_id = $1`, [event.streamId]);
  return evolve(row?.state ?? initialDisputeState(), event as unknown as DisputeEvent);
}
