/** Injection token of oversight's clock (`() => Date`): domain code never calls `new Date()`. */
export const OVERSIGHT_CLOCK = 'pingan:oversight:clock';

/**
 * The clock the oversight runtime and services read. The runtime's options are fixed when the
 * module is declared, so both read through this one holder; tests move time with `set`.
 */
export const oversightTime = {
  now: (): Date => new Date(),
  set(clock: () => Date): void {
    this.now = clock;
  },
  reset(): void {
    this.now = () => new Date();
  },
};
