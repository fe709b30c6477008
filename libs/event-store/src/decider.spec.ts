import { fold, type Decider } from '@pingan/event-store';
import { deciderSpec } from '@pingan/testing';

// A tiny decider in the shape every service uses, to pin down the kit and fold.
type Command = { type: 'Open'; caseNumber: string } | { type: 'Close'; reason: string };
type Event = { type: 'Opened'; data: { caseNumber: string } } | { type: 'Closed'; data: { reason: string } };
type State = { status: 'none' | 'open' | 'closed' };

class CaseClosedError extends Error {
  readonly code = 'CASE.ALREADY_CLOSED';
}

const decider: Decider<Command, Event, State> = {
  initialState: () => ({ status: 'none' }),
  evolve: (_state, event) => {
    switch (event.type) {
      case 'Opened':
        return { status: 'open' };
      case 'Closed':
        return { status: 'closed' };
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'Open':
        return state.status === 'none' ? [{ type: 'Opened', data: { caseNumber: command.caseNumber } }] : [];
      case 'Close':
        if (state.status === 'closed') throw new CaseClosedError('already closed');
        return [{ type: 'Closed', data: { reason: command.reason } }];
    }
  },
};

const given = deciderSpec(decider);

describe('decider Given/When/Then kit', () => {
  it('then: the events the command produces', () => {
    given([])
      .when({ type: 'Open', caseNumber: 'C-1' })
      .then([{ type: 'Opened', data: { caseNumber: 'C-1' } }]);
  });

  it('thenNothingHappens: an idempotent repeat', () => {
    given([{ type: 'Opened', data: { caseNumber: 'C-1' } }])
      .when({ type: 'Open', caseNumber: 'C-1' })
      .thenNothingHappens();
  });

  it('thenThrows: a domain error with its stable code', () => {
    given([
      { type: 'Opened', data: { caseNumber: 'C-1' } },
      { type: 'Closed', data: { reason: 'resolved' } },
    ])
      .when({ type: 'Close', reason: 'again' })
      .thenThrows(CaseClosedError, { code: 'CASE.ALREADY_CLOSED' });
  });

  it('the kit itself fails when the decider does not do what is claimed', () => {
    expect(() => given([]).when({ type: 'Close', reason: 'x' }).thenThrows(CaseClosedError)).toThrow();
    expect(() => given([]).when({ type: 'Open', caseNumber: 'C-1' }).then([])).toThrow();
  });

  it('fold replays events into state', () => {
    expect(fold(decider, [{ type: 'Opened', data: { caseNumber: 'C-1' } }])).toEqual({ status: 'open' });
  });
});
