import { readiness } from './readiness.js';

describe('readiness', () => {
  const up = { up: true, detail: '' };

  it('is up when the database and the broker are', () => {
    expect(readiness({ database: up, broker: up })).toEqual({
      status: 'up',
      degraded: [],
      checks: { database: { status: 'up' }, broker: { status: 'up' } },
    });
  });

  it('is degraded, not down, without the broker: commands are still recorded and relayed later', () => {
    expect(readiness({ database: up, broker: { up: false, detail: 'no answer within 3000 ms' } })).toEqual({
      status: 'degraded',
      degraded: ['broker'],
      checks: { database: { status: 'up' }, broker: { status: 'down', detail: 'no answer within 3000 ms' } },
    });
  });

  it('is down without the database, naming what is down', () => {
    expect(readiness({ database: { up: false, detail: 'QueryFailedError' }, broker: { up: false, detail: 'x' } })).toMatchObject({
      status: 'down',
      degraded: ['database', 'broker'],
    });
    expect(readiness({ database: { up: false, detail: 'x' }, broker: up }).degraded).toEqual(['database']);
  });
});
