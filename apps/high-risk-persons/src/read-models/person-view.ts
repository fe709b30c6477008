import type { HighRiskAdvice, HighRiskCategory, HighRiskPersonEvent, SealedField } from '@pingan/contracts';
import type { StoredEvent } from '@pingan/event-store';
import { adviceFor, type HighRiskPersonState } from '../domain/high-risk-person.decider.js';

/** What a hospital (or a health commission) sees: the warning and what to do, no identity, no grounds. */
export interface LimitedPersonView {
  view: 'limited';
  personId: string;
  regionCode: string;
  status: string;
  active: boolean;
  warning: { categories: HighRiskCategory[]; advice: HighRiskAdvice[] } | null;
}

/** What police (and the political-legal committee) see, with sealed fields still sealed; the service opens them. */
export interface FullPersonViewSealed {
  view: 'full';
  personId: string;
  regionCode: string;
  status: string;
  identity: SealedField | null;
  flag: HighRiskPersonState['flag'];
  owners: string[];
  history: {
    type: string;
    occurredAt: string;
    actor: { userId: string; organisationId: string; role: string };
    data: Record<string, unknown>;
  }[];
}

export const statusOf = (state: HighRiskPersonState): string => (state.erased ? 'erased' : (state.flag?.status ?? 'none'));

export function limitedView(state: HighRiskPersonState): LimitedPersonView {
  const active = !state.erased && state.flag?.status === 'active';
  return {
    view: 'limited',
    personId: state.personId!,
    regionCode: state.regionCode!,
    status: statusOf(state),
    active,
    warning: active ? { categories: state.flag!.categories, advice: adviceFor(state.flag!.categories) } : null,
  };
}

export function fullView(state: HighRiskPersonState, events: readonly StoredEvent[]): FullPersonViewSealed {
  const registered = events.find((e) => e.type === 'PersonRegistered') as unknown as HighRiskPersonEvent & { type: 'PersonRegistered' };
  return {
    view: 'full',
    personId: state.personId!,
    regionCode: state.regionCode!,
    status: statusOf(state),
    identity: registered?.data.identity ?? null,
    flag: state.flag,
    owners: state.owners,
    // The whole history: what happened stays, including ended flags (their grounds and reasons sealed until opened).
    history: events.map((e) => ({ type: e.type, occurredAt: e.occurredAt, actor: e.actor, data: e.data })),
  };
}
