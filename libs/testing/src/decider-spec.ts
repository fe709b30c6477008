import type { Decider, DomainEvent } from '@pingan/event-store';

/**
 * Given/When/Then for deciders, without infrastructure:
 *   given([events]).when(command).then([events])
 *   given([events]).when(command).thenThrows(ErrorClass, { code })
 */
export function deciderSpec<Command, Event extends DomainEvent, State>(decider: Decider<Command, Event, State>) {
  return (givenEvents: readonly Event[]) => ({
    when: (command: Command) => {
      const run = (): Event[] => decider.decide(command, givenEvents.reduce(decider.evolve, decider.initialState()));
      return {
        then(expected: readonly Event[]): void {
          expect(run()).toEqual(expected);
        },
        thenNothingHappens(): void {
          expect(run()).toEqual([]);
        },
        thenThrows<E extends Error>(errorClass: new (...args: never[]) => E, matching?: Partial<E>): void {
          let thrown: unknown;
          try {
            run();
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(errorClass);
          if (matching) expect(thrown).toMatchObject(matching);
        },
      };
    },
  });
}
