import { highRiskPersonStreamId } from '@pingan/contracts';
import { fold, type PostgresEventStore, type StoredEvent } from '@pingan/event-store';
import { highRiskPersonDecider, type HighRiskPersonState } from '../domain/high-risk-person.decider.js';
import { HighRiskError } from '../domain/high-risk-person.errors.js';
import type { HighRiskPersonEvent } from '../domain/high-risk-person.events.js';
import type { PersonFacts } from '../high-risk-persons.access.js';

/** The record type of a person in the read audit. */
export const HIGH_RISK_RECORD_TYPE = 'high-risk-person';
/** Each hospital's log of door checks (matched or not). */
export const checksStreamId = (hospitalId: string): string => `high-risk-checks-${hospitalId}`;

export const notFound = (): HighRiskError => new HighRiskError('HIGH_RISK.NOT_FOUND', 'No such person on the register');
export const erased = (): HighRiskError => new HighRiskError('HIGH_RISK.PERSON_ERASED', 'The person was erased from the register');

/** What decides who may see or act on the record. */
export const factsOf = (state: HighRiskPersonState): PersonFacts => ({ regionCode: state.regionCode!, owners: state.owners });

/** A person's stream, folded (reads; commands read it once in the generic handler). */
export async function loadPerson(
  store: PostgresEventStore,
  personId: string,
): Promise<{ events: StoredEvent[]; state: HighRiskPersonState }> {
  const events = await store.readStream(highRiskPersonStreamId(personId));
  return { events, state: fold(highRiskPersonDecider, events as unknown as HighRiskPersonEvent[]) };
}
