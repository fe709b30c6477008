/** Time is domain: everything that needs "now" asks this, so tests can move it. */
export type Clock = () => Date;

/**
 * Injection token of the app's clock (`@Inject(CLOCK) clock: Clock`), provided by PlatformModule.
 * A test moves time for the whole app with `.overrideProvider(CLOCK).useValue(() => now)`.
 */
export const CLOCK = Symbol('pingan.Clock');

export const systemClock: Clock = () => new Date();
