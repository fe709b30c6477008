import { clockOutcome, computeStatistics, statisticsRows, ALL_SECTIONS } from './statistics.js';

const now = new Date('2026-11-20T00:00:00Z');
const clock = (
  state: string,
  due: string,
  completed: string | null = null,
  rule = 'police-arrival',
  c: string | null = 'police_arrival',
) => ({
  rule,
  clock: c,
  state,
  due_at: due,
  completed_at: completed,
});

describe('statistics', () => {
  it('counts a clock done late, or overdue and not yet swept, as breached', () => {
    expect(clockOutcome(clock('met', '2026-11-10T00:00:00Z'), now)).toBe('met');
    expect(clockOutcome(clock('warned', '2026-11-10T00:00:00Z', '2026-11-11T00:00:00Z'), now)).toBe('breached');
    expect(clockOutcome(clock('running', '2026-11-19T00:00:00Z'), now)).toBe('breached');
    expect(clockOutcome(clock('paused', '2026-11-19T00:00:00Z'), now)).toBe('open');
    expect(clockOutcome(clock('running', '2026-11-21T00:00:00Z'), now)).toBe('open');
  });

  it('computes figures and rows', () => {
    const stats = computeStatistics(
      { month: '2026-11', region: '500101', sections: ALL_SECTIONS, now },
      [
        { case_number: 'c1', hospital_id: 'h1', categories: ['assault_on_staff'], incident_outcome: null, major: true },
        { case_number: 'c2', hospital_id: 'h1', categories: ['other'], incident_outcome: null, major: false },
      ],
      [
        clock('met', '2026-11-10T00:00:00Z'),
        clock('breached', '2026-11-10T00:00:00Z'),
        clock('met', '2026-11-10T00:00:00Z', null, 'national-report', 'national_report'),
      ],
      [
        { area: 'mediation', outcome: 'agreed' },
        { area: 'penalty', outcome: 'fine' },
      ],
    );
    expect(stats.responseTime).toEqual({ met: 1, breached: 1, cancelled: 0, open: 0, rate: 0.5 });
    expect(stats.deadlines!['national-report'].rate).toBe(1);
    expect(stats.penalties).toEqual({ fine: 1 });
    expect(statisticsRows(stats)).toContainEqual(['2026-11', '500101', 'incidents.category', 'assault_on_staff', 1, null]);
    expect(stats.incidents).toMatchObject({ total: 2, major: 1 });
    expect(statisticsRows(stats)).toContainEqual(['2026-11', '500101', 'incidents', 'major', 1, null]);
  });
});
