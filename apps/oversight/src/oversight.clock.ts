import { runtimeClockToken } from '@pingan/platform';

/**
 * Injection token of oversight's clock (`() => Date`): the oversight runtime's clock, which is the
 * app's CLOCK. Tests move it with `.overrideProvider(OVERSIGHT_CLOCK).useValue(() => now)`.
 */
export const OVERSIGHT_CLOCK = runtimeClockToken('oversight');
