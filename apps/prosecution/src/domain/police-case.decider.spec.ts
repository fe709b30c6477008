import { policeCaseDecider } from './police-case.decider.js';
import { accepted, suspect } from './police-case.fixture.js';

describe('evolve', () => {
  it('ignores events before acceptance and keeps state immutable', () => {
    const state = policeCaseDecider.initialState();
    expect(policeCaseDecider.evolve(state, suspect())).toBe(state);
    const open = policeCaseDecider.evolve(state, accepted());
    const next = policeCaseDecider.evolve(open, suspect());
    expect(open).toMatchObject({ suspects: {} });
    expect(next).toMatchObject({
      suspects: { 'suspect-1': { custody: 'none' } },
    });
  });
});
